import NIOCore
import NIOHTTP1

/// How long `serve` waits for a client, so that idle and slow connections cannot pile up (slowloris).
public struct ConnectionTimeouts: Sendable, Equatable {
    /// A connection with no request in progress and no byte received for this long is closed: a new
    /// connection that sends nothing, or a kept-alive one after its last response.
    public var idle: TimeAmount
    /// A request must be received whole (head and any body) within this long of its first byte.
    public var request: TimeAmount

    public init(idle: TimeAmount, request: TimeAmount) {
        self.idle = idle
        self.request = request
    }

    /// 10 s idle, 10 s to send a request (see `docs/serve.md`).
    public static let standard = ConnectionTimeouts(idle: .seconds(10), request: .seconds(10))
}

/// The clock of one connection: whether it waits for a request, is receiving one, or is answering one
/// (a response, or a live-reload event stream, which has no deadline); and the one timer that closes the
/// connection when the wait or the receiving takes too long. Used only on the connection's event loop.
final class ConnectionDeadlines {
    private enum Phase {
        /// Waiting for the next request: the idle deadline runs.
        case idle
        /// Bytes of a request came in: the request deadline runs from the first.
        case receiving
        /// The request is in; answering it has no deadline.
        case answering
    }

    private let timeouts: ConnectionTimeouts
    private var phase = Phase.idle
    private var timer: Scheduled<Void>?

    init(timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
    }

    /// The connection opened, or its last response ended: wait for a request.
    func awaitRequest(on channel: any Channel) {
        phase = .idle
        arm(timeouts.idle, on: channel)
    }

    /// Bytes came in.
    func bytesArrived(on channel: any Channel) {
        guard case .idle = phase else { return }
        phase = .receiving
        arm(timeouts.request, on: channel)
    }

    /// A whole request came in (its `.end`).
    func requestReceived() {
        phase = .answering
        timer?.cancel()
        timer = nil
    }

    /// The connection closed.
    func stop() {
        timer?.cancel()
        timer = nil
    }

    private func arm(_ amount: TimeAmount, on channel: any Channel) {
        timer?.cancel()
        timer = channel.eventLoop.assumeIsolated().scheduleTask(in: amount) {
            channel.close(promise: nil)
        }
    }
}

/// First in the pipeline: sees every byte a client sends, before the HTTP decoder.
final class RequestBytesWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let deadlines: ConnectionDeadlines

    init(deadlines: ConnectionDeadlines) {
        self.deadlines = deadlines
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadlines.awaitRequest(on: context.channel) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadlines.awaitRequest(on: context.channel)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if unwrapInboundIn(data).readableBytes > 0 { deadlines.bytesArrived(on: context.channel) }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.stop()
        context.fireChannelInactive()
    }
}

/// After the HTTP decoder: sees when a request is complete and when its response ends.
final class RequestPhaseWatcher: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let deadlines: ConnectionDeadlines

    init(deadlines: ConnectionDeadlines) {
        self.deadlines = deadlines
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) { deadlines.requestReceived() }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { deadlines.awaitRequest(on: context.channel) }
        context.write(data, promise: promise)
    }
}
