import CoursemapModel
import CoursemapXML
import Testing

@testable import CoursemapInterop

/// An item's own usage statement (Moodle tag, QTI metadata) is read exactly and fails closed.
@Suite("Usage statements of imported items fail closed")
struct UsageMarkingTests {
    static func moodle(tags: [String]) throws -> MoodleTestSupport.Imported {
        let tagXML = tags.map { "<tag><text>\($0)</text></tag>" }.joined()
        let question = MoodleTestSupport.question(
            "truefalse", name: "Q", text: "<p>对吗？</p>",
            #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer><tags>\#(tagXML)</tags>"#)
        return try MoodleTestSupport.importXML(MoodleTestSupport.quiz(question))
    }

    @Test("the documented Moodle tags are read as written", arguments: [
        (["coursemap-usage:exam"], ItemUsage.exam), (["coursemap-usage:practice"], .practice), ([], .practice),
        (["coursemap-usage:exam", "coursemap-usage:exam"], .exam), (["coursemap-id:q1", "coursemap-usage:practice"], .practice),
    ])
    func documentedTags(tags: [String], usage: ItemUsage) throws {
        let imported = try Self.moodle(tags: tags)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.items.map(\.usage) == [usage])
        #expect((imported.items.first?.usageOrigin != nil) == !tags.filter { $0.hasPrefix("coursemap-usage") }.isEmpty)
    }

    @Test("any other spelling of a usage tag is CM318 and makes an exam item", arguments: [
        "coursemap-usage:Exam", "coursemap-usage:EXAM", "coursemap-usage: exam", "coursemap-usage:exam ", " coursemap-usage:exam",
        "coursemap-usage:examen", "coursemap-usage:", "coursemap-usage:Practice", "coursemap-usage:practise", "Coursemap-Usage:exam",
        "coursemap_usage:exam", "coursemap usage:exam", "coursemap-usage：exam", "coursemap-usage=exam", "coursemap-usage",
        "coursemap-usage:\u{200B}exam",
    ])
    func unknownSpellings(tag: String) throws {
        let imported = try Self.moodle(tags: [tag])
        #expect(imported.items.map(\.usage) == [.exam])
        let errors = imported.with(.unknownUsage)
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.location.line != nil)
    }

    @Test("a Moodle question tagged both exam and practice is CM317 naming both tags, and is an exam item")
    func conflictingTags() throws {
        for tags in [["coursemap-usage:practice", "coursemap-usage:exam"], ["coursemap-usage:exam", "coursemap-usage:practice"]] {
            let imported = try Self.moodle(tags: tags)
            #expect(imported.items.map(\.usage) == [.exam])
            let conflicts = imported.with(.conflictingUsage)
            #expect(conflicts.count == 1)
            let message = conflicts.first?.message ?? ""
            #expect(message.contains("coursemap-usage:exam") && message.contains("coursemap-usage:practice"), "\(message)")
            #expect(message.contains("exercises/test.xml:"))
        }
    }

    static func qti(_ usageElements: String) throws -> (item: ExerciseItem?, diagnostics: [Diagnostic]) {
        let declarations = #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>"#
        let body = """
            <rubricBlock view="author" class="coursemap-meta">\(usageElements)</rubricBlock>
            <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction>
            """
        return try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: body))
    }

    @Test("QTI usage metadata is read exactly", arguments: [
        (#"<div class="coursemap-usage">exam</div>"#, ItemUsage.exam), (#"<div class="coursemap-usage">practice</div>"#, .practice),
        ("", .practice), (#"<p class="x coursemap-usage">exam</p>"#, .exam),
    ])
    func qtiDocumented(elements: String, usage: ItemUsage) throws {
        let (item, diagnostics) = try Self.qti(elements)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(item?.usage == usage)
    }

    @Test("other QTI usage values are CM318 and exam", arguments: [
        "Exam", "EXAM", " exam", "exam ", "\nexam\n", "examen", "", "<b>exam</b>x", "practice exam",
    ])
    func qtiUnknown(value: String) throws {
        let (item, diagnostics) = try Self.qti(#"<div class="coursemap-usage">\#(value)</div>"#)
        #expect(item?.usage == .exam)
        #expect(diagnostics.filter { $0.code == .unknownUsage }.count == 1)
    }

    @Test("two QTI usage entries that disagree, even in different places of the body, are CM317 and exam")
    func qtiConflict() throws {
        let (item, diagnostics) = try Self.qti(
            #"<div class="coursemap-usage">practice</div></rubricBlock><rubricBlock view="author" class="coursemap-meta"><div class="coursemap-usage">exam</div>"#)
        #expect(item?.usage == .exam)
        let conflicts = diagnostics.filter { $0.code == .conflictingUsage }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.message.contains("banks/qti/inline.xml:") == true)
    }
}

/// Whether an imported choice item asks for its choices shuffled, which makes exam pages reorder them.
@Suite("Imported choice order")
struct ImportedChoiceOrderTests {
    @Test("Moodle shuffleanswers: 1, true or absent shuffles; 0 or false keeps the written order", arguments: [
        ("<shuffleanswers>1</shuffleanswers>", true), ("<shuffleanswers>true</shuffleanswers>", true), ("", true),
        ("<shuffleanswers>0</shuffleanswers>", false), ("<shuffleanswers>false</shuffleanswers>", false),
    ])
    func moodle(element: String, shuffles: Bool) throws {
        let question = MoodleTestSupport.question(
            "multichoice", name: "Q", text: "<p>选</p>",
            #"<single>true</single>\#(element)<answer fraction="100"><text>甲</text></answer><answer fraction="0"><text>乙</text></answer>"#)
        let imported = try MoodleTestSupport.importXML(MoodleTestSupport.quiz(question))
        #expect(imported.items.map(\.shuffleChoices) == [shuffles])
    }

    @Test("QTI shuffle as an xs:boolean (true, 1, false, 0, white space collapsed); fixed choices keep their place; anything else shuffles with CM309", arguments: [
        (#"shuffle="true""#, "", true), (#"shuffle="false""#, "", false), ("", "", false), (#"shuffle="true""#, #" fixed="true""#, true),
        (#"shuffle="1""#, "", true), (#"shuffle=" 1 ""#, "", true), (#"shuffle="&#10;true&#9;""#, "", true), (#"shuffle="0""#, "", false),
        (#"shuffle=" false ""#, "", false), (#"shuffle="1""#, #" fixed="1""#, true), (#"shuffle="True""#, "", true), (#"shuffle="yes""#, "", true),
        (#"shuffle="""#, "", true), (#"shuffle="01""#, "", true),
    ])
    func qti(shuffle: String, fixed: String, shuffles: Bool) throws {
        let declarations = #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>"#
        let body = #"<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1" \#(shuffle)><simpleChoice identifier="A">甲</simpleChoice><simpleChoice identifier="B"\#(fixed)>乙</simpleChoice><simpleChoice identifier="C">丙</simpleChoice></choiceInteraction>"#
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(declarations: declarations, body: body))
        #expect(item?.shuffleChoices == shuffles)
        #expect(item?.fixedChoices == (shuffles && !fixed.isEmpty ? [1] : []))
        let invalid = ["True", "yes", "", "01"].contains(where: { shuffle == #"shuffle="\#($0)""# })
        if !invalid { #expect(diagnostics.filter { $0.code == .invalidBoolean }.isEmpty, "\(diagnostics)") } else {
            #expect(diagnostics.filter { $0.code == .invalidBoolean }.map(\.severity) == [.warning])
        }
    }
}
