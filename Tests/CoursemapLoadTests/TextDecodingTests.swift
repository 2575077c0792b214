@testable import CoursemapLoad
import CoursemapModel
import Testing

@Suite("Text decoding")
struct TextDecodingTests {
    @Test("a UTF-8 BOM is dropped and CRLF becomes LF")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("第一行\r\n第二行\r\n".utf8)
        let text = try TextDecoding.decode(bytes, file: "a.md").get()
        #expect(text == "第一行\n第二行\n")
    }

    @Test("GB18030 text is refused with its position and the iconv fix")
    func gb18030() {
        // "标题" in GB18030 on line 2, after an ASCII line.
        let bytes: [UInt8] = Array("title\n".utf8) + [0xB1, 0xEA, 0xCC, 0xE2]
        guard case let .failure(diagnostic) = TextDecoding.decode(bytes, file: "courses/c/m.md") else {
            Issue.record("GB18030 bytes were accepted")
            return
        }
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.location == SourceLocation(file: "courses/c/m.md", line: 2, column: 1))
        #expect(diagnostic.message.contains("GB18030"))
        #expect(diagnostic.message.contains("iconv -f GB18030 -t UTF-8"))
    }

    @Test("UTF-16 is refused")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00]
        guard case let .failure(diagnostic) = TextDecoding.decode(bytes, file: "x.md") else {
            Issue.record("UTF-16 was accepted")
            return
        }
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.message.contains("UTF-16"))
    }

    @Test("a NUL byte is refused at its line")
    func nul() {
        guard case let .failure(diagnostic) = TextDecoding.decode(Array("a\nb\u{0}c".utf8), file: "x.md") else {
            Issue.record("NUL was accepted")
            return
        }
        #expect(diagnostic.code == .nulByte)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 2)
    }

    @Test("overlong and surrogate encodings are not UTF-8")
    func invalidSequences() {
        #expect(TextDecoding.firstInvalidUTF8Offset([0xC0, 0xAF][...]) == 0)
        #expect(TextDecoding.firstInvalidUTF8Offset([0x41, 0xED, 0xA0, 0x80][...]) == 1)
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("中文 ok".utf8)[...]) == nil)
    }
}
