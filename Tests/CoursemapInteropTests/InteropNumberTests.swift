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
}
