import CoursemapLoad
import CoursemapModel
import Testing

/// Files of public tools whose outer shape stopped a build: Moodle's one-question export (a `<question>`
/// with no `<quiz>` around it, as in qtype_ordering's fixture) and ONYX's QTI 2.2 `assessmentTest` around
/// QTI 2.1 items (qti-sdk's interaction_mix_sachsen package).
@Suite("Outer shapes of public Moodle and QTI files")
struct PublicCorpusLoadTests {
    @Test("a lone Moodle <question> without <quiz> imports as a bank of that question")
    func moodleFragment() throws {
        let content = load([
            "exercises/ordering.xml": """
                <question type="ordering">
                  <name><text>Moodle</text></name>
                  <questiontext format="html"><text>Put these words in order.</text></questiontext>
                  <answer fraction="1" format="moodle_auto_format"><text>Modular</text></answer>
                  <answer fraction="2" format="moodle_auto_format"><text>Object</text></answer>
                  <answer fraction="3" format="moodle_auto_format"><text>Oriented</text></answer>
                </question>
                """,
            "exercises/ordering.bank.yml": "usage: practice\n",
        ])
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        #expect(!content.diagnostics.items.contains { $0.code == .xmlUnknownRoot })
        let bank = try #require(content.banks.first { $0.id == "ordering" })
        #expect(bank.items.count == 1)
        #expect(bank.items.first?.location.line == 1)
        guard case let .ordering(steps) = bank.items.first?.body else { Issue.record("\(String(describing: bank.items.first?.body))"); return }
        #expect(steps.map(\.html) == ["Modular", "Object", "Oriented"])
    }

    @Test("a QTI 2.2 assessmentTest gives its 2.1 items their sections; references to missing items are CM315 warnings")
    func qti22Test() {
        var files = QTITestSectionTests.items(["a", "b"])
        files["exercises/pkg/test.xml"] = """
            <assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="T" title="Sachsen">
            <testPart identifier="P" navigationMode="nonlinear" submissionMode="individual">
            <assessmentSection identifier="S" title="Teil" visible="true">
            <assessmentItemRef identifier="b" href="items/b.xml"/>
            <assessmentItemRef identifier="m" href="items/Missing_1.xml"/>
            <assessmentItemRef identifier="a" href="items/a.xml"/>
            </assessmentSection>
            </testPart>
            </assessmentTest>
            """
        let content = load(files)
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        #expect(QTITestSectionTests.outline(content) == ["Teil: b a"])
        let missing = content.diagnostics.items.filter { $0.code == .unknownItemReference }
        #expect(missing.map(\.location.line) == [5])
    }
}
