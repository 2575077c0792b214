import CLibXML2
import CoursemapModel
import Foundation

/// Parses XML with libxml2 under safe settings and converts it to an `XMLElement` tree.
///
/// Never substitutes entities (`XML_PARSE_NOENT` off), never loads a DTD (`XML_PARSE_DTDLOAD` off), never
/// touches the network (`XML_PARSE_NONET`), keeps libxml2's amplification limits (no `XML_PARSE_HUGE`), and
/// refuses any document with a DOCTYPE: Coursemap's formats need none.
public enum XMLParser {
    private static let initialise: Void = xmlInitParser()

    /// libxml2's global state is set up once, before any parse (and before any parallel work).
    public static func ensureInitialised() { _ = initialise }

    /// The root element, or the diagnostics that explain why there is none. Validates against `schema` when
    /// one is given; schema violations are all reported, not only the first.
    public static func parse(_ text: String, file: String, schema: XMLSchema? = nil) -> Result<XMLElement, DiagnosticList> {
        ensureInitialised()
        // Refused before libxml2 sees it: entity declarations are never even parsed.
        if let range = text.range(of: "<!DOCTYPE") {
            let line = text[..<range.lowerBound].count { $0 == "\n" } + 1
            return .failure(DiagnosticList([.error(
                .xmlDoctype, at: SourceLocation(file: file, line: line, column: 1),
                "DOCTYPE declarations are not allowed (Coursemap never loads DTDs or expands entities); remove it")]))
        }
        if let tooLarge = XMLShapeLimits.check(text, file: file) { return .failure(DiagnosticList([tooLarge])) }
        let collector = ErrorCollector(file: file)
        guard let context = xmlNewParserCtxt() else {
            return .failure(DiagnosticList([.error(.unreadableFile, at: SourceLocation(file: file), "libxml2 could not allocate a parser")]))
        }
        defer { xmlFreeParserCtxt(context) }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = context.pointee._private else { return }
            Unmanaged<ErrorCollector>.fromOpaque(box).takeUnretainedValue().add(error, code: .xmlNotWellFormed)
        }

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = text.utf8CString.withUnsafeBufferPointer { buffer in
            xmlCtxtReadMemory(context, buffer.baseAddress, Int32(buffer.count - 1), file, "UTF-8", options)
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            if collector.diagnostics.isEmpty {
                collector.diagnostics.append(.error(.xmlNotWellFormed, at: SourceLocation(file: file, line: 1, column: 1), "XML is not well-formed"))
            }
            return .failure(DiagnosticList(Array(collector.diagnostics.prefix(1))))
        }
        defer { xmlFreeDoc(document) }

        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("<!DOCTYPE") }.map { $0 + 1 } ?? 1
            return .failure(DiagnosticList([.error(
                .xmlDoctype, at: SourceLocation(file: file, line: line, column: 1),
                "DOCTYPE declarations are not allowed (Coursemap never loads DTDs or expands entities); remove it")]))
        }

        if let schema {
            let problems = schema.validate(document, file: file)
            if problems.contains(where: { $0.severity == .error }) { return .failure(DiagnosticList(problems)) }
        }

        guard let root = xmlDocGetRootElement(document) else {
            return .failure(DiagnosticList([.error(.xmlNotWellFormed, at: SourceLocation(file: file, line: 1, column: 1), "XML has no root element")]))
        }
        return .success(convert(root))
    }

    /// Copies a libxml2 element and its subtree into an `XMLElement`.
    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                attributes[name] = String(cString: value)
                free(value)
            } else {
                attributes[name] = ""
            }
            attribute = current.pointee.next
        }
        var children: [XMLNodeContent] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(convert(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElement(
            name: String(cString: node.pointee.name),
            namespace: node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) },
            attributes: attributes,
            children: children,
            line: Int(xmlGetLineNo(node)))
    }
}

/// A compiled XSD, shared read-only by every validation.
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles the schema text; `nil` if it does not compile (a bug in a shipped schema).
    public init?(_ text: String) {
        XMLParser.ensureInitialised()
        let compiled: xmlSchemaPtr? = text.utf8CString.withUnsafeBufferPointer { buffer in
            guard let parserContext = xmlSchemaNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            xmlSchemaSetParserStructuredErrors(parserContext, { _, _ in }, nil)
            return xmlSchemaParse(parserContext)
        }
        guard let compiled else { return nil }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    func validate(_ document: xmlDocPtr, file: String) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return [] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector(file: file)
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error, code: .xmlSchemaViolation)
        }, unmanaged.toOpaque())
        let result = xmlSchemaValidateDoc(context, document)
        if result != 0 && collector.diagnostics.isEmpty {
            collector.diagnostics.append(.error(.xmlSchemaViolation, at: SourceLocation(file: file, line: 1), "XML does not match its schema"))
        }
        return collector.diagnostics
    }
}

/// Receives libxml2's structured errors during one parse or validation.
private final class ErrorCollector {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func add(_ error: UnsafeMutablePointer<xmlError>, code: DiagnosticCode) {
        let raw = error.pointee.message.map { String(cString: $0) } ?? "XML error"
        let message = Self.tidy(raw)
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        let severity: Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        diagnostics.append(Diagnostic(
            severity, code,
            at: SourceLocation(file: file, line: line > 0 ? line : 1, column: column > 0 ? column : nil),
            message))
    }

    /// Drops the trailing newline and Coursemap's namespace braces from libxml2's messages.
    static func tidy(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: " use XML_PARSE_HUGE option", with: " (Coursemap reads at most 256 levels of nesting)")
        // libxml2's wording for a text, CDATA section or attribute value over its 10,000,000-byte limit (a huge
        // base64 file in Moodle XML); the position already says where it is.
        if text.hasSuffix("Huge input lookup") {
            text = "a text or attribute value here is longer than 10,000,000 bytes, the most Coursemap reads in one piece (an embedded file is kept up to 8 MB)"
        }
        for namespace in XMLNamespace.all {
            text = text.replacingOccurrences(of: "{\(namespace)}", with: "")
        }
        return text
    }
}

/// The namespaces of Coursemap's XML formats.
public enum XMLNamespace {
    public static let framework = "urn:coursemap:framework:1"
    public static let module = "urn:coursemap:module:1"
    public static let exercises = "urn:coursemap:exercises:1"
    static let all = [framework, module, exercises]
}
