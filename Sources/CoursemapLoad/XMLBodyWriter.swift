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
    private(set) var html = ""
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
            if paragraph { html += "<p>" }
            inline(trimmed(nodes))
            if paragraph { html += "</p>" }
            return
        }
        var run: [XMLNodeContent] = []
        func flush(_ writer: inout XMLBodyWriter) {
            let content = writer.trimmed(run)
            run = []
            guard !content.isEmpty else { return }
            writer.html += "<p>"
            writer.inline(content)
            writer.html += "</p>\n"
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
            html += "<section>\n"
            if let title = element.first("title") {
                let text = title.text.collapsingWhitespace
                let anchor = anchors.make(for: text)
                headings.append(Heading(level: level, text: text, anchor: anchor))
                html += "<h\(level) id=\"\(HTMLText.escapeAttribute(anchor))\">"
                inline(title.children)
                html += "</h\(level)>\n"
            }
            blocks(element.elements.filter { $0.name != "title" })
            html += "</section>\n"
            sectionDepth -= 1
        case "p":
            html += "<p>"
            inline(element.children)
            html += "</p>\n"
        case "ul", "ol":
            html += "<\(element.name)>\n"
            for item in element.all("li") {
                html += "<li>"
                for child in item.children {
                    if case let .element(nested) = child, nested.name == "ul" || nested.name == "ol" {
                        html += "\n"
                        block(nested)
                    } else {
                        inline([child])
                    }
                }
                html += "</li>\n"
            }
            html += "</\(element.name)>\n"
        case "table":
            html += "<div class=\"table-wrap\"><table>\n"
            if let caption = element.first("caption") {
                html += "<caption>"
                inline(caption.children)
                html += "</caption>\n"
            }
            // Leading rows of header cells only become the <thead> (repeated on printed pages).
            let rows = element.all("tr")
            let headerCount = rows.prefix { row in row.elements.allSatisfy { $0.name == "th" } }.count
            for (index, row) in rows.enumerated() {
                if index == 0 && headerCount > 0 { html += "<thead>\n" }
                if index == headerCount { html += "<tbody>\n" }
                html += "<tr>"
                for cell in row.elements where cell.name == "th" || cell.name == "td" {
                    html += cell.name == "th" ? (index < headerCount ? "<th scope=\"col\">" : "<th scope=\"row\">") : "<td>"
                    inline(cell.children)
                    html += "</\(cell.name)>"
                }
                html += "</tr>\n"
                if index + 1 == headerCount { html += "</thead>\n" }
            }
            if headerCount < rows.count { html += "</tbody>\n" }
            html += "</table></div>\n"
        case "pre":
            let language = element.attributes["lang"].map { " class=\"language-\(HTMLText.escapeAttribute($0))\"" } ?? ""
            html += "<pre><code\(language)>\(HTMLText.escape(trimmedCode(element.text)))</code></pre>\n"
        case "blockquote":
            html += "<blockquote>\n"
            blocks(element.elements)
            html += "</blockquote>\n"
        case "note":
            let kind = element.attributes["kind"] ?? "tip"
            html += "<aside class=\"note note-\(HTMLText.escapeAttribute(kind))\">\n"
            html += "<p class=\"note-title\">\(HTMLText.escape(Self.noteTitle(kind, language)))</p>\n"
            blocks(element.elements)
            html += "</aside>\n"
        case "embed":
            let reference = element.attributes["ref"] ?? ""
            let location = SourceLocation(file: file, line: element.line)
            if let embed = Embed(reference: reference, location: location) {
                embeds.append(embed)
                html += embed.placeholder + "\n"
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
                html += HTMLText.escape(text)
            case let .element(element):
                switch element.name {
                case "em", "strong", "sub", "sup":
                    html += "<\(element.name)>"
                    inline(element.children)
                    html += "</\(element.name)>"
                case "code":
                    html += "<code>\(HTMLText.escape(element.text))</code>"
                case "br":
                    html += "<br>"
                case "blank":
                    blankCount += 1
                    html += "<span class=\"blank\" data-blank=\"\(blankCount)\"></span>"
                case "a":
                    let href = element.attributes["href"] ?? ""
                    if URLPolicy.isAllowed(href) {
                        let external = URLPolicy.isExternal(href) ? " rel=\"noopener\"" : ""
                        html += "<a href=\"\(HTMLText.escapeAttribute(href))\"\(external)>"
                        inline(element.children)
                        html += "</a>"
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
