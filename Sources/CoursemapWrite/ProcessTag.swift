import Foundation

/// Names a process so that its folders can be told from those of a process that is gone: its id, the
/// machine's boot id and the process's start time (in clock ticks since boot, from `/proc/<pid>/stat`).
/// A process id alone is reused; the three together are not. Staging folders carry the tag
/// (`.Site.staging-<pid>-<boot>-<start>`), so the next build removes those of a build killed with
/// `kill -9` and never those of a build still running.
public struct ProcessTag: Equatable, Sendable, CustomStringConvertible {
    public let pid: Int32
    public let boot: String
    public let start: UInt64

    /// This process.
    public static let current: ProcessTag = {
        let pid = getpid()
        return ProcessTag(pid: pid, boot: bootID() ?? "000000000000", start: startTime(of: pid) ?? 0)
    }()

    public var description: String { "\(pid)-\(boot)-\(start)" }

    /// Reads a tag from the start of `text` (`<pid>-<boot>-<start>`, then anything); `nil` if it is not one.
    public init?(parsing text: Substring) {
        let parts = text.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[0]), pid > 0, parts[1].count == 12,
            parts[1].allSatisfy(\.isHexDigit), let start = UInt64(parts[2])
        else { return nil }
        self.init(pid: pid, boot: String(parts[1]), start: start)
    }

    init(pid: Int32, boot: String, start: UInt64) {
        self.pid = pid
        self.boot = boot
        self.start = start
    }

    /// Whether the process this tag names is still running: same boot, and a process with this id that
    /// started at the same tick. When that cannot be known (no `/proc`), it counts as running.
    public var isRunning: Bool {
        guard let currentBoot = Self.bootID() else { return true }
        guard boot == currentBoot else { return false }
        guard let started = Self.startTime(of: pid) else {
            return FileManager.default.fileExists(atPath: "/proc/self/stat") ? false : true
        }
        return started == start
    }

    /// The first 12 hexadecimal digits of the kernel's boot id.
    static func bootID() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return nil }
        let digits = text.filter(\.isHexDigit).lowercased()
        return digits.count >= 12 ? String(digits.prefix(12)) : nil
    }

    /// Field 22 of `/proc/<pid>/stat`: when the process started, in clock ticks since boot.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After the command name: field 3 (state) onwards; the start time is field 22.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
