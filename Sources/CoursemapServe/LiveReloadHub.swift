import Foundation
import NIOCore
import NIOHTTP1

/// The browsers connected to `/__coursemap/events`, and the diagnostics they should show.
///
/// Events are written to the clients from one serial queue, in the order `reload()` and `showErrors(_:)`
/// were called, so every client ends up showing the latest error state. A client that connects receives
/// the current errors straight away (see `connect(_:)`).
final class LiveReloadHub: Sendable {
    private struct State {
        var clients: [ObjectIdentifier: any Channel] = [:]
        var errors: [String] = []
        var isClosed = false
    }

    private let state = Locked(State())
    private let queue = DispatchQueue(label: "coursemap.serve.live-reload")

    /// The number of connected clients.
    var clientCount: Int {
        state.withLock { $0.clients.count }
    }

    /// Registers `channel` and returns the error lines it should show now (possibly none); `nil` when the
    /// server is shutting down and the client should be turned away.
    func connect(_ channel: any Channel) -> [String]? {
        state.withLock { state in
            guard !state.isClosed else { return nil }
            state.clients[ObjectIdentifier(channel)] = channel
            return state.errors
        }
    }

    /// Forgets `channel` (it closed).
    func disconnect(_ channel: any Channel) {
        _ = state.withLock { $0.clients.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Sends `event` to every connected client.
    func broadcast(_ event: ServerSentEvent) {
        state.withLock { state in
            enqueue(event, to: Array(state.clients.values))
        }
    }

    /// Stores `lines` as the current errors and sends them to every client as an `errors` event.
    func setErrors(_ lines: [String]) {
        let event = Self.errorsEvent(lines)
        state.withLock { state in
            state.errors = lines
            enqueue(event, to: Array(state.clients.values))
        }
    }

    /// Closes every client stream and turns new ones away.
    func closeAll() {
        let clients = state.withLock { state in
            state.isClosed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for channel in clients {
            channel.close(promise: nil)
        }
    }

    /// The `errors` event for `lines`: a JSON array of strings on one `data:` line.
    static func errorsEvent(_ lines: [String]) -> ServerSentEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = (try? encoder.encode(lines)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        return ServerSentEvent(name: "errors", data: json)
    }

    /// The `reload` event: every open page reloads when `paths` is `nil`; otherwise the data is a JSON array
    /// of the site paths that changed, and a page reloads when its own file or a theme asset is among them.
    static func reloadEvent(_ paths: [String]?) -> ServerSentEvent {
        guard let paths else { return ServerSentEvent(name: "reload", data: "reload") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = (try? encoder.encode(paths)).flatMap { String(data: $0, encoding: .utf8) } ?? "reload"
        return ServerSentEvent(name: "reload", data: json)
    }

    /// Writes `text` to one client stream. A failed write means the client is gone: close its channel.
    static func send(_ text: String, to channel: any Channel) {
        let buffer = channel.allocator.buffer(string: text)
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer))).whenFailure { _ in
            channel.close(promise: nil)
        }
    }

    /// Called with the lock held, so the queue receives events in the order they happened; the writes
    /// themselves run on the queue, without the lock.
    private func enqueue(_ event: ServerSentEvent, to clients: [any Channel]) {
        guard !clients.isEmpty else { return }
        let text = event.encoded
        queue.async {
            for channel in clients {
                Self.send(text, to: channel)
            }
        }
    }
}
