import CoursemapModel
import CoursemapRender

/// The fields of a `coverage.json` that differ between format versions, read one way for the terminal table
/// and the diff. A version 1 file has no reasons and records only some settings: those come back `nil`
/// (unknown), never derived.
enum CoverageDocumentFields {
    /// The settings of `coverage:` the file records, with their `coursemap.yml` names, in the order of
    /// `docs/coverage.md` §3.
    static func settings(_ document: CoverageDocument) -> [(String, String)] {
        let rules = document.rules
        var settings = [
            ("covered_at", rules.coveredAt.rawValue),
            ("require_assessment", String(rules.requireAssessment)),
            ("blueprint_tolerance", rules.blueprintTolerance),
        ]
        if document.formatVersion >= 2 {
            settings += [("lectures_as_hours", String(rules.lecturesAsHours)), ("class_hour_minutes", String(rules.classHourMinutes))]
        }
        return settings
    }

    /// The requirement's reasons (`not-taught`, `below-level`, `not-assessed`), or `nil` when the file does
    /// not record them.
    static func reasons(_ requirement: CoverageDocument.Requirement, in document: CoverageDocument) -> [CoverageReason]? {
        document.formatVersion >= 2 ? requirement.reasons : nil
    }

    /// The area's share of exam points, or `nil` for a version 1 file (which compared item counts).
    static func examShare(_ area: AreaSummary, in document: CoverageDocument) -> Tenths? {
        document.formatVersion >= 2 ? area.examShare : nil
    }
}

extension CoverageDocument {
    /// `b2b-data:中级`, `cbec-outcomes`.
    var scopeDescription: String { framework.id + (framework.level.map { ":\($0)" } ?? "") }
}
