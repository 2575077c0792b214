import CoursemapInterop
import CoursemapModel
import Testing

/// QTI 2.1 feedback, matching and template items in the shapes TAO, Onyx and the IMS examples write.
@Suite("QTI import: feedback, match distractors, template items")
struct QTIFeedbackImportTests {
    /// A TAO-style choice item: FEEDBACKBASIC is set to correct/incorrect by the response rule, and a second
    /// rule adds a modal feedback's identifier to FEEDBACKMODAL from it.
    static let tao = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd" identifier="i1500000000000000" title="Capital" label="Capital" xml:lang="en-US" adaptive="false" timeDependent="false" toolName="TAO" toolVersion="3.4.0-sprint130">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
            <correctResponse><value><![CDATA[choice_2]]></value></correctResponse>
          </responseDeclaration>
          <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="1"/>
          <outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>1</value></defaultValue></outcomeDeclaration>
          <outcomeDeclaration identifier="FEEDBACKBASIC" cardinality="single" baseType="identifier" view="testConstructor"><defaultValue><value>empty</value></defaultValue></outcomeDeclaration>
          <outcomeDeclaration identifier="FEEDBACKMODAL" cardinality="multiple" baseType="identifier" view="testConstructor"/>
          <itemBody>
            <div class="grid-row"><div class="col-12">
              <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1" minChoices="0" orientation="vertical">
                <prompt>What is the capital of France?</prompt>
                <simpleChoice identifier="choice_1" fixed="false" showHide="show">Lyon</simpleChoice>
                <simpleChoice identifier="choice_2" fixed="false" showHide="show">Paris</simpleChoice>
                <simpleChoice identifier="choice_3" fixed="true" showHide="show">None of these</simpleChoice>
              </choiceInteraction>
            </div></div>
          </itemBody>
          <responseProcessing>
            <responseCondition>
              <responseIf>
                <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
                <setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><baseValue baseType="integer">1</baseValue></sum></setOutcomeValue>
                <setOutcomeValue identifier="FEEDBACKBASIC"><baseValue baseType="identifier">correct</baseValue></setOutcomeValue>
              </responseIf>
              <responseElse>
                <setOutcomeValue identifier="FEEDBACKBASIC"><baseValue baseType="identifier">incorrect</baseValue></setOutcomeValue>
              </responseElse>
            </responseCondition>
            <responseCondition>
              <responseIf>
                <and><match><baseValue baseType="identifier">correct</baseValue><variable identifier="FEEDBACKBASIC"/></match></and>
                <setOutcomeValue identifier="FEEDBACKMODAL"><multiple><variable identifier="FEEDBACKMODAL"/><baseValue baseType="identifier">feedbackModal_1</baseValue></multiple></setOutcomeValue>
              </responseIf>
            </responseCondition>
            <responseCondition>
              <responseIf>
                <and><match><baseValue baseType="identifier">incorrect</baseValue><variable identifier="FEEDBACKBASIC"/></match></and>
                <setOutcomeValue identifier="FEEDBACKMODAL"><multiple><variable identifier="FEEDBACKMODAL"/><baseValue baseType="identifier">feedbackModal_2</baseValue></multiple></setOutcomeValue>
              </responseIf>
            </responseCondition>
          </responseProcessing>
          <modalFeedback identifier="feedbackModal_1" outcomeIdentifier="FEEDBACKMODAL" showHide="show" title="Good"><div>Right: Paris is the capital.</div></modalFeedback>
          <modalFeedback identifier="feedbackModal_2" outcomeIdentifier="FEEDBACKMODAL" showHide="show" title="Not quite"><div>Lyon is the third city.</div></modalFeedback>
          <modalFeedback identifier="extra" outcomeIdentifier="SOMETHING" showHide="show">Read chapter 2.</modalFeedback>
        </assessmentItem>
        """

    @Test("TAO modal feedback tied to FEEDBACKBASIC becomes correct/incorrect feedback; anything else general")
    func taoFeedback() throws {
        let (item, diagnostics) = try QTITestSupport.importText(Self.tao)
        let imported = try #require(item, "\(diagnostics)")
        #expect(imported.feedback?.correct?.html.contains("Paris is the capital") == true)
        #expect(imported.feedback?.incorrect?.html.contains("third city") == true)
        #expect(imported.feedback?.general?.html.contains("Read chapter 2.") == true)
        #expect(imported.shuffleChoices)
        #expect(imported.fixedChoices == [2])
        // Feedback never leaks into the stem.
        #expect(!imported.stem.html.contains("Paris is the capital"))
    }

    /// The IMS "feedback" example shape: FEEDBACK is set to the response itself, and each modal feedback
    /// names one choice.
    @Test("modal feedback on FEEDBACK set from RESPONSE becomes each choice's feedback")
    func perChoiceModalFeedback() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choiceFeedback" title="Baker" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>MGH001C</value></correctResponse></responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
              <itemBody>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <prompt>Who is the baker?</prompt>
                  <simpleChoice identifier="MGH001A">Mr Bean</simpleChoice>
                  <simpleChoice identifier="MGH001C">Mr Bun</simpleChoice>
                </choiceInteraction>
                <p>Inline note: <feedbackInline outcomeIdentifier="FEEDBACK" identifier="MGH001C" showHide="show">the baker bakes buns</feedbackInline></p>
              </itemBody>
              <responseProcessing>
                <responseCondition>
                  <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
                    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>
                  <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse>
                </responseCondition>
                <setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>
              </responseProcessing>
              <modalFeedback outcomeIdentifier="FEEDBACK" identifier="MGH001A" showHide="show">No, he is the butcher.</modalFeedback>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(xml)
        let imported = try #require(item, "\(diagnostics)")
        guard case let .singleChoice(choices) = imported.body else {
            Issue.record("not single choice: \(imported.body)")
            return
        }
        #expect(choices.map { $0.feedback?.html } == ["No, he is the butcher.", "the baker bakes buns"])
        #expect(!imported.stem.html.contains("baker bakes"))
        #expect(imported.feedback == nil)
    }

    @Test("match: several lefts to one right (matchMax 2) share one target; unpaired right choices are distractors")
    func matchDistractors() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="match2" title="Family" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">
                <correctResponse><value>C1 D1</value><value>C2 D1</value><value>C3 D2</value></correctResponse>
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <itemBody>
                <matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="3">
                  <prompt>Match each animal to its class.</prompt>
                  <simpleMatchSet>
                    <simpleAssociableChoice identifier="C1" matchMax="1">Dog</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="C2" matchMax="1">Cat</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="C3" matchMax="1">Eagle</simpleAssociableChoice>
                  </simpleMatchSet>
                  <simpleMatchSet>
                    <simpleAssociableChoice identifier="D1" matchMax="2">Mammal</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="D2" matchMax="1">Bird</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="D3" matchMax="1">Fish</simpleAssociableChoice>
                  </simpleMatchSet>
                </matchInteraction>
              </itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(xml)
        let imported = try #require(item, "\(diagnostics)")
        guard case let .matching(pairs, distractors) = imported.body else {
            Issue.record("not matching: \(imported.body)")
            return
        }
        #expect(pairs.map(\.right.html) == ["Mammal", "Mammal", "Bird"])
        #expect(distractors.map(\.html) == ["Fish"])
        #expect(imported.shuffleChoices)
        #expect(diagnostics.isEmpty, "\(diagnostics)")

        // The QTI export writes them back: one shared right choice with matchMax 2, the distractor unpaired.
        let bank = ExerciseBank(
            id: "b", title: LocalizedText(zh: "b"), source: .qti, sections: [ExerciseSection(items: [imported])],
            location: SourceLocation(file: "b.xml"))
        let exported = QTIExporter.export(bank)
        let file = try #require(exported.files.first { $0.value.contains("<assessmentItem") && $0.value.contains("<matchInteraction") })
        #expect(file.value.contains(#"matchMax="2""#))
        let (again, againDiagnostics) = try QTITestSupport.importText(file.value)
        guard case let .matching(pairsAgain, distractorsAgain)? = again?.body else {
            Issue.record("round trip lost the matching: \(againDiagnostics)")
            return
        }
        #expect(pairsAgain.map(\.right.html) == ["Mammal", "Mammal", "Bird"])
        #expect(distractorsAgain.map(\.html) == ["Fish"])
    }

    static func addition(processing extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="add" title="Addition" adaptive="false" timeDependent="false">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"/>
          <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
          <templateDeclaration identifier="A" cardinality="single" baseType="integer" mathVariable="true" paramVariable="true"/>
          <templateDeclaration identifier="B" cardinality="single" baseType="integer" mathVariable="true" paramVariable="true"/>
          <templateProcessing>
            <setTemplateValue identifier="A"><randomInteger min="1" max="9"/></setTemplateValue>
            <setTemplateValue identifier="B"><randomInteger min="10" max="90" step="10"/></setTemplateValue>
            \(extra)
            <setCorrectResponse identifier="RESPONSE"><sum><variable identifier="A"/><variable identifier="B"/></sum></setCorrectResponse>
          </templateProcessing>
          <itemBody>
            <p><printedVariable identifier="A"/> + <printedVariable identifier="B"/> = <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="3"/></p>
          </itemBody>
          <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
        </assessmentItem>
        """
    }

    @Test("a template item is evaluated with the fixed seed: printed variables and the correct response agree, every time")
    func templateEvaluated() throws {
        let (item, diagnostics) = try QTITestSupport.importText(Self.addition())
        let imported = try #require(item, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = imported.stem.html
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count == 2, "\(text)")
        let (a, b) = (numbers[0], numbers[1])
        #expect((1...9).contains(a) && (10...90).contains(b) && b % 10 == 0)
        guard case let .numerical(answers) = imported.body else {
            Issue.record("not numerical: \(imported.body)")
            return
        }
        #expect(answers.map(\.value) == [Double(a + b)])
        let (again, _) = try QTITestSupport.importText(Self.addition())
        #expect(again == item, "deterministic")
    }

    @Test("a template condition on a variable templateProcessing sets is decided by the evaluated clone, the same every time")
    func templateConditionEvaluated() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="cond" title="Cond" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
              <templateDeclaration identifier="T" cardinality="single" baseType="identifier"/>
              <templateProcessing><setTemplateValue identifier="T"><random><multiple><baseValue baseType="identifier">V1</baseValue><baseValue baseType="identifier">V2</baseValue></multiple></random></setTemplateValue></templateProcessing>
              <itemBody>
                <templateBlock templateIdentifier="T" showHide="show" identifier="V1"><p>first</p></templateBlock>
                <templateBlock templateIdentifier="T" showHide="show" identifier="V2"><p>second</p></templateBlock>
                <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction>
              </itemBody>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(xml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let stem = try #require(item?.stem.html)
        // Exactly one of the two blocks shows: the clone has one value of T.
        #expect(stem.contains("first") != stem.contains("second"), "\(stem)")
        #expect(try QTITestSupport.importText(xml).item == item)
    }

    @Test("template processing beyond the supported subset: skipped with CM311 naming the element, not a missing correct response")
    func templateUnsupported() throws {
        let condition = #"<templateCondition><templateIf><gt><variable identifier="A"/><baseValue baseType="integer">5</baseValue></gt><setTemplateValue identifier="A"><baseValue baseType="integer">5</baseValue></setTemplateValue></templateIf></templateCondition>"#
        let (item, diagnostics) = try QTITestSupport.importText(Self.addition(processing: condition))
        #expect(item == nil)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let skip = try #require(diagnostics.first)
        #expect(skip.code == .unsupportedItem && skip.severity == .warning)
        #expect(skip.message.contains("template") && skip.message.contains("<templateCondition>"))
        #expect(!skip.message.contains("correctResponse"))
        #expect(skip.location.line == 10)
    }

    @Test("a Likert/survey item without a correct response is an ungraded survey, with no diagnostic")
    func surveyWithoutKey() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="likert" title="Satisfaction" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <itemBody>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <prompt>How satisfied are you?</prompt>
                  <simpleChoice identifier="L1">Not at all</simpleChoice>
                  <simpleChoice identifier="L2">Somewhat</simpleChoice>
                  <simpleChoice identifier="L3">Very</simpleChoice>
                </choiceInteraction>
              </itemBody>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(xml)
        #expect(diagnostics.isEmpty)
        #expect(item?.body == .survey(SurveyTask(choices: ["Not at all", "Somewhat", "Very"].map { RichText(html: $0) }, multiple: false)))
    }
}
