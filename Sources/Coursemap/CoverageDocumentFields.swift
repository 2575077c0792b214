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
        return [
            ("covered_at", rules.coveredAt.rawValue),
            ("require_assessment", String(rules.requireAssessment)),
            ("blueprint_tolerance", NumberText.plain(rules.blueprintTolerance)),
        ]
    }

    /// The requirement's reasons (`not-taught`, `below-level`, `not-assessed`), or `nil` when the file does
    /// not record them.
    static func reasons(_ requirement: CoverageDocument.Requirement, in document: CoverageDocument) -> [String]? {
        nil
    }

    /// The area's share of exam points (version 2) or of assessments (version 1), in percent.
    static func examShare(_ area: AreaSummary) -> Double? {
        area.itemShare
    }
}

extension CoverageDocument {
    /// `b2b-data:中级`, `cbec-outcomes`.
    var scopeDescription: String { framework.id + (framework.level.map { ":\($0)" } ?? "") }
}
