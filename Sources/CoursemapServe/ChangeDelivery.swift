import Dispatch

/// Hands batches of changed paths to the watcher's callback on a serial queue, one call at a time. Batches
/// that arrive while a call runs (a rebuild takes a while) are merged and delivered as one when it returns,
/// so edits made during a rebuild cause one more rebuild, not one per batch.
final class ChangeDelivery: Sendable {
    private struct State {
        var pending = Set<String>()
        var isDelivering = false
        var isCancelled = false
    }

    private let onChange: @Sendable (Set<String>) -> Void
    private let queue = DispatchQueue(label: "coursemap.serve.file-watcher")
    private let state = Locked(State())

    init(onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.onChange = onChange
    }

    /// Queues `paths` for the callback.
    func deliver(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        let startsDelivery = state.withLock { state -> Bool in
            guard !state.isCancelled else { return false }
            state.pending.formUnion(paths)
            guard !state.isDelivering else { return false }
            state.isDelivering = true
            return true
        }
        if startsDelivery {
            queue.async { self.drain() }
        }
    }

    /// No callback starts after this returns (one already running finishes).
    func cancel() {
        state.withLock { state in
            state.isCancelled = true
            state.pending = []
        }
    }

    private func drain() {
        while let batch = nextBatch() {
            onChange(batch)
        }
    }

    private func nextBatch() -> Set<String>? {
        state.withLock { state in
            guard !state.isCancelled, !state.pending.isEmpty else {
                state.isDelivering = false
                return nil
            }
            defer { state.pending = [] }
            return state.pending
        }
    }
}
