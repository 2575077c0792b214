import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Moodle questions as Moodle 4.x exports them: what cannot be imported is skipped with a located warning,
/// matching keeps shared answers and extra wrong answers, gap questions become drop-down blanks, and
/// feedback reaches the model.
@Suite("Moodle import: skips, matching, gaps and feedback")
struct MoodleImportRobustnessTests {
    typealias Support = MoodleTestSupport

    /// The combined-feedback block Moodle 4.x writes for matching, gapselect and ddwtos questions.
    static let combined = """
        <correctfeedback format="html"><text>Your answer is correct.</text></correctfeedback>
        <partiallycorrectfeedback format="html"><text>Your answer is partially correct.</text></partiallycorrectfeedback>
        <incorrectfeedback format="html"><text>Your answer is incorrect.</text></incorrectfeedback>
        <shownumcorrect/>
        """

    static let matching = """
        <question type="matching">
          <name><text>Continents</text></name>
          <questiontext format="html"><text><![CDATA[<p>Match each country to its continent.</p>]]></text></questiontext>
          <generalfeedback format="html"><text></text></generalfeedback>
          <defaultgrade>1.0000000</defaultgrade>
          <penalty>0.3333333</penalty>
          <hidden>0</hidden>
          <idnumber></idnumber>
          <shuffleanswers>true</shuffleanswers>
          \(combined)
          <subquestion format="html"><text><![CDATA[<p>France</p>]]></text><answer><text>Europe</text></answer></subquestion>
          <subquestion format="html"><text><![CDATA[<p>Spain</p>]]></text><answer><text>Europe</text></answer></subquestion>
          <subquestion format="html"><text><![CDATA[<p>Kenya</p>]]></text><answer><text>Africa</text></answer></subquestion>
          <subquestion format="html"><text></text><answer><text>Antarctica</text></answer></subquestion>
        </question>
        """

    @Test("matching: a shared answer is one target, a subquestion without text a distractor, combined feedback kept")
    func matchingSharedAndDistractor() throws {
        let imported = try Support.importXML(Support.quiz(Self.matching))
        let item = try #require(imported.items.first)
        guard case let .matching(pairs, distractors) = item.body else {
            Issue.record("not a matching item: \(item.body)")
            return
        }
        #expect(pairs.map(\.right.html) == ["Europe", "Europe", "Africa"])
        #expect(pairs[0].right == pairs[1].right)
        #expect(distractors.map(\.html) == ["Antarctica"])
        #expect(item.feedback?.correct?.html.contains("Your answer is correct.") == true)
        #expect(item.feedback?.partiallyCorrect?.html.contains("partially correct") == true)
        #expect(item.feedback?.incorrect?.html.contains("incorrect") == true)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
    }

    @Test("matching round trip through Moodle XML keeps shared targets and distractors")
    func matchingRoundTrip() throws {
        let imported = try Support.importXML(Support.quiz(Self.matching))
        let (xml, exportDiagnostics) = MoodleExporter.export(imported.bank)
        #expect(exportDiagnostics.isEmpty, "\(exportDiagnostics)")
        let again = try Support.importXML(xml)
        guard case let .matching(pairs, distractors)? = again.items.first?.body else {
            Issue.record("not a matching item after the round trip")
            return
        }
        #expect(pairs.map(\.right.html) == ["Europe", "Europe", "Africa"])
        #expect(distractors.map(\.html) == ["Antarctica"])
    }

