@testable import CoursemapInterop
import CoursemapModel
import Testing

/// The exporter fits Coursemap's HTML to the content models of `imsqti_v2p1.xsd` without losing text
/// (`Tests/reports/test_export_validity.py` validates whole exports with the official XSD).
@Suite("QTI content models")
struct QTIContentModelTests {
    static func item(_ body: ItemBody, stem: String = "<p>题</p>", explanation: String? = nil) -> ExerciseItem {
        ExerciseItem(
            id: "x", usage: .practice, score: 1, stem: RichText(html: stem), body: body,
            explanation: explanation.map { RichText(html: $0) }, location: QTISamples.here)
    }

    static func export(_ item: ExerciseItem) throws -> String {
        let bank = ExerciseBank(id: "b", title: LocalizedText(zh: "b"), sections: [ExerciseSection(items: [item])], location: QTISamples.here)
        return try #require(QTIExporter.export(bank).files["items/x.xml"])
    }

    static func inline(_ html: String) -> String {
        var converter = QTIXHTMLConverter()
        let fitted = QTIContentModel.fit(.compact("p", [], converter.convert(html)))
        return QTIXMLWriter.document(fitted).split(separator: "\n").dropFirst().joined()
    }

    @Test("choice feedback with blocks is a feedbackBlock; inline feedback stays a feedbackInline")
    func choiceFeedback() throws {
        let text = try Self.export(Self.item(.singleChoice([
            Choice(label: "A", text: RichText(html: "对"), correct: true, feedback: RichText(html: "<p>段落</p><ul><li>一</li></ul>")),
            Choice(label: "B", text: RichText(html: "错"), correct: false, feedback: RichText(html: "行内 <em>强调</em>")),
        ])))
        #expect(text.contains(#"<simpleChoice identifier="A">对<feedbackBlock outcomeIdentifier="FEEDBACK" identifier="A" showHide="show"><p>段落</p><ul><li>一</li></ul></feedbackBlock></simpleChoice>"#))
        #expect(text.contains(#"<simpleChoice identifier="B">错<feedbackInline outcomeIdentifier="FEEDBACK" identifier="B" showHide="show">行内 <em>强调</em></feedbackInline></simpleChoice>"#))
        // And the importer reads both back as the choices' feedback.
        let (imported, _) = QTIImporter.importItem(try QTITestSupport.parse(text, file: "x.xml"), file: "x.xml")
        let choices = QTITestSupport.choices(try #require(imported).body)
        #expect(choices.map { $0.feedback.map { QTITestSupport.normalise($0.html) } } == ["<p>段落</p><ul><li>一</li></ul>", "行内 <em>强调</em>"])
    }

    @Test("blocks inside inline-only elements give their text, one line each", arguments: [
        ("<p>前<p>一</p><p>二</p>后</p>", "<p>前<br/>一<br/>二<br/>后</p>"),
        ("<span><ul><li>甲</li><li>乙</li></ul></span>", "<p><span>甲<br/>乙</span></p>"),
        ("<em><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></em>", "<p><em>a b<br/>c</em></p>"),
        ("<a href=\"x\"><div>块</div></a>", "<p><a href=\"x\">块</a></p>"),
        ("纯文本 <strong>粗</strong>", "<p>纯文本 <strong>粗</strong></p>"),
    ])
    func inlineFlattening(html: String, expected: String) {
        #expect(Self.inline(html) == expected)
    }

    @Test("tables get their tbody; header-only tables and stray content are kept")
    func tables() throws {
        let text = try Self.export(Self.item(.trueFalse(answer: true), stem: """
            <table><caption>表</caption><tr><th>头</th></tr><tr><td>格</td></tr></table>\
            <table><thead><tr><th>只有表头</th></tr></thead></table>\
            <table>散落文字<tr><td>x</td></tr></table>\
            <table><caption>空表</caption></table>
            """))
        #expect(text.contains("<table><caption>表</caption><tbody><tr><th>头</th></tr><tr><td>格</td></tr></tbody></table>"))
        #expect(text.contains("<table><tbody><tr><th>只有表头</th></tr></tbody></table>"))
        #expect(text.contains("<div>散落文字</div><table><tbody><tr><td>x</td></tr></tbody></table>"))
        #expect(text.contains("<div>空表</div>"))
        #expect(!text.contains("<thead>"))
    }

    @Test("lists hold only li; stray li get a ul; text in the item body gets a p")
    func lists() {
        #expect(QTIContentModel.fit(.compact("ul", [], [.text("文字"), .leaf("li", [], "一")])).plainText == "文字一")
        let fitted = QTIContentModel.fit(.compact("ul", [], [.text("文字"), .leaf("li", [], "一")]))
        guard case let .element(_, _, children, _) = fitted else { Issue.record("not an element"); return }
        #expect(children.allSatisfy { if case .element("li", _, _, _) = $0 { return true } else { return false } })
        let body = QTIContentModel.fit(.element("itemBody", [], [.text("散文"), .leaf("li", [], "项"), .element("hr")]))
        #expect(QTIXMLWriter.document(body).contains("<p>散文</p>"))
        #expect(QTIXMLWriter.document(body).contains("<ul><li>项</li></ul>"))
    }

    @Test("an empty explanation and empty blocks still make a complete item")
    func empties() throws {
        let text = try Self.export(Self.item(.trueFalse(answer: false), stem: "<p></p><ul></ul><table></table>", explanation: ""))
        #expect(text.contains(#"<modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="SOLUTION" title="解析"/>"#))
        #expect(!text.contains("<table"))
    }

    @Test("matching: a shared right-hand side is one target; distractors are targets nothing matches")
    func matchingTargets() throws {
        let text = try Self.export(Self.item(.matching([
            MatchPair(left: RichText(html: "FOB"), right: RichText(html: "船上交货")),
            MatchPair(left: RichText(html: "FAS"), right: RichText(html: "船上交货")),
            MatchPair(left: RichText(html: "EXW"), right: RichText(html: "工厂交货")),
        ], distractors: [RichText(html: "干扰项"), RichText(html: "工厂交货")])))
        #expect(text.contains(#"<simpleAssociableChoice identifier="R1" matchMax="2">船上交货</simpleAssociableChoice>"#))
        #expect(text.contains(#"<simpleAssociableChoice identifier="R2" matchMax="1">工厂交货</simpleAssociableChoice>"#))
        #expect(text.contains(#"<simpleAssociableChoice identifier="R3" matchMax="1">干扰项</simpleAssociableChoice>"#))
        #expect(!text.contains(#"identifier="R4""#))
        #expect(text.contains("<value>L1 R1</value>") && text.contains("<value>L2 R1</value>") && text.contains("<value>L3 R2</value>"))
    }

    @Test("MathML is kept in the MathML namespace, with what MathML 2's schema allows")
    func mathML() throws {
        let text = try QTITestSupport.normalise(Self.export(Self.item(.trueFalse(answer: true), stem: """
            <p>面积 <math display="block" alttext="x²"><msup><mi mathvariant="bold" onclick="x">x</mi><mn>2</mn></msup>            <mo stretchy="false" lspace="9em">+</mo><msup><mi>y</mi></msup><mtr><mtd><mi>z</mi></mtd></mtr>            <mtable><mtr><mtd columnspan="2"><mn>1</mn></mtd></mtr></mtable><mtable><mtr><mi>w</mi></mtr></mtable>            <mi><mrow>内</mrow>嵌</mi><mglyph src="x.png"/></math> 平方米</p>
            """)))
        let math = #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="x²">"#
        #expect(text.contains("<p>面积 " + math))
        #expect(text.contains(#"<msup><mi mathvariant="bold">x</mi><mn>2</mn></msup><mo stretchy="false">+</mo>"#))
        // A one-child msup, a row outside a table and a table with a cell-less row become mrows.
        #expect(text.contains("<mrow><mi>y</mi></mrow><mrow><mrow><mi>z</mi></mrow></mrow>"))
        #expect(text.contains(#"<mtable><mtr><mtd columnspan="2"><mn>1</mn></mtd></mtr></mtable><mrow><mrow><mi>w</mi></mrow></mrow>"#))
        #expect(text.contains("<mi>内嵌</mi></math> 平方米</p>"))
        #expect(!text.contains("onclick") && !text.contains("mglyph") && !text.contains("lspace"))
    }

    @Test("links and image sources are written as valid anyURIs, meaning the same", arguments: [
        ("a%2", "a%252"), ("%", "%25"), ("a%41b", "a%41b"), ("a#b#c", "a#b%23c"), ("a?b=[1]", "a?b=%5B1%5D"),
        ("http://[::1]/x?[y]", "http://[::1]/x?%5By%5D"), (" datasets/店铺 数据.csv ", "datasets/店铺 数据.csv"), ("#frag", "#frag"),
    ])
    func uris(written: String, expected: String) {
        #expect(QTIText.anyURI(written) == expected)
    }

    @Test("item feedback: general shows always, correct / partly / incorrect are set after scoring", arguments: [
        ItemBody.singleChoice([Choice(label: "A", text: RichText(html: "对"), correct: true), Choice(label: "B", text: RichText(html: "错"), correct: false)]),
        .fillBlank([Blank(accepted: ["甲"])]), .fillBlank([Blank(accepted: ["甲"]), Blank(accepted: ["乙"])]),
        .numerical([NumericAnswer(value: 2.5, tolerance: 0.1)]), .shortAnswer(reference: nil, points: []),
    ])
    func itemFeedback(body: ItemBody) throws {
        var item = Self.item(body, stem: "<p>题 <span class=\"blank\" data-blank=\"1\"></span><span class=\"blank\" data-blank=\"2\"></span></p>")
        item.feedback = ItemFeedback(
            general: RichText(html: "<p>总体</p>"), correct: RichText(html: "对了"), partiallyCorrect: RichText(html: "<ul><li>部分</li></ul>"),
            incorrect: RichText(html: "错了"))
        let text = try Self.export(item)
        #expect(text.contains(#"<outcomeDeclaration identifier="FEEDBACKGENERAL" cardinality="single" baseType="identifier">"#))
        #expect(text.contains(#"<modalFeedback outcomeIdentifier="FEEDBACKGENERAL" showHide="show" identifier="general" title="反馈"><p>总体</p></modalFeedback>"#))
        #expect(text.contains(#"<modalFeedback outcomeIdentifier="FEEDBACKMODAL" showHide="show" identifier="correct" title="回答正确">对了</modalFeedback>"#))
        #expect(text.contains(#"identifier="partially_correct" title="部分正确"><ul><li>部分</li></ul></modalFeedback>"#))
        #expect(text.contains(#"identifier="incorrect" title="回答错误">错了</modalFeedback>"#))
        let root = try QTITestSupport.parse(text, file: "x.xml")
        if case .shortAnswer = body {
            #expect(root.first("responseProcessing") == nil)
        } else {
            let processing = try #require(root.first("responseProcessing"))
            #expect(processing.attributes["template"] == nil, "templates cannot be extended: written out")
            #expect(text.contains(#"<setOutcomeValue identifier="FEEDBACKMODAL">"#))
            #expect(text.contains(#"<baseValue baseType="identifier">partially_correct</baseValue>"#))
        }
        // The explanation is still the only thing Coursemap reads back as 解析.
        let (imported, _) = QTIImporter.importItem(root, file: "x.xml")
        #expect(try #require(imported).explanation == nil)
    }
}
