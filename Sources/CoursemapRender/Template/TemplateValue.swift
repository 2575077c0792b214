/// A value a template reads: the typed page contexts are turned into these once per page
/// (`TemplateValueEncoder`), so rendering looks names up in plain tables, never by reflection.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object(TemplateObject)

    /// What `{{name}}` prints before escaping. Lists and objects print nothing.
    var text: String {
        switch self {
        case .string(let string): return string
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .double(let double): return String(describing: double)
        case .list, .object: return ""
        }
    }

    /// How many values this one holds, itself included (a shared object counts at each place it is used).
    var size: Int {
        switch self {
        case .string, .bool, .int, .double: return 1
        case .list(let elements): return elements.reduce(1) { $0 + $1.size }
        case .object(let object): return object.values.reduce(1) { $0 + $1.size }
        }
    }

    /// The value of a field, when this is an object that has it.
    @inline(__always)
    func field(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }
}

/// The fields of one object, in declaration order. Small objects are searched linearly; large ones
/// (such as the interface-string table) get a hash index.
public final class TemplateObject: Sendable, Equatable {
    let keys: [String]
    let values: [TemplateValue]
    private let index: [String: Int]?

    init(keys: [String], values: [TemplateValue]) {
        self.keys = keys
        self.values = values
        if keys.count > 24 {
            var index: [String: Int] = [:]
            index.reserveCapacity(keys.count)
            for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
            self.index = index
        } else {
            self.index = nil
        }
    }

    subscript(name: String) -> TemplateValue? {
        if let index { return index[name].map { values[$0] } }
        for position in keys.indices where keys[position] == name { return values[position] }
        return nil
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs === rhs || (lhs.keys == rhs.keys && lhs.values == rhs.values)
    }
}
