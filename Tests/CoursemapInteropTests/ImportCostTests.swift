import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

/// Importing one Moodle question with thousands of answers or subquestions, or one QTI item with
/// thousands of template variables and conditional elements, takes time linear in its size.
@Suite("Imports: cost linear in the item's size", .serialized)
struct ImportCostTests {
    /// A Moodle question with `n` answers (or subquestions) in one of several shapes; the question text
    /// comes last in two of them, so that finding it is not helped by its position.
    private static func moodle(shape: Int, count n: Int) -> String {
        let answers: String
        switch shape {
        case 0:
            answers = (0..<n).map { "<answer fraction=\"\($0 == 0 ? 100 : 0)\"><text>选项 \($0)</text></answer>" }.joined()
            return MoodleTestSupport.quiz(MoodleTestSupport.question("multichoice", name: "q", text: "题", "<single>true</single>" + answers))
        case 1:
            // Every answer holds a remote image and a script: the sanitiser's notes grow with the answers.
            answers = (0..<n).map {
                "<answer fraction=\"\($0 == 0 ? 100 : 0)\" format=\"html\"><text><![CDATA[<img src=\"https://example.org/\($0).png\"><script>x</script>\($0)]]></text></answer>"
            }.joined()
            return MoodleTestSupport.quiz(
                "<question type=\"multichoice\"><name><text>q</text></name><single>false</single>\(answers)"
                    + "<questiontext format=\"html\"><text>题</text></questiontext></question>")
        default:
            answers = (0..<n).map { "<subquestion format=\"html\"><text>左 \($0)</text><answer><text>右 \($0)</text></answer></subquestion>" }.joined()
            return MoodleTestSupport.quiz(
                "<question type=\"matching\"><name><text>q</text></name>\(answers)<questiontext format=\"html\"><text>题</text></questiontext></question>")
        }
    }

    @Test("a Moodle question with ten times the answers takes about ten times as long", arguments: [0, 1, 2])
    func moodleAnswers(shape: Int) throws {
        let small = Self.moodle(shape: shape, count: 1_000)
        let large = Self.moodle(shape: shape, count: 10_000)
        var imported = 0
        let smallTime = try CostTiming.fastest { _ = try MoodleTestSupport.importXML(small) }
        let largeTime = try CostTiming.fastest { imported = try MoodleTestSupport.importXML(large).bank.items.count }
        #expect(imported == 1, "shape \(shape)")
        // Linear work gives a ratio near 10; one scan of the question per answer gave near 100.
        #expect(largeTime / max(smallTime, 1e-4) < 35, "shape \(shape): 1,000 answers \(smallTime) s, 10,000 answers \(largeTime) s")
    }

    /// A QTI item with `n` template declarations and `n` conditional elements of one kind.
    private static func qti(shape: Int, count n: Int) -> String {
        var declarations = (0..<n).map {
            "<templateDeclaration identifier=\"T\($0)\" cardinality=\"single\" baseType=\"identifier\"><defaultValue><value>\(shape == 2 ? "C\($0)" : "a")</value></defaultValue></templateDeclaration>"
        }.joined()
        declarations += "<responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"identifier\"><correctResponse><value>C0</value></correctResponse></responseDeclaration>"
        let choices = "<choiceInteraction responseIdentifier=\"RESPONSE\" maxChoices=\"1\"><simpleChoice identifier=\"C0\">是</simpleChoice><simpleChoice identifier=\"C1\">否</simpleChoice></choiceInteraction>"
        let body: String
        switch shape {
        case 0:
            body = "<p>" + (0..<n).map { "<templateInline templateIdentifier=\"T\($0)\" identifier=\"a\" showHide=\"show\">x</templateInline>" }.joined() + "</p>" + choices
        case 1:
            body = (0..<n).map { "<templateBlock templateIdentifier=\"T\($0)\" identifier=\"a\" showHide=\"hide\"><p>y</p></templateBlock>" }.joined() + choices
        default:
            body = "<choiceInteraction responseIdentifier=\"RESPONSE\" maxChoices=\"1\">"
                + (0..<n).map { "<simpleChoice identifier=\"C\($0)\" templateIdentifier=\"T\($0)\" showHide=\"show\">c</simpleChoice>" }.joined()
                + "</choiceInteraction>"
        }
        return QTITestSupport.item(declarations: declarations, body: body)
    }

    @Test("a QTI item with ten times the template variables takes about ten times as long", arguments: [0, 1, 2])
    func qtiTemplates(shape: Int) throws {
        let small = try QTITestSupport.parse(Self.qti(shape: shape, count: 500), file: "banks/qti/t.xml")
        let large = try QTITestSupport.parse(Self.qti(shape: shape, count: 5_000), file: "banks/qti/t.xml")
        var item: ExerciseItem?
        var diagnostics: [Diagnostic] = []
        let smallTime = CostTiming.fastest { _ = QTIImporter.importItem(small, file: "banks/qti/t.xml") }
        let largeTime = CostTiming.fastest { (item, diagnostics) = QTIImporter.importItem(large, file: "banks/qti/t.xml") }
        #expect(item != nil, "shape \(shape): \(diagnostics.prefix(3).map(\.message))")
        // Every element is decided from its own declaration: the text stays, hidden blocks go.
        if shape == 0 { #expect(item?.stem.html.components(separatedBy: "x").count == 5_001) }
        if shape == 1 { #expect(item?.stem.html.contains("y") == false) }
        if shape == 2, case let .singleChoice(shown) = item?.body { #expect(shown.count == 5_000) }
        // Linear work gives a ratio near 10; a scan of every declaration per element gave near 100.
        #expect(largeTime / max(smallTime, 1e-4) < 35, "shape \(shape): 500 variables \(smallTime) s, 5,000 \(largeTime) s")
    }
}
