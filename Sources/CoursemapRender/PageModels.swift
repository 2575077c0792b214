/// The typed contexts the Mustache templates render. Each page has its own struct; templates read stored
/// properties only (swift-mustache reflects with `Mirror`), so everything is computed before rendering.

/// Text in the page's language, with the other language alongside when the content has it.
struct BiText: Sendable, Encodable {
    let primary: String
    let secondary: String?
    /// The `lang` of the secondary text.
    let secondaryLang: String
}

/// The frame every page shares: head, header, navigation, breadcrumbs.
struct Chrome: Sendable, Encodable {
    let lang: String
    let root: String
    let siteTitle: String
    let pageTitle: String
    let stylesheet: String
    let script: String
    /// The interactions' graders and widgets, loaded before `script`.
    let interactionsScript: String
    let mediaScript: String
    /// The base URL's origin (`https://host[:port]`) on a page whose links are absolute (the 404 page), for
    /// its Content-Security-Policy; `nil` elsewhere, where everything comes from `'self'`.
    let assetOrigin: String?
    /// The one host a lecture page may frame over https (checked at load: lower-case ASCII, no port or user),
    /// for its Content-Security-Policy's `frame-src`; `nil` on every other page, which frames nothing
    /// (`default-src 'none'`).
    let frameHost: String?
    let canonical: String?
    /// The same page in the other language.
    let switchHref: String
    let switchLabel: String
    let switchLang: String
    /// The search page, and what this page is for the search index (nil: not indexed).
    let searchHref: String
    let searchKind: String?
    let searchCourse: String?
    /// What the search results show for an indexed page: its title and the breadcrumbs above it (joined
    /// with ›), and the title's Chinese characters one by one (`PageBuilder.searchCharacters`).
    let searchTitle: String?
    let searchCharacters: String?
    let searchTrail: String?
    /// Whether this is the search page (the header's search form is then marked as the current place).
    let searchCurrent: Bool
    let homeHref: String
    let nav: PreEncoded<[NavLink]>
    let breadcrumbs: [Crumb]
    let ui: UIText
}

struct NavLink: Sendable, Encodable {
    let href: String
    let text: String
    let current: Bool
}

/// A breadcrumb; the last one (the page itself) has no link.
struct Crumb: Sendable, Encodable {
    let href: String?
    let text: String
}

/// The home page: entry points for students (start learning, courses, lectures to start with, practice
/// banks), then the reviewers' figures, each linked to where its number comes from.
struct HomePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let program: BiText?
    /// The first module of the first course that has one, else the first lecture offered; `nil` when the
    /// site has neither.
    let start: LinkView?
    let courseCards: [CourseCard]
    let lectures: [LinkView]
    let practiceBanks: [LinkView]
    let stats: [Stat]
    let frameworks: [FrameworkCard]
}

/// A course on the home page: its title, its facts in one line, and its first module.
struct CourseCard: Sendable, Encodable {
    let href: String
    let title: BiText
    /// Code, semester, credits, hours and number of modules, each kept on one line.
    let facts: [String]
    let firstModule: LinkView?
}

/// The page a web server shows for a missing address.
struct NotFoundPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let links: [NavLink]
}

/// The list pages: all frameworks, all courses, all coverage reports.
struct IndexPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: String
    let frameworks: [FrameworkCard]
    let courses: [CourseRow]
}

/// A figure of the home page, linked to the page the number comes from.
struct Stat: Sendable, Encodable {
    let value: String
    let label: String
    let href: String
}

struct FrameworkCard: Sendable, Encodable {
    let href: String
    let title: BiText
    let illustrative: Bool
    let isCertificate: Bool
    let scopes: [ScopeSummary]
}

/// Coverage of one scope in a few numbers, with a link to its report.
struct ScopeSummary: Sendable, Encodable {
    let name: String
    let coverageHref: String?
    let total: Int
    let covered: Int
    let partial: Int
    let gap: Int
}

struct CourseRow: Sendable, Encodable {
    let href: String
    let code: String
    let title: BiText
    let credits: String
    let hours: String
    let semester: Int
    let type: String
    let moduleCount: Int
}

struct FrameworkPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let issuer: BiText?
    let version: String?
    let description: BiText?
    let illustrative: Bool
    let levels: [LevelSection]
    let groups: [OutcomeSection]
}

struct LevelSection: Sendable, Encodable {
    let name: String
    let anchor: String
    let description: BiText?
    let coverageHref: String?
    let areas: [AreaSection]
}

struct AreaSection: Sendable, Encodable {
    let code: String
    let title: BiText
    let tasks: [TaskSection]
}

struct TaskSection: Sendable, Encodable {
    let code: String
    let title: BiText
    let requirements: [CompetencyItem]
}

struct OutcomeSection: Sendable, Encodable {
    let name: String
    let outcomes: [CompetencyItem]
}

/// A competency as listed on framework and coverage pages.
struct CompetencyItem: Sendable, Encodable {
    let href: String
    let reference: String
    let code: String
    let statement: BiText
    let status: String
    let statusLabel: String
    let moduleCount: Int
    /// Why it is not covered, in words (`最高 R 未达 M · 无考核`); `nil` where lists show no reasons.
    var reasons: String? = nil
}

struct IntegrationItem: Sendable, Encodable {
    let href: String
    let title: String
    let mode: String
}

struct CoursePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let code: String
    let credits: String
    let theoryHours: String
    let practiceHours: String
    let totalHours: String
    let semester: Int
    let type: String
    let integrations: [IntegrationItem]
    let description: String
    let modules: [ModuleRow]
    let competencies: [CompetencyLevelItem]
    let related: RelatedMedia
    /// Banks and items that practise or assess what the page teaches (`PageBuilder+Practice`).
    let practice: PracticeLinks
}

struct ModuleRow: Sendable, Encodable {
    let order: Int
    let href: String
    let title: BiText
    let hours: String
    let summary: String?
}

/// A competency with the level a module (or a course, at its highest) takes it to.
/// A competency a module, lecture or resource maps, as students see it: its short `code` (`3.2.1`) and
/// statement, with the full id (`b2b-data:中级:3.2.1`) as `reference` for the tooltip.
struct CompetencyLevelItem: Sendable, Encodable {
    let href: String
    let reference: String
    let code: String
    let statement: String
    let level: String
    let levelName: String
}

struct ModulePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let courseHref: String
    let courseTitle: String
    let order: Int
    let hours: String
    let summary: String?
    var body: String
    let toc: [TocItem]
    /// The course's modules, the current one marked: the course outline sidebar.
    let outline: PreEncoded<[NavLink]>
    let prerequisites: [LinkView]
    let competencies: [CompetencyLevelItem]
    let related: RelatedMedia
    /// Banks and items that practise or assess what the page teaches (`PageBuilder+Practice`).
    let practice: PracticeLinks
    let previous: NavLink?
    let next: NavLink?
}

struct TocItem: Sendable, Encodable {
    let anchor: String
    let text: String
    let nested: Bool
}
