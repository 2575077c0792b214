import CoursemapModel
import CoursemapWrite
import Foundation
import Testing

/// The output guard follows every symbolic link in `--output`, also where the path does not exist yet.
@Suite("Output guard and symbolic links")
struct OutputGuardSymlinkTests {
    /// A scratch folder holding `Content/` (with one file) and the links given as name → target.
    private func layout(_ links: [String: String]) throws -> (Scratch, URL) {
        let scratch = try Scratch()
        let content = scratch.path("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "keep".write(to: content.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        for (name, target) in links.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.createSymbolicLink(atPath: scratch.path(name).path, withDestinationPath: target)
        }
        return (scratch, content)
    }

    /// The content folder's entries, to show nothing was written into it.
    private func entries(_ content: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted()
    }

    @Test("an output reached through a link to an ancestor of the content is refused", arguments: [
        (["here": "."], "here/Content/x"),
        (["here": "."], "here/Content/x/y/z"),
        (["link": "Content"], "link/new-site"),
        (["deep": "Content/sub"], "deep/../site"),
        (["l1": "l2", "l2": "Content"], "l1/site"),
        (["out": "Content/not-yet"], "out"),
        (["out": "Content/not-yet/site"], "out/page"),
    ])
    func refusesLinksIntoContent(links: [String: String], output: String) throws {
        let (scratch, content) = try layout(links)
        let before = try entries(content)
        let url = scratch.path(output)
        #expect(throws: WriteError.self, "\(output)") {
            try OutputWriter.write(site(["index.html": "x"]), to: url, content: content)
        }
        #expect(try entries(content) == before)
    }

    @Test("absolute links to the content or to / are refused")
    func refusesAbsoluteLinks() throws {
        let (scratch, content) = try layout([:])
        try FileManager.default.createSymbolicLink(atPath: scratch.path("abs").path, withDestinationPath: content.path)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("root").path, withDestinationPath: "/")
        for output in ["abs/site", "root" + scratch.path("Content/site").path] {
            #expect(throws: WriteError.self, "\(output)") {
                try OutputWriter.checkDestination(output: scratch.path(output), content: content)
            }
        }
    }

    @Test("a link loop in the output path is refused with a message that says so")
    func refusesLoops() throws {
        let (scratch, content) = try layout(["a": "b", "b": "a", "self": "self"])
        for name in ["a/site", "b", "self/x/y"] {
            do {
                try OutputWriter.checkDestination(output: scratch.path(name), content: content)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.description.contains("loop of symbolic links"), "\(error)")
            }
        }
    }

    @Test("a link to a folder outside the content is followed and the site lands there")
    func followsHarmlessLinks() throws {
        let (scratch, content) = try layout(["published": "Elsewhere/www"])
        try FileManager.default.createDirectory(at: scratch.path("Elsewhere"), withIntermediateDirectories: true)
        try OutputWriter.write(site(["index.html": "x"]), to: scratch.path("published"), content: content)
        #expect(try String(contentsOf: scratch.path("Elsewhere/www/index.html"), encoding: .utf8) == "x")
        #expect(OutputWriter.canonical(scratch.path("published/../Content")) == OutputWriter.canonical(scratch.path("Elsewhere/Content")))
    }
}
