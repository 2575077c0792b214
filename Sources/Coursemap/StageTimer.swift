import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Stage timings on standard error when `COURSEMAP_TIMING` is set: where a build spends its time, and
/// what each stage did to memory (resident size at its end, page faults during it).
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["COURSEMAP_TIMING"] != nil
    private var last = ContinuousClock.now
    private var lastFaults = StageTimer.minorFaults()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let faults = Self.minorFaults()
        defer { lastFaults = faults }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let memory = "resident \(Self.residentMegabytes()) MB, \(faults - lastFaults) page faults"
        FileHandle.standardError.write(Data("coursemap: \(stage) \(String(format: "%.3f", seconds)) s (\(memory))\n".utf8))
    }

    /// Minor page faults of the process so far: each is a page of memory touched for the first time.
    private static func minorFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    /// The process's resident set now (the second field of `/proc/self/statm`, in pages); 0 where absent.
    private static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }
}
