/// What of MathML the sanitizer keeps: the MathML Core elements (presentation markup that Chromium, Firefox
/// and Safari draw) with attributes that only change layout. No element of it loads anything or runs
/// anything: `href`, event handlers, `style`, `mglyph` (which takes a `src`), `maction` (which toggles) and
/// annotations (which may hold any markup) never survive. Elements are recognised by their local name, so
/// `<m:math>` (QTI's prefixed MathML) and `<math xmlns="…">` are the same; the output is unprefixed
/// `<math>`, which an HTML parser places in the MathML namespace.
public enum MathMLPolicy {
    /// MathML Core elements kept, with the attributes each takes besides `globalAttributes`.
    static let elements: [String: Set<String>] = [
        "math": ["display", "alttext"], "mrow": [], "mi": [], "mn": [], "mtext": [], "ms": [], "mspace": ["width", "height", "depth"],
        "mo": ["fence", "form", "largeop", "lspace", "rspace", "maxsize", "minsize", "movablelimits", "separator", "stretchy", "symmetric"],
        "msub": [], "msup": [], "msubsup": [], "mfrac": ["linethickness"], "msqrt": [], "mroot": [], "mstyle": [],
        "mtable": [], "mtr": [], "mtd": ["columnspan", "rowspan"], "munder": ["accentunder"], "mover": ["accent"],
        "munderover": ["accent", "accentunder"], "mpadded": ["width", "height", "depth", "lspace", "voffset"], "mphantom": [],
        "mmultiscripts": [], "mprescripts": [], "none": [], "merror": [],
    ]

    /// Layout attributes every MathML element takes.
    static let globalAttributes: Set<String> = ["dir", "displaystyle", "scriptlevel", "mathvariant"]

    /// `semantics` shows its first child only; these hold alternative encodings (TeX, content MathML,
    /// arbitrary XML) that are not shown, so they are left out without a warning.
    static let annotations: Set<String> = ["annotation", "annotation-xml"]

    /// Elements that are dropped with their content and reported: they load a resource or toggle content.
    static let refused: Set<String> = ["mglyph", "maction"]

    /// The local name of a possibly prefixed tag name (`m:mfrac` → `mfrac`), lower-cased.
    static func localName(_ name: String) -> String {
        let lower = name.lowercased()
        guard let colon = lower.lastIndex(of: ":") else { return lower }
        return String(lower[lower.index(after: colon)...])
    }

    /// Whether `value` is acceptable for a MathML attribute: short, and nothing a style or URL could hide in.
    static func acceptable(_ value: String) -> Bool {
        let lower = value.lowercased()
        return value.count <= 200 && !lower.contains("url(") && !lower.contains("expression(") && !lower.contains("javascript:")
    }

    /// The attributes of `element` allowed (empty for an element not kept).
    static func attributes(of element: String) -> Set<String> {
        (elements[element] ?? []).union(globalAttributes)
    }
}
