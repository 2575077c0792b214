/// The functions a tag may apply to a value: `{{#empty(items)}}`, `{{count(items)}}`. A template naming
/// any other function fails to parse (CM601), so a typo is reported instead of rendering nothing.
enum TemplateTransform {
    /// Every transform a template may use, with the values it applies to.
    static let names: Set<String> = [
        "empty", "count", "first", "last", "reversed",
        "uppercased", "lowercased", "capitalized",
        "plusone", "minusone", "equalzero", "iseven", "isodd",
    ]

    /// The transformed value; `nil` (missing) when the transform does not apply to this kind of value.
    static func apply(_ name: String, to value: TemplateValue) -> TemplateValue? {
        switch (name, value) {
        case ("empty", .list(let list)): return .bool(list.isEmpty)
        case ("empty", .string(let string)): return .bool(string.isEmpty)
        case ("count", .list(let list)): return .int(list.count)
        case ("count", .string(let string)): return .int(string.count)
        case ("first", .list(let list)): return list.first
        case ("last", .list(let list)): return list.last
        case ("reversed", .list(let list)): return .list(list.reversed())
        case ("reversed", .string(let string)): return .string(String(string.reversed()))
        case ("uppercased", .string(let string)): return .string(string.uppercased())
        case ("lowercased", .string(let string)): return .string(string.lowercased())
        case ("capitalized", .string(let string)): return .string(capitalized(string))
        case ("plusone", .int(let int)): return .int(int &+ 1)
        case ("minusone", .int(let int)): return .int(int &- 1)
        case ("equalzero", .int(let int)): return .bool(int == 0)
        case ("iseven", .int(let int)): return .bool(int % 2 == 0)
        case ("isodd", .int(let int)): return .bool(int % 2 != 0)
        default: return nil
        }
    }

    /// The first letter of each space-separated word in upper case, the rest in lower case.
    private static func capitalized(_ string: String) -> String {
        string.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: " ")
    }
}
