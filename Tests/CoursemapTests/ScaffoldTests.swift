@testable import CoursemapCLI
import Coursemap
import CoursemapModel
import Foundation
import Testing

@Suite("init and new")
struct ScaffoldTests {
    @Test("init creates a content tree that builds with no diagnostics, and refuses a non-empty folder")
    func initialise() throws {
        let workspace = try Workspace()
        let content = workspace.path("portal")
        #expect(Main.run(["init", content.path]) == 0)
        let outcome = Pipeline.check(content: content)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.sorted)")
        #expect(outcome.program.frameworks.count == 1 && outcome.program.courses.count == 1)
        #expect(outcome.program.allModules.map(\.format) == [.markdown, .xml])
        #expect(outcome.program.lectures.count == 1 && outcome.program.banks.count == 1)
        #expect(try String(contentsOf: content.appendingPathComponent("coursemap.yml"), encoding: .utf8).contains("# Interface language"))
        #expect(Main.run(["build", "--content", content.path, "--output", workspace.path("Site").path]) == 0)
        #expect(Main.run(["init", content.path]) == 2)
    }

    @Test("every `new` scaffold checks clean; modules take the next order; nothing is overwritten", arguments: [false, true])
    func new(xml: Bool) throws {
        let workspace = try Workspace()
        let content = workspace.path("portal")
        #expect(Main.run(["init", content.path]) == 0)
        let runs: [[String]] = [
            ["new", "module", "export-docs", "--course", "intro-course"] + (xml ? ["--xml"] : []),
            ["new", "course", "second-course"],
            ["new", "module", "first", "--course", "second-course"],
            ["new", "lecture", "l02-more", "--course", "intro-course"],
            ["new", "bank", "more-items", "--course", "second-course"],
            ["new", "resource", "guide"],
        ]
        for run in runs { #expect(Main.run(run + ["--content", content.path]) == 0, "\(run)") }
        let outcome = Pipeline.check(content: content)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.sorted)")
        let module = try #require(outcome.program.modules(of: "intro-course").last)
        #expect(module.id == "03-export-docs" && module.order == 3 && module.format == (xml ? .xml : .markdown))
        #expect(outcome.program.modules(of: "second-course").map(\.id) == ["01-first"])
        // Refusals: the same module again, an existing file, an unknown course, a module without a course.
        #expect(Main.run(["new", "module", "export-docs", "--course", "intro-course", "--content", content.path]) == 2)
        #expect(Main.run(["new", "course", "second-course", "--content", content.path]) == 2)
        #expect(Main.run(["new", "module", "x", "--course", "nope", "--content", content.path]) == 2)
        #expect(Main.run(["new", "module", "x", "--content", content.path]) == 2)
        #expect(Pipeline.check(content: content).program.modules(of: "intro-course").count == 3)
    }

    @Test("--base-url overrides coursemap.yml for canonical links")
    func baseURL() throws {
        let workspace = try Workspace()
        let output = workspace.path("Site")
        #expect(Main.run(["build", "--content", fixtureSite.path, "--output", output.path, "--base-url", "https://preview.example.test/pr-7"]) == 0)
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<link rel=\"canonical\" href=\"https://preview.example.test/pr-7/index.html\">"))
    }
}
