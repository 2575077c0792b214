import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a build writes into, looked up afresh on every request: a build swaps the whole folder (or
/// single files) in by renaming, so nothing about it is cached, not even its real path.
struct SiteDirectory: Sendable {
    /// The folder as given; it may not exist yet (before the first successful build).
    let root: String

    /// What a request path names in the site.
    enum Lookup: Sendable {
        /// A regular file, open for reading.
        case file(OpenFile, path: String)
        /// A directory requested without its trailing slash; redirect to this path.
        case directory
        /// Nothing (or nothing servable: no listing of directories without `index.html`).
        case notFound
        /// Resolves outside the root (through a symbolic link) or is not readable.
        case forbidden
    }

    init(root: URL) {
        self.root = root.standardizedFileURL.path
    }

    /// Finds what `target` names. Blocking: call it off the event loop.
    func lookup(_ target: RequestTarget) -> Lookup {
        guard let realRoot = Self.realPath(root) else { return .notFound }
        let candidate = ([realRoot] + target.segments).joined(separator: "/")
        var info = stat()
        guard stat(candidate, &info) == 0 else {
            return errno == EACCES ? .forbidden : .notFound
        }
        guard let real = Self.realPath(candidate), Self.isInside(real, root: realRoot) else { return .forbidden }

        var filePath = real
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard target.hasTrailingSlash || target.segments.isEmpty else { return .directory }
            let index = real == "/" ? "/index.html" : real + "/index.html"
            guard let realIndex = Self.realPath(index) else { return .notFound }
            guard Self.isInside(realIndex, root: realRoot) else { return .forbidden }
            filePath = realIndex
        } else if target.hasTrailingSlash {
            return .notFound
        }
        guard let file = OpenFile.open(regularFileAt: filePath) else { return .notFound }
        return .file(file, path: filePath)
    }

    /// The site's `404.html`, if it has one.
    func notFoundPage() -> OpenFile? {
        guard let realRoot = Self.realPath(root), let page = Self.realPath(realRoot + "/404.html"),
            Self.isInside(page, root: realRoot)
        else { return nil }
        return OpenFile.open(regularFileAt: page)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// `realpath(3)`: the absolute path with every symbolic link, `.` and `..` resolved; `nil` if it does
    /// not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
