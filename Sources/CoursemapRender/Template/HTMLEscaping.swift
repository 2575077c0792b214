/// Escaping of text for HTML, in one place for the templates and for the few HTML strings the page
/// builders and charts make themselves. Only the chosen characters become entities; the rest is copied.
/// Works on the UTF-8 bytes: the special characters are ASCII, so no multi-byte sequence is ever split.
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

    /// Appends `text` to UTF-8 `output`, escaped.
    static func append(_ text: String, to output: inout [UInt8], escaping characters: Characters = .all) {
        withBytes(text) { bytes in appendEscaped(bytes, to: &output, characters) }
    }

    /// Appends `text` to UTF-8 `output` as it is.
    @inline(__always)
    static func appendRaw(_ text: String, to output: inout [UInt8]) {
        withBytes(text) { bytes in output.append(contentsOf: bytes) }
    }

    /// `text` escaped, as a string (for the few HTML fragments page builders and charts make themselves).
    static func escape(_ text: String, _ characters: Characters = .all) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes, escaping: characters)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs `body` on the string's UTF-8 bytes, without copying them when the string stores them
    /// contiguously (native Swift strings do).
    @inline(__always)
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }

    private static func appendEscaped(_ input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], _ characters: Characters) {
        var runStart = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte <= UInt8(ascii: ">"), let entity = entity(byte, characters) {
                if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
                output.append(contentsOf: entity)
                runStart = index + 1
            }
            index += 1
        }
        if count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<count])) }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// The entity for `byte`, when `characters` escapes it.
    @inline(__always)
    private static func entity(_ byte: UInt8, _ characters: Characters) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): return amp
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "\""): return characters != .text ? quot : nil
        case UInt8(ascii: "'"): return characters == .all ? apos : nil
        default: return nil
        }
    }
}
