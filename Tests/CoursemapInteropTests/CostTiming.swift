import Foundation

/// Timing for the cost tests, which compare the times of a small and a large input measured in the same test
/// (ratios, never absolute limits).
enum CostTiming {
    /// The fastest of three runs of `body`, in seconds (the least disturbed by other work on the machine).
    static func fastest(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }
}
