@testable import Coursemap
import CoursemapModel
import CoursemapWrite
import Foundation
import Testing

/// `build` and `serve` both refuse an `--output` that a symbolic link leads into the content, wherever the
/// link is in the path, and write nothing.
@Suite("Output through symbolic links: build and serve")
struct OutputSymlinkCommandTests {
    @Test("an output reached through a link is refused by build and serve", arguments: [
        ("here", ".", "here/Content/x"),
        ("here", ".", "here/Content/courses/new"),
        ("up", "Content/..", "up/Content/site"),
        ("away", "Content", "away/Site"),
        ("Site", "Content/site", "Site"),
    ])
    func refused(link: String, target: String, output: String) throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try FileManager.default.createSymbolicLink(atPath: workspace.path(link).path, withDestinationPath: target)
        let before = try snapshot(content)
        #expect(throws: WriteError.self) {
            _ = try Pipeline.build(content: content, output: workspace.path(output))
        }
        #expect(throws: WriteError.self) {
            _ = try PreviewSession(content: content, output: workspace.path(output), options: Pipeline.Options(jobs: 2))
        }
        #expect(try snapshot(content) == before)
    }
}
