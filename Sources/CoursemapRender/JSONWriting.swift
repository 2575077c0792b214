import CoursemapModel

/// The `Encoder` behind `PrettyJSON`: one per value written, writing into the buffer it is given (its
/// sink). An array's elements go straight into the sink as they come. An object's fields go into the
/// object's own buffer in the order they come, and are copied into the sink in key order once the value's
/// `encode(to:)` has returned. Nested containers that hand-written conformances ask for are written into
/// buffers of their own and put in place when their parent is complete.
final class JSONWriting: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Nesting level of the line the value starts on: its elements or fields go one level deeper.
    let indent: Int
    /// Where the value goes. Valid only while the value is being written (see `write`); `nil` for a nested
    /// container, which writes into `own`.
    private let sink: UnsafeMutablePointer<[UInt8]>?
    @exclusivity(unchecked) private var own: [UInt8] = []

    private enum Slot {
        case empty
        case single
        case keyed(JSONObjectStore)
        case unkeyed(JSONArrayStore)
    }
    @exclusivity(unchecked) private var slot: Slot = .empty

    private init(indent: Int, sink: UnsafeMutablePointer<[UInt8]>?) {
        self.indent = indent
        self.sink = sink
    }

    /// Appends `value` to `out`, starting at nesting level `indent`.
    static func write<T: Encodable>(_ value: T, indent: Int, to out: inout [UInt8]) throws {
        // Compare metatypes rather than casting: a failed dynamic cast is slow, and most values are structs.
        if T.self == String.self { return PrettyJSON.writeString(unsafeBitCast(value, to: String.self), to: &out) }
        if T.self == Int.self { return out.append(contentsOf: String(unsafeBitCast(value, to: Int.self)).utf8) }
        if T.self == Double.self { return out.append(contentsOf: PrettyJSON.number(unsafeBitCast(value, to: Double.self)).utf8) }
        if T.self == Hundredths.self { return out.append(contentsOf: unsafeBitCast(value, to: Hundredths.self).text.utf8) }
        if T.self == DecimalNumberText.self { return out.append(contentsOf: unsafeBitCast(value, to: DecimalNumberText.self).text.utf8) }
        if T.self == Bool.self { return out.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8) }
        try withUnsafeMutablePointer(to: &out) { sink in
            let encoder = JSONWriting(indent: indent, sink: sink)
            try value.encode(to: encoder)
            encoder.finish()
        }
    }

    /// Runs `body` on the buffer this value writes into.
    @inline(__always)
    fileprivate func withOutput<Result>(_ body: (inout [UInt8]) throws -> Result) rethrows -> Result {
        if let sink { return try body(&sink.pointee) }
        return try body(&own)
    }

    /// Writes a scalar given as text (a single-value container).
    fileprivate func provide(_ text: some Sequence<UInt8>) {
        slot = .single
        withOutput { $0.append(contentsOf: text) }
    }

    fileprivate func provide(string: String) {
        slot = .single
        withOutput { PrettyJSON.writeString(string, to: &$0) }
    }

    fileprivate func provide<T: Encodable>(value: T) throws {
        slot = .single
        try withOutput { try Self.write(value, indent: indent, to: &$0) }
    }

    /// Completes the value: closes an array, or writes an object's fields in key order. A value that
    /// encoded nothing is an empty object.
    fileprivate func finish() {
        switch slot {
        case .single:
            break
        case .empty:
            withOutput { out in
                out.append(UInt8(ascii: "{"))
                PrettyJSON.closeEmpty("}", indent: indent, to: &out)
            }
        case .keyed(let store):
            withOutput { store.finish(into: &$0) }
        case .unkeyed(let store):
            withOutput { store.finish(into: &$0) }
        }
    }

    /// A nested container's writer: it has its own buffer, copied into place by `bytes()`.
    fileprivate static func detached(indent: Int) -> JSONWriting { JSONWriting(indent: indent, sink: nil) }

    /// A detached writer's complete value.
    fileprivate func bytes() -> [UInt8] {
        finish()
        return own
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let store: JSONObjectStore
        if case .keyed(let existing) = slot { store = existing } else { store = JSONObjectStore(indent: indent); slot = .keyed(store) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(store: store))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let store: JSONArrayStore
        if case .unkeyed(let existing) = slot {
            store = existing
        } else {
            store = JSONArrayStore(writer: self)
            slot = .unkeyed(store)
            withOutput { $0.append(UInt8(ascii: "[")) }
        }
        return JSONUnkeyedContainer(store: store)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleContainer(writer: self) }

    /// Appends to this value's output: for an array's elements, which go straight into it.
    fileprivate func append<Result>(_ body: (inout [UInt8]) throws -> Result) rethrows -> Result { try withOutput(body) }
}

/// An object being written: its fields' values in one buffer, in the order they came, and where each is.
private final class JSONObjectStore {
    let indent: Int
    @exclusivity(unchecked) var buffer: [UInt8] = []
    private enum Value {
        case written(Range<Int>)
        case pending(JSONWriting)
    }
    @exclusivity(unchecked) private var fields: [(key: String, value: Value)] = []

    init(indent: Int) { self.indent = indent }

    func add(_ key: String, write: (inout [UInt8]) throws -> Void) rethrows {
        let start = buffer.count
        try write(&buffer)
        fields.append((key, .written(start..<buffer.count)))
    }

