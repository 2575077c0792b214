import Coursemap
import CoursemapModel
import Foundation
import Testing

/// A QTI package with an `images/` folder and MathML, and a Moodle file with an embedded picture, built
/// into a portal: the pictures are published and every page's `<img>` finds them, in both languages.
@Suite("Imported items keep their files")
struct ImportedAssetBuildTests {
    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    static let practiceItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:m="http://www.w3.org/1998/Math/MathML" identifier="sign-q" title="Sign" adaptive="false" timeDependent="false">
        <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
        <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
        <itemBody>
        <p>What does this sign say?</p>
        <p><img src="images/sign.png" alt="STOP sign" width="1" height="1"/></p>
        <p><img src="images/gone.png" alt="Missing picture"/></p>
        <p>Solve <m:math><m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup><m:mo>=</m:mo><m:mn>4</m:mn></m:math></p>
        <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
        <simpleChoice identifier="A">Stop</simpleChoice>
        <simpleChoice identifier="B">Go</simpleChoice>
        </choiceInteraction>
        </itemBody>
        </assessmentItem>
        """

    static let examItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="exam-q" title="Exam" adaptive="false" timeDependent="false">
        <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>
        <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
        <itemBody>
        <rubricBlock view="author"><p class="coursemap-usage">exam</p></rubricBlock>
        <p>Which sign is this?</p>
        <p><img src="images/sign.png" alt="a sign"/></p>
        <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
        <simpleChoice identifier="A">Go</simpleChoice>
        <simpleChoice identifier="B">Stop</simpleChoice>
        </choiceInteraction>
        </itemBody>
        <modalFeedback outcomeIdentifier="FEEDBACK" identifier="SOLUTION" showHide="show"><p><img src="images/solution.png" alt="worked solution"/></p></modalFeedback>
        </assessmentItem>
        """

    static var moodle: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="truefalse">
            <name><text>Flag</text></name>
            <questiontext format="html">
              <text><![CDATA[<p>Is this a flag? <img src="@@PLUGINFILE@@/flag.png" alt="flag" /></p>]]></text>
              <file name="flag.png" path="/" encoding="base64">\(png.base64EncodedString())</file>
            </questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
        </quiz>
        """
    }

    func content(_ workspace: Workspace) throws -> URL {
        let content = try workspace.copy(fixtureSite, to: "Content")
        let package = content.appendingPathComponent("exercises/pkg")
        try FileManager.default.createDirectory(at: package.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Self.practiceItem.write(to: package.appendingPathComponent("q1.xml"), atomically: true, encoding: .utf8)
        try Self.examItem.write(to: package.appendingPathComponent("q2.xml"), atomically: true, encoding: .utf8)
        try Self.png.write(to: package.appendingPathComponent("images/sign.png"))
        try Self.png.write(to: package.appendingPathComponent("images/solution.png"))
        try Self.moodle.write(to: content.appendingPathComponent("exercises/flags.xml"), atomically: true, encoding: .utf8)
        return content
    }

    /// The `<img class="item-asset">` sources of a page, each resolved to an output path.
    func images(in page: String, files: [String: Data]) -> [String] {
        let html = String(decoding: files[page] ?? Data(), as: UTF8.self)
        return html.components(separatedBy: "<img class=\"item-asset\" src=\"").dropFirst().compactMap { rest in
            let value = String(rest.prefix { $0 != "\"" })
            return PageLinks.target(of: value, from: page)?.path
        }
    }

    @Test("images of a QTI package and of Moodle XML are published, and pages in both languages find them")
    func published() throws {
        let workspace = try Workspace()
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: try content(workspace), output: output)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let files = try snapshot(output)
        #expect(files["files/exercises/pkg/images/sign.png"] == Self.png)

        for page in ["banks/q1/index.html", "banks/q1/sign-q.html", "en/banks/q1/index.html", "en/banks/q1/sign-q.html"] {
            let sources = images(in: page, files: files)
            #expect(sources == ["files/exercises/pkg/images/sign.png"], "\(page): \(sources)")
            let html = String(decoding: files[page] ?? Data(), as: UTF8.self)
            #expect(html.contains("alt=\"STOP sign\""), "\(page)")
            // The missing picture shows its text alternative; MathML shows as MathML.
            #expect(html.contains("[Missing picture]"), "\(page)")
            #expect(html.contains("<math><msup><mi>x</mi><mn>2</mn></msup><mo>=</mo><mn>4</mn></math>"), "\(page)")
            #expect(!html.contains("coursemap-asset"), "\(page)")
        }

        // The Moodle picture: published from its decoded bytes under a name made of their hash.
        let flagPages = ["banks/flags/index.html", "en/banks/flags/index.html"]
        let flag = images(in: flagPages[0], files: files)
        #expect(flag.count == 1 && flag.first?.hasPrefix("files/embedded/") == true && flag.first?.hasSuffix(".png") == true, "\(flag)")
        #expect(images(in: flagPages[1], files: files) == flag)
        #expect(flag.first.flatMap { files[$0] } == Self.png)
    }

    @Test("a missing image is CM322 at the line of its <img>; the item is kept")
    func missing() throws {
        let workspace = try Workspace()
        let outcome = Pipeline.check(content: try content(workspace))
        let problem = try #require(outcome.diagnostics.sorted.first { $0.code == .missingAsset })
        #expect(problem.severity == .warning)
        #expect(problem.location.file == "exercises/pkg/q1.xml")
        #expect(problem.location.line == 8)
        #expect(problem.message.contains("exercises/pkg/images/gone.png"))
        #expect(outcome.program.bank("q1")?.items.count == 1)
    }

    @Test("an image only an exam item's explanation shows is not in the student edition; the teacher edition has it")
    func examAnswerImage() throws {
        let workspace = try Workspace()
        let content = try content(workspace)
        let student = try snapshot({ _ = try Pipeline.build(content: content, output: workspace.path("S")); return workspace.path("S") }())
        #expect(student["files/exercises/pkg/images/solution.png"] == nil)
        #expect(!student.values.contains { String(decoding: $0, as: UTF8.self).contains("solution.png") })
        // The picture the exam question itself shows is published.
        #expect(images(in: "banks/q2/exam-q.html", files: student) == ["files/exercises/pkg/images/sign.png"])
        let teacher = try snapshot({ _ = try Pipeline.build(content: content, output: workspace.path("T"), edition: .teacher); return workspace.path("T") }())
        #expect(teacher["files/exercises/pkg/images/solution.png"] == Self.png)
        #expect(images(in: "banks/q2/exam-q.html", files: teacher).contains("files/exercises/pkg/images/solution.png"))
    }
}
