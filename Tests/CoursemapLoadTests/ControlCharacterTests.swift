import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

/// A content source over an explicit list of paths, so that names a dictionary would merge (NFC and NFD
/// spellings are equal Swift strings) can both be listed.
func listedSource(_ files: [(path: String, text: String)]) -> ContentSource {
    ContentSource(
        listFiles: { (files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, []) },
        read: { path in
            guard let file = files.first(where: { $0.path.utf8.elementsEqual(path.utf8) }) else { throw CocoaError(.fileNoSuchFile) }
            return Array(file.text.utf8)
        })
}

@Suite("Control characters in YAML text and file names")
struct ControlCharacterTests {
    /// YAML double-quoted escapes that produce an unsafe character, with the character they produce.
    static let escapes: [(yaml: String, scalar: UInt32)] = [
        ("\\0", 0x00), ("\\a", 0x07), ("\\e", 0x1B), ("\\e[2J", 0x1B), ("\\e]8;;https://example.invalid\\e\\\\", 0x1B),
        ("\\x7F", 0x7F), ("\\N", 0x85), ("\\x9B", 0x9B), ("\\r", 0x0D), ("\\v", 0x0B), ("\\L", 0x2028),
        ("\\u202E", 0x202E), ("\\u2066", 0x2066), ("\\uFFFE", 0xFFFE), ("\\uFFFF", 0xFFFF), ("\\U0010FFFF", 0x10FFFF),
    ]

    @Test("an escaped control character in a title is CM209 at the value, and left out of the title", arguments: escapes)
    func title(_ payload: (yaml: String, scalar: UInt32)) throws {
        let content = load(["courses/c/m.md": module("order: 1\nhours: 1\ntitle: \"模块\(payload.yaml)尾\"")])
        let problems = content.diagnostics.sorted.filter { $0.code == .controlCharacterInText }
        #expect(problems.count == 1, "\(content.diagnostics.sorted)")
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.location == SourceLocation(file: "courses/c/m.md", line: 4, column: 8))
        #expect(problem.message.contains(ControlCharacters.name(Unicode.Scalar(payload.scalar)!)))
        let title = try #require(content.modules.first?.title.zh)
        #expect(title.hasPrefix("模块") && title.hasSuffix("尾"))
        #expect(ControlCharacters.firstUnsafe(in: title) == nil)
    }

    @Test("ids, descriptions, list items, zh/en texts, config fields and keys are checked too")
    func otherFields() {
        let content = load([
            "coursemap.yml": "title:\n  zh: 测试\n  en: \"Test\\e[8m\"\n",
            "courses/c/m.md": module("id: \"m\\x00x\"\norder: 1\nhours: 1\ntitle: 模块\nprerequisites: [\"a\\u202Eb\"]"),
            "resources/r.md": "---\ntitle: 文档\nkind: document\ndescription: \"说明\\a\"\n---\ntext\n",
            "courses/c/k.md": module("order: 2\nhours: 1\ntitle: 键\n\"x\\ey\": 1"),
        ])
        let found = content.diagnostics.sorted.filter { $0.code == .controlCharacterInText }.map { "\($0.location.file):\($0.location.line ?? 0)" }
        #expect(found == ["coursemap.yml:3", "courses/c/k.md:5", "courses/c/m.md:2", "courses/c/m.md:6", "resources/r.md:4"])
        #expect(content.modules.first { $0.location.file == "courses/c/m.md" }?.id == "mx")
    }

    @Test("tab and line feed stay allowed in text; plain CJK, emoji and zero-width joiners are not control characters")
    func allowed() {
        let content = load([
            "courses/c/m.md": module("order: 1\nhours: 1\ntitle: \"模块\\t一 👩\u{200D}💻 \u{200E}x\"\ndescription: |\n  第一行\n  第二行"),
        ])
        #expect(content.diagnostics.sorted.filter { $0.code == .controlCharacterInText }.isEmpty, "\(content.diagnostics.sorted)")
    }

    @Test("a control character written literally: libyaml refuses the C0 ones (CM201); bidi controls are CM209")
    func literal() {
        let esc = load(["courses/c/m.md": module("order: 1\nhours: 1\ntitle: a\u{1B}[31mb")])
        #expect(esc.diagnostics.sorted.map(\.code).contains(.yamlSyntax))
        #expect(esc.modules.isEmpty)
        let bidi = load(["courses/c/m.md": module("order: 1\nhours: 1\ntitle: exe.\u{202E}gpj")])
        #expect(bidi.diagnostics.sorted.map(\.code) == [.controlCharacterInText])
    }

    @Test("a lone surrogate cannot be written: libyaml refuses the escape (CM201), libxml2 the reference (CM301)")
    func surrogates() {
        let yaml = load(["courses/c/m.md": module("order: 1\nhours: 1\ntitle: \"a\\uD800b\"")])
        #expect(yaml.diagnostics.sorted.map(\.code) == [.yamlSyntax], "\(yaml.diagnostics.sorted)")
        let xml = load(["courses/c/m.xml": XMLControlCharacterTests.moduleXML("a&#xD800;b")])
        #expect(xml.diagnostics.sorted.map(\.code) == [.xmlNotWellFormed], "\(xml.diagnostics.sorted)")
    }

    /// File names with an unsafe character somewhere in their path.
    static let names: [String] = [
        "courses/c/a\u{1B}[31mred.md", "courses/c/x.md\nx.md:1:1: error[CM999]: forged.md", "courses/c/bell\u{07}.md",
        "courses/c/\u{202E}dm.txt", "courses/c/del\u{7F}.md", "courses/c/csi\u{9B}2J.md", "courses/c/tab\there.md",
        "courses/c/nul\u{0}.md", "courses/c/non\u{FFFE}.md", "courses/c/cr\r.md", "resources/ls\u{2028}x.md",
        "courses/dir\u{1B}]8;;http://x.invalid\u{7}/m.md", "datasets/osc\u{9D}8.csv",
    ]

    @Test("a control character in a file or folder name: CM108 at the file, which is not read", arguments: names)
    func fileName(_ path: String) throws {
        let content = ContentLoader(source: listedSource(
            baseContent.map { ($0.key, $0.value) } + [(path, module("title: 坏\norder: 1\nhours: 1"))])).load()
        let problems = content.diagnostics.sorted
        #expect(problems.map(\.code) == [.controlCharacterInName], "\(problems)")
        #expect(problems.first?.location.file == path)
        #expect(content.modules.isEmpty && content.resources.isEmpty)
        #expect(!content.files.contains(path) && !content.assets.contains(path))
    }
}

