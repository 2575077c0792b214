@testable import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

@Suite("Markdown (cmark-gfm)")
struct MarkdownParserTests {
    let safe = MarkdownOptions()

    @Test("GFM tables, strikethrough, task lists, autolinks and footnotes render")
    func gfm() {
        let markdown = """
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~old~~ https://example.org

            - [x] done

            Note[^1].

            [^1]: The footnote.
            """
        let html = MarkdownParser.parse(markdown, options: safe).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("footnotes"))
    }

    @Test("table column alignment becomes classes of the table's wrapper, never an align or style attribute")
    func tableAlignment() {
        let markdown = """
            | left | centre | right | none | right |
            |:-----|:------:|------:|------|--:|
            | 1 | **2** | 3 | 4 | 5 |
            """
        let html = MarkdownParser.parse(markdown, options: safe).html
        #expect(!html.contains("align="))
        #expect(!html.contains("style="))
        #expect(html.contains(#"<div class="table-wrap ta-c2 ta-r3 ta-r5">"#))
        #expect(html.contains("<td><strong>2</strong></td>"))
        let plain = MarkdownParser.parse("| a | b |\n|---|---|\n| 1 | 2 |\n", options: safe).html
        #expect(plain.contains(#"<div class="table-wrap"><table>"#) || plain.contains(#"<div class="table-wrap">"# + "\n<table>"))
    }

    @Test("style.css aligns every column a table may have")
    func alignmentRulesCoverEveryColumn() throws {
        let css = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CoursemapRender/Theme/assets/style.css"), encoding: .utf8)
        for column in 1...MarkdownTableLimits.maximumColumns {
            #expect(css.contains(".ta-c\(column) tr>:nth-child(\(column))"), "centre \(column)")
            #expect(css.contains(".ta-r\(column) tr>:nth-child(\(column))"), "right \(column)")
        }
    }

    /// cmark-gfm 0.29 keeps the inline parser's table of special characters in process-wide memory: each
    /// parse switches its extensions' characters (`~` for strikethrough, `:` and `w` for autolinks) on when
    /// it starts parsing inlines and off when it is done, so without a lock a parse on one thread turned
    /// them off in the middle of a parse on another, and `~~x~~` sometimes stayed text in a parallel build.
    @Test("parses on many threads at once all see the extensions")
    func parallelParsesAgree() {
        let markdown = "前 ~~删除~~ 后，见 www.example.com 与 https://example.org/x。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let expected = MarkdownParser.parse(markdown, options: safe).html
        #expect(expected.contains("<del>删除</del>") && expected.contains("<a href=\"http://www.example.com\">"))
        let results = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var mine: [String] = []
            for _ in 0..<400 { mine.append(MarkdownParser.parse(markdown, options: MarkdownOptions()).html) }
            results.withLock { $0 += mine }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 3200)
        let wrong = all.filter { $0 != expected }
        #expect(wrong.isEmpty, "\(wrong.count) of 3200 parses differ, such as: \(wrong.first ?? "")")
    }

    @Test("headings get unique anchors and make the outline")
    func headings() {
        let text = MarkdownParser.parse("## 学习目标\n\ntext\n\n## 学习目标\n\n### Step *one*\n", options: safe)
        #expect(text.headings.map(\.anchor) == ["学习目标", "学习目标-2", "step-one"])
        #expect(text.headings.map(\.level) == [2, 2, 3])
        #expect(text.headings[2].text == "Step one")
        let compact = text.html.replacingOccurrences(of: "\n", with: "")
        #expect(compact.contains("<h2 id=\"学习目标\">学习目标</h2>"))
        #expect(compact.contains("<h3 id=\"step-one\">Step <em>one</em></h3>"))
    }

    @Test("raw HTML and javascript: links are dropped unless unsafe HTML is allowed, which still drops script tags")
    func rawHTML() {
        let markdown = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x()\">b</b>\n"
        let html = MarkdownParser.parse(markdown, options: safe).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
        let unsafe = MarkdownParser.parse(markdown, options: MarkdownOptions(unsafeHTML: true)).html
        #expect(!unsafe.contains("<script"), "unsafe_html keeps no <script> tag: \(unsafe)")
        #expect(unsafe.contains("<b onclick=\"x()\">b</b>"), "other raw HTML is kept as written: \(unsafe)")
        let (_, problems) = MarkdownParser.parse(markdown, options: MarkdownOptions(unsafeHTML: true), file: "m.md", firstLine: 3)
        #expect(problems.contains { $0.code == .sanitizedHTML && $0.location.line == 3 && $0.message.contains("<script>") }, "\(problems)")
    }
}

/// A Markdown image of a type the portal does not publish (SVG, HTML …) is CM326 at the image, with the fix.
@Suite("Markdown images of refused types")
struct MarkdownRefusedImageTests {
    @Test("a relative SVG or other refused image is CM326 at its line", arguments: [
        "![图](../../assets/img/diagram.svg)", "![图](../../assets/img/d.SVG?v=2)", "![](x.xhtm)", "![图](<a b.svg#frag>)",
        "![图](../../assets/img/d%2Esvg)", "![图](page.html)",
    ])
    func refused(_ image: String) {
        let (_, problems) = MarkdownParser.parse("文字\n\n" + image + "\n", options: MarkdownOptions(), file: "m.md", firstLine: 5)
        #expect(problems.contains { $0.code == .activeFile && $0.location.line == 7 && $0.message.contains("PNG") }, "\(image): \(problems)")
    }

    @Test("pictures of published types, remote SVGs and links to SVG files are not CM326", arguments: [
        "![图](../../assets/img/a.png)", "![图](a.JPEG?x=1)", "![图](https://example.test/a.svg)", "[图](a.svg)", "![图](#top)", "![图](<p.png\" onerror=\"alert(1)>)", "![图](logo)",
    ])
    func accepted(_ markdown: String) {
        let (_, problems) = MarkdownParser.parse(markdown + "\n", options: MarkdownOptions(), file: "m.md", firstLine: 1)
        #expect(!problems.contains { $0.code == .activeFile }, "\(markdown): \(problems)")
    }
}
