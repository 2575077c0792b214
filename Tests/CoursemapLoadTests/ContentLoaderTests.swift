import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

/// A minimal valid content tree; each test adds or replaces files.
let baseContent: [String: String] = [
    "coursemap.yml": "title:\n  zh: 测试\n",
    "frameworks/cert.xml": """
        <certificate xmlns="urn:coursemap:framework:1" id="cert">
          <title><zh>证书</zh></title>
          <level name="中级">
            <area code="1"><zh>领域</zh>
              <task code="1.1"><zh>任务</zh>
                <requirement code="1.1.1"><zh>要求</zh></requirement>
              </task>
            </area>
          </level>
        </certificate>
        """,
    "courses/c/course.md": """
        ---
        code: "01"
        title: 课程
        credits: 2
        hours: {theory: 10, practice: 6}
        semester: 1
        type: 专业核心课
        ---
        """,
]

func load(_ files: [String: String], replacing: Bool = false) -> LoadedContent {
    let tree = replacing ? files : baseContent.merging(files) { _, new in new }
    return ContentLoader(source: .memory(tree)).load()
}

func module(_ frontMatter: String, body: String = "text") -> String { "---\n\(frontMatter)\n---\n\(body)\n" }

@Suite("Content loader diagnostics")
struct ContentLoaderTests {
    @Test("the base tree loads cleanly")
    func clean() {
        let content = load([:])
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.sorted)")
        #expect(content.frameworks.map(\.id) == ["cert"])
        #expect(content.courses.map(\.id) == ["c"])
        #expect(content.config?.title.zh == "测试")
    }

    @Test("YAML syntax error: CM201 at the line in the file, not in the front matter")
    func yamlSyntax() throws {
        let content = load(["courses/c/m.md": "---\ntitle: 模块\norder: [1\nhours: 2\n---\nbody\n"])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .yamlSyntax })
        #expect(diagnostic.location.file == "courses/c/m.md")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.severity == .error)
    }

    @Test("missing required field: CM202 names the field")
    func missingField() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .missingField })
        #expect(diagnostic.location.file == "courses/c/m.md")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.message.contains("'hours'"))
        #expect(content.modules.isEmpty)
    }

    @Test("ill-typed field: CM203 at the value")
    func wrongType() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 四")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .wrongType })
        #expect(diagnostic.location == SourceLocation(file: "courses/c/m.md", line: 4, column: 8))
        #expect(diagnostic.message.contains("'hours' must be a number"))
    }

    @Test("invalid value: CM204 for a mapping level that is not I, R or M")
    func invalidLevel() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2\ncompetencies:\n  cert:中级:1.1.1: X")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .invalidValue })
        #expect(diagnostic.location.line == 6)
    }

    @Test("unknown field: CM205 warning with a suggestion")
    func unknownField() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2\nsumary: x")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .unknownField })
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message.contains("did you mean 'summary'"))
    }

    @Test("Markdown without front matter: CM206")
    func missingFrontMatter() throws {
        let content = load(["courses/c/m.md": "# 只有正文\n"])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .missingFrontMatter)
        #expect(diagnostic.location.line == 1)
    }

    @Test("a key given twice: CM207 at the first")
    func duplicateKey() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2\norder: 3")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .duplicateKey })
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("'order'"))
    }

    @Test("malformed competency reference: CM402 at its line")
    func malformedReference() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2\ncompetencies:\n  cert-1.1.1: I")])
        let diagnostic = try #require(content.diagnostics.items.first { $0.code == .malformedReference })
        #expect(diagnostic.location.file == "courses/c/m.md")
        #expect(diagnostic.location.line == 6)
    }

    @Test("XML that is not well-formed: CM301 with line and column")
    func xmlNotWellFormed() throws {
        let content = load(["frameworks/bad.xml": "<certificate>\n<title>\n</certificate>\n"])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .xmlNotWellFormed)
        #expect(diagnostic.location.file == "frameworks/bad.xml")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column != nil)
    }

    @Test("XML that violates its schema: CM302 at the line")
    func xmlSchema() throws {
        let xml = """
            <outcomes xmlns="urn:coursemap:framework:1" id="po">
              <title><zh>规格</zh></title>
              <group domain="态度"><outcome code="Q1"><zh>x</zh></outcome></group>
            </outcomes>
            """
        let content = load(["frameworks/po.xml": xml])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .xmlSchemaViolation)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("domain"))
    }

    @Test("an XML file of another vocabulary: CM304")
    func unknownRoot() throws {
        let content = load(["frameworks/other.xml": "<html/>"])
        #expect(content.diagnostics.items.map(\.code) == [.xmlUnknownRoot])
    }

    @Test("framework codes must nest: CM404; repeated codes: CM403 at both places")
    func frameworkCodes() throws {
        let xml = """
            <certificate xmlns="urn:coursemap:framework:1" id="x">
              <title><zh>证书</zh></title>
              <level name="初级">
                <area code="1"><zh>领域</zh>
                  <task code="2.1"><zh>任务</zh>
                    <requirement code="2.1.1"><zh>要求</zh></requirement>
                    <requirement code="2.1.1"><zh>要求</zh></requirement>
                  </task>
                </area>
              </level>
            </certificate>
            """
        let content = load(["frameworks/x.xml": xml])
        let nesting = content.diagnostics.items.filter { $0.code == .codeOutsideParent }
        #expect(nesting.map(\.location.line) == [5])
        let duplicates = content.diagnostics.items.filter { $0.code == .duplicateID }
        #expect(Set(duplicates.map(\.location.line)) == [6, 7])
    }

    @Test("unknown file type: CM102 warning; loose file under courses/: CM105")
    func fileKinds() {
        let content = load(["notes.txt": "hello", "courses/loose.md": "x"])
        let byFile = Dictionary(content.diagnostics.items.map { ($0.location.file, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byFile["notes.txt"]?.code == .unknownFileType)
        #expect(byFile["notes.txt"]?.severity == .warning)
        #expect(byFile["courses/loose.md"]?.code == .misplacedFile)
    }

    @Test("missing coursemap.yml: CM501")
    func missingConfig() {
        let content = load(["frameworks/cert.xml": baseContent["frameworks/cert.xml"]!], replacing: true)
        #expect(content.diagnostics.items.map(\.code) == [.missingConfig])
    }

    @Test("a module file name that cannot be an id: CM407")
    func invalidID() throws {
        let content = load(["courses/c/第一章.md": module("title: 模块\norder: 1\nhours: 2")])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .invalidID)
        #expect(diagnostic.location.file == "courses/c/第一章.md")
    }

    @Test("an XML module link with a javascript: URL: CM305")
    func unsafeLink() throws {
        let xml = """
            <module xmlns="urn:coursemap:module:1" order="1" hours="1">
              <title><zh>t</zh></title>
              <body><p><a href="javascript:alert(1)">x</a></p></body>
            </module>
            """
        let content = load(["courses/c/m.xml": xml])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .unsafeLink)
        #expect(diagnostic.location.line == 3)
    }

    @Test("files that are not UTF-8 are reported through the loader: CM101")
    func notUTF8() throws {
        var tree = baseContent.mapValues { Array($0.utf8) }
        tree["courses/c/m.md"] = Array("---\ntitle: ".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array("\n---\n".utf8)
        let files = tree
        let source = ContentSource(listFiles: { (files.keys.sorted(), []) }, read: { files[$0]! })
        let content = ContentLoader(source: source).load()
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.location == SourceLocation(file: "courses/c/m.md", line: 2, column: 8))
    }
}

