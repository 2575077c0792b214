import Dispatch
import Synchronization

/// Runs `count` independent work items on up to `jobs` threads, each thread taking the next unclaimed
/// index until none is left (so uneven items balance out). `jobs` ≤ 1 runs them in order on the calling
/// thread. Returns when every item is done.
public enum ParallelWork {
    public static func run(count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = min(max(jobs, 1), count)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }
}
