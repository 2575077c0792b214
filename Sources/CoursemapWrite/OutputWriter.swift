import CFileSwap
import CoursemapModel
import Foundation

/// Stage 5 — write: puts a rendered site on disk so that the output directory always holds one complete
/// build. Files go to a staging directory beside the output; only when every file is written does the
/// staging directory take the output's place (an atomic `renameat2` exchange where the kernel offers it).
/// A failed write leaves the previous output untouched.
///
/// The writer only ever replaces a directory it created itself, recognised by its marker file.
public enum OutputWriter {
    /// The file that marks a directory as Coursemap's output.
    public static let markerName = ".coursemap-output"
    public static let markerText = "This directory is Coursemap build output. `coursemap build` replaces it as a whole.\n"

    /// Refuses destinations that would destroy something that is not a previous build: the content folder,
    /// a folder holding it or inside it, `/`, the home folder, or a non-empty folder without the marker.
    /// Both paths are resolved link by link first (see `ResolvedPath`), so a symbolic link anywhere in
    /// `--output`, even in the part that does not exist yet, cannot lead the build into the content.
    public static func checkDestination(output: URL, content: URL) throws(WriteError) {
        let out = try ResolvedPath.resolve(output.path)
        let source = try ResolvedPath.resolve(content.path)
        let home = canonical(FileManager.default.homeDirectoryForCurrentUser)
        if out == "/" || out == home {
            throw .refused("refusing to write the site to \(out): choose a dedicated output folder such as ./Site")
        }
        if out == source {
            throw .refused("the output folder \(out) is the content folder; choose another --output")
        }
        if source.hasPrefix(out + "/") {
            throw .refused("the output folder \(out) contains the content folder \(source); choose another --output")
        }
        if out.hasPrefix(source + "/") {
            throw .refused("the output folder \(out) is inside the content folder \(source); choose a folder outside it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw .refused("\(out) exists and is not a folder; choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty && !entries.contains(markerName) {
            throw .refused(
                "\(out) is not empty and was not made by Coursemap (no \(markerName) file); "
                    + "refusing to replace it. Choose an empty or new folder, or remove it yourself")
        }
    }

    /// Writes an in-memory `site` to `output`, replacing a previous build as a whole. Returns the number of
    /// files. `beforeSwap` runs on the complete staged site (e.g. to build a search index); throwing aborts
    /// the write. (`coursemap build` streams pages into a `StagedOutput` instead.)
    @discardableResult
    public static func write(
        _ site: RenderedSite, to output: URL, content: URL, beforeSwap: ((URL) throws -> Void)? = nil
    ) throws(WriteError) -> Int {
        let staged = try StagedOutput(output: output, content: content)
        for path in site.paths { staged.write(path, site.files[path] ?? []) }
        for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) { staged.copy(source, to: path) }
        return try staged.commit(beforeSwap: beforeSwap)
    }

    /// Moves `staging` to `target`. An existing `target` is exchanged atomically where possible, otherwise
    /// moved aside first; either way it is deleted once the new build is in place.
    static func swap(_ staging: URL, into target: URL) throws(WriteError) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else { throw .io("cannot move the new site into place: \(errnoText())") }
            return
        }
        if coursemap_exchange_paths(staging.path, target.path) == 0 {
            try? manager.removeItem(at: staging)  // now holds the previous build
            return
        }
        let aside = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).previous-\(ProcessTag.current)")
        try? manager.removeItem(at: aside)
        guard rename(target.path, aside.path) == 0 else { throw .io("cannot move the previous site aside: \(errnoText())") }
        guard rename(staging.path, target.path) == 0 else {
            let reason = errnoText()
            _ = rename(aside.path, target.path)
            throw .io("cannot move the new site into place: \(reason)")
        }
        try? manager.removeItem(at: aside)
    }

    /// An absolute path with every symbolic link followed, also in the part that does not exist yet, and
    /// `..` applied after them (see `ResolvedPath`). A path caught in a link loop is returned as given
    /// (`checkDestination` refuses it before anything is written).
    public static func canonical(_ url: URL) -> String {
        (try? ResolvedPath.resolve(url.path)) ?? url.path
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Why the output could not be written.
public enum WriteError: Error, Equatable, CustomStringConvertible {
    /// The destination is not one Coursemap may replace.
    case refused(String)
    /// The file system failed (permissions, full disk …).
    case io(String)

    public var description: String {
        switch self {
        case let .refused(message), let .io(message): return message
        }
    }
}
