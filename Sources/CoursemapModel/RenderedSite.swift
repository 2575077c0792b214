/// The portal as files in memory, keyed by their path relative to the output root (`/`-separated):
/// what a `SiteCollector` gathers (`check`, tests). `build` streams pages to disk instead.
public struct RenderedSite: Hashable, Sendable {
    public private(set) var files: [String: [UInt8]] = [:]
    /// Files copied unchanged from the content folder: output path → content-relative source path. The
    /// write stage reads them, so rendering stays free of I/O.
    public private(set) var copies: [String: String] = [:]

    public init() {}

    public mutating func add(_ path: String, _ bytes: [UInt8]) { files[path] = bytes }
    public mutating func add(_ path: String, text: String) { files[path] = Array(text.utf8) }
    public mutating func copy(_ contentPath: String, to path: String) { copies[path] = contentPath }

    /// Paths in a stable order.
    public var paths: [String] { files.keys.sorted() }
    /// Every output path, generated or copied.
    public var allPaths: [String] { Set(files.keys).union(copies.keys).sorted() }
    /// HTML pages only.
    public var pageCount: Int { files.keys.count { $0.hasSuffix(".html") } }
}
