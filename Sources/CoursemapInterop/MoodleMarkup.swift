import CoursemapXML
import Foundation

/// A forgiving look at the element structure of an HTML fragment, with byte offsets into its UTF-8 text.
///
/// The importer uses it *before* sanitising, for the few things the sanitiser would lose: the
/// `data-coursemap` markers Coursemap's own export writes, blank markers, and `@@PLUGINFILE@@` references.
/// Everything it finds is sanitised afterwards; this reader never decides what is safe.
///
/// It needs no well-formedness: end tags close the nearest open element of the same name (closing any
/// elements opened after it), stray end tags are ignored, void elements never have content, the start tags
/// HTML lets end an element do so (`<li>` an open `<li>`, a block an open `<p>`, `<td>` an open `<td>`),
/// and elements still open at the end run to the end of the text.
struct MoodleHTMLFragment {
    struct Node {
        /// Lower-case tag name.
        var name: String
        var attributes: [String: String]
        /// The start tag.
        var startTag: Range<Int>
        /// The end tag, if the element has one.
        var endTag: Range<Int>?
        /// Between the start tag and the end tag (empty for void elements).
        var inner: Range<Int>
        /// Indexes of child elements in `nodes`.
        var children: [Int]

        /// From the start of the start tag to the end of the end tag (or of the content).
        var outer: Range<Int> { startTag.lowerBound..<(endTag?.upperBound ?? inner.upperBound) }

