import CoursemapInterop
import CoursemapModel
import Testing

/// Regressions found by importing public Moodle, QTI and CASE files (Moodle's own question-type fixtures,
/// the IMS QTI 2.1 examples, OpenSALT's CASE fixtures): each input is written inline in the shape that
/// failed.
@Suite("Shapes of public Moodle, QTI and CASE files")
struct PublicCorpusRegressionTests {
    @Test("Moodle hints are named in a warning at the first <hint>, not dropped without a word")
    func hintsAreNamed() throws {
        let xml = MoodleTestSupport.quiz(MoodleTestSupport.question("multichoice", name: "Multi-choice-001", text: "Find the capital cities in Europe.", """
            <single>false</single>
            <answer fraction="50" format="html"><text>Paris</text></answer>
            <answer fraction="50" format="html"><text>Bonn</text></answer>
            <answer fraction="0" format="html"><text>Canberra</text></answer>
            <hint format="html"><text>Hint 1.</text></hint>
            <hint format="html"><text>Hint 2.</text></hint>
            <hint format="html"><text></text></hint>
            """))
        let imported = try MoodleTestSupport.importXML(xml)
        #expect(imported.items.count == 1)
        #expect(imported.errors.isEmpty)
        let warning = try #require(imported.with(.unsupportedItem).first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("2 hint(s)"))
        #expect(!ImportSkip.isSkip(warning), "the item is kept: the warning must not read as a skip")
        #expect(warning.location.line == 10)
    }

