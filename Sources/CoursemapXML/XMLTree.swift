import CoursemapModel
/// A parsed XML element as a plain Swift value: what the framework and module readers work on, with no
/// libxml2 pointers left alive.
public struct XMLElement: Hashable, Sendable {
    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var children: [XMLNodeContent]
    public var line: Int

    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLNodeContent], line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// Child elements only.
    public var elements: [XMLElement] {
        children.compactMap { if case let .element(element) = $0 { return element } else { return nil } }
    }

    /// The first child element of that name, found without copying the other children (callers ask this
    /// once per answer of a question with thousands of answers).
    public func first(_ name: String) -> XMLElement? {
        for child in children {
            if case let .element(element) = child, element.name == name { return element }
        }
        return nil
    }
    public func all(_ name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    /// The `<zh>` and optional `<en>` children, as a bilingual text (`nil` without a non-blank `<zh>`).
    public var bilingualText: LocalizedText? {
        guard let zh = first("zh")?.text.collapsingWhitespace, !zh.isEmpty else { return nil }
        let en = first("en")?.text.collapsingWhitespace
        return LocalizedText(zh: zh, en: en?.isEmpty == false ? en : nil)
    }

    /// All descendant text, concatenated.
    public var text: String {
        children.map {
            switch $0 {
            case let .text(text): return text
            case let .element(element): return element.text
            }
        }.joined()
    }
}

/// A child of an element: another element or a run of text (CDATA included).
public enum XMLNodeContent: Hashable, Sendable {
    case element(XMLElement)
    case text(String)
}

extension String {
    /// Runs of whitespace (including newlines from XML indentation) become one space; ends are trimmed.
    public var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
