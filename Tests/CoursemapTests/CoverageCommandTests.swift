@testable import CoursemapCLI
import Coursemap
import CoursemapModel
import CoursemapRender
import Foundation
import Testing

@Suite("Gates, diff and the coverage command")
struct CoverageCommandTests {
    @Test("a gate fails check and build with a diagnostic per requirement that breaks it")
    func gates() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let config = content.appendingPathComponent("coursemap.yml")
        let gates = "\ngates:\n  - scope: cert:中级\n    taught: true\n    min_items: 3\n  - no_orphans: true\n"
        try (try String(contentsOf: config, encoding: .utf8) + gates).write(to: config, atomically: true, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let failures = outcome.diagnostics.sorted.filter { $0.code == .gateFailed }
        #expect(failures.map(\.message) == [
            "gate min_items 3: cert:中级:2.1.1 is assessed by 0 items",
            "gate taught: cert:中级:2.1.1 is taught by no module or micro-lecture",
            "gate no_orphans: resource standard is mapped to no competency",
        ])
        // At the line of each gate in coursemap.yml.
        #expect(failures.map(\.location.line) == [11, 11, 14])
        #expect(Main.run(["check", "--content", content.path]) == 1)
        #expect(Main.run(["build", "--content", content.path, "--output", workspace.path("Site").path]) == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("Site").path))
    }

    @Test("the diff names requirements that lost coverage, new gaps and removed evidence")
    func diff() throws {
        let workspace = try Workspace()
        let before = try #require(document(fixtureSite))
        let content = try workspace.copy(fixtureSite, to: "Content")
        // The only module that takes 1.1.1 to M goes; 1.1.1 drops from covered to partial.
        let module = content.appendingPathComponent("courses/intro/01-basics.md")
        try (try String(contentsOf: module, encoding: .utf8)).replacingOccurrences(of: "cert:中级:1.1.1: M", with: "cert:中级:1.1.1: R")
            .write(to: module, atomically: true, encoding: .utf8)
        // And the lecture is deleted, with its files.
        for path in ["lectures/l1.md", "lectures/media/l1.webm", "lectures/media/l1.zh.vtt"] {
            try FileManager.default.removeItem(at: content.appendingPathComponent(path))
        }
        let after = try #require(document(content))
        let diff = CoverageDiff.compare(old: before, new: after)
        #expect(diff.lost.map(\.requirement) == ["cert:中级:1.1.1"])
        #expect(diff.lost.first?.after == .partial)
        #expect(diff.newGaps.isEmpty && diff.gained.isEmpty)
        #expect(diff.evidenceRemoved == ["lecture l1"])

        let old = workspace.path("old.json")
        try Data(before.json.utf8).write(to: old)
        #expect(Main.run(["coverage", "--content", content.path, "--framework", "cert:中级", "--diff", old.path]) == 1)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "cert:中级", "--diff", old.path]) == 0)
    }

    @Test("coverage prints a table, CSV and JSON")
    func formats() throws {
        for format in ["table", "csv", "json"] {
            #expect(Main.run(["coverage", "--content", fixtureSite.path, "--format", format]) == 0)
        }
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "nope"]) == 2)
        let table = CoverageTerminalTable.render(try #require(document(fixtureSite)))
        #expect(table.contains("covered 1 · partial 1 · gap 1 · total 3"))
        #expect(table.contains("not taught (1): cert:中级:2.1.1"))
    }

    private func document(_ content: URL) -> CoverageDocument? {
        let outcome = Pipeline.check(content: content)
        return outcome.coverage.first { $0.scope.framework == "cert" }
            .flatMap { CoverageDocument.make($0, program: outcome.program, orphans: outcome.orphans) }
    }
}