@Suite("Control characters in XML text")
struct XMLControlCharacterTests {
    static func moduleXML(_ title: String, attribute: String = "1") -> String {
        "<module xmlns=\"urn:coursemap:module:1\" order=\"\(attribute)\" hours=\"1\">\n<title><zh>\(title)</zh></title><body><p>x</p></body></module>"
    }

    @Test("C0 controls and U+FFFE, literal or as references, are refused by libxml2 (CM301)", arguments: [
        "a\u{1B}b", "a&#27;b", "a&#x1B;[31mb", "a&#0;b", "a&#7;b", "a&#xFFFE;b", "a&#xFFFF;b", "a\u{FFFE}b", "a&#x0C;b",
    ])
    func refusedByLibxml2(_ title: String) {
        let content = load(["courses/c/m.xml": Self.moduleXML(title)])
        #expect(content.diagnostics.sorted.map(\.code) == [.xmlNotWellFormed], "\(content.diagnostics.sorted)")
        #expect(content.modules.isEmpty)
    }

    @Test("DEL, C1, line separators, bidi controls and other noncharacters in text: CM209 at the element", arguments: [
        "a\u{7F}b", "a&#127;b", "a&#x9B;2Jb", "a\u{85}b", "a&#x202E;b", "a\u{2067}b", "a&#x2028;b", "a&#xFDD0;b", "a&#x1FFFF;b",
    ])
    func text(_ title: String) {
        let content = load(["courses/c/m.xml": Self.moduleXML(title)])
        #expect(content.diagnostics.sorted.map(\.code) == [.controlCharacterInText], "\(content.diagnostics.sorted)")
        #expect(content.diagnostics.sorted.first?.location == SourceLocation(file: "courses/c/m.xml", line: 2))
    }

    @Test("in attribute values and in banks too; tab, line breaks and CJK stay fine")
    func attributesAndBanks() {
        let bank = "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"b\u{202D}\"><title><zh>题库\t一\r\n二</zh></title>\n<truefalse id=\"t\"><stem>x&#x80;</stem><answer>true</answer></truefalse></bank>"
        let content = load(["exercises/b.xml": bank, "courses/c/m.xml": Self.moduleXML("模块\n\t标题")])
        let found = content.diagnostics.sorted.filter { $0.code == .controlCharacterInText }.map { "\($0.location.file):\($0.location.line ?? 0)" }
        #expect(found == ["exercises/b.xml:1", "exercises/b.xml:3"])
    }
}
