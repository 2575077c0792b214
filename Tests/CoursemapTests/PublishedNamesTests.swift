import Coursemap
import CoursemapModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Published files whose names hold characters that mean something in a URL or in HTML: every link to
/// them is percent-encoded and still leads to the written file.
@Suite("Published file names")
struct PublishedNamesTests {
    static let names = [
        "a#b.pdf", "q?x=1.pdf", "100%.pdf", "%41%2F.pdf", #"say "hi".pdf"#, "it's.pdf", "<b>bold.pdf", "two  spaces .pdf",
        "课程 讲义.pdf", "amp&amp;.pdf", "colon:x.pdf", "back\\slash.pdf",
    ]

    @Test("files named with # ? % quotes < > spaces and Chinese are linked by URLs that resolve to them")
    func hostileNamesResolve() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        for (index, name) in Self.names.enumerated() {
            try Data("file \(index)".utf8).write(to: content.appendingPathComponent("resources/\(name)"))
            try "id: named-\(index)\ntitle:\n  zh: 文件 \(index)\nkind: document\n"
                .write(to: content.appendingPathComponent("resources/\(name).yml"), atomically: true, encoding: .utf8)
        }
        // A lecture poster and slides too.
        try Data("poster".utf8).write(to: content.appendingPathComponent(#"lectures/media/p#1 "x" <y>.jpg"#))
        try Data("slides".utf8).write(to: content.appendingPathComponent("lectures/media/幻灯片 ?%.pdf"))
        let lecture = content.appendingPathComponent("lectures/l1.md")
        let text = try String(contentsOf: lecture, encoding: .utf8)
            .replacingOccurrences(of: "video: lectures/media/l1.webm\n", with: "video: lectures/media/l1.webm\nposter: 'lectures/media/p#1 \"x\" <y>.jpg'\nslides: 'lectures/media/幻灯片 ?%.pdf'\n")
        try text.write(to: lecture, atomically: true, encoding: .utf8)

        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: content, output: output)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let files = try snapshot(output)

        var expected = Self.names.enumerated().map { index, name in (page: "resources/named-\(index).html", file: "files/resources/\(name)") }
        expected.append(("lectures/l1.html", #"files/lectures/media/p#1 "x" <y>.jpg"#))
        expected.append(("lectures/l1.html", "files/lectures/media/幻灯片 ?%.pdf"))
        #expect(expected.count == Self.names.count + 2)
        for (page, file) in expected {
            #expect(files[file] != nil, "\(file) was not written")
            let html = String(decoding: try #require(files[page], "\(page) missing"), as: UTF8.self)
            let links = PageLinks.urls(in: html).filter { PageLinks.target(of: $0.value, from: page)?.path == file }
            #expect(!links.isEmpty, "\(page) has no link that resolves to \(file)")
            for (_, value) in links {
                // Encoded: nothing that ends the path, starts an escape twice, or leaves the attribute.
                #expect(!value.contains(where: { "#?\"'<> \\".contains($0) || !$0.isASCII }), "\(page): \(value)")
            }
        }
    }

    @Test("sitemap.xml lists pages with encoded, escaped URLs and stays well-formed")
    func sitemapIsWellFormed() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let config = content.appendingPathComponent("coursemap.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "base_url: https://example.test/portal", with: "base_url: https://example.test/a&b/")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: content, output: output)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>"))
        #expect(sitemap.hasSuffix("</loc></url>\n</urlset>\n"))
        #expect(sitemap.contains("<loc>https://example.test/a&amp;b/index.html</loc>"))
        #expect(!sitemap.contains("a&b"))
        let document = try XMLDocument(data: Data(sitemap.utf8))
        #expect(try document.nodes(forXPath: "//*[local-name()='loc']").count > 60)
    }

    @Test("a base URL with a quote, a space or an angle bracket is refused")
    func baseURLRefused() throws {
        for value in [#"'https://example.test/"><script>'"#, "'https://example.test/a b'", "'https://example.test/<x>'", "'https://\\\\evil/'"] {
            let workspace = try Workspace()
            let content = try workspace.copy(fixtureSite, to: "Content")
            let config = content.appendingPathComponent("coursemap.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
                .replacingOccurrences(of: "base_url: https://example.test/portal", with: "base_url: \(value)")
            try text.write(to: config, atomically: true, encoding: .utf8)
            let outcome = Pipeline.check(content: content)
            #expect(outcome.diagnostics.sorted.contains { $0.severity == .error && $0.message.contains("base_url") }, "\(value)")
        }
    }
}
