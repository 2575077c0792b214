import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Moodle's own test fixtures (shared/interop/moodle-xml), imported as they are.
@Suite("Moodle XML fixtures")
struct MoodleFixtureTests {
    typealias Support = MoodleTestSupport

    @Test("multichoice.xml: one single-choice question with French correct, embedded files dropped")
    func multichoice() throws {
        let imported = try Support.fixture("multichoice.xml")
        #expect(imported.bank.id == "fixture")
        #expect(imported.bank.title.zh == "Multichoice")
        #expect(imported.bank.source == .moodle)
        #expect(imported.bank.sections.map { $0.title?.zh } == ["Multichoice"])
        let item = try #require(imported.items.first)
        #expect(imported.items.count == 1)
        #expect(item.kind == .singleChoice)
        #expect(item.title?.zh == "Greeting")
        #expect(item.importKey == "Greeting")
        #expect(item.id == "Greeting")  // a valid identifier used once
        #expect(item.usage == .practice)
        #expect(item.difficulty == nil)
        #expect(item.score == 1)
        #expect(item.location == Support.location(12, file: "exercises/multichoice.xml"))
        #expect(item.stem.html.contains("What language is being spoken?"))
        #expect(item.stem.html.contains("Listen to this greeting:"))
        #expect(!item.stem.html.contains("@@PLUGINFILE@@"))
        #expect(!item.stem.html.contains("<a"))

        let choices = Support.choiceSummary(item.body)
        #expect(choices.map(\.label) == ["A", "B", "C", "D"])
        // Each flag is embedded in its answer (<file encoding="base64">): an item asset with its bytes, named
        // by their SHA-1, shown through a placeholder.
        #expect(choices.map { Support.normalised($0.text) } == [
            "<p><!--coursemap-asset 0--> English</p>", "<p><!--coursemap-asset 1--> French</p>",
            "<p><!--coursemap-asset 2--> German</p>", "<p><!--coursemap-asset 3--> Danish</p>",
        ])
        #expect(choices.map(\.correct) == [false, true, false, false])
        #expect(choices.allSatisfy { !$0.text.contains("<img") })
        #expect(item.assets.count == 4)
        #expect(item.assets.allSatisfy { $0.path.hasPrefix("embedded/") && $0.path.hasSuffix(".jpg") && ($0.data?.count ?? 0) > 100 })
        #expect(item.assets.allSatisfy { $0.data?.prefix(3) == [0xFF, 0xD8, 0xFF] }, "decoded JPEG bytes")
        #expect(Set(item.assets.map(\.path)).count == 4)
        if case let .singleChoice(list) = item.body {
            #expect(list[1].feedback?.html == "<p>Yes, well done!</p>")
            #expect(list[0].feedback?.html == "<p>Sorry, listen again.</p>")
        }

        #expect(imported.errors.isEmpty)
        let warnings = imported.with(.sanitizedHTML)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 12)
        #expect(warning.message.contains("embedded files are not imported"))
        #expect(warning.message.contains("bonjour.mp3"))
        #expect(!warning.message.contains("flag-uk.jpg"), "the flags are imported")
    }

    @Test("truefalse.xml: two questions, answers false then true")
    func trueFalse() throws {
        let imported = try Support.fixture("truefalse.xml")
        #expect(imported.bank.title.zh == "TrueFalse")
        #expect(imported.bank.sections.map { $0.title?.zh } == ["TrueFalse"])
        #expect(imported.items.count == 2)
        #expect(imported.items.map(\.kind) == [.trueFalse, .trueFalse])
        #expect(imported.items.map { $0.title?.zh } == ["Moodle acronym (False)", "Moodle acronym (True)"])
        #expect(imported.items.map(\.id) == ["q01", "q02"])
        #expect(imported.items.map(\.body) == [.trueFalse(answer: false), .trueFalse(answer: true)])
        #expect(imported.items.map { $0.location.line } == [12, 40])

        let first = imported.items[0]
        #expect(first.stem.html.contains("is an acronym for"))
        #expect(first.stem.html.contains("Modular Object-Oriented Dynamic Learning Education"))
        #expect(imported.items[1].stem.html.contains("Modular Object-Oriented Dynamic Learning Environment"))
        #expect(!first.stem.html.contains("<img"))
        #expect(first.stem.html.contains("<!--coursemap-asset 0-->"))
        #expect(first.assets.first?.alternative == "Moodle logo" && first.assets.first?.width == 48)
        // The same picture in both questions is one file.
        #expect(first.assets.first?.path == imported.items[1].assets.first?.path)
        #expect(!first.stem.html.contains("style"))
        let explanation = try #require(first.explanation?.html)
        #expect(explanation.contains("documentation about Moodle"))
        #expect(explanation.contains("href=\"http://docs.moodle.org/en/About_Moodle\""))

        #expect(imported.errors.isEmpty)
        // Per question: the removed style attribute (the embedded images and the feedback pictures are imported).
        let warnings = imported.with(.sanitizedHTML)
        #expect(warnings.map { $0.location.line } == [12, 40])
        #expect(warnings.contains { $0.location.line == 12 && $0.message.hasSuffix(": style") })
        #expect(!warnings.contains { $0.message.contains("logo.jpg") }, "the logo is imported")
    }

    @Test("nested_categories_with_questions.xml: four categories become four sections")
    func nestedCategories() throws {
        let imported = try Support.fixture("nested_categories_with_questions.xml")
        #expect(imported.bank.title.zh == "Iota")
        #expect(imported.bank.sections.map { $0.title?.zh } == ["Iota", "Kappa", "Lambda", "Mu"])
        #expect(imported.bank.sections.map(\.items.count) == [1, 2, 1, 1])
        #expect(imported.items.map(\.kind) == [.trueFalse, .shortAnswer, .trueFalse, .trueFalse, .trueFalse])
        #expect(imported.items.map { $0.title?.zh } == ["Iota Question", "Kappa Essay Question", "Kappa Question", "Lambda Question", "Mu Question"])
        #expect(imported.items.map(\.id) == ["q01", "q02", "q03", "q04", "q05"])
        #expect(imported.items.map { $0.location.line } == [15, 55, 83, 123, 163])

        let essay = imported.items[1]
        #expect(essay.stem.html == "Testing Kappa Essay Question")  // moodle_auto_format: escaped text
        #expect(essay.body == .shortAnswer(reference: nil, points: []))
        #expect(imported.items[0].stem.html == "<p>Testing Iota Question</p>")
        for item in imported.items where item.kind == .trueFalse {
            #expect(item.body == .trueFalse(answer: true))
        }
        #expect(imported.diagnostics.isEmpty)
    }

    @Test("category_with_description.xml: the category info is ignored")
    func categoryWithDescription() throws {
        let imported = try Support.fixture("category_with_description.xml")
        #expect(imported.bank.title.zh == "Alpha")
        #expect(imported.bank.description == nil)
        #expect(imported.bank.sections.map { $0.title?.zh } == ["Alpha"])
        let item = try #require(imported.items.first)
        #expect(imported.items.count == 1)
        #expect(item.kind == .trueFalse)
        #expect(item.title?.zh == "Alpha Question")
        #expect(item.stem.html == "<p>Testing Alpha Question</p>")
        #expect(item.body == .trueFalse(answer: true))
        #expect(imported.diagnostics.isEmpty)
    }

    @Test("error_invalid_grades.xml: exactly one CM310 error, for fraction 33 at line 38")
    func invalidGrades() throws {
        let imported = try Support.fixture("error_invalid_grades.xml")
        // -50 and 33.33333 are Moodle grades; only the answer with fraction="33" (line 38) is not.
        #expect(imported.errors.count == 1)
        let error = try #require(imported.errors.first)
        #expect(error.code == .invalidFraction)
        #expect(error.location == Support.location(38, file: "exercises/error_invalid_grades.xml"))
        #expect(error.message.contains("\"33\""))
        #expect(error.message.contains("33.33333"))  // the suggested fix
        #expect(imported.diagnostics.count == 1)
        // Moodle refuses the question, and so do we; no category means the bank is titled by its id.
        #expect(imported.items.isEmpty)
        #expect(imported.bank.title.zh == "fixture")
    }
}
