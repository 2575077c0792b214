/// Where the render stage puts the portal's files as it makes them: collected in memory (`SiteCollector`,
/// for `check` and tests) or written straight to a staging folder (the write stage's `StagedOutput`), so
/// a large site never has to be held in memory whole. Called from several render threads at once.
public protocol SiteSink: Sendable {
    /// A generated file, by its `/`-separated path relative to the output root.
    func write(_ path: String, _ bytes: [UInt8])
    /// A generated file that `parts` makes piece by piece, handing each piece to `emit` in order: a page of
    /// many megabytes (a coverage report of a large program) never has to be held whole. The pieces are
    /// only valid during `emit`. `parts` returns `false` when it gave up part way (the render was told to
    /// stop); the sink then keeps nothing of the file. By default the pieces are joined and passed to
    /// `write(_:_:)`.
    func write(_ path: String, parts: (_ emit: ([UInt8]) -> Void) -> Bool)
    /// One file made piece by piece, as `write(_:parts:)`, and written with the same bytes at each of
    /// `paths` (a data file that both language subtrees have), so it is made once. By default the pieces
    /// are joined and passed to `write(_:_:)` for each path.
    func write(_ paths: [String], parts: (_ emit: ([UInt8]) -> Void) -> Bool)
    /// A file copied unchanged from the content folder (content-relative `source`).
    func copy(_ source: String, to path: String)
}

extension SiteSink {
    public func write(_ path: String, parts: (_ emit: ([UInt8]) -> Void) -> Bool) {
        var bytes: [UInt8] = []
        if parts({ bytes.append(contentsOf: $0) }) { write(path, bytes) }
    }

    public func write(_ paths: [String], parts: (_ emit: ([UInt8]) -> Void) -> Bool) {
        if paths.count == 1 { return write(paths[0], parts: parts) }
        var bytes: [UInt8] = []
        guard parts({ bytes.append(contentsOf: $0) }) else { return }
        for path in paths { write(path, bytes) }
    }
}

/// A sink that keeps every file in memory, as a `RenderedSite`.
public final class SiteCollector: SiteSink {
    private let collected = Locked(RenderedSite())

    public init() {}

    public func write(_ path: String, _ bytes: [UInt8]) { collected.withLock { $0.add(path, bytes) } }
    public func copy(_ source: String, to path: String) { collected.withLock { $0.copy(source, to: path) } }

    /// Everything written so far.
    public var site: RenderedSite { collected.withLock { $0 } }
}
