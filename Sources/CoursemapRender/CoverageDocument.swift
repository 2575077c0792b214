import CoursemapModel
import Foundation

/// `coverage.json` (format version 2): one scope's coverage as data, for reviewers' tools, for `coursemap
/// coverage --diff`, and for comparing years. Its shape is `docs/coverage.schema.json`; every number is the
/// analyser's exact value written as a decimal (`1.5`, `0.33`, shares with one decimal), keys are sorted,
/// so the same content always gives the same bytes. Version 1 files (before hours were divided) still
/// decode: members they lack take their empty or zero value.
public struct CoverageDocument: Codable, Sendable, Equatable {
    public var formatVersion = 2
    public var framework: FrameworkInfo
    /// Where the report comes from (revision, build date, Coursemap version); left out when the build did
    /// not work one out (in-memory content in tests) and in files written before it existed.
    public var provenance: ProvenanceInfo?
    public var rules: Rules
    public var summary: Summary
    public var gaps: Gaps
    public var areas: [AreaSummary]
    /// The hours reconciliation: one line per course, then the lectures-outside-courses line when present.
    public var courses: [CourseHoursLine]
    /// The reconciliation's final row; `columnTotal` is the matrix's grand total.
    public var totals: ProgramHoursTotals
    public var requirements: [Requirement]

    /// The document of `report`; without its requirements (an empty list) when `withRequirements` is false,
    /// for writing them one by one (`encoded(_:framework:orphans:program:pieceSize:emit:)`).
    init(
        report: CoverageReport, framework: Framework, orphans: Orphans, program: Program, provenance: Provenance? = nil,
        withRequirements: Bool = true
    ) {
        self.provenance = provenance.map(ProvenanceInfo.init)
        let competencies = Dictionary(framework.competencies(in: report.scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = report.rules
        self.framework = FrameworkInfo(
            id: framework.id, title: framework.title, kind: framework.kind, level: report.scope.level?.rawValue, version: framework.version,
            illustrative: framework.illustrative)
        self.rules = Rules(
            coveredAt: rules.coveredAt, requireAssessment: rules.requireAssessment, blueprintTolerance: rules.blueprintToleranceText,
            lecturesAsHours: rules.lecturesAsHours, classHourMinutes: rules.classHourMinutes, text: rules.explanation(in: .en))
        self.summary = Summary(
            total: report.rows.count, covered: report.count(.covered), partial: report.count(.partial), gap: report.count(.gap),
            coveredPercent: report.coveredPercent)
        let ids = { (rows: [CoverageRow]) in rows.map(\.competency.description) }
        self.gaps = Gaps(
            gap: ids(report.gap), partial: ids(report.partial), notTaught: ids(report.notTaught), notAssessed: ids(report.notAssessed),
            introducedOnly: ids(report.introducedOnly), orphans: orphans)
        self.areas = report.areas
        self.courses = report.hoursByCourse
        self.totals = report.programHours
        self.requirements = withRequirements ? report.rows.compactMap { row in
            competencies[row.competency].map { Self.requirement(row, competency: $0, program: program) }
        } : []
    }

    /// The entry of one requirement.
    private static func requirement(_ row: CoverageRow, competency: Competency, program: Program) -> Requirement {
        Requirement(
            id: row.competency.description, code: row.competency.code, group: competency.group.code,
            subgroup: competency.subgroup?.code, statement: competency.statement, status: row.status, reasons: row.reasons,
            taughtBy: row.taughtBy, highestLevel: row.highestLevel, hours: row.hours, lectureMinutes: row.lectureMinutes,
            modules: row.modules.map {
                ModuleRef(course: $0.courseID, module: $0.moduleID, level: $0.level, moduleHours: $0.moduleHours, hours: $0.hours, stated: $0.stated)
            },
            lectures: row.lectures.map {
                LectureRef(lecture: $0.lectureID, course: $0.courseID, level: $0.level, minutes: $0.minutes, attributedMinutes: $0.attributedMinutes, hours: $0.hours)
            },
            items: row.assessments.map { ItemRef(bank: $0.bankID, item: $0.itemID, type: $0.kind, usage: $0.usage, score: Hundredths.of($0.score)) },
            resources: program.resourceMappings[row.competency] ?? [],
            courses: row.byCourse.map { Cell(courseID: $0.courseID, levels: $0.levels, hours: $0.hours) })
    }

    /// `coverage.json` of `report` in pieces of about `pieceSize` bytes, byte for byte what `encoded()` gives
    /// for the whole document, with each requirement made and written only when its turn comes: at 100,000
    /// modules the requirements are nearly all of the 70 MB. Stops, returning `false`, when `emit` returns
    /// `false` for a piece before the last; returns `true` once the last piece is handed over.
    static func encoded(
        _ report: CoverageReport, framework: Framework, orphans: Orphans, program: Program, provenance: Provenance? = nil, pieceSize: Int,
        emit: ([UInt8]) -> Bool
    ) -> Bool {
        let skeleton = CoverageDocument(
            report: report, framework: framework, orphans: orphans, program: program, provenance: provenance, withRequirements: false
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

    func encoded() -> [UInt8] {
        var bytes = (try? PrettyJSON.encode(self)) ?? []
        bytes.append(10)
        return bytes
    }

    /// Reads a `coverage.json` written by this or an earlier build (format version 1 or 2).
    public static func decode(_ data: Data) throws -> CoverageDocument {
        try JSONDecoder().decode(CoverageDocument.self, from: data)
    }

    /// The document for one report, as `build` writes it.
    public static func make(_ report: CoverageReport, program: Program, orphans: Orphans, provenance: Provenance? = nil) -> CoverageDocument? {
        guard let framework = program.framework(report.scope.framework) else { return nil }
        return CoverageDocument(report: report, framework: framework, orphans: orphans, program: program, provenance: provenance)
    }

    public var json: String { String(decoding: encoded(), as: UTF8.self) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        guard formatVersion == 1 || formatVersion == 2 else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: c,
                debugDescription: "format version \(formatVersion) is not one this Coursemap reads (1 or 2)")
        }
        framework = try c.decode(FrameworkInfo.self, forKey: .framework)
        provenance = try c.decodeIfPresent(ProvenanceInfo.self, forKey: .provenance)
        rules = try c.decode(Rules.self, forKey: .rules)
        summary = try c.decode(Summary.self, forKey: .summary)
        gaps = try c.decode(Gaps.self, forKey: .gaps)
        areas = try c.decodeIfPresent([AreaSummary].self, forKey: .areas) ?? []
        courses = try c.decodeIfPresent([CourseHoursLine].self, forKey: .courses) ?? []
        totals = try c.decodeIfPresent(ProgramHoursTotals.self, forKey: .totals) ?? ProgramHoursTotals()
        requirements = try c.decode([Requirement].self, forKey: .requirements)
    }
}
