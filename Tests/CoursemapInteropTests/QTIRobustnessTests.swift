import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Testing

@Suite("QTI 2.1: odd input never crashes")
struct QTIRobustnessTests {
    @Test("malformed or incomplete items give diagnostics, not crashes", arguments: [
        "",
        "<p>no interaction at all</p>",
        #"<choiceInteraction responseIdentifier="NOPE"/>"#,
        #"<choiceInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="A">a</simpleChoice></choiceInteraction>"#,
        #"<gapMatchInteraction responseIdentifier="RESPONSE"><gapText identifier="W">w</gapText><p>no gap</p></gapMatchInteraction>"#,
        #"<gapMatchInteraction responseIdentifier="RESPONSE"><gapText identifier="W">w</gapText><p><gap identifier="G"/></p></gapMatchInteraction>"#,
        #"<matchInteraction responseIdentifier="RESPONSE"><simpleMatchSet/></matchInteraction>"#,
        #"<matchInteraction responseIdentifier="RESPONSE"><simpleMatchSet/><simpleMatchSet/></matchInteraction>"#,
        #"<p><textEntryInteraction responseIdentifier="RESPONSE"/><textEntryInteraction responseIdentifier="RESPONSE"/></p>"#,
        #"<p><inlineChoiceInteraction responseIdentifier="X"/></p>"#,
        #"<orderInteraction responseIdentifier="RESPONSE"/>"#,
        #"<extendedTextInteraction/><extendedTextInteraction/>"#,
        #"<positionObjectStage><object data="a.png" type="image/png"/><positionObjectInteraction responseIdentifier="R"/></positionObjectStage>"#,
        #"<div><m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>x</m:mi></m:math><extendedTextInteraction responseIdentifier="RESPONSE"/></div>"#,
        "<p>\u{E000}1\u{E001} sneaky tokens</p><extendedTextInteraction responseIdentifier=\"RESPONSE\"/>",
    ])
    func oddItems(body: String) throws {
        let declarations = #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"/>"#
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: body))
        if item == nil { #expect(!diagnostics.isEmpty) }
        if let item { #expect(!item.stem.html.contains("\u{E000}")) }
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
        #expect(files.count == items.count + 1)
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
