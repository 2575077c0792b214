import CoursemapModel
@testable import CoursemapWrite
import Foundation
import Testing

/// `serve`'s live output never writes or deletes through a symbolic link inside the output folder.
@Suite("Live output and symbolic links")
struct LiveOutputSymlinkTests {
    private func setUp() throws -> (Scratch, LiveOutput, URL) {
        let scratch = try Scratch()
        let content = scratch.path("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "secret".write(to: content.appendingPathComponent("exam.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: scratch.path("Site"), withIntermediateDirectories: true)
        return (scratch, LiveOutput(folder: scratch.path("Site"), content: content), content)
    }

    private func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    @Test("a page that is a link is replaced, not written through", arguments: ["exam.md", "../Content/exam.md"])
    func fileLink(target: String) throws {
        let (scratch, live, content) = try setUp()
        let absolute = target == "exam.md" ? content.appendingPathComponent("exam.md").path : target
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Site/page.html").path, withDestinationPath: absolute)
        live.write("page.html", Array("page".utf8))
        let changes = live.takeChanges()
        #expect(changes.changed == ["page.html"] && changes.failure == nil)
        #expect(try String(contentsOf: content.appendingPathComponent("exam.md"), encoding: .utf8) == "secret")
        #expect(!isLink(scratch.path("Site/page.html")))
        #expect(try String(contentsOf: scratch.path("Site/page.html"), encoding: .utf8) == "page")
    }

    @Test("a link that already holds the page's bytes is still replaced")
    func linkWithSameBytes() throws {
        let (scratch, live, content) = try setUp()
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("Site/exam.html").path, withDestinationPath: content.appendingPathComponent("exam.md").path)
        live.write("exam.html", Array("secret".utf8))
        #expect(!isLink(scratch.path("Site/exam.html")))
    }

    @Test("a folder that is a link (to the content, dangling, or a loop) is replaced by a real folder")
    func folderLinks() throws {
        let (scratch, live, content) = try setUp()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Site/courses").path, withDestinationPath: content.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Site/gone").path, withDestinationPath: scratch.path("nowhere").path)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Site/loop").path, withDestinationPath: scratch.path("Site/loop").path)
        for path in ["courses/c1/index.html", "gone/a.html", "loop/b.html"] {
            live.write(path, Array(path.utf8))
        }
        #expect(live.takeChanges().failure == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path) == ["exam.md"])
        #expect(!FileManager.default.fileExists(atPath: scratch.path("nowhere").path))
        for folder in ["courses", "courses/c1", "gone", "loop"] { #expect(!isLink(scratch.path("Site/" + folder)), "\(folder)") }
        #expect(try String(contentsOf: scratch.path("Site/courses/c1/index.html"), encoding: .utf8) == "courses/c1/index.html")
    }

    @Test("a folder above the output replaced by a link since the start: nothing is written or removed through it",
          arguments: ["content", "elsewhere", "dangling"])
    func parentReplaced(target: String) throws {
        let scratch = try Scratch()
        let content = scratch.path("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.path("w/Site"), withIntermediateDirectories: true)
        let live = LiveOutput(folder: scratch.path("w/Site"), content: content)
        live.write("a.html", Array("a".utf8))
        #expect(live.takeChanges().failure == nil)
        // `mv w w.old; ln -s TARGET w` while serve runs.
        try FileManager.default.moveItem(at: scratch.path("w"), to: scratch.path("w.old"))
        let destination = ["content": content, "elsewhere": scratch.path("elsewhere"), "dangling": scratch.path("nowhere")][target]!
        if target == "elsewhere" { try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("w").path, withDestinationPath: destination.path)
        live.write("b.html", Array("b".utf8))
        live.write("courses/c/index.html", Array("c".utf8))
        let failure = try #require(live.takeChanges().failure)
        #expect(failure.contains("replaced by a link") || failure.contains("is gone"), "\(failure)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("Site").path))
        if target == "dangling" { return }
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("Site/empty"), withIntermediateDirectories: true)
        _ = live.removeStale(previous: ["a.html", "empty/x.html"], current: [])
        #expect(FileManager.default.fileExists(atPath: scratch.path("w.old/Site/a.html").path))
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("Site/empty").path))
    }

    @Test("removing stale pages never deletes through a link")
    func removeStaleKeepsLinkedFiles() throws {
        let (scratch, live, content) = try setUp()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Site/old").path, withDestinationPath: content.path)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("Site/stale.html").path, withDestinationPath: content.appendingPathComponent("exam.md").path)
        live.write("kept/page.html", Array("x".utf8))
        _ = live.removeStale(previous: ["old/exam.md", "stale.html", "kept/page.html", "kept/gone.html"], current: ["kept/page.html"])
        #expect(try String(contentsOf: content.appendingPathComponent("exam.md"), encoding: .utf8) == "secret")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Site/stale.html").path) && !isLink(scratch.path("Site/stale.html")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("Site/kept/page.html").path))
    }

    @Test("paths that leave the folder are refused")
    func refusesEscapes() throws {
        let (scratch, live, _) = try setUp()
        live.write("../escape.html", Array("x".utf8))
        #expect(live.takeChanges().failure != nil)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("escape.html").path))
    }
}
