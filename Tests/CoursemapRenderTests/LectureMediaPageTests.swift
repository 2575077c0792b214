import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Testing

/// Lecture and data set pages built from a small content tree in memory.
@Suite("Lecture media and data set pages")
struct LectureMediaPageTests {
    static let captionsZH = "WEBVTT\n\n00:00.000 --> 00:05.500\n甲 & <i>乙</i>\n\n00:05.500 --> 00:09.000\n丙\n"
    static let captionsEN = "WEBVTT\n\n00:00.000 --> 00:05.000\nOne\n"

    func render(_ files: [String: String]) -> RenderedSite {
        var tree = ["coursemap.yml": "title:\n  zh: 测试\n  en: Test\nmedia:\n  embed_hosts: [player.bilibili.com]\n"]
        tree.merge(files) { _, new in new }
        let loaded = ContentLoader(source: .memory(tree)).load()
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.sorted)")
        let (program, diagnostics) = Resolver.resolve(loaded)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return SiteRenderer.render(program, coverage: CoverageAnalyser.analyse(program)).site
    }

    func lecture(_ media: String, captions: String) -> String {
        "---\ntitle:\n  zh: 微课\n  en: Lecture\nduration: \"0:10\"\n\(media)\ncaptions:\n\(captions)\n---\n[00:06] 文字稿。\n"
    }

    func csp(_ html: String) -> String {
        let start = html.range(of: "http-equiv=\"Content-Security-Policy\" content=\"")!.upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    @Test("zh pages turn on the zh track, en pages the en track; the page carries each track's cues escaped")
    func tracksAndCues() {
        let site = render([
            "lectures/l.md": lecture("video:\n  - lectures/media/v.webm\n  - lectures/media/v.mp4", captions: "  zh-CN: lectures/media/v.zh.vtt\n  en: lectures/media/v.en.vtt"),
            "lectures/media/v.webm": "w", "lectures/media/v.mp4": "m",
            "lectures/media/v.zh.vtt": Self.captionsZH, "lectures/media/v.en.vtt": Self.captionsEN,
        ])
        let zh = page(site, "lectures/l.html"), en = page(site, "en/lectures/l.html")
        #expect(zh.contains("srclang=\"zh-CN\" label=\"中文\" default>") && !zh.contains("srclang=\"en\" label=\"English\" default>"))
        #expect(en.contains("srclang=\"en\" label=\"English\" default>") && !en.contains("srclang=\"zh-CN\" label=\"中文\" default>"))
        #expect(zh.contains("<source src=\"../files/lectures/media/v.webm\" type=\"video/webm\">\n<source src=\"../files/lectures/media/v.mp4\" type=\"video/mp4\">"))
        #expect(zh.contains("<ol class=\"cm-cues\" hidden data-pagefind-ignore lang=\"zh-CN\" data-lang=\"zh-CN\" data-label=\"中文\" data-default>"))
        #expect(zh.contains("<li data-start=\"0\" data-end=\"5.5\">甲 &amp; &lt;i&gt;乙&lt;/i&gt;</li>"))
        #expect(en.contains("<ol class=\"cm-cues\" hidden data-pagefind-ignore lang=\"en\" data-lang=\"en\" data-label=\"English\" data-default>"))
        #expect(zh.contains("class=\"seek-status\" role=\"status\" aria-live=\"polite\""))
        #expect(!csp(zh).contains("frame-src"))
        // Same content, same bytes.
        #expect(render([
            "lectures/l.md": lecture("video:\n  - lectures/media/v.webm\n  - lectures/media/v.mp4", captions: "  zh-CN: lectures/media/v.zh.vtt\n  en: lectures/media/v.en.vtt"),
            "lectures/media/v.webm": "w", "lectures/media/v.mp4": "m",
            "lectures/media/v.zh.vtt": Self.captionsZH, "lectures/media/v.en.vtt": Self.captionsEN,
        ]).files["lectures/l.html"] == site.files["lectures/l.html"])
    }

    @Test("a lecture with only English captions turns them on in the zh edition too")
    func onlyLanguage() {
        let site = render([
            "lectures/l.md": lecture("video: lectures/media/v.webm", captions: "  en: lectures/media/v.en.vtt"),
            "lectures/media/v.webm": "w", "lectures/media/v.en.vtt": Self.captionsEN,
        ])
        #expect(page(site, "lectures/l.html").contains("srclang=\"en\" label=\"English\" default>"))
    }

    @Test("an embed page frames only its host: a sandboxed iframe and frame-src naming that host alone")
    func embed() {
        let site = render([
            "lectures/l.md": "---\ntitle: 平台\nduration: \"0:10\"\nembed: https://player.bilibili.com/player.html?bvid=BV1&amp=1\n---\n[00:06] 文字稿。\n",
            "lectures/o.md": lecture("video: lectures/media/v.webm", captions: "  en: lectures/media/v.en.vtt"),
            "lectures/media/v.webm": "w", "lectures/media/v.en.vtt": Self.captionsEN,
        ])
        let html = page(site, "lectures/l.html")
        #expect(html.contains(
            "<iframe class=\"lecture-embed\" src=\"https://player.bilibili.com/player.html?bvid=BV1&amp;amp=1\" title=\"平台\" sandbox=\"allow-scripts allow-same-origin allow-presentation\""))
        #expect(html.contains("referrerpolicy=\"no-referrer\"></iframe>"))
        #expect(csp(html).hasPrefix("default-src 'none'; frame-src https://player.bilibili.com; script-src 'self';"))
        #expect(csp(html).contains("object-src 'none'"))
        #expect(html.contains("<span class=\"timestamp-text\">0:06</span> 文字稿。"))
        #expect(!html.contains("<video"))
        for other in ["lectures/o.html", "index.html", "resources/index.html"] {
            #expect(!csp(page(site, other)).contains("frame-src"), "\(other)")
        }
    }

    @Test("a data set page shows the preview table escaped, with its counts; a PDF opens inline and downloads")
    func datasetAndPDF() {
        let site = render([
            "datasets/d.csv": "名称,公式\n<b>x</b>,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"\n",
            "datasets/d.csv.yml": "title:\n  zh: 数据\nkind: dataset\n",
            "resources/s.pdf": "%PDF-1.4\n", "resources/s.pdf.yml": "title:\n  zh: 课件\nkind: slides\n",
        ])
        let html = page(site, "resources/d.html")
        #expect(html.contains("<thead><tr><th scope=\"col\">名称</th><th scope=\"col\">公式</th></tr></thead>"))
        #expect(html.contains("<tr><td>&lt;b&gt;x&lt;/b&gt;</td><td>=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)</td></tr>"))
        #expect(html.contains("<p class=\"preview-note\">全部 1 行数据。</p>"))
        #expect(page(site, "en/resources/d.html").contains("<p class=\"preview-note\">All 1 data rows.</p>"))
        let pdf = page(site, "resources/s.html")
        #expect(pdf.contains("<a class=\"button\" href=\"../files/resources/s.pdf\" type=\"application/pdf\">在浏览器中打开</a>"))
        #expect(pdf.contains("<a class=\"button\" href=\"../files/resources/s.pdf\" download>下载</a>"))
        #expect(!page(site, "resources/d.html").contains("在浏览器中打开"))
    }
}
