@testable import CoursemapRender
import Testing

/// What the pages tell Pagefind: kind, course and trail filters, the title and its characters, heading
/// weights, the lists of other pages left out, and the search page's place in the navigation.
@Suite("Search index attributes")
struct SearchIndexAttributesTests {
    @Test("a title's Chinese characters are listed once each, in order; a title without any gives none")
    func titleCharacters() {
        #expect(PageBuilder.searchCharacters(of: "子账号与岗位权限分配") == "子 账 号 与 岗 位 权 限 分 配")
        #expect(PageBuilder.searchCharacters(of: "数据分析：数据 B2B") == "数 据 分 析")
        #expect(PageBuilder.searchCharacters(of: "Store operations") == nil)
    }

    @Test("an indexed page carries its kind, course, trail, title and title characters; its h1 outweighs the body")
    func modulePage() {
        let (site, _) = renderFixture()
        let module = page(site, "courses/intro/01-basics.html")
        #expect(module.contains("<span hidden data-pagefind-filter=\"kind:模块\"></span>"))
        #expect(module.contains("<span hidden data-pagefind-filter=\"course:导论 &lt;课程&gt;\"></span>"))
        #expect(module.contains("<span hidden data-pagefind-filter=\"trail:课程 › 导论 &lt;课程&gt;\"></span>"))
        #expect(module.contains("<span hidden data-pagefind-meta=\"title:基础\"></span>"))
        #expect(module.contains("<span hidden data-pagefind-meta=\"characters:基 础\"></span>"))
        #expect(module.contains("<h1 data-pagefind-weight=\"10\">基础"))
        // The course outline, contents, competencies and pager name other pages: not this page's text.
        for list in ["<nav class=\"course-outline\" data-pagefind-ignore", "<nav class=\"toc\" data-pagefind-ignore",
                     "<section class=\"module-competencies\" data-pagefind-ignore", "<nav class=\"pager\" data-pagefind-ignore"] {
            #expect(module.contains(list), "\(list)")
        }
    }

    @Test("a requirement is titled by its statement and weighs it less than a page title; a question is titled by itself")
    func requirementAndItem() {
        let (site, _) = renderFixture()
        let requirement = page(site, "frameworks/cert/intermediate/1.1.1.html")
        #expect(requirement.contains("<span hidden data-pagefind-meta=\"title:1.1.1 能完成要求甲\"></span>"))
        #expect(requirement.contains("<h1 data-pagefind-weight=\"3\">"))
        #expect(requirement.contains("<section aria-labelledby=\"cm-taught\" data-pagefind-ignore>"))
        let item = site.files.keys.sorted().first { $0.hasPrefix("banks/") && $0.hasSuffix("/e1.html") }.map { page(site, $0) } ?? ""
        #expect(item.contains("data-pagefind-filter=\"kind:题目\""))
        #expect(item.contains("data-pagefind-meta=\"title:单选题 2\""))
    }

    @Test("the search page marks no navigation item but the header's search form, and is not indexed itself")
    func searchPageNavigation() {
        let (site, _) = renderFixture()
        let search = page(site, "search.html")
        let header = search.components(separatedBy: "</header>").first ?? ""
        #expect(!header.contains("aria-current"))
        #expect(header.contains("<form class=\"site-search is-current\""))
        #expect(!search.contains("data-pagefind-body"))
        #expect(search.contains("<label for=\"cm-search-kind\">"))
        #expect(search.contains("<label for=\"cm-search-course\">"))
        let home = page(site, "index.html").components(separatedBy: "</header>").first ?? ""
        #expect(home.contains("aria-current=\"page\""))
        #expect(home.contains("<form class=\"site-search\""))
    }
}
