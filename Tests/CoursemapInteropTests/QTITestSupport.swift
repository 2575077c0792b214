import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Foundation

/// Helpers shared by the QTI tests.
enum QTITestSupport {
    /// `<package root>/../shared/interop/qti-2.1`: the package root is three levels above this file.
    static let fixtureDirectory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/interop/qti-2.1").standardizedFileURL
    }()

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: fixtureDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    static func parse(_ text: String, file: String) throws -> CoursemapXML.XMLElement {
        switch CoursemapXML.XMLParser.parse(text, file: file) {
        case let .success(root): return root
        case let .failure(problems): throw problems
        }
    }

    static func importFixture(_ name: String) throws -> (item: ExerciseItem?, diagnostics: [Diagnostic]) {
        let file = "banks/qti/\(name)"
        return QTIImporter.importItem(try parse(try fixtureText(name), file: file), file: file)
    }

    static func importText(_ text: String, file: String = "banks/qti/inline.xml") throws -> (item: ExerciseItem?, diagnostics: [Diagnostic]) {
        QTIImporter.importItem(try parse(text, file: file), file: file)
    }

    /// A QTI 2.1 item around `declarations` and `body`, for inline test items. The `<itemBody>` starts on line 5.
    static func item(identifier: String = "inline", declarations: String = "", body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="\(identifier)" title="Inline" adaptive="false" timeDependent="false">
        \(declarations)<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
        <!-- line 4 -->
        <itemBody>
        \(body)
        </itemBody>
        </assessmentItem>
        """
    }

    /// White space runs collapsed, white space between tags removed, ends trimmed.
    static func normalise(_ html: String) -> String {
        var collapsed = html.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        while let range = collapsed.range(of: "> <") { collapsed.replaceSubrange(range, with: "><") }
        return collapsed
    }

    static func normalise(_ text: RichText) -> RichText { RichText(html: normalise(text.html)) }

    /// The body with every rich text normalised and dataset locations cleared, for comparison.
    static func normalise(_ body: ItemBody) -> ItemBody {
        let nowhere = SourceLocation(file: "")
        switch body {
        case let .singleChoice(choices):
            return .singleChoice(choices.map { Choice(label: $0.label, text: normalise($0.text), correct: $0.correct, feedback: $0.feedback.map(normalise)) })
        case let .multipleChoice(choices):
            return .multipleChoice(choices.map { Choice(label: $0.label, text: normalise($0.text), correct: $0.correct, feedback: $0.feedback.map(normalise)) })
        case .trueFalse, .fillBlank, .numerical, .description:
            return body
        case let .shortAnswer(reference, points):
            return .shortAnswer(reference: reference.map(normalise), points: points.map { MarkingPoint(text: normalise($0.text), score: $0.score) })
        case let .matching(pairs, distractors):
            return .matching(pairs.map { MatchPair(left: normalise($0.left), right: normalise($0.right)) }, distractors: distractors.map(normalise))
        case let .ordering(steps):
            return .ordering(steps.map(normalise))
        case let .practical(task):
            return .practical(PracticalTask(
                scenario: normalise(task.scenario), steps: task.steps.map(normalise),
                datasets: task.datasets.map { Dataset(path: $0.path, title: $0.title, location: nowhere) },
                deliverable: normalise(task.deliverable),
                rubric: task.rubric.map { criterion in
                    RubricCriterion(name: normalise(criterion.name), levels: criterion.levels.map { RubricLevel(points: $0.points, description: normalise($0.description)) })
                }))        default:
            return body
        }
    }

    static func choices(_ body: ItemBody?) -> [Choice] {
        switch body {
        case let .singleChoice(choices)?, let .multipleChoice(choices)?: return choices
        default: return []
        }
    }
}
