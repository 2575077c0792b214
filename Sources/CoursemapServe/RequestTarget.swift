import Foundation

/// The path part of a request target, percent-decoded and split into segments, with everything that could
/// leave the served folder refused up front.
struct RequestTarget: Equatable, Sendable {
    /// The decoded path segments, without empty and `.` segments: `/a/中文/` → `["a", "中文"]`.
    var segments: [String]
    /// Whether the path ends with `/` (a directory request).
    var hasTrailingSlash: Bool
    /// The query string without `?`, if any.
    var query: String?

    enum Failure: Error, Equatable {
        /// Not an origin-form path, bad percent-encoding, or not UTF-8.
        case malformed
        /// A `..` segment, a NUL byte or a backslash: an attempt to leave the served folder.
        case forbidden
    }

    /// The decoded path, `/` + segments (+ `/`).
    var path: String {
        "/" + segments.joined(separator: "/") + (hasTrailingSlash && !segments.isEmpty ? "/" : "")
    }

    /// The path with every segment percent-encoded again, for a `Location` header.
    var encodedPath: String {
        "/" + segments.map(Self.percentEncoded).joined(separator: "/") + (hasTrailingSlash && !segments.isEmpty ? "/" : "")
    }

    /// Parses a request target such as `/a/%E4%B8%AD%E6%96%87.html?x=1`. Absolute-form targets
    /// (`http://host/path`) are accepted and reduced to their path.
    init(_ uri: String) throws(Failure) {
        var rest = Substring(uri)
        for scheme in ["http://", "https://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        } else {
            query = nil
        }
        guard rest.first == "/" else { throw .malformed }

        var segments: [String] = []
        for raw in rest.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = Self.percentDecoded(raw) else { throw .malformed }
            if segment.contains("\0") || segment.contains("\\") || segment.contains("/") { throw .forbidden }
            switch segment {
            case ".": continue
            case "..": throw .forbidden
            default: segments.append(segment)
            }
        }
        self.segments = segments
        hasTrailingSlash = rest.hasSuffix("/")
    }

    /// Percent-decodes one segment; `nil` for a bad escape or bytes that are not UTF-8. `+` stays `+`.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything in a segment but RFC 3986's unreserved characters and sub-delimiters.
    static func percentEncoded(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~!$&'()*+,;=:@".utf8.contains(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
