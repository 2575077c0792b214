@testable import CoursemapCLI
import Coursemap
import CoursemapModel
import Foundation
import Testing

@Suite("coursemap export")
struct ExportTests {
    /// Exports the fixture bank, puts the export into a copy of the content under another bank id, and
    /// checks that the re-imported bank has the same items, types and competencies.
    @Test("exported banks import back as the same bank", arguments: ["moodle", "qti"])
    func roundTrip(format: String) throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let target = format == "moodle" ? content.appendingPathComponent("exercises/exported.xml") : content.appendingPathComponent("exercises/exported")
        #expect(Main.run(["export", "--content", fixtureSite.path, "--format", format, "--bank", "basics", "--output", target.path]) == 0)
        // The export's sidecar names the bank 'basics'; rename it so both banks can live side by side.
        let sidecar = format == "moodle" ? content.appendingPathComponent("exercises/exported.bank.yml") : target.appendingPathComponent("items/bank.yml")
        let text = try String(contentsOf: sidecar, encoding: .utf8).replacingOccurrences(of: "id: basics", with: "id: basics-again")
        try text.write(to: sidecar, atomically: true, encoding: .utf8)

        let outcome = Pipeline.check(content: content)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let original = try #require(outcome.program.bank("basics"))
        let again = try #require(outcome.program.bank("basics-again"))
        #expect(again.source == (format == "moodle" ? .moodle : .qti))
        #expect(again.courseID == "intro")
        #expect(again.items.map(\.id) == original.items.map(\.id))
        #expect(again.items.map(\.kind) == original.items.map(\.kind))
        #expect(again.items.map(\.usage) == original.items.map(\.usage))
        #expect(again.items.map { $0.assesses.map(\.competency) } == original.items.map { $0.assesses.map(\.competency) })
    }

    @Test("an unknown bank is a usage error")
    func unknownBank() throws {
        let workspace = try Workspace()
        #expect(Main.run(["export", "--content", fixtureSite.path, "--format", "moodle", "--bank", "nope", "--output", workspace.path("x.xml").path]) == 2)
    }
}

@Suite("Frameworks in and out")
struct FrameworkExportTests {
    @Test("a CASE package under frameworks/ is read as a framework (the shared OpenSALT fixture)")
    func importsCASE() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let fixture = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/interop/case/SmartLevelFramework.json")
        try FileManager.default.copyItem(at: fixture, to: content.appendingPathComponent("frameworks/smart-level.case.json"))
        let outcome = Pipeline.check(content: content)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let framework = try #require(outcome.program.framework("smart-level"))
        #expect(framework.kind == .outcomes)
        #expect(framework.title.zh == "SmartLevel Test")
        #expect(framework.allCompetencies.count == 12)
        #expect(outcome.site.files["frameworks/smart-level/index.html"] != nil)
    }

    @Test("an exported CASE package imports back as the same framework, with the same coverage")
    func caseRoundTrip() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let exported = content.appendingPathComponent("frameworks/cert.case.json")
        #expect(Main.run(["export", "--content", fixtureSite.path, "--format", "case", "--framework", "cert", "--output", exported.path]) == 0)
        let json = try String(contentsOf: exported, encoding: .utf8)
        #expect(json.range(of: "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", options: .regularExpression) != nil)
        #expect(json.range(of: "[0-9A-F]{8}-[0-9A-F]{4}", options: .regularExpression) == nil, "identifiers must be lowercase")
        // Replace the XML framework by its CASE export: the program must not notice.
        let original = Pipeline.check(content: content)
        try FileManager.default.removeItem(at: content.appendingPathComponent("frameworks/cert.xml"))
        let again = Pipeline.check(content: content)
        #expect(!again.diagnostics.hasErrors, "\(again.diagnostics.sorted)")
        var a = try #require(original.program.framework("cert")), b = try #require(again.program.framework("cert"))
        #expect(a.allCompetencies.map(\.id) == b.allCompetencies.map(\.id))
        #expect(a.allCompetencies.map(\.statement) == b.allCompetencies.map(\.statement))
        a.location = b.location
        #expect(a.title == b.title && a.illustrative == b.illustrative && a.version == b.version)
        #expect(original.coverage.first { $0.scope.framework == "cert" }?.rows.map(\.status) == again.coverage.first { $0.scope.framework == "cert" }?.rows.map(\.status))
    }

    @Test("a framework exports as a Moodle competency CSV with tool_lpimportcsv's columns")
    func moodleCompetencies() throws {
        let workspace = try Workspace()
        let output = workspace.path("cert.csv")
        #expect(Main.run(["export", "--content", fixtureSite.path, "--format", "moodle-competencies", "--framework", "cert", "--output", output.path]) == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasPrefix("Parent id number,Id number,Shortname,Description,Description format,Scale values,Scale configuration,Rule type,Rule outcome,Rule config,Cross referenced competency id numbers,Exported id,Is framework,Taxonomy"))
        #expect(text.contains("cert/中级/1.1.1"))
        #expect(Main.run(["export", "--content", fixtureSite.path, "--format", "case", "--output", output.path]) == 2)
    }
}
