/// Coverage of one framework scope (a certificate level or an outcome framework): every competency with the
/// modules that teach it and a status.
public struct CoverageReport: Hashable, Sendable, Codable {
    public var scope: FrameworkScope
    public var rows: [CoverageRow]

    public init(scope: FrameworkScope, rows: [CoverageRow]) {
        self.scope = scope
        self.rows = rows
    }

    public func count(_ status: CoverageStatus) -> Int { rows.count { $0.status == status } }
}

/// One competency's coverage.
public struct CoverageRow: Hashable, Sendable, Codable {
    public var competency: CompetencyID
    public var mappings: [ModuleMapping]
    public var status: CoverageStatus
    /// The highest level any module reaches, if any maps it.
    public var highestLevel: MappingLevel?
    /// Sum of the hours of the modules that map it.
    public var hours: Double
    /// The items that assess it (A): practice and exam items, practical tasks.
    public var assessments: [ItemMapping]
    /// The micro-lectures that teach it.
    public var lectures: [LectureMapping]
    /// Minutes of micro-lectures that teach it.
    public var lectureMinutes: Double { lectures.reduce(0) { $0 + $1.minutes } }

    public init(
        competency: CompetencyID, mappings: [ModuleMapping], status: CoverageStatus, highestLevel: MappingLevel?,
        hours: Double, assessments: [ItemMapping] = [], lectures: [LectureMapping] = []
    ) {
        self.lectures = lectures
        self.competency = competency
        self.mappings = mappings
        self.assessments = assessments
        self.status = status
        self.highestLevel = highestLevel
        self.hours = hours
    }
}

/// Coverage status of a competency. The rules live in `CoverageRules` (analyse stage) and in
/// `docs/content.md`.
public enum CoverageStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Some module takes it to mastery (M).
    case covered
    /// Modules map it, but only introduce or reinforce it (I / R).
    case partial
    /// No module maps it.
    case gap

    public var name: LocalizedText {
        switch self {
        case .covered: return LocalizedText(zh: "已覆盖", en: "Covered")
        case .partial: return LocalizedText(zh: "部分覆盖", en: "Partial")
        case .gap: return LocalizedText(zh: "未覆盖", en: "Gap")
        }
    }
}
