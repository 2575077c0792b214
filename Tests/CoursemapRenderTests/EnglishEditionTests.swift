import CoursemapModel
@testable import CoursemapRender
import Testing

/// The English edition says which text is Chinese, the 404 pages work from any depth, the icon comes from
/// the theme and footnote back-links are labelled in the body's language.
@Suite("English edition")
struct EnglishEditionTests {
    @Test("a Chinese body on an English page carries lang and a notice; on its own page it has neither")
    func chineseBodyOnEnglishPage() {
        let (site, _) = renderFixture()
        let english = page(site, "en/courses/intro/01-basics.html")
        #expect(english.contains(##"<article class="prose" lang="zh-CN">"##))
        #expect(english.contains(
            ##"<p class="language-notice" role="note">The text of this page is only available in Chinese. <a href="../../../courses/intro/01-basics.html" hreflang="zh-CN">Open the Chinese page</a></p>"##))
        // The page contents list the body's headings: Chinese too.
        #expect(english.contains(##"<a href="#学习目标" lang="zh-CN">学习目标</a>"##))
        let chinese = page(site, "courses/intro/01-basics.html")
        #expect(chinese.contains(##"<article class="prose">"##))
        #expect(!chinese.contains("language-notice"))
        #expect(!chinese.contains(##"lang="zh-CN">学习目标"##))
    }

    @Test("a text shown in Chinese on an English page for want of English is marked; one with English is not")
    func fallbackTexts() {
        let (site, _) = renderFixture()
        let english = page(site, "en/courses/intro/01-basics.html")
        // Competency statements of the fixture have no English.
        #expect(english.contains(##"<span class="statement" lang="zh-CN">"##))
        // The module's title has English: the Chinese is the marked subtitle, the English unmarked.
        #expect(english.contains(##"<h1 data-pagefind-weight="10">Basics <span class="alt" lang="zh-CN">基础</span></h1>"##))
        let chinese = page(site, "courses/intro/01-basics.html")
        #expect(!chinese.contains(##"<span class="statement" lang="##))
        #expect(chinese.contains(##"<h1 data-pagefind-weight="10">基础 <span class="alt" lang="en">Basics</span></h1>"##))
    }

    @Test("labels end with the colon of the page's language")
    func labelColons() {
        let (site, _) = renderFixture()
        #expect(page(site, "en/banks/basics/index.html").contains("Score: "))
        #expect(page(site, "banks/basics/index.html").contains("分值："))
    }

    @Test("the 404 pages exist in both languages with links from the base URL's path")
    func notFoundPages() {
        let (site, _) = renderFixture()
        let chinese = page(site, "404.html")
        let english = page(site, "en/404.html")
        #expect(chinese.contains(##"<link rel="stylesheet" href="/portal/assets/style.css">"##))
        #expect(chinese.contains(##"<a class="language-switch" href="/portal/en/404.html""##))
        #expect(chinese.contains(##"<li><a href="/portal/courses/index.html">"##))
        #expect(english.contains(##"<html lang="en">"##))
        #expect(english.contains(##"<link rel="stylesheet" href="/portal/assets/style.css">"##))
        #expect(english.contains(##"<a class="language-switch" href="/portal/404.html""##))
        #expect(english.contains(##"<li><a href="/portal/en/courses/index.html">"##))
        // No navigation item is the current page there.
        #expect(!chinese.contains(##"<li><a href="/portal/index.html" aria-current="page">"##))
        #expect(chinese.contains(##"<li><a href="/portal/index.html">首页</a></li>"##))
        // Nothing comes from another origin, so the policy is the same as every page's.
        for text in [chinese, english] {
            #expect(text.contains("script-src 'self'; style-src 'self';"))
            #expect(!text.contains("https://example.test"))
        }
    }

    @Test("footnote back-links get the label given, in any attribute order, and nothing else changes")
    func footnoteLabels() {
        let cmark = ##"<p>A<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>"##
            + "\n<!-- <a data-footnote-backref aria-label=\"x\"> -->\n"
            + ##"<li id="fn-1"><p>Note <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p></li>"##
        let labelled = FootnoteBackLinks.labelled(cmark, label: "返回\"正文\"")
        #expect(labelled == cmark.replacing(##"aria-label="Back to content""##, with: ##"aria-label="返回&quot;正文&quot;""##))
        let unlabelled = ##"<a data-footnote-backref HREF='#r'>↩</a><a href="#x">x</a>"##
        #expect(FootnoteBackLinks.labelled(unlabelled, label: "Back") == ##"<a data-footnote-backref HREF='#r' aria-label="Back">↩</a><a href="#x">x</a>"##)
        let plain = "<p>a < b, <b>no notes</b></p>"
        #expect(FootnoteBackLinks.labelled(plain, label: "x") == plain)
    }

    @Test("every page names the theme's icon; a site's PNG replaces it, a bad one is CM333 and not published")
    func favicons() {
        let (site, _) = renderFixture()
        #expect(page(site, "index.html").contains(##"<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">"##))
        #expect(page(site, "en/courses/intro/01-basics.html").contains(##"<link rel="icon" href="../../../assets/favicon.svg" type="image/svg+xml">"##))
        #expect(site.files["assets/favicon.svg"] != nil)

        let location = SourceLocation(file: "theme/assets/favicon.png")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        let good = Theme.load(overrides: ["assets/favicon.png": ThemeFile(bytes: png, location: location)])
        #expect(good.1.isEmpty)
        #expect(good.0.favicon == Favicon(path: "favicon.png", type: "image/png"))
        #expect(good.0.assets["favicon.png"] == png)

        let wrong = Theme.load(overrides: ["assets/favicon.png": ThemeFile(bytes: Array("GIF89a".utf8), location: location)])
        #expect(wrong.1.map(\.code) == [.themeFileOverride])
        #expect(wrong.0.favicon == .builtIn)
        #expect(wrong.0.assets["favicon.png"] == nil)

        let large = Theme.load(overrides: [
            "assets/favicon.ico": ThemeFile(bytes: [0, 0, 1, 0] + Array(repeating: 0, count: Favicon.maximumBytes), location: location),
        ])
        #expect(large.1.map(\.code) == [.themeFileOverride])
        #expect(large.0.assets["favicon.ico"] == nil)

        let svg = Theme.load(overrides: ["assets/favicon.svg": ThemeFile(bytes: Array("<svg><script/></svg>".utf8), location: location)])
        #expect(svg.1.map(\.code) == [.themeFileOverride])
        #expect(svg.0.favicon == .builtIn)
        #expect(svg.0.assets["favicon.svg"] == BuiltInTheme.files["assets/favicon.svg"])
    }
}
