/// A template that does not parse: what is wrong, and where (1-based line and column, in characters).
struct TemplateSyntaxError: Error, Sendable, Equatable {
    let message: String
    let line: Int
    let column: Int
}

/// Parses Mustache text (the spec's interpolation, sections, inverted sections, comments, partials,
/// set-delimiter tags, standalone lines and partial indentation; the inheritance extension's parents and
/// blocks; and `transform(name)` calls) into `TemplateNode`s.
///
/// Works in two passes: the scanner cuts the text into literal runs, line breaks and tags; then each line
/// holding a single standalone-capable tag and only blanks around it is reduced to that tag, as the spec
/// requires, and the tree is built from what remains.
struct TemplateParser {
    static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var scanner = TemplateScanner(source)
        let pieces = try scanner.scan()
        return try TreeBuilder().build(standalone(pieces))
    }

    /// Removes the blanks and the line break around each standalone tag; a standalone partial, parent or
    /// block keeps its leading blanks as its indentation.
    private static func standalone(_ pieces: [TemplatePiece]) -> [TemplatePiece] {
        var result: [TemplatePiece] = []
        result.reserveCapacity(pieces.count)
        var lineStart = 0
        while lineStart < pieces.count {
            var lineEnd = lineStart
            while lineEnd < pieces.count, !pieces[lineEnd].isNewline { lineEnd += 1 }
            let line = pieces[lineStart..<lineEnd]
            let tags = line.filter { $0.tag != nil }
            if tags.count == 1, let tag = tags.first?.tag, tag.kind.canStandAlone,
                line.allSatisfy({ $0.tag != nil || $0.isBlank })
            {
                var indented = tag
                indented.indent = line.prefix { $0.tag == nil }.map(\.text).joined()
                result.append(.tag(indented))
            } else {
                result.append(contentsOf: line)
                if lineEnd < pieces.count { result.append(pieces[lineEnd]) }
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}

/// What the scanner cuts a template into.
enum TemplatePiece {
    case text(String)
    case newline(String)
    case tag(TemplateTag)

    var isNewline: Bool { if case .newline = self { true } else { false } }
    var tag: TemplateTag? { if case .tag(let tag) = self { tag } else { nil } }
    var text: String {
        switch self {
        case .text(let text), .newline(let text): return text
        case .tag: return ""
        }
    }
    /// Text made only of spaces and tabs.
    var isBlank: Bool {
        if case .text(let text) = self { return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        return false
    }
}

/// One `{{…}}` tag as written.
struct TemplateTag {
    enum Kind: Equatable {
        case variable, raw, section, inverted, close, comment, partial, parent, block, delimiters

        /// Tags that, alone on a line, take the whole line with them.
        var canStandAlone: Bool {
            switch self {
            case .variable, .raw: return false
            case .section, .inverted, .close, .comment, .partial, .parent, .block, .delimiters: return true
            }
        }
    }
    let kind: Kind
    /// The tag's content after its sigil, trimmed.
    let content: String
    let line: Int
    let column: Int
    /// Leading blanks of a standalone tag's line.
    var indent = ""
}

/// Cuts template text into literal runs, line breaks and tags, following set-delimiter tags.
private struct TemplateScanner {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: String) { bytes = Array(source.utf8) }

    mutating func scan() throws(TemplateSyntaxError) -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        var textStart = position
        func flushText(upTo end: Int) {
            if end > textStart { pieces.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || (byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A) {
                flushText(upTo: position)
                let length = byte == 0x0A ? 1 : 2
                pieces.append(.newline(byte == 0x0A ? "\n" : "\r\n"))
                position += length
                line += 1
                lineStart = position
                textStart = position
            } else if matches(open, at: position) {
                flushText(upTo: position)
                pieces.append(.tag(try readTag()))
                textStart = position
            } else {
                position += 1
            }
        }
        flushText(upTo: position)
        return pieces
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in delimiter.indices where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    /// 1-based column of a byte offset on the current line, counted in characters.
    private func column(of index: Int) -> Int {
        String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
    }

    private func error(_ message: String, at index: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(message: message, line: line, column: column(of: index))
    }

    private mutating func readTag() throws(TemplateSyntaxError) -> TemplateTag {
        let tagStart = position
        let tagColumn = column(of: tagStart)
        position += open.count
        var closing = close
        var kind = TemplateTag.Kind.variable
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{") where open == Array("{{".utf8):
                kind = .raw
                closing = Array("}".utf8) + close
            case UInt8(ascii: "&"): kind = .raw
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "="): kind = .delimiters
            default: break
            }
            if kind != .variable { position += 1 }
        }
        let contentStart = position
        while position < bytes.count, !matches(closing, at: position) {
            if bytes[position] == 0x0A, kind != .comment {
                throw error("the tag opened here is not closed on its line (expected \(String(decoding: closing, as: UTF8.self)))", at: tagStart)
            }
            position += 1
        }
        guard position < bytes.count else {
            throw error("the tag opened here is never closed (expected \(String(decoding: closing, as: UTF8.self)))", at: tagStart)
        }
        var content = String(decoding: bytes[contentStart..<position], as: UTF8.self)
        // A comment may span lines; keep the line count right.
        let newlines = bytes[contentStart..<position].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if newlines > 0, let last = bytes[contentStart..<position].lastIndex(of: 0x0A) {
            line += newlines
            lineStart = last + 1
        }
        position += closing.count
        if kind == .delimiters {
            guard content.hasSuffix("=") else { throw TemplateSyntaxError(message: "a set-delimiter tag must end with '='", line: line, column: tagColumn) }
            content.removeLast()
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw TemplateSyntaxError(message: "a set-delimiter tag takes two delimiters, e.g. {{=<% %>=}}", line: line, column: tagColumn)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        }
        return TemplateTag(kind: kind, content: content.trimmingBlanks(), line: line, column: tagColumn)
    }
}

/// Builds the node tree from the standalone-processed pieces, checking that sections close in order.
private struct TreeBuilder {
    private struct Frame {
        let tag: TemplateTag?
        var nodes: [TemplateNode] = []
        var text = ""

        mutating func flush() {
            if !text.isEmpty { nodes.append(.text(Array(text.utf8))); text = "" }
        }
    }

    func build(_ pieces: [TemplatePiece]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack = [Frame(tag: nil)]
        for piece in pieces {
            switch piece {
            case .text(let text), .newline(let text):
                stack[stack.count - 1].text += text
            case .tag(let tag):
                stack[stack.count - 1].flush()
                switch tag.kind {
                case .comment, .delimiters:
                    break
                case .variable, .raw:
                    stack[stack.count - 1].nodes.append(.variable(try Self.name(tag), escaped: tag.kind == .variable))
                case .partial:
                    stack[stack.count - 1].nodes.append(.partial(try Self.templateName(tag), indent: Array(tag.indent.utf8)))
                case .section, .inverted, .parent, .block:
                    if tag.kind == .section || tag.kind == .inverted { _ = try Self.name(tag) } else { _ = try Self.templateName(tag) }
                    stack.append(Frame(tag: tag))
                case .close:
                    guard stack.count > 1, var frame = stack.popLast(), let open = frame.tag else {
                        throw TemplateSyntaxError(message: "{{/\(tag.content)}} closes a section that was never opened", line: tag.line, column: tag.column)
                    }
                    guard open.content == tag.content else {
                        throw TemplateSyntaxError(
                            message: "{{/\(tag.content)}} does not close the open section {{\(open.kind.sigil)\(open.content)}} (line \(open.line))",
                            line: tag.line, column: tag.column)
                    }
                    frame.flush()
                    stack[stack.count - 1].nodes.append(try Self.node(open, children: frame.nodes))
                }
            }
        }
        stack[stack.count - 1].flush()
        if stack.count > 1, let open = stack.last?.tag {
            throw TemplateSyntaxError(message: "{{\(open.kind.sigil)\(open.content)}} is never closed", line: open.line, column: open.column)
        }
        return stack[0].nodes
    }

    private static func node(_ open: TemplateTag, children: [TemplateNode]) throws(TemplateSyntaxError) -> TemplateNode {
        switch open.kind {
        case .section: return .section(try name(open), children)
        case .inverted: return .inverted(try name(open), children)
        case .block: return .block(try templateName(open), indent: Array(open.indent.utf8), children)
        default:
            var blocks: [String: [TemplateNode]] = [:]
            for child in children {
                switch child {
                case .block(let name, _, let content): blocks[name] = content
                case .text(let bytes) where String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace): continue
                default:
                    throw TemplateSyntaxError(
                        message: "only {{$block}} definitions may appear inside {{<\(open.content)}}", line: open.line, column: open.column)
                }
            }
            return .parent(try templateName(open), indent: Array(open.indent.utf8), blocks: blocks)
        }
    }

    /// A partial's, parent's or block's name: one word.
    private static func templateName(_ tag: TemplateTag) throws(TemplateSyntaxError) -> String {
        guard !tag.content.isEmpty, !tag.content.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw TemplateSyntaxError(message: "{{\(tag.kind.sigil)…}} needs a template or block name", line: tag.line, column: tag.column)
        }
        return tag.content
    }

    /// A value name: `.`, `a.b.c`, or transforms around one: `count(items)`.
    static func name(_ tag: TemplateTag) throws(TemplateSyntaxError) -> TemplateName {
        func fail(_ message: String) -> TemplateSyntaxError {
            TemplateSyntaxError(message: message, line: tag.line, column: tag.column)
        }
        var inner = Substring(tag.content)
        var transforms: [String] = []
        while let open = inner.firstIndex(of: "(") {
            guard inner.last == ")" else { throw fail("'\(tag.content)' has unbalanced parentheses") }
            let function = String(inner[..<open])
            guard TemplateTransform.names.contains(function) else {
                throw fail("unknown transform '\(function)' (available: \(TemplateTransform.names.sorted().joined(separator: ", ")))")
            }
            transforms.append(function)
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        guard !inner.isEmpty, !inner.contains(")"), !inner.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw fail(tag.content.isEmpty ? "empty tag: a name is missing" : "'\(tag.content)' is not a name")
        }
        if inner == "." { return TemplateName(path: [], transforms: transforms, source: tag.content) }
        let path = inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { throw fail("'\(inner)' is not a name: empty part between dots") }
        return TemplateName(path: path, transforms: transforms, source: tag.content)
    }
}

extension TemplateTag.Kind {
    /// How the tag starts, for messages.
    var sigil: String {
        switch self {
        case .variable: return ""
        case .raw: return "&"
        case .section: return "#"
        case .inverted: return "^"
        case .close: return "/"
        case .comment: return "!"
        case .partial: return ">"
        case .parent: return "<"
        case .block: return "$"
        case .delimiters: return "="
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
