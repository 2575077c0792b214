import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers the requests of one connection: files from the site folder, the live-reload script and the
/// live-reload event stream. One instance per connection, used only on its event loop; file system work
/// runs on the server's thread pool.
final class PreviewRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bytes read from disk per write while sending a file; the next read waits for the previous write,
    /// so a slow client holds at most this much in memory.
    static let chunkSize = 256 * 1024

    private let site: SiteDirectory
    private let hub: LiveReloadHub
    private let threadPool: NIOThreadPool
    private let heartbeatInterval: TimeAmount

    /// The head of the request being read; answered at its `.end`.
    private var requestHead: HTTPRequestHead?
    /// The heartbeat of this connection's event stream, while it is one.
    private var heartbeat: RepeatedTask?

    init(site: SiteDirectory, hub: LiveReloadHub, threadPool: NIOThreadPool, heartbeatInterval: TimeAmount) {
        self.site = site
        self.hub = hub
        self.threadPool = threadPool
        self.heartbeatInterval = heartbeatInterval
    }

    // MARK: Channel events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
        case .body:
            break  // Request bodies are not used; GET and HEAD have none.
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            handle(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        endEventStream(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        endEventStream(context.channel)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset connection, a failed write: nothing more can be sent on this connection.
        context.close(promise: nil)
    }

    // MARK: Routing

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard head.method == .GET || head.method == .HEAD else {
            respondWithText(.methodNotAllowed, extraHeaders: [("Allow", "GET, HEAD")], request: head, context: context)
            return
        }
        let target: RequestTarget
        do {
            target = try RequestTarget(head.uri)
        } catch .forbidden {
            respondWithText(.forbidden, request: head, context: context)
            return
        } catch {
            respondWithText(.badRequest, request: head, context: context)
            return
        }

        if target.segments.first == "__coursemap" {
            switch (target.path, target.hasTrailingSlash) {
            case (LiveReload.scriptPath, false):
                respond(
                    .ok, contentType: ContentTypes.forPath(LiveReload.scriptPath), body: Array(LiveReload.script.utf8),
                    request: head, context: context)
            case (LiveReload.eventsPath, false):
                startEventStream(head, context: context)
            default:
                respondWithText(.notFound, request: head, context: context)
            }
            return
        }
        serveFromSite(target, request: head, context: context)
    }

    // MARK: Files

    /// What a lookup in the site folder turned into, ready to send.
    private enum SiteResponse: Sendable {
        /// An HTML page, read and with the live-reload script injected.
        case page(HTTPResponseStatus, [UInt8])
        /// Any other file, sent in chunks (with range support).
        case file(OpenFile, contentType: String)
        case redirectToDirectory
        case forbidden
    }

    private func serveFromSite(_ target: RequestTarget, request head: HTTPRequestHead, context: ChannelHandlerContext) {
        let site = self.site
        let allocator = context.channel.allocator
        threadPool.runIfActive(eventLoop: context.eventLoop) { () throws -> SiteResponse in
            switch site.lookup(target) {
            case .file(let file, let path):
                let contentType = ContentTypes.forPath(path)
                guard ContentTypes.isHTML(contentType) else { return .file(file, contentType: contentType) }
                defer { file.close() }
                return .page(.ok, LiveReload.inject(into: try file.readAll(allocator: allocator)))
            case .directory:
                return .redirectToDirectory
            case .forbidden:
                return .forbidden
            case .notFound:
                guard let page = site.notFoundPage() else {
                    return .page(.notFound, LiveReload.inject(into: Self.fallbackNotFoundPage(for: target.path)))
                }
                defer { page.close() }
                return .page(.notFound, LiveReload.inject(into: try page.readAll(allocator: allocator)))
            }
        }.assumeIsolated().whenComplete { result in
            switch result {
            case .success(.page(let status, let body)):
                self.respond(status, contentType: ContentTypes.html, body: body, request: head, context: context)
            case .success(.file(let file, let contentType)):
                self.sendFile(file, contentType: contentType, request: head, context: context)
            case .success(.redirectToDirectory):
                var location = target.encodedPath + "/"
                if let query = target.query, !query.isEmpty, query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                    location += "?" + query
                }
                self.respondWithText(
                    .movedPermanently, extraHeaders: [("Location", location)], request: head, context: context)
            case .success(.forbidden):
                self.respondWithText(.forbidden, request: head, context: context)
            case .failure:
                self.respondWithText(.internalServerError, request: head, context: context)
            }
        }
    }

    private func sendFile(
        _ file: OpenFile, contentType: String, request head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else {
            file.close()  // The client left while the file was being looked up.
            return
        }
        // `If-Range` asks for a range only if the file is unchanged; without validators to compare, send it whole.
        let range =
            head.headers.contains(name: "If-Range")
            ? ByteRange.whole : ByteRange(header: head.headers.first(name: "Range"), size: file.size)
        var headers = baseHeaders(contentType: contentType, request: head)
        headers.add(name: "Accept-Ranges", value: "bytes")

        let status: HTTPResponseStatus
        let span: Range<Int>
        switch range {
        case .whole:
            status = .ok
            span = 0..<file.size
        case .partial(let bytes):
            status = .partialContent
            span = bytes.lowerBound..<(bytes.upperBound + 1)
            headers.add(name: "Content-Range", value: "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(file.size)")
        case .unsatisfiable:
            file.close()
            respondWithText(
                .rangeNotSatisfiable, extraHeaders: [("Content-Range", "bytes */\(file.size)")], request: head,
                context: context)
            return
        }
        headers.add(name: "Content-Length", value: String(span.count))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        guard head.method != .HEAD, !span.isEmpty else {
            file.close()
            finishResponse(request: head, context: context)
            return
        }
        streamFile(file, span: span, request: head, context: context)
    }

    /// Sends `span` of `file` one chunk at a time: read on the thread pool, write, and read the next chunk
    /// only once the write went out. Closes the file when done or when the connection fails.
    private func streamFile(_ file: OpenFile, span: Range<Int>, request head: HTTPRequestHead, context: ChannelHandlerContext) {
        let count = min(Self.chunkSize, span.count)
        let allocator = context.channel.allocator
        threadPool.runIfActive(eventLoop: context.eventLoop) {
            try file.read(offset: span.lowerBound, count: count, allocator: allocator)
        }.assumeIsolated().whenComplete { result in
            guard case .success(let chunk) = result, chunk.readableBytes > 0 else {
                // A read error, or the file shrank under us: the promised length cannot be sent.
                file.close()
                context.close(promise: nil)
                return
            }
            let rest = (span.lowerBound + chunk.readableBytes)..<span.upperBound
            context.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(chunk)))).assumeIsolated().whenComplete { written in
                guard case .success = written else {
                    // The client went away mid-response.
                    file.close()
                    context.close(promise: nil)
                    return
                }
                if rest.isEmpty {
                    file.close()
                    self.finishResponse(request: head, context: context)
                } else {
                    self.streamFile(file, span: rest, request: head, context: context)
                }
            }
        }
    }

    // MARK: Live reload

    private func startEventStream(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let channel = context.channel
        guard head.method == .GET else {
            respond(.ok, contentType: "text/event-stream", body: [], request: head, context: context)
            return
        }
        guard heartbeat == nil, let errors = hub.connect(channel) else {
            respondWithText(.serviceUnavailable, request: head, context: context)
            return
        }
        let headers = HTTPHeaders([
            ("Content-Type", "text/event-stream"),
            ("Cache-Control", "no-cache, no-store"),
            ("Connection", "keep-alive"),
            ("X-Content-Type-Options", "nosniff"),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
        var opening = ServerSentEvent.streamPreamble
        if !errors.isEmpty {
            opening += LiveReloadHub.errorsEvent(errors).encoded
        }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: opening)))), promise: nil)
        heartbeat = context.eventLoop.scheduleRepeatedTask(initialDelay: heartbeatInterval, delay: heartbeatInterval) { _ in
            LiveReloadHub.send(ServerSentEvent.heartbeat, to: channel)
        }
    }

    private func endEventStream(_ channel: any Channel) {
        guard let heartbeat else { return }
        heartbeat.cancel()
        self.heartbeat = nil
        hub.disconnect(channel)
    }

    // MARK: Writing responses

    private func baseHeaders(contentType: String, request head: HTTPRequestHead) -> HTTPHeaders {
        HTTPHeaders([
            ("Content-Type", contentType),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Connection", head.isKeepAlive ? "keep-alive" : "close"),
        ])
    }

    /// Sends a complete response with `body` (omitted for HEAD, its length still announced).
    private func respond(
        _ status: HTTPResponseStatus, contentType: String, body: [UInt8], extraHeaders: [(String, String)] = [],
        request head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        var headers = baseHeaders(contentType: contentType, request: head)
        headers.add(contentsOf: extraHeaders)
        headers.add(name: "Content-Length", value: String(body.count))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD && !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        finishResponse(request: head, context: context)
    }

    /// A short plain-text response: `404 Not Found` and the like.
    private func respondWithText(
        _ status: HTTPResponseStatus, extraHeaders: [(String, String)] = [], request head: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        let body = status == .rangeNotSatisfiable ? [] : Array("\(status.code) \(status.reasonPhrase)\n".utf8)
        respond(status, contentType: ContentTypes.plainText, body: body, extraHeaders: extraHeaders, request: head, context: context)
    }

    /// Ends the response, and the connection unless the client keeps it alive.
    private func finishResponse(request head: HTTPRequestHead, context: ChannelHandlerContext) {
        let keepAlive = head.isKeepAlive
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if !keepAlive {
                context.close(promise: nil)
            }
        }
    }

    /// The 404 page of a site without `404.html` (or before its first build): HTML, so the live-reload
    /// script can load the page again once the site exists.
    static func fallbackNotFoundPage(for path: String) -> [UInt8] {
        Array(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
            <body><h1>404 Not Found</h1><p>Nothing is built at <code>\(escapeHTML(path))</code>.</p></body></html>

            """.utf8)
    }

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
