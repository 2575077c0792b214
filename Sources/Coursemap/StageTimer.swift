import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Stage timings on standard error when `COURSEMAP_TIMING` is set: where a build spends its time, how
/// much CPU time the stage used on all threads (against its wall time, how well it kept the cores busy),
/// and what it did to memory (resident size at its end, page faults during it).
struct StageTimer {
    private let enabled = ProcessInfo.processInfo.environment["COURSEMAP_TIMING"] != nil
    private var last = ContinuousClock.now
    private var lastFaults = StageTimer.minorFaults()
    private var lastCPU = StageTimer.cpuSeconds()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let faults = Self.minorFaults(), cpu = Self.cpuSeconds()
        defer { lastFaults = faults; lastCPU = cpu }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let usage = String(format: "cpu %.2f s user, %.2f s system", cpu.user - lastCPU.user, cpu.system - lastCPU.system)
        let memory = "resident \(Self.residentMegabytes()) MB, \(faults - lastFaults) page faults"
        FileHandle.standardError.write(Data("coursemap: \(stage) \(String(format: "%.3f", seconds)) s (\(usage); \(memory))\n".utf8))
    }

    /// CPU time of the process so far, on all its threads.
    private static func cpuSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
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
