import CoursemapModel
import CoursemapXML
import Foundation
import Testing

@testable import CoursemapInterop

private typealias Support = MoodleTestSupport

/// A cloze field written inside an HTML attribute (a link's title, an image's alt) cannot become a blank
/// there: it is removed from the attribute, shown as a blank at the end of the text, and warned about
/// (CM312), and the attribute stays one attribute.
@Suite("Moodle cloze: fields inside attributes")
struct MoodleClozeAttributeTests {
    /// Question texts with a field inside an attribute, in several shapes.
    static let texts = [
        ##"<p>填空 <a href="#x" title="{1:SHORTANSWER:=abc}">链接</a></p>"##,
        ##"<p>图 <img src="ok.png" alt="{1:SHORTANSWER:=abc} onerror=alert(1) x="></p>"##,
        ##"<p><a href="#y" title='a{1:SHORTANSWER:=def}b'>第二</a> 后</p>"##,
        ##"<p><span title="x">前</span><a title="{1:MULTICHOICE:=甲~乙}" href="#z">z</a></p>"##,
        ##"<p><img alt={1:SHORTANSWER:=abc} src="ok.png"></p>"##,
        ##"<p><a href="#" title="&quot;{1:SHORTANSWER:=abc}&quot;>x">q</a></p>"##,
    ]

    @Test("the field leaves the attribute, becomes a blank after the text and is CM312", arguments: texts)
    func fieldInAttribute(_ text: String) throws {
        let imported = try Support.importXML(Support.quiz(Support.question("cloze", name: "attr", text: text)))
        let item = try #require(imported.items.first, "\(imported.diagnostics)")
        let html = item.stem.html
        // The blank span appears once, in text: the HTML re-parses to exactly one blank whose parent is not
        // an attribute, and no attribute value holds a tag or the placeholder.
        #expect(html.components(separatedBy: MoodleConventions.blankSpan(1)).count == 2, "\(html)")
        #expect(!html.contains("\u{E000}") && !html.contains("\u{E001}"), "\(html)")
        #expect(!html.contains("onerror=alert") || html.contains("alt=\" onerror=alert(1) x=\""), "\(html)")
        let attributeValues = html.matches(of: /="([^"]*)"/).map { String($0.1) }
        #expect(attributeValues.allSatisfy { !$0.contains("<") && !$0.contains(">") }, "\(attributeValues)")
        #expect(imported.with(.sanitizedHTML).contains { $0.message.contains("inside an HTML attribute") }, "\(imported.diagnostics)")
    }

    @Test("a field in text beside one in an attribute: each blank once, in its place or at the end")
    func mixed() throws {
        let text = ##"<p>A {1:SHORTANSWER:=x} B <a href="#q" title="{2:SHORTANSWER:=y}">q</a> C</p>"##
        let imported = try Support.importXML(Support.quiz(Support.question("cloze", name: "mixed", text: text)))
        let html = try #require(imported.items.first).stem.html
        let first = try #require(html.range(of: MoodleConventions.blankSpan(1)))
        let second = try #require(html.range(of: MoodleConventions.blankSpan(2)))
        #expect(html[..<first.lowerBound].contains("A "))
        #expect(second.lowerBound > html.range(of: " C")!.lowerBound, "\(html)")
        #expect(html.contains(##"title="""##) || !html.contains("title="), "\(html)")
    }

    @Test("restoring skips placeholders inside tags, quoted either way or unquoted")
    func restoreSkipsTags() {
        let html = "<p title=\"\u{E000}1\u{E001}\">t \u{E000}2\u{E001}</p><a href='#' title='x\u{E000}3\u{E001}'>a</a><img alt=\u{E000}1\u{E001}>"
        let (restored, found, inTags) = MoodleConventions.restoreBlanks(in: html, count: 3)
        #expect(found == [2])
        #expect(inTags == [1, 3])
        #expect(restored == "<p title=\"\">t \(MoodleConventions.blankSpan(2))</p><a href='#' title='x'>a</a><img alt=>")
    }
}
