import CoursemapModel
import Testing

@testable import CoursemapInterop

/// `templateBlock` and `templateInline` show their content only when their condition holds for the item as
/// rendered (template variables at their declared defaults); undecidable conditions drop the content.
@Suite("QTI template content")
struct QTITemplateTests {
    static let choice = """
        <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">甲</simpleChoice><simpleChoice identifier="B">乙</simpleChoice></choiceInteraction>
        """

    static func imported(templates: String, body: String) throws -> (item: ExerciseItem?, diagnostics: [Diagnostic]) {
        let declarations = templates
            + #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>"#
        return try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: body + choice))
    }

    static let single = #"<templateDeclaration identifier="T" cardinality="single" baseType="identifier"><defaultValue><value>V1</value></defaultValue></templateDeclaration>"#
    static let multiple = #"<templateDeclaration identifier="T" cardinality="multiple" baseType="identifier"><defaultValue><value>V1</value><value>V2</value></defaultValue></templateDeclaration>"#
    static let noDefault = #"<templateDeclaration identifier="T" cardinality="single" baseType="identifier"/>"#
    static let integer = #"<templateDeclaration identifier="T" cardinality="single" baseType="integer"><defaultValue><value>1</value></defaultValue></templateDeclaration>"#

    /// (declarations, the element's attributes, whether the content shows)
    @Test("a decidable condition shows or hides the content", arguments: [
        (single, #"templateIdentifier="T" showHide="show" identifier="V1""#, true),
        (single, #"templateIdentifier="T" showHide="show" identifier="V2""#, false),
        (single, #"templateIdentifier="T" showHide="hide" identifier="V1""#, false),
        (single, #"templateIdentifier="T" showHide="hide" identifier="V2""#, true),
        (single, #"templateIdentifier="T" identifier="V1""#, true),
        (single, #"templateIdentifier=" T " showHide=" show " identifier=" V1 ""#, true),
        (multiple, #"templateIdentifier="T" showHide="show" identifier="V2""#, true),
        (multiple, #"templateIdentifier="T" showHide="show" identifier="V3""#, false),
        (multiple, #"templateIdentifier="T" showHide="hide" identifier="V2""#, false),
        (noDefault, #"templateIdentifier="T" showHide="show" identifier="V1""#, false),
        (noDefault, #"templateIdentifier="T" showHide="hide" identifier="V1""#, true),
    ])
    func decided(declarations: String, attributes: String, shows: Bool) throws {
        for element in ["templateBlock", "templateInline"] {
            let content = element == "templateBlock" ? "<\(element) \(attributes)><p>条件内容</p></\(element)>" : "<p>前 <\(element) \(attributes)>条件内容</\(element)> 后</p>"
            let (item, diagnostics) = try Self.imported(templates: declarations, body: content)
            let stem = try #require(item?.stem.html)
            #expect(stem.contains("条件内容") == shows, "\(element) \(attributes): \(stem)")
            #expect(!diagnostics.contains { $0.code == .sanitizedHTML }, "\(diagnostics)")
        }
    }

    @Test("an undecidable condition drops the content with CM312", arguments: [
        ("", #"templateIdentifier="T" showHide="show" identifier="V1""#),
        (single, #"showHide="show" identifier="V1""#),
        (single, #"templateIdentifier="T" showHide="show""#),
        (single, #"templateIdentifier="T" showHide="visible" identifier="V1""#),
        (single, #"templateIdentifier="T" showHide="Show" identifier="V1""#),
        (integer, #"templateIdentifier="T" showHide="show" identifier="1""#),
        (single + single, #"templateIdentifier="T" showHide="show" identifier="V1""#),
        (#"<templateDeclaration identifier="T" cardinality="record" baseType="identifier"/>"#, #"templateIdentifier="T" showHide="hide" identifier="V1""#),
    ])
    func undecided(declarations: String, attributes: String) throws {
        let (item, diagnostics) = try Self.imported(templates: declarations, body: "<templateBlock \(attributes)><p>条件内容</p></templateBlock><p>题干</p>")
        let stem = try #require(item?.stem.html)
        #expect(!stem.contains("条件内容"), "\(stem)")
        #expect(stem.contains("题干"))
        let removed = diagnostics.filter { $0.code == .sanitizedHTML }
        #expect(removed.count == 1)
        #expect(removed.first?.message.contains("templateBlock") == true)
    }

    @Test("hidden template content that names the answer never reaches the stem, nested or not")
    func hiddenAnswer() throws {
        let body = """
            <p>选出正确的一项<templateInline templateIdentifier="T" showHide="show" identifier="V2">（答案是乙）</templateInline></p>
            <templateBlock templateIdentifier="T" showHide="hide" identifier="V1"><div><p>提示：乙</p><templateBlock templateIdentifier="T" showHide="show" identifier="V1"><p>嵌套：乙</p></templateBlock></div></templateBlock>
            <templateBlock templateIdentifier="T" showHide="show" identifier="V1"><templateInline templateIdentifier="U" showHide="show" identifier="V1">未声明：乙</templateInline><p>显示</p></templateBlock>
            """
        let (item, _) = try Self.imported(templates: Self.single, body: body)
        let stem = try #require(item?.stem.html)
        #expect(!stem.contains("乙"), "\(stem)")
        #expect(stem.contains("显示"))
        #expect(TestChoices.texts(item?.body) == ["甲", "乙"])
    }

    @Test("choices with a templateIdentifier are shown only when their condition holds for the default value")
    func templatedChoices() throws {
        let declarations = #"<templateDeclaration identifier="T" cardinality="multiple" baseType="identifier"><defaultValue><value>A</value><value>C</value></defaultValue></templateDeclaration>"#
            + #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>"#
        let body = """
            <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
            <simpleChoice identifier="A" templateIdentifier="T" showHide="show">甲</simpleChoice>
            <simpleChoice identifier="B" templateIdentifier="T">乙</simpleChoice>
            <simpleChoice identifier="C" templateIdentifier="T" showHide="hide">丙</simpleChoice>
            <simpleChoice identifier="D" templateIdentifier="T" showHide="hide">丁</simpleChoice>
            <simpleChoice identifier="E">戊</simpleChoice>
            <simpleChoice identifier="F" templateIdentifier="NONE">己</simpleChoice>
            </choiceInteraction>
            """
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: body))
        #expect(TestChoices.texts(item?.body) == ["甲", "丁", "戊"])
        #expect(QTITestSupport.choices(item?.body).map(\.label) == ["A", "B", "C"])
        #expect(QTITestSupport.choices(item?.body).map(\.correct) == [true, false, false])
        #expect(diagnostics.map(\.code) == [.sanitizedHTML], "\(diagnostics)")

        // Hiding the correct choice leaves an item nobody can answer: CM314, skipped.
        let hidden = body.replacingOccurrences(of: #"identifier="A" templateIdentifier="T" showHide="show""#, with: #"identifier="A" templateIdentifier="T" showHide="hide""#)
        let (none, problems) = try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: hidden))
        #expect(none == nil)
        #expect(problems.contains { $0.code == .invalidItem })
    }
}

enum TestChoices {
    static func texts(_ body: ItemBody?) -> [String] { QTITestSupport.choices(body).map(\.text.html) }
}
