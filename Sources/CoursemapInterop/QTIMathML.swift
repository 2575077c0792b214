/// MathML in an exported item: the presentation elements MathML 2 (the version `imsqti_v2p1.xsd` imports)
/// shares with MathML Core, in the MathML namespace, with only attributes MathML 2 allows where they stand.
/// Where the input breaks a rule MathML 2's schema checks (an `msup` without exactly two children, an
/// element inside a token, a table row outside a table) the element becomes an `mrow` of its children, so
/// the formula's text is kept and the file stays valid. Anything else inside `math` gives its content.
enum QTIMathML {
    static let namespace = "http://www.w3.org/1998/Math/MathML"

    /// Elements kept, with the number of children MathML 2 requires (`nil`: any).
    static let arity: [String: Int?] = [
        "mrow": nil, "mi": nil, "mn": nil, "mo": nil, "mtext": nil, "ms": nil, "mspace": 0, "msub": 2, "msup": 2,
        "msubsup": 3, "mfrac": 2, "msqrt": nil, "mroot": 2, "mstyle": nil, "mtable": nil, "mtr": nil, "mtd": nil,
        "munder": 2, "mover": 2, "munderover": 3, "mpadded": nil, "mphantom": nil, "merror": nil,
    ]
    static let tokens: Set<String> = ["mi", "mn", "mo", "mtext", "ms"]
    static let booleanAttributes: [String: Set<String>] = [
        "mo": ["fence", "largeop", "movablelimits", "separator", "stretchy", "symmetric"],
        "mstyle": ["displaystyle"],
    ]
    static let variants: Set<String> = [
        "normal", "bold", "italic", "bold-italic", "double-struck", "bold-fraktur", "script", "bold-script", "fraktur",
        "sans-serif", "bold-sans-serif", "sans-serif-italic", "sans-serif-bold-italic", "monospace",
    ]

    /// The `<math>` element for a parsed HTML `math` node.
    static func math(_ node: QTIHTMLNode) -> QTINode {
        var attributes: [(String, String)] = [("xmlns", namespace)]
        if let display = node.attribute("display").map(QTIText.clean), ["block", "inline"].contains(display) {
            attributes.append(("display", display))
        }
        if let alttext = node.attribute("alttext"), !QTIText.isBlank(alttext) { attributes.append(("alttext", QTIText.clean(alttext))) }
        return .element(name: "math", attributes: attributes, children: children(node.children).map { tables($0, parent: "math") }, compact: true)
    }

    /// `mtable` holds only `mtr`, `mtr` only `mtd`, and those stand nowhere else: a table that breaks this,
    /// and a row or cell outside its table, becomes an `mrow`.
    static func tables(_ node: QTINode, parent: String) -> QTINode {
        guard case .element(var name, var attributes, let children, let compact) = node else { return node }
        switch name {
        case "mtable" where !children.allSatisfy({ isElement($0, "mtr") && rowIsValid($0) }),
            "mtr" where parent != "mtable",
            "mtd" where parent != "mtr":
            name = "mrow"
            attributes = []
        default:
            break
        }
        return .element(name: name, attributes: attributes, children: children.map { tables($0, parent: name) }, compact: compact)
    }

    private static func isElement(_ node: QTINode, _ name: String) -> Bool {
        if case .element(name, _, _, _) = node { return true }
        return false
    }

    private static func rowIsValid(_ row: QTINode) -> Bool {
        guard case let .element(_, _, cells, _) = row else { return false }
        return cells.allSatisfy { isElement($0, "mtd") }
    }

    private static func children(_ nodes: [QTIHTMLNode]) -> [QTINode] {
        nodes.flatMap { node -> [QTINode] in
            guard let name = node.name.map(MathName.local) else { return [.text(node.text)] }
            guard let required = arity[name] else { return children(node.children) }
            if tokens.contains(name) {
                return [.element(name: name, attributes: attributes(name, node), children: [.text(text(node))], compact: true)]
            }
            let inner = children(node.children).filter { if case let .text(text) = $0 { return !QTIText.isBlank(text) } else { return true } }
            if let required, inner.count != required {
                return required == 0 ? [] : [.element(name: "mrow", attributes: [], children: inner, compact: true)]
            }
            return [.element(name: name, attributes: attributes(name, node), children: inner, compact: true)]
        }
    }

    private static func text(_ node: QTIHTMLNode) -> String {
        node.name == nil ? node.text : node.children.map(text).joined()
    }

    private static func attributes(_ name: String, _ node: QTIHTMLNode) -> [(String, String)] {
        var out: [(String, String)] = []
        if tokens.contains(name) || name == "mstyle", let variant = node.attribute("mathvariant").map(QTIText.clean), variants.contains(variant) {
            out.append(("mathvariant", variant))
        }
        for attribute in (booleanAttributes[name] ?? []).sorted() {
            if let value = node.attribute(attribute).map(QTIText.clean), ["true", "false"].contains(value) { out.append((attribute, value)) }
        }
        if name == "mtd" {
            for attribute in ["rowspan", "columnspan"] {
                if let value = node.attribute(attribute).flatMap({ Int(QTIText.clean($0)) }), value > 0 { out.append((attribute, String(value))) }
            }
        }
        return out
    }
}

/// Local names of possibly prefixed MathML tags (`m:mfrac` → `mfrac`).
private enum MathName {
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
