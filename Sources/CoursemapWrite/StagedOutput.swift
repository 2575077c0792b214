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
        try? manager.removeItem(at: folder)
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw .io("cannot create \(folder.path): \(error.localizedDescription)")
        }
    }

    /// Where this process stages a build of `output`: a hidden folder beside it, named after it and the
    /// process, so builds of different outputs or by different processes never share one.
    public static func folder(for output: URL) -> URL {
        let target = URL(fileURLWithPath: OutputWriter.canonical(output))
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Removes this process's staging folder for `output`, if there is one: for a build interrupted by a
    /// signal, whose render threads may still be writing. The folder is first renamed out of their way (a
    /// writer that creates folders again recreates only empty ones under the old name, removed after).
    public static func abandon(output: URL) {
        let staging = folder(for: output)
        let manager = FileManager.default
        guard manager.fileExists(atPath: staging.path) else { return }
        let trash = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-interrupted")
        if rename(staging.path, trash.path) == 0 { try? manager.removeItem(at: trash) }
        try? manager.removeItem(at: staging)
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
        do {
            try OutputWriter.swap(folder, into: target)
        } catch {
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
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                fail("cannot create \(directory): \(error.localizedDescription)")
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
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
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
