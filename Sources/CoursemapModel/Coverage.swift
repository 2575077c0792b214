/// Coverage of one framework scope (a certificate level or an outcome framework): every competency with the
/// modules that teach it and a status.
public struct CoverageReport: Hashable, Sendable, Codable {
    public var scope: FrameworkScope
    public var rows: [CoverageRow]
    /// One summary per work area (or outcome group), in framework order, with the blueprint comparison.
    public var areas: [AreaSummary]
    /// The courses that bring any evidence to this scope, in program order: the matrix's columns.
    public var courses: [String]

    public init(scope: FrameworkScope, rows: [CoverageRow], areas: [AreaSummary] = [], courses: [String] = []) {
        self.scope = scope
        self.rows = rows
        self.areas = areas
        self.courses = courses
    }

    public func count(_ status: CoverageStatus) -> Int { rows.count { $0.status == status } }

    /// Gap list 1: requirements that no module or micro-lecture teaches.
    public var notTaught: [CoverageRow] { rows.filter { $0.mappings.isEmpty && $0.lectures.isEmpty } }
    /// Gap list 2: requirements that no item assesses.
    public var notAssessed: [CoverageRow] { rows.filter { $0.assessments.isEmpty } }
    /// Gap list 4: requirements introduced (I) but never reinforced or mastered.
    public var introducedOnly: [CoverageRow] { rows.filter { $0.highestLevel == .introduced } }
}

/// A work area's (or outcome group's) coverage, and how its exam weight compares with its share of the
/// evidence.
public struct AreaSummary: Hashable, Sendable, Codable {
    public var code: String
    public var title: LocalizedText
    public var total: Int
    public var covered: Int
    public var partial: Int
    public var gap: Int
    /// The area's exam weight, and its share of all weights in percent, when the framework gives weights.
    public var weight: Double?
    public var weightShare: Double?
    /// The area's share (percent) of the scope's item–requirement assessments, and of its teaching hours.
    public var itemShare: Double
    public var hourShare: Double
    /// Whether either share differs from the weight share by more than the rules' tolerance.
    public var flagged: Bool

    public init(code: String, title: LocalizedText, total: Int, covered: Int, partial: Int, gap: Int, weight: Double?, weightShare: Double?, itemShare: Double, hourShare: Double, flagged: Bool) {
        self.code = code
        self.title = title
        self.total = total
        self.covered = covered
        self.partial = partial
        self.gap = gap
        self.weight = weight
        self.weightShare = weightShare
        self.itemShare = itemShare
        self.hourShare = hourShare
        self.flagged = flagged
    }
}

/// What the program maps to nothing: gap list 3 (orphans).
public struct Orphans: Hashable, Sendable, Codable {
    /// `course/module`
    public var modules: [String]
    public var lectures: [String]
    public var resources: [String]
    /// `bank/item`
    public var items: [String]

    public init(modules: [String] = [], lectures: [String] = [], resources: [String] = [], items: [String] = []) {
        self.modules = modules
        self.lectures = lectures
        self.resources = resources
        self.items = items
    }

    public var isEmpty: Bool { modules.isEmpty && lectures.isEmpty && resources.isEmpty && items.isEmpty }
    public var count: Int { modules.count + lectures.count + resources.count + items.count }
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
    /// The evidence per course: the cells of the 课证融通 matrix.
    public var byCourse: [CourseCell]
    /// Minutes of micro-lectures that teach it.
    public var lectureMinutes: Double { lectures.reduce(0) { $0 + $1.minutes } }

    public init(
        competency: CompetencyID, mappings: [ModuleMapping], status: CoverageStatus, highestLevel: MappingLevel?,
        hours: Double, assessments: [ItemMapping] = [], lectures: [LectureMapping] = [], byCourse: [CourseCell] = []
    ) {
        self.lectures = lectures
        self.byCourse = byCourse
        self.competency = competency
        self.mappings = mappings
        self.assessments = assessments
        self.status = status
        self.highestLevel = highestLevel
        self.hours = hours
    }
}

/// One cell of the 课证融通 matrix: what a course brings to a requirement.
public struct CourseCell: Hashable, Sendable, Codable {
    public var courseID: String
    /// The levels present, in I, R, M, A order.
    public var levels: [String]
    /// Module hours plus micro-lecture minutes / 60.
    public var hours: Double

    public init(courseID: String, levels: [String], hours: Double) {
        self.courseID = courseID
        self.levels = levels
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
