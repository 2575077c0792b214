import Foundation
import Glibc

/// A fresh temporary folder per test, removed afterwards.
final class Scratch: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` at `relativePath`, creating folders on the way; returns the file's URL.
    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Array(text.utf8))
    }

    /// The standardised absolute path of `relativePath`, as the watcher reports it.
    func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).standardizedFileURL.path
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A parsed HTTP response.
struct HTTPResponse {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(header name: String) -> String? { headers[name.lowercased()] }
}

/// A minimal HTTP/1.1 client over a plain socket, so the tests see exactly what the server sends. Every
/// read gives up after `timeout`.
final class RawHTTPConnection {
    private let fd: Int32
    private var received: [UInt8] = []

    init(port: Int, timeout: TimeInterval = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw TestFailure("connect to port \(port) failed: errno \(errno)")
        }
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestFailure("send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Sends a request; `headers` are added to `Host`.
    func request(_ method: String, _ path: String, headers: [(String, String)] = []) throws {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try send(text + "\r\n")
    }

    /// Reads more bytes; false at the end of the stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw TestFailure("recv failed or timed out: errno \(errno)") }
        if count == 0 { return false }
        received += chunk[..<count]
        return true
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while received.count < count {
            guard try fill() else { throw TestFailure("connection closed early") }
        }
        defer { received.removeFirst(count) }
        return Array(received[..<count])
    }

    private func line() throws -> String {
        while true {
            if let end = received.firstIndex(of: UInt8(ascii: "\n")) {
                let bytes = try take(end + 1)
                return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
            }
            guard try fill() else { throw TestFailure("connection closed early") }
        }
    }

    /// Reads a response's status line and headers.
    func readHead() throws -> (status: Int, headers: [String: String]) {
        let statusLine = try line()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestFailure("bad status line \(statusLine)") }
        var headers: [String: String] = [:]
        while true {
            let header = try line()
            if header.isEmpty { break }
            guard let colon = header.firstIndex(of: ":") else { throw TestFailure("bad header \(header)") }
            headers[header[..<colon].lowercased()] = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// Reads a complete response; `hasBody` false for HEAD.
    func readResponse(hasBody: Bool = true) throws -> HTTPResponse {
        let (status, headers) = try readHead()
        var body: [UInt8] = []
        if hasBody {
            if let length = headers["content-length"].flatMap({ Int($0) }) {
                body = try take(length)
            } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
                while true {
                    let size = Int(try line(), radix: 16) ?? 0
                    if size == 0 {
                        _ = try line()
                        break
                    }
                    body += try take(size)
                    _ = try line()
                }
            }
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// Reads until the bytes received contain `needle`; returns everything read so far and consumes it.
    func read(until needle: String) throws -> String {
        let pattern = Array(needle.utf8)
        while true {
            if let range = firstRange(of: pattern) {
                return String(decoding: try take(range.upperBound), as: UTF8.self)
            }
            guard try fill() else { throw TestFailure("connection closed before \(needle)") }
        }
    }

    private func firstRange(of pattern: [UInt8]) -> Range<Int>? {
        guard received.count >= pattern.count else { return nil }
        for start in 0...(received.count - pattern.count) where received[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start..<(start + pattern.count)
        }
        return nil
    }

    /// True when the server has closed the connection (after any buffered bytes).
    func isClosedByServer() throws -> Bool {
        try !fill()
    }
}

/// One request on a new connection.
func fetch(
    port: Int, _ path: String, method: String = "GET", headers: [(String, String)] = []
) throws -> HTTPResponse {
    let connection = try RawHTTPConnection(port: port)
    try connection.request(method, path, headers: headers + [("Connection", "close")])
    return try connection.readResponse(hasBody: method != "HEAD")
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(5), _ condition: () throws -> Bool) rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return try condition()
}

/// A thread-safe record of values, for callbacks.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