        /// Whether the `class` attribute lists `name`.
        func hasClass(_ name: String) -> Bool {
            attributes["class"]?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == name } ?? false
        }
    }

    let bytes: [UInt8]
    /// Every element, in document order (parents before their children).
    private(set) var nodes: [Node] = []
    /// Top-level elements.
    private(set) var roots: [Int] = []

    /// For a start tag: the open elements it implicitly closes, unless one of `boundary` comes first.
    static func implicitEnd(for name: String) -> (closes: Set<String>, boundary: Set<String>)? {
        switch name {
        case "li": return (["li"], ["ul", "ol", "menu", "table"])
        case "dt", "dd": return (["dt", "dd"], ["dl", "table"])
        case "tr": return (["tr", "td", "th"], ["table", "tbody", "thead", "tfoot"])
        case "td", "th": return (["td", "th"], ["tr", "table"])
        case "tbody", "thead", "tfoot": return (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"])
        case "option": return (["option"], ["select", "datalist"])
        default:
            return blockElements.contains(name) ? (["p"], ["table", "td", "th", "caption", "button", "object", "li", "div", "blockquote"]) : nil
        }
    }

    /// Block-level elements, which end an open paragraph.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
        "table", "ul",
    ]

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose content is raw text, never markup.
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp"]

    init(_ html: String) {
        bytes = Array(html.utf8)
        parse()
    }

    /// The source text of a byte range.
    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count)), upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    func inner(_ node: Node) -> String { text(node.inner) }

    /// Every element below `index` (or in the whole fragment), in document order, that satisfies `test`.
    func descendants(of index: Int? = nil, where test: (Node) -> Bool) -> [Int] {
        var found: [Int] = []
        func visit(_ indexes: [Int]) {
            for child in indexes {
                if test(nodes[child]) { found.append(child) }
                visit(nodes[child].children)
            }
        }
        visit(index.map { nodes[$0].children } ?? roots)
        return found
    }

    /// The first element carrying `data-coursemap="marker"`, below `index` or anywhere.
    func marked(_ marker: String, in index: Int? = nil) -> Int? {
        descendants(of: index) { $0.attributes["data-coursemap"] == marker }.first
    }

    /// Direct children of `index` named `name`.
    func children(of index: Int, named name: String) -> [Int] {
        nodes[index].children.filter { nodes[$0].name == name }
    }

    /// The text with the given byte ranges replaced (ranges must not overlap; order does not matter).
    func replacing(_ edits: [(range: Range<Int>, with: String)]) -> String {
        MoodleHTML.splice(String(decoding: bytes, as: UTF8.self), edits)
    }

    // MARK: Parsing

    private mutating func parse() {
        var open: [Int] = []
        var i = 0
        let n = bytes.count

        func attach(_ index: Int) {
            if let parent = open.last { nodes[parent].children.append(index) } else { roots.append(index) }
        }

        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                // Comment, CDATA, doctype or processing instruction: skip it.
                if Self.matches(bytes, at: i, "<!--") {
                    i = Self.find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? n
                } else {
                    i = Self.find(bytes, ">", from: i + 2).map { $0 + 1 } ?? n
                }
                continue
            }
            if next == UInt8(ascii: "/") {
                var j = i + 2
                let nameStart = j
                while j < n, Self.isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                let end = Self.find(bytes, ">", from: j).map { $0 + 1 } ?? n
                if !name.isEmpty, let position = open.lastIndex(where: { nodes[$0].name == name }) {
                    for index in open[(position + 1)...] { nodes[index].inner = nodes[index].inner.lowerBound..<i }
                    let index = open[position]
                    nodes[index].inner = nodes[index].inner.lowerBound..<i
                    nodes[index].endTag = i..<end
                    open.removeSubrange(position...)
                }
                i = end
                continue
            }
            guard Self.isLetter(next) else {
                i += 1
                continue
            }
            // A start tag.
            var j = i + 1
            while j < n, Self.isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < n {
                while j < n, Self.isSpace(bytes[j]) { j += 1 }
                guard j < n else { break }
                if bytes[j] == UInt8(ascii: ">") { break }
                if bytes[j] == UInt8(ascii: "/") {
                    if j + 1 < n, bytes[j + 1] == UInt8(ascii: ">") { selfClosing = true }
                    j += 1
                    continue
                }
                let attributeStart = j
                while j < n, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                    !(bytes[j] == UInt8(ascii: "/") && j + 1 < n && bytes[j + 1] == UInt8(ascii: ">"))
                {
                    j += 1
                }
                let attributeName = String(decoding: bytes[attributeStart..<j], as: UTF8.self).lowercased()
                if j == attributeStart { j += 1; continue }
                while j < n, Self.isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < n, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < n, Self.isSpace(bytes[j]) { j += 1 }
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        var k = valueStart
                        while k < n, bytes[k] != quote { k += 1 }
                        value = String(decoding: bytes[valueStart..<k], as: UTF8.self)
                        j = min(k + 1, n)
                    } else {
                        let valueStart = j
                        while j < n, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    }
                }
                if attributes[attributeName] == nil { attributes[attributeName] = MoodleHTML.decodeEntities(value) }
            }
            let tagEnd = min(j + 1, n)
            // Elements HTML closes implicitly (`<li>一<li>二`, `<p>a<div>`): close them here.
            if let rule = Self.implicitEnd(for: name) {
                for position in open.indices.reversed() {
                    let openName = nodes[open[position]].name
                    if rule.boundary.contains(openName) { break }
                    if rule.closes.contains(openName) {
                        for index in open[position...] { nodes[index].inner = nodes[index].inner.lowerBound..<i }
                        open.removeSubrange(position...)
                        break
                    }
                }
            }
            let index = nodes.count
            nodes.append(Node(name: name, attributes: attributes, startTag: i..<tagEnd, endTag: nil, inner: tagEnd..<tagEnd, children: []))
            attach(index)
            i = tagEnd
            if Self.voidElements.contains(name) || selfClosing { continue }
            if Self.rawTextElements.contains(name) {
                // Everything up to the matching end tag is text.
                let closing = Self.closingTag(bytes, name: name, from: i)
                if let closing {
                    nodes[index].inner = i..<closing.lowerBound
                    nodes[index].endTag = closing
                    i = closing.upperBound
                } else {
                    nodes[index].inner = i..<n
                    i = n
                }
                continue
            }
            open.append(index)
        }
        for index in open { nodes[index].inner = nodes[index].inner.lowerBound..<n }
    }

    private static func closingTag(_ bytes: [UInt8], name: String, from start: Int) -> Range<Int>? {
        var k = start
        while let found = find(bytes, "</", from: k) {
            if matches(bytes, at: found + 2, name, caseInsensitive: true) {
                let end = find(bytes, ">", from: found).map { $0 + 1 } ?? bytes.count
                return found..<end
            }
            k = found + 2
        }
        return nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func matches(_ bytes: [UInt8], at index: Int, _ literal: String, caseInsensitive: Bool = false) -> Bool {
        let pattern = Array(literal.utf8)
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            var actual = bytes[index + offset]
            if caseInsensitive, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(actual) { actual += 32 }
            if actual != expected { return false }
        }
        return true
    }

    static func find(_ bytes: [UInt8], _ literal: String, from start: Int) -> Int? {
        let pattern = Array(literal.utf8)
        guard let first = pattern.first, start >= 0 else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == first, matches(bytes, at: i, literal) { return i }
            i += 1
        }
        return nil
    }
}

