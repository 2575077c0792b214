import Coursemap
@testable import CoursemapCLI
import CoursemapModel
import Foundation
import Testing

/// One imported item Coursemap cannot import never stops a build; `interop.strict` makes it do so.
@Suite("Builds with items that cannot be imported")
struct ImportSkipBuildTests {
    /// A Moodle 4.x file with a calculated question, a Likert-style multichoice without a correct answer and
    /// one good question; and a file whose only question is calculated.
    static let mixed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category"><category><text>$course$/top/Imported</text></category><info format="html"><text></text></info><idnumber></idnumber></question>
          <question type="calculated">
            <name><text>mc_calc3</text></name>
            <questiontext format="html"><text><![CDATA[<p>{a} + {b} = ?</p>]]></text></questiontext>
            <generalfeedback format="html"><text></text></generalfeedback>
            <defaultgrade>1.0000000</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden><idnumber></idnumber>
            <synchronize>0</synchronize><single>0</single><answernumbering>abc</answernumbering><shuffleanswers>0</shuffleanswers>
            <answer fraction="100"><text>{a} + {b}</text><tolerance>0.01</tolerance><tolerancetype>1</tolerancetype><correctanswerformat>1</correctanswerformat><correctanswerlength>2</correctanswerlength><feedback format="html"><text></text></feedback></answer>
          </question>
          <question type="multichoice">
            <name><text>likert</text></name>
            <questiontext format="html"><text><![CDATA[<p>How useful was this unit?</p>]]></text></questiontext>
            <defaultgrade>1.0000000</defaultgrade><single>true</single><shuffleanswers>false</shuffleanswers>
            <answer fraction="0" format="html"><text>Not useful</text><feedback format="html"><text></text></feedback></answer>
            <answer fraction="0" format="html"><text>Useful</text><feedback format="html"><text></text></feedback></answer>
          </question>
          <question type="truefalse">
            <name><text>good</text></name>
            <questiontext format="html"><text><![CDATA[<p>The sky is blue.</p>]]></text></questiontext>
            <defaultgrade>1.0000000</defaultgrade>
            <answer fraction="100" format="moodle_auto_format"><text>true</text><feedback format="html"><text></text></feedback></answer>
            <answer fraction="0" format="moodle_auto_format"><text>false</text><feedback format="html"><text></text></feedback></answer>
          </question>
        </quiz>
        """

    static let onlyCalculated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="calculatedsimple"><name><text>calc</text></name><questiontext format="html"><text>{x}</text></questiontext></question>
        </quiz>
        """

    func content(strict: Bool) throws -> (Workspace, URL) {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try Self.mixed.write(to: content.appendingPathComponent("exercises/imported.xml"), atomically: true, encoding: .utf8)
        try Self.onlyCalculated.write(to: content.appendingPathComponent("exercises/calc.xml"), atomically: true, encoding: .utf8)
        try "title: {zh: 计算}\n".write(to: content.appendingPathComponent("exercises/calc.bank.yml"), atomically: true, encoding: .utf8)
        if strict {
            let config = content.appendingPathComponent("coursemap.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try (text + "interop:\n  strict: true\n").write(to: config, atomically: true, encoding: .utf8)
        }
        return (workspace, content)
    }

    @Test("skipped items are warnings; the rest of the bank is published; an emptied bank is not; exit 0")
    func skipsBuild() throws {
        let (workspace, content) = try content(strict: false)
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: content, output: output)
        let diagnostics = outcome.diagnostics.sorted
        #expect(!outcome.diagnostics.hasErrors, "\(diagnostics)")
        #expect(diagnostics.filter { $0.code == .unsupportedItem }.map(\.location.file).sorted() == ["exercises/calc.xml", "exercises/imported.xml"])
        #expect(diagnostics.contains { $0.code == .invalidItem && $0.message.contains("likert") && $0.severity == .warning })
        #expect(diagnostics.filter { $0.code == .emptyBank }.map(\.location.file) == ["exercises/calc.xml"])
        #expect(!diagnostics.contains { $0.code == .unknownFileType }, "the sidecar of the emptied bank is no stray")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("banks/imported/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("banks/calc").path))
        let banks = try String(contentsOf: output.appendingPathComponent("banks/index.html"), encoding: .utf8)
        #expect(banks.contains("banks/imported/") || banks.contains("imported/"))
        #expect(!banks.contains("calc/"))
        #expect(Main.run(["check", "--content", content.path]) == 0)
    }

    @Test("with interop.strict the same content fails the check (exit 1)")
    func strictFails() throws {
        let (workspace, content) = try content(strict: true)
        withExtendedLifetime(workspace) {
            let outcome = Pipeline.check(content: content)
            let errors = outcome.diagnostics.sorted.filter { $0.severity == .error }
            #expect(errors.count == 3, "\(errors)")
            #expect(errors.allSatisfy { [.unsupportedItem, .invalidItem].contains($0.code) && $0.message.contains("interop.strict") })
            #expect(Main.run(["check", "--content", content.path]) == 1)
        }
    }
}
