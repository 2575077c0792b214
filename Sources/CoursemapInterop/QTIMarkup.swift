import CoursemapModel
import CoursemapXML

// Shared pieces of the QTI 2.1 importer and exporter: the class names that carry Coursemap's own data
// through a QTI item, a small XML writer, and the conversion of Coursemap's HTML into QTI's XHTML.

/// Class names Coursemap writes into QTI XHTML (QTI allows `class` on every body element, but no
/// `data-*` attributes) so that an exported item imports back exactly.
///
/// Every element whose class list holds a name starting with `coursemap-` is structure that the importer
/// reads explicitly, and never shows in the stem — except `coursemap-stem` (a wrapper that is unwrapped)
/// and `coursemap-html-<name>` (an HTML element QTI lacks, restored as `<name>`).
enum QTIClass {
    static let prefix = "coursemap-"
    /// `<div>` around the item's stem.
    static let stem = "coursemap-stem"
    /// Added to the stem `<div>` of a description item (an item without interaction).
    static let description = "coursemap-description"
    /// `<rubricBlock view="author">` holding what QTI has no slot for.
    static let meta = "coursemap-meta"
    static let id = "coursemap-id"
    static let usage = "coursemap-usage"
    static let difficulty = "coursemap-difficulty"
    static let score = "coursemap-score"
    static let title = "coursemap-title"
    static let titleEnglish = "coursemap-title-en"
    static let assesses = "coursemap-assesses"
    /// `<p>` wrapping interactions that have no place in the stem (a numerical answer box, blanks whose
    /// marker the stem lacks).
    static let response = "coursemap-response"
    /// Short answer: `<rubricBlock view="scorer">` with the reference answer and marking points.
    static let scoring = "coursemap-scoring"
    static let reference = "coursemap-reference"
    static let points = "coursemap-points"
    static let point = "coursemap-point"
    static let pointText = "coursemap-point-text"
    static let pointScore = "coursemap-point-score"
    /// Practical task parts.
    static let label = "coursemap-label"
    static let scenario = "coursemap-scenario"
    static let steps = "coursemap-steps"
    static let datasets = "coursemap-datasets"
    static let dataset = "coursemap-dataset"
    static let datasetEnglish = "coursemap-dataset-en"
    static let deliverable = "coursemap-deliverable"
    static let rubric = "coursemap-rubric"
    static let criterion = "coursemap-criterion"
    static let criterionName = "coursemap-criterion-name"
    static let level = "coursemap-level"
    static let levelPoints = "coursemap-level-points"
    static let levelDescription = "coursemap-level-description"
    /// `coursemap-html-u` on a `<span>` stands for `<u>`, and so on.
    static let htmlPrefix = "coursemap-html-"
}

