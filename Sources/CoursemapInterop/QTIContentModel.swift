/// Makes an exported item's XHTML follow the content models of `imsqti_v2p1.xsd`, whatever HTML an item's
/// rich text holds (Coursemap's own HTML follows HTML's looser rules: a `<p>` in a choice's feedback, a
/// `<table>` with rows and no `<tbody>`, text beside blocks).
///
/// Each element's children are fitted to what its type allows, without dropping text:
/// - **inline** parents (`p`, `h1`–`h6`, `pre`, `span`, `em`, `a`, `caption`, `dt`, `feedbackInline` …):
///   a block child is replaced by its content, with `<br/>` between the lines blocks made;
/// - **block** parents (`itemBody`, `blockquote`): runs of text and inline elements are wrapped in `<p>`;
/// - **flow** parents (`div`, `li`, `td`, `simpleChoice`, `modalFeedback`, `rubricBlock` …) take both;
/// - lists hold `li` only (anything else is wrapped in one), `dl` only `dt`/`dd`, a table
///   `caption? col* colgroup* thead? tfoot? tbody+` (loose rows get a `tbody`; a table without rows keeps
///   its text in a `div`), a row `td`/`th` only;
/// - an `li` outside a list gets a `ul`, table parts outside a table give up their content.
///
/// Elements the exporter builds itself (declarations, interactions, processing) keep their children; only
/// the XHTML inside them is fitted.
enum QTIContentModel {
    /// What an element may hold.
    enum Content {
        case block, flow, inline, list, definitions, table, rows, cells, empty, opaque
    }

    /// Where an element may stand.
    enum Category {
        case text, inline, block, listItem, definition, tablePart, row, cell, caption, column, other
    }

