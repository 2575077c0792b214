import Foundation

/// A value guarded by a lock: the mutable state of the server's and the watcher's `Sendable` classes lives
/// in one of these. Hold it only briefly, and never call out (into a channel pipeline, a callback) while
/// holding it.
final class Locked<Value> {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Locked: @unchecked Sendable where Value: Sendable {}
