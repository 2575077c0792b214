/// One requirement's coverage in its scope: its evidence with the hours and minutes attributed to it, its
/// status with the reasons, and its cells of the matrix.
public struct CoverageRow: Hashable, Sendable, Codable {
    public var competency: CompetencyID
    public var status: CoverageStatus
    /// Why it is not covered, in the order of `docs/coverage.md` §3; empty when covered.
    public var reasons: [CoverageReason]
    /// Who teaches it: modules, micro-lectures only, both or none.
    public var taughtBy: TaughtBy
    /// The highest level any module or micro-lecture reaches, if any maps it.
    public var highestLevel: MappingLevel?
    /// The modules that map it, in course order then module order, each with its attributed hours.
    public var modules: [ModuleEvidence]
    /// The micro-lectures that map it (course, then id), each with its attributed minutes.
    public var lectures: [LectureEvidence]
    /// The items that assess it (practice, exam, practical), bank id then document order.
    public var assessments: [ItemMapping]
    /// Requirement hours: the sum of the hours attributed by every module (and, with `lectures_as_hours`,
    /// every lecture) mapping it (§4.3).
    public var hours: Hundredths
    /// 微课时长: the sum of the lecture minutes attributed to it (§4.4).
    public var lectureMinutes: Hundredths
    /// Its cells of the matrix, in column order; the cells' hours add up to `hours`.
    public var byCourse: [CourseCell]

    public init(
        competency: CompetencyID, status: CoverageStatus, reasons: [CoverageReason] = [], taughtBy: TaughtBy = .none,
        highestLevel: MappingLevel?, modules: [ModuleEvidence] = [], lectures: [LectureEvidence] = [],
        assessments: [ItemMapping] = [], hours: Hundredths = .zero, lectureMinutes: Hundredths = .zero, byCourse: [CourseCell] = []
    ) {
        self.competency = competency
        self.status = status
        self.reasons = reasons
        self.taughtBy = taughtBy
        self.highestLevel = highestLevel
        self.modules = modules
        self.lectures = lectures
        self.assessments = assessments
        self.hours = hours
        self.lectureMinutes = lectureMinutes
        self.byCourse = byCourse
    }

    /// Whether any module or micro-lecture maps it.
    public var isTaught: Bool { taughtBy != .none }
}

/// A module's mapping of a requirement, with the hours the module spends on it in this scope (§4.2).
public struct ModuleEvidence: Hashable, Sendable, Codable {
    public var courseID: String
    public var moduleID: String
    public var level: MappingLevel
    /// The module's hours (all of them).
    public var moduleHours: Hundredths
    /// The hours attributed to this requirement: stated, or its share of the unstated rest.
    public var hours: Hundredths
    /// The hours the mapping states, when it states them.
    public var stated: Hundredths?

    public init(courseID: String, moduleID: String, level: MappingLevel, moduleHours: Hundredths, hours: Hundredths, stated: Hundredths? = nil) {
        self.courseID = courseID
        self.moduleID = moduleID
        self.level = level
        self.moduleHours = moduleHours
        self.hours = hours
        self.stated = stated
    }
}

/// A micro-lecture's mapping of a requirement, with the minutes (and, with `lectures_as_hours`, the hours)
/// attributed to it in this scope (§4.4).
public struct LectureEvidence: Hashable, Sendable, Codable {
    public var lectureID: String
    /// The lecture's course; `nil` for a lecture of no course.
    public var courseID: String?
    public var level: MappingLevel
    /// The lecture's length in minutes (seconds ÷ 60, rounded half up to 0.01).
    public var minutes: Hundredths
    /// The minutes attributed to this requirement.
    public var attributedMinutes: Hundredths
    /// The hours attributed to this requirement; `nil` unless lectures count as hours.
    public var hours: Hundredths?

    public init(lectureID: String, courseID: String?, level: MappingLevel, minutes: Hundredths, attributedMinutes: Hundredths, hours: Hundredths? = nil) {
        self.lectureID = lectureID
        self.courseID = courseID
        self.level = level
        self.minutes = minutes
        self.attributedMinutes = attributedMinutes
        self.hours = hours
    }
}

/// One cell of the matrix: what a course (or the lectures outside courses) brings to a requirement.
public struct CourseCell: Hashable, Sendable, Codable {
    /// The course; `nil` for lectures outside courses.
    public var courseID: String?
    /// The levels present, in I, R, M, A order.
    public var levels: [String]
    /// The hours the course's modules (and lectures, with `lectures_as_hours`) attribute to the requirement.
    public var hours: Hundredths

    public init(courseID: String?, levels: [String], hours: Hundredths) {
        self.courseID = courseID
        self.levels = levels
        self.hours = hours
    }
}
