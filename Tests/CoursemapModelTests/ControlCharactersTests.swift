import CoursemapModel
import Testing

@Suite("Control characters shown in diagnostics")
struct ControlCharactersTests {
    /// Names built to forge a diagnostic line, drive a terminal or reorder what is shown.
    static let payloads: [String] = [
        "x.md\nx.md:1:1: error[CM999]: forged",
        "a\u{1B}[31mred\u{1B}[0m.md",
        "\u{1B}]8;;https://example.invalid/\u{7}click\u{1B}]8;;\u{7}.md",
        "bell\u{7}\u{7}.md",
        "csi\u{9B}2J.md",
        "osc\u{9D}0;title\u{9C}.md",
        "cr\roverwrite.md",
        "exe.\u{202E}dm.md",
        "iso\u{2066}late\u{2069}.md",
        "nul\u{0}.md",
        "del\u{7F}.md",
        "nel\u{85}line.md",
        "ls\u{2028}ps\u{2029}.md",
        "non\u{FFFE}\u{FFFF}.md",
        "tab\t.md",
    ]

    @Test("a diagnostic is one printable line whatever its file name and message hold", arguments: payloads)
    func oneLine(_ payload: String) {
        let diagnostic = Diagnostic.error(.unknownFileType, at: SourceLocation(file: "courses/c/" + payload, line: 3, column: 1), "quoted '\(payload)'")
        let line = diagnostic.description
        #expect(line.hasPrefix("courses/c/"))
        #expect(line.hasSuffix("'"))
        #expect(ControlCharacters.firstUnsafe(in: line) == nil)
        #expect(line.contains(": error[CM102]: quoted '"))
        #expect(!line.contains("\n") && !line.contains("\r"), "a second line was forged: \(line)")
        #expect(line.contains(ControlCharacters.escaped(payload)))
    }

    @Test("escapes are visible and name the character; other text is kept as it is")
    func form() {
        #expect(ControlCharacters.escaped("a\u{1B}[31mb") == "a\\u{001B}[31mb")
        #expect(ControlCharacters.escaped("x\ny") == "x\\u{000A}y")
        #expect(ControlCharacters.escaped("a\u{202E}b") == "a\\u{202E}b")
        #expect(ControlCharacters.escaped("z\u{10FFFF}") == "z\\u{10FFFF}")
        for kept in ["第一章 空格.md", "Café.md", "Cafe\u{301}.md", "👩\u{200D}💻", "a\u{200E}b", "back\\slash", ""] {
            #expect(ControlCharacters.escaped(kept).unicodeScalars.elementsEqual(kept.unicodeScalars))
        }
    }

    @Test("which characters are unsafe", arguments: [
        (0x00, true), (0x09, true), (0x0A, true), (0x1F, true), (0x20, false), (0x7E, false), (0x7F, true), (0x80, true),
        (0x9F, true), (0xA0, false), (0x200E, false), (0x200D, false), (0x2028, true), (0x202A, true), (0x202E, true),
        (0x202F, false), (0x2066, true), (0x2069, true), (0x206A, false), (0xFDD0, true), (0xFEFF, false), (0xFFFD, false),
        (0xFFFE, true), (0x1FFFF, true), (0x4E2D, false),
    ])
    func set(_ value: Int, _ unsafe: Bool) {
        #expect(ControlCharacters.isUnsafe(Unicode.Scalar(UInt32(value))!) == unsafe)
    }

    @Test("text may keep tab and line feed when it allows layout, and loses the rest when stripped")
    func layout() {
        #expect(ControlCharacters.firstUnsafe(in: "a\tb\nc", allowingLayout: true) == nil)
        #expect(ControlCharacters.firstUnsafe(in: "a\tb\nc") == "\t")
        #expect(ControlCharacters.firstUnsafe(in: "a\r\nb", allowingLayout: true) == "\r")
        #expect(ControlCharacters.removing(from: "a\u{1B}[2J\tb\u{202E}\n", allowingLayout: true) == "a[2J\tb\n")
    }
}
