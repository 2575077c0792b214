import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Spellings that only look like Coursemap's usage marker (other case, other separators, look-alike
/// dashes, invisible or full-width characters) are CM318 and make an exam item: they are never ignored,
/// which would publish an exam item as practice.
@Suite("Usage marker look-alikes fail closed")
struct UsageLookAlikeTests {
    static let tagLookAlikes = [
        "coursemap\u{2011}usage:exam", "\u{200B}coursemap-usage:exam", "\u{FEFF}coursemap-usage:exam", "coursemap\u{00AD}-usage:exam",
        "coursemap.usage:exam", "\u{FF43}\u{FF4F}\u{FF55}\u{FF52}\u{FF53}\u{FF45}\u{FF4D}\u{FF41}\u{FF50}-usage:exam", "coursemap\u{2013}usage:exam",
        "coursemap\u{2212}usage:exam", "coursemap\u{FE63}usage:exam", "COURSEMAP\u{00A0}USAGE:exam", "course-map-usage:exam", "coursemap:usage:exam",
        "coursemap-usage\u{200D}:exam", "coursemap\u{30FB}usage:exam", "Coursemap__Usage:practice", "coursemap-usage:\u{FF45}xam",
        "coursemap-usage:exam\u{200B}", "\u{2060}coursemap-usage:practice",
        // Slips of the keyboard and letters of other scripts.
        "coursemap-usgae:exam", "coursmap-usage:exam", "coursemap-usag:exam", "courserap-usage:exam", "coursemap-usages:exam",
        "c\u{043E}ursemap-usage:exam", "coursem\u{0430}p-usage:exam", "\u{0441}oursemap-\u{0443}sage:exam".replacingOccurrences(of: "\u{0443}", with: "u"),
        "coursemap-u\u{0455}age:exam", "COURSEMAP-USAGE:exam".replacingOccurrences(of: "O", with: "\u{041E}"),
    ]

    @Test("Coursemap's other markers and ordinary tags are not taken for usage tags", arguments: [
        "coursemap-id:q1", "coursemap-difficulty:hard", "coursemap:usage-stats:1.1.1", "coursemap:cert:中级:1.1.1", "exam", "practice",
        "coursemap-assesses:x", "usage", "course-materials", "coursemap-image:exam",
    ])
    func notUsageTags(tag: String) {
        #expect(!MoodleConventions.looksLikeUsageTag(tag), "\(tag)")
    }

    @Test("a Moodle tag that looks like a usage tag is CM318 and exam", arguments: tagLookAlikes)
    func moodleTag(tag: String) throws {
        let imported = try UsageMarkingTests.moodle(tags: [tag])
        #expect(imported.items.map(\.usage) == [.exam])
        let errors = imported.with(.unknownUsage)
        #expect(errors.map(\.severity) == [.error], "\(imported.diagnostics)")
        // Invisible characters are shown escaped, so the message says what is wrong.
        if tag.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) {
            #expect(errors.first?.message.contains("\\u{") == true, "\(errors)")
        }
    }

    @Test("every <tags> block of a Moodle question is read", arguments: [1, 2, 3])
    func everyTagsBlock(position: Int) throws {
        let blocks = (1...3).map { $0 == position ? "<tags><tag><text>coursemap-usage:exam</text></tag></tags>" : "<tags><tag><text>other</text></tag></tags>" }
        let question = MoodleTestSupport.question(
            "truefalse", name: "Q", text: "<p>对吗？</p>",
            #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"# + blocks.joined())
        let imported = try MoodleTestSupport.importXML(MoodleTestSupport.quiz(question))
        #expect(imported.items.map(\.usage) == [.exam])
    }

    @Test("a QTI class that looks like coursemap-usage is CM318 and exam, whatever the element says", arguments: [
        "Coursemap-Usage", "coursemap_usage", "COURSEMAP-USAGE", "coursemap.usage", "coursemap\u{2011}usage", "\u{200B}coursemap-usage",
        "coursemap\u{00AD}-usage", "\u{FF43}oursemap-usage", "coursemap--usage", "coursemap-usage-x", "coursemapusage",
    ])
    func qtiClass(className: String) throws {
        for value in ["exam", "practice", ""] {
            let (item, diagnostics) = try UsageMarkingTests.qti(#"<div class="\#(className)">\#(value)</div>"#)
            #expect(item?.usage == .exam, "\(className) \(value)")
            #expect(diagnostics.filter { $0.code == .unknownUsage && $0.severity == .error }.count == 1, "\(diagnostics)")
        }
    }

    @Test("a QTI usage class outside the item body still counts", arguments: ["exam", "Exam"])
    func qtiOutsideBody(value: String) throws {
        let text = """
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="q" title="Q" adaptive="false" timeDependent="false">
            <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
            <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
            <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction></itemBody>
            <modalFeedback outcomeIdentifier="FEEDBACK" identifier="x" showHide="show"><div class="coursemap-usage">\(value)</div></modalFeedback>
            </assessmentItem>
            """
        let (item, _) = try QTITestSupport.importText(text)
        #expect(item?.usage == .exam)
    }

    @Test("the documented spellings and unrelated tags are not look-alikes", arguments: [
        ("coursemap-usage:exam", true), ("coursemap-id:usage", false), ("coursemap:cert:中级:1.1.1", false), ("usage", false),
        ("coursemap-difficulty:easy", false), ("map-usage:exam", false), ("coursemap:usage:exam", true), ("coursemap:Usage:practice", true),
        ("coursemap:usage-stats:中级:1.1", false), ("coursemap:usages:1", false),
    ])
    func detector(text: String, looksLike: Bool) {
        #expect(MoodleConventions.looksLikeUsageTag(text) == looksLike)
    }
}
