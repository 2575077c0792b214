import CoursemapModel

/// Pages that belong to the site as a whole.
extension PageBuilder {
    /// The 404 page of this language. A server shows it for a missing address at any depth, so its links are
    /// root-relative from `siteRoot`, the path the site is served at (`/cbec/`, see `SitePaths.rootPath`).
    func notFound(siteRoot: String) -> NotFoundPage {
        let chrome = chrome(
            // A section no navigation item has: no item is marked as the current page.
            page: SitePaths.notFound, title: ui.notFoundTitle, crumbs: [(nil, ui.notFoundTitle)], section: "404", siteRoot: siteRoot)
        return NotFoundPage(chrome: chrome, ui: ui, links: chrome.nav.value)
    }
}

/// `sitemap.xml`: every HTML page of both languages, with absolute URLs from the base URL. The page paths
/// are percent-encoded per segment here; the `sitemap` template escapes each URL as XML text.
struct SitemapPage: Sendable, Encodable {
    let locations: [String]

    init(_ paths: [String], baseURL: String) {
        locations = paths.filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }.map { baseURL + SitePaths.encoded($0) }
    }
}
