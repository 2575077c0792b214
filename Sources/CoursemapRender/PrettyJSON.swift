/// Writes a value as JSON in the layout Foundation's `JSONEncoder` uses with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`, byte for byte: two-space indents, `"key" : value`, keys in
/// code-point order, integral doubles without `.0`, an empty array or object as a bracket, a blank line and
/// the closing bracket. `coverage.json` is written with it: at 100,000 modules the file is about 70 MB, and
/// Foundation's encoder took about seven times that in memory, and a quarter of a `serve` catch-up.
/// The value comes from `TemplateValueEncoder`, which leaves out `nil` optionals, as `JSONEncoder` does
/// for the conformances the compiler synthesises (the only ones this is used with).
enum PrettyJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        var out: [UInt8] = []
        write(try TemplateValueEncoder.encode(value), indent: 0, to: &out)
        return out
    }

    static func write(_ value: TemplateValue, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .string(let string): writeString(string, to: &out)
        case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): out.append(contentsOf: String(int).utf8)
        case .double(let double): out.append(contentsOf: number(double).utf8)
        case .list(let values):
            out.append(UInt8(ascii: "["))
            guard !values.isEmpty else { return closeEmpty("]", indent: indent, to: &out) }
            newline(indent + 1, to: &out)
            for (position, element) in values.enumerated() {
                if position > 0 {
                    out.append(UInt8(ascii: ","))
                    newline(indent + 1, to: &out)
                }
                write(element, indent: indent + 1, to: &out)
            }
            newline(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            guard !object.keys.isEmpty else { return closeEmpty("}", indent: indent, to: &out) }
            newline(indent + 1, to: &out)
            let order = object.keys.indices.sorted { object.keys[$0].unicodeScalars.lexicographicallyPrecedes(object.keys[$1].unicodeScalars) }
            for (position, field) in order.enumerated() {
                if position > 0 {
                    out.append(UInt8(ascii: ","))
                    newline(indent + 1, to: &out)
                }
                writeString(object.keys[field], to: &out)
                out.append(contentsOf: " : ".utf8)
                write(object.values[field], indent: indent + 1, to: &out)
            }
            newline(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The shortest form that reads back as the same double, as Swift prints it, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// An empty array or object: a blank line (no indent on it), then the closing bracket.
    private static func closeEmpty(_ bracket: Unicode.Scalar, indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        newline(indent, to: &out)
        out.append(UInt8(ascii: bracket))
    }

    private static func newline(_ indent: Int, to out: inout [UInt8]) {
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
