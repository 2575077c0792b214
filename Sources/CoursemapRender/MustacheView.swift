import Mustache

/// Hands a typed page context to swift-mustache without reflecting on every lookup: each struct is
/// reflected once into a field table (swift-mustache would otherwise run `Mirror` for every `{{name}}`,
/// which dominated rendering time). Nested structs and arrays are wrapped lazily, on first access.
/// Used by one render at a time (a view is made per page), so its cache needs no lock.
final class MustacheView: MustacheParent, @unchecked Sendable {
    private let fields: [String: Any]
    /// Wrapped children, so a value used many times (e.g. `chrome.ui` in a loop) is wrapped once.
    private var cache: [String: Any?] = [:]

    init(_ value: Any) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            if let label = child.label { fields[label] = child.value }
        }
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        if let cached = cache[name] { return cached }
        let wrapped = fields[name].flatMap(Self.wrap)
        cache[name] = .some(wrapped)
        return wrapped
    }

    /// Structs become views; arrays wrap their elements; `nil` stays absent so Mustache looks further up
    /// the context stack, exactly as it does for a reflected optional.
    static func wrap(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is MustacheView: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { wrap($0.value) }
        case .struct:
            return MustacheView(value)
        case .collection:
            return mirror.children.map { wrap($0.value) ?? "" }
        default:
            return value
        }
    }
}