    @Test("gapselect: [[n]] gaps become drop-down blanks offering their group's options")
    func gapSelect() throws {
        let xml = Support.quiz("""
            <question type="gapselect">
              <name><text>Cat and mat</text></name>
              <questiontext format="html"><text><![CDATA[<p>The [[1]] sat on the [[2]].</p>]]></text></questiontext>
              <generalfeedback format="html"><text><![CDATA[<p>A classic sentence.</p>]]></text></generalfeedback>
              <defaultgrade>1.0000000</defaultgrade>
              <penalty>0.3333333</penalty>
              <hidden>0</hidden>
              <idnumber></idnumber>
              <shuffleanswers>1</shuffleanswers>
              \(Self.combined)
              <selectoption><text>cat</text><group>1</group></selectoption>
              <selectoption><text>mat</text><group>2</group></selectoption>
              <selectoption><text>dog</text><group>1</group></selectoption>
              <selectoption><text>hat</text><group>2</group></selectoption>
            </question>
            """)
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first, "\(imported.diagnostics)")
        #expect(item.body == .fillBlank([Blank(accepted: ["cat"], options: ["cat", "dog"]), Blank(accepted: ["mat"], options: ["mat", "hat"])]))
        #expect(item.stem.html.contains(#"data-blank="1""#) && item.stem.html.contains(#"data-blank="2""#))
        #expect(!item.stem.html.contains("[["))
        #expect(item.explanation?.html.contains("classic") == true)
        #expect(item.feedback?.correct != nil)
    }

    @Test("ddwtos: drag boxes (also infinite ones) become drop-down blanks")
    func dragDropText() throws {
        let xml = Support.quiz("""
            <question type="ddwtos">
              <name><text>Planets</text></name>
              <questiontext format="html"><text><![CDATA[<p>[[1]] is closest to the Sun; [[2]] is the largest; [[1]] is small.</p>]]></text></questiontext>
              <generalfeedback format="html"><text></text></generalfeedback>
              <defaultgrade>1.0000000</defaultgrade>
              <penalty>0.3333333</penalty>
              <hidden>0</hidden>
              <idnumber></idnumber>
              <shuffleanswers>1</shuffleanswers>
              \(Self.combined)
              <dragbox><text>Mercury</text><group>1</group><infinite/></dragbox>
              <dragbox><text>Jupiter</text><group>1</group></dragbox>
              <dragbox><text>Pluto</text><group>2</group></dragbox>
            </question>
            """)
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first, "\(imported.diagnostics)")
        let offered = ["Mercury", "Jupiter"]
        #expect(item.body == .fillBlank([
            Blank(accepted: ["Mercury"], options: offered), Blank(accepted: ["Jupiter"], options: offered), Blank(accepted: ["Mercury"], options: offered),
        ]))
    }

    @Test("a gap naming an option that does not exist is CM314, skipped with a warning")
    func gapWithoutOption() throws {
        let xml = Support.quiz("""
            <question type="gapselect"><name><text>broken</text></name>
              <questiontext format="html"><text><![CDATA[<p>[[3]]</p>]]></text></questiontext>
              <selectoption><text>a</text><group>1</group></selectoption>
            </question>
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.isEmpty)
        let skip = try #require(imported.with(.invalidItem).first)
        #expect(skip.severity == .warning && skip.message.contains("[[3]]") && skip.message.hasSuffix(ImportSkip.ending))
    }

    @Test("a cloze MULTICHOICE field with fewer than two options is CM314 (Moodle refuses it); the rest imports")
    func clozeSingleOption() throws {
        let xml = Support.quiz(
            Support.question("cloze", name: "one option", text: "<p>Pick {1:MULTICHOICE:=only}</p>")
                + Support.question("cloze", name: "two options", text: "<p>Pick {1:MULTICHOICE:=right~wrong}</p>"))
        let imported = try Support.importXML(xml)
        #expect(imported.items.map { $0.title?.zh } == ["two options"])
        let skip = try #require(imported.with(.invalidItem).first)
        #expect(skip.severity == .warning)
        #expect(skip.message.contains("fewer than two options"))
        #expect(skip.location.line == 3)
    }

    @Test("cloze answer feedback (#…) is named in a CM312 warning, not dropped without a word")
    func clozeFeedback() throws {
        let xml = Support.quiz(Support.question("cloze", name: "fb", text: "<p>Capital: {1:SHORTANSWER:=Paris#Right!~*#Try again}</p>"))
        let imported = try Support.importXML(xml)
        #expect(imported.items.count == 1)
        let warning = try #require(imported.with(.sanitizedHTML).first)
        #expect(warning.message.contains("cloze field(s) 1") && warning.message.contains("feedback"))
    }

    @Test("calculated, calculatedmulti and other unknown types: one CM311 warning each naming the type; no error")
    func unsupportedTypes() throws {
        let xml = Support.quiz("""
            <question type="calculatedmulti"><name><text>mc_calc3</text></name>
              <questiontext format="html"><text>{a} + {b} = ?</text></questiontext>
              <answer fraction="100"><text>{={a}+{b}}</text></answer></question>
            <question type="calculated"><name><text>calc</text></name><questiontext format="html"><text>{a}</text></questiontext></question>
            \(Support.question("truefalse", name: "ok", text: "<p>好</p>", #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"#))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.count == 1)
        #expect(imported.errors.isEmpty)
        let skips = imported.with(.unsupportedItem)
        #expect(skips.map(\.location.line) == [3, 6])
        #expect(skips[0].message.contains("\"calculatedmulti\"") && skips[0].message.contains("mc_calc3"))
        #expect(skips.allSatisfy { $0.message.hasSuffix(ImportSkip.ending) })
    }

    @Test("true/false and short-answer feedback per answer goes to correct and incorrect feedback")
    func perAnswerFeedback() throws {
        let xml = Support.quiz(
            Support.question("truefalse", name: "tf", text: "<p>Water boils at 100 °C at sea level.</p>", """
                <answer fraction="100" format="moodle_auto_format"><text>true</text><feedback format="html"><text><![CDATA[<p>Yes, at 1 atm.</p>]]></text></feedback></answer>
                <answer fraction="0" format="moodle_auto_format"><text>false</text><feedback format="html"><text><![CDATA[<p>It does, at 1 atm.</p>]]></text></feedback></answer>
                """)
                + Support.question("shortanswer", name: "sa", text: "<p>Capital of France: ____</p>", """
                    <answer fraction="100" format="moodle_auto_format"><text>Paris</text><feedback format="html"><text>Right.</text></feedback></answer>
                    <answer fraction="100" format="moodle_auto_format"><text>paris</text><feedback format="html"><text>Right, mind the capital.</text></feedback></answer>
                    <answer fraction="0" format="moodle_auto_format"><text>*</text><feedback format="html"><text>No.</text></feedback></answer>
                    """))
        let imported = try Support.importXML(xml)
        #expect(imported.items.count == 2)
        let tf = imported.items[0].feedback
        #expect(tf?.correct?.html.contains("Yes, at 1 atm.") == true)
        #expect(tf?.incorrect?.html.contains("It does") == true)
        let sa = imported.items[1].feedback
        #expect(sa?.correct?.html == "Right.")
        #expect(sa?.incorrect?.html == "No.")
        // The second full-mark answer's feedback is not silently lost: a warning names it.
        #expect(imported.with(.sanitizedHTML).contains { $0.message.contains("answer feedback") })
    }

    @Test("multichoice keeps per-answer feedback on its choices and the combined feedback on the item")
    func choiceFeedback() throws {
        let xml = Support.quiz(Support.question("multichoice", name: "mc", text: "<p>2 + 2?</p>", """
            <single>true</single><shuffleanswers>true</shuffleanswers>
            <answer fraction="100" format="html"><text>4</text><feedback format="html"><text>Well done.</text></feedback></answer>
            <answer fraction="0" format="html"><text>5</text><feedback format="html"><text>Count again.</text></feedback></answer>
            \(Self.combined)
            """))
        let item = try #require(try Support.importXML(xml).items.first)
        guard case let .singleChoice(choices) = item.body else {
            Issue.record("not single choice")
            return
        }
        #expect(choices.map { $0.feedback?.html } == ["Well done.", "Count again."])
        #expect(item.feedback?.correct?.html == "Your answer is correct.")
        #expect(item.shuffleChoices)
    }

    @Test("short answers with Moodle's * wildcard are marked as patterns, in the question and in cloze fields, and survive export")
    func shortAnswerWildcard() throws {
        let xml = Support.quiz("""
            <question type="shortanswer"><name><text>frog</text></name>
              <questiontext format="html"><text>What animal croaks?</text></questiontext>
              <usecase>0</usecase>
              <answer fraction="100"><text>frog*</text></answer>
              <answer fraction="0"><text>*</text></answer>
            </question>
            <question type="shortanswer"><name><text>plain</text></name>
              <questiontext format="html"><text>Capital of France?</text></questiontext>
              <answer fraction="100"><text>Paris</text></answer>
            </question>
            <question type="cloze"><name><text>cloze</text></name>
              <questiontext format="html"><text>A {1:SHORTANSWER:=*ship*} carries goods.</text></questiontext>
            </question>
            """)
        let imported = try Support.importXML(xml)
        let blanks = imported.items.map { item -> Blank? in
            if case let .fillBlank(blanks) = item.body { return blanks.first }
            return nil
        }
        #expect(blanks.map { $0?.wildcard } == [true, false, true])
        #expect(blanks.first??.accepted == ["frog*"])
        let (exported, _) = MoodleExporter.export(imported.bank)
        let again = try Support.importXML(exported)
        #expect(again.items.compactMap { item -> Bool? in
            if case let .fillBlank(blanks) = item.body { return blanks.first?.wildcard }
            return nil
        } == [true, false, true])
    }
}
