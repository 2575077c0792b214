import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Files a browser would run in the portal's origin (HTML, SVG, XML, scripts), whatever their extension's
/// case and whatever extension hides them, are refused with CM326 and never written into the site.
@Suite("Active published files")
struct ActiveFilesTests {
    /// File name and content of resources that must be refused.
    static let active: [(String, String)] = [
        ("page.html", "<p>hi</p>"), ("page.HTM", "hi"), ("page.xhtml", "<html/>"), ("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("logo.SvG", "x"), ("feed.xml", "<a/>"), ("style.xsl", "x"), ("app.js", "alert(1)"), ("mod.mjs", "x"), ("old.swf", "x"),
        // Content that a browser sniffs as a document, under a harmless or no extension.
        ("notes.pdf", "<!DOCTYPE html><script>alert(1)</script>"), ("data.csv", "\u{FEFF}  <script>alert(1)</script>"),
        ("README", "<html><body onload=alert(1)>"), ("pic.png", "\n<svg onload=alert(1)>"), ("table.txt", "<?xml version=\"1.0\"?><x/>"),
        ("f.dat", "<IFRAME src=x>"),
    ]

    @Test("an active resource file is CM326 at its sidecar and is not published")
    func resourcesRefused() throws {
        #expect(!Self.active.isEmpty)
        for (index, (name, body)) in Self.active.enumerated() {
            let workspace = try Workspace()
            let content = try workspace.copy(fixtureSite, to: "Content")
            try Data(body.utf8).write(to: content.appendingPathComponent("resources/\(name)"))
            try "id: active-\(index)\ntitle:\n  zh: 文件\nkind: document\n"
                .write(to: content.appendingPathComponent("resources/\(name).yml"), atomically: true, encoding: .utf8)
            let outcome = Pipeline.check(content: content)
            let problem = outcome.diagnostics.sorted.first { $0.code == .activeFile }
            #expect(problem?.location.file == "resources/\(name).yml", "\(name): \(outcome.diagnostics.sorted)")
            #expect(problem?.message.contains("resources/\(name)") == true)
            #expect(!outcome.program.downloads.contains("resources/\(name)"))
        }
    }

    @Test("a lecture's poster, slides or captions and a task's dataset of an active type are CM326")
    func otherReferencesRefused() throws {
        let cases: [(file: String, body: String, edit: (String) -> String, source: String)] = [
            ("lectures/media/p.svg", "<svg/>", { $0.replacingOccurrences(of: "video: lectures/media/l1.webm\n", with: "video: lectures/media/l1.webm\nposter: lectures/media/p.svg\n") }, "lectures/l1.md"),
            ("lectures/media/s.HTML", "x", { $0.replacingOccurrences(of: "video: lectures/media/l1.webm\n", with: "video: lectures/media/l1.webm\nslides: lectures/media/s.HTML\n") }, "lectures/l1.md"),
            ("lectures/media/v.webm", "<html><script>alert(1)</script>", { $0.replacingOccurrences(of: "video: lectures/media/l1.webm\n", with: "video: lectures/media/v.webm\n") }, "lectures/l1.md"),
            ("exercises/notes.txt", "\u{0B}<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></h:html>", { $0.replacingOccurrences(of: "datasets/traffic.csv", with: "exercises/notes.txt") }, "exercises/basics.xml"),
            ("courses/intro/data.json", "\u{FEFF}\u{0C}<svg onload=alert(1)>", { $0.replacingOccurrences(of: "datasets/traffic.csv", with: "courses/intro/data.json") }, "exercises/basics.xml"),
            ("datasets/t.xbl", "x", { $0.replacingOccurrences(of: "datasets/traffic.csv", with: "datasets/t.xbl") }, "exercises/basics.xml"),
            ("lectures/media/p.xsd", "x", { $0.replacingOccurrences(of: "video: lectures/media/l1.webm\n", with: "video: lectures/media/l1.webm\nposter: lectures/media/p.xsd\n") }, "lectures/l1.md"),
            ("datasets/t.xml", "<rows/>", { $0.replacingOccurrences(of: "datasets/traffic.csv", with: "datasets/t.xml") }, "exercises/basics.xml"),
        ]
        #expect(!cases.isEmpty)
        for item in cases {
            let workspace = try Workspace()
            let content = try workspace.copy(fixtureSite, to: "Content")
            try Data(item.body.utf8).write(to: content.appendingPathComponent(item.file))
            let source = content.appendingPathComponent(item.source)
            try item.edit(try String(contentsOf: source, encoding: .utf8)).write(to: source, atomically: true, encoding: .utf8)
            let outcome = Pipeline.check(content: content)
            let problem = outcome.diagnostics.sorted.first { $0.code == .activeFile }
            #expect(problem?.location.file == item.source, "\(item.file): \(outcome.diagnostics.sorted)")
            #expect(!outcome.program.downloads.contains(item.file))
        }
    }

    @Test("harmless files are published: binary, CSV and text that merely mention markup")
    func harmlessPublished() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let harmless = [("a.csv", "name,tag\nx,<b>\n"), ("b.txt", "Use <script> carefully"), ("c.pdf", "%PDF-1.4 <html>"), ("d.md.txt", "a < b")]
        for (index, (name, body)) in harmless.enumerated() {
            try Data(body.utf8).write(to: content.appendingPathComponent("resources/\(name)"))
            try "id: harmless-\(index)\ntitle:\n  zh: 文件\nkind: document\n"
                .write(to: content.appendingPathComponent("resources/\(name).yml"), atomically: true, encoding: .utf8)
        }
        let outcome = Pipeline.check(content: content)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        #expect(Set(harmless.map { "resources/\($0.0)" }).isSubset(of: Set(outcome.program.downloads)))
    }
}
