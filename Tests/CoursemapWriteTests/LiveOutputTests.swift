import CoursemapModel
@testable import CoursemapWrite
import Foundation
import Testing

@Suite("Live output (serve)")
struct LiveOutputTests {
    @Test("a file is rewritten only when its bytes change, and each write is reported once")
    func writesOnlyChanges() throws {
        let scratch = try Scratch()
        let live = LiveOutput(folder: scratch.path("Site"), content: scratch.path("Content"))
        live.write("a/page.html", Array("one".utf8))
        #expect(live.takeChanges().changed == ["a/page.html"])
        live.write("a/page.html", Array("one".utf8))
        #expect(live.takeChanges().changed.isEmpty)
        live.write("a/page.html", Array("two".utf8))
        live.write("b.html", [])
        #expect(live.takeChanges().changed == ["a/page.html", "b.html"])
        #expect(try String(contentsOf: scratch.path("Site/a/page.html"), encoding: .utf8) == "two")
        live.write("b.html", [])
        #expect(live.takeChanges().changed.isEmpty)
    }

    @Test("holds compares size and every byte")
    func holds() throws {
        let scratch = try Scratch()
        let file = scratch.path("f.bin")
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: file)
        #expect(LiveOutput.holds(file.path, bytes))
        var changed = bytes
        changed[69_999] ^= 1
        #expect(!LiveOutput.holds(file.path, changed))
        #expect(!LiveOutput.holds(file.path, Array(bytes.dropLast())))
        #expect(!LiveOutput.holds(file.path, bytes + [0]))
        #expect(!LiveOutput.holds(scratch.path("missing").path, []))
        #expect(!LiveOutput.holds(scratch.url.path, []), "a folder is not an empty file")
    }
}