    @Test("a short answer or cloze answer worth part of the marks is named: the self-check grades it wrong")
    func partialCreditIsNamed() throws {
        let shortAnswer = MoodleTestSupport.question("shortanswer", name: "shortanswer-001", text: "Name an amphibian: __________", """
            <usecase>0</usecase>
            <answer fraction="100" format="moodle_auto_format"><text>frog</text></answer>
            <answer fraction="80" format="moodle_auto_format"><text>toad</text></answer>
            <answer fraction="0" format="moodle_auto_format"><text>*</text></answer>
            """)
        let cloze = MoodleTestSupport.question(
            "cloze", name: "cloze",
            text: "The capital of France is {1:SHORTANSWER:%100%Paris#Right~%50%Marseille#No, that is the second city~*#Wrong}.")
        let imported = try MoodleTestSupport.importXML(MoodleTestSupport.quiz(shortAnswer + "\n" + cloze))
        #expect(imported.items.count == 2)
        let messages = imported.with(.unsupportedItem).map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("'toad' (80%)") && $0.contains("count as wrong") })
        #expect(messages.contains { $0.contains("'Marseille' (50%)") && $0.contains("field 1") })
        // The accepted answers stay the full-mark ones; the wildcard and the zero answer are not named.
        guard case let .fillBlank(blanks) = imported.items[0].body else { Issue.record("\(imported.items[0].body)"); return }
        #expect(blanks.map(\.accepted) == [["frog"]])
        #expect(!messages.contains { $0.contains("'*'") })
    }

    @Test("a CASE statement written with CRLF line endings (OpenSALT's Markdown fixture) imports with LF")
    func caseLineEndings() throws {
        let json = """
            {"CFDocument": {"identifier": "d0c00000-0000-4000-8000-000000000001", "uri": "https://example.org/d", "creator": "x",
              "title": "Markdown", "lastChangeDateTime": "2020-01-01T00:00:00+00:00"},
             "CFItems": [{"identifier": "d0c00000-0000-4000-8000-000000000002", "uri": "https://example.org/i", "humanCodingScheme": "MD.Table",
              "fullStatement": "| a | b |\\r\\n|---|---|\\r\\n| 1 | 2 |\\rend", "lastChangeDateTime": "2020-01-01T00:00:00+00:00",
              "CFDocumentURI": {"identifier": "d0c00000-0000-4000-8000-000000000001", "uri": "https://example.org/d", "title": "Markdown"}}],
             "CFAssociations": []}
            """
        let imported = CASETestSupport.importJSON(json, frameworkID: "md")
        #expect(imported.errors.isEmpty, "\(imported.diagnostics.map(\.message))")
        let framework = try #require(imported.framework)
        let statements = framework.allCompetencies.flatMap { [$0.statement.zh] + [$0.group.title].compactMap { $0 }.map(\.zh) }
        #expect(statements.contains("| a | b |\n|---|---|\n| 1 | 2 |\nend"), "\(statements)")
        #expect(!statements.contains { $0.unicodeScalars.contains("\r") })
    }

    @Test("a hottext item exports its words where they stand in the text, once, and imports back the same")
    func hottextExportKeepsTheWordsInPlace() throws {
        let source = QTITestSupport.item(
            identifier: "IMS00004_StemError",
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>CHOICE2</value></correctResponse></responseDeclaration>"#,
            body: """
                <hottextInteraction responseIdentifier="RESPONSE" maxChoices="1">
                  <p>Sponsors of the Olympic Games <hottext identifier="CHOICE1">who bought</hottext> advertising time
                  <hottext identifier="CHOICE2">includes</hottext> a dozen firms. <hottext identifier="CHOICE5">No error.</hottext></p>
                </hottextInteraction>
                """)
        let original = try #require(try QTITestSupport.importText(source, file: "exercises/qti/inline.xml").item)
        let bank = ExerciseBank(
            id: "hot", title: LocalizedText(zh: "选词"), source: .qti, sections: [ExerciseSection(items: [original])],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let text = try #require(QTIExporter.export(bank).files["items/\(original.id).xml"])
        #expect(text.contains(#"Olympic Games <hottext identifier="T1">who bought</hottext> advertising"#), "\(text)")
        #expect(text.components(separatedBy: "<hottext ").count == 4, "each word once")
        #expect(try QTIInteractionExportTests.schemaProblems(text, name: "hottext.xml") == nil)
        let path = "exercises/out/items/\(original.id).xml"
        let back = try #require(QTIImporter.importItem(try QTITestSupport.parse(text, file: path), file: path).item)
        #expect(back.body == original.body)
        #expect(QTITestSupport.normalise(back.stem) == QTITestSupport.normalise(original.stem))
    }

    @Test("a picture in an item's text is exported as an <img> relative to the package, not dropped, and imports back")
    func picturesAreExported() throws {
        let source = QTITestSupport.item(
            identifier: "choice",
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>ChoiceA</value></correctResponse></responseDeclaration>"#,
            body: """
                <p>Look at the text in the picture.</p>
                <p><img src="images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/></p>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <prompt>What does it say?</prompt>
                  <simpleChoice identifier="ChoiceA">You must stay with your luggage at all times.</simpleChoice>
                  <simpleChoice identifier="ChoiceB">Do not let someone else look after your luggage.</simpleChoice>
                </choiceInteraction>
                """)
        let original = try #require(try QTITestSupport.importText(source, file: "exercises/qti/choice.xml").item)
        #expect(original.assets.map(\.path) == ["exercises/qti/images/sign.png"])
        let bank = ExerciseBank(
            id: "pictures", title: LocalizedText(zh: "图片"), source: .qti, sections: [ExerciseSection(items: [original])],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let text = try #require(QTIExporter.export(bank).files["items/\(original.id).xml"])
        #expect(text.contains(#"<img src="../exercises/qti/images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/>"#), "\(text)")
        #expect(try QTIInteractionExportTests.schemaProblems(text, name: "choice.xml") == nil)
        let path = "exercises/out/items/\(original.id).xml"
        let back = try #require(QTIImporter.importItem(try QTITestSupport.parse(text, file: path), file: path).item)
        #expect(back.assets.map(\.path) == ["exercises/out/exercises/qti/images/sign.png"])
        #expect(back.assets.map(\.alternative) == ["NEVER LEAVE LUGGAGE UNATTENDED"])
    }

    @Test("an adaptive item (IMS Monty Hall) is imported with warnings naming adaptivity and the survey's choice feedback")
    func adaptiveItemIsNamed() throws {
        let source = """
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="adaptive" title="Monty Hall" adaptive="true" timeDependent="false">
            <responseDeclaration identifier="DOOR" cardinality="single" baseType="identifier"/>
            <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>switchStrategy</value></correctResponse></responseDeclaration>
            <itemBody>
            <choiceInteraction responseIdentifier="DOOR" shuffle="false" maxChoices="1">
            <simpleChoice identifier="DoorA"><feedbackInline outcomeIdentifier="CLOSED" showHide="show" identifier="DoorA">The Red Door</feedbackInline>
            <feedbackInline outcomeIdentifier="GOATS" showHide="show" identifier="DoorA">this door is now open revealing a goat!</feedbackInline></simpleChoice>
            <simpleChoice identifier="DoorB">Green</simpleChoice>
            </choiceInteraction>
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
            <simpleChoice identifier="stickStrategy">Always stick.</simpleChoice>
            <simpleChoice identifier="switchStrategy">Always switch.<feedbackInline outcomeIdentifier="F" showHide="show" identifier="a">Yes.</feedbackInline><feedbackInline outcomeIdentifier="F" showHide="show" identifier="b">Right.</feedbackInline></simpleChoice>
            </choiceInteraction>
            </itemBody>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(source, file: "exercises/qti/adaptive.xml")
        #expect(item != nil)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && !ImportSkip.isSkip($0) }, "\(diagnostics.map(\.message))")
        let adaptive = try #require(diagnostics.first { $0.code == .unsupportedItem })
        #expect(adaptive.message.contains("adaptive") && adaptive.location.line == 1)
        let messages = diagnostics.filter { $0.code == .sanitizedHTML }.map(\.message)
        #expect(messages.contains { $0.contains("survey") && $0.contains("1 choice(s)") }, "\(messages)")
        #expect(messages.contains { $0.contains("more than one feedbackInline") }, "\(messages)")
    }
}
