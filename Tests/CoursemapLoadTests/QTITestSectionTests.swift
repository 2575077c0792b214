import CoursemapLoad
import CoursemapModel
import Testing

/// A QTI `assessmentTest` in a package (TAO, Onyx and Coursemap's own export write one) gives the bank its
/// sections; the items keep working without it.
@Suite("Sections from a QTI assessmentTest")
struct QTITestSectionTests {
    static func test(_ parts: String) -> String {
        """
        <assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="T" title="测试">
        <testPart identifier="P" navigationMode="linear" submissionMode="individual">
        \(parts)
        </testPart>
        </assessmentTest>
        """
    }

    static func items(_ names: [String]) -> [String: String] {
        var files: [String: String] = ["exercises/pkg/items/bank.yml": "id: pkg\n"]
        for name in names { files["exercises/pkg/items/\(name).xml"] = qtiItem(name) }
        return files
    }

    static func outline(_ content: LoadedContent) -> [String] {
        content.banks.first { $0.id == "pkg" }?.sections.map { section in
            "\(section.title?.zh ?? "-")\(section.title?.en.map { "/" + $0 } ?? ""): \(section.items.map(\.id).joined(separator: " "))"
        } ?? []
    }

    @Test("visible sections become titled sections, in the test's order, with the English title of Coursemap's metadata")
    func sections() {
        var files = Self.items(["a", "b", "c", "d"])
        files["exercises/pkg/test.xml"] = Self.test("""
            <assessmentSection identifier="S1" title="第二节" visible="true">
              <rubricBlock view="author" class="coursemap-meta"><div class="coursemap-title-en" xml:lang="en">Part two</div></rubricBlock>
              <assessmentItemRef identifier="c" href="items/c.xml"/><assessmentItemRef identifier="a" href="./items/a.xml"/>
            </assessmentSection>
            <assessmentSection identifier="S2" title="第一节" visible=" 1 "><assessmentItemRef identifier="b" href="items/%62.xml"/></assessmentSection>
            """)
        let content = load(files)
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        // d is in no section: it follows, untitled.
        #expect(Self.outline(content) == ["第二节/Part two: c a", "第一节: b", "-: d"])
    }

    @Test("invisible sections are untitled at the top and part of their parent below; nested visible sections split their parent")
    func nesting() {
        var files = Self.items(["a", "b", "c", "d", "e"])
        files["exercises/pkg/test.xml"] = Self.test("""
            <assessmentSection identifier="S0" title="hidden" visible="false"><assessmentItemRef identifier="a" href="items/a.xml"/></assessmentSection>
            <assessmentSection identifier="S1" title="外层" visible="true">
              <assessmentItemRef identifier="b" href="items/b.xml"/>
              <assessmentSection identifier="S2" title="grouping" visible="false"><assessmentItemRef identifier="c" href="items/c.xml"/></assessmentSection>
              <assessmentSection identifier="S3" title="内层" visible="true"><assessmentItemRef identifier="d" href="items/d.xml"/></assessmentSection>
              <assessmentItemRef identifier="e" href="items/e.xml"/>
            </assessmentSection>
            """)
        let content = load(files)
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        #expect(Self.outline(content) == ["-: a", "外层: b c", "内层: d", "外层: e"])
    }

    @Test("a reference to no item file is a located CM315 warning; section references are named, not followed")
    func unknownReferences() throws {
        var files = Self.items(["a", "b"])
        files["exercises/pkg/test.xml"] = Self.test("""
            <assessmentSection identifier="S1" title="一" visible="true">
            <assessmentItemRef identifier="x" href="items/missing.xml"/>
            <assessmentItemRef identifier="y" href="../../../etc/passwd"/>
            <assessmentItemRef identifier="b" href="items/b.xml"/>
            <assessmentSectionRef identifier="R" href="section.xml"/>
            </assessmentSection>
            """)
        let content = load(files)
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        let unknown = content.diagnostics.items.filter { $0.code == .unknownItemReference }
        #expect(unknown.map(\.severity) == [.warning, .warning])
        #expect(unknown.map(\.location.line) == [4, 5])
        #expect(unknown.allSatisfy { $0.location.file == "exercises/pkg/test.xml" })
        #expect(unknown.first?.message.contains("items/missing.xml") == true)
        let unsupported = try #require(content.diagnostics.items.first { $0.code == .unsupportedItem })
        #expect(unsupported.severity == .warning && unsupported.location.line == 7)
        #expect(unsupported.message.contains("assessmentSectionRef"))
        #expect(Self.outline(content) == ["一: b", "-: a"])
    }

    @Test("a test is read at any depth it is nested to, up to the documented limit, without stopping the build")
    func deepNesting() {
        var files = Self.items(["a"])
        let depth = 40
        let open = (1...depth).map { #"<assessmentSection identifier="S\#($0)" title="L\#($0)" visible="true">"# }.joined()
        let close = String(repeating: "</assessmentSection>", count: depth)
        files["exercises/pkg/test.xml"] = Self.test(open + #"<assessmentItemRef identifier="a" href="items/a.xml"/>"# + close)
        let content = load(files)
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        #expect(content.diagnostics.items.contains { $0.code == .unsupportedItem && $0.message.contains("nested more than") })
        #expect(Self.outline(content) == ["-: a"])
    }
}
