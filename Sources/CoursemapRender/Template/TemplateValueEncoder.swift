/// Turns any `Encodable` page context into a `TemplateValue` tree. Uses the conformances the compiler
/// synthesises, so adding a field to a page model needs no other change. A `nil` optional is left out
/// (the field is absent), so a template looks the name up further out, as Mustache specifies.
enum TemplateValueEncoder {
    static func encode<Value: Encodable>(_ value: Value) throws -> TemplateValue {
        if let value = value as? TemplateValue { return value }
        let encoder = TemplateEncoding(hints: FieldCounts())
        try value.encode(to: encoder)
        return encoder.finish()
    }
}

/// The most fields an object of each keyed type has had so far in this value (fewer when optionals are
/// absent), so that the next object of that type gets arrays of the right size. A page has many objects of few types (a coverage
/// report at 100,000 modules has 300,000 module chips); room for a fixed 16 fields each took hundreds of
/// megabytes there.
final class FieldCounts {
    @exclusivity(unchecked) private var counts: [ObjectIdentifier: Int] = [:]

    /// The room to make for an object of `type`; 8 for a type not seen yet.
    @inline(__always)
    func count(for type: ObjectIdentifier) -> Int { counts[type] ?? 8 }

    /// Notes the fields an object of `type` had, when that differs from the room made for it.
    @inline(__always)
    func record(_ count: Int, for type: ObjectIdentifier, roomMade: Int) {
        guard count != roomMade else { return }
        if count > counts[type] ?? -1 { counts[type] = count }
    }
}

