import CoursemapModel
import Foundation

/// `coverage.json`: one scope's coverage as data, for reviewers' tools, for `coursemap coverage --diff`,
/// and for comparing years. Its shape is `docs/coverage.schema.json`. Keys are sorted and numbers plain, so
/// the same content always gives the same bytes.
public struct CoverageDocument: Codable, Sendable, Equatable {
    public struct FrameworkInfo: Codable, Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
        public var level: String?
        public var version: String?
        public var illustrative: Bool
    }

    /// Where the report comes from (`docs/coverage.md` §7.1); the framework's id, title, level and version
    /// are the `framework` member.
    public struct ProvenanceInfo: Codable, Sendable, Equatable {
        /// The git commit, or `sha256:` and 16 hex digits of the content hash.
        public var revision: String?
        /// Whether the content folder has changes the commit does not hold (git only).
        public var dirty: Bool
        /// UTC `YYYY-MM-DD HH:MM`.
        public var buildDate: String?
        /// `source-date-epoch`, `commit` or `file-time`.
        public var buildDateFrom: String?
        public var coursemapVersion: String

        public init(_ provenance: Provenance) {
            revision = provenance.revision?.text
            dirty = provenance.revision?.isDirty ?? false
            buildDate = provenance.buildDateText
            buildDateFrom = provenance.dateSource?.rawValue
            coursemapVersion = provenance.coursemapVersion
        }
    }

    public struct Rules: Codable, Sendable, Equatable {
        public var coveredAt: MappingLevel
        public var requireAssessment: Bool
        public var blueprintTolerance: Double
        public var text: [String]
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var total: Int
        public var covered: Int
        public var partial: Int
        public var gap: Int
    }

    public struct Gaps: Codable, Sendable, Equatable {
        public var notTaught: [String]
        public var notAssessed: [String]
        public var introducedOnly: [String]
        public var orphans: Orphans
    }

    public struct Requirement: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var group: String
        public var subgroup: String?
        public var statement: LocalizedText
        public var status: CoverageStatus
        public var highestLevel: MappingLevel?
        public var hours: Double
        public var lectureMinutes: Double
        public var modules: [ModuleRef]
        public var lectures: [LectureRef]
        public var items: [ItemRef]
        public var resources: [String]
        public var courses: [CourseCell]
    }

    public struct ModuleRef: Codable, Sendable, Equatable {
        public var course: String
        public var module: String
        public var level: MappingLevel
        public var hours: Double
    }

    public struct LectureRef: Codable, Sendable, Equatable {
        public var lecture: String
        public var level: MappingLevel
        public var minutes: Double
    }

    public struct ItemRef: Codable, Sendable, Equatable {
        public var bank: String
        public var item: String
        public var type: ItemKind
        public var usage: ItemUsage
    }

    public var formatVersion = 1
    public var framework: FrameworkInfo
    /// `nil` (left out) when the build did not work one out (in-memory content in tests).
    public var provenance: ProvenanceInfo?
    public var rules: Rules
    public var summary: Summary
    public var gaps: Gaps
    public var areas: [AreaSummary]
    public var requirements: [Requirement]

    /// The document of `report`; without its requirements (an empty list) when `withRequirements` is false,
    /// for writing them one by one (`encoded(_:framework:rules:orphans:program:pieceSize:emit:)`).
    init(
        report: CoverageReport, framework: Framework, rules: CoverageRules, orphans: Orphans, program: Program, provenance: Provenance? = nil,
        withRequirements: Bool = true
    ) {
        self.provenance = provenance.map(ProvenanceInfo.init)
        let competencies = Dictionary(framework.competencies(in: report.scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.framework = FrameworkInfo(
            id: framework.id, title: framework.title, level: report.scope.level?.rawValue, version: framework.version,
            illustrative: framework.illustrative)
        self.rules = Rules(
            coveredAt: rules.coveredAt, requireAssessment: rules.requireAssessment, blueprintTolerance: rules.blueprintTolerance,
            text: rules.explanation(in: .en))
        self.summary = Summary(
            total: report.rows.count, covered: report.count(.covered), partial: report.count(.partial), gap: report.count(.gap))
        self.gaps = Gaps(
            notTaught: report.notTaught.map(\.competency.description), notAssessed: report.notAssessed.map(\.competency.description),
            introducedOnly: report.introducedOnly.map(\.competency.description), orphans: orphans)
        self.areas = report.areas.map { area in
            var rounded = area
            rounded.weightShare = area.weightShare.map(Self.rounded)
            rounded.itemShare = Self.rounded(area.itemShare)
            rounded.hourShare = Self.rounded(area.hourShare)
            return rounded
        }
        self.requirements = withRequirements ? report.rows.compactMap { row in
            competencies[row.competency].map { Self.requirement(row, competency: $0, program: program) }
        } : []
    }

    /// The entry of one requirement.
    private static func requirement(_ row: CoverageRow, competency: Competency, program: Program) -> Requirement {
        Requirement(
            id: row.competency.description, code: row.competency.code, group: competency.group.code,
            subgroup: competency.subgroup?.code, statement: competency.statement, status: row.status,
            highestLevel: row.highestLevel, hours: row.hours, lectureMinutes: rounded(row.lectureMinutes),
            modules: row.mappings.map { ModuleRef(course: $0.courseID, module: $0.moduleID, level: $0.level, hours: $0.hours) },
            lectures: row.lectures.map { LectureRef(lecture: $0.lectureID, level: $0.level, minutes: rounded($0.minutes)) },
            items: row.assessments.map { ItemRef(bank: $0.bankID, item: $0.itemID, type: $0.kind, usage: $0.usage) },
            resources: program.resourceMappings[row.competency] ?? [],
            courses: row.byCourse.map { CourseCell(courseID: $0.courseID, levels: $0.levels, hours: rounded($0.hours)) })
    }

    /// `coverage.json` of `report` in pieces of about `pieceSize` bytes, byte for byte what `encoded()` gives
    /// for the whole document, with each requirement made and written only when its turn comes: at 100,000
    /// modules the requirements are nearly all of the 70 MB. Stops, returning `false`, when `emit` returns
    /// `false` for a piece before the last; returns `true` once the last piece is handed over.
    static func encoded(
        _ report: CoverageReport, framework: Framework, rules: CoverageRules, orphans: Orphans, program: Program, provenance: Provenance? = nil,
        pieceSize: Int, emit: ([UInt8]) -> Bool
    ) -> Bool {
        let skeleton = CoverageDocument(
            report: report, framework: framework, rules: rules, orphans: orphans, program: program, provenance: provenance, withRequirements: false
        ).encoded()
        // The requirements member, written as an empty array. Only a member of the top-level object starts a
        // line with exactly two spaces and a quote: line breaks inside strings are escaped.
        let opening = Array("\n  \"requirements\" : [".utf8), emptyClose = Array("\n\n  ]".utf8)
        guard let start = skeleton.firstRange(of: opening)?.lowerBound, skeleton[(start + opening.count)...].starts(with: emptyClose) else {
            preconditionFailure("coverage.json without its requirements member")
        }
        var out = Array(skeleton[..<(start + opening.count)])
        let competencies = Dictionary(framework.competencies(in: report.scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var written = 0
        for row in report.rows {
            guard let competency = competencies[row.competency] else { continue }
            if out.count >= pieceSize {
                guard emit(out) else { return false }
                out.removeAll(keepingCapacity: true)
            }
            if written > 0 { out.append(UInt8(ascii: ",")) }
            PrettyJSON.newline(2, to: &out)
            try? JSONWriting.write(requirement(row, competency: competency, program: program), indent: 2, to: &out)
            written += 1
        }
        if written == 0 {
            out.append(contentsOf: emptyClose)
        } else {
            PrettyJSON.newline(1, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: skeleton[(start + opening.count + emptyClose.count)...])
        _ = emit(out)
        return true
    }

    /// Two decimals: enough for minutes and percentages, and stable across platforms.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    func encoded() -> [UInt8] {
        var bytes = (try? PrettyJSON.encode(self)) ?? []
        bytes.append(10)
        return bytes
    }

    /// Reads a `coverage.json` written by this or an earlier build.
    public static func decode(_ data: Data) throws -> CoverageDocument {
        try JSONDecoder().decode(CoverageDocument.self, from: data)
    }

    /// The document for one report, as `build` writes it.
    public static func make(_ report: CoverageReport, program: Program, orphans: Orphans, provenance: Provenance? = nil) -> CoverageDocument? {
        guard let framework = program.framework(report.scope.framework) else { return nil }
        return CoverageDocument(
            report: report, framework: framework, rules: program.config.coverageRules, orphans: orphans, program: program, provenance: provenance)
    }

    public var json: String { String(decoding: encoded(), as: UTF8.self) }
}
