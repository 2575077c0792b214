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
    static let interactionsScript = "assets/interactions.js"
    static let library = "resources/index.html"
    static let notFound = "404.html"
    static let search = "search.html"
    static let searchScript = "assets/search.js"
    static let sitemap = "sitemap.xml"

    /// A file of the theme's `assets/` folder (theme file names are plain, so unencoded).
    static func asset(_ name: String) -> String { "assets/" + name }

    /// The root-relative path a site is published at, from its base URL: `/cbec/` for
    /// `https://example.edu.cn/cbec/`, `/` for a base URL with no path or none. The 404 page's links start
    /// there. The path is kept as the base URL writes it (it is a URL already).
    static func rootPath(ofBaseURL baseURL: String?) -> String {
        guard let baseURL, let scheme = baseURL.range(of: "://") else { return "/" }
        let afterAuthority = baseURL[scheme.upperBound...].drop { $0 != "/" && $0 != "?" && $0 != "#" }
        let path = afterAuthority.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/") else { return "/" }
        return path.hasSuffix("/") ? String(path) : path + "/"
    }

    static func lecture(_ id: String) -> String { "lectures/\(id).html" }
    static func resource(_ id: String) -> String { "resources/\(id).html" }

    static func bank(_ id: String) -> String { "banks/\(id)/index.html" }
    /// An item's place on its bank page (ids are checked identifiers, safe in a fragment).
    static func itemOnBank(_ item: String, bank id: String) -> String { bank(id) + "#item-" + item }
    static func item(_ id: String, bank: String) -> String { "banks/\(bank)/\(id).html" }
    static func answerSheet(_ bank: String) -> String { "banks/\(bank)/answers.html" }
    /// A content file published for download, under `files/` with its content-relative path. This is the
    /// file's path in the output folder; links to it use `downloadURL`.
    static func download(_ contentPath: String) -> String { "files/\(contentPath)" }
    /// The URL of `download(contentPath)`, each segment percent-encoded: file names may hold `#`, `?`, `%`,
    /// quotes, spaces and any other character.
    static func downloadURL(_ contentPath: String) -> String { encoded(download(contentPath)) }

    /// A `/`-separated output path as a relative URL: every byte of each segment other than ASCII letters,
    /// digits, `-`, `.`, `_` and `~` is percent-encoded (UTF-8), so no character of a file name can end the
    /// path (`#`, `?`), start an escape (`%`), change the scheme (`:`) or leave an attribute. Ids and codes
    /// are limited to those characters already, so their paths come out unchanged. The result still has to
    /// be escaped for where it goes (the template engine does that for pages).
    static func encoded(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

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
