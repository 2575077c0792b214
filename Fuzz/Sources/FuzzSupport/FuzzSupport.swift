import CoursemapLoad
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
}

/// libFuzzer's driver (linked in with `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
