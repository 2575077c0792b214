/// The parsed templates of a theme, by name, and the entry point for rendering one of them.
struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]

    /// Parses and registers a template; a syntax error leaves the library without it.
    mutating func register(_ source: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(source)
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Every `{{> name}}` and `{{< name}}` that names no registered template, as (template, missing name).
    func missingReferences() -> [(template: String, missing: String)] {
        var missing: [(String, String)] = []
        func visit(_ nodes: [TemplateNode], in template: String) {
            for node in nodes {
                switch node {
                case .partial(let name, _):
                    if templates[name] == nil { missing.append((template, name)) }
                case .parent(let name, _, let blocks):
                    if templates[name] == nil { missing.append((template, name)) }
                    for name in blocks.keys.sorted() { visit(blocks[name] ?? [], in: template) }
                case .section(_, let children), .inverted(_, let children), .block(_, _, let children):
                    visit(children, in: template)
                case .text, .variable:
                    break
                }
            }
        }
        for name in templates.keys.sorted() { visit(templates[name] ?? [], in: name) }
        return missing
    }

    /// Renders the named template with `value` as its context, as UTF-8 bytes (what the site writes);
    /// `nil` when there is no such template.
    func renderBytes(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: value)
        renderer.render(nodes)
        return renderer.output
    }

    /// Renders the named template into `emit` in pieces of about `pieceSize` bytes or more, the last one
    /// shorter (a page that is smaller comes in one piece). `emit` returns whether to go on; after a
    /// `false` nothing more is emitted. Returns whether the whole page was emitted: `false` when `emit`
    /// stopped it, or, emitting nothing, when there is no such template.
    func render(_ value: TemplateValue, template name: String, pieceSize: Int, into emit: ([UInt8]) -> Bool) -> Bool {
        guard let nodes = templates[name] else { return false }
        return withoutActuallyEscaping(emit) { emit in
            var renderer = TemplateRenderer(library: self, root: value, pieces: (pieceSize, emit))
            renderer.render(nodes)
            guard !renderer.stopped else { return false }
            _ = emit(renderer.output)
            return true
        }
    }

    /// Renders the named template as a string (for fragments spliced into other HTML, and tests).
    func render(_ value: TemplateValue, template name: String) -> String? {
        renderBytes(value, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    fileprivate func nodes(_ name: String) -> [TemplateNode]? { templates[name] }
}

/// One rendering: the output so far (UTF-8), the context stack, the active block overrides and the
/// indentation of the standalone partials being expanded.
private struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    private var overrides: [String: [TemplateNode]] = [:]
    private var indent: [UInt8] = []
    private var atLineStart = true
    /// Guards against a template that includes itself without end.
    private var depth = 0
    private static let maximumDepth = 64
    /// When set, the output is handed on whenever it reaches `size` bytes, and started again; `emit`
    /// returns whether to go on.
    private let pieces: (size: Int, emit: ([UInt8]) -> Bool)?
    /// Whether `emit` said to stop: the rest of the page is skipped.
    private(set) var stopped = false

    init(library: TemplateLibrary, root: TemplateValue, pieces: (size: Int, emit: ([UInt8]) -> Bool)? = nil) {
        self.library = library
        self.stack = [root]
        self.pieces = pieces
        output.reserveCapacity(32_768)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            if stopped { return }
            if let pieces, output.count >= pieces.size {
                guard pieces.emit(output) else {
                    stopped = true
                    return
                }
                output.removeAll(keepingCapacity: true)
            }
            switch node {
            case .text(let text):
                emitLiteral(text)
            case .variable(let name, let escaped):
                guard let value = resolve(name) else { continue }
                emitValue(value, escaped: escaped)
            case .section(let name, let children):
                guard let value = resolve(name) else { continue }
                switch value {
                case .list(let elements):
                    for element in elements {
                        stack.append(element)
                        render(children)
                        stack.removeLast()
                    }
                case .bool(let flag):
                    if flag { render(children) }
                default:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .inverted(let name, let children):
                switch resolve(name) {
                case nil, .bool(false): render(children)
                case .list(let elements) where elements.isEmpty: render(children)
                default: break
                }
            case .partial(let name, let partialIndent):
                guard let nodes = library.nodes(name) else { continue }
                expand(nodes, indent: partialIndent, overrides: nil)
            case .parent(let name, let parentIndent, let blocks):
                guard let nodes = library.nodes(name) else { continue }
                // The most derived template's block wins: an override already active is kept.
                expand(nodes, indent: parentIndent, overrides: overrides.merging(blocks) { active, _ in active })
            case .block(let name, let blockIndent, let fallback):
                if let replacement = overrides[name] {
                    expand(replacement, indent: blockIndent, overrides: nil)
                } else {
                    render(fallback)
                }
            }
        }
    }

    /// Renders another template's nodes with extra indentation and, for a parent, its block overrides.
    private mutating func expand(_ nodes: [TemplateNode], indent extra: [UInt8], overrides replacing: [String: [TemplateNode]]?) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        let savedIndent = indent, savedOverrides = overrides
        if !extra.isEmpty {
            indent += extra
            atLineStart = true
        }
        if let replacing { overrides = replacing }
        render(nodes)
        indent = savedIndent
        overrides = savedOverrides
        depth -= 1
    }

    /// Looks a name up: the first path segment from the innermost context outwards, the rest strictly
    /// inside what was found; then the transforms, innermost first.
    private func resolve(_ name: TemplateName) -> TemplateValue? {
        var value: TemplateValue?
        if name.path.isEmpty {
            value = stack.last
        } else {
            let first = name.path[0]
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].field(first) {
                    value = found
                    break
                }
                index -= 1
            }
            var segment = 1
            while segment < name.path.count, let current = value {
                value = current.field(name.path[segment])
                segment += 1
            }
        }
        var transform = name.transforms.count - 1
        while transform >= 0, let current = value {
            value = TemplateTransform.apply(name.transforms[transform], to: current)
            transform -= 1
        }
        return value
    }

    /// Template text: indented line by line inside a standalone partial.
    private mutating func emitLiteral(_ text: [UInt8]) {
        guard !indent.isEmpty else {
            output.append(contentsOf: text)
            return
        }
        var lineStart = 0
        while lineStart < text.count {
            let newline = text[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline.map { $0 + 1 } ?? text.count
            if atLineStart { output.append(contentsOf: indent) }
            output.append(contentsOf: text[lineStart..<lineEnd])
            atLineStart = newline != nil
            lineStart = lineEnd
        }
    }

    /// An interpolated value: indented when it starts a line of a standalone partial, never inside.
    private mutating func emitValue(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return }
            startValue()
            if escaped { HTMLEscaping.append(text, to: &output) } else { HTMLEscaping.appendRaw(text, to: &output) }
        case .list, .object:
            return
        default:
            let text = value.text
            startValue()
            HTMLEscaping.appendRaw(text, to: &output)
        }
    }

    @inline(__always)
    private mutating func startValue() {
        if !indent.isEmpty, atLineStart {
            output.append(contentsOf: indent)
            atLineStart = false
        }
    }
}
