import CoursemapModel
import CoursemapXML

/// Writes the body of a module XML file (`<body>` and its small HTML-like vocabulary) as HTML.
///
/// Every text node is escaped and every element is mapped explicitly, so nothing in a module can inject
/// markup. Links keep only `http`, `https` and `mailto` URLs, fragments and relative paths; anything else
/// (`javascript:`, `data:` …) is dropped with a CM305 diagnostic.
struct XMLBodyWriter {
    let file: String
    let language: Language
    private var out = HTMLWriter()
    var html: String { out.html }
    private(set) var headings: [Heading] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors = Anchors()
    private var sectionDepth = 1
    /// Blanks of a fill-in stem seen so far.
    private(set) var blankCount = 0
    private(set) var embeds: [Embed] = []

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    static func write(_ body: XMLElement, file: String, language: Language = .zh) -> (RichText, [Diagnostic]) {
        var writer = XMLBodyWriter(file: file, language: language)
        writer.blocks(body.elements)
        return (RichText(html: writer.html, headings: writer.headings, embeds: writer.embeds), writer.diagnostics)
    }

    static let blockNames: Set<String> = ["section", "p", "ul", "ol", "table", "pre", "blockquote", "note"]

    /// Mixed content — inline text, or paragraphs and lists — as in exercise stems and explanations.
    /// Inline-only content is wrapped in a `<p>` when `paragraph` is true.
    static func writeRich(_ element: XMLElement, file: String, language: Language, paragraph: Bool = true) -> (text: RichText, diagnostics: [Diagnostic], blanks: Int) {
        var writer = XMLBodyWriter(file: file, language: language)
        writer.rich(element.children, paragraph: paragraph)
        return (RichText(html: writer.html, headings: writer.headings), writer.diagnostics, writer.blankCount)
    }

    private mutating func rich(_ nodes: [XMLNodeContent], paragraph: Bool) {
        let hasBlocks = nodes.contains { if case let .element(e) = $0 { return Self.blockNames.contains(e.name) } else { return false } }
        guard hasBlocks else {
            if paragraph { out.start("p") }
            inline(trimmed(nodes))
            if paragraph { out.end("p") }
            return
        }
        var run: [XMLNodeContent] = []
        func flush(_ writer: inout XMLBodyWriter) {
            let content = writer.trimmed(run)
            run = []
            guard !content.isEmpty else { return }
            writer.out.start("p")
            writer.inline(content)
            writer.out.end("p")
            writer.out.newline()
        }
        for node in nodes {
            if case let .element(element) = node, Self.blockNames.contains(element.name) {
                flush(&self)
                block(element)
            } else {
                run.append(node)
            }
        }
        flush(&self)
    }

    /// Drops leading and trailing whitespace-only text (XML indentation).
    private func trimmed(_ nodes: [XMLNodeContent]) -> [XMLNodeContent] {
        func blank(_ node: XMLNodeContent) -> Bool {
            if case let .text(text) = node { return text.allSatisfy(\.isWhitespace) }
            return false
        }
        var result = Array(nodes.drop(while: blank))
        while let last = result.last, blank(last) { result.removeLast() }
        if case let .text(text)? = result.first { result[0] = .text(String(text.drop(while: \.isWhitespace))) }
        if case let .text(text)? = result.last { result[result.count - 1] = .text(String(text.reversed().drop(while: \.isWhitespace).reversed())) }
        return result
    }

    private mutating func blocks(_ elements: [XMLElement]) {
        for element in elements { block(element) }
    }

