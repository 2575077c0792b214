import CoursemapModel

/// Pages that belong to the site as a whole.
extension PageBuilder {
    /// The 404 page. A server shows it at any depth, so with a base URL its links are absolute.
    func notFound() -> NotFoundPage {
        let chrome = chrome(
            page: SitePaths.notFound, title: ui.notFoundTitle, crumbs: [(nil, ui.notFoundTitle)], section: nil,
            rootOverride: program.config.baseURL)
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
