import CoursemapXML
import Testing

/// What `markdown.unsafe_html` keeps: trusted raw HTML minus the tags that load code, navigate or embed,
/// however they are hidden from a tokenizer that reads HTML differently from a browser.
@Suite("Raw HTML filter (markdown.unsafe_html)")
struct RawHTMLFilterTests {
    /// Names of elements that must not survive as a tag, in any case.
    static let forbidden = ["script", "meta", "base", "link", "iframe", "object", "embed", "svg", "math", "style", "textarea", "noscript", "plaintext", "xmp", "template"]

    /// True when a browser-style read of `html` finds a start tag of a forbidden element: every `<` in text
    /// is now a real tag or `&lt;`, so it is enough to look at what follows each `<` that the filter kept.
    static func hasForbiddenTag(_ html: String) -> Bool {
        let lower = html.lowercased()
        return forbidden.contains { name in
            lower.contains("<\(name)>") || lower.contains("<\(name) ") || lower.contains("<\(name)/") || lower.contains("<\(name)\t")
                || lower.contains("<\(name)\n") || lower.contains("<\(name)\u{0C}") || lower.contains("<\(name)\r")
        }
    }

    @Test("tags that load code or navigate are removed, whatever their spelling", arguments: [
        ##"<script src="../../files/resources/notes.txt"></script>"##,
        ##"<SCRIPT SRC=../../files/a.txt></SCRIPT>"##,
        "<script\tsrc=x.txt>",
        "<script/src=x.txt>",
        ##"<meta http-equiv="refresh" content="1;url=http://127.0.0.1:47123/r">"##,
        ##"<base href="http://evil/">"##, ##"<link rel="prefetch" href="http://evil/">"##,
        ##"<iframe srcdoc="<script>alert(1)</script>"></iframe>"##, ##"<object data="x.pdf"></object>"##, ##"<embed src="x">"##,
        ##"<svg><script href="x.txt"/></svg>"##, ##"<math><mi xlink:href="javascript:alert(1)">x</mi></math>"##,
        "<<script>script src=x.txt></script>",
        ##"<a title=x"y><script src=x.txt></script>"##,
        ##"<!-- <a title=" --> <script src=x.txt></script> <!-- " -->"##,
        ##"<!--> <script src=x.txt></script>"##, ##"<!---> <script src=x.txt></script>"##,
        ##"<!-- x --!> <script src=x.txt></script>"##,
        ##"<?xml ?><script src=x.txt></script>"##, ##"</ x><script src=x.txt></script>"##,
        "<p title='>'><script src=x.txt></script></p>",
    ])
    func removed(_ html: String) {
        let filtered = RawHTMLFilter.filter(html)
        #expect(!Self.hasForbiddenTag(filtered.html), "\(html) → \(filtered.html)")
        #expect(!filtered.removedTags.isEmpty, "\(html)")
    }

    @Test("once a raw-text or foreign element's tag is gone, what it hid is read as the browser now reads it", arguments: [
        (##"<textarea><a title="</textarea><script src=x.txt></script>">"##, ##"<a title="</textarea><script src=x.txt></script>">"##),
        (##"<style><a title="</style><script src=x.txt></script>">"##, ##"<a title="</style><script src=x.txt></script>">"##),
        (##"<noscript><p title="</noscript><script src=x.txt></script>">"##, ##"<p title="</noscript><script src=x.txt></script>">"##),
        (##"<svg><![CDATA[ > <a title="]]><script href=x.txt></script>">"##, ##"<![CDATA[ > <a title="]]><script href=x.txt></script>">"##),
        ("<scr<script>ipt src=x.txt>", "<scr<script>ipt src=x.txt>"),
        ("<<script>script src=x.txt>", "&lt;script src=x.txt>"),
        ("<title><script src=x.txt></script></title>", ""),
    ])
    func rawTextElements(_ html: String, _ expected: String) {
        #expect(RawHTMLFilter.filter(html).html == expected)
    }

    @Test("an open tag or comment at the end is removed, so it cannot swallow the page after it", arguments: [
        ##"<p>x</p><a title=""##, "<p>x</p><!-- ", "<p>x</p><img src=x", "<p>x</p><a title='", "<p>x</p><!DOCTYPE",
    ])
    func unterminated(_ html: String) {
        #expect(RawHTMLFilter.filter(html).html == "<p>x</p>")
    }

    @Test("harmless raw HTML is kept byte for byte, attributes and comments included")
    func kept() {
        let html = ##"<div class="note" id="n1"><details><summary>答案</summary><p title='a > b'>x &amp; y</p></details><!-- c --><img src="a.png" alt="图"></div><br/>"##
        let filtered = RawHTMLFilter.filter(html)
        #expect(filtered.html == html)
        #expect(filtered.removedTags.isEmpty)
        #expect(RawHTMLFilter.filter("a < b <3 </>").html == "a &lt; b &lt;3 ")
    }
}
