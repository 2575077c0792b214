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
///
/// An image with a local source (a path, no scheme, no host) is handed to `localImage` when one is given:
/// an importer resolves it against the file it came from and answers with the index of the item asset it
/// recorded, and the image is written as the placeholder `<!--coursemap-asset N-->` that the render stage
/// fills per page (the page's depth decides the URL); or it answers `drop`, and the alternative text stays.
///
/// MathML is kept as `MathMLPolicy` says (MathML Core, layout attributes only).
public enum HTMLSanitizer {
    /// An image with a local source, as the sanitizer found it.
    public struct LocalImage: Hashable, Sendable {
        public var source: String
        public var alternative: String?
        public var width: Int?
        public var height: Int?

        public init(source: String, alternative: String? = nil, width: Int? = nil, height: Int? = nil) {
            self.source = source
            self.alternative = alternative
            self.width = width
            self.height = height
        }
    }

    /// What becomes of a local image.
    public enum LocalImageUse: Hashable, Sendable {
        /// The item asset with this index: written as `<!--coursemap-asset N-->`.
        case asset(Int)
        /// Left out; its alternative text stays, in brackets.
        case drop
        /// Kept as written.
        case keep
    }

    /// The placeholder kind of an item asset (`<!--coursemap-asset N-->`).
    public static let assetPlaceholder = "coursemap-asset"

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
    public static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "textarea", "select", "option", "svg", "template", "noscript", "link", "meta", "base", "head",
        "title", "audio", "video", "canvas",
    ]

    static let voidElements: Set<String> = ["br", "hr", "img"]

    /// The deepest element nesting written. libxml2's HTML parser silently stops nesting at 256 levels (what
    /// follows a deeper tag is lost), so elements deeper than this are left out, with their content, and
    /// reported: a depth bomb gives CM312 instead of a quietly shortened question.
    public static let maximumDepth = 200

    public static func sanitize(
        _ html: String, keepRemoteImages: Bool = false, localImage: ((LocalImage) -> LocalImageUse)? = nil
    ) -> Result {
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
        var writer = Writer(keepRemoteImages: keepRemoteImages, localImage: localImage)
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
        let localImage: ((LocalImage) -> LocalImageUse)?
        var output = ""
        var removed: [String] = []
        var remoteImages: [String] = []
        /// How many `<math>` elements are open around the node being written.
        var mathDepth = 0
        /// How many elements are open around the node being written.
        var depth = 0

        init(keepRemoteImages: Bool, localImage: ((LocalImage) -> LocalImageUse)?) {
            self.keepRemoteImages = keepRemoteImages
            self.localImage = localImage
        }

        mutating func children(of node: xmlNodePtr) {
            guard depth < HTMLSanitizer.maximumDepth else {
                let entry = "content nested more than \(HTMLSanitizer.maximumDepth) levels deep"
                if !removed.contains(entry) { removed.append(entry) }
                return
            }
            depth += 1
            defer { depth -= 1 }
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
                let local = MathMLPolicy.localName(name)
                if local == "math" || mathDepth > 0 {
                    writeMathML(node, local: local)
                    return
                }
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
                    let (attributeName, value) = Self.nameAndValue(of: current, in: node)
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
                if name == "img", let localImage, let source = kept.first(where: { $0.0 == "src" })?.1, Self.isLocal(source) {
                    let alt = kept.first(where: { $0.0 == "alt" })?.1
                    let image = LocalImage(
                        source: source, alternative: alt, width: kept.first(where: { $0.0 == "width" }).flatMap { Int($0.1) },
                        height: kept.first(where: { $0.0 == "height" }).flatMap { Int($0.1) })
                    switch localImage(image) {
                    case let .asset(index):
                        var writer = HTMLWriter()
                        writer.comment("\(HTMLSanitizer.assetPlaceholder) \(index)")
                        output += writer.html
                        return
                    case .drop:
                        if let alt, !alt.isEmpty { output += HTMLText.escape("[\(alt)]") }
                        return
                    case .keep:
                        break
                    }
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

        /// MathML, inside `<math>`: `MathMLPolicy` elements with their layout attributes; `semantics` shows its
        /// first child; annotations are left out; `mglyph` and `maction` are removed (reported); anything
        /// else keeps its content without its tag.
        mutating func writeMathML(_ node: xmlNodePtr, local: String) {
            if MathMLPolicy.annotations.contains(local) { return }
            if MathMLPolicy.refused.contains(local) || HTMLSanitizer.dropped.contains(local) {
                removed.append("<\(local)>")
                return
            }
            if local == "semantics" {
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE,
                        !MathMLPolicy.annotations.contains(MathMLPolicy.localName(String(cString: current.pointee.name)))
                    {
                        write(current)
                        return
                    }
                    child = current.pointee.next
                }
                return
            }
            guard MathMLPolicy.elements[local] != nil else {
                children(of: node)
                return
            }
            let allowed = MathMLPolicy.attributes(of: local)
            var kept: [(String, String)] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let (attributeName, value) = Self.nameAndValue(of: current, in: node)
                if allowed.contains(attributeName), MathMLPolicy.acceptable(value), !kept.contains(where: { $0.0 == attributeName }) {
                    kept.append((attributeName, value))
                } else if attributeName.hasPrefix("on") || ["href", "src", "style", "xlink:href"].contains(attributeName) {
                    removed.append(attributeName == "href" || attributeName == "src" ? "\(attributeName)=\"\(value)\"" : attributeName)
                }
                attribute = current.pointee.next
            }
            output += HTMLWriter.startTag(local, kept)
            mathDepth += 1
            children(of: node)
            mathDepth -= 1
            output += HTMLWriter.endTag(local)
        }

        /// A source that names a file beside the document: no scheme, no host, not the portal's root.
        /// An attribute's name (lower case) and its value as text, entities resolved.
        static func nameAndValue(of attribute: xmlAttrPtr, in node: xmlNodePtr) -> (String, String) {
            let name = String(cString: attribute.pointee.name).lowercased()
            guard let raw = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) else { return (name, "") }
            defer { free(raw) }
            return (name, String(cString: raw))
        }

        static func isLocal(_ source: String) -> Bool {
            let view = URLPolicy.browserView(source)
            return !view.isEmpty && !URLPolicy.hasScheme(view) && !isRemote(view) && !view.hasPrefix("/") && !view.hasPrefix("#")
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