@Suite("Content loader edge cases")
struct ContentLoaderEdgeCaseTests {
    @Test("a blank title is reported (CM202), not silently dropped")
    func blankTitle() throws {
        let content = load(["courses/c/m.md": module("title: \"  \"\norder: 1\nhours: 2")])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .missingField)
        #expect(diagnostic.location.line == 2)
    }

    @Test("a javascript: link in Markdown: CM305 at its line and column")
    func markdownUnsafeLink() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2", body: "第一行\n\n见 [这里](javascript:alert(1))")])
        let diagnostic = try #require(content.diagnostics.items.first)
        #expect(diagnostic.code == .unsafeLink)
        #expect(diagnostic.location == SourceLocation(file: "courses/c/m.md", line: 8, column: 3))
    }

    @Test("module XML with an upper-case extension is read as XML; 'index' is not a module id")
    func extensionsAndReservedIDs() {
        let xml = "<module xmlns=\"urn:coursemap:module:1\" order=\"1\" hours=\"1\"><title><zh>t</zh></title><body><p>x</p></body></module>"
        let content = load(["courses/c/Upper.XML": xml, "courses/c/index.md": module("title: 模块\norder: 2\nhours: 2")])
        #expect(content.modules.map(\.id) == ["Upper"])
        #expect(content.diagnostics.items.map(\.code) == [.invalidID])
        #expect(content.diagnostics.items.first?.location.file == "courses/c/index.md")
    }

    @Test("XML text may wrap over lines")
    func wrappedXMLText() throws {
        let xml = "<module xmlns=\"urn:coursemap:module:1\" order=\"1\" hours=\"1\"><title><zh>第一行\n  第二行</zh></title><body><p>x</p></body></module>"
        let content = load(["courses/c/m.xml": xml])
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.sorted)")
        #expect(content.modules.first?.title.zh == "第一行 第二行")
    }

    @Test("a level given twice in a framework: CM403")
    func duplicateLevel() {
        let level = "<level name=\"初级\"><area code=\"1\"><zh>a</zh><task code=\"1.1\"><zh>t</zh><requirement code=\"1.1.1\"><zh>r</zh></requirement></task></area></level>"
        let xml = "<certificate xmlns=\"urn:coursemap:framework:1\" id=\"x\"><title><zh>x</zh></title>\n\(level)\n\(level)\n</certificate>"
        let content = load(["frameworks/x.xml": xml])
        #expect(content.diagnostics.items.map(\.code) == [.duplicateID])
        #expect(content.diagnostics.items.first?.location.line == 3)
        #expect(content.frameworks.first { $0.id == "x" }?.levels.count == 1)
    }
}

