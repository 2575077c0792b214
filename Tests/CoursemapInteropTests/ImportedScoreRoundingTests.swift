import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Imported scores are counted in hundredths like authored ones (`docs/coverage.md` §5): Moodle's
/// `defaultgrade` `0.3333333` or a QTI `MAXSCORE` of `0.125` is rounded half up to 0.01 with warning CM210,
/// so the page, the bank and the blueprint show and count the same number. Moodle's usual `1.0000000` is
/// exact and gives no warning.
@Suite("Imported scores: rounded to hundredths with CM210")
struct ImportedScoreRoundingTests {
    private typealias Support = MoodleTestSupport

    private func moodle(grade: String) throws -> (scores: [Double], warnings: [Diagnostic]) {
        let xml = Support.quiz(Support.question("truefalse", name: "tf", text: "<p>对吗</p>", """
            <defaultgrade>\(grade)</defaultgrade>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
            """))
        let imported = try Support.importXML(xml)
        return (imported.items.map(\.score), imported.with(.roundedNumber))
    }

    @Test("Moodle defaultgrade with more than two decimals")
    func moodleGrade() throws {
        let third = try moodle(grade: "0.3333333")
        #expect(third.scores == [0.33])
        #expect(third.warnings.count == 1)
        #expect(third.warnings.first?.severity == .warning)
        #expect(third.warnings.first?.message.contains("0.33") == true)
        #expect(third.warnings.first?.location.line == 3, "at the <question>")
        let half = try moodle(grade: "0.005")
        #expect(half.scores == [0.01])
        let exact = try moodle(grade: "1.0000000")
        #expect(exact.scores == [1])
        #expect(exact.warnings.isEmpty)
    }

    @Test("QTI MAXSCORE with more than two decimals")
    func qtiScore() throws {
        let text = ImportedNumberRangeTests.qtiScored(
            #"<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>0.125</value></defaultValue></outcomeDeclaration>"#)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item?.score == 0.13)
        #expect(diagnostics.filter { $0.code == .roundedNumber }.map(\.location.line) == [2])
    }
}
