/// A part of a page context whose template form is made once and shared by many pages: a course's outline
/// appears on every one of its modules' pages. Template rendering takes the stored `TemplateValue`; any
/// other encoder encodes `value` as usual.
struct PreEncoded<Value: Encodable & Sendable>: Sendable, Encodable {
    let value: Value
    let encoded: TemplateValue

    init(_ value: Value) {
        self.value = value
        self.encoded = (try? TemplateValueEncoder.encode(value)) ?? .list([])
    }

    /// `encoded` must be what `TemplateValueEncoder.encode(value)` gives.
    init(_ value: Value, encoded: TemplateValue) {
        self.value = value
        self.encoded = encoded
    }

    func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? TemplateEncoding {
            encoder.provide(encoded)
        } else {
            try value.encode(to: encoder)
        }
    }
}
