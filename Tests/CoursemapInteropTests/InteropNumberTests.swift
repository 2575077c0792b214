import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Numbers in imported and exported items never trap, whatever their size.
@Suite("Interop numbers")
struct InteropNumberTests {
    @Test("blank numbers at the top of Int's range are stray markers, not a trap")
    func hugeBlankNumbers() {
        for first in ["9223372036854775807", "99999999999999999999", "-9223372036854775808"] {
            var converter = QTIXHTMLConverter()
            _ = converter.convert("<p><span class=\"blank\" data-blank=\"\(first)\"></span><span class=\"blank\"></span></p>")
            #expect(converter.placed.isEmpty, "\(first)")
            #expect(converter.strayMarkers.count == 2, "\(first)")
        }
    }

    @Test("QTI and Moodle numbers beyond 10^12, infinite or NaN are not read", arguments: ["1e308", "1e13", "-1e13", "inf", "nan", "1e400"])
    func unreadable(text: String) {
        #expect(QTIText.parseNumber(text) == nil)
        #expect(MoodleNumber.parse(text) == nil)
    }

    @Test("formatting for export is total on every Double")
    func formatting() {
        for value in [Double.nan, .infinity, -.infinity, 1e308, -1e308, 9.3e18, .greatestFiniteMagnitude] {
            _ = QTIText.number(value)
            _ = MoodleFractions.format(value)
        }
        #expect(QTIText.number(2) == "2")
    }
    @Test("a Moodle numerical answer or tolerance that is not a bounded number is CM314, not a silently dropped answer",
          arguments: [("1e308", "0"), ("inf", "0"), ("nan", "0"), ("12", "1e13"), ("12", "-inf"), ("12", "abc"), ("1e13", "")])
    func unreadableMoodleAnswer(value: String, tolerance: String) throws {
        let toleranceElement = tolerance.isEmpty ? "" : "<tolerance>\(tolerance)</tolerance>"
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("numerical", name: "num", text: "<p>算</p>", """
            <answer fraction="100"><text>\(value)</text>\(toleranceElement)</answer>
            <answer fraction="50"><text>7</text></answer>
            """))
        let imported = try MoodleTestSupport.importXML(xml)
        let error = try #require(imported.with(.invalidItem).first, "\(value) ± \(tolerance)")
        #expect(error.severity == .warning, "an imported item that cannot be answered is skipped, not a broken build")
        #expect(error.message.contains("10^12"))
        #expect(imported.items.isEmpty)
    }
    @Test("a QTI numerical correct response that is not a bounded number is CM314", arguments: ["1e308", "INF", "NaN", "-1e13", "x"])
    func unreadableQTIResponse(value: String) throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"><correctResponse><value>"# + value
                + #"</value></correctResponse></responseDeclaration>"#,
            body: #"<p>Value: <textEntryInteraction responseIdentifier="RESPONSE"/></p>"#)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item == nil)
        let error = try #require(diagnostics.first { $0.code == .invalidItem }, "\(value): \(diagnostics)")
        #expect(error.message.contains("10^12"))
    }
}
