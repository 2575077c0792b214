import Foundation
import Testing

@testable import CoursemapLoad

@Suite("Reading files and trimming text")
struct FileReadingTests {
    @Test("a file's bytes come back whole, small, empty or larger than one read")
    func readsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for (name, bytes) in [("empty", [UInt8]()), ("small.md", Array("---\ntitle: 模块\n---\n".utf8)), ("large.bin", large)] {
            let path = folder.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(try FileReading.bytes(atPath: path) == bytes)
        }
    }

    @Test("a missing file or a folder fails with the system's reason")
    func failures() {
        #expect(throws: FileReading.Failure.self) { try FileReading.bytes(atPath: "/nonexistent/coursemap/file.md") }
        do {
            _ = try FileReading.bytes(atPath: "/nonexistent/coursemap/file.md")
        } catch {
            #expect(error.localizedDescription.lowercased().contains("no such file"))
        }
        #expect(throws: FileReading.Failure.self) { try FileReading.bytes(atPath: FileManager.default.temporaryDirectory.path) }
    }

    static let samples = [
        "", " ", "abc", "  abc  ", "\t\n abc \r\n", "\u{3000}全角空格\u{3000}", "\u{00A0}nbsp\u{00A0}", "a b", " 中 文 ",
        "\u{2028}line\u{2029}", "x\u{0085}", "\u{200B}zero-width\u{200B}", "\u{1680}ogham\u{2005}", "\u{180E}mongolian\u{FEFF}", "\u{000B}\u{000C}vt", "{{embed item:a/b}}", "\t{{embed bank:b}}\u{3000}",
    ]

    @Test("trimming white space agrees with Foundation's .whitespacesAndNewlines", arguments: samples)
    func whitespace(_ text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("trimming spaces agrees with Foundation's .whitespaces", arguments: samples)
    func spaces(_ text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }
}
