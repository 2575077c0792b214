/// The contexts of the coverage report page and of a requirement page (`docs/coverage.md` §7). Every number
/// in them is text the analyser's exact values were formatted to; none is computed here.

/// One coverage report: provenance, cards, the named lists, work areas, matrix with the hours
/// reconciliation, blueprint, every requirement and the rules.
struct CoveragePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: String
    let frameworkHref: String
    let illustrative: Bool
    let summary: ScopeSummary
    /// covered ÷ total in percent, one decimal (the analyser's `coveredPercent`).
    let coveredPercent: String
    let rules: [String]
    let jsonHref: String
    let csvHref: String
    let provenance: ProvenanceView
    /// Outcomes wording (培养规格, outcome groups, 课程–培养规格矩阵) instead of certificate wording.
    let isOutcomes: Bool
    /// 未覆盖: every gap; as many as the gap card.
    let gaps: [CompetencyItem]
    /// 部分覆盖: every partial requirement with its reasons; as many as the partial card.
    let partials: [CompetencyItem]
    /// The lists by kind of missing evidence, which overlap with the two above and with each other.
    let notTaught: [CompetencyItem]
    let notAssessed: [CompetencyItem]
    let introducedOnly: [CompetencyItem]
    let orphans: [LinkView]
    let areas: [AreaRow]
    let matrixCourses: [MatrixCourse]
    let matrixRows: [MatrixRow]
    let matrixTotals: [String]
    let matrixTotal: String
    /// The hours reconciliation: one line per course (and the lectures outside courses), then the program.
    let reconciliation: [HoursLineView]
    let reconciliationTotal: HoursLineView
    /// Whether micro-lecture time counts as 学时 (the reconciliation then shows the lectures' hours).
    let lecturesAsHours: Bool
    let blueprint: [BlueprintRow]
    let hasBlueprint: Bool
    /// The blueprint tolerance as `coursemap.yml` gives it.
    let tolerance: String
    let groups: [CoverageGroup]
}

/// Where a report comes from, as its provenance block prints it (`docs/coverage.md` §7.1).
struct ProvenanceView: Sendable, Encodable {
    let frameworkID: String
    let frameworkTitle: String
    let level: String?
    let frameworkVersion: String?
    /// The commit, or `sha256:` and the content hash; "—" when unknown.
    let revision: String
    let dirty: Bool
    /// UTC `YYYY-MM-DD HH:MM`, or "—".
    let buildDate: String
    let coursemapVersion: String
}

/// One work area (outcome group) of a report: its full name, its counts and a bar of them.
struct AreaRow: Sendable, Encodable {
    let label: String
    let total: Int
    let covered: Int
    let partial: Int
    let gap: Int
    /// The bar's segments, covered, partial, gap, in a 1000-unit box (drawing only).
    let segments: [BarSegment]
}

struct BarSegment: Sendable, Encodable {
    let status: String
    let x: String
    let width: String
}

/// A matrix column: a course, by code and full title (wrapped, never cut), or the lectures outside courses.
struct MatrixCourse: Sendable, Encodable {
    let href: String?
    let code: String?
    let title: String
}

struct MatrixRow: Sendable, Encodable {
    let href: String
    let code: String
    let statement: String
    let cells: [MatrixCell]
    let total: String
}

struct MatrixCell: Sendable, Encodable {
    let levels: String
    let hours: String
    /// The shade, 0 (no evidence) to 4 (the most hours of the matrix).
    let heat: Int
}

/// One line of the hours reconciliation (`docs/coverage.md` §4.3).
struct HoursLineView: Sendable, Encodable {
    let href: String?
    let title: String
    let declared: String
    let moduleHours: String
    let moduleHoursInScope: String
    let attributed: String
    let unattributed: String
    let lectureHours: String
    let columnTotal: String
    /// The course's modules declare more hours than the course (CM414).
    let exceedsDeclared: Bool
}

/// One line of the exam blueprint (`docs/coverage.md` §6).
struct BlueprintRow: Sendable, Encodable {
    let label: String
    let weight: String
    let weightShare: String
    let examShare: String
    let practiceShare: String
    let hourShare: String
    let difference: String
    let flagged: Bool
}

struct CoverageGroup: Sendable, Encodable {
    let code: String
    let title: String
    var rows: [CoverageRowItem]
}

/// A requirement in the report's table of every requirement.
struct CoverageRowItem: Sendable, Encodable {
    let href: String
    let code: String
    let statement: String
    let status: String
    let statusLabel: String
    /// The reasons in words, or `nil` when covered.
    let reasons: String?
    let modules: [ModuleChip]
    let lectures: [ModuleChip]
    let hours: String
    let lectureMinutes: String
    let practiceItems: Int
    let examItems: Int
    let practicalTasks: Int
    let hasItems: Bool
}

/// A module or micro-lecture in a requirement's row: its level and what it gives the requirement
/// (学时 for a module, minutes for a micro-lecture).
struct ModuleChip: Sendable, Encodable {
    let href: String
    let label: String
    let level: String
    let levelName: String
    let amount: String
}

/// A requirement's own page: status with reasons, who teaches it, every module, micro-lecture, item and
/// resource, the totals and the courses' 融通方式.
struct CompetencyPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let reference: String
    let code: String
    let statement: BiText
    let frameworkHref: String
    let frameworkTitle: String
    /// The `lang` of `frameworkTitle` when the framework's (or level's) name is not in the page's language.
    var frameworkTitleLang: String? = nil
    let illustrative: Bool
    let groupLabel: String
    let group: String
    let subgroupLabel: String?
    let subgroup: String?
    /// The `lang` of `group` and `subgroup` when their names are not in the page's language.
    var groupLang: String? = nil
    var subgroupLang: String? = nil
    let status: String
    let statusLabel: String
    let reasons: String?
    /// 模块 / 仅微课 / 模块和微课 / 无.
    let taughtBy: String
    let taughtByNone: Bool
    let mappings: [MappingItem]
    let lectures: [LectureItem]
    let lecturesAsHours: Bool
    let totalHours: String
    let assessedBy: [AssessedItem]
    let related: RelatedMedia
    let lectureMinutes: String
    let integrations: [IntegrationItem]
    let coverageHref: String?
}

/// A module's mapping of a requirement, shown from the requirement's side.
struct MappingItem: Sendable, Encodable {
    let courseHref: String
    let courseTitle: String
    let moduleHref: String
    let moduleTitle: String
    let level: String
    let levelName: String
    /// The module's hours, and the hours it gives this requirement.
    let moduleHours: String
    let hours: String
    /// The mapping states its hours (rather than sharing the rest).
    let stated: Bool
}

/// A micro-lecture's mapping of a requirement: level, length and the minutes it gives the requirement.
struct LectureItem: Sendable, Encodable {
    let href: String
    let title: String
    let courseTitle: String?
    let level: String
    let levelName: String
    let minutes: String
    let attributedMinutes: String
    let hours: String?
}
