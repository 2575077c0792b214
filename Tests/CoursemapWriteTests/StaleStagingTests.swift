import CoursemapModel
@testable import CoursemapWrite
import Foundation
import Testing

/// A new build removes what builds by dead processes left beside the output, and nothing else.
@Suite("Stale staging folders")
struct StaleStagingTests {
    /// A tag no running process has: a process id above the kernel's largest.
    private let dead = ProcessTag(pid: 4_194_305, boot: ProcessTag.current.boot, start: 7)

    private func names(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
    }

    @Test("dead processes' staging and previous folders go; live, foreign and link targets stay")
    func removesOnlyDeadOnes() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        try OutputWriter.write(site(["index.html": "one"]), to: output, content: content)
        let live = ".Site.staging-\(ProcessTag.current)"
        let stale = [".Site.staging-\(dead)", ".Site.staging-\(dead)-interrupted", ".Site.previous-\(dead)"]
        let foreign = [".Site.staging-notes", ".Docs.staging-\(dead)"]
        for name in stale + foreign {
            try FileManager.default.createDirectory(at: scratch.path(name), withIntermediateDirectories: true)
            try "x".write(to: scratch.path(name + "/page.html"), atomically: true, encoding: .utf8)
        }
        // A stale name that is a link to the content: the link goes, the content stays.
        try FileManager.default.createSymbolicLink(atPath: scratch.path(".Site.staging-\(dead)-link").path, withDestinationPath: content.path)
        try "keep".write(to: content.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)

        let staged = try StagedOutput(output: output, content: content)
        #expect(try names(scratch) == (["Content", "Site", live] + foreign).sorted())
        staged.write("index.html", Array("two".utf8))
        try staged.commit()
        #expect(try names(scratch) == (["Content", "Site"] + foreign).sorted())
        #expect(try String(contentsOf: content.appendingPathComponent("course.md"), encoding: .utf8) == "keep")
    }

    @Test("a previous build moved aside stays while the output is missing: it is the only copy")
    func keepsTheOnlyCopy() throws {
        let scratch = try Scratch()
        let (content, output) = try scratch.site()
        let aside = scratch.path(".Site.previous-\(dead)")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        let staged = try StagedOutput(output: output, content: content)
        #expect(FileManager.default.fileExists(atPath: aside.path))
        staged.discard()
    }
}
