import CoursemapModel
import CoursemapWrite
import Foundation
import Testing

@Suite("Staged output")
struct StagedOutputTests {
    @Test("a file written in parts holds the parts in order, beside files written whole")
    func parts() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        let staged = try StagedOutput(output: output, content: content)
        let pieces: [[UInt8]] = [Array("<html>".utf8), [], Array(repeating: UInt8(ascii: "x"), count: 100_000), Array("</html>".utf8)]
        staged.write("reports/big.html") { emit in
            pieces.forEach(emit)
            return true
        }
        // Given up after a piece (a render told to stop): the file is not kept, nor counted.
        staged.write("reports/abandoned.html") { emit in
            emit(Array("<html>half".utf8))
            return false
        }
        staged.write("index.html", Array("home".utf8))
        #expect(try staged.commit() == 3)
        #expect(try Data(contentsOf: output.appendingPathComponent("reports/big.html")) == Data(pieces.joined()))
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "home")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("reports").path) == ["big.html"])
    }

    @Test("a file made once for several paths has the same bytes at each; given up, none is kept")
    func severalPaths() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        let staged = try StagedOutput(output: output, content: content)
        let pieces: [[UInt8]] = [Array("编码,要求\r\n".utf8), Array(repeating: UInt8(ascii: "y"), count: 70_000), []]
        staged.write(["coverage/data.csv", "en/coverage/data.csv"]) { emit in
            pieces.forEach(emit)
            return true
        }
        staged.write(["coverage/half.json", "en/coverage/half.json"]) { emit in
            emit(Array("{".utf8))
            return false
        }
        #expect(try staged.commit() == 3)
        for path in ["coverage/data.csv", "en/coverage/data.csv"] {
            #expect(try Data(contentsOf: output.appendingPathComponent(path)) == Data(pieces.joined()), "\(path)")
        }
        for folder in ["coverage", "en/coverage"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path) == ["data.csv"])
        }
    }

    @Test("the default way of writing in parts joins them, and keeps nothing of a file given up")
    func defaultParts() {
        let collector = SiteCollector()
        collector.write("whole.html") { emit in
            emit(Array("<p>".utf8))
            emit(Array("text</p>".utf8))
            return true
        }
        collector.write("half.html") { emit in
            emit(Array("<p>".utf8))
            return false
        }
        #expect(collector.site.files == ["whole.html": Array("<p>text</p>".utf8)])
        collector.write(["a.json", "en/a.json"]) { emit in
            emit(Array("{}".utf8))
            return true
        }
        collector.write(["b.json", "en/b.json"]) { emit in
            emit(Array("{".utf8))
            return false
        }
        #expect(collector.site.files.keys.sorted() == ["a.json", "en/a.json", "whole.html"])
        #expect(collector.site.files["en/a.json"] == Array("{}".utf8))
    }

    @Test("a file that cannot be opened for its parts fails the build and leaves the previous output alone")
    func partsFailure() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        try OutputWriter.write(site(["index.html": "previous"]), to: output, content: content)

        let staged = try StagedOutput(output: output, content: content)
        staged.write("taken/page.html", Array("a page".utf8))
        var asked = false
        // "taken" is a folder now, so it cannot be opened as a file.
        staged.write("taken") { emit in
            asked = true
            emit(Array("never written".utf8))
            return true
        }
        #expect(!asked)
        #expect(throws: WriteError.self) { try staged.commit() }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["Content", "Site"])
    }
}
