import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The output folder `serve` keeps up to date in place: a file is written only when its bytes change, by
/// writing a temporary file and renaming it over the old one, so the preview server never reads half a
/// page. Files a render no longer produces are removed with `removeStale`.
///
/// Nothing is written through a symbolic link inside the folder: a folder on the way that is a link (or a
/// file) is replaced by a real folder, a file that is a link is replaced rather than followed (the rename
/// swaps the link itself), and `removeStale` never deletes through a link.
public final class LiveOutput: SiteSink {
    public let folder: URL
    private let content: URL
    private let changedFiles = Locked<[String]>([])
    private let failure = Locked<String?>(nil)
    /// Numbers the temporary files, which render threads make side by side.
    private let temporaryCount = Locked(0)

    /// The real path of the folder above `folder`, as it was when this output was made.
    private let realParent: String?

    public init(folder: URL, content: URL) {
        self.folder = folder
        self.content = content
        let parent = (folder.path as NSString).deletingLastPathComponent
        if let resolved = realpath(parent, nil) {
            realParent = String(cString: resolved)
            free(resolved)
        } else {
            realParent = nil
        }
    }

    public func write(_ path: String, _ bytes: [UInt8]) {
        let parts = path.split(separator: "/").map(String.init)
        guard !path.hasPrefix("/"), let name = parts.last, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            fail("refusing to write outside the site: \(path)")
            return
        }
        let directory: String
        switch realFolder(Array(parts.dropLast()), create: true) {
        case .success(let found): directory = found
        case .failure(let problem):
            fail("cannot write \(path): \(problem)")
            return
        }
        let file = directory + "/" + name
        if Self.holds(file, bytes) { return }
        let number = temporaryCount.withLock { count -> Int in
            count += 1
            return count
        }
        let temporary = directory + "/.\(name).coursemap-\(getpid())-\(number)"
        if let problem = Self.writeNew(temporary, bytes) {
            fail("cannot write \(path): \(problem)")
            return
        }
        guard rename(temporary, file) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            fail("cannot write \(path): \(problem)")
            return
        }
        changedFiles.withLock { $0.append(path) }
    }

    private func fail(_ message: String) {
        failure.withLock { if $0 == nil { $0 = message } }
    }

    /// The real folder `folder/components…`: with `create`, missing folders are made and any link or file in
    /// the way is replaced by a folder; without, a link or file in the way is a failure.
    private func realFolder(_ components: [String], create: Bool) -> Result<String, RealFolderProblem> {
        var current = folder.path
        // The folders above the output are as they were when `serve` checked them: a link put in place of
        // one of them since (`mv out out.old; ln -s Content out`) would send the writes into the content.
        let parent = (current as NSString).deletingLastPathComponent
        guard let resolved = realpath(parent, nil) else {
            return .failure(.reason("the folder above the output, \(parent), is gone"))
        }
        let unchanged = String(cString: resolved) == realParent
        free(resolved)
        guard unchanged else {
            return .failure(.reason("a folder above the output was replaced by a link since serve started; restart serve"))
        }
        var status = stat()
        if lstat(current, &status) != 0 {
            guard create else { return .failure(.missing) }
            do {
                try FileManager.default.createDirectory(atPath: current, withIntermediateDirectories: true)
            } catch {
                return .failure(.reason(error.localizedDescription))
            }
        } else if (status.st_mode & S_IFMT) != S_IFDIR {
            return .failure(.reason("the output folder \(current) is not a folder (a symbolic link?)"))
        }
        for component in components {
            current += "/" + component
            for _ in 0..<3 {
                if lstat(current, &status) == 0 {
                    if (status.st_mode & S_IFMT) == S_IFDIR { break }
                    guard create else { return .failure(.reason("\(current) is not a folder")) }
                    // A link or a file where a folder belongs: the link goes, never what it points to.
                    guard unlink(current) == 0 || errno == ENOENT else { return .failure(.reason(String(cString: strerror(errno)))) }
                } else {
                    guard create else { return .failure(.missing) }
                }
                if mkdir(current, 0o755) == 0 { break }
                guard errno == EEXIST else { return .failure(.reason(String(cString: strerror(errno)))) }
                // Another render thread made it meanwhile: look again.
            }
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                return .failure(.reason("cannot make \(current) a folder"))
            }
        }
        return .success(current)
    }

    private enum RealFolderProblem: Error, CustomStringConvertible {
        case missing
        case reason(String)
        var description: String {
            switch self {
            case .missing: "no such folder"
            case .reason(let text): text
            }
        }
    }

    /// Creates `path`, which must not exist (a link there is not followed), and writes `bytes`.
    private static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var problem = StagedOutput.writeAll(descriptor, bytes)
        if close(descriptor) != 0 && problem == nil { problem = String(cString: strerror(errno)) }
        if problem != nil { unlink(path) }
        return problem
    }

    /// Whether the file at `path` already holds exactly `bytes`: its size is checked first, then its
    /// contents are read and compared in one `memcmp` (a coverage report is megabytes long).
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        // A link is never taken to hold the bytes: it is replaced, not written through.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
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
            fail("cannot read \(source) to copy it into the site")
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

    /// Deletes the files of `previous` that are not in `current`, and folders left empty. A path that leads
    /// through a link is left alone (only what is really inside the folder is deleted).
    public func removeStale(previous: Set<String>, current: Set<String>) -> [String] {
        let stale = previous.subtracting(current).sorted()
        var folders: Set<String> = []
        for path in stale {
            let parts = path.split(separator: "/").map(String.init)
            guard let name = parts.last, !parts.contains(where: { $0 == ".." || $0 == "." }),
                case .success(let directory) = realFolder(Array(parts.dropLast()), create: false)
            else { continue }
            let file = directory + "/" + name
            if unlink(file) != 0 && (errno == EISDIR || errno == EPERM) {
                // A real folder where a file was (unlink does not follow a link, so this is inside the site).
                try? FileManager.default.removeItem(atPath: file)
            }
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                folders.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Deepest first, so a folder emptied by removing its subfolder goes too; `rmdir` removes only an
        // empty real folder, never a link; and none when the output is no longer where it was.
        guard case .success = realFolder([], create: false) else { return stale }
        for relative in folders.sorted(by: { $0.count > $1.count }) {
            _ = rmdir(folder.appendingPathComponent(relative).path)
        }
        return stale
    }
}
