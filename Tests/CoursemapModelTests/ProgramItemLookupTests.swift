import CoursemapModel
import Testing

/// Items are found by bank and item id through an index (pages that list thousands of assessed items
/// looked each one up by scanning its bank), with the same answers as a scan.
@Suite("Program: items found by id")
struct ProgramItemLookupTests {
    private static func item(_ id: String, score: Double = 1) -> ExerciseItem {
        ExerciseItem(
            id: id, usage: .practice, score: score, stem: RichText(html: id), body: .trueFalse(answer: true),
            location: SourceLocation(file: "exercises/\(id).xml"))
    }

    private static func bank(_ id: String, sections: [[ExerciseItem]]) -> ExerciseBank {
        ExerciseBank(
            id: id, title: LocalizedText(zh: id), sections: sections.map { ExerciseSection(items: $0) },
            location: SourceLocation(file: "exercises/\(id).xml"))
    }

    private static func program(_ banks: [ExerciseBank]) -> Program {
        Program(
            config: SiteConfig(title: LocalizedText(zh: "测试")), frameworks: [], courses: [], modulesByCourse: [:],
            competencies: [:], mappings: [:], banks: banks, reportScopes: [])
    }

    @Test("the item, its bank and its number across sections; unknown ids are not found")
    func lookups() {
        var program = Self.program([
            Self.bank("a", sections: [[Self.item("q1"), Self.item("q2")], [], [Self.item("q3"), Self.item("q2", score: 7)]]),
            Self.bank("b", sections: [[Self.item("q3", score: 5)]]),
        ])
        #expect(program.item("q3", inBank: "a")?.number == 3)
        #expect(program.item("q3", inBank: "b")?.item.score == 5)
        #expect(program.item("q3", inBank: "b")?.bank.id == "b")
        // A repeated id finds the first, as a scan would.
        #expect(program.item("q2", inBank: "a")?.item.score == 1)
        #expect(program.item("q2", inBank: "a")?.number == 2)
        #expect(program.item("q1", inBank: "b") == nil)
        #expect(program.item("q1", inBank: "c") == nil)
        // Every item of every bank agrees with a scan of its bank.
        for bank in program.banks {
            for (offset, item) in bank.items.enumerated() where bank.items.firstIndex(where: { $0.id == item.id }) == offset {
                #expect(program.item(item.id, inBank: bank.id)?.number == offset + 1)
                #expect(program.item(item.id, inBank: bank.id)?.item == item)
            }
        }
        // The index follows changes to the banks.
        program.banks[1].sections[0].items.insert(Self.item("q0"), at: 0)
        #expect(program.item("q3", inBank: "b")?.number == 2)
        #expect(program.item("q0", inBank: "b")?.number == 1)
        program.banks.removeFirst()
        #expect(program.item("q1", inBank: "a") == nil)
    }
}
