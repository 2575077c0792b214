/// The parsed templates of a theme, by name, and the entry point for rendering one of them.
struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    /// The most steps one rendering may take (see `TemplateRenderer.maximumWork`); lowered by tests.
    var workLimit = TemplateRenderer.maximumWork

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

    /// The most partial, parent and block expansions one template may make before any data is involved
    /// (each section counted once): `expansionCounts` reports templates above it, which `Theme.load` refuses
    /// with CM602. A template that includes itself twice reaches it long before the depth cap of 64.
    static let maximumStaticExpansions = 10_000

    /// Templates that expand more than `maximumStaticExpansions` partials, parents and blocks when rendered
    /// once with every section taken once, as (template, a lower bound of the count), sorted by name.
    /// Counting is memoised by (template, remaining depth), so it takes time linear in the theme's size
    /// times the depth cap, however many expansions it finds.
    func unboundedTemplates() -> [(template: String, count: Int)] {
        var memo: [String: [Int?]] = [:]
        let limit = Self.maximumStaticExpansions + 1
        func count(_ nodes: [TemplateNode], depth: Int) -> Int {
            var total = 0
            for node in nodes {
                switch node {
                case .partial(let name, _):
                    total += 1 + expansions(name, depth: depth - 1)
                case .parent(let name, _, let blocks):
                    total += 1 + expansions(name, depth: depth - 1)
                    for block in blocks.keys.sorted() { total += count(blocks[block] ?? [], depth: depth - 1) }
                case .section(_, let children), .inverted(_, let children), .block(_, _, let children):
                    total += count(children, depth: depth)
                case .text, .variable:
                    break
                }
                if total >= limit { return limit }
            }
            return total
        }
        func expansions(_ name: String, depth: Int) -> Int {
            guard depth > 0, let nodes = templates[name] else { return 0 }
            if let known = memo[name]?[depth] ?? nil { return known }
            let value = count(nodes, depth: depth)
            if memo[name] == nil { memo[name] = Array(repeating: nil, count: TemplateRenderer.maximumDepth + 1) }
            memo[name]![depth] = value
            return value
        }
        return templates.keys.sorted().compactMap { name in
            let found = expansions(name, depth: TemplateRenderer.maximumDepth)
            return found > Self.maximumStaticExpansions ? (name, found) : nil
        }
    }

    /// Renders the named template with `value` as its context, as UTF-8 bytes (what the site writes);
    /// `nil` when there is no such template or its rendering went over `TemplateRenderer.maximumWork`.
    func renderBytes(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: value)
        renderer.render(nodes)
        guard !renderer.exceeded else { return nil }
        return renderer.output
    }

    /// Renders the named template into `emit` in pieces of about `pieceSize` bytes or more, the last one
    /// shorter (a page that is smaller comes in one piece). `emit` returns whether to go on; after a
    /// `false` nothing more is emitted. Returns whether the whole page was emitted: `false` when `emit`
    /// stopped it, or, emitting nothing, when there is no such template.
    func render(_ value: TemplateValue, template name: String, pieceSize: Int, into emit: ([UInt8]) -> Bool) -> Bool {
        render(value, template: name, pieceSize: pieceSize, into: emit) == .complete
    }

    /// How a rendering in pieces ended.
    enum Outcome: Equatable {
        case complete
        /// `emit` said to stop, or there is no such template.
        case stopped
        /// The page needed more than `TemplateRenderer.maximumWork` steps; what was emitted is cut short.
        case exceeded
    }

    /// Like `render(_:template:pieceSize:into:)`, telling a stop from a page over the work limit.
    func render(_ value: TemplateValue, template name: String, pieceSize: Int, into emit: ([UInt8]) -> Bool) -> Outcome {
        guard let nodes = templates[name] else { return .stopped }
        return withoutActuallyEscaping(emit) { emit in
            var renderer = TemplateRenderer(library: self, root: value, pieces: (pieceSize, emit))
            renderer.render(nodes)
            if renderer.exceeded { return .exceeded }
            guard !renderer.stopped else { return .stopped }
            _ = emit(renderer.output)
            return .complete
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
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    private var overrides: [String: [TemplateNode]] = [:]
    private var indent: [UInt8] = []
    private var atLineStart = true
    /// Guards against a template that includes itself without end.
    private var depth = 0
    static let maximumDepth = 64
    /// The most nodes one rendering may visit (every text, value, section pass and expansion counts one).
    /// A page of the built-in theme for 100,000 modules visits a few million; a theme whose partials
    /// include each other over the same list, or whose sections nest over it, would go on for years.
    static let maximumWork = 50_000_000
    /// The work allowed per value of the page's data above `maximumWork`: a page with a very large model
    /// (a bank of thousands of long items) may take steps in proportion to it; a theme that goes over it
    /// revisits the same data again and again.
    static let workPerValue = 64
    /// This rendering's limit: `library.workLimit`, or `workPerValue` steps per value of its data if more.
    private let limit: Int
    private var work = 0
    /// Whether the rendering went over its work limit (and so stopped).
    private(set) var exceeded = false
    /// When set, the output is handed on whenever it reaches `size` bytes, and started again; `emit`
    /// returns whether to go on.
    private let pieces: (size: Int, emit: ([UInt8]) -> Bool)?
    /// Whether `emit` said to stop: the rest of the page is skipped.
    private(set) var stopped = false

    init(library: TemplateLibrary, root: TemplateValue, pieces: (size: Int, emit: ([UInt8]) -> Bool)? = nil) {
        self.library = library
        self.stack = [root]
        self.pieces = pieces
        let (scaled, overflow) = root.size.multipliedReportingOverflow(by: Self.workPerValue)
        self.limit = overflow ? Int.max : max(library.workLimit, scaled)
        output.reserveCapacity(32_768)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            if stopped { return }
            work += 1
            if work > limit {
                exceeded = true
                stopped = true
                return
            }
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
