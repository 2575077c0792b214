import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Hostile and broken content: each case gives its diagnostic, nothing crashes, nothing outside the
/// content folder is read, and a previous site stays as it was.
@Suite("Hostile input")
struct HostileInputTests {
    /// Builds the fixture once into Site, adds `files`, builds again, and returns the second outcome after
    /// checking that Site is unchanged when the build failed.
    func build(adding files: [String: String]) throws -> Pipeline.Outcome {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let output = workspace.path("Site")
        _ = try Pipeline.build(content: content, output: output)
        let before = try snapshot(output)
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let outcome = try Pipeline.build(content: content, output: output)
        if outcome.diagnostics.hasErrors { #expect(try snapshot(output) == before, "a failed build changed Site/") }
        return outcome
    }

    func codes(_ outcome: Pipeline.Outcome, in file: String) -> [DiagnosticCode] {
        outcome.diagnostics.sorted.filter { $0.location.file == file }.map(\.code)
    }

    @Test("an external entity pointing at a local file, and billion laughs: refused before parsing (CM303)")
    func entities() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-hostile-\(UUID().uuidString)")
        try "TOP-SECRET-VALUE".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let laughs = (2...9).map { n in "<!ENTITY l\(n) \"" + String(repeating: "&l\(n - 1);", count: 10) + "\">" }.joined()
        let outcome = try build(adding: [
            "frameworks/xxe.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE o [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<outcomes xmlns=\"urn:coursemap:framework:1\" id=\"xxe\"><title><zh>&x;</zh></title></outcomes>",
            "frameworks/lol.xml": "<!DOCTYPE o [<!ENTITY l1 \"lol\">\(laughs)]><outcomes xmlns=\"urn:coursemap:framework:1\" id=\"lol\"><title><zh>&l9;</zh></title></outcomes>",
            "frameworks/dtd.xml": "<!DOCTYPE outcomes SYSTEM \"http://example.invalid/evil.dtd\"><outcomes xmlns=\"urn:coursemap:framework:1\" id=\"dtd\"/>",
        ])
        #expect(codes(outcome, in: "frameworks/xxe.xml") == [.xmlDoctype])
        #expect(outcome.diagnostics.sorted.first { $0.location.file == "frameworks/xxe.xml" }?.location.line == 2)
        #expect(codes(outcome, in: "frameworks/lol.xml") == [.xmlDoctype])
        #expect(codes(outcome, in: "frameworks/dtd.xml") == [.xmlDoctype])
        #expect(!outcome.diagnostics.sorted.map(\.message).joined().contains("TOP-SECRET-VALUE"))
    }

    @Test("XInclude is never processed; 10,000-deep XML nesting is refused (CM301)")
    func xincludeAndDepth() throws {
        let outcome = try build(adding: [
            "frameworks/xi.xml": "<outcomes xmlns=\"urn:coursemap:framework:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" id=\"xi\"><title><zh>t</zh></title><xi:include href=\"/etc/passwd\" parse=\"text\"/></outcomes>",
            "courses/intro/09-deep.xml": "<module xmlns=\"urn:coursemap:module:1\" order=\"9\" hours=\"1\"><title><zh>t</zh></title><body>"
                + String(repeating: "<blockquote>", count: 10_000) + "<p>x</p>" + String(repeating: "</blockquote>", count: 10_000) + "</body></module>",
        ])
        #expect(codes(outcome, in: "frameworks/xi.xml") == [.xmlSchemaViolation])
        #expect(codes(outcome, in: "courses/intro/09-deep.xml") == [.xmlNotWellFormed])
        #expect(outcome.diagnostics.sorted.first { $0.location.file == "courses/intro/09-deep.xml" }?.message.contains("256 levels") == true)
    }

    @Test("YAML alias bombs and deep nesting; deep Markdown; a 50 MB Markdown file")
    func yamlAndMarkdown() throws {
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for n in 1...9 { bomb += "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let line = "这是一段很长的中文正文，用来测试大文件的处理能力。Some English text too.\n\n"
        let big = "---\ntitle: 大\norder: 13\nhours: 1\n---\n" + String(repeating: line, count: 50_000_000 / line.utf8.count)
        let outcome = try build(adding: [
            "courses/intro/11-bomb.md": "---\ntitle: 炸\norder: 11\nhours: 1\n" + bomb + "---\nx\n",
            "courses/intro/12-nest.md": "---\ntitle: 巢\norder: 12\nhours: 1\nx: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n---\n",
            "courses/intro/10-deep.md": "---\ntitle: 深\norder: 10\nhours: 1\n---\n" + String(repeating: ">", count: 10_000) + " x\n\n" + String(repeating: "[", count: 50_000) + "\n",
            "courses/intro/13-big.md": big,
        ])
        // The bomb's keys are unknown fields: reported, never expanded.
        #expect(Set(codes(outcome, in: "courses/intro/11-bomb.md")) == [.unknownField])
        #expect(codes(outcome, in: "courses/intro/12-nest.md") == [.yamlSyntax])
        #expect(codes(outcome, in: "courses/intro/10-deep.md").isEmpty)
        #expect(codes(outcome, in: "courses/intro/13-big.md").isEmpty)
    }

    @Test("script, event handlers, javascript: and data: URLs in raw Markdown HTML never reach a page")
    func scripts() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try "---\ntitle: 坏\norder: 14\nhours: 1\n---\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<a href=\"javascript:alert(3)\">x</a> <iframe src=\"data:text/html,<script>alert(4)</script>\"></iframe>\n"
            .write(to: content.appendingPathComponent("courses/intro/14-html.md"), atomically: true, encoding: .utf8)
        let outcome = try Pipeline.build(content: content, output: workspace.path("Site"))
        #expect(!outcome.diagnostics.hasErrors)
        let page = try String(contentsOf: workspace.path("Site/courses/intro/14-html.html"), encoding: .utf8)
        for needle in ["<script>alert", "onerror", "javascript:", "<iframe", "data:text/html"] {
            #expect(!page.contains(needle), "\(needle) reached the page")
        }
    }

    @Test("the same id in files of different types: CM403 at both places")
    func duplicateIDsAcrossTypes() throws {
        let outcome = try build(adding: [
            "courses/intro/01-basics.xml": "<module xmlns=\"urn:coursemap:module:1\" order=\"5\" hours=\"1\"><title><zh>同名</zh></title><body><p>x</p></body></module>",
            "resources/outline.md": "---\ntitle: 同名文档\nkind: document\n---\nx\n",
        ])
        #expect(codes(outcome, in: "courses/intro/01-basics.xml") == [.duplicateID])
        #expect(codes(outcome, in: "courses/intro/01-basics.md").contains(.duplicateID))
        #expect(codes(outcome, in: "resources/outline.md") == [.duplicateID])
        #expect(codes(outcome, in: "resources/outline.pdf.yml").contains(.duplicateID))
    }

    @Test("file names with spaces and Chinese characters; an empty content folder")
    func names() throws {
        let outcome = try build(adding: [
            "courses/intro/15 带 空格.md": "---\nid: spaced\ntitle: 空格\norder: 15\nhours: 1\n---\nx\n",
            "courses/intro/第一章.md": "---\ntitle: 章\norder: 16\nhours: 1\n---\nx\n",
        ])
        #expect(codes(outcome, in: "courses/intro/15 带 空格.md").isEmpty)
        #expect(codes(outcome, in: "courses/intro/第一章.md") == [.invalidID])

        let workspace = try Workspace()
        let empty = workspace.path("Empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let nothing = Pipeline.check(content: empty)
        #expect(nothing.diagnostics.sorted.map(\.code) == [.missingConfig])
    }
}
