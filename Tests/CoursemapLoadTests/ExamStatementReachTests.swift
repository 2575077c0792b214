import CoursemapLoad
import CoursemapModel
import Testing

/// Exam statements from outside an item file (an IMS manifest, a bank sidecar, a folder `bank.yml`) reach
/// the item however the reference is spelled, or are an error: they are never dropped with the item
/// published as practice.
@Suite("Exam statements reach their items or fail")
struct ExamStatementReachTests {
    static func errors(_ content: LoadedContent) -> [Diagnostic] { content.diagnostics.items.filter { $0.severity == .error } }

    static func manifest(_ resources: String, namespace: String = "urn:coursemap:qti-metadata:1") -> String {
        """
        <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:cm="\(namespace)" identifier="M">
        <organizations/><resources>
        \(resources)
        </resources></manifest>
        """
    }

    @Test("a manifest's exam metadata reaches the item whatever the spelling of the path", arguments: [
        #"href="./a.xml""#, #"href=".//a.xml""#, #"href="x/../a.xml""#, #"href="%61.xml""#, #"href="a%2Exml""#, #"href="././x/y/../../a.xml""#,
        #"href="../qti/a.xml""#, #"href="nothing.xml"><file href="a.xml"/"#, "", #"href=" a.xml ""#,
    ])
    func manifestHref(href: String) {
        let resource = #"<resource identifier="R" type="imsqti_item_xmlv2p1" \#(href)><metadata><cm:item usage="exam"/></metadata><file href="./a.xml"/></resource>"#
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/imsmanifest.xml": Self.manifest(resource),
            "exercises/qti/bank.yml": "id: folder\n",
        ])
        #expect(UsagePrecedenceTests.usages(content) == ["folder/a": .exam], "\(content.diagnostics.sorted)")
    }

    @Test("manifest usage metadata that matches no item file is an error naming the manifest", arguments: [
        #"href="b.xml""#, #"href="../../a.xml""#, #"href="/a.xml""#, #"href="http://example.com/a.xml""#, "",
    ])
    func manifestNoMatch(href: String) throws {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/imsmanifest.xml": Self.manifest(#"<resource identifier="R" type="imsqti_item_xmlv2p1" \#(href)><metadata><cm:item usage="exam"/></metadata></resource>"#),
            "exercises/qti/bank.yml": "id: folder\n",
        ])
        let error = try #require(Self.errors(content).first)
        #expect(error.code == .unknownItemReference)
        #expect(error.location.file == "exercises/qti/imsmanifest.xml" && error.location.line == 3)
    }

    @Test("Coursemap metadata in a form Coursemap does not read is CM318 and the item exam", arguments: [
        ("<cm:item><cm:usage>exam</cm:usage></cm:item>", "urn:coursemap:qti-metadata:1"),
        ("<cm:item><cm:usage>practice</cm:usage></cm:item>", "urn:coursemap:qti-metadata:1"),
        (#"<cm:item usage="exam"/>"#, "urn:coursemap:qti-metadata:1/"),
        (#"<cm:item usage="exam"/>"#, "URN:Coursemap:qti-metadata:2"),
        (#"<cm:usage value="exam"/>"#, "urn:coursemap:qti-metadata:1"),
        (#"<cm:item Usage="exam"/>"#, "urn:coursemap:qti-metadata:1"),
        (#"<cm:item coursemap-usage="exam"/>"#, "urn:coursemap:qti-metadata:1"),
        (#"<cm:item usage="exam"/>"#, "urn:example:other"),
        (#"<cm:thing usage="practice"/>"#, "urn:example:other"),
        ("<cm:Usage>exam</cm:Usage>", "urn:example:other"),
        (#"<cm:item usage="practice"><cm:section usage="exam">x</cm:section></cm:item>"#, "urn:coursemap:qti-metadata:1"),
        ("<cm:item><cm:assesses>cert:中级:1.1.1</cm:assesses><cm:note>exam</cm:note></cm:item>", "urn:coursemap:qti-metadata:1"),
    ])
    func manifestForms(metadata: String, namespace: String) {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/imsmanifest.xml": Self.manifest(
                #"<resource identifier="R" type="imsqti_item_xmlv2p1" href="a.xml"><metadata>\#(metadata)</metadata><file href="a.xml"/></resource>"#,
                namespace: namespace),
            "exercises/qti/bank.yml": "id: folder\n",
        ])
        #expect(UsagePrecedenceTests.usages(content) == ["folder/a": .exam])
        #expect(Self.errors(content).contains { $0.code == .unknownUsage && $0.location.file == "exercises/qti/imsmanifest.xml" }, "\(content.diagnostics.sorted)")
    }

    @Test("usage metadata outside a resource applies to no item and is an error; the bank metadata Coursemap writes is not", arguments: [
        (#"<metadata><cm:bank id="b" usage="exam"><cm:title>T</cm:title></cm:bank></metadata>"#, true),
        (#"<metadata><cm:item usage="exam"/></metadata>"#, true),
        (#"<metadata><x:usage xmlns:x="urn:x">exam</x:usage></metadata>"#, true),
        (#"<metadata><cm:bank id="b"><cm:title xml:lang="zh-CN">T</cm:title><cm:course>c</cm:course></cm:bank></metadata>"#, false),
    ])
    func manifestOutsideResource(metadata: String, isError: Bool) {
        let manifest = Self.manifest(#"<resource identifier="R" type="imsqti_item_xmlv2p1" href="a.xml"><file href="a.xml"/></resource>"#)
            .replacingOccurrences(of: "<organizations/>", with: metadata + "<organizations/>")
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/imsmanifest.xml": manifest,
            "exercises/qti/bank.yml": "id: folder\n",
        ])
        #expect(Self.errors(content).contains { $0.code == .unknownItemReference && $0.location.file == "exercises/qti/imsmanifest.xml" } == isError, "\(content.diagnostics.sorted)")
    }

    @Test("a YAML merge key in a sidecar is an error, at bank and at item level", arguments: [
        "defaults: &ex {usage: exam}\nitems:\n  Q1:\n    <<: *ex\n",
        "ex: &ex {usage: exam}\nitems:\n  Q1: {<<: *ex, difficulty: easy}\n",
        "base: &b\n  usage: exam\n<<: *b\n",
        "items:\n  Q1:\n    <<: [{usage: exam}]\n",
    ])
    func mergeKey(sidecar: String) {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/m.bank.yml": sidecar,
        ])
        #expect(Self.errors(content).contains { $0.code == .unknownField && $0.message.contains("<<") }, "\(content.diagnostics.sorted)")
    }

    @Test("a sidecar key that only looks like usage is CM318 and makes the item (or bank) exam", arguments: [
        "items:\n  Q1:\n    Usage: practice\n", "items:\n  Q1:\n    \"usage \": exam\n", "items:\n  Q1:\n    coursemap-usage: exam\n",
        "Usage: exam\n", "USAGE: practice\n", "items:\n  Q1:\n    \"\u{200B}usage\": practice\n",
        "items:\n  Q1:\n    usgae: exam\n", "items:\n  Q1:\n    us\u{0430}ge: exam\n", "usaqe: exam\n",
    ])
    func usageKeyLookAlike(sidecar: String) {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/m.bank.yml": sidecar,
        ])
        #expect(UsagePrecedenceTests.usages(content) == ["m/Q1": .exam])
        #expect(Self.errors(content).contains { $0.code == .unknownUsage }, "\(content.diagnostics.sorted)")
    }

    @Test("a sidecar exam entry that matches no item is an error; a near miss is named", arguments: [
        ("\"Q1 \"", "Q1"), ("q1", "Q1"), ("\" Q1\"", "Q1"), ("Ｑ1", "Q1"), ("\"Q\u{200B}1\"", "Q1"), ("Q2", nil),
    ] as [(String, String?)])
    func unmatchedExamEntry(key: String, suggestion: String?) throws {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/m.bank.yml": "items:\n  \(key):\n    usage: exam\n",
        ])
        let error = try #require(Self.errors(content).first { $0.code == .unknownItemReference }, "\(content.diagnostics.sorted)")
        #expect(error.location.file == "exercises/m.bank.yml" && error.location.line == 2)
        if let suggestion { #expect(error.message.contains("did you mean '\(suggestion)'"), "\(error.message)") }
    }

    @Test("an unmatched entry that says practice stays a warning")
    func unmatchedPracticeEntry() {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/m.bank.yml": "items:\n  q1:\n    usage: practice\n",
        ])
        #expect(Self.errors(content).isEmpty)
        #expect(content.diagnostics.items.contains { $0.code == .unknownItemReference && $0.severity == .warning && $0.message.contains("did you mean 'Q1'") })
    }

    @Test("a folder bank.yml that says exam covers banks in every subfolder, of every source", arguments: [
        "exercises/ex/bank.yml", "exercises/bank.yml", "exercises/ex/sub/bank.yml",
    ])
    func folderSubtree(sidecarPath: String) {
        let content = load([
            sidecarPath: "usage: exam\n",
            "exercises/ex/sub/m.xml": moodleQuiz(moodleQuestion("Q1"), moodleQuestion("Q2", tags: ["coursemap-usage:exam"])),
            "exercises/ex/sub/deeper/n.xml": moodleQuiz(moodleQuestion("N1")),
            "exercises/ex/sub/qti/a.xml": qtiItem("a"),
            "exercises/ex/sub/qti2/b.xml": qtiItem("b"),
            "exercises/ex/sub/qti2/bank.yml": "id: folder2\n",
            "exercises/ex/sub/authored.xml": bank(#"<truefalse id="t"><stem>x</stem><answer>true</answer></truefalse>"#, id: "authored"),
        ])
        let usages = UsagePrecedenceTests.usages(content)
        #expect(usages.count == 6, "\(usages)")
        #expect(usages.values.allSatisfy { $0 == .exam }, "\(usages)")
        #expect(!content.diagnostics.items.contains { $0.code == .unknownFileType && $0.location.file == sidecarPath }, "\(content.diagnostics.sorted)")
    }

    @Test("a folder bank.yml's exam covers a subfolder item that says practice itself only with CM317")
    func folderSubtreeConflict() throws {
        let content = load([
            "exercises/ex/bank.yml": "usage: exam\n",
            "exercises/ex/sub/m.xml": moodleQuiz(moodleQuestion("Q1", tags: ["coursemap-usage:practice"])),
        ])
        #expect(UsagePrecedenceTests.usages(content) == ["m/Q1": .exam])
        let message = try #require(content.diagnostics.items.first { $0.code == .conflictingUsage }?.message)
        #expect(message.contains("exercises/ex/bank.yml") && message.contains("exercises/ex/sub/m.xml"), "\(message)")
    }
}
