/// One line of a report's hours reconciliation (`docs/coverage.md` §4.3): how a course's declared hours
/// become the hours its matrix column shows in the scope. Encoded as a `courses` entry of `coverage.json`,
/// where the course is `course`.
public struct CourseHoursLine: Hashable, Sendable, Codable {
    /// The course; `nil` for the line of micro-lectures outside courses (only with `lectures_as_hours`).
    public var courseID: String?
    /// `hours.theory + hours.practice` of `course.md` (zero for the lectures line).
    public var declared: Hundredths
    /// The sum of the hours of all the course's modules.
    public var moduleHours: Hundredths
    /// The sum of the hours of the course's modules that map into the scope.
    public var moduleHoursInScope: Hundredths
    /// The hours the course's modules attribute to the scope's requirements.
    public var attributed: Hundredths
    /// `moduleHoursInScope − attributed`: hours of modules whose every mapping states hours (未分配).
    public var unattributed: Hundredths
    /// The hours the course's micro-lectures attribute in the scope (zero unless lectures count as hours).
    public var lectureHours: Hundredths
    /// The course's matrix column total: `attributed + lectureHours`.
    public var columnTotal: Hundredths
    /// The course's modules declare more hours than the course (warning CM414).
    public var exceedsDeclared: Bool

    public init(
        courseID: String?, declared: Hundredths = .zero, moduleHours: Hundredths = .zero, moduleHoursInScope: Hundredths = .zero,
        attributed: Hundredths = .zero, unattributed: Hundredths = .zero, lectureHours: Hundredths = .zero,
        columnTotal: Hundredths = .zero, exceedsDeclared: Bool = false
    ) {
        self.courseID = courseID
        self.declared = declared
        self.moduleHours = moduleHours
        self.moduleHoursInScope = moduleHoursInScope
        self.attributed = attributed
        self.unattributed = unattributed
        self.lectureHours = lectureHours
        self.columnTotal = columnTotal
        self.exceedsDeclared = exceedsDeclared
    }

    private enum CodingKeys: String, CodingKey {
        case courseID = "course"
        case declared, moduleHours, moduleHoursInScope, attributed, unattributed, lectureHours, columnTotal, exceedsDeclared
    }
}

/// The reconciliation's final row: the sums of every line. `declared` is the program's hours. Encoded as
/// `coverage.json`'s `totals`.
public struct ProgramHoursTotals: Hashable, Sendable, Codable {
    public var declared: Hundredths
    public var moduleHours: Hundredths
    public var moduleHoursInScope: Hundredths
    public var attributed: Hundredths
    public var unattributed: Hundredths
    public var lectureHours: Hundredths
    /// The matrix's grand total.
    public var columnTotal: Hundredths

    public init(
        declared: Hundredths = .zero, moduleHours: Hundredths = .zero, moduleHoursInScope: Hundredths = .zero, attributed: Hundredths = .zero,
        unattributed: Hundredths = .zero, lectureHours: Hundredths = .zero, columnTotal: Hundredths = .zero
    ) {
        self.declared = declared
        self.moduleHours = moduleHours
        self.moduleHoursInScope = moduleHoursInScope
        self.attributed = attributed
        self.unattributed = unattributed
        self.lectureHours = lectureHours
        self.columnTotal = columnTotal
    }

    /// The totals of `lines`.
    public init(summing lines: [CourseHoursLine]) {
        self.init(
            declared: lines.map(\.declared).sum(), moduleHours: lines.map(\.moduleHours).sum(),
            moduleHoursInScope: lines.map(\.moduleHoursInScope).sum(), attributed: lines.map(\.attributed).sum(),
            unattributed: lines.map(\.unattributed).sum(), lectureHours: lines.map(\.lectureHours).sum(),
            columnTotal: lines.map(\.columnTotal).sum())
    }
}
