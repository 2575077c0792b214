/// Writes a value as JSON in the layout Foundation's `JSONEncoder` uses with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`, byte for byte: two-space indents, `"key" : value`, keys in
/// code-point order, integral doubles without `.0`, an empty array or object as a bracket, a blank line and
/// the closing bracket. A `nil` optional is left out, as `JSONEncoder` does for the conformances the
/// compiler synthesises. `coverage.json` is written with it.
///
/// The value's `Encodable` conformance writes straight into byte buffers (`JSONWriting`); no tree of the
/// whole value is built. At 100,000 modules the file is about 70 MB: Foundation's encoder took about seven
/// times that in memory, and an intermediate value tree about nine times.
enum PrettyJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        var out: [UInt8] = []
        try JSONWriting.write(value, indent: 0, to: &out)
        return out
    }

    /// The shortest form that reads back as the same double, as Swift prints it, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// An empty array or object: a blank line (no indent on it), then the closing bracket.
    static func closeEmpty(_ bracket: Unicode.Scalar, indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        newline(indent, to: &out)
        out.append(UInt8(ascii: bracket))
    }

    static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Quotes and backslashes escaped, control characters as `\n`-style or `\u00XX` escapes; everything
    /// else, `/` and non-ASCII included, as it is.
    static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
