import CoursemapModel
import CoursemapXML
import Foundation
import Testing

@testable import CoursemapInterop

/// Shared helpers of the Moodle tests.
enum MoodleTestSupport {
    /// `shared/interop/moodle-xml/` beside the package root (three levels above this file).
    static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CoursemapInteropTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/interop/moodle-xml")

    struct Imported {
        var bank: ExerciseBank
        var diagnostics: [Diagnostic]

        var items: [ExerciseItem] { bank.items }
        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
        func with(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
    }

    /// Imports a fixture by name, as `exercises/<name>`.
    static func fixture(_ name: String) throws -> Imported {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return try importXML(text, file: "exercises/\(name)", bankID: "fixture")
    }

    static func importXML(_ xml: String, file: String = "exercises/test.xml", bankID: String = "test") throws -> Imported {
        let root = try CoursemapXML.XMLParser.parse(xml, file: file).get()
        let (bank, diagnostics) = MoodleImporter.importBank(root, file: file, bankID: bankID)
        return Imported(bank: bank, diagnostics: diagnostics)
    }

    /// A `<quiz>` around the given questions.
    static func quiz(_ questions: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n\(questions)\n</quiz>\n"
    }

    /// A question of `type` with a name, HTML question text and extra children.
    static func question(_ type: String, name: String, text: String, _ extra: String = "") -> String {
        """
          <question type="\(type)">
            <name><text>\(name)</text></name>
            <questiontext format="html"><text><![CDATA[\(text)]]></text></questiontext>
            \(extra)
          </question>
        """
    }

    static func normalised(_ html: String) -> String { html.collapsingWhitespace }

    static func choiceSummary(_ body: ItemBody) -> [(label: String, text: String, correct: Bool)] {
        switch body {
        case let .singleChoice(choices), let .multipleChoice(choices):
            return choices.map { ($0.label, $0.text.html, $0.correct) }
        default:
            return []
        }
    }

    static func location(_ line: Int, file: String = "exercises/test.xml") -> CoursemapModel.SourceLocation {
        CoursemapModel.SourceLocation(file: file, line: line)
    }
}
