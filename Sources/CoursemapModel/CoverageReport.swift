/// Coverage of one scope — a certificate level (`b2b-data:中级`) or a program-outcome framework — as
/// `docs/coverage.md` defines it: every requirement with its evidence, status and reasons, the 课证融通
/// matrix with its totals, the hours reconciliation, the work areas with the blueprint, and the named lists.
/// Every number is computed here, exactly (`Hundredths`, `Tenths`); pages and files only format them.
public struct CoverageReport: Hashable, Sendable, Codable {
    public var scope: FrameworkScope
    /// Certificate or program outcomes: decides the report's wording and whether it has a blueprint.
    public var kind: Framework.Kind
    /// The rules the statuses were decided with (printed on the report).
    public var rules: CoverageRules
    /// One row per requirement (outcome), in framework order.
    public var rows: [CoverageRow]
    /// One summary per work area (outcome group) of the scope's level only, in framework order, with the
    /// blueprint comparison (§6).
    public var areas: [AreaSummary]
    /// The matrix's columns, in program order: every course that brings any evidence to the scope, then —
    /// only when lectures count as hours and some lecture of no course maps into the scope — the column of
    /// lectures outside courses (`courseID == nil`).
    public var columns: [MatrixColumn]
    /// The hours reconciliation (§4.3): one line per course of the program (program order), then the line
    /// of lectures outside courses when that column exists.
    public var hoursByCourse: [CourseHoursLine]
    /// The reconciliation's final row: the program's totals.
    public var programHours: ProgramHoursTotals
    /// The sum of every column total (= the sum of every row's hours).
    public var grandTotal: Hundredths
    /// The sum of every row's micro-lecture minutes.
    public var totalLectureMinutes: Hundredths

    public init(
        scope: FrameworkScope, kind: Framework.Kind = .certificate, rules: CoverageRules = .standard, rows: [CoverageRow],
        areas: [AreaSummary] = [], columns: [MatrixColumn] = [], hoursByCourse: [CourseHoursLine] = [],
        programHours: ProgramHoursTotals = ProgramHoursTotals(), grandTotal: Hundredths = .zero, totalLectureMinutes: Hundredths = .zero
    ) {
        self.scope = scope
        self.kind = kind
        self.rules = rules
        self.rows = rows
        self.areas = areas
        self.columns = columns
        self.hoursByCourse = hoursByCourse
        self.programHours = programHours
        self.grandTotal = grandTotal
        self.totalLectureMinutes = totalLectureMinutes
    }

    /// The course ids of the matrix's columns (the lectures-outside-courses column left out).
    public var courses: [String] { columns.compactMap(\.courseID) }

    public func count(_ status: CoverageStatus) -> Int { rows.count { $0.status == status } }

    /// covered ÷ total in percent, rounded half up to 0.1 (0 for an empty scope).
    public var coveredPercent: Tenths { Tenths.percent(Int64(count(.covered)), of: Int64(rows.count)) }

    /// Whether the blueprint is shown: a certificate scope with at least one weighted area.
    public var hasBlueprint: Bool { kind == .certificate && areas.contains { $0.weight != nil } }

    /// 未覆盖: every gap requirement (its count is the gap card).
    public var gap: [CoverageRow] { rows.filter { $0.status == .gap } }
    /// 部分覆盖: every partial requirement (its count is the partial card).
    public var partial: [CoverageRow] { rows.filter { $0.status == .partial } }
    /// 无教学: requirements with the reason `not-taught` — gaps and requirements only assessed.
    public var notTaught: [CoverageRow] { rows.filter { $0.taughtBy == .none } }
    /// 无考核: no item assesses it, whatever `require_assessment` says.
    public var notAssessed: [CoverageRow] { rows.filter { $0.assessments.isEmpty } }
    /// 仅引入: the taught level is `I`.
    public var introducedOnly: [CoverageRow] { rows.filter { $0.highestLevel == .introduced } }
}

/// One column of the matrix: a course, or the micro-lectures that belong to no course.
public struct MatrixColumn: Hashable, Sendable, Codable {
    /// The course; `nil` for 微课（无课程）, lectures outside courses.
    public var courseID: String?
    /// The sum of the column's cells.
    public var total: Hundredths

    public init(courseID: String?, total: Hundredths) {
        self.courseID = courseID
        self.total = total
    }
}

/// What the program maps to nothing (orphans, §7): the same list on every report.
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