    func add(_ key: String, nested writer: JSONWriting) {
        fields.append((key, .pending(writer)))
    }

    func finish(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        guard !fields.isEmpty else { return PrettyJSON.closeEmpty("}", indent: indent, to: &out) }
        for position in fields.indices {
            guard case .pending(let writer) = fields[position].value else { continue }
            let start = buffer.count
            buffer.append(contentsOf: writer.bytes())
            fields[position].value = .written(start..<buffer.count)
        }
        let order = fields.indices.sorted { fields[$0].key.unicodeScalars.lexicographicallyPrecedes(fields[$1].key.unicodeScalars) }
        for (position, field) in order.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            PrettyJSON.newline(indent + 1, to: &out)
            PrettyJSON.writeString(fields[field].key, to: &out)
            out.append(contentsOf: " : ".utf8)
            if case .written(let range) = fields[field].value { out.append(contentsOf: buffer[range]) }
        }
        PrettyJSON.newline(indent, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

/// An array being written straight into its writer's output, after the `[` written when it was opened.
private final class JSONArrayStore {
    unowned let writer: JSONWriting
    @exclusivity(unchecked) private(set) var count = 0
    /// Nested containers, by the offset in the output where each goes.
    @exclusivity(unchecked) private var pending: [(offset: Int, writer: JSONWriting)] = []

    init(writer: JSONWriting) { self.writer = writer }

    var indent: Int { writer.indent }

    /// Writes the separator before the next element, then the element.
    func add(_ write: (inout [UInt8]) throws -> Void) rethrows {
        try writer.append { out in
            if count > 0 { out.append(UInt8(ascii: ",")) }
            PrettyJSON.newline(indent + 1, to: &out)
            count += 1
            try write(&out)
        }
    }

    func add(nested element: JSONWriting) {
        add { out in pending.append((out.count, element)) }
    }

    func finish(into out: inout [UInt8]) {
        for (offset, element) in pending.reversed() { out.insert(contentsOf: element.bytes(), at: offset) }
        if count == 0 { return PrettyJSON.closeEmpty("]", indent: indent, to: &out) }
        PrettyJSON.newline(indent, to: &out)
        out.append(UInt8(ascii: "]"))
    }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let store: JSONObjectStore
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { store.add(key.stringValue) { $0.append(contentsOf: "null".utf8) } }
    mutating func encode(_ value: String, forKey key: Key) { store.add(key.stringValue) { PrettyJSON.writeString(value, to: &$0) } }
    mutating func encode(_ value: Bool, forKey key: Key) { store.add(key.stringValue) { $0.append(contentsOf: (value ? "true" : "false").utf8) } }
    mutating func encode(_ value: Int, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { store.add(key.stringValue) { $0.append(contentsOf: PrettyJSON.number(value).utf8) } }
    mutating func encode(_ value: Float, forKey key: Key) { encode(Double(value), forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let indent = store.indent + 1
        try store.add(key.stringValue) { try JSONWriting.write(value, indent: indent, to: &$0) }
    }

    private func integer(_ value: some BinaryInteger, _ key: Key) { store.add(key.stringValue) { $0.append(contentsOf: String(value).utf8) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        nested(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { nested(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nested(SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }

    private func nested(_ key: some CodingKey) -> JSONWriting {
        let writer = JSONWriting.detached(indent: store.indent + 1)
        store.add(key.stringValue, nested: writer)
        return writer
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let store: JSONArrayStore
    var codingPath: [any CodingKey] { [] }
    var count: Int { store.count }

    mutating func encodeNil() { store.add { $0.append(contentsOf: "null".utf8) } }
    mutating func encode(_ value: String) { store.add { PrettyJSON.writeString(value, to: &$0) } }
    mutating func encode(_ value: Bool) { store.add { $0.append(contentsOf: (value ? "true" : "false").utf8) } }
    mutating func encode(_ value: Int) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: Double) { store.add { $0.append(contentsOf: PrettyJSON.number(value).utf8) } }
    mutating func encode(_ value: Float) { encode(Double(value)) }
    mutating func encode(_ value: Int8) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: Int16) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: Int32) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: Int64) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: UInt) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: UInt8) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: UInt16) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: UInt32) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode(_ value: UInt64) { store.add { $0.append(contentsOf: String(value).utf8) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let indent = store.indent + 1
        try store.add { try JSONWriting.write(value, indent: indent, to: &$0) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nested().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nested() }

    private func nested() -> JSONWriting {
        let writer = JSONWriting.detached(indent: store.indent + 1)
        store.add(nested: writer)
        return writer
    }
}

private struct JSONSingleContainer: SingleValueEncodingContainer {
    let writer: JSONWriting
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { writer.provide("null".utf8) }
    mutating func encode(_ value: String) { writer.provide(string: value) }
    mutating func encode(_ value: Bool) { writer.provide((value ? "true" : "false").utf8) }
    mutating func encode(_ value: Int) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: Double) { writer.provide(PrettyJSON.number(value).utf8) }
    mutating func encode(_ value: Float) { encode(Double(value)) }
    mutating func encode(_ value: Int8) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: Int16) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: Int32) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: Int64) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: UInt) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: UInt8) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: UInt16) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: UInt32) { writer.provide(String(value).utf8) }
    mutating func encode(_ value: UInt64) { writer.provide(String(value).utf8) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.provide(value: value) }
}