enum QTIText {
    /// XML white space: space, tab, line feed, carriage return. (Not U+00A0 or U+3000, which are text.)
    static func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Runs of XML white space become one space.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isXMLSpace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        if pendingSpace { out.append(" ") }
        return String(out)
    }

    /// Collapsed and trimmed.
    static func clean(_ text: String) -> String {
        var collapsed = collapse(text)
        if collapsed.hasPrefix(" ") { collapsed.removeFirst() }
        if collapsed.hasSuffix(" ") { collapsed.removeLast() }
        return collapsed
    }

    static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(isXMLSpace) }

    /// A number as QTI writes it: `2`, `0.5`, `-1.25`.
    static func number(_ value: Double) -> String {
        if let whole = NumberText.wholeNumber(value) { return String(whole) }
        return "\(value)"
    }

    static func parseNumber(_ text: String?) -> Double? {
        guard let text else { return nil }
        let cleaned = clean(text)
        guard let value = Double(cleaned), value.isFinite, abs(value) <= NumberBounds.maximumAnswerMagnitude else { return nil }
        return value
    }

    /// The class names of an element.
    static func classes(_ element: XMLElement) -> [String] {
        (element.attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// A Coursemap identifier: ASCII letters, digits, `-` and `_`, starting alphanumeric, at most 64.
    static func isCoursemapID(_ text: String) -> Bool { CompetencyID.isIdentifier(text) }

    /// A Coursemap identifier made from any text: characters that are not allowed become `-` (a run of
    /// them one `-`), and `q` is put in front when the result would not start alphanumeric.
    static func coursemapID(from text: String) -> String {
        if isCoursemapID(text) { return text }
        var out = ""
        var replacing = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
                replacing = false
            } else if !replacing {
                out += "-"
                replacing = true
            }
        }
        if let first = out.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) {
        } else {
            out = "q" + out
        }
        return String(out.prefix(64))
    }

    /// A QTI identifier (an XML NCName restricted to ASCII): letters, digits, `-`, `_`, `.`, starting with a
    /// letter or `_`.
    static func isQTIIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
        }
    }

    /// A URI reference as XML Schema's `anyURI` (as libxml2 checks it) accepts it, meaning the same: a `%`
    /// not followed by two hex digits becomes `%25`, a second `#` `%23`, and `[`/`]` outside an IPv6 host
    /// `%5B`/`%5D`. White space at the ends is trimmed; anything else is kept as written.
    static func anyURI(_ text: String) -> String {
        let scalars = Array(clean(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var seenFragment = false
        // `scheme://[` starts an IPv6 host: its brackets stay.
        var hostEnd = -1
        if let start = (0..<max(scalars.count - 3, 0)).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == "/" && scalars[$0 + 2] == "/" }),
            start + 3 < scalars.count, scalars[start + 3] == "[", !scalars[..<start].contains(where: { "/?#".unicodeScalars.contains($0) }),
            let close = scalars[(start + 3)...].firstIndex(of: "]")
        {
            hostEnd = close
        }
        func isHex(_ index: Int) -> Bool {
            index < scalars.count && (scalars[index].properties.isASCIIHexDigit)
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "%" where !(isHex(index + 1) && isHex(index + 2)): out.append(contentsOf: "%25".unicodeScalars)
            case "#" where seenFragment: out.append(contentsOf: "%23".unicodeScalars)
            case "#":
                seenFragment = true
                out.append(scalar)
            case "[" where index > hostEnd: out.append(contentsOf: "%5B".unicodeScalars)
            case "]" where index > hostEnd: out.append(contentsOf: "%5D".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The QTI identifier for a Coursemap id (`I` in front when the id starts with a digit).
    static func qtiIdentifier(for id: String) -> String {
        if isQTIIdentifier(id) { return id }
        let sanitised = coursemapID(from: id)
        return isQTIIdentifier(sanitised) ? sanitised : "I" + sanitised
    }
}

// MARK: - Writing XML

/// An XML node the exporter writes.
indirect enum QTINode {
    /// `compact` elements are written without added white space inside (mixed content, rich text).
    case element(name: String, attributes: [(String, String)], children: [QTINode], compact: Bool)
    case text(String)

    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [QTINode] = []) -> QTINode {
        .element(name: name, attributes: attributes, children: children, compact: false)
    }

    /// An element holding text or converted rich text, written on one line.
    static func compact(_ name: String, _ attributes: [(String, String)] = [], _ children: [QTINode]) -> QTINode {
        .element(name: name, attributes: attributes, children: children, compact: true)
    }

    static func leaf(_ name: String, _ attributes: [(String, String)] = [], _ text: String) -> QTINode {
        .element(name: name, attributes: attributes, children: [.text(text)], compact: true)
    }

    /// The text content, for titles.
    var plainText: String {
        switch self {
        case let .text(text): return text
        case let .element(_, _, children, _): return children.map(\.plainText).joined()
        }
    }
}

enum QTIXMLWriter {
    static func document(_ root: QTINode) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(root, depth: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ node: QTINode, depth: Int, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch node {
        case let .text(text):
            out += indent + escapeText(text)
        case let .element(name, attributes, children, compact):
            out += indent
            openTag(name, attributes, into: &out)
            if children.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            let hasText = children.contains { if case .text = $0 { return true } else { return false } }
            if compact || hasText {
                for child in children { writeInline(child, into: &out) }
            } else {
                for child in children {
                    out += "\n"
                    write(child, depth: depth + 1, into: &out)
                }
                out += "\n" + indent
            }
            out += "</\(name)>"
        }
    }

    private static func writeInline(_ node: QTINode, into out: inout String) {
        switch node {
        case let .text(text):
            out += escapeText(text)
        case let .element(name, attributes, children, _):
            openTag(name, attributes, into: &out)
            if children.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            for child in children { writeInline(child, into: &out) }
            out += "</\(name)>"
        }
    }

    private static func openTag(_ name: String, _ attributes: [(String, String)], into out: inout String) {
        out += "<" + name
        for (attribute, value) in attributes { out += " \(attribute)=\"\(escapeAttribute(value))\"" }
    }

    /// Characters XML 1.0 does not allow at all are left out.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func escapeText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars where allowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars where allowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

// MARK: - Reading Coursemap's HTML

/// A node of an HTML fragment, parsed leniently (Coursemap's own HTML is well-formed; anything else is
/// repaired the simple way: unknown end tags are ignored, open elements are closed at the end).
struct QTIHTMLNode {
    var name: String?
    var attributes: [(String, String)] = []
    var children: [QTIHTMLNode] = []
    var text: String = ""

    static func text(_ text: String) -> QTIHTMLNode { QTIHTMLNode(name: nil, text: text) }

    /// The name of the node that stands for an image placeholder (not an HTML name: it cannot be written).
    static let assetName = "#coursemap-asset"

    func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }

    var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }
}

