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

/// `sitemap.xml`: every HTML page of both languages, with absolute URLs from the base URL.
enum Sitemap {
    static func xml(_ paths: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths where path.hasSuffix(".html") && path != SitePaths.notFound {
            let location = (baseURL + path).replacingOccurrences(of: "&", with: "&amp;")
            xml += "  <url><loc>\(location)</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
