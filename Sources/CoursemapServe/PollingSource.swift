import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Changes found by scanning the trees every 500 ms and comparing each file's modification time and size:
/// the watcher's fallback where inotify is not available.
final class PollingSource: ChangeSource {
    /// What a scan records about one file or folder.
    private struct Stamp: Equatable {
        var isDirectory: Bool
        var size: Int64
        var modified: timespec

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.isDirectory == b.isDirectory && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec
                && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    let descriptor: Int32? = nil
    let scanInterval: Duration?
    private let roots: [String]
    /// The last scan. Touched by `init` and then only by the reading thread.
    private let snapshot: Locked<[String: Stamp]>

    init(roots: [String], interval: Duration = .milliseconds(500)) {
        self.roots = roots
        scanInterval = interval
        snapshot = Locked(Self.scan(roots))
    }

    func collectChanges() -> Set<String> {
        let current = Self.scan(roots)
        return snapshot.withLock { previous in
            defer { previous = current }
            var changes = Set<String>()
            for (path, stamp) in current {
                guard let old = previous[path] else {
                    changes.insert(path)  // new
                    continue
                }
                // A folder's own time changes with its entries, which are reported themselves.
                if old != stamp && !(old.isDirectory && stamp.isDirectory) {
                    changes.insert(path)
                }
            }
            for path in previous.keys where current[path] == nil {
                changes.insert(path)  // deleted
            }
            return changes
        }
    }

    func close() {}

    /// Every file and folder under `roots`, skipping ignored names and not following symbolic links.
    private static func scan(_ roots: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var pending = roots
        while let folder = pending.popLast() {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in entries where !WatchFilter.isIgnored(name) {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                #if canImport(Darwin)
                let modified = info.st_mtimespec
                #else
                let modified = info.st_mtim
                #endif
                stamps[path] = Stamp(isDirectory: isDirectory, size: Int64(info.st_size), modified: modified)
                if isDirectory { pending.append(path) }
            }
        }
        return stamps
    }
}
