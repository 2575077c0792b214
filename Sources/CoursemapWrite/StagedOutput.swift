import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A build in progress: a staging folder beside the output that the render stage writes into as pages are
/// made (it is a `SiteSink`, safe to call from several threads). `commit` puts it in the output's place
/// in one step; `discard` removes it and leaves the previous output untouched.
public final class StagedOutput: SiteSink {
    /// The staging folder.
    public let folder: URL
    private let target: URL
    private let content: URL
    private struct State {
        var folders: Set<String> = []
        var files = 0
        var failure: String?
    }
    private let state = Locked(State())

    /// Vets the destination (see `OutputWriter.checkDestination`) and creates an empty staging folder.
    public init(output: URL, content: URL) throws(WriteError) {
        try OutputWriter.checkDestination(output: output, content: content)
        let manager = FileManager.default
        target = URL(fileURLWithPath: OutputWriter.canonical(output))
        self.content = URL(fileURLWithPath: OutputWriter.canonical(content))
        let parent = target.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        folder = Self.folder(for: target)
        Self.removeAbandoned(beside: target)
        try? manager.removeItem(at: folder)
        let staging = folder
        let problem: String? = Self.gate.withLock { gate in
            guard !gate.interrupted else { return "the build was interrupted" }
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: false)
                return nil
            } catch {
                return "cannot create \(staging.path): \(error.localizedDescription)"
            }
        }
        if let problem { throw .io(problem) }
    }

    /// Where this process stages a build of `output`: a hidden folder beside it, named after it and the
    /// process (`ProcessTag`: id, boot and start time), so builds of different outputs or by different
    /// processes never share one, and one left by a dead process is known as such.
    public static func folder(for output: URL) -> URL {
        let target = URL(fileURLWithPath: OutputWriter.canonical(output))
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).staging-\(ProcessTag.current)")
    }

    /// Whether a build was interrupted (no folder is made and no swap is done after that), and the outputs
    /// this process has already replaced. Shared by every `StagedOutput` of the process.
    private struct Gate {
        var interrupted = false
        var replaced: Set<String> = []
    }
    private static let gate = Locked(Gate())

    /// Removes this process's staging folder for `output`, if there is one: for a build interrupted by a
    /// signal, whose render threads may still be writing. From now on no staging folder is created and no
    /// output replaced by this process; the folder is renamed out of the writers' way, then removed.
    /// Returns `false` when the output had already been replaced by the new build.
    @discardableResult
    public static func abandon(output: URL) -> Bool {
        let staging = folder(for: output)
        let target = OutputWriter.canonical(output)
        return gate.withLock { gate in
            gate.interrupted = true
            let manager = FileManager.default
            var status = stat()
            if lstat(staging.path, &status) == 0 {
                let trash = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-interrupted")
                if rename(staging.path, trash.path) == 0 { try? manager.removeItem(at: trash) }
                try? manager.removeItem(at: staging)
            }
            return !gate.replaced.contains(target)
        }
    }

    /// Removes what builds of the output `target` by processes that are no longer running left beside it:
    /// staging folders (also renamed `-interrupted` ones) and previous builds moved aside
    /// (`.Site.staging-<tag>`, `.Site.previous-<tag>`). A folder of a running process is never touched;
    /// one named by an older Coursemap with only a process id is removed only when no such process runs.
    /// A link in the place of such a folder is removed itself, never what it points to.
    static func removeAbandoned(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).staging-", ".\(target.lastPathComponent).previous-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let rest = name.dropFirst(prefix.count)
            let abandoned: Bool
            if let tag = ProcessTag(parsing: rest) {
                abandoned = tag != ProcessTag.current && !tag.isRunning
            } else if let pid = Int32(rest.prefix(while: \.isNumber)), pid > 0,
                rest.dropFirst(String(pid).count).isEmpty || rest.dropFirst(String(pid).count) == "-interrupted"
            {
                abandoned = pid != getpid() && FileManager.default.fileExists(atPath: "/proc/self")
                    && !FileManager.default.fileExists(atPath: "/proc/\(pid)")
            } else {
                abandoned = false
            }
            // A previous build moved aside is the only copy of the site while the output is missing (a build
            // killed between the two renames of a swap without `renameat2`): it stays then.
            let onlyCopy = prefix.hasSuffix(".previous-") && !FileManager.default.fileExists(atPath: target.path)
            if abandoned && !onlyCopy { try? FileManager.default.removeItem(at: parent.appendingPathComponent(name)) }
        }
    }

    /// Files written so far.
    public var fileCount: Int { state.withLock { $0.files } }

    public func write(_ path: String, _ bytes: [UInt8]) {
        guard let file = prepare(path) else { return }
        if let problem = Self.writeFile(file, bytes) { fail("cannot write \(path): \(problem)") }
    }

    /// Writes each part as it comes, so a large page is never held whole; a file given up part way is removed.
    public func write(_ path: String, parts: (_ emit: ([UInt8]) -> Void) -> Bool) {
        write([path], parts: parts)
    }

    /// Writes each part to every path as it comes; files given up part way are removed.
    public func write(_ paths: [String], parts: (_ emit: ([UInt8]) -> Void) -> Bool) {
        var files: [String] = []
        for path in paths {
            guard let file = prepare(path) else { break }
            files.append(file)
        }
        guard files.count == paths.count else {
            state.withLock { $0.files -= files.count }
            return
        }
        let (problem, complete) = Self.writeFiles(files, parts: parts)
        if let problem { fail("cannot write \(paths[problem.index]): \(problem.reason)") }
        if !complete { state.withLock { $0.files -= files.count } }
    }

    /// Copies the bytes, never a link: a symbolic link in the output could point anywhere.
    public func copy(_ source: String, to path: String) {
        guard let file = prepare(path) else { return }
        let from = content.appendingPathComponent(source).path
        guard let data = FileManager.default.contents(atPath: from) else {
            fail("cannot read \(source) to copy it into the site")
            return
        }
        if let problem = Self.writeFile(file, [UInt8](data)) { fail("cannot write \(path): \(problem)") }
    }

    /// Writes the marker, runs `beforeSwap` on the complete staged site (e.g. the search indexer), then
    /// swaps the staging folder into the output's place. Any failure removes the staging folder and
    /// leaves the previous output as it was. Returns the number of files in the new output.
    @discardableResult
    public func commit(beforeSwap: ((URL) throws -> Void)? = nil) throws(WriteError) -> Int {
        if let failure = state.withLock({ $0.failure }) {
            discard()
            throw .io(failure)
        }
        if let problem = Self.writeFile(folder.appendingPathComponent(OutputWriter.markerName).path, Array(OutputWriter.markerText.utf8)) {
            discard()
            throw .io("cannot write the site: \(problem)")
        }
        do {
            try beforeSwap?(folder)
        } catch let error as WriteError {
            discard()
            throw error
        } catch {
            discard()
            throw .io("cannot write the site: \(error.localizedDescription)")
        }
        let swapped: Result<Void, WriteError> = Self.gate.withLock { gate in
            guard !gate.interrupted else { return .failure(.io("the build was interrupted")) }
            do {
                try OutputWriter.swap(folder, into: target)
            } catch let error as WriteError {
                return .failure(error)
            } catch {
                return .failure(.io("\(error)"))
            }
            gate.replaced.insert(target.path)
            return .success(())
        }
        if case .failure(let error) = swapped {
            discard()
            throw error
        }
        return fileCount + 1
    }

    /// Removes the staging folder.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Files

    /// The absolute path for `path`, with its folder created; `nil` after a failure or for a path that
    /// would leave the staging folder.
    private func prepare(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            fail("refusing to write outside the site: \(path)")
            return nil
        }
        let file = folder.path + "/" + path
        let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? folder.path
        let proceed: Bool = state.withLock { state in
            guard state.failure == nil else { return false }
            state.files += 1
            return true
        }
        guard proceed else { return nil }
        if !state.withLock({ $0.folders.contains(directory) }) {
            // Under the gate: once a build is interrupted, no render thread makes its folders again.
            let problem: String? = Self.gate.withLock { gate in
                guard !gate.interrupted else { return "the build was interrupted" }
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    return nil
                } catch {
                    return "cannot create \(directory): \(error.localizedDescription)"
                }
            }
            if let problem {
                fail(problem)
                return nil
            }
            state.withLock { _ = $0.folders.insert(directory) }
        }
        return file
    }

    private func fail(_ message: String) {
        state.withLock { state in
            if state.failure == nil { state.failure = message }
        }
    }

    /// Creates or truncates `path` and writes `bytes`; the reason on failure (e.g. a full disk).
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        writeFiles([path]) { emit in
            emit(bytes)
            return true
        }.problem?.reason
    }

    /// Creates or truncates each of `paths` and writes the parts `parts` hands over, in order, to every
    /// one; on failure, the reason and which path it concerns. After a failed write
    /// the remaining parts are made but not written. Files that cannot all be opened are never asked for
    /// their parts; files that `parts` gives up part way are removed (`complete` false).
    private static func writeFiles(
        _ paths: [String], parts: (_ emit: ([UInt8]) -> Void) -> Bool
    ) -> (problem: (index: Int, reason: String)?, complete: Bool) {
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { close(descriptor) } }
        for (index, path) in paths.enumerated() {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return ((index, String(cString: strerror(errno))), true) }
            descriptors.append(descriptor)
        }
        var problem: (index: Int, reason: String)?
        let complete = parts { bytes in
            guard problem == nil else { return }
            for (index, descriptor) in descriptors.enumerated() {
                if let reason = writeAll(descriptor, bytes) {
                    problem = (index, reason)
                    return
                }
            }
        }
        for (index, descriptor) in descriptors.enumerated() where close(descriptor) != 0 && problem == nil {
            problem = (index, String(cString: strerror(errno)))
        }
        descriptors = []
        if !complete {
            for (index, path) in paths.enumerated() where unlink(path) != 0 && problem == nil {
                problem = (index, String(cString: strerror(errno)))
            }
        }
        return (problem, complete)
    }

    /// Writes all of `bytes` to an open file; the reason on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}
