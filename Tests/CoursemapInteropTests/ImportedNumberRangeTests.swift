import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Numbers in imported items and frameworks that were accepted or ignored without a word: a negative
/// tolerance, an item score of 5e9, a cloze grade of NaN or infinity, a CASE sequenceNumber of 1e300.
@Suite("Imported numbers: ranges")
struct ImportedNumberRangeTests {
    @Test("a negative Moodle tolerance is CM314, not shown as ±|tolerance|", arguments: ["-1", "-0.5", "-1e-9", "-1000"])
    func negativeMoodleTolerance(tolerance: String) throws {
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("numerical", name: "num", text: "<p>算</p>", """
            <answer fraction="100"><text>12</text><tolerance>\(tolerance)</tolerance></answer>
            """))
        let imported = try MoodleTestSupport.importXML(xml)
        let error = try #require(imported.with(.invalidItem).first, "\(tolerance)")
        #expect(error.severity == .warning)
        #expect(error.message.contains("from 0 to 10^12"))
        #expect(imported.items.isEmpty)
    }

    @Test("a Moodle tolerance of 0 or more is kept as written", arguments: [("0", 0.0), ("0.25", 0.25), ("3", 3.0)])
    func moodleTolerance(tolerance: String, expected: Double) throws {
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("numerical", name: "num", text: "<p>算</p>", """
            <answer fraction="100"><text>12</text><tolerance>\(tolerance)</tolerance></answer>
            """))
        let imported = try MoodleTestSupport.importXML(xml)
        #expect(imported.diagnostics.filter { $0.severity == .error }.isEmpty)
        guard case let .numerical(answers) = imported.items.first?.body else {
            Issue.record("no numerical item")
            return
        }
        #expect(answers.map(\.tolerance) == [expected])
    }

    /// A QTI numerical item whose `equal` has the given tolerance attribute.
    private static func qtiNumerical(tolerance: String, mode: String = "absolute") -> String {
        QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"><correctResponse><value>12</value></correctResponse></responseDeclaration>"#,
            body: #"<p>Value: <textEntryInteraction responseIdentifier="RESPONSE"/></p>"#
        ).replacingOccurrences(
            of: "</assessmentItem>",
            with: """
                <responseProcessing><responseCondition><responseIf>
                <equal toleranceMode="\(mode)" tolerance="\(tolerance)"><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal>
                <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
                </responseIf></responseCondition></responseProcessing></assessmentItem>
                """)
    }

    @Test("a QTI tolerance that is negative or not a number is CM314, not an exact answer",
          arguments: [("-1", "absolute"), ("1 -2", "absolute"), ("inf", "absolute"), ("1e400", "relative"), ("abc", "absolute"), ("nan 1", "relative")])
    func qtiTolerance(tolerance: String, mode: String) throws {
        let (item, diagnostics) = try QTITestSupport.importText(Self.qtiNumerical(tolerance: tolerance, mode: mode))
        #expect(item == nil, "\(tolerance)")
        let error = try #require(diagnostics.first { $0.code == .invalidItem }, "\(tolerance): \(diagnostics)")
        #expect(error.message.contains("tolerance"))
    }

    @Test("a readable QTI tolerance is kept")
    func qtiToleranceKept() throws {
        let (item, diagnostics) = try QTITestSupport.importText(Self.qtiNumerical(tolerance: "0.5 2"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        guard case let .numerical(answers) = item?.body else {
            Issue.record("no numerical item: \(diagnostics)")
            return
        }
        #expect(answers.map(\.tolerance) == [2])
    }

    /// A QTI choice item with the given outcome declarations.
    static func qtiScored(_ outcomes: String) -> String {
        QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>"#
                + outcomes,
            body: #"<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">甲</simpleChoice><simpleChoice identifier="B">乙</simpleChoice></choiceInteraction>"#)
    }

    @Test("a QTI item score above 1,000,000 is CM314 at the item, wherever it is declared",
          arguments: [
              #"<outcomeDeclaration identifier="SCORE_X" cardinality="single" baseType="float"/><outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>5000000000</value></defaultValue></outcomeDeclaration>"#,
              #"<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>1000000.5</value></defaultValue></outcomeDeclaration>"#,
          ])
    func qtiScore(outcomes: String) throws {
        let (item, diagnostics) = try QTITestSupport.importText(Self.qtiScored(outcomes))
        #expect(item == nil)
        let error = try #require(diagnostics.first { $0.code == .invalidItem }, "\(diagnostics)")
        #expect(error.message.contains("score"))
        #expect(error.location.line == 2)
    }

    @Test("normalMaximum above 1,000,000 is CM314; at 1,000,000 the item keeps it")
    func qtiNormalMaximum() throws {
        // The support item declares SCORE itself; a second SCORE declaration first carries normalMaximum.
        let big = Self.qtiScored(#"<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="5000000000"/>"#)
        let (none, diagnostics) = try QTITestSupport.importText(big)
        #expect(none == nil)
        #expect(diagnostics.contains { $0.code == .invalidItem && $0.message.contains("5000000000") })
        let fine = Self.qtiScored(#"<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="1000000"/>"#)
        let (item, _) = try QTITestSupport.importText(fine)
        #expect(item?.score == 1_000_000)
    }

    @Test("a cloze %grade% that is not one of Moodle's grades is CM310, not NaN or infinity",
          arguments: ["%nan%", "%1e400%", "%inf%", "%-inf%", "%150%", "%0x10%", "%NaN%"])
    func clozeGrade(grade: String) throws {
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("cloze", name: "c", text: "<p>a {1:SA:\(grade)m~=x} b</p>"))
        let imported = try MoodleTestSupport.importXML(xml)
        let error = try #require(imported.with(.invalidFraction).first, "\(grade)")
        #expect(error.severity == .error)
        #expect(imported.items.isEmpty)
    }

    @Test("cloze grades from Moodle's list are accepted", arguments: ["%50%", "%-33.33333%", "%0%", "%100%"])
    func clozeGradeFine(grade: String) throws {
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("cloze", name: "c", text: "<p>a {1:MC:\(grade)m~=x} b</p>"))
        let imported = try MoodleTestSupport.importXML(xml)
        #expect(imported.with(.invalidFraction).isEmpty, "\(grade)")
        #expect(imported.items.count == 1)
    }

    @Test("a CASE sequenceNumber that is not a whole number from 0 to 10^9 is CM204 at the association",
          arguments: ["1e300", "-1e300", "0.5", "\"99999999999999999999999\"", "-1", "10000000001", "\"x\"", "true"])
    func caseSequence(raw: String) throws {
        var json = CASETestSupport.package(
            items: [("g", "Group", "G"), ("a", "A", nil), ("b", "B", nil)], children: [("g", "doc", 1), ("a", "g", nil), ("b", "g", 2)])
        json = json.replacingOccurrences(of: "\"identifier\": \"assoc-1\",", with: "\"identifier\": \"assoc-1\", \"sequenceNumber\": \(raw),")
        let result = CASETestSupport.importJSON(json)
        let warning = try #require(result.with(.invalidValue).first, "\(raw): \(result.diagnostics)")
        #expect(warning.message.contains("assoc-1"))
        #expect(warning.message.contains("sequenceNumber"))
        // The item is still imported, after its numbered sibling.
        #expect(result.framework?.outcomeGroups.first?.outcomes.map(\.statement.zh) == ["B", "A"])
    }

    @Test("CASE sequenceNumbers in range, as numbers or digit strings, order siblings without a word")
    func caseSequenceFine() throws {
        var json = CASETestSupport.package(
            items: [("g", "Group", "G"), ("a", "A", nil), ("b", "B", nil)], children: [("g", "doc", 1), ("a", "g", nil), ("b", "g", 1000000000)])
        json = json.replacingOccurrences(of: "\"identifier\": \"assoc-1\",", with: "\"identifier\": \"assoc-1\", \"sequenceNumber\": \"0\",")
        let result = CASETestSupport.importJSON(json)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.framework?.outcomeGroups.first?.outcomes.map(\.statement.zh) == ["A", "B"])
    }
}
