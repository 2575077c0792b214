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
