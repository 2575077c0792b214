import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Foundation
import Testing

@Suite("QTI 2.1 import: the shared fixtures")
struct QTIFixtureImportTests {
    @Test("choice.xml → single choice, prompt and body text in the stem, ChoiceA correct")
    func choice() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("choice.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .singleChoice)
        #expect(imported.id == "choice")
        #expect(imported.importKey == "choice")
        #expect(imported.title == LocalizedText(zh: "Unattended Luggage"))
        #expect(imported.usage == .practice)
        #expect(imported.score == 1)
        // libxml2 numbers a multi-line start tag by the line where it ends.
        #expect(imported.location == SourceLocation(file: "banks/qti/choice.xml", line: 6))
        #expect(imported.stem.html.contains("<p>Look at the text in the picture.</p>"))
        // The picture is an item asset, relative to the item's folder, left as a placeholder the page fills.
        #expect(imported.stem.html.contains("<p><!--coursemap-asset 0--></p>"))
        #expect(imported.assets.map(\.path) == ["banks/qti/images/sign.png"])
        #expect(imported.assets.first?.alternative == "NEVER LEAVE LUGGAGE UNATTENDED")
        #expect(imported.assets.first?.location.file == "banks/qti/choice.xml")
        #expect(imported.stem.html.hasSuffix("<p>What does it say?</p>"))
        #expect(!imported.stem.html.contains("You must stay"))
        let choices = QTITestSupport.choices(imported.body)
        #expect(choices.map(\.label) == ["A", "B", "C"])
        #expect(choices.map(\.text.html) == [
            "You must stay with your luggage at all times.",
            "Do not let someone else look after your luggage.",
            "Remember your luggage when you leave.",
        ])
        #expect(choices.map(\.correct) == [true, false, false])
    }

    @Test("choice_multiple.xml → multiple choice with H and O correct")
    func choiceMultiple() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("choice_multiple.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .multipleChoice)
        #expect(imported.id == "choiceMultiple")
        #expect(imported.title?.zh == "Composition of Water")
        #expect(imported.stem.html == "<p>Which of the following elements are used to form water?</p>")
        let choices = QTITestSupport.choices(imported.body)
        #expect(choices.map(\.label) == ["A", "B", "C", "D", "E", "F"])
        #expect(choices.map(\.text.html) == ["Hydrogen", "Helium", "Carbon", "Oxygen", "Nitrogen", "Chlorine"])
        #expect(choices.filter(\.correct).map(\.text.html) == ["Hydrogen", "Oxygen"])
    }

    @Test("text_entry.xml → one blank in place, accepting York and the credited york, with letter case counting (QTI's default)")
    func textEntry() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("text_entry.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .fillBlank)
        #expect(imported.id == "textEntry")
        #expect(imported.stem.html.hasPrefix("<p>Identify the missing word in this famous quote from Shakespeare's Richard III.</p>"))
        #expect(imported.stem.html.contains("Made glorious summer by this sun of <span class=\"blank\" data-blank=\"1\"></span>;<br>"))
        #expect(imported.stem.html.contains("<blockquote>"))
        #expect(imported.body == .fillBlank([Blank(accepted: ["York", "york"], options: [], caseSensitive: true)]))
    }

    @Test("inline_choice.xml → one blank with the three inline choices as options, York correct")
    func inlineChoice() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("inline_choice.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .fillBlank)
        #expect(imported.id == "inlineChoice")
        #expect(imported.stem.html.contains("sun of <span class=\"blank\" data-blank=\"1\"></span>;<br>"))
        #expect(!imported.stem.html.contains("Gloucester"))
        #expect(imported.body == .fillBlank([Blank(accepted: ["York"], options: ["Gloucester", "Lancaster", "York"])]))
    }

    @Test("gap_match.xml → two blanks (winter, summer) with the four gap texts as options")
    func gapMatch() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("gap_match.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .fillBlank)
        #expect(imported.id == "gapMatch")
        #expect(imported.stem.html.hasPrefix("<p>Identify the missing words in this famous quote from Shakespeare's Richard III.</p>"))
        #expect(imported.stem.html.contains("Now is the <span class=\"blank\" data-blank=\"1\"></span> of our discontent"))
        #expect(imported.stem.html.contains("Made glorious <span class=\"blank\" data-blank=\"2\"></span> by this sun of York;"))
        #expect(!imported.stem.html.contains("spring"))
        let options = ["winter", "spring", "summer", "autumn"]
        #expect(imported.body == .fillBlank([Blank(accepted: ["winter"], options: options), Blank(accepted: ["summer"], options: options)]))
    }

    @Test("extended_text.xml → short answer; the image object becomes an image whose alternative is its fallback text")
    func extendedText() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("extended_text.xml")
        let imported = try #require(item)
        #expect(imported.kind == .shortAnswer)
        #expect(imported.id == "extendedText")
        #expect(imported.title?.zh == "Writing a Postcard")
        #expect(imported.stem.html.hasPrefix("<p>Read this postcard from your English pen-friend, Sam.</p>"))
        #expect(imported.stem.html.contains("<div><!--coursemap-asset 0--></div>"))
        #expect(imported.assets.map(\.path) == ["banks/qti/images/postcard.png"])
        #expect(imported.assets.first?.alternative?.contains("Here is a postcard of my town. Please send me") == true)
        #expect(imported.assets.first?.location.line == 12)
        #expect(imported.stem.html.hasSuffix("<p>Write Sam a postcard. Answer the questions. Write 25-35 words.</p>"))
        #expect(!imported.stem.html.contains("<object"))
        #expect(imported.body == .shortAnswer(reference: nil, points: []))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("order.xml → ordering in the correct-response order C, A, B")
    func order() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("order.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .ordering)
        #expect(imported.id == "order")
        #expect(imported.stem.html == "<p>The following F1 drivers finished on the podium in the first ever Grand Prix of Bahrain. Can you rearrange them into the correct finishing order?</p>")
        #expect(imported.body == .ordering([
            RichText(html: "Michael Schumacher"), RichText(html: "Rubens Barrichello"), RichText(html: "Jenson Button"),
        ]))
    }

    @Test("match.xml → the four correct pairs (two plays take two characters)")
    func match() throws {
        let (item, diagnostics) = try QTITestSupport.importFixture("match.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.kind == .matching)
        #expect(imported.id == "match")
        #expect(imported.stem.html == "<p>Match the following characters to the Shakespeare play they appeared in:</p>")
        func pair(_ left: String, _ right: String) -> MatchPair { MatchPair(left: RichText(html: left), right: RichText(html: right)) }
        #expect(imported.body == .matching([
            pair("Capulet", "Romeo and Juliet"),
            pair("Demetrius", "A Midsummer-Night's Dream"),
            pair("Lysander", "A Midsummer-Night's Dream"),
            pair("Prospero", "The Tempest"),
        ]))
    }

    @Test("every fixture in the folder imports without errors")
    func everyFixture() throws {
        let names = try FileManagerListing.xmlFiles(in: QTITestSupport.fixtureDirectory)
        #expect(names.count >= 8)
        for name in names {
            let (item, diagnostics) = try QTITestSupport.importFixture(name)
            #expect(item != nil, "\(name): \(diagnostics)")
            #expect(!diagnostics.contains { $0.severity == .error }, "\(name): \(diagnostics)")
        }
    }
}

