import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

private typealias Support = MoodleTestSupport

/// Importing a cloze question takes time linear in its text, whatever its number of fields.
@Suite("Moodle cloze: bounded cost", .serialized)
struct MoodleClozeCostTests {
    /// A question text with `n` fields, in one of several shapes.
    private static func text(shape: Int, fields n: Int) -> String {
        switch shape {
        case 0: return "<p>" + (1...n).map { "词\($0){1:SA:=答\($0)}" }.joined() + "</p>"
        case 1: return "<p>" + (1...n).map { "{\($0 % 7 + 1):MC:=甲~乙~丙#不对}" }.joined(separator: " ") + "</p>"
        default: return "<p>题</p><script>" + String(repeating: "{1:SA:=x}", count: n) + "</script>"  // the sanitiser drops them
        }
    }

    @Test("ten times the fields take about ten times as long, not a hundred", arguments: [0, 1, 2])
    func linear(shape: Int) throws {
        let name = "shape \(shape)"
        let small = Support.quiz(Support.question("cloze", name: "q", text: Self.text(shape: shape, fields: 2_000)))
        let large = Support.quiz(Support.question("cloze", name: "q", text: Self.text(shape: shape, fields: 20_000)))
        var blanks = 0
        let smallTime = try CostTiming.fastest { _ = try Support.importXML(small) }
        let largeTime = try CostTiming.fastest {
            let imported = try Support.importXML(large)
            if case let .fillBlank(found) = imported.items.first?.body { blanks = found.count }
        }
        #expect(blanks == 20_000, "\(name)")
        // Linear work gives a ratio near 10; the old quadratic restore gave near 100 (11 s at 2,000 fields).
        #expect(largeTime / max(smallTime, 1e-4) < 35, "\(name): 2,000 fields \(smallTime) s, 20,000 fields \(largeTime) s")
        #expect(largeTime < 10, "\(name): 20,000 fields took \(largeTime) s")
    }

    @Test("unclosed fields are not rescanned to the end of the text each time")
    func unclosed() throws {
        let small = String(repeating: "{1:SA:=x ", count: 2_000)
        let large = String(repeating: "{1:SA:=x ", count: 20_000)
        let smallTime = CostTiming.fastest { _ = MoodleCloze.fields(in: small) }
        let largeTime = CostTiming.fastest { #expect(MoodleCloze.fields(in: large).isEmpty) }
        #expect(largeTime / max(smallTime, 1e-4) < 35, "2,000: \(smallTime) s, 20,000: \(largeTime) s")
    }

    @Test("placeholders restore in one pass; numbers outside the blanks stay text")
    func restore() {
        let html = "<p>\u{E000}2\u{E001} \u{E000}1\u{E001} \u{E000}3\u{E001} \u{E000}99999999999999999999\u{E001} \u{E000}\u{E001}</p>"
        let (restored, found, _) = MoodleConventions.restoreBlanks(in: html, count: 2)
        #expect(found == [1, 2])
        #expect(restored == "<p>\(MoodleConventions.blankSpan(2)) \(MoodleConventions.blankSpan(1)) \u{E000}3\u{E001} \u{E000}99999999999999999999\u{E001} \u{E000}\u{E001}</p>")
    }

    @Test("more fields than the limit, or a weight above 1,000, is CM314 for the question")
    func limits() throws {
        let many = Support.quiz(Support.question("cloze", name: "many", text: String(repeating: "{1:SA:=x}", count: MoodleCloze.maximumFields + 1)))
        let imported = try Support.importXML(many)
        #expect(imported.items.isEmpty)
        #expect(imported.with(.invalidItem).count == 1)
        for weight in ["1001", "99999999999999999999", "9223372036854775807"] {
            let heavy = try Support.importXML(Support.quiz(Support.question("cloze", name: "heavy", text: "<p>{\(weight):SA:=x}</p>")))
            #expect(heavy.items.isEmpty, "\(weight)")
            #expect(heavy.with(.invalidItem).first?.location.line == 3, "\(weight)")  // the <question> line
        }
        let fine = try Support.importXML(Support.quiz(Support.question("cloze", name: "fine", text: "<p>{1000:SA:=x}{0:SA:=y}</p>")))
        #expect(fine.items.first?.score == 1000)
    }

    @Test("a defaultgrade that is not a number from 0 to 1,000,000 is CM314", arguments: ["1e308", "-1", "nan", "inf", "1e7", "abc"])
    func defaultGrade(grade: String) throws {
        let xml = Support.quiz(Support.question("truefalse", name: "tf", text: "<p>对吗</p>", """
            <defaultgrade>\(grade)</defaultgrade>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
            """))
        let imported = try Support.importXML(xml)
        #expect(imported.items.isEmpty)
        #expect(imported.with(.invalidItem).count == 1)
    }
}
