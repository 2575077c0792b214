import Foundation

/// Stage timings on standard error when `COURSEMAP_TIMING` is set: where a build spends its time.
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["COURSEMAP_TIMING"] != nil
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("coursemap: \(stage) \(String(format: "%.3f", seconds)) s\n".utf8))
    }
}
