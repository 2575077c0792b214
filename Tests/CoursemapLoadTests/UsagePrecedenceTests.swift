import CoursemapLoad
import CoursemapModel
import Testing

/// A Moodle true/false question named `name`, with the given tags.
func moodleQuestion(_ name: String, tags: [String] = []) -> String {
    let tagXML = (["coursemap:cert:中级:1.1.1"] + tags).map { "<tag><text>\($0)</text></tag>" }.joined()
    return """
        <question type="truefalse"><name><text>\(name)</text></name>
        <questiontext format="html"><text>对吗？</text></questiontext>
        <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
        <tags>\(tagXML)</tags></question>
        """
}

func moodleQuiz(_ questions: String...) -> String { "<quiz>\n" + questions.joined(separator: "\n") + "\n</quiz>\n" }

/// A QTI 2.1 true/false item with the given identifier and optional Coursemap usage metadata.
func qtiItem(_ identifier: String, usage: String? = nil) -> String {
    let meta = usage.map { #"<rubricBlock view="author" class="coursemap-meta"><div class="coursemap-usage">\#($0)</div><ul class="coursemap-assesses"><li>cert:中级:1.1.1</li></ul></rubricBlock>"# }
        ?? #"<rubricBlock view="author" class="coursemap-meta"><ul class="coursemap-assesses"><li>cert:中级:1.1.1</li></ul></rubricBlock>"#
    return """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="\(identifier)" title="\(identifier)" adaptive="false" timeDependent="false">
        <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>true</value></correctResponse></responseDeclaration>
        <itemBody>\(meta)<choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="true">对</simpleChoice><simpleChoice identifier="false">错</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>
        """
}

/// Usage designation across an item's own statement, its sidecar entry, the bank sidecar and a folder's
/// `bank.yml`: any exam signal wins, a default never turns an exam item into practice, and two statements
/// about one item that disagree are CM317 naming both files.
@Suite("Usage precedence fails closed")
struct UsagePrecedenceTests {
    static func usages(_ content: LoadedContent) -> [String: ItemUsage] {
        var result: [String: ItemUsage] = [:]
        for bank in content.banks { for item in bank.items { result["\(bank.id)/\(item.importKey ?? item.id)"] = item.usage } }
        return result
    }

    static func codes(_ content: LoadedContent, _ code: DiagnosticCode) -> [Diagnostic] { content.diagnostics.items.filter { $0.code == code } }

    @Test("a bank default of practice never turns an item tagged exam into practice; no error, since a default conflicts with nothing")
    func defaultPracticeKeepsExam() {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1", tags: ["coursemap-usage:exam"]), moodleQuestion("Q2")),
            "exercises/m.bank.yml": "usage: practice\n",
        ])
        #expect(Self.usages(content) == ["m/Q1": .exam, "m/Q2": .practice])
        #expect(content.diagnostics.items.filter { $0.severity == .error }.isEmpty, "\(content.diagnostics.sorted)")
    }

    @Test("a bank default of exam makes every item exam; an item that says practice itself is CM317 naming both files")
    func defaultExamWins() throws {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1", tags: ["coursemap-usage:practice"]), moodleQuestion("Q2"), moodleQuestion("Q3", tags: ["coursemap-usage:exam"])),
            "exercises/m.bank.yml": "usage: exam\nitems:\n  Q2:\n    usage: practice\n",
        ])
        #expect(Self.usages(content) == ["m/Q1": .exam, "m/Q2": .exam, "m/Q3": .exam])
        let conflicts = Self.codes(content, .conflictingUsage)
        #expect(conflicts.count == 2, "\(conflicts)")
        #expect(conflicts.allSatisfy { $0.location == SourceLocation(file: "exercises/m.bank.yml", line: 1, column: 8) })
        let messages = conflicts.map(\.message).sorted()
        #expect(messages[0].contains("'Q1'") && messages[0].contains("exercises/m.xml:"), "\(messages)")
        #expect(messages[1].contains("'Q2'") && messages[1].contains("exercises/m.bank.yml:4:"), "\(messages)")
    }

    @Test("an item's own usage and its sidecar entry that disagree: CM317 naming both files, and exam", arguments: [
        ("coursemap-usage:exam", "practice"), ("coursemap-usage:practice", "exam"),
    ])
    func itemConflict(tag: String, entry: String) throws {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1", tags: [tag])),
            "exercises/m.bank.yml": "usage: practice\nitems:\n  Q1:\n    usage: \(entry)\n",
        ])
        #expect(Self.usages(content) == ["m/Q1": .exam])
        let conflicts = Self.codes(content, .conflictingUsage)
        #expect(conflicts.count == 1)
        let message = try #require(conflicts.first?.message)
        #expect(message.contains("exercises/m.xml:") && message.contains("exercises/m.bank.yml:4:"), "\(message)")
        #expect(conflicts.first?.severity == .error)
    }

    @Test("a sidecar entry that agrees with the item, or an entry on an untagged item, is no conflict")
    func agreeing() {
        let content = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1", tags: ["coursemap-usage:exam"]), moodleQuestion("Q2"), moodleQuestion("Q3")),
            "exercises/m.bank.yml": "items:\n  Q1:\n    usage: exam\n  Q2:\n    usage: exam\n  Q3:\n    usage: practice\n",
        ])
        #expect(Self.usages(content) == ["m/Q1": .exam, "m/Q2": .exam, "m/Q3": .practice])
        #expect(Self.codes(content, .conflictingUsage).isEmpty)
    }

    @Test("a sidecar usage that is not exactly practice or exam is CM318 and exam, at bank and item level", arguments: [
        "Exam", "EXAM", "\" exam\"", "\"exam \"", "examen", "\"\"", "~", "", "[exam]", "{a: b}", "yes", "true", "1", "practise",
    ])
    func unknownSidecarValue(value: String) {
        let bankLevel = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/m.bank.yml": "usage: \(value)\n",
        ])
        #expect(Self.usages(bankLevel) == ["m/Q1": .exam])
        #expect(Self.codes(bankLevel, .unknownUsage).count == 1, "\(bankLevel.diagnostics.sorted)")
        let itemLevel = load([
            "exercises/m.xml": moodleQuiz(moodleQuestion("Q1"), moodleQuestion("Q2")),
            "exercises/m.bank.yml": "items:\n  Q1:\n    usage: \(value)\n",
        ])
        #expect(Self.usages(itemLevel) == ["m/Q1": .exam, "m/Q2": .practice])
        #expect(Self.codes(itemLevel, .unknownUsage).count == 1, "\(itemLevel.diagnostics.sorted)")
    }

    @Test("a folder's bank.yml that says exam reaches every QTI item of the folder, also one with a sidecar of its own")
    func folderSidecar() {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a", usage: "practice"),
            "exercises/qti/b.xml": qtiItem("b"),
            "exercises/qti/c.xml": qtiItem("c"),
            "exercises/qti/c.bank.yml": "id: own-c\nusage: practice\n",
            "exercises/qti/bank.yml": "id: folder\nusage: exam\n",
        ])
        #expect(Self.usages(content) == ["folder/a": .exam, "folder/b": .exam, "own-c/c": .exam])
    }

    @Test("a folder bank.yml entry for an item that has its own sidecar still applies, without a CM315 warning")
    func folderEntryForOwnSidecar() {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/c.xml": qtiItem("c"),
            "exercises/qti/c.bank.yml": "id: own-c\n",
            "exercises/qti/bank.yml": "id: folder\nitems:\n  c:\n    usage: exam\n    assesses: [cert:中级:1.1.1]\n",
        ])
        #expect(Self.usages(content) == ["folder/a": .practice, "own-c/c": .exam])
        let c = content.banks.first { $0.id == "own-c" }?.items.first
        #expect(c?.assesses.map(\.competency.description) == ["cert:中级:1.1.1"], "the entry's competencies apply, once")
        #expect(Self.codes(content, .unknownItemReference).isEmpty, "\(content.diagnostics.sorted)")
    }

    @Test("a folder bank.yml that says exam also covers Moodle and authored banks in its folder")
    func folderCoversOtherBanks() {
        let quiet = load([
            "exercises/exam/m.xml": moodleQuiz(moodleQuestion("Q1")),
            "exercises/exam/authored.xml": bank(#"<truefalse id="t"><stem>x</stem><answer>true</answer></truefalse>"#, id: "authored"),
            "exercises/exam/q.xml": qtiItem("q"),
            "exercises/exam/bank.yml": "id: exam-folder\nusage: exam\n",
        ])
        #expect(Self.usages(quiet) == ["m/Q1": .exam, "authored/t": .exam, "exam-folder/q": .exam])
        #expect(Self.codes(quiet, .conflictingUsage).isEmpty, "items that say nothing conflict with nothing")
        let explicit = load([
            "exercises/exam/m.xml": moodleQuiz(moodleQuestion("Q1", tags: ["coursemap-usage:practice"])),
            "exercises/exam/authored.xml": bank(#"<truefalse id="t" usage="practice"><stem>x</stem><answer>true</answer></truefalse>"#, id: "authored"),
            "exercises/exam/q.xml": qtiItem("q", usage: "practice"),
            "exercises/exam/bank.yml": "id: exam-folder\nusage: exam\n",
        ])
        #expect(Self.usages(explicit) == ["m/Q1": .exam, "authored/t": .exam, "exam-folder/q": .exam])
        let files = Set(Self.codes(explicit, .conflictingUsage).map { $0.message.contains("exercises/exam/bank.yml:2:") })
        #expect(Self.codes(explicit, .conflictingUsage).count == 3 && files == [true])
    }

    @Test("QTI usage metadata against the folder bank.yml entry: CM317 naming both files")
    func qtiConflict() throws {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a", usage: "exam"),
            "exercises/qti/bank.yml": "id: folder\nitems:\n  a:\n    usage: practice\n",
        ])
        #expect(Self.usages(content) == ["folder/a": .exam])
        let message = try #require(Self.codes(content, .conflictingUsage).first?.message)
        #expect(message.contains("exercises/qti/a.xml:") && message.contains("exercises/qti/bank.yml:"), "\(message)")
    }

    /// An IMS manifest as `QTIExporter` writes it, listing items with the given Coursemap usage metadata.
    static func manifest(_ entries: [(href: String, usage: String)]) -> String {
        let resources = entries.map { entry in
            #"<resource identifier="R-\#(entry.href)" type="imsqti_item_xmlv2p1" href="\#(entry.href)"><metadata><cm:item id="x" usage="\#(entry.usage)"/></metadata><file href="\#(entry.href)"/></resource>"#
        }.joined(separator: "\n")
        return """
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:cm="urn:coursemap:qti-metadata:1" identifier="M">
            <organizations/><resources>
            \(resources)
            </resources></manifest>
            """
    }

    @Test("usage metadata in an IMS manifest is one more statement: exam wins, unknown values are CM318, disagreement CM317")
    func manifestUsage() throws {
        let content = load([
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/b.xml": qtiItem("b"),
            "exercises/qti/c.xml": qtiItem("c", usage: "practice"),
            "exercises/qti/d.xml": qtiItem("d"),
            "exercises/qti/imsmanifest.xml": Self.manifest([("a.xml", "exam"), ("b.xml", "Exam"), ("c.xml", "exam"), ("d.xml", "practice")]),
            "exercises/qti/bank.yml": "id: folder\n",
        ])
        #expect(Self.usages(content) == ["folder/a": .exam, "folder/b": .exam, "folder/c": .exam, "folder/d": .practice])
        #expect(Self.codes(content, .unknownUsage).map(\.location) == [SourceLocation(file: "exercises/qti/imsmanifest.xml", line: 4)])
        let conflict = try #require(Self.codes(content, .conflictingUsage).first)
        #expect(Self.codes(content, .conflictingUsage).count == 1)
        #expect(conflict.message.contains("exercises/qti/imsmanifest.xml:5") && conflict.message.contains("exercises/qti/c.xml:"), "\(conflict.message)")
    }

    @Test("an authored usage attribute that is not exactly practice or exam never yields a practice item", arguments: [
        "Exam", " exam", "exam ", "examen", "",
    ])
    func authoredAttribute(value: String) {
        let content = load(["exercises/b.xml": bank(#"<truefalse id="t" usage="\#(value)"><stem>x</stem><answer>true</answer></truefalse>"#)])
        #expect(!content.banks.flatMap(\.items).contains { $0.usage == .practice })
        #expect(content.diagnostics.items.contains { $0.severity == .error })
    }
}
