import CoursemapModel
import CoursemapWrite
import Foundation
import Testing

/// A fresh temporary folder per test, removed afterwards.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> URL { url.appendingPathComponent(name) }
    /// A content folder (created) and the output folder beside it (not created), as a build has them.
    func site() throws -> (content: URL, output: URL) {
        let content = path("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        return (content, path("Site"))
    }
}

func site(_ files: [String: String]) -> RenderedSite {
    var site = RenderedSite()
    for (path, text) in files { site.add(path, text: text) }
    return site
}

@Suite("Output writer")
struct OutputWriterTests {
    @Test("writes every file and the marker, then replaces the previous build as a whole")
    func writeAndReplace() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        let count = try OutputWriter.write(site(["index.html": "one", "a/b.html": "b"]), to: output, content: content)
        #expect(count == 3)
        #expect(try String(contentsOf: output.appendingPathComponent("a/b.html"), encoding: .utf8) == "b")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.markerName).path))

        try OutputWriter.write(site(["index.html": "two"]), to: output, content: content)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("a/b.html").path))
        // No staging or previous-build folders are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["Content", "Site"])
    }

    @Test("refuses a non-empty folder it did not create, and leaves it alone")
    func refusesForeignFolder() throws {
        let scratch = try Scratch()
        let output = scratch.path("docs")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "keep me".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: WriteError.self) {
            try OutputWriter.write(site(["index.html": "x"]), to: output, content: scratch.path("Content"))
        }
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test("refuses the content folder, a folder containing it, one inside it, /, and the home folder")
    func refusesDangerousDestinations() throws {
        let scratch = try Scratch()
        let content = scratch.path("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let home = FileManager.default.homeDirectoryForCurrentUser
        for output in [content, scratch.url, content.appendingPathComponent("Site"), URL(fileURLWithPath: "/"), home] {
            #expect(throws: WriteError.self, "\(output.path)") {
                try OutputWriter.checkDestination(output: output, content: content)
            }
        }
        try OutputWriter.checkDestination(output: scratch.path("Site"), content: content)
    }
}
