import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Resolves a path the way the kernel will when it is written to: every symbolic link is followed,
/// component by component, including links in the part of the path that does not exist yet and links
/// that point nowhere (a dangling `Site → Content/new` resolves to `Content/new`, where `mkdir` would
/// create it). `..` is applied to the resolved folder, as the kernel does, never lexically before links are
/// followed. Used by the output guard, so that `--output here/Content/x` with `here → .` is seen to be
/// inside the content.
enum ResolvedPath {
    /// At most this many links are followed in one path (the kernel's own limit is 40).
    static let linkLimit = 40

    /// The absolute, link-free path for `path` (relative paths start at the working directory).
    /// - Throws: `WriteError.refused` for a link loop or a chain longer than `linkLimit`.
    static func resolve(_ path: String) throws(WriteError) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = FileManager.default.currentDirectoryPath + "/" + absolute
        }
        // Components still to walk, the next one last.
        var pending = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed() as [String]
        var resolved: [String] = []
        var links = 0
        var exists = true
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            guard exists else {
                resolved.append(part)
                continue
            }
            var status = stat()
            guard lstat(candidate, &status) == 0 else {
                // Nothing here: no later component can be a link.
                exists = false
                resolved.append(part)
                continue
            }
            guard (status.st_mode & S_IFMT) == S_IFLNK else {
                resolved.append(part)
                continue
            }
            links += 1
            guard links <= linkLimit, let target = readLink(candidate) else {
                throw .refused("\(path) goes through a loop of symbolic links (or more than \(linkLimit)); choose another --output")
            }
            if target.hasPrefix("/") { resolved = [] }
            pending.append(contentsOf: target.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
        }
        return "/" + resolved.joined(separator: "/")
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
