import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Testing

/// What the importer must make of one odd item: skip it with exactly one diagnostic (code, severity, line,
/// and words of the message), or accept it as exactly this kind and stem with exactly these diagnostics.
struct OddQTICase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        case skipped(DiagnosticCode, Severity, line: Int, saying: String)
        case accepted(ItemKind, stem: String, codes: [DiagnosticCode])
    }

    var body: String
    var outcome: Outcome
    var testDescription: String { String(body.prefix(60)) }
}

@Suite("QTI 2.1: odd input never crashes")
struct QTIRobustnessTests {
    @Test("malformed or incomplete items are skipped with the one diagnostic that says why, or accepted exactly", arguments: [
        OddQTICase(body: "", outcome: .skipped(.unsupportedItem, .warning, line: 5, saying: "has no interaction Coursemap imports")),
        OddQTICase(body: "<p>no interaction at all</p>", outcome: .skipped(.unsupportedItem, .warning, line: 5, saying: "has no interaction Coursemap imports")),
        OddQTICase(body: #"<choiceInteraction responseIdentifier="NOPE"/>"#, outcome: .skipped(.invalidItem, .warning, line: 6, saying: "<choiceInteraction> has no <simpleChoice>")),
        OddQTICase(
            body: #"<choiceInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="A">a</simpleChoice></choiceInteraction>"#,
            // Neither a correct response nor a mapping: a poll (survey), shown and never graded.
            outcome: .accepted(.survey, stem: "", codes: [])),
        OddQTICase(
            body: #"<gapMatchInteraction responseIdentifier="RESPONSE"><gapText identifier="W">w</gapText><p>no gap</p></gapMatchInteraction>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "<gapMatchInteraction> has no <gap>")),
        OddQTICase(
            body: #"<gapMatchInteraction responseIdentifier="RESPONSE"><gapText identifier="W">w</gapText><p><gap identifier="G"/></p></gapMatchInteraction>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "gap 'G' has no correct <gapText>")),
        OddQTICase(
            body: #"<matchInteraction responseIdentifier="RESPONSE"><simpleMatchSet/></matchInteraction>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "needs two <simpleMatchSet>s (it has 1)")),
        OddQTICase(
            body: #"<matchInteraction responseIdentifier="RESPONSE"><simpleMatchSet/><simpleMatchSet/></matchInteraction>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "no <correctResponse> for the match interaction")),
        OddQTICase(
            body: #"<p><textEntryInteraction responseIdentifier="RESPONSE"/><textEntryInteraction responseIdentifier="RESPONSE"/></p>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "blank 1 (<textEntryInteraction> 'RESPONSE') has no correct response")),
        OddQTICase(
            body: #"<p><inlineChoiceInteraction responseIdentifier="X"/></p>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "blank 1 (<inlineChoiceInteraction> 'X') has no correct response")),
        OddQTICase(
            body: #"<orderInteraction responseIdentifier="RESPONSE"/>"#,
            outcome: .skipped(.invalidItem, .warning, line: 6, saying: "no <correctResponse> for the order interaction")),
        OddQTICase(
            body: #"<extendedTextInteraction/><extendedTextInteraction/>"#,
            // Two interactions: an item of two parts (two teacher-marked answers).
            outcome: .accepted(.composite, stem: "", codes: [])),
        OddQTICase(
            body: #"<positionObjectStage><object data="a.png" type="image/png"/><positionObjectInteraction responseIdentifier="R"/></positionObjectStage>"#,
            outcome: .skipped(.unsupportedItem, .warning, line: 6, saying: "<positionObjectInteraction> at line 6 is not an interaction Coursemap imports")),
        OddQTICase(
            body: #"<div><m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>x</m:mi></m:math><extendedTextInteraction responseIdentifier="RESPONSE"/></div>"#,
            // Prefixed MathML (as TAO and Onyx write it) is kept, unprefixed, in the MathML an HTML parser reads.
            outcome: .accepted(.shortAnswer, stem: "<div><math><mi>x</mi></math></div>", codes: [])),
        OddQTICase(
            body: "<p>\u{E000}1\u{E001} sneaky tokens</p><extendedTextInteraction responseIdentifier=\"RESPONSE\"/>",
            outcome: .accepted(.shortAnswer, stem: "<p>1 sneaky tokens</p>", codes: [])),
    ])
    func oddItems(_ odd: OddQTICase) throws {
        let declarations = #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"/>"#
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: odd.body))
        switch odd.outcome {
        case let .skipped(code, severity, line, saying):
            #expect(item == nil, "the item should be skipped")
            #expect(diagnostics.count == 1, "\(diagnostics)")
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.code == code && diagnostic.severity == severity, "\(diagnostic)")
            #expect(diagnostic.location == SourceLocation(file: "banks/qti/inline.xml", line: line))
            #expect(diagnostic.message.contains(saying), "\(diagnostic.message)")
            #expect(diagnostic.message.hasSuffix("skipped"), "the message says the item is skipped")
        case let .accepted(kind, stem, codes):
            let item = try #require(item, "the item should be accepted")
            #expect(item.kind == kind)
            #expect(item.stem.html == stem)
            #expect(!item.stem.html.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" })
            #expect(diagnostics.map(\.code) == codes, "\(diagnostics)")
        }
    }

    @Test("odd Coursemap HTML still exports well-formed XML")
    func oddHTML() throws {
        let stems = [
            "<p>unclosed <strong>bold <em>both</p>", "a < b && c > d", "<p title=unquoted class='x y'>q</p>", "&", "&#xFFFFFFFF; &#0; \u{0001}",
            "<span class=\"blank\"></span> and <span class=\"blank\" data-blank=\"9\"></span>", "<script>alert(1)</script><style>p{}</style>",
            "<!-- comment --><![CDATA[<raw>]]>", "</p></div>stray end tags", "<table><tr><td colspan=x>c</td></tr></table>", "<img>",
        ]
        let items = stems.enumerated().map { index, html in
            ExerciseItem(
                id: "odd-\(index)", usage: .practice, score: 1, stem: RichText(html: html),
                body: .fillBlank([Blank(accepted: ["x"]), Blank(accepted: [], options: ["p", "q"])]), location: QTISamples.here)
        }
        let bank = ExerciseBank(id: "odd bank!", title: LocalizedText(zh: "odd"), sections: [ExerciseSection(items: items)], location: QTISamples.here)
        let (files, diagnostics) = QTIExporter.export(bank)
        #expect(files.count == items.count + 2)  // the items, the manifest and the assessmentTest
        #expect(diagnostics.contains { $0.code == .invalidItem })
        for (name, text) in files {
            let root = try QTITestSupport.parse(text, file: name)
            #expect(!text.contains("<script"))
            if name.hasPrefix("items/") {
                let (item, problems) = QTIImporter.importItem(root, file: name)
                // The blank without an accepted answer cannot be answered: the importer says so.
                #expect(item == nil)
                #expect(problems.contains { $0.code == .invalidItem })
            }
        }
    }
}
