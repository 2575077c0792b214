import CoursemapXML
import Testing

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    @Test("scripts, styles, event handlers and javascript: URLs never survive")
    func hostile() {
        let result = HTMLSanitizer.sanitize("""
            <p onclick="steal()">Hi <b>there</b><script>alert(1)</script></p>
            <a href="javascript:alert(1)">x</a> <a href=" JaVaScRiPt:alert(1)">y</a>
            <img src="x" onerror="alert(1)"><iframe src="https://evil.test"></iframe>
            <style>body{}</style><svg><script>alert(2)</script></svg><a href="data:text/html,<script>">z</a>
            """)
        let html = result.html.lowercased()
        for needle in ["<script", "onclick", "onerror", "javascript:", "<iframe", "<style", "<svg", "data:"] {
            #expect(!html.contains(needle), "\(needle) survived: \(result.html)")
        }
        #expect(result.html.contains("<p>Hi <b>there</b></p>"))
        #expect(result.html.contains("<img src=\"x\">"))
        #expect(result.removed.contains("<script>"))
        #expect(result.removed.contains("onclick"))
    }

    @Test("harmless markup is kept and text is escaped")
    func kept() {
        let result = HTMLSanitizer.sanitize("<p>a &lt; b</p><ul><li>一</li></ul><table><tr><td colspan=\"2\">c</td></tr></table><a href=\"https://example.org/\">e</a>")
        #expect(result.html.contains("<p>a &lt; b</p>"))
        #expect(result.html.contains("<li>一</li>"))
        #expect(result.html.contains("<td colspan=\"2\">c</td>"))
        #expect(result.html.contains("<a href=\"https://example.org/\" rel=\"noopener\">e</a>"))
        #expect(result.removed.isEmpty)
    }

    @Test("plain text passes through escaped")
    func plain() {
        #expect(HTMLSanitizer.sanitize("1 < 2 & 3").html == "1 &lt; 2 &amp; 3")
    }
}
