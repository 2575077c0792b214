import CoursemapModel
/// A parsed XML element as a plain Swift value: what the framework and module readers work on, with no
/// libxml2 pointers left alive.
struct XMLElement: Hashable, Sendable {
    var name: String
    var namespace: String?
    var attributes: [String: String]
    var children: [XMLNodeContent]
    var line: Int

    /// Child elements only.
    var elements: [XMLElement] {
        children.compactMap { if case let .element(element) = $0 { return element } else { return nil } }
    }

    func first(_ name: String) -> XMLElement? { elements.first { $0.name == name } }
    func all(_ name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    /// The `<zh>` and optional `<en>` children, as a bilingual text (`nil` without a non-blank `<zh>`).
    var bilingualText: LocalizedText? {
        guard let zh = first("zh")?.text.collapsingWhitespace, !zh.isEmpty else { return nil }
        let en = first("en")?.text.collapsingWhitespace
        return LocalizedText(zh: zh, en: en?.isEmpty == false ? en : nil)
    }

    /// All descendant text, concatenated.
    var text: String {
        children.map {
            switch $0 {
            case let .text(text): return text
            case let .element(element): return element.text
            }
        }.joined()
    }
}

/// A child of an element: another element or a run of text (CDATA included).
enum XMLNodeContent: Hashable, Sendable {
    case element(XMLElement)
    case text(String)
}
