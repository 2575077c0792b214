/// Puts rendered fragments where the load stage left placeholders in a body's HTML (`<!--coursemap-KIND
/// ARGUMENT-->`: embeds and transcript time codes). One pass from left to right over the original HTML:
/// each placeholder is replaced at most once, and a fragment put in is never searched again, so what a
/// fragment contains can never be taken for a placeholder. Content cannot write a placeholder itself: the
/// Markdown parser drops raw HTML (unless `markdown.unsafe_html` is on), and text is escaped (`&lt;!--`).
/// The fragments come from the template engine, which escapes every value.
enum PlaceholderFill {
    private static let open = Array("<!--coursemap-".utf8)
    private static let close = Array("-->".utf8)

    /// `html` with each placeholder for which `fragment(kind, argument)` gives HTML replaced by it; the
    /// others are left as they are.
    static func fill(_ html: String, _ fragment: (_ kind: String, _ argument: String) -> String?) -> String {
        let bytes = Array(html.utf8)
        guard bytes.count >= open.count else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while index + open.count <= bytes.count {
            guard bytes[index] == open[0], bytes[index..<(index + open.count)].elementsEqual(open),
                let end = firstIndex(of: close, in: bytes, from: index + open.count)
            else {
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + open.count)..<end], as: UTF8.self)
            let space = inner.firstIndex(of: " ") ?? inner.endIndex
            let kind = String(inner[..<space])
            let argument = space < inner.endIndex ? String(inner[inner.index(after: space)...]) : ""
            guard let replacement = fragment(kind, argument) else {
                index = end + close.count
                continue
            }
            output += bytes[copied..<index]
            output += Array(replacement.utf8)
            index = end + close.count
            copied = index
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            // A placeholder holds no '<': stop at the next tag, so a stray opening never swallows the page.
            if bytes[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }
}
