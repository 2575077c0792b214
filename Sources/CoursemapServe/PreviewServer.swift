import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP server of `coursemap serve`: serves the built site from `root` with live reload.
///
/// Files are read afresh on every request (a build replaces them by renaming), with `Cache-Control:
/// no-store`. Every HTML response loads `/__coursemap/live.js`, which listens on the Server-Sent Events
/// stream `/__coursemap/events`: `reload()` makes every open page reload, `showErrors(_:)` shows the
/// diagnostics of a failed build over the page. See `docs/serve.md`.
///
/// Call `start()` once and `stop()` when done, neither from one of the server's own threads.
public final class PreviewServer: Sendable {
    /// The folder served. It may not exist yet; until it does, every page is a 404 that reloads itself.
    public let root: URL
    /// The address to listen on; `127.0.0.1` by default, so the preview is not visible on the network.
    public let host: String
    /// The port asked for; 0 picks a free one (see `start()`'s result).
    public let port: Int

    private let site: SiteDirectory
    private let hub = LiveReloadHub()
    private let heartbeatInterval: TimeAmount
    /// When idle and slow connections are closed.
    let timeouts: ConnectionTimeouts
    private let state = Locked(State.idle)

    private enum State {
        case idle
        case running(Running)
        case stopped
    }

    /// What a running server owns and `stop()` releases.
    private struct Running {
        let group: MultiThreadedEventLoopGroup
        let threadPool: NIOThreadPool
        let channel: any Channel
    }

    /// A server for the site in `root`, to listen on `host`:`port` once started.
    public convenience init(root: URL, host: String = "127.0.0.1", port: Int) {
        self.init(root: root, host: host, port: port, heartbeatInterval: .seconds(15), timeouts: .standard)
    }

    /// `heartbeatInterval`: how often an idle event stream gets a comment line, so that the connections
    /// of closed pages are noticed and dropped. `timeouts`: when idle and slow connections are closed.
    init(root: URL, host: String, port: Int, heartbeatInterval: TimeAmount, timeouts: ConnectionTimeouts = .standard) {
        self.root = root
        self.host = host
        self.port = port
        self.site = SiteDirectory(root: root)
        self.heartbeatInterval = heartbeatInterval
        self.timeouts = timeouts
    }

    deinit {
        stop()
    }

    /// Starts listening and returns the port it listens on.
    ///
    /// - Throws: `PreviewServerError.portInUse` when another program has the port,
    ///   `.cannotListen` for any other failure, `.alreadyStarted` on a second call.
    @discardableResult
    public func start() throws(PreviewServerError) -> Int {
        try state.withLock { (state) throws(PreviewServerError) -> Int in
            guard case .idle = state else { throw .alreadyStarted }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let threadPool = NIOThreadPool(numberOfThreads: 2)
            threadPool.start()
            let site = self.site, hub = self.hub, heartbeatInterval = self.heartbeatInterval, timeouts = self.timeouts
            let bootstrap = ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let deadlines = ConnectionDeadlines(timeouts: timeouts)
                        try channel.pipeline.syncOperations.addHandler(RequestBytesWatcher(deadlines: deadlines))
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(RequestPhaseWatcher(deadlines: deadlines))
                        try channel.pipeline.syncOperations.addHandler(
                            PreviewRequestHandler(
                                site: site, hub: hub, threadPool: threadPool, heartbeatInterval: heartbeatInterval))
                    }
                }
            do {
                let channel = try bootstrap.bind(host: host, port: port).wait()
                guard let boundPort = channel.localAddress?.port else {
                    channel.close(promise: nil)
                    throw PreviewServerError.cannotListen(host: host, port: port, reason: "no local address")
                }
                state = .running(Running(group: group, threadPool: threadPool, channel: channel))
                return boundPort
            } catch {
                try? threadPool.syncShutdownGracefully()
                try? group.syncShutdownGracefully()
                throw PreviewServerError(binding: error, host: host, port: port)
            }
        }
    }

    /// Stops listening, closes every connection and releases the server's threads. Later calls do nothing.
    public func stop() {
        let running = state.withLock { state -> Running? in
            defer { state = .stopped }
            guard case .running(let running) = state else { return nil }
            return running
        }
        guard let running else { return }
        hub.closeAll()
        try? running.channel.close().wait()
        // The pool first: its last results still find their event loop running, and close their files.
        try? running.threadPool.syncShutdownGracefully()
        try? running.group.syncShutdownGracefully()
    }

    /// Makes open pages reload after a successful build: every page when `paths` is `nil`, otherwise the
    /// pages whose file is among `paths` (site paths, such as `courses/c1/m1.html`), or every page when
    /// a theme asset (`assets/…`) is.
    public func reload(paths: [String]? = nil) {
        hub.broadcast(LiveReloadHub.reloadEvent(paths))
    }

    /// Shows `lines` (a failed build's diagnostics, one per line) over every open page, and on every page
    /// opened later; an empty list removes the overlay.
    public func showErrors(_ lines: [String]) {
        hub.setErrors(lines)
    }

    /// The number of pages listening for live-reload events.
    var liveReloadClientCount: Int {
        hub.clientCount
    }
}

/// Why the preview server could not start.
public enum PreviewServerError: Error, Equatable, CustomStringConvertible {
    /// Another program listens on the port.
    case portInUse(host: String, port: Int)
    /// Listening failed for another reason: an unknown host, no permission for the port …
    case cannotListen(host: String, port: Int, reason: String)
    /// `start()` was called on a server that had been started before.
    case alreadyStarted

    init(binding error: any Error, host: String, port: Int) {
        if let error = error as? PreviewServerError {
            self = error
        } else if let error = error as? IOError, error.errnoCode == EADDRINUSE {
            self = .portInUse(host: host, port: port)
        } else {
            self = .cannotListen(host: host, port: port, reason: "\(error)")
        }
    }

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use; stop the program using it or choose another port"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted:
            "the preview server was already started; a server starts once"
        }
    }
}
