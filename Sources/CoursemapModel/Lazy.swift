/// A value made on first use, once, by whichever thread asks first; later readers get the same value.
/// Render jobs share per-course parts of their pages through it, and a partial render (`serve`) makes only
/// the parts its pages need.
public final class Lazy<Value: Sendable>: Sendable {
    private let state: Locked<Value?>
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        self.state = Locked(nil)
    }

    public var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
