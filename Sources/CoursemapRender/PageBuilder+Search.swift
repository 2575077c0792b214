import CoursemapModel

/// The search page.
extension PageBuilder {
    func searchPage() -> SearchPage {
        let page = SitePaths.search
        let root = SitePaths.root(from: page)
        return SearchPage(
            chrome: chrome(page: page, title: ui.search, crumbs: [(nil, ui.search)], section: "search"), ui: ui,
            pagefindHref: root + shared + "pagefind/pagefind.js", searchScript: root + shared + SitePaths.searchScript,
            kinds: [ui.course, ui.module, plain(ResourceKind.lecture.name), ui.banks, ui.items, ui.requirements, ui.coverage]
                + ResourceKind.allCases.filter { kind in kind != .lecture && program.resources.contains { $0.kind == kind } }.map { plain($0.name) },
            courses: program.courses.map { plain($0.title) })
    }
}

/// A search form and its results, filled in by `assets/search.js` from the Pagefind index.
struct SearchPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let pagefindHref: String
    let searchScript: String
    let kinds: [String]
    let courses: [String]
}
