import CoursemapModel
import Foundation

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
        if let existing = FileManager.default.contents(atPath: file.path), existing.elementsEqual(bytes) { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file, options: .atomic)
            changedFiles.withLock { $0.append(path) }
        } catch {
            failure.withLock { if $0 == nil { $0 = "cannot write \(path): \(error.localizedDescription)" } }
        }
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
