/// One message on a Server-Sent Events stream, in the `text/event-stream` wire format.
struct ServerSentEvent: Sendable, Equatable {
    /// The event type (`event:`); the browser dispatches it to listeners of that name.
    var name: String
    /// The payload (`data:`). Browsers drop events whose data is empty, so every event carries some.
    var data: String

    /// The wire format: `event:`, one `data:` line per line of `data`, and the blank line that ends it.
    var encoded: String {
        var text = "event: \(name)\n"
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }

    /// Sent first on every new stream: the reconnection delay the browser should use (1 s) and a comment,
    /// so the browser sees the stream open at once.
    static let streamPreamble = "retry: 1000\n: coursemap live reload\n\n"

    /// A comment line: ignored by browsers, but a write that fails tells the server the client is gone.
    static let heartbeat = ": heartbeat\n\n"
}