enum QTIHTMLParser {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp"]

    static func parse(_ html: String) -> [QTIHTMLNode] {
        let s = Array(html.unicodeScalars)
        var stack: [QTIHTMLNode] = [QTIHTMLNode(name: "#root")]
        var text = String.UnicodeScalarView()
        var i = 0

        func flush() {
            if !text.isEmpty {
                stack[stack.count - 1].children.append(.text(decodeEntities(String(text))))
                text = String.UnicodeScalarView()
            }
        }
        func popTo(_ depth: Int) {
            while stack.count > depth {
                let node = stack.removeLast()
                stack[stack.count - 1].children.append(node)
            }
        }
        func hasPrefix(_ prefix: String, at index: Int) -> Bool {
            var j = index
            for scalar in prefix.unicodeScalars {
                guard j < s.count, lower(s[j]) == scalar else { return false }
                j += 1
            }
            return true
        }
        func find(_ needle: String, from index: Int) -> Int? {
            var j = index
            while j < s.count {
                if hasPrefix(needle, at: j) { return j }
                j += 1
            }
            return nil
        }
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { QTIText.isXMLSpace(scalar) || scalar == "\u{0C}" }

        while i < s.count {
            let c = s[i]
            guard c == "<", i + 1 < s.count else {
                text.append(c)
                i += 1
                continue
            }
            let next = s[i + 1]
            if hasPrefix("<!--", at: i) {
                flush()
                let end = find("-->", from: i + 4) ?? s.count
                // An imported image's placeholder (`<!--coursemap-asset N-->`, see `ItemAsset`) is kept as a node.
                let comment = String(String.UnicodeScalarView(s[(i + 4)..<end]))
                if comment.hasPrefix("coursemap-asset "), let number = Int(comment.dropFirst("coursemap-asset ".count)) {
                    stack[stack.count - 1].children.append(QTIHTMLNode(name: QTIHTMLNode.assetName, attributes: [("n", String(number))]))
                }
                i = min(end + 3, s.count)
            } else if hasPrefix("<![cdata[", at: i) {
                flush()
                let end = find("]]>", from: i + 9) ?? s.count
                stack[stack.count - 1].children.append(.text(String(String.UnicodeScalarView(s[(i + 9)..<end]))))
                i = min(end + 3, s.count)
            } else if next == "!" || next == "?" {
                flush()
                i = (find(">", from: i).map { $0 + 1 }) ?? s.count
            } else if next == "/" {
                var j = i + 2
                var name = ""
                while j < s.count, !isSpace(s[j]), s[j] != ">" {
                    name.unicodeScalars.append(lower(s[j]))
                    j += 1
                }
                flush()
                i = (find(">", from: j).map { $0 + 1 }) ?? s.count
                if let depth = stack.lastIndex(where: { $0.name == name }), depth > 0 { popTo(depth) }
            } else if isNameStart(next) {
                var j = i + 1
                var name = ""
                while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" {
                    name.unicodeScalars.append(lower(s[j]))
                    j += 1
                }
                var attributes: [(String, String)] = []
                var selfClosing = false
                while j < s.count {
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    guard j < s.count else { break }
                    if s[j] == ">" {
                        j += 1
                        break
                    }
                    if s[j] == "/" {
                        selfClosing = true
                        j += 1
                        continue
                    }
                    var attribute = ""
                    while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "=", s[j] != "/" || attribute.isEmpty {
                        attribute.unicodeScalars.append(lower(s[j]))
                        j += 1
                    }
                    selfClosing = false
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    var value = ""
                    if j < s.count, s[j] == "=" {
                        j += 1
                        while j < s.count, isSpace(s[j]) { j += 1 }
                        if j < s.count, s[j] == "\"" || s[j] == "'" {
                            let quote = s[j]
                            j += 1
                            while j < s.count, s[j] != quote {
                                value.unicodeScalars.append(s[j])
                                j += 1
                            }
                            j += 1
                        } else {
                            while j < s.count, !isSpace(s[j]), s[j] != ">" {
                                value.unicodeScalars.append(s[j])
                                j += 1
                            }
                        }
                    }
                    if !attribute.isEmpty, !attributes.contains(where: { $0.0 == attribute }) {
                        attributes.append((attribute, decodeEntities(value)))
                    }
                }
                flush()
                i = j
                var node = QTIHTMLNode(name: name, attributes: attributes)
                if rawTextElements.contains(name) {
                    let end = find("</" + name, from: i) ?? s.count
                    node.children = [.text(String(String.UnicodeScalarView(s[i..<end])))]
                    i = (find(">", from: end).map { $0 + 1 }) ?? s.count
                    stack[stack.count - 1].children.append(node)
                } else if selfClosing || voidElements.contains(name) {
                    stack[stack.count - 1].children.append(node)
                } else {
                    stack.append(node)
                }
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        popTo(1)
        return stack[0].children
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if ("A"..."Z").contains(scalar) { return Unicode.Scalar(scalar.value + 32)! }
        return scalar
    }

    /// The named entities HTML text commonly uses; anything unknown stays literal text.
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "shy": "\u{AD}", "copy": "©", "reg": "®", "trade": "™",
        "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "sbquo": "‚", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "middot": "·",
        "bull": "•", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "minus": "−", "le": "≤", "ge": "≥",
        "ne": "≠", "asymp": "≈", "infin": "∞", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "euro": "€", "yen": "¥", "pound": "£", "cent": "¢", "sect": "§", "para": "¶", "micro": "µ", "frac12": "½",
        "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "permil": "‰", "prime": "′", "Prime": "″",
        "check": "✓", "dagger": "†", "Dagger": "‡", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
        "pi": "π", "sigma": "σ", "mu": "μ", "lambda": "λ", "theta": "θ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ",
        "Omega": "Ω", "sum": "∑", "radic": "√", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else {
                out.append(s[i])
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            while j < s.count, j - i <= 32, s[j] != ";", s[j].isASCII,
                s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#"
            {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            if j < s.count, s[j] == ";", let decoded = decode(name) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = j + 1
            } else {
                out.append("&")
                i += 1
            }
        }
        return String(out)
    }

