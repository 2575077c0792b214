import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation

/// A content tree of a configuration and the fuzzer's bytes at one path, loaded and resolved as a build would.
public enum FuzzContent {
    /// Just a configuration: every other file is the fuzzer's, so each run spends its time on the input.
    static let base: [String: [UInt8]] = ["coursemap.yml": Array("title: 测试\n".utf8)]

    /// Loads and resolves the tree with `bytes` at `path`. Never expected to crash, whatever the bytes.
    public static func run(_ bytes: UnsafePointer<UInt8>, _ count: Int, at path: String) {
        var files = base
        files[path] = Array(UnsafeBufferPointer(start: bytes, count: count))
        let tree = files
        let source = ContentSource(listFiles: { (tree.keys.sorted(), []) }, read: { tree[$0] ?? [] })
        // Load and resolve: every reader the input can reach. (Rendering reads only the resolved model.)
        _ = Resolver.resolve(ContentLoader(source: source).load())
    }

    /// Loads and resolves the tree with `files` (content-relative paths) beside the configuration.
    public static func run(files: [String: String]) {
        var tree = base
        for (path, text) in files { tree[path] = Array(text.utf8) }
        let frozen = tree
        let source = ContentSource(listFiles: { (frozen.keys.sorted(), []) }, read: { frozen[$0] ?? [] })
        _ = Resolver.resolve(ContentLoader(source: source).load())
    }

    /// A lecture file with `duration` as its front matter's duration (one line) and `transcript` as its body.
    public static func lecture(duration: String, transcript: String, captions: String? = nil) -> String {
        let line = duration.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let track = captions.map { "captions:\n  zh: \($0)\n" } ?? ""
        return "---\ntitle: 讲\nduration: \(line)\nvideo: https://example.org/v.webm\n\(track)---\n\(transcript)\n"
    }

    /// The input as text (invalid UTF-8 repaired), limited to `limit` bytes.
    public static func text(_ bytes: UnsafePointer<UInt8>, _ count: Int, limit: Int = 4096) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes, count: min(count, limit)), as: UTF8.self)
    }
}

/// Checks what every time reader promises: a value read is finite, within 0 ... the limit, and shows as a
/// clock without trapping. A broken promise traps, which libFuzzer records as a finding.
public enum TimeInvariants {
    /// Reads `text` as a lecture duration and checks the promise (never zero).
    public static func duration(_ text: String) { check(TimeReadingProbe.duration(text), allowZero: false) }
    /// Reads `text` as a transcript time code and checks the promise.
    public static func timeCode(_ text: String) { check(TimeReadingProbe.timeCode(text), allowZero: true) }
    /// Reads `text` as a WebVTT timestamp and checks the promise.
    public static func captionTimestamp(_ text: String) { check(TimeReadingProbe.captionTimestamp(text), allowZero: true) }

    static func check(_ reading: TimeReading, allowZero: Bool) {
        guard case let .seconds(value) = reading else { return }
        precondition(value.isFinite && value >= 0 && value <= NumberBounds.maximumSeconds, "time out of bounds: \(value)")
        precondition(allowZero || value > 0, "zero duration accepted")
        _ = Lecture.clock(value)
    }
}

/// libFuzzer's driver (linked in with `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
