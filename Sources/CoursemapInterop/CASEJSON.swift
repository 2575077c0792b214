import Foundation

/// A JSON value: what the CASE importer reads and the exporter writes.
///
/// The exporter serialises it itself (`render`) rather than through `JSONEncoder`, so the text is the same
/// byte for byte on every platform and Foundation version: two-space indentation, keys sorted by their
/// UTF-8 bytes, `"key": value`, non-ASCII text written as UTF-8, `/` not escaped, a final newline.
enum CASEJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([CASEJSON])
    case object([String: CASEJSON])

    // MARK: Reading

    subscript(key: String) -> CASEJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, with its line endings normalised: a CRLF or a lone CR (as tools on Windows write them
    /// into multi-line statements) becomes LF, so a framework exported there imports as it reads.
    var stringValue: String? {
        if case .string(let s) = self { return CASEJSON.normalizingLineEndings(s) }
        return nil
    }

    static func normalizingLineEndings(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        return String(scalars)
    }

    var arrayValue: [CASEJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var objectValue: [String: CASEJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// An integer, from a JSON number or a string of digits (some producers quote sequence numbers).
    var intValue: Int? {
        switch self {
        case .number(let d):
            guard d.isFinite, d.rounded() == d, abs(d) < 1e15 else { return nil }
            return Int(d)
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// What a diagnostic calls this kind of value.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Parses JSON text with Foundation's `JSONSerialization` (much faster on large packages than decoding
    /// through `Decodable`). Throws with a readable message when the text is not JSON. Callers bound the
    /// nesting depth first (`CASEPackageReader.maxDepth`), so the conversion's recursion is shallow.
    static func parse(_ bytes: [UInt8]) throws -> CASEJSON {
        let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        return CASEJSON(foundation: object)
    }

    private init(foundation value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let dictionary as [String: Any]:
            var members: [String: CASEJSON] = [:]
            members.reserveCapacity(dictionary.count)
            for (key, member) in dictionary { members[key] = CASEJSON(foundation: member) }
            self = .object(members)
        case let array as [Any]: self = .array(array.map(CASEJSON.init(foundation:)))
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumber too, with the type encoding `c` (char); numbers it
            // parses are integers (`i`, `q`) or doubles (`d`).
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case is NSNull: self = .null
        default: self = .null
        }
    }

    // MARK: Writing

    /// The value as pretty-printed JSON, ending with a newline.
    func render() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d):
            if d.isFinite, d.rounded() == d, abs(d) < 1e15 {
                out += String(Int64(d))
            } else if d.isFinite {
                out += String(d)
            } else {
                out += "null"
            }
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.writeString(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: indent + 1)
                out += i == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            // U+2028 and U+2029 are valid JSON but break JavaScript string literals: escape them too.
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