    static let inlineParents: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "span", "em", "strong", "b", "i", "big", "small",
        "code", "kbd", "samp", "var", "tt", "cite", "dfn", "abbr", "acronym", "sub", "sup", "q", "a", "caption", "dt",
        "feedbackInline", "prompt", "hottext",
    ]
    static let flowParents: Set<String> = [
        "div", "li", "td", "th", "dd", "simpleChoice", "simpleAssociableChoice", "modalFeedback", "rubricBlock",
        "feedbackBlock",
    ]
    static let blockParents: Set<String> = ["itemBody", "blockquote"]
    static let emptyElements: Set<String> = ["br", "hr", "img", "col", "textEntryInteraction", "gap"]

    static let inlineElements: Set<String> = [
        "span", "em", "strong", "b", "i", "big", "small", "code", "kbd", "samp", "var", "tt", "cite", "dfn", "abbr",
        "acronym", "sub", "sup", "q", "a", "br", "img", "feedbackInline", "textEntryInteraction",
        "inlineChoiceInteraction", "math", "hottext", "gap",
    ]
    static let blockElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "div", "blockquote", "ul", "ol", "dl", "table", "hr",
        "rubricBlock", "feedbackBlock", "choiceInteraction", "orderInteraction", "matchInteraction",
        "extendedTextInteraction", "gapMatchInteraction", "hottextInteraction", "associateInteraction",
        "sliderInteraction", "hotspotInteraction", "selectPointInteraction", "graphicOrderInteraction",
        "graphicGapMatchInteraction", "graphicAssociateInteraction", "uploadInteraction", "drawingInteraction",
    ]
    /// Elements whose content makes a line of its own when flattened into an inline parent.
    static let lineElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "div", "blockquote", "ul", "ol", "dl", "li", "dt",
        "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "hr", "rubricBlock", "feedbackBlock",
    ]

    static func content(of name: String) -> Content {
        if inlineParents.contains(name) { return .inline }
        if flowParents.contains(name) { return .flow }
        if blockParents.contains(name) { return .block }
        if emptyElements.contains(name) { return .empty }
        switch name {
        case "ul", "ol": return .list
        case "dl": return .definitions
        case "table": return .table
        case "thead", "tbody", "tfoot": return .rows
        case "tr": return .cells
        default: return .opaque
        }
    }

    static func category(of node: QTINode) -> Category {
        guard case let .element(name, _, _, _) = node else { return .text }
        if inlineElements.contains(name) { return .inline }
        if blockElements.contains(name) { return .block }
        switch name {
        case "li": return .listItem
        case "dt", "dd": return .definition
        case "thead", "tbody", "tfoot": return .tablePart
        case "tr": return .row
        case "td", "th": return .cell
        case "caption": return .caption
        case "col", "colgroup": return .column
        default: return .other
        }
    }

    /// The node with every descendant's children fitted to its content model.
    static func fit(_ node: QTINode) -> QTINode {
        guard case let .element(name, attributes, children, compact) = node else { return node }
        return .element(name: name, attributes: attributes, children: fit(children, into: content(of: name)), compact: compact)
    }

    /// A node fitted inside and out: usually itself, but a table whose stray content goes before it (or
    /// that has no row at all) becomes several nodes.
    static func expand(_ node: QTINode) -> [QTINode] {
        guard case let .element("table", attributes, children, compact) = node else { return [fit(node)] }
        let (before, parts) = table(children.flatMap(expand))
        guard let parts else { return before }
        return before + [.element(name: "table", attributes: attributes, children: parts, compact: compact)]
    }

    /// Children fitted to a parent of the given content.
    static func fit(_ children: [QTINode], into content: Content) -> [QTINode] {
        let fitted = children.flatMap(expand)
        switch content {
        case .opaque: return fitted
        case .empty: return []
        case .inline: return inline(fitted)
        case .flow: return flow(fitted)
        case .block: return block(fitted)
        case .list: return wrapStrays(fitted, keep: [.listItem], in: "li")
        case .definitions: return wrapStrays(fitted, keep: [.definition], in: "dd")
        case .rows: return rows(fitted)
        case .cells: return cells(fitted)
        case .table: return fitted  // `expand` arranges a table's parts
        }
    }

    // MARK: Inline

    /// Inline content: text and inline elements as they are; blocks give their content, each block's on a
    /// line of its own (`<br/>` between), table cells separated by a space.
    static func inline(_ nodes: [QTINode]) -> [QTINode] {
        var out: [QTINode] = []
        var lineHasContent = false
        var breakPending = false
        func append(_ node: QTINode) {
            if breakPending {
                out.append(.element("br"))
                breakPending = false
            }
            out.append(node)
            if case .element("br", _, _, _) = node { lineHasContent = false } else { lineHasContent = true }
        }
        func walk(_ nodes: [QTINode]) {
            for node in nodes {
                switch category(of: node) {
                case .text:
                    if isBlankText(node), !lineHasContent || breakPending { continue }
                    append(node)
                case .inline:
                    append(node)
                default:
                    guard case let .element(name, _, children, _) = node else { continue }
                    let isLine = lineElements.contains(name)
                    if isLine, lineHasContent { breakPending = true }
                    if name == "td" || name == "th", lineHasContent, !breakPending { append(.text(" ")) }
                    walk(children)
                    if isLine, lineHasContent { breakPending = true }
                }
            }
        }
        walk(nodes)
        return out
    }

    // MARK: Flow and block

    /// Flow content: anything inline or block; an `li` outside a list gets a `ul`, `dt`/`dd` a `dl`, and
    /// table parts outside a table give up their content.
    static func flow(_ nodes: [QTINode]) -> [QTINode] {
        var out: [QTINode] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            switch category(of: node) {
            case .listItem, .definition:
                let kind = category(of: node)
                var run: [QTINode] = []
                while index < nodes.count, category(of: nodes[index]) == kind || isBlankText(nodes[index]) {
                    if !isBlankText(nodes[index]) { run.append(nodes[index]) }
                    index += 1
                }
                out.append(.element(name: kind == .listItem ? "ul" : "dl", attributes: [], children: run, compact: true))
                continue
            case .tablePart, .row, .cell, .caption:
                if case let .element(_, _, children, _) = node { out += flow(children) }
            case .column:
                break
            default:
                out.append(node)
            }
            index += 1
        }
        return out
    }

    /// Block content: flow content whose runs of text and inline elements are wrapped in `<p>`.
    static func block(_ nodes: [QTINode]) -> [QTINode] {
        var out: [QTINode] = []
        var run: [QTINode] = []
        func close() {
            if run.contains(where: { !isBlankText($0) }) {
                out.append(.compact("p", [], run))
            }
            run = []
        }
        for node in flow(nodes) {
            switch category(of: node) {
            case .text, .inline, .other:
                if case .element = node, category(of: node) == .other {
                    close()
                    out.append(node)
                } else {
                    run.append(node)
                }
            default:
                close()
                out.append(node)
            }
        }
        close()
        return out
    }

    /// `keep` children as they are; runs of anything else (blank text dropped) wrapped in one `wrapper`.
    static func wrapStrays(_ nodes: [QTINode], keep: Set<Category>, in wrapper: String) -> [QTINode] {
        var out: [QTINode] = []
        var run: [QTINode] = []
        func close() {
            if run.contains(where: { !isBlankText($0) }) { out.append(.compact(wrapper, [], run)) }
            run = []
        }
        for node in nodes {
            if keep.contains(category(of: node)) {
                close()
                out.append(node)
            } else {
                run.append(node)
            }
        }
        close()
        return out
    }

    // MARK: Tables

    static func cells(_ nodes: [QTINode]) -> [QTINode] {
        wrapStrays(nodes, keep: [.cell], in: "td")
    }

    static func rows(_ nodes: [QTINode]) -> [QTINode] {
        var out: [QTINode] = []
        var run: [QTINode] = []
        func close() {
            if run.contains(where: { !isBlankText($0) }) { out.append(.compact("tr", [], cells(run))) }
            run = []
        }
        for node in nodes {
            if category(of: node) == .row {
                close()
                if hasChildren(node) { out.append(node) }
            } else {
                run.append(node)
            }
        }
        close()
        return out
    }

    /// A table's children as `caption? col* colgroup* thead? tfoot? tbody+`, and what does not belong in a
    /// table (text, other blocks) for a `div` before it, where browsers show it. `parts` is `nil` when the
    /// table has no row at all: its caption then goes in the `div` too.
    static func table(_ nodes: [QTINode]) -> (before: [QTINode], parts: [QTINode]?) {
        var caption: QTINode?
        var columns: [QTINode] = []
        var groups: [QTINode] = []
        var head: QTINode?
        var foot: QTINode?
        var bodies: [QTINode] = []
        var looseRows: [QTINode] = []
        var outside: [QTINode] = []
        func closeRows() {
            if !looseRows.isEmpty { bodies.append(.compact("tbody", [], looseRows)) }
            looseRows = []
        }
        for node in nodes {
            guard case let .element(name, _, children, _) = node else {
                if !isBlankText(node) { outside.append(node) }
                continue
            }
            switch name {
            case "caption":
                if caption == nil { caption = node } else { outside += children }
            case "col": columns.append(node)
            case "colgroup": groups.append(node)
            case "thead":
                if head == nil, hasChildren(node) { head = node } else { closeRows(); looseRows += children }
            case "tfoot":
                if foot == nil, hasChildren(node) { foot = node } else { closeRows(); looseRows += children }
            case "tbody":
                closeRows()
                if hasChildren(node) { bodies.append(node) }
            case "tr":
                if hasChildren(node) { looseRows.append(node) }
            case "td", "th":
                looseRows.append(.compact("tr", [], [node]))
            default:
                outside.append(node)
            }
        }
        closeRows()
        if bodies.isEmpty, let rows = head ?? foot, case let .element(_, attributes, children, compact) = rows {
            // A table of header (or footer) rows only: they become its body; cells keep their `th`.
            bodies = [.element(name: "tbody", attributes: attributes, children: children, compact: compact)]
            if head != nil { head = nil } else { foot = nil }
        }
        var before: [QTINode] = []
        if !outside.isEmpty { before.append(.compact("div", [], outside)) }
        guard !bodies.isEmpty else {
            if case let .element(_, _, children, _)? = caption, !children.isEmpty { before.append(.compact("div", [], children)) }
            return (before, nil)
        }
        var parts: [QTINode] = []
        if let caption { parts.append(caption) }
        parts += columns + groups
        if let head { parts.append(head) }
        if let foot { parts.append(foot) }
        return (before, parts + bodies)
    }

    static func isBlankText(_ node: QTINode) -> Bool {
        if case let .text(text) = node { return QTIText.isBlank(text) }
        return false
    }

    static func hasChildren(_ node: QTINode) -> Bool {
        if case let .element(_, _, children, _) = node { return !children.isEmpty }
        return false
    }
}
