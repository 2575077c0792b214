import CoursemapLoad
import CoursemapModel
import Testing

/// Imported items that cannot be imported are skipped with warnings; banks left empty are not published
/// (CM327) and their sidecars are not called strays; `interop.strict` turns the skips into errors.
@Suite("Import skips, empty banks and interop.strict")
struct ImportSkipLoadingTests {
    /// A choice item whose correct response names no choice (CM314). (A choice without any key is a survey.)
    static let survey = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="likert" title="Likert" adaptive="false" timeDependent="false">
        <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>Z</value></correctResponse></responseDeclaration>
        <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><simpleChoice identifier="A">agree</simpleChoice><simpleChoice identifier="B">disagree</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>
        """

    static let calculated = """
        <question type="calculated"><name><text>calc</text></name><questiontext format="html"><text>{a}+1</text></questiontext>
        <answer fraction="100"><text>{a}+1</text></answer></question>
        """

    static func codes(_ content: LoadedContent, _ code: DiagnosticCode) -> [Diagnostic] { content.diagnostics.sorted.filter { $0.code == code } }

    @Test("a bad item among good ones: a warning, the rest of the bank is published")
    func partialBank() {
        let content = load([
            "exercises/m.xml": moodleQuiz(Self.calculated, moodleQuestion("Q1")),
            // An entry for the skipped question names no published item, but is not a stray either.
            "exercises/m.bank.yml": "items:\n  calc:\n    usage: exam\n",
        ])
        #expect(content.banks.map(\.id) == ["m"])
        #expect(Self.codes(content, .unknownItemReference).isEmpty, "\(content.diagnostics.sorted)")
        #expect(content.banks.first?.items.map(\.importKey) == ["Q1"])
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        #expect(Self.codes(content, .unsupportedItem).count == 1)
        #expect(Self.codes(content, .emptyBank).isEmpty)
    }

    @Test("a Moodle bank with no item left is not published: one CM327 at the file, its sidecar is no stray")
    func emptyMoodleBank() throws {
        let content = load([
            "exercises/m.xml": moodleQuiz(Self.calculated),
            "exercises/m.bank.yml": "title: {zh: 计算}\n",
        ])
        #expect(content.banks.isEmpty)
        let empty = Self.codes(content, .emptyBank)
        #expect(empty.count == 1)
        #expect(empty.first?.location.file == "exercises/m.xml")
        #expect(empty.first?.severity == .warning)
        #expect(Self.codes(content, .unknownFileType).isEmpty, "\(content.diagnostics.sorted)")
        #expect(!content.diagnostics.hasErrors)
    }

    @Test("a skipped QTI item with its own sidecar: no bank, one CM327, no CM102 for the sidecar and no stray entry")
    func emptyQTIBank() {
        let content = load([
            "exercises/qti/likert.xml": Self.survey,
            "exercises/qti/likert.bank.yml": "title: {zh: 问卷}\nitems:\n  likert:\n    usage: exam\n",
        ])
        #expect(content.banks.isEmpty)
        #expect(Self.codes(content, .emptyBank).map(\.location.file) == ["exercises/qti/likert.xml"])
        #expect(Self.codes(content, .unknownFileType).isEmpty, "\(content.diagnostics.sorted)")
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
    }

    @Test("a folder bank whose every QTI item was skipped: one CM327 at its bank.yml; with one good item it is published")
    func folderBank() {
        let empty = load([
            "exercises/qti/likert.xml": Self.survey,
            "exercises/qti/bank.yml": "title: {zh: 文件夹}\nitems:\n  likert:\n    usage: exam\n",
        ])
        #expect(empty.banks.isEmpty)
        #expect(Self.codes(empty, .emptyBank).map(\.location.file) == ["exercises/qti/bank.yml"])
        #expect(Self.codes(empty, .unknownFileType).isEmpty)
        #expect(!empty.diagnostics.hasErrors, "\(empty.diagnostics.sorted)")

        let mixed = load([
            "exercises/qti/likert.xml": Self.survey,
            "exercises/qti/a.xml": qtiItem("a"),
            "exercises/qti/bank.yml": "title: {zh: 文件夹}\n",
        ])
        #expect(mixed.banks.map { $0.items.compactMap(\.importKey) } == [["a"]])
        #expect(Self.codes(mixed, .emptyBank).isEmpty)
    }

    @Test("interop.strict makes the skips errors that say so; CM327 stays a warning")
    func strict() throws {
        let content = load([
            "coursemap.yml": "title:\n  zh: 测试\ninterop:\n  strict: true\n",
            "exercises/m.xml": moodleQuiz(Self.calculated, moodleQuestion("Q1")),
            "exercises/qti/likert.xml": Self.survey,
        ])
        #expect(content.config?.interop.strict == true)
        let skips = Self.codes(content, .unsupportedItem) + Self.codes(content, .invalidItem)
        #expect(skips.count == 2)
        #expect(skips.allSatisfy { $0.severity == .error && $0.message.contains("interop.strict") && !$0.message.contains("skipped") })
        #expect(Self.codes(content, .emptyBank).allSatisfy { $0.severity == .warning })
    }

    @Test("interop.strict must be a boolean; unknown interop keys are reported")
    func strictConfig() {
        let content = load(["coursemap.yml": "title:\n  zh: 测试\ninterop:\n  strict: maybe\n  loose: true\n"])
        #expect(content.config?.interop.strict == false)
        #expect(content.diagnostics.sorted.contains { $0.code == .wrongType || $0.code == .invalidValue })
        #expect(content.diagnostics.sorted.contains { $0.code == .unknownField && $0.message.contains("loose") })
    }
}
