/// A course's outline as its module pages show it (the sidebar of every module page): the links, encoded
/// for the templates once per course and language, and for each module the same list with that module
/// marked current. Module pages of one course sit in one folder, so the relative links are the same on all.
struct CourseOutline: Sendable {
    /// The outline with no entry marked.
    let links: [NavLink]
    private let unmarked: [TemplateValue]
    private let marked: [TemplateValue]

    init(links: [NavLink]) {
        self.links = links
        unmarked = links.map { Self.encode($0) }
        marked = links.map { Self.encode(NavLink(href: $0.href, text: $0.text, current: true, textLang: $0.textLang)) }
    }

    /// The outline with the entry at `index` marked current (none when `index` is nil).
    func marking(_ index: Int?) -> PreEncoded<[NavLink]> {
        guard let index, links.indices.contains(index) else { return PreEncoded(links, encoded: .list(unmarked)) }
        var links = links
        links[index] = NavLink(href: links[index].href, text: links[index].text, current: true, textLang: links[index].textLang)
        var values = unmarked
        values[index] = marked[index]
        return PreEncoded(links, encoded: .list(values))
    }

    private static func encode(_ link: NavLink) -> TemplateValue {
        (try? TemplateValueEncoder.encode(link)) ?? .object(TemplateObject(keys: [], values: []))
    }
}
