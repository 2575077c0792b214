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

    @Test("a depth bomb (HTML or MathML) is cut at 200 levels and reported, never silently shortened")
    func depthBomb() {
        let bombs = [
            "<p>HEAD</p>" + String(repeating: "<b>", count: 300) + "TAIL",
            "<p>HEAD</p>" + String(repeating: "<div>", count: 150_000) + "TAIL",
            "<p>HEAD</p><math>" + String(repeating: "<mrow>", count: 80_000) + "<mi>TAIL</mi>",
        ]
        for bomb in bombs {
            let result = HTMLSanitizer.sanitize(bomb)
            #expect(result.html.hasPrefix("<p>HEAD</p>"))
            #expect(result.removed.contains("content nested more than 200 levels deep"), "\(bomb.prefix(20)): \(result.removed)")
        }
        // Reasonable nesting is untouched and not reported.
        let fine = HTMLSanitizer.sanitize(String(repeating: "<b>", count: 50) + "x")
        #expect(fine.html.contains("x") && fine.removed.isEmpty)
    }
}
