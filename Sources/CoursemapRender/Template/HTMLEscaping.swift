/// Escaping of text for HTML, in one place for the templates and for the few HTML strings the page
/// builders and charts make themselves. Only the chosen characters become entities; the rest is copied.
enum HTMLEscaping {
    /// Which characters are escaped.
    enum Characters {
        /// `& < >`: element content built by hand.
        case text
        /// `& < > "`: also double-quoted attribute values (the SVG charts).
        case attribute
        /// `& < > " '`: what `{{name}}` escapes in templates.
        case all
    }

    static func append(_ text: String, to output: inout String, escaping characters: Characters = .all) {
        let utf8 = text.utf8
        guard utf8.contains(where: { needsEscape($0, characters) }) else {
            output += text
            return
        }
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if needsEscape(byte, characters) {
                output += text[runStart..<index]
                switch byte {
                case UInt8(ascii: "&"): output += "&amp;"
                case UInt8(ascii: "<"): output += "&lt;"
                case UInt8(ascii: ">"): output += "&gt;"
                case UInt8(ascii: "\""): output += "&quot;"
                default: output += "&#39;"
                }
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += text[runStart..<utf8.endIndex]
    }

    static func escape(_ text: String, _ characters: Characters = .all) -> String {
        var output = ""
        append(text, to: &output, escaping: characters)
        return output
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, _ characters: Characters) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        case UInt8(ascii: "\""): return characters != .text
        case UInt8(ascii: "'"): return characters == .all
        default: return false
        }
    }
}
