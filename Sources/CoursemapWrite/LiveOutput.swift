import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The output folder `serve` keeps up to date in place: a file is written only when its bytes change, by
/// writing a temporary file and renaming it over the old one, so the preview server never reads half a
/// page. Files a render no longer produces are removed with `removeStale`.
public final class LiveOutput: SiteSink {
    public let folder: URL
    private let content: URL
    private let changedFiles = Locked<[String]>([])
    private let failure = Locked<String?>(nil)

    public init(folder: URL, content: URL) {
        self.folder = folder
        self.content = content
    }

    public func write(_ path: String, _ bytes: [UInt8]) {
        let file = folder.appendingPathComponent(path)
        if Self.holds(file.path, bytes) { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file, options: .atomic)
            changedFiles.withLock { $0.append(path) }
        } catch {
            failure.withLock { if $0 == nil { $0 = "cannot write \(path): \(error.localizedDescription)" } }
        }
    }

    /// Whether the file at `path` already holds exactly `bytes`: its size is checked first, then its
    /// contents are read and compared in one `memcmp` (a coverage report is megabytes long).
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        let complete = existing.withUnsafeMutableBytes { buffer -> Bool in
            // One byte more than expected is asked for, so a file that grew since `fstat` is not taken as equal.
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            return filled == bytes.count
        }
        guard complete else { return false }
        return existing.withUnsafeBytes { old in bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 } }
    }

    public func copy(_ source: String, to path: String) {
        guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(source).path) else {
            failure.withLock { if $0 == nil { $0 = "cannot read \(source) to copy it into the site" } }
            return
        }
        write(path, [UInt8](data))
    }

    /// Paths written since the last call, sorted; and the first failure, if any.
    public func takeChanges() -> (changed: [String], failure: String?) {
        let changed = changedFiles.withLock { files in
            defer { files = [] }
            return files.sorted()
        }
        let problem = failure.withLock { problem in
            defer { problem = nil }
            return problem
        }
        return (changed, problem)
    }

    /// Deletes the files of `previous` that are not in `current`, and folders left empty.
    public func removeStale(previous: Set<String>, current: Set<String>) -> [String] {
        let stale = previous.subtracting(current).sorted()
        var folders: Set<String> = []
        for path in stale {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                folders.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Deepest first, so a folder emptied by removing its subfolder goes too.
        for relative in folders.sorted(by: { $0.count > $1.count }) {
            let url = folder.appendingPathComponent(relative)
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path), entries.isEmpty {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return stale
    }
}