@Suite("Content loader and the file system")
struct ContentLoaderFileSystemTests {
    @Test("a file that cannot be read: CM103, the rest still loads")
    func unreadable() {
        let files = baseContent
        let source = ContentSource(
            listFiles: { ((files.keys + ["courses/c/m.md"]).sorted(), []) },
            read: { path in
                guard let text = files[path] else { throw CocoaError(.fileReadNoPermission) }
                return Array(text.utf8)
            })
        let content = ContentLoader(source: source).load()
        #expect(content.diagnostics.items.map(\.code) == [.unreadableFile])
        #expect(content.diagnostics.items.first?.location.file == "courses/c/m.md")
        #expect(content.courses.count == 1)
    }

    @Test("a symbolic link that leads outside the content folder: CM106, and its target is never read")
    func linkOutside() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("courses/c"), withIntermediateDirectories: true)
        for (path, text) in baseContent {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: content.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let outside = scratch.appendingPathComponent("secret.md")
        try "---\ntitle: 秘密\norder: 1\nhours: 1\n---\nTOP-SECRET\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("courses/c/leak.md"), withDestinationURL: outside)

        let loaded = ContentLoader(contentDirectory: content).load()
        #expect(loaded.diagnostics.items.map(\.code) == [.linkOutsideContent])
        #expect(loaded.diagnostics.items.first?.location.file == "courses/c/leak.md")
        #expect(loaded.modules.isEmpty)
    }

    @Test("BOM and CRLF in a Markdown module are accepted silently, lines still count right")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}---\r\ntitle: 模块\r\norder: 1\r\nhours: 2\r\ncompetencies:\r\n  cert:中级:9.9.9: I\r\n---\r\n正文\r\n"
        let content = load(["courses/c/m.md": text])
        #expect(content.diagnostics.isEmpty)
        #expect(content.modules.first?.body.html.contains("正文") == true)
        #expect(content.modules.first?.claims.first?.location.line == 6)
    }
}
