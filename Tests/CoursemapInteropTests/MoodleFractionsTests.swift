import Testing

@testable import CoursemapInterop

@Suite("Moodle grades and markup helpers")
struct MoodleFractionsTests {
    @Test("the grade set is Moodle's, positives and negatives")
    func gradeSet() {
        #expect(MoodleFractions.valid.count == 41)
        for grade in [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0] {
            #expect(MoodleFractions.isValid(grade))
            #expect(MoodleFractions.isValid(-grade))
        }
    }

    @Test(
        "text within 0.001 of a grade is valid (Moodle's 0.00001 on fractions of 1)",
        arguments: [
            ("100", true), ("100.0000000", true), (" 50 ", true), ("-50", true), ("83.3333", true), ("83.333", true),
            ("0.0", true), ("33.33333", true), ("33", false), ("83.3", false), ("99", false), ("", false), ("abc", false),
            ("nan", false), ("inf", false), ("150", false),
        ])
    func textValidity(_ text: String, _ valid: Bool) {
        #expect(MoodleFractions.isValid(text) == valid)
    }

    @Test("nearest grade")
    func nearest() {
        #expect(MoodleFractions.nearest(33) == 33.33333)
        #expect(MoodleFractions.nearest(-48) == -50)
        #expect(MoodleFractions.nearest(97) == 100)
        #expect(MoodleFractions.nearest(1) == 0)
    }

    @Test("splits of 100 over 1…20 correct choices are valid grades summing to 100", arguments: 1...20)
    func split(_ count: Int) throws {
        let grades = try #require(MoodleFractions.split(correctCount: count))
        #expect(grades.count == count)
        #expect(grades.allSatisfy { MoodleFractions.isValid($0) && $0 > 0 })
        // Moodle rounds the sum of a multiple-answer question's positive grades to two decimals.
        #expect(abs(grades.reduce(0, +) - 100) < 0.005)
    }

    @Test("no split without correct choices or beyond 20")
    func noSplit() {
        #expect(MoodleFractions.split(correctCount: 0) == nil)
        #expect(MoodleFractions.split(correctCount: 21) == nil)
    }

    @Test("grades are written as Moodle writes them")
    func format() {
        #expect(MoodleFractions.format(100) == "100")
        #expect(MoodleFractions.format(33.33333) == "33.33333")
        #expect(MoodleFractions.format(12.5) == "12.5")
        #expect(MoodleFractions.format(-50) == "-50")
    }

    @Test("the HTML reader finds marked elements in loose HTML")
    func fragment() throws {
        let fragment = MoodleHTMLFragment("<P>x<DIV data-coursemap=ref CLASS='a b'>in<br>side <b>bold</div><img src=a.png/>tail")
        let marked = try #require(fragment.marked("ref"))
        let node = fragment.nodes[marked]
        #expect(node.name == "div")
        #expect(node.hasClass("b"))
        #expect(fragment.inner(node) == "in<br>side <b>bold")
        #expect(fragment.nodes.map(\.name) == ["p", "div", "br", "b", "img"])
        #expect(fragment.replacing([(node.outer, "[cut]")]) == "<P>x[cut]<img src=a.png/>tail")
    }

    @Test("plain text of HTML: tags dropped, references decoded, whitespace collapsed")
    func plainText() {
        #expect(MoodleHTML.plainText("<p>A&amp;B</p><p>C &lt;D&gt;&#x4E2D;&#25991;&nbsp;</p>") == "A&B C <D>中文")
        #expect(MoodleHTML.plainText("a<b>c</b>d<script>x</script>") == "acd")
        #expect(MoodleHTML.plainText("&unknown; &#0; 5 < 6") == "&unknown; &#0; 5 < 6")
    }

    @Test("cloze escaping reads back")
    func clozeEscape() {
        let text = "=a}b#c~d\\e&f<g>"
        let field = "{1:SHORTANSWER:=\(MoodleCloze.escape(text))~%50%half#fb~wrong#feedback \\} \\#}"
        let parsed = MoodleCloze.fields(in: "before " + field + " after")
        #expect(parsed.count == 1)
        #expect(parsed.first?.alternatives == [
            MoodleCloze.Alternative(text: text, fraction: 100),
            MoodleCloze.Alternative(text: "half", fraction: 50, hasFeedback: true),
            MoodleCloze.Alternative(text: "wrong", fraction: 0, hasFeedback: true),
        ])
        #expect(parsed.first?.range == 7..<(7 + field.utf8.count))
    }

    @Test("category paths: context dropped, // is a slash in a name")
    func categories() {
        #expect(MoodleConventions.categoryComponents("$course$/top/A//B/C") == ["top", "A/B", "C"])
        #expect(MoodleConventions.categoryComponents("$course$") == [])
        #expect(MoodleConventions.categoryComponents("Plain") == ["Plain"])
    }
}