/// Small text conversions the Moodle importer and exporter share.
enum MoodleHTML {
    /// Decodes the character references HTML text commonly uses: the XML five, `&nbsp;`, and numeric ones.
    /// Unknown named references are left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let body = text[text.index(after: index)..<semicolon]
            if let decoded = decodeReference(String(body)) {
                output += decoded
                index = text.index(after: semicolon)
            } else {
                output.append(character)
                index = text.index(after: index)
            }
        }
        return output
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "times": "\u{00D7}", "divide": "\u{00F7}", "deg": "\u{00B0}", "middot": "\u{00B7}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "yen": "\u{00A5}",
    ]

    private static func decodeReference(_ body: String) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return named[body]
    }

    /// `text` with byte ranges of its UTF-8 form replaced (ranges must not overlap; order does not matter).
    static func splice(_ text: String, _ edits: [(range: Range<Int>, with: String)]) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= position {
            let upper = min(edit.range.upperBound, bytes.count)
            output.append(contentsOf: bytes[position..<min(edit.range.lowerBound, bytes.count)])
            output.append(contentsOf: edit.with.utf8)
            position = upper
        }
        if position < bytes.count { output.append(contentsOf: bytes[position...]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Elements that sit inside a line of text: dropping their tags must not split words.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var",
    ]

    /// The text of an HTML fragment: tags dropped (a space where a block or line break was), references decoded, runs of
    /// whitespace collapsed. For answers Moodle treats as plain strings.
    static func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html.collapsingWhitespace }
        let fragment = MoodleHTMLFragment(html)
        var pieces: [String] = []
        var position = 0
        var skipped: [(range: Range<Int>, space: Bool)] = []
        for node in fragment.nodes {
            if MoodleHTMLFragment.rawTextElements.contains(node.name) {
                skipped.append((node.outer, true))
            } else {
                let space = !inlineElements.contains(node.name)
                skipped.append((node.startTag, space))
                if let end = node.endTag { skipped.append((end, space)) }
            }
        }
        // Comments and other markup the fragment skips: drop `<!…>` and `<?…>` runs too.
        var index = 0
        let bytes = fragment.bytes
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?")
            {
                let end: Int
                if MoodleHTMLFragment.matches(bytes, at: index, "<!--") {
                    end = MoodleHTMLFragment.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                } else {
                    end = MoodleHTMLFragment.find(bytes, ">", from: index).map { $0 + 1 } ?? bytes.count
                }
                skipped.append((index..<end, false))
                index = end
            } else {
                index += 1
            }
        }
        for (range, space) in skipped.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where range.lowerBound >= position {
            pieces.append(fragment.text(position..<range.lowerBound))
            if space { pieces.append(" ") }
            position = range.upperBound
        }
        if position < bytes.count { pieces.append(fragment.text(position..<bytes.count)) }
        return decodeEntities(pieces.joined()).collapsingWhitespace
    }

    /// Text in one of Moodle's non-HTML formats as HTML: escaped, `<br>` for single newlines, and `<p>`
    /// paragraphs when blank lines split it into more than one.
    static func paragraphs(fromPlain text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var paragraphs: [[String]] = [[]]
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(trimmed)
            }
        }
        let rendered = paragraphs.filter { !$0.isEmpty }.map { $0.map(HTMLText.escape).joined(separator: "<br>") }
        if rendered.count <= 1 { return rendered.first ?? "" }
        return rendered.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }
}

