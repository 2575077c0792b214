@testable import CoursemapXML
import Testing

@Suite("HTML writer")
struct HTMLWriterTests {
    @Test("values and text are escaped; names that are not plain names are not written")
    func escapes() {
        var writer = HTMLWriter()
        writer.start("a", [("href", "x\" onclick=\"alert(1)"), ("title", "<'&>"), ("on click", "y"), ("Href", "z")])
        writer.text("<script>alert(1)</script> & ")
        writer.end("a")
        writer.start("img src=x onerror=alert(1)")
        writer.start("h2\"")
        writer.end("p><script")
        #expect(writer.html == #"<a href="x&quot; onclick=&quot;alert(1)" title="&lt;&#39;&amp;&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; </a>"#)
    }

    @Test("a comment that could end early or hold markup is not written", arguments: [
        "a-->b", "x>", "<script>", "a--", "line\nbreak", "中文",
    ])
    func comments(_ text: String) {
        var writer = HTMLWriter()
        writer.comment(text)
        #expect(writer.html.isEmpty)
    }

    @Test("a placeholder comment is written as it is")
    func placeholderComment() {
        var writer = HTMLWriter()
        writer.comment("coursemap-embed item:bank/x1")
        #expect(writer.html == "<!--coursemap-embed item:bank/x1-->")
        #expect(HTMLWriter.startTag("h2", [("id", "学习目标")]) == "<h2 id=\"学习目标\">")
        #expect(HTMLWriter.endTag("h2") == "</h2>")
    }
}
