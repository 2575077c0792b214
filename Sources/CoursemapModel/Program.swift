/// The resolved program: every reference checked, everything sorted, reverse indexes built.
/// This is what analysis and rendering read.
public struct Program: Hashable, Sendable {
    public var config: SiteConfig
    /// Sorted by id.
    public var frameworks: [Framework]
    /// Sorted by semester, then course code, then id.
    public var courses: [Course]
    /// Each course's modules, sorted by order then id.
    public var modulesByCourse: [String: [Module]]
    /// Every competency of every framework, by id.
    public var competencies: [CompetencyID: Competency]
    /// For each competency, the modules that claim it (reverse index), sorted by course order then module
    /// order. Claims to unknown competencies are not here (they were diagnosed).
    public var mappings: [CompetencyID: [ModuleMapping]]
    /// The scopes coverage is reported on.
    public var reportScopes: [FrameworkScope]
    public var themeFiles: [String: ThemeFile]

    public init(
        config: SiteConfig, frameworks: [Framework], courses: [Course], modulesByCourse: [String: [Module]],
        competencies: [CompetencyID: Competency], mappings: [CompetencyID: [ModuleMapping]],
        reportScopes: [FrameworkScope], themeFiles: [String: ThemeFile] = [:]
    ) {
        self.config = config
        self.frameworks = frameworks
        self.courses = courses
        self.modulesByCourse = modulesByCourse
        self.competencies = competencies
        self.mappings = mappings
        self.reportScopes = reportScopes
        self.themeFiles = themeFiles
    }

    public func framework(_ id: String) -> Framework? { frameworks.first { $0.id == id } }
    public func course(_ id: String) -> Course? { courses.first { $0.id == id } }
    public func modules(of courseID: String) -> [Module] { modulesByCourse[courseID] ?? [] }
    public var allModules: [Module] { courses.flatMap { modules(of: $0.id) } }
}

/// One module's claim on a competency, as seen from the competency.
public struct ModuleMapping: Hashable, Sendable, Codable {
    public var moduleID: String
    public var courseID: String
    public var level: MappingLevel
    public var hours: Double

    public init(moduleID: String, courseID: String, level: MappingLevel, hours: Double) {
        self.moduleID = moduleID
        self.courseID = courseID
        self.level = level
        self.hours = hours
    }
}