/// The `Encoder` behind `TemplateValueEncoder`: one per encoded value.
final class TemplateEncoding: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Shared by every encoder of one value.
    let hints: FieldCounts

    init(hints: FieldCounts) { self.hints = hints }

    fileprivate enum Slot {
        case empty
        case single(TemplateValue)
        case keyed(KeyedStore)
        case unkeyed(UnkeyedStore)
    }
    // The encoder runs on one thread; its stores skip the runtime's exclusivity bookkeeping, which cost a
    // tenth of encoding (the same holds for the stores below).
    @exclusivity(unchecked) fileprivate var slot: Slot = .empty

    /// Stores a ready-made value, for a type that keeps its template form precomputed (`UIText`).
    func provide(_ value: TemplateValue) { slot = .single(value) }

    func finish() -> TemplateValue {
        switch slot {
        case .empty: return .object(TemplateObject(keys: [], values: []))
        case .single(let value): return value
        case .keyed(let store): return store.finish()
        case .unkeyed(let store): return store.finish()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let store: KeyedStore
        if case .keyed(let existing) = slot {
            store = existing
        } else {
            store = KeyedStore(type: ObjectIdentifier(Key.self), hints: hints)
            slot = .keyed(store)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(store: store))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let store: UnkeyedStore
        if case .unkeyed(let existing) = slot { store = existing } else { store = UnkeyedStore(hints: hints); slot = .unkeyed(store) }
        return UnkeyedContainer(store: store)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Encodes a nested value, with fast paths for the scalar types page models use.
    @inline(__always)
    static func value<T: Encodable>(of value: T, hints: FieldCounts) throws -> TemplateValue {
        // Compare metatypes rather than casting: a failed dynamic cast is slow, and most values are structs.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        let encoder = TemplateEncoding(hints: hints)
        try value.encode(to: encoder)
        return encoder.finish()
    }
}

/// Where a nested container's value goes once it is complete (hand-written `encode(to:)` only; the
/// synthesised conformances never nest containers).
private enum Nested {
    case keyed(KeyedStore)
    case unkeyed(UnkeyedStore)
    case encoder(TemplateEncoding)

    func finish() -> TemplateValue {
        switch self {
        case .keyed(let store): return store.finish()
        case .unkeyed(let store): return store.finish()
        case .encoder(let encoder): return encoder.finish()
        }
    }
}

private final class KeyedStore {
    @exclusivity(unchecked) var keys: [String] = []
    @exclusivity(unchecked) var values: [TemplateValue] = []
    @exclusivity(unchecked) var nested: [(position: Int, store: Nested)] = []
    /// The keys' type, under which `hints` keeps the field count.
    let type: ObjectIdentifier
    let hints: FieldCounts
    /// The fields there is room for.
    let roomMade: Int

    init(type: ObjectIdentifier, hints: FieldCounts) {
        self.type = type
        self.hints = hints
        roomMade = hints.count(for: type)
        keys.reserveCapacity(roomMade)
        values.reserveCapacity(roomMade)
    }
    @inline(__always)
    func add(_ key: some CodingKey, _ value: TemplateValue) {
        keys.append(key.stringValue)
        values.append(value)
    }
    func add(_ key: some CodingKey, nested store: Nested) {
        nested.append((values.count, store))
        add(key, .bool(false))
    }
    func finish() -> TemplateValue {
        for (position, store) in nested { values[position] = store.finish() }
        hints.record(keys.count, for: type, roomMade: roomMade)
        return .object(TemplateObject(keys: keys, values: values))
    }
}

private final class UnkeyedStore {
    @exclusivity(unchecked) var values: [TemplateValue] = []
    @exclusivity(unchecked) var nested: [(position: Int, store: Nested)] = []
    let hints: FieldCounts
    init(hints: FieldCounts) { self.hints = hints }
    func add(nested store: Nested) {
        nested.append((values.count, store))
        values.append(.bool(false))
    }
    func finish() -> TemplateValue {
        for (position, store) in nested { values[position] = store.finish() }
        return .list(values)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let store: KeyedStore
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: String, forKey key: Key) { store.add(key, .string(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) { store.add(key, .bool(value)) }
    mutating func encode(_ value: Int, forKey key: Key) { store.add(key, .int(value)) }
    mutating func encode(_ value: Double, forKey key: Key) { store.add(key, .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) { store.add(key, .double(Double(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) { store.add(key, .int(Int(truncatingIfNeeded: value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { store.add(key, .int(Int(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) { store.add(key, .int(Int(truncatingIfNeeded: value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        store.add(key, try TemplateEncoding.value(of: value, hints: store.hints))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedStore(type: ObjectIdentifier(NestedKey.self), hints: store.hints)
        store.add(key, nested: .keyed(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(store: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = UnkeyedStore(hints: store.hints)
        store.add(key, nested: .unkeyed(nested))
        return UnkeyedContainer(store: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TemplateEncoding(hints: store.hints)
        store.add(SuperKey(), nested: .encoder(encoder))
        return encoder
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = TemplateEncoding(hints: store.hints)
        store.add(key, nested: .encoder(encoder))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let store: UnkeyedStore
    var codingPath: [any CodingKey] { [] }
    var count: Int { store.values.count }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { store.values.append(.string(value)) }
    mutating func encode(_ value: Bool) { store.values.append(.bool(value)) }
    mutating func encode(_ value: Int) { store.values.append(.int(value)) }
    mutating func encode(_ value: Double) { store.values.append(.double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { store.values.append(try TemplateEncoding.value(of: value, hints: store.hints)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedStore(type: ObjectIdentifier(NestedKey.self), hints: store.hints)
        store.add(nested: .keyed(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(store: nested))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = UnkeyedStore(hints: store.hints)
        store.add(nested: .unkeyed(nested))
        return UnkeyedContainer(store: nested)
    }
    mutating func superEncoder() -> any Encoder {
        let encoder = TemplateEncoding(hints: store.hints)
        store.add(nested: .encoder(encoder))
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TemplateEncoding
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { encoder.provide(.string(value)) }
    mutating func encode(_ value: Bool) { encoder.provide(.bool(value)) }
    mutating func encode(_ value: Int) { encoder.provide(.int(value)) }
    mutating func encode(_ value: Double) { encoder.provide(.double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.provide(try TemplateEncoding.value(of: value, hints: encoder.hints)) }
}

/// The key `superEncoder()` encodes under, as Foundation's encoders do (here and in `JSONWriting`).
struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
