import Foundation
import Glibc
import Testing

@testable import CoursemapServe

/// `serve` closes idle and slow connections and keeps answering when many are open. Loopback only, short
/// timeouts, bounded loops.
@Suite("Preview server: idle and slow connections")
struct ConnectionTimeoutTests {
    /// A server over a one-page site with the given timeouts (milliseconds).
    private func start(idle: Int64, request: Int64) throws -> (Scratch, PreviewServer, Int) {
        let site = try Scratch()
        try site.write("index.html", "<html><body>home</body></html>")
        let server = PreviewServer(
            root: site.url, host: "127.0.0.1", port: 0, heartbeatInterval: .seconds(15),
            timeouts: ConnectionTimeouts(idle: .milliseconds(idle), request: .milliseconds(request)))
        return (site, server, try server.start())
    }

    /// Seconds until the server closes `connection` (its reads time out after 5 s).
    private func secondsUntilClosed(_ connection: RawHTTPConnection, since start: ContinuousClock.Instant) throws -> Double {
        #expect(try connection.isClosedByServer())
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("a connection that sends nothing is closed after the idle timeout")
    func silentConnection() throws {
        let (site, server, port) = try start(idle: 300, request: 2000)
        defer { server.stop() }
        let began = ContinuousClock.now
        let connection = try RawHTTPConnection(port: port)
        let seconds = try secondsUntilClosed(connection, since: began)
        #expect(seconds >= 0.25 && seconds < 2, "\(seconds)")
        withExtendedLifetime(site) {}
    }

    @Test("a kept-alive connection is closed once idle after its response, not before")
    func keptAlive() throws {
        let (site, server, port) = try start(idle: 400, request: 2000)
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: port)
        for _ in 0..<3 {
            // Each request comes well within the idle timeout of the previous response.
            try connection.request("GET", "/index.html")
            #expect(try connection.readResponse().status == 200)
            usleep(150_000)
        }
        let began = ContinuousClock.now
        let seconds = try secondsUntilClosed(connection, since: began)
        #expect(seconds >= 0.2 && seconds < 2, "\(seconds)")
        withExtendedLifetime(site) {}
    }

    @Test("a request trickling in byte by byte is cut off at the request timeout", arguments: [
        "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "a", count: 200),
        "GET /" + String(repeating: "b", count: 200),
        "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n" + String(repeating: "c", count: 200),
    ])
    func slowloris(request: String) throws {
        // Bytes come every 50 ms, far inside the idle timeout: only the request timeout can end this.
        let (site, server, port) = try start(idle: 300, request: 700)
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: port)
        let began = ContinuousClock.now
        var sent = 0
        for byte in request {
            do {
                try connection.send(String(byte))
            } catch {
                break  // The server closed the connection.
            }
            sent += 1
            usleep(50_000)
            if ContinuousClock.now - began > .seconds(3) { break }
        }
        #expect(sent < request.count, "the whole slow request was taken")
        let seconds = try secondsUntilClosed(connection, since: began)
        #expect(seconds >= 0.6 && seconds < 2.5, "\(seconds)")
        withExtendedLifetime(site) {}
    }

    @Test("an open event stream is not cut by the idle or request timeout")
    func eventStreamStays() throws {
        let (site, server, port) = try start(idle: 200, request: 200)
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: port)
        try connection.request("GET", "/__coursemap/events", headers: [("Accept", "text/event-stream")])
        #expect(try connection.readHead().status == 200)
        _ = try connection.read(until: ": coursemap live reload\n\n")
        usleep(800_000)
        server.reload()
        #expect(try connection.read(until: "\n\n").contains("event: reload"))
        withExtendedLifetime(site) {}
    }

    @Test("with 500 idle and 100 half-sent connections open, a request is still answered; all are closed later")
    func manyConnections() throws {
        let (site, server, port) = try start(idle: 1500, request: 1500)
        defer { server.stop() }
        var idle: [RawHTTPConnection] = []
        for _ in 0..<500 { idle.append(try RawHTTPConnection(port: port)) }
        var halfSent: [RawHTTPConnection] = []
        for _ in 0..<100 {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /index.html HTTP/1.1\r\nHost: 127")
            halfSent.append(connection)
        }
        let began = ContinuousClock.now
        let page = try fetch(port: port, "/index.html")
        #expect(page.status == 200 && page.text.contains("home"))
        #expect(ContinuousClock.now - began < .seconds(1))
        // Every one of them is closed by the server, not left to pile up.
        for connection in idle + halfSent { #expect(try connection.isClosedByServer()) }
        #expect(try fetch(port: port, "/index.html").status == 200)
        withExtendedLifetime(site) {}
    }
}