enum FileManagerListing {
    static func xmlFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xml") }.sorted()
    }
}

@Suite("QTI 2.1 import: what is refused, repaired or reported")
struct QTIImportProblemTests {
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test("an unsupported interaction is a CM311 warning naming it and its line; the item is skipped")
    func unsupported() throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="point"/>"#,
            body: """
                <p>Put the label on the map.</p>
                <positionObjectStage><object data="map.png" type="image/png" width="100" height="100"/><positionObjectInteraction responseIdentifier="RESPONSE" maxChoices="1"><object data="pin.png" type="image/png" width="10" height="10"/></positionObjectInteraction></positionObjectStage>
                """)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item == nil)
        let line = Self.line(of: "<positionObjectInteraction", in: text)
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.code == .unsupportedItem)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("positionObjectInteraction"))
        #expect(warning.message.contains("line \(line)"))
        #expect(warning.location == SourceLocation(file: "banks/qti/inline.xml", line: line))
    }

    @Test("media, custom and end-attempt interactions are each reported")
    func others() throws {
        for name in ["mediaInteraction", "customInteraction", "endAttemptInteraction"] {
            let text = QTITestSupport.item(body: "<div><\(name) responseIdentifier=\"RESPONSE\"/></div>")
            let (item, diagnostics) = try QTITestSupport.importText(text)
            #expect(item == nil)
            #expect(diagnostics.map(\.code) == [.unsupportedItem], "\(name)")
            #expect(diagnostics.first?.message.contains(name) == true)
        }
    }

    @Test("different interaction kinds in one item make an item of several parts, each led by its prompt")
    func mixed() throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="R1" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration><responseDeclaration identifier="R2" cardinality="ordered" baseType="identifier"><correctResponse><value>X</value><value>Y</value></correctResponse></responseDeclaration>"#,
            body: """
                <choiceInteraction responseIdentifier="R1" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction>
                <orderInteraction responseIdentifier="R2"><simpleChoice identifier="X">x</simpleChoice><simpleChoice identifier="Y">y</simpleChoice></orderInteraction>
                """)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(diagnostics.isEmpty)
        guard case let .composite(parts)? = item?.body else {
            Issue.record("expected an item of several parts, got \(String(describing: item?.body))")
            return
        }
        #expect(parts.count == 2)
        #expect(parts.first?.body.kind == .singleChoice)
        #expect(parts.last?.body == .ordering([RichText(html: "x"), RichText(html: "y")]))
    }

    @Test("an item without interaction (and without the description marker) is CM311")
    func noInteraction() throws {
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(body: "<p>Just text.</p>"))
        #expect(item == nil)
        #expect(diagnostics.map(\.code) == [.unsupportedItem])
    }

    @Test("script and onclick in the item body are removed and reported (CM312)")
    func sanitising() throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>"#,
            body: """
                <p onclick="steal()">Pick <strong>one</strong><script>alert(1)</script></p>
                <p><a href="javascript:alert(2)">link</a></p>
                <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
                <simpleChoice identifier="A">a<span onmouseover="x()">!</span></simpleChoice>
                <simpleChoice identifier="B">b</simpleChoice>
                </choiceInteraction>
                """)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(imported.kind == .singleChoice)
        let all = imported.stem.html + QTITestSupport.choices(imported.body).map(\.text.html).joined()
        for needle in ["<script", "alert", "onclick", "onmouseover", "javascript:"] {
            #expect(!all.contains(needle), "\(needle) survived: \(all)")
        }
        #expect(imported.stem.html.contains("<p>Pick <strong>one</strong></p>"))
        #expect(QTITestSupport.choices(imported.body).map(\.correct) == [false, true])
        let warnings = diagnostics.filter { $0.code == .sanitizedHTML }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        for removed in ["<script>", "onclick", "onmouseover"] {
            #expect(warnings.first?.message.contains(removed) == true, "\(removed) not named: \(warnings)")
        }
    }

    @Test("a correct response that matches no choice is CM314; a choice without any key is a survey")
    func invalidCorrectResponse() throws {
        let choices = #"<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction>"#
        let missing = try QTITestSupport.importText(QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>"#, body: choices))
        #expect(missing.item?.body == .survey(SurveyTask(choices: [RichText(html: "a"), RichText(html: "b")], multiple: false)))
        #expect(missing.diagnostics.isEmpty)

        let unmatched = try QTITestSupport.importText(QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>Z</value></correctResponse></responseDeclaration>"#,
            body: choices))
        #expect(unmatched.item == nil)
        #expect(unmatched.diagnostics.map(\.code) == [.invalidItem])
        #expect(unmatched.diagnostics.first?.message.contains("'Z'") == true)

        let order = try QTITestSupport.importText(QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier"/>"#,
            body: #"<orderInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="X">x</simpleChoice></orderInteraction>"#))
        #expect(order.item == nil)
        #expect(order.diagnostics.map(\.code) == [.invalidItem])
    }

    @Test("true/false choices become a true/false item; identifiers are made valid Coursemap ids")
    func trueFalseAndIdentifiers() throws {
        let text = QTITestSupport.item(
            identifier: "题目 1",
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>False</value></correctResponse></responseDeclaration>"#,
            body: #"<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>地球是平的。</prompt><simpleChoice identifier="True">对</simpleChoice><simpleChoice identifier="False">错</simpleChoice></choiceInteraction>"#)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.body == .trueFalse(answer: false))
        #expect(imported.stem.html == "<p>地球是平的。</p>")
        #expect(imported.id == "q-1")
        #expect(imported.importKey == "题目 1")
    }

    @Test("a numeric text entry becomes a numerical item, tolerance from the response processing")
    func numerical() throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"><correctResponse><value>3.14</value></correctResponse></responseDeclaration>"#,
            body: #"<p>π to two decimals is <textEntryInteraction responseIdentifier="RESPONSE"/>.</p>"#)
            .replacingOccurrences(of: "</itemBody>", with: """
                </itemBody>
                <responseProcessing><responseCondition><responseIf><equal toleranceMode="absolute" tolerance="0.005 0.005"><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf></responseCondition></responseProcessing>
                """)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.body == .numerical([NumericAnswer(value: 3.14, tolerance: 0.005)]))
        #expect(imported.stem.html == "<p>π to two decimals is ____.</p>")
    }

    @Test("score comes from MAXSCORE, else SCORE's normalMaximum, else 1")
    func score() throws {
        let choice = #"<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction>"#
        let declaration = #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>"#
        let normal = QTITestSupport.item(declarations: declaration, body: choice)
            .replacingOccurrences(of: #"<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>"#, with: #"<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="4"/>"#)
        #expect(try QTITestSupport.importText(normal).item?.score == 4)
        let maximum = normal.replacingOccurrences(of: "<!-- line 4 -->", with: #"<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>2.5</value></defaultValue></outcomeDeclaration>"#)
        #expect(try QTITestSupport.importText(maximum).item?.score == 2.5)
        #expect(try QTITestSupport.importText(QTITestSupport.item(declarations: declaration, body: choice)).item?.score == 1)
    }

    @Test("another tool's scorer rubric block is the reference answer, never part of the stem")
    func scorerRubric() throws {
        let text = QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>"#,
            body: """
                <p>Explain FOB.</p>
                <rubricBlock view="scorer"><p>Free on board: the seller loads the goods.</p></rubricBlock>
                <rubricBlock view="candidate"><p>Write two sentences.</p></rubricBlock>
                <extendedTextInteraction responseIdentifier="RESPONSE"/>
                """)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.stem.html == "<p>Explain FOB.</p><div><p>Write two sentences.</p></div>")
        #expect(imported.body == .shortAnswer(reference: RichText(html: "<p>Free on board: the seller loads the goods.</p>"), points: []))
    }

    @Test("a root that is not a QTI 2.1 assessmentItem is refused")
    func wrongRoot() throws {
        let text = #"<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="x" title="x"/>"#
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item == nil)
        #expect(diagnostics.map(\.code) == [.xmlUnknownRoot])
        #expect(diagnostics.first?.severity == .error)
    }
}
