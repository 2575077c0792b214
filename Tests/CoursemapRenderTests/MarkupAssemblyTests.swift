@testable import CoursemapRender
import Testing

@Suite("Placeholders, phrasing and URLs")
struct MarkupAssemblyTests {
    @Test("placeholders are filled in one pass; a fragment that holds a placeholder is not searched again")
    func placeholdersOnePass() {
        let html = "<p>a</p><!--coursemap-embed item:b/x--><p>b</p><!--coursemap-time 6--> c<!--coursemap-embed bank:zz-->"
        var seen: [String] = []
        let filled = PlaceholderFill.fill(html) { kind, argument in
            seen.append("\(kind) \(argument)")
            switch kind {
            case "embed" where argument == "item:b/x": return "<div><!--coursemap-embed item:b/x--></div>"
            case "time": return "<a>6</a>"
            default: return nil
            }
        }
        #expect(seen == ["embed item:b/x", "time 6", "embed bank:zz"])
        #expect(filled == "<p>a</p><div><!--coursemap-embed item:b/x--></div><p>b</p><a>6</a> c<!--coursemap-embed bank:zz-->")
    }

    @Test("text that only looks like a placeholder is left alone", arguments: [
        "&lt;!--coursemap-embed item:a/b--&gt;", "<!--coursemap-embed item:a/b", "<!--coursemap-embed <b>x</b>-->", "<p><!--coursemap", "",
    ])
    func notPlaceholders(_ html: String) {
        #expect(PlaceholderFill.fill(html) { _, _ in "X" } == html)
    }

    @Test("choice text becomes phrasing content by tags, never by text")
    func phrasing() {
        #expect(PhrasingHTML.rewrite("<p>a</p>\n<p>b</p>") == "a<br>b")
        #expect(PhrasingHTML.rewrite("  <div><p>a</p></div>\n<div><p>b &lt;p&gt; c</p></div> ") == " a<br>b &lt;p&gt; c ")
        #expect(PhrasingHTML.rewrite("<ul><li>x</li><li>y</li></ul>") == "  x  y  ")
        #expect(PhrasingHTML.rewrite("<p>a <strong>b</strong></p>text<p>c</p>") == "a <strong>b</strong>textc")
        #expect(PhrasingHTML.rewrite("<p class=\"x\">a</p>") == "a")
        #expect(PhrasingHTML.rewrite("a &lt;div&gt; b") == "a &lt;div&gt; b")
        #expect(PhrasingHTML.rewrite("<img src=\"a.png\" alt=\"&lt;p&gt;\">") == "<img src=\"a.png\" alt=\"&lt;p&gt;\">")
    }

    @Test("output paths become URLs with every segment percent-encoded")
    func encodedPaths() {
        #expect(SitePaths.encoded("files/datasets/traffic.csv") == "files/datasets/traffic.csv")
        #expect(SitePaths.encoded("files/a#b?c%d.pdf") == "files/a%23b%3Fc%25d.pdf")
        #expect(SitePaths.encoded("files/say \"hi\" it's <b>.pdf") == "files/say%20%22hi%22%20it%27s%20%3Cb%3E.pdf")
        #expect(SitePaths.encoded("files/课程.pdf") == "files/%E8%AF%BE%E7%A8%8B.pdf")
        #expect(SitePaths.encoded("files/c:x&y\\z.pdf") == "files/c%3Ax%26y%5Cz.pdf")
        #expect(SitePaths.downloadURL("a b/c.pdf") == "files/a%20b/c.pdf")
    }

    @Test("the 404 page's links start at the base URL's path", arguments: [
        ("https://example.edu.cn/cbec/", "/cbec/"), ("https://example.test", "/"), ("https://example.test/", "/"),
        ("http://host:8080/a/b", "/a/b/"), ("https://host/p/?x=1#y", "/p/"), (nil, "/"),
    ] as [(String?, String)])
    func rootPaths(_ url: String?, _ expected: String) {
        #expect(SitePaths.rootPath(ofBaseURL: url) == expected)
    }
}
