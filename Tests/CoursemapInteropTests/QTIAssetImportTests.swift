import CoursemapModel
@testable import CoursemapInterop
import Testing

/// Items shaped as TAO, Onyx and Inspera export them: pictures in an `images/` folder beside the item,
/// MathML with the `m:` prefix, `<object>` reading passages and item stylesheets.
@Suite("QTI import: files and MathML the author wrote")
struct QTIAssetImportTests {
    static let choice = """
        <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
        """

    static func choiceBody(_ stem: String) -> String {
        """
        \(stem)
        <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
        <simpleChoice identifier="A"><img src="images/a.png" alt="Choice A"/></simpleChoice>
        <simpleChoice identifier="B">B</simpleChoice>
        </choiceInteraction>
        """
    }

    @Test("images are item assets relative to the item file, each at the line of its element")
    func images() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <p>Look:</p>
            <p><img src="images/sign%20one.png" alt="STOP" width="120" height="80"/></p>
            <p><img src="../shared/media/map.jpg" alt="Map"/></p>
            """))
        let (item, diagnostics) = try QTITestSupport.importText(text, file: "banks/tao-export/items/i01/qti.xml")
        let imported = try #require(item)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported.assets.map(\.path) == [
            "banks/tao-export/items/i01/images/a.png", "banks/tao-export/items/i01/images/sign one.png", "banks/tao-export/items/shared/media/map.jpg",
        ])
        #expect(imported.assets.map { $0.location.line } == [10, 7, 8])
        #expect(imported.assets[1].alternative == "STOP" && imported.assets[1].width == 120 && imported.assets[1].height == 80)
        #expect(imported.stem.html == "<p>Look:</p><p><!--coursemap-asset 1--></p><p><!--coursemap-asset 2--></p>")
        #expect(QTITestSupport.choices(imported.body).first?.text.html == "<!--coursemap-asset 0-->")
    }

    @Test("an image path leaving the package folder is CM323 at its line and shows its alternative text")
    func escapingImage() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <p>x</p>
            <p><img src="../../../../coursemap.yml" alt="secret"/></p>
            """))
        let (item, diagnostics) = try QTITestSupport.importText(text, file: "banks/pkg/q1.xml")
        let imported = try #require(item)
        let warning = try #require(diagnostics.first { $0.code == .unsafeAssetPath })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "banks/pkg/q1.xml", line: 7))
        #expect(imported.stem.html.contains("[secret]"))
        #expect(!imported.assets.contains { $0.path.contains("coursemap.yml") })
    }

    @Test("prefixed MathML is kept: the equation shows instead of a gap")
    func mathML() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <p>Which value is associated with the equation <m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mrow><m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup><m:mo>=</m:mo><m:mn>4</m:mn></m:mrow></m:math>?</p>
            """))
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(diagnostics.filter { $0.code != .unmappedItem }.isEmpty, "\(diagnostics)")
        #expect(imported.stem.html == "<p>Which value is associated with the equation <math><mrow><msup><mi>x</mi><mn>2</mn></msup><mo>=</mo><mn>4</mn></mrow></math>?</p>")
    }

    @Test("an HTML reading passage of the package is read, sanitised and shown in the item")
    func passage() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <object data="passage.html" type="text/html">Read the passage.</object>
            """))
        var asked: [String] = []
        let document = #"<!DOCTYPE html><html><head><title>t</title><script>alert(1)</script></head><body><h2>The fox</h2><p onclick="x()">A quick fox.</p></body></html>"#
        let root = try QTITestSupport.parse(text, file: "banks/pkg/q1.xml")
        let (item, diagnostics) = QTIImporter.importItem(root, file: "banks/pkg/q1.xml") { path in
            asked.append(path)
            return Array(document.utf8)
        }
        let imported = try #require(item)
        #expect(asked == ["banks/pkg/passage.html"])
        #expect(imported.stem.html == "<div><h2>The fox</h2><p>A quick fox.</p></div>")
        // The passage's event handler is removed and reported at the <object>'s line.
        let warning = try #require(diagnostics.first { $0.code == .sanitizedHTML })
        #expect(warning.message.contains("onclick"))
    }

    @Test("a missing passage is CM322 at the object's line, and its fallback content shows")
    func missingPassage() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <p>Intro</p>
            <object data="texts/passage.xhtml" type="application/xhtml+xml"><p>Passage not available.</p></object>
            """))
        let root = try QTITestSupport.parse(text, file: "banks/pkg/q1.xml")
        let (item, diagnostics) = QTIImporter.importItem(root, file: "banks/pkg/q1.xml") { _ in nil }
        let imported = try #require(item)
        let warning = try #require(diagnostics.first { $0.code == .missingAsset })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "banks/pkg/q1.xml", line: 7))
        #expect(warning.message.contains("banks/pkg/texts/passage.xhtml"))
        #expect(imported.stem.html == "<p>Intro</p><p>Passage not available.</p>")
    }

    @Test("a reading passage whose path leaves the package, plainly or percent-encoded, is CM323 at its line and never read")
    func escapingPassage() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <object data="../../../../etc/passwd" type="text/html">fallback one</object>
            <object data="%2e%2e/%2e%2e/%2e%2e/etc/passwd" type="text/html">fallback two</object>
            <object data="/etc/passwd.html" type="text/html">fallback three</object>
            """))
        let root = try QTITestSupport.parse(text, file: "banks/pkg/q1.xml")
        var asked: [String] = []
        let (item, diagnostics) = QTIImporter.importItem(root, file: "banks/pkg/q1.xml") { path in
            asked.append(path)
            return Array("<p>secret</p>".utf8)
        }
        let imported = try #require(item)
        #expect(asked.isEmpty)
        let warnings = diagnostics.filter { $0.code == .unsafeAssetPath }
        #expect(warnings.compactMap { $0.location.line }.sorted() == [6, 7, 8], "\(diagnostics)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(imported.stem.html.contains("fallback one") && imported.stem.html.contains("fallback two"))
        #expect(imported.stem.html.contains("fallback three"))
        #expect(!imported.stem.html.contains("secret"))
    }

    @Test("an object of another type shows its fallback, or its file name, never an empty block (CM312 at its line)")
    func otherObject() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <p>Listen:</p>
            <object data="media/greeting.mp3" type="audio/mpeg"/>
            """))
        let (item, diagnostics) = try QTITestSupport.importText(text)
        let imported = try #require(item)
        #expect(imported.stem.html == "<p>Listen:</p><p>[greeting.mp3]</p>")
        let warning = try #require(diagnostics.first { $0.code == .sanitizedHTML })
        #expect(warning.location.line == 7)
    }

    @Test("an item stylesheet is not applied, and CM328 says so at its line")
    func stylesheet() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="styled" title="Styled" adaptive="false" timeDependent="false">
            \(Self.choice)
            <stylesheet href="style/custom.css" type="text/css" media="all"/>
            <itemBody>
            \(Self.choiceBody("<p>Q</p>"))
            </itemBody>
            </assessmentItem>
            """
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item != nil)
        let warning = try #require(diagnostics.first { $0.code == .importedFileNotKept })
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 4)
        #expect(warning.message.contains("style/custom.css") && warning.message.contains("not applied"))
    }

    @Test("CM312 points at the element that was removed, not at its parent")
    func removalLine() throws {
        let text = QTITestSupport.item(declarations: Self.choice, body: Self.choiceBody("""
            <div>
            <p>Safe</p>
            <p>Also safe</p>
            <p>Click <span onclick="steal()">here</span></p>
            </div>
            """))
        let (_, diagnostics) = try QTITestSupport.importText(text)
        let warning = try #require(diagnostics.first { $0.code == .sanitizedHTML })
        #expect(warning.location.line == 9, "\(warning)")
    }
}
