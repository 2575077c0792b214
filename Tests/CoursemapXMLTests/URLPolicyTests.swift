@testable import CoursemapXML
import Testing

@Suite("URL policy")
struct URLPolicyTests {
    @Test("scripting schemes are refused however they are written", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u{1}javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "java\rscript:alert(1)", "javascript\t:alert(1)", "\u{00A0}javascript:alert(1)",
        "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)", "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml;base64,PHN2Zz4=", "file:///etc/passwd", "blob:https://x/1",
        "filesystem:https://x/temporary/a", "jar:https://x/a.jar!/", "javascript%3Aalert(1)x:", "\u{7F}javascript:x", "x\u{85}:y",
    ])
    func schemesRefused(_ url: String) {
        #expect(!URLPolicy.isAllowed(url), "\(url.debugDescription)")
    }

    @Test("starts that browsers take as another host are refused", arguments: [
        "//evil.test", "/\\evil.test", "\\\\evil.test", "\\evil.test", "/\t/evil.test", "/\n/evil.test", " //evil.test",
        "/%5Cevil.test", "/%5cevil.test", "/%2Fevil.test", "/%2f/evil.test", "\t//evil.test",
    ])
    func offHostRefused(_ url: String) {
        #expect(!URLPolicy.isAllowed(url), "\(url.debugDescription)")
    }

    @Test("web links, mail, fragments and relative paths are allowed", arguments: [
        "https://example.test/a?b=c#d", "HTTP://example.test", "mailto:a@example.test", "#section", "page.html", "../a/b.html",
        "/a/b.html", "a/b:c.html", "?q=1", "files/a%20b.pdf", "Tom&Jerry.pdf", " https://example.test ",
    ])
    func allowed(_ url: String) {
        #expect(URLPolicy.isAllowed(url), "\(url.debugDescription)")
    }

    @Test("a value has a scheme when a browser would read one")
    func schemeDetection() {
        #expect(URLPolicy.hasScheme("java\tscript:x"))
        #expect(URLPolicy.hasScheme(" https://x"))
        #expect(URLPolicy.hasScheme("&#106;avascript:x"))
        #expect(URLPolicy.hasScheme("c:\\video.webm"))
        #expect(!URLPolicy.hasScheme("lectures/media/a.webm"))
        #expect(!URLPolicy.hasScheme("lectures/a:b/c.webm"))
    }
}