    private mutating func block(_ element: XMLElement) {
        switch element.name {
        case "section":
            sectionDepth += 1
            let level = min(sectionDepth, 6)
            out.start("section")
            out.newline()
            if let title = element.first("title") {
                let text = title.text.collapsingWhitespace
                let anchor = anchors.make(for: text)
                headings.append(Heading(level: level, text: text, anchor: anchor))
                out.start("h\(level)", [("id", anchor)])
                inline(title.children)
                out.end("h\(level)")
                out.newline()
            }
            blocks(element.elements.filter { $0.name != "title" })
            out.end("section")
            out.newline()
            sectionDepth -= 1
        case "p":
            out.start("p")
            inline(element.children)
            out.end("p")
            out.newline()
        case "ul", "ol":
            out.start(element.name)
            out.newline()
            for item in element.all("li") {
                out.start("li")
                for child in item.children {
                    if case let .element(nested) = child, nested.name == "ul" || nested.name == "ol" {
                        out.newline()
                        block(nested)
                    } else {
                        inline([child])
                    }
                }
                out.end("li")
                out.newline()
            }
            out.end(element.name)
            out.newline()
        case "table":
            out.start("div", [("class", "table-wrap")])
            out.start("table")
            out.newline()
            if let caption = element.first("caption") {
                out.start("caption")
                inline(caption.children)
                out.end("caption")
                out.newline()
            }
            // Leading rows of header cells only become the <thead> (repeated on printed pages).
            let rows = element.all("tr")
            let headerCount = rows.prefix { row in row.elements.allSatisfy { $0.name == "th" } }.count
            for (index, row) in rows.enumerated() {
                if index == 0 && headerCount > 0 { out.start("thead"); out.newline() }
                if index == headerCount { out.start("tbody"); out.newline() }
                out.start("tr")
                for cell in row.elements where cell.name == "th" || cell.name == "td" {
                    out.start(cell.name, cell.name == "th" ? [("scope", index < headerCount ? "col" : "row")] : [])
                    inline(cell.children)
                    out.end(cell.name)
                }
                out.end("tr")
                out.newline()
                if index + 1 == headerCount { out.end("thead"); out.newline() }
            }
            if headerCount < rows.count { out.end("tbody"); out.newline() }
            out.end("table")
            out.end("div")
            out.newline()
        case "pre":
            out.start("pre")
            out.start("code", element.attributes["lang"].map { [("class", "language-\($0)")] } ?? [])
            out.text(trimmedCode(element.text))
            out.end("code")
            out.end("pre")
            out.newline()
        case "blockquote":
            out.start("blockquote")
            out.newline()
            blocks(element.elements)
            out.end("blockquote")
            out.newline()
        case "note":
            let kind = element.attributes["kind"] ?? "tip"
            out.start("aside", [("class", "note note-\(kind)")])
            out.newline()
            out.start("p", [("class", "note-title")])
            out.text(Self.noteTitle(kind, language))
            out.end("p")
            out.newline()
            blocks(element.elements)
            out.end("aside")
            out.newline()
        case "embed":
            let reference = element.attributes["ref"] ?? ""
            let location = SourceLocation(file: file, line: element.line)
            if let embed = Embed(reference: reference, location: location) {
                embeds.append(embed)
                out.comment(embed.placeholderText)
                out.newline()
            } else {
                diagnostics.append(.error(.unknownItemReference, at: location, "'\(reference)' is not an embed reference; write item:BANK/ITEM or bank:BANK"))
            }
        default:
            break  // the schema admits nothing else
        }
    }

    private mutating func inline(_ nodes: [XMLNodeContent]) {
        for node in nodes {
            switch node {
            case let .text(text):
                out.text(text)
            case let .element(element):
                switch element.name {
                case "em", "strong", "sub", "sup":
                    out.start(element.name)
                    inline(element.children)
                    out.end(element.name)
                case "code":
                    out.start("code")
                    out.text(element.text)
                    out.end("code")
                case "br":
                    out.start("br")
                case "blank":
                    blankCount += 1
                    out.start("span", [("class", "blank"), ("data-blank", String(blankCount))])
                    out.end("span")
                case "a":
                    let href = element.attributes["href"] ?? ""
                    if URLPolicy.isAllowed(href) {
                        out.start("a", [("href", href)] + (URLPolicy.isExternal(href) ? [("rel", "noopener")] : []))
                        inline(element.children)
                        out.end("a")
                    } else {
                        diagnostics.append(.error(
                            .unsafeLink, at: SourceLocation(file: file, line: element.line),
                            "link '\(href)' is not allowed: use an http, https or mailto URL, a #fragment or a relative path"))
                        inline(element.children)
                    }
                case "ul", "ol":
                    block(element)
                default:
                    inline(element.children)
                }
            }
        }
    }

    private static func noteTitle(_ kind: String, _ language: Language) -> String {
        switch (kind, language) {
        case ("warning", .zh): return "注意"
        case ("warning", .en): return "Warning"
        case ("example", .zh): return "示例"
        case ("example", .en): return "Example"
        case (_, .zh): return "提示"
        case (_, .en): return "Tip"
        }
    }

    /// Code blocks drop the leading and trailing blank lines that XML indentation leaves.
    private func trimmedCode(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
    }
}
