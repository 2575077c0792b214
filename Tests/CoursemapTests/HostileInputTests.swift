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

    @Test("YAML alias bombs are never expanded and 20,000-deep YAML nesting is refused")
    func yamlBombs() throws {
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for n in 1...9 { bomb += "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let outcome = try build(adding: [
            "courses/intro/11-bomb.md": "---\ntitle: 炸\norder: 11\nhours: 1\n" + bomb + "---\nx\n",
            "courses/intro/12-nest.md": "---\ntitle: 巢\norder: 12\nhours: 1\nx: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n---\n",
        ])
        // The bomb's keys are unknown fields: reported, never expanded.
        #expect(Set(codes(outcome, in: "courses/intro/11-bomb.md")) == [.unknownField])
        #expect(codes(outcome, in: "courses/intro/12-nest.md") == [.yamlSyntax])
    }

    @Test("10,000-deep Markdown and a 50 MB Markdown file render into pages the course links to")
    func deepAndBigMarkdown() throws {
        let line = "这是一段很长的中文正文，用来测试大文件的处理能力。Some English text too.\n\n"
        let repeats = 50_000_000 / line.utf8.count
        let big = "---\ntitle: 大文件\norder: 13\nhours: 1\n---\n## 大文件开头\n\n" + String(repeating: line, count: repeats) + "大文件结尾 END-OF-BIG\n"
        let deep = "---\ntitle: 深嵌套\norder: 10\nhours: 1\n---\n## 深嵌套开头\n\n" + String(repeating: ">", count: 10_000) + " DEEP-QUOTE\n\n"
            + String(repeating: "[", count: 50_000) + "\n\n深嵌套结尾 END-OF-DEEP\n"
        let site = try renderClean(adding: ["courses/intro/13-big.md": big, "courses/intro/10-deep.md": deep])

        let bigPage = try site.page("courses/intro/13-big.html")
        #expect(bigPage.contains("<h1") && bigPage.contains("大文件"))
        #expect(bigPage.contains("大文件开头") && bigPage.contains("END-OF-BIG"))
        // Every paragraph made it to the page, in order, with nothing cut.
        #expect(bigPage.components(separatedBy: "<p>这是一段很长的中文正文").count - 1 == repeats)
        #expect(bigPage.utf8.count > 50_000_000)

        let deepPage = try site.page("courses/intro/10-deep.html")
        #expect(deepPage.contains("深嵌套开头") && deepPage.contains("DEEP-QUOTE") && deepPage.contains("END-OF-DEEP"))
        #expect(deepPage.contains(String(repeating: "[", count: 50_000)))
        #expect(deepPage.components(separatedBy: "<blockquote>").count - 1 == 10_000)

        let course = try site.page("courses/intro/index.html")
        #expect(course.contains("href=\"13-big.html\"") && course.contains("href=\"10-deep.html\""))
        try site.expectLinksResolve(from: ["courses/intro/index.html", "courses/intro/10-deep.html"])
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

    @Test("file names with spaces and Chinese characters render, are published and are linked")
    func names() throws {
        let site = try renderClean(adding: [
            "courses/intro/15 带 空格.md": "---\nid: spaced\ntitle: 空格模块\norder: 15\nhours: 1\n---\nSPACED-BODY\n",
            "courses/intro/第一章.md": "---\nid: chapter-1\ntitle: 第一章标题\norder: 16\nhours: 1\n---\nCHAPTER-BODY\n",
            "resources/参考 文档.md": "---\nid: ref-doc\ntitle: 参考文档标题\nkind: document\ncourse: intro\n---\nREFERENCE-BODY\n",
            "resources/讲义 一.pdf": "%PDF-1.4 handout",
            "resources/讲义 一.pdf.yml": "id: handout\ntitle: 讲义一\nkind: slides\ncourse: intro\n",
        ])
        #expect(try site.page("courses/intro/spaced.html").contains("SPACED-BODY"))
        #expect(try site.page("courses/intro/spaced.html").contains("空格模块"))
        #expect(try site.page("courses/intro/chapter-1.html").contains("CHAPTER-BODY"))
        #expect(try site.page("courses/intro/chapter-1.html").contains("第一章标题"))
        #expect(try site.page("resources/ref-doc.html").contains("REFERENCE-BODY"))
        let handout = try site.page("resources/handout.html")
        #expect(handout.contains("讲义一"))
        #expect(site.files["files/resources/讲义 一.pdf"] == Data("%PDF-1.4 handout".utf8))
        // The handout page links to the published file, whatever the encoding of the link.
        #expect(try site.links(in: "resources/handout.html").contains("files/resources/讲义 一.pdf"))
        let course = try site.page("courses/intro/index.html")
        #expect(course.contains("href=\"spaced.html\"") && course.contains("href=\"chapter-1.html\""))
        try site.expectLinksResolve(from: ["courses/intro/index.html", "courses/intro/spaced.html", "resources/handout.html", "resources/index.html"])
    }

    @Test("an empty content folder: CM501 only")
    func emptyFolder() throws {
        let workspace = try Workspace()
        let empty = workspace.path("Empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let nothing = Pipeline.check(content: empty)
        #expect(nothing.diagnostics.sorted.map(\.code) == [.missingConfig])
    }

    /// Builds the fixture site with `files` added and checks the build is clean (no errors, no warnings), so
    /// every page is rendered and written.
    func renderClean(adding files: [String: String]) throws -> BuiltSite {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: content, output: output)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.sorted.prefix(10))")
        #expect(outcome.filesWritten > 0)
        return BuiltSite(workspace: workspace, files: try snapshot(output))
    }
}

/// A written site, read back: its pages and the links between them.
struct BuiltSite {
    let workspace: Workspace
    let files: [String: Data]

    func page(_ path: String) throws -> String {
        String(decoding: try #require(files[path], "\(path) was not written"), as: UTF8.self)
    }

    /// The site paths the `href` and `src` attributes of a page lead to (percent-decoded, relative to the
    /// page), leaving out external and in-page links.
    func links(in path: String) throws -> [String] {
        let html = try page(path)
        var targets: [String] = []
        for attribute in ["href=\"", "src=\""] {
            for piece in html.components(separatedBy: attribute).dropFirst() {
                guard let raw = piece.split(separator: "\"", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init),
                    !raw.isEmpty, !raw.hasPrefix("#"), !raw.contains("://"), !raw.hasPrefix("mailto:")
                else { continue }
                // The query (the library's filter links, `?kind=lecture`) does not choose the file.
                let target = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .replacingOccurrences(of: "&amp;", with: "&")
                let decoded = target.removingPercentEncoding ?? target
                if decoded.isEmpty { targets.append(path); continue }
                // The 404 pages link from the site's root path (no base URL here: `/`).
                if decoded.hasPrefix("/") { targets.append(String(decoded.dropFirst())); continue }
                targets.append(URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(decoded).standardized.path.dropFirst().description)
            }
        }
        return targets
    }

    /// Every link of `pages` leads to a file of the site (and the pages have some).
    func expectLinksResolve(from pages: [String]) throws {
        for path in pages {
            let targets = try links(in: path)
            #expect(!targets.isEmpty, "\(path) has no links")
            for target in targets { #expect(files[target] != nil, "\(path) links to missing \(target)") }
        }
    }
}
