import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Feedback imported from Moodle and QTI is part of an exam item's answer: none of it reaches any file of
/// the student edition.
@Suite("Imported feedback and the student edition")
struct ImportedFeedbackEditionTests {
    static let moodle = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="multichoice">
            <name><text>exam-choice</text></name>
            <questiontext format="html"><text><![CDATA[<p>Pick one.</p>]]></text></questiontext>
            <generalfeedback format="html"><text>GENERALSECRET-7f3a</text></generalfeedback>
            <defaultgrade>1.0000000</defaultgrade><single>true</single><shuffleanswers>true</shuffleanswers>
            <correctfeedback format="html"><text>CORRECTSECRET-91bd</text></correctfeedback>
            <partiallycorrectfeedback format="html"><text>PARTIALSECRET-2c4e</text></partiallycorrectfeedback>
            <incorrectfeedback format="html"><text>INCORRECTSECRET-55aa</text></incorrectfeedback>
            <answer fraction="100" format="html"><text>right one</text><feedback format="html"><text>CHOICESECRET-0d1e</text></feedback></answer>
            <answer fraction="0" format="html"><text>wrong one</text><feedback format="html"><text>CHOICESECRET-77f0</text></feedback></answer>
            <tags><tag><text>coursemap-usage:exam</text></tag></tags>
          </question>
        </quiz>
        """

    static let qti = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="examfb" title="Exam feedback" adaptive="false" timeDependent="false">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
          <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
          <itemBody>
            <div class="coursemap-usage">exam</div>
            <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
              <simpleChoice identifier="A">alpha<feedbackInline outcomeIdentifier="FEEDBACK" identifier="A" showHide="show">QTICHOICESECRET-a1</feedbackInline></simpleChoice>
              <simpleChoice identifier="B">beta</simpleChoice>
            </choiceInteraction>
            <feedbackBlock outcomeIdentifier="FEEDBACK" identifier="correct" showHide="show"><p>QTICORRECTSECRET-b2</p></feedbackBlock>
          </itemBody>
          <modalFeedback outcomeIdentifier="FEEDBACK" identifier="other" showHide="show">QTIGENERALSECRET-c3</modalFeedback>
        </assessmentItem>
        """

    @Test("no student-edition file contains any imported feedback of an exam item; the teacher edition has the items")
    func noLeak() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try Self.moodle.write(to: content.appendingPathComponent("exercises/examfeedback.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("exercises/qtiexam"), withIntermediateDirectories: true)
        try Self.qti.write(to: content.appendingPathComponent("exercises/qtiexam/examfb.xml"), atomically: true, encoding: .utf8)
        let outcome = try Pipeline.build(content: content, output: workspace.path("Site"), edition: .student)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let items = outcome.program.banks.flatMap(\.items).filter { $0.importKey == "exam-choice" || $0.importKey == "examfb" }
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0.usage == .exam })
        // The model holds the feedback (so the teacher edition can show it)…
        let secretsInModel = items.flatMap(secrets(of:))
        for marker in ["GENERALSECRET", "CORRECTSECRET", "PARTIALSECRET", "INCORRECTSECRET", "CHOICESECRET", "QTICHOICESECRET", "QTICORRECTSECRET", "QTIGENERALSECRET"] {
            #expect(secretsInModel.contains { $0.contains(marker) }, "\(marker) not imported")
        }
        // … and no student file has any of it.
        for (path, data) in try snapshot(workspace.path("Site")) {
            let text = String(decoding: data, as: UTF8.self)
            for marker in ["SECRET-"] { #expect(!text.contains(marker), "\(path) leaks imported feedback") }
        }
    }
}
