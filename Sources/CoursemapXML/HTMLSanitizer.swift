import CLibXML2
import Foundation

/// Cleans HTML that comes from outside Coursemap (the CDATA of Moodle questions, the XHTML of QTI items)
/// with an allowlist: only known-harmless elements and attributes survive, links and images keep only
/// URLs the portal publishes, and everything is re-serialised by Coursemap, escaped. Scripts, styles,
/// event handlers, frames, forms and `javascript:` URLs never survive.
///
/// Images load only from the portal itself unless asked otherwise: an `<img>` whose source names another
/// host (`http(s)://…`, `//host/…`, `\\host`, with any case, white space or control characters a browser
/// ignores) is a tracking pixel in a student portal, so it is dropped (its alternative text stays) and its
/// source listed in `Result.remoteImages`. `keepRemoteImages` keeps such images (`imports.remote_images`
/// in `coursemap.yml`).
public enum HTMLSanitizer {
    /// The clean HTML, and what was removed (for a diagnostic), e.g. `["<script>", "onclick"]`.
    public struct Result: Hashable, Sendable {
        public var html: String
        public var removed: [String]
        /// The sources of remote images that were dropped, in document order, without repeats.
        public var remoteImages: [String] = []
    }

    /// Elements kept (with their allowed attributes).
    static let allowed: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "strong": [], "b": [], "em": [], "i": [], "u": [], "s": [], "del": [],
        "sub": [], "sup": [], "code": [], "pre": [], "kbd": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [],
        "dl": [], "dt": [], "dd": [], "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [],
        "th": ["colspan", "rowspan", "scope"], "td": ["colspan", "rowspan"], "h1": [], "h2": [], "h3": [], "h4": [],
        "h5": [], "h6": [], "span": [], "div": [], "a": ["href", "title"], "img": ["src", "alt", "width", "height"],
        "figure": [], "figcaption": [],
    ]

    /// Elements dropped together with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "textarea", "select", "option", "svg", "math", "template", "noscript", "link", "meta", "base", "head",
        "title", "audio", "video", "canvas",
    ]

    static let voidElements: Set<String> = ["br", "hr", "img"]

    public static func sanitize(_ html: String, keepRemoteImages: Bool = false) -> Result {
        XMLParser.ensureInitialised()
        // libxml2 checks attributes pairwise: an element with very many is shown as text, not parsed.
        if XMLShapeLimits.check(html, file: "") != nil {
            return Result(html: HTMLText.escape(html), removed: ["an element with more than \(XMLShapeLimits.maximumAttributes) attributes"])
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        // Wrapping in a <div> keeps top-level text and gives the parser one root.
        let wrapped = "<div>" + html + "</div>"
        let document: htmlDocPtr? = wrapped.utf8CString.withUnsafeBufferPointer { buffer in
            htmlReadMemory(buffer.baseAddress, Int32(buffer.count - 1), nil, "UTF-8", options)
        }
        guard let document else { return Result(html: HTMLText.escape(html), removed: []) }
        defer { xmlFreeDoc(document) }
        var writer = Writer(keepRemoteImages: keepRemoteImages)
        if let root = xmlDocGetRootElement(document) {
            // html → body → our div: write the div's children.
            let container = findFirst("div", from: root) ?? root
            writer.children(of: container)
        }
        var seen = Set<String>()
        var seenImages = Set<String>()
        return Result(
            html: writer.output.trimmingCharacters(in: .whitespacesAndNewlines), removed: writer.removed.filter { seen.insert($0).inserted },
            remoteImages: writer.remoteImages.filter { seenImages.insert($0).inserted })
    }

    private static func findFirst(_ name: String, from node: xmlNodePtr) -> xmlNodePtr? {
        if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == name { return node }
        var child = node.pointee.children
        while let current = child {
            if let found = findFirst(name, from: current) { return found }
            child = current.pointee.next
        }
        return nil
    }

    private struct Writer {
        let keepRemoteImages: Bool
        var output = ""
        var removed: [String] = []
        var remoteImages: [String] = []

        init(keepRemoteImages: Bool) {
            self.keepRemoteImages = keepRemoteImages
        }

        mutating func children(of node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                write(current)
                child = current.pointee.next
            }
        }

        mutating func write(_ node: xmlNodePtr) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { output += HTMLText.escape(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                if HTMLSanitizer.dropped.contains(name) {
                    removed.append("<\(name)>")
                    return
                }
                guard let attributes = HTMLSanitizer.allowed[name] else {
                    children(of: node)  // unknown element: keep its content, drop the tag
                    return
                }
                var kept: [(String, String)] = []
                var attribute = node.pointee.properties
                while let current = attribute {
                    let attributeName = String(cString: current.pointee.name).lowercased()
                    var value = ""
                    if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                        value = String(cString: raw)
                        free(raw)
                    }
                    if name == "img", attributeName == "src", !keepRemoteImages, Self.isRemote(value) {
                        remoteImages.append(value)
                    } else if attributes.contains(attributeName), acceptable(attributeName, value) {
                        kept.append((attributeName, value))
                    } else if attributeName.hasPrefix("on") || ["href", "src", "style"].contains(attributeName) {
                        removed.append(attributeName == "href" || attributeName == "src" ? "\(attributeName)=\"\(value)\"" : attributeName)
                    }
                    attribute = current.pointee.next
                }
                if name == "img" && !kept.contains(where: { $0.0 == "src" }) {
                    // An image without a usable source shows its alternative text.
                    if let alt = kept.first(where: { $0.0 == "alt" })?.1, !alt.isEmpty { output += HTMLText.escape("[\(alt)]") }
                    return
                }
                if name == "a", kept.contains(where: { $0.0 == "href" && URLPolicy.isExternal($0.1) }) { kept.append(("rel", "noopener")) }
                output += HTMLWriter.startTag(name, kept)
                if HTMLSanitizer.voidElements.contains(name) { return }
                children(of: node)
                output += HTMLWriter.endTag(name)
            default:
                break  // comments, processing instructions, entity declarations
            }
        }

        /// Whether an image source would make the browser contact another host: after removing what browsers
        /// ignore in URLs (tabs and line breaks anywhere, leading C0 controls and spaces), it starts with two
        /// slashes or backslashes in any mix (`//host`, `/\\host`), or its scheme is one with a host (`http`,
        /// `https`, `ftp`, `ws`, `wss`, in any case; `https:host` counts too). Other schemes are left to
        /// `URLPolicy`, which refuses them.
        static func isRemote(_ source: String) -> Bool {
            var scalars = Array(source.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
            while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
            let slashes: Set<Unicode.Scalar> = ["/", "\\"]
            if scalars.count >= 2, slashes.contains(scalars[0]), slashes.contains(scalars[1]) { return true }
            guard let colon = scalars.firstIndex(of: ":") else { return false }
            let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
            return ["http", "https", "ftp", "ws", "wss"].contains(scheme)
        }

        func acceptable(_ attribute: String, _ value: String) -> Bool {
            switch attribute {
            case "href", "src": return URLPolicy.isAllowed(value)
            case "colspan", "rowspan", "start", "width", "height": return Int(value) != nil
            default: return true
            }
        }
    }
}
