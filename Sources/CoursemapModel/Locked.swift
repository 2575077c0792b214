import Foundation

/// A value behind a lock, shared between threads. Uses a pthread mutex (`NSLock`), which
/// ThreadSanitizer understands; `Synchronization.Mutex` on Linux waits on raw futexes that it does not.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
