import CoursemapModel
@testable import CoursemapRender
import Testing

/// Exam choices whose source shuffles them but fixes some (QTI `fixed="true"`, such as a last "none of
/// these"): the fixed choices keep their positions and the others are shown in a key-free order, so a
/// teacher who writes the right answer first gives nothing away.
@Suite("Fixed choices in shuffled exam items")
struct FixedChoiceOrderTests {
    static let texts = ["离岸价", "到岸价", "成本加运费", "工厂交货", "以上都不是", "以上都是"]

    @Test("the student page is the same whichever movable choice is written first and marked right", arguments: [[5], [0], [0, 5], [2], [4, 5]])
    func keyFreeAroundFixed(fixed: [Int]) throws {
        var random = SplitMix(seed: UInt64(fixed.reduce(17) { $0 * 31 + $1 }))
        var pages: [[UInt8]] = []
        for _ in 0..<8 {
            // Fixed texts stay where they are written; the movable ones are written right-answer-first.
            let fixedTexts = fixed.map { Self.texts[$0] }
            let movable = Self.texts.filter { !fixedTexts.contains($0) }.shuffled(using: &random)
            let correctCount = Int.random(in: 1...2, using: &random)
            var written: [String] = []
            var next = movable.makeIterator()
            for index in Self.texts.indices { written.append(fixed.contains(index) ? Self.texts[index] : next.next()!) }
            let correct = Set(movable.prefix(correctCount))
            let choices = written.enumerated().map { index, text in
                Choice(label: DisplayLabel.letter(index), text: RichText(html: text), correct: correct.contains(text))
            }
            var item = ExamKeys.item(.multipleChoice, usage: .exam, using: &random)
            item.body = .multipleChoice(choices)
            item.explanation = nil
            item.shuffleChoices = true
            item.fixedChoices = fixed
            let shown = PageBuilder.displayedChoices(item, choices, bank: "exam")
            for index in fixed { #expect(shown[index].choice.text.html == Self.texts[index], "fixed choice \(index) moved") }
            #expect(shown.map(\.label) == choices.indices.map(PageBuilder.positionLabel))
            pages.append(ExamKeyIndependenceTests.studentSite(item).files["banks/exam/x.html"] ?? [])
        }
        #expect(!pages[0].isEmpty)
        for page in pages.dropFirst() { #expect(page == pages[0]) }
    }

    @Test("items whose source does not shuffle keep the written order")
    func writtenOrderOtherwise() {
        let choices = Self.texts.enumerated().map { Choice(label: DisplayLabel.letter($0), text: RichText(html: $1), correct: $0 == 0) }
        var item = ExerciseItem(
            id: "x", usage: .practice, score: 1, stem: RichText(html: "题"), body: .singleChoice(choices), shuffleChoices: false,
            fixedChoices: [5], location: SourceLocation(file: "e.xml"))
        #expect(PageBuilder.displayedChoices(item, choices, bank: "b").map(\.choice) == choices)
        item.usage = .exam
        #expect(PageBuilder.displayedChoices(item, choices, bank: "b").map(\.choice) == choices)
    }

    @Test("practice items whose source shuffles show an order seeded by bank and item id, fixed choices in place")
    func practiceShuffleIsSeeded() {
        let choices = Self.texts.enumerated().map { Choice(label: DisplayLabel.letter($0), text: RichText(html: $1), correct: $0 == 0) }
        let item = ExerciseItem(
            id: "x", usage: .practice, score: 1, stem: RichText(html: "题"), body: .singleChoice(choices), shuffleChoices: true,
            fixedChoices: [5], location: SourceLocation(file: "e.xml"))
        let shown = PageBuilder.displayedChoices(item, choices, bank: "b")
        #expect(shown.map(\.choice) != choices, "a practice item whose source shuffles is shown shuffled")
        #expect(shown[5].choice == choices[5], "the fixed choice keeps its place")
        #expect(shown.map(\.label) == choices.indices.map(PageBuilder.positionLabel))
        #expect(Set(shown.map(\.choice.text.html)) == Set(Self.texts))
        // The same in every build; another bank's copy of the item may differ.
        #expect(PageBuilder.displayedChoices(item, choices, bank: "b").map(\.choice) == shown.map(\.choice))
        let orders = Set(["a", "b", "c", "d", "e"].map { PageBuilder.displayedChoices(item, choices, bank: $0).map(\.choice.text.html) })
        #expect(orders.count > 1)
    }
}

/// Labels A, B, C … for test choices.
enum DisplayLabel {
    static func letter(_ index: Int) -> String { String(Array("ABCDEFGHIJ")[index]) }
}
