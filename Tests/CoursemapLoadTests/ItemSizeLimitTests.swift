import CoursemapModel
import Testing

@testable import CoursemapLoad

/// Matching items with more than 200 pairs and ordering items with more than 200 steps are CM314 at the
/// item and left out of their bank (their pages grow with the square of that number); smaller items stay.
@Suite("Items: pairs and steps per item are bounded")
struct ItemSizeLimitTests {
    private static func item(_ id: String, _ body: ItemBody, line: Int) -> ExerciseItem {
        ExerciseItem(
            id: id, usage: .practice, score: 1, stem: RichText(html: "<p>题</p>"), body: body,
            location: SourceLocation(file: "exercises/big.xml", line: line))
    }

    private static func pairs(_ n: Int) -> ItemBody {
        .matching((0..<n).map { MatchPair(left: RichText(html: "左\($0)"), right: RichText(html: "右\($0)")) })
    }

    private static func steps(_ n: Int) -> ItemBody { .ordering((0..<n).map { RichText(html: "步骤\($0)") }) }

    private static func assemble(_ items: [ExerciseItem], imported: Bool) -> (bank: ExerciseBank?, diagnostics: [Diagnostic]) {
        let bank = ExerciseBank(
            id: "big", title: LocalizedText(zh: "大"), source: imported ? .moodle : .coursemap,
            sections: [ExerciseSection(items: Array(items.prefix(2))), ExerciseSection(items: Array(items.dropFirst(2)))],
            location: SourceLocation(file: "exercises/big.xml"))
        var diagnostics: [Diagnostic] = []
        let banks = BankAssembler.assemble([("exercises/big.xml", imported ? .importedBank(bank) : .bank(bank))], into: &diagnostics)
        return (banks.first, diagnostics)
    }

    @Test("over the limit: CM314 at the item (an error if authored, a skip warning if imported), the item left out, the others kept", arguments: [false, true])
    func overLimit(imported: Bool) {
        let items = [
            Self.item("m200", Self.pairs(200), line: 3), Self.item("m201", Self.pairs(201), line: 9),
            Self.item("o5000", Self.steps(5_000), line: 20), Self.item("o200", Self.steps(200), line: 30),
            Self.item("m4000", Self.pairs(4_000), line: 40), Self.item("tf", .trueFalse(answer: true), line: 50),
        ]
        let (bank, diagnostics) = Self.assemble(items, imported: imported)
        #expect(bank?.items.map(\.id) == ["m200", "o200", "tf"])
        let errors = diagnostics.filter { $0.code == .invalidItem && $0.severity == (imported ? .warning : .error) }
        #expect(errors.map(\.location.line) == [9, 20, 40])
        #expect(errors.allSatisfy { $0.location.file == "exercises/big.xml" && $0.message.contains("at most 200") })
        #expect(errors.first?.message.contains("201 pairs") == true)
        #expect(errors.dropFirst().first?.message.contains("5000 steps") == true)
        #expect(diagnostics.count == errors.count)
        if imported { #expect(errors.allSatisfy { $0.message.hasSuffix("; the item is skipped") }) }
    }

    @Test("at the limit, and for other item types of any size, nothing is reported")
    func atLimit() {
        let choices = (0..<5_000).map { Choice(label: "\($0)", text: RichText(html: "选项\($0)"), correct: $0 == 0) }
        let items = [Self.item("m", Self.pairs(200), line: 1), Self.item("o", Self.steps(200), line: 2), Self.item("c", .singleChoice(choices), line: 3)]
        let (bank, diagnostics) = Self.assemble(items, imported: true)
        #expect(bank?.items.count == 3)
        #expect(diagnostics.isEmpty)
    }
}
