import CoursemapModel

/// Where every page of the portal lives, as `/`-separated paths from the output root. The single source of
/// the URL scheme: pages link to each other only through it.
enum SitePaths {
    static let home = "index.html"
    static let stylesheet = "assets/style.css"

    static let frameworks = "frameworks/index.html"
    static let courses = "courses/index.html"
    static let coverageIndex = "coverage/index.html"
    static let banks = "banks/index.html"
    static let selfCheckScript = "assets/selfcheck.js"
    static let mediaScript = "assets/media.js"
    static let library = "resources/index.html"
    static let notFound = "404.html"
    static let search = "search.html"
    static let searchScript = "assets/search.js"
    static let sitemap = "sitemap.xml"

    static func lecture(_ id: String) -> String { "lectures/\(id).html" }
    static func resource(_ id: String) -> String { "resources/\(id).html" }

    static func bank(_ id: String) -> String { "banks/\(id)/index.html" }
    static func item(_ id: String, bank: String) -> String { "banks/\(bank)/\(id).html" }
    static func answerSheet(_ bank: String) -> String { "banks/\(bank)/answers.html" }
    /// A content file published for download, under `files/` with its content-relative path.
    static func download(_ contentPath: String) -> String { "files/\(contentPath)" }

    static func framework(_ id: String) -> String { "frameworks/\(id)/index.html" }

    static func competency(_ id: CompetencyID) -> String {
        if let level = id.level { return "frameworks/\(id.framework)/\(level.slug)/\(id.code).html" }
        return "frameworks/\(id.framework)/\(id.code).html"
    }

    static func course(_ id: String) -> String { "courses/\(id)/index.html" }
    static func module(_ id: String, course: String) -> String { "courses/\(course)/\(id).html" }

    static func coverage(_ scope: FrameworkScope) -> String { coverageFolder(scope) + "index.html" }
    static func coverageJSON(_ scope: FrameworkScope) -> String { coverageFolder(scope) + "coverage.json" }
    static func coverageCSV(_ scope: FrameworkScope) -> String { coverageFolder(scope) + "coverage.csv" }

    private static func coverageFolder(_ scope: FrameworkScope) -> String {
        if let level = scope.level { return "coverage/\(scope.framework)/\(level.slug)/" }
        return "coverage/\(scope.framework)/"
    }

    /// The prefix that leads from `page` back to the output root (`""`, `"../"`, `"../../"` …), so every
    /// link is relative and the portal also works opened from disk.
    static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
