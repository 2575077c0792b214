/// The portal as files in memory, keyed by their path relative to the output root (`/`-separated).
/// The render stage produces it; the write stage puts it on disk.
public struct RenderedSite: Hashable, Sendable {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public mutating func add(_ path: String, _ bytes: [UInt8]) { files[path] = bytes }
    public mutating func add(_ path: String, text: String) { files[path] = Array(text.utf8) }

    /// Paths in a stable order.
    public var paths: [String] { files.keys.sorted() }
    /// HTML pages only.
    public var pageCount: Int { files.keys.count { $0.hasSuffix(".html") } }
}