    private static func decode(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return entities[name]
    }
}

// MARK: - Coursemap HTML → QTI XHTML

/// Turns Coursemap's HTML into the XHTML subset QTI 2.1 allows, as `QTINode`s.
///
/// Elements QTI has keep only the attributes QTI allows (plus `class`, and `lang` as `xml:lang`); a few
/// harmless HTML elements QTI lacks become `<span>`/`<div class="coursemap-html-NAME">`; scripts, media and
/// forms are left out; other unknown elements are unwrapped. Blank markers `<span class="blank"
/// data-blank="N">` become the interaction given for blank N.
struct QTIXHTMLConverter {
    /// QTI 2.1 XHTML elements, each with the attributes it takes besides `class` and `xml:lang`.
    static let qtiElements: [String: Set<String>] = [
        "a": ["href", "type"], "abbr": [], "acronym": [], "address": [], "b": [], "big": [], "blockquote": ["cite"],
        "br": [], "caption": [], "cite": [], "code": [], "col": ["span"], "colgroup": ["span"], "dd": [], "dfn": [],
        "div": [], "dl": [], "dt": [], "em": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [],
        "i": [], "img": ["src", "alt", "longdesc", "height", "width"], "kbd": [], "li": [], "ol": [], "p": [],
        "pre": [], "q": ["cite"], "samp": [], "small": [], "span": [], "strong": [], "sub": [], "sup": [],
        "table": ["summary"], "tbody": [], "td": ["headers", "scope", "abbr", "axis", "rowspan", "colspan"],
        "tfoot": [], "th": ["headers", "scope", "abbr", "axis", "rowspan", "colspan"], "thead": [], "tr": [],
        "tt": [], "ul": [], "var": [],
    ]
    /// Harmless HTML elements QTI lacks, carried as a `<span>` (inline) or `<div>` (block) with a class.
    static let renamedInline: Set<String> = ["u", "s", "strike", "del", "ins", "mark"]
    static let renamedBlock: Set<String> = [
        "figure", "figcaption", "aside", "section", "article", "header", "footer", "nav", "main", "details", "summary",
    ]
    /// Restorable by the importer (the sanitizer decides whether each survives).
    static var renamed: Set<String> { renamedInline.union(renamedBlock) }
    /// Left out with everything inside.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "textarea", "select", "option", "svg", "template", "noscript", "link", "meta", "base", "head",
        "title", "audio", "video", "canvas", "param", "source", "track", "xmp",
    ]

    /// The interaction for each blank number (1-based).
    var blanks: [Int: QTINode] = [:]
    /// The blank numbers placed, in order, and markers whose number has no blank.
    private(set) var placed: [Int] = []
    private(set) var strayMarkers: [Int] = []
    private var lastBlank = 0

    /// The item's assets: an image placeholder `N` becomes an `<img>` of `assets[N]`, its `src` the content
    /// path seen from the package's `items/` folder (`../exercises/…`), as graphic pictures are written.
    var assets: [ItemAsset] = []
    /// The `hottext` identifier for each hottext marker number (1-based) of a hottext item's stem.
    var hottexts: [Int: String] = [:]
    /// The hottext numbers placed as `<hottext>` elements, in order.
    private(set) var placedHottexts: [Int] = []

    init(blanks: [Int: QTINode] = [:], hottexts: [Int: String] = [:]) {
        self.blanks = blanks
        self.hottexts = hottexts
    }

    mutating func convert(_ html: String) -> [QTINode] {
        convert(QTIHTMLParser.parse(html))
    }

    private mutating func convert(_ nodes: [QTIHTMLNode]) -> [QTINode] {
        var out: [QTINode] = []
        for node in nodes {
            guard let name = node.name else {
                let text = node.text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }
                if !text.isEmpty { out.append(.text(String(String.UnicodeScalarView(text)))) }
                continue
            }
            if name == "span", node.classes.contains("blank") || node.attribute("data-blank") != nil {
                let number = node.attribute("data-blank").flatMap { Int(QTIText.clean($0)) } ?? (lastBlank == Int.max ? Int.max : lastBlank + 1)
                lastBlank = number
                if let interaction = blanks[number], !placed.contains(number) {
                    placed.append(number)
                    out.append(interaction)
                } else {
                    strayMarkers.append(number)
                }
                continue
            }
            if name == QTIHTMLNode.assetName {
                guard let number = node.attribute("n").flatMap({ Int($0) }), assets.indices.contains(number) else { continue }
                let asset = assets[number]
                guard asset.data == nil, !asset.path.isEmpty else {
                    // A file embedded in the imported file has no path in the content folder: its text stays.
                    if let alternative = asset.alternative, !QTIText.isBlank(alternative) { out.append(.text(alternative)) }
                    continue
                }
                var attributes = [("src", QTIText.anyURI("../" + asset.path)), ("alt", asset.alternative ?? "")]
                if let width = asset.width { attributes.append(("width", String(width))) }
                if let height = asset.height { attributes.append(("height", String(height))) }
                out.append(.element(name: "img", attributes: attributes, children: [], compact: true))
                continue
            }
            if name == "span", let number = node.attribute("data-hottext").flatMap({ Int(QTIText.clean($0)) }),
                let identifier = hottexts[number], !placedHottexts.contains(number)
            {
                // A hottext marker of the stem is the `<hottext>` itself, where it stands in the text.
                placedHottexts.append(number)
                out.append(.element(name: "hottext", attributes: [("identifier", identifier)], children: convert(node.children), compact: true))
                continue
            }
            if name == "math" || name.hasSuffix(":math") {
                out.append(QTIMathML.math(node))
                continue
            }
            if Self.dropped.contains(name) { continue }
            let children = convert(node.children)
            if let allowed = Self.qtiElements[name] {
                var attributes = self.attributes(of: node, allowed: allowed)
                var elementName = name
                if name == "img" {
                    guard attributes.contains(where: { $0.0 == "src" }) else { continue }
                    if !attributes.contains(where: { $0.0 == "alt" }) { attributes.append(("alt", "")) }
                }
                if name == "a", !attributes.contains(where: { $0.0 == "href" }) {
                    elementName = "span"
                    attributes.removeAll { $0.0 == "type" }
                }
                out.append(.element(name: elementName, attributes: attributes, children: children, compact: true))
            } else if Self.renamedInline.contains(name) || Self.renamedBlock.contains(name) {
                var classes = [QTIClass.htmlPrefix + name]
                classes += node.classes.filter { !$0.hasPrefix(QTIClass.prefix) }
                out.append(.element(
                    name: Self.renamedInline.contains(name) ? "span" : "div",
                    attributes: [("class", classes.joined(separator: " "))], children: children, compact: true))
            } else {
                out += children
            }
        }
        return out
    }

    private func attributes(of node: QTIHTMLNode, allowed: Set<String>) -> [(String, String)] {
        var out: [(String, String)] = []
        let classes = node.classes.filter { !$0.hasPrefix(QTIClass.prefix) }
        if !classes.isEmpty { out.append(("class", classes.joined(separator: " "))) }
        if let lang = node.attribute("lang").map(QTIText.clean), !lang.isEmpty,
            lang.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
        {
            out.append(("xml:lang", lang))
        }
        for (name, value) in node.attributes where allowed.contains(name) {
            switch name {
            case "rowspan", "colspan", "span":
                if let number = Int(QTIText.clean(value)), number > 0 { out.append((name, String(number))) }
            case "height", "width":
                let cleaned = QTIText.clean(value)
                let digits = cleaned.hasSuffix("%") ? String(cleaned.dropLast()) : cleaned
                if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitQTI) { out.append((name, cleaned)) }
            case "href", "src", "longdesc", "cite":
                out.append((name, QTIText.anyURI(value)))
            default:
                out.append((name, value))
            }
        }
        return out
    }
}

extension Character {
    fileprivate var isASCIIDigitQTI: Bool { ("0"..."9").contains(self) }
}
