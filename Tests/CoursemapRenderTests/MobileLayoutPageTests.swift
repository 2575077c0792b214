@testable import CoursemapRender
import Testing

/// The page structure the phone layout relies on: the header's menu button controls the drawer that holds the
/// site navigation, search and language switch; module and lecture pages put the article before the side panels.
@Suite("Mobile layout: page structure")
struct MobileLayoutPageTests {
    /// The offset of the first occurrence of `needle` in `html`, or nil.
    private func offset(_ needle: String, in html: String) -> Int? {
        html.range(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }

    @Test("the menu button names its drawer, which holds the navigation, search and language switch",
        arguments: [("courses/intro/01-basics.html", "菜单"), ("en/courses/intro/01-basics.html", "Menu")])
    func menuButton(path: String, label: String) throws {
        let (site, _) = renderFixture()
        let html = page(site, path)
        #expect(html.contains(
            "<button class=\"menu-button\" type=\"button\" aria-expanded=\"false\" aria-controls=\"cm-site-drawer\" hidden>"))
        #expect(html.contains("<span class=\"menu-icon\" aria-hidden=\"true\"></span>\(label)</button>"))
        let drawer = try #require(offset("<div class=\"site-drawer\" id=\"cm-site-drawer\">", in: html))
        let nav = try #require(offset("<nav class=\"site-nav\"", in: html))
        let search = try #require(offset("<form class=\"site-search\"", in: html))
        let language = try #require(offset("<a class=\"language-switch\"", in: html))
        let headerEnd = try #require(offset("</header>", in: html))
        #expect(drawer < nav && nav < search && search < language && language < headerEnd)
    }

    @Test("module and lecture pages put the article before the side panels",
        arguments: ["courses/intro/01-basics.html", "en/courses/intro/01-basics.html", "lectures/l1.html", "en/lectures/l1.html"])
    func contentFirst(path: String) throws {
        let (site, _) = renderFixture()
        let html = page(site, path)
        let article = try #require(offset("<article class=\"prose", in: html))
        let aside = try #require(offset("<aside class=\"module-side\">", in: html))
        #expect(article < aside)
    }
}
