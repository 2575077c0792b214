import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Foundation
import Testing

/// Finding your way (`docs/portal.md`, "Navigation"): breadcrumbs by where a lecture or resource belongs,
/// the home page's entry points and linked figures, the library's count and column labels, and short
/// requirement codes instead of internal ids on student pages.
@Suite("Navigation pages")
struct NavigationPageTests {
    /// The fixture site plus inputs it lacks: a lecture of no course, a lecture of two modules listed
    /// second-module-first, and a resource of no course that names two modules.
    static func render() throws -> (Program, RenderedSite) {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/site")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-navigation-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let files = [
            "lectures/l2.md": """
                ---
                title:
                  zh: 无课程的微课
                duration: "0:30"
                video: lectures/media/l1.webm
                competencies:
                  cert:中级:1.1.1: I
                ---
                [00:00] 没有课程。
                """,
            "lectures/l3.md": """
                ---
                title:
                  zh: 两个模块的微课
                  en: Lecture of two modules
                duration: "1:00"
                video: lectures/media/l1.webm
                course: intro
                modules: [02-practice, 01-basics]
                ---
                [00:00] 两个模块。
                """,
            "resources/two.md": """
                ---
                title:
                  zh: 两个模块的文档
                kind: document
                modules: [01-basics, 02-practice]
                competencies:
                  po:K1: R
                ---
                正文。
                """,
        ]
        for (path, text) in files {
            try (text + "\n").write(to: copy.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let loaded = ContentLoader(contentDirectory: copy).load()
        let (program, resolveDiagnostics) = Resolver.resolve(loaded)
        var diagnostics = loaded.diagnostics
        diagnostics.append(contentsOf: resolveDiagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return (program, SiteRenderer.render(program, coverage: CoverageAnalyser.analyse(program)).site)
    }

    /// The breadcrumb trail's texts (unescaped), in order, from a page's `<nav class="breadcrumbs">`.
    static func crumbs(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav class=\"breadcrumbs"), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map { item in
            item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test("a lecture sits under its first listed module and course; the others are listed as part of it")
    func lectureOfTwoModules() throws {
        let (_, site) = try Self.render()
        let html = page(site, "lectures/l3.html")
        #expect(Self.crumbs(html) == ["首页", "课程", "导论 <课程>", "实践", "两个模块的微课"])
        #expect(html.contains(#"<li><a href="../courses/index.html">课程</a></li>"#))
        #expect(html.contains(#"<li><a href="../courses/intro/02-practice.html">实践</a></li>"#))
        // Both modules are listed as "part of", in the order the front matter names them.
        let practice = try #require(html.range(of: #"<a href="../courses/intro/02-practice.html">实践</a> <span class="muted">"#))
        let basics = try #require(html.range(of: #"<a href="../courses/intro/01-basics.html">基础</a> <span class="muted">"#))
        #expect(practice.lowerBound < basics.lowerBound)
        // The nav marks the section the breadcrumbs lead through.
        #expect(html.contains(#"<a href="../courses/index.html" aria-current="page">"#))
        #expect(Self.crumbs(page(site, "en/lectures/l3.html")) == ["Home", "Courses", "Introduction", "Practice", "Lecture of two modules"])
    }

    @Test("a lecture or resource of no course stays in the library; one of no course that names modules goes under them")
    func placesWithoutCourse() throws {
        let (_, site) = try Self.render()
        #expect(Self.crumbs(page(site, "lectures/l2.html")) == ["首页", "资源库", "无课程的微课"])
        #expect(page(site, "lectures/l2.html").contains(#"<a href="../resources/index.html" aria-current="page">"#))
        #expect(Self.crumbs(page(site, "resources/traffic.html")) == ["首页", "资源库", "店铺流量数据"])
        #expect(Self.crumbs(page(site, "en/resources/standard.html")).prefix(2) == ["Home", "Library"])
        // No course given: the course is the one that holds the first module named.
        #expect(Self.crumbs(page(site, "resources/two.html")) == ["首页", "课程", "导论 <课程>", "基础", "两个模块的文档"])
        #expect(Self.crumbs(page(site, "resources/outline.html")) == ["首页", "课程", "导论 <课程>", "实践", "课程大纲（课件）"])
        #expect(Self.crumbs(page(site, "lectures/l1.html")) == ["首页", "课程", "导论 <课程>", "基础", "点击率入门"])
        // Courses, modules and bank items say where they are too.
        #expect(Self.crumbs(page(site, "courses/intro/01-basics.html")) == ["首页", "课程", "导论 <课程>", "基础"])
        #expect(Self.crumbs(page(site, "banks/basics/s1.html")).prefix(2) == ["首页", "习题"])
    }

    @Test("a dataset's facts name its kind and its file format apart, in both languages")
    func datasetFacts() throws {
        let (_, site) = try Self.render()
        for (path, kind, format) in [("resources/traffic.html", "类型", "文件格式"), ("en/resources/traffic.html", "Kind", "File format")] {
            let html = page(site, path)
            #expect(html.contains("<dl><dt>\(kind)</dt><dd>"), "\(path)")
            #expect(html.contains("<dl><dt>\(format)</dt><dd>CSV</dd></dl>"), "\(path)")
            let labels = html.components(separatedBy: "<dt>").dropFirst().map { $0.components(separatedBy: "</dt>")[0] }
            #expect(Set(labels).count == labels.count, "\(path) repeats a fact label: \(labels)")
        }
    }

    @Test("the home page offers a start, course cards, lectures and practice banks, and its figures link")
    func homeEntryPoints() throws {
        let (program, site) = try Self.render()
        let html = page(site, "index.html")
        #expect(html.contains(#"<a class="button" href="courses/intro/01-basics.html">开始学习</a>"#))
        #expect(html.contains(#"<h3><a href="courses/intro/index.html">导论 &lt;课程&gt;"#))
        #expect(html.contains(#"第一个模块： <a href="courses/intro/01-basics.html">1. 基础</a>"#))
        // The card's facts, each kept whole on one line.
        #expect(html.contains(#"<p class="home-note course-facts"><span>0101</span> <span>开课学期 "#) && html.contains("<span>学分 2</span>"))
        // Lectures: the course's in module order (l1 under module 1, l3 under module 2), the courseless last.
        let order = ["lectures/l1.html", "lectures/l3.html", "lectures/l2.html"].map { html.range(of: "<li><a href=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(order)")
        #expect(html.contains(#"<li><a href="banks/basics/index.html">"#))
        // Every figure is a link, the lectures' to the library filtered to lectures.
        let figures = html.components(separatedBy: "<ul class=\"stats stat-links\">")[1].components(separatedBy: "</ul>")[0]
        #expect(figures.components(separatedBy: "<li>").count - 1 == figures.components(separatedBy: "<li><a href=").count - 1)
        #expect(figures.contains(#"<a href="resources/index.html?kind=lecture"><span class="stat-value">\#(program.lectures.count)</span>"#))
        #expect(figures.contains(#"<a href="frameworks/index.html">"#))
        // Gap counts lead to the report's gap list.
        #expect(html.contains(#"<a class="status status-gap" href="coverage/cert/intermediate/index.html#cm-gap">"#))
        let english = page(site, "en/index.html")
        #expect(english.contains(">Start learning</a>") && english.contains("Lectures to start with") && english.contains("Practice banks"))
    }

    @Test("the library heads its name column 名称, labels every cell, counts its rows and names codes, not ids")
    func library() throws {
        let (program, site) = try Self.render()
        let html = page(site, "resources/index.html")
        #expect(html.contains(#"<th scope="col">名称</th>"#))
        // The kind tiles filter the library to their kind.
        #expect(html.contains(#"<li><a href="?kind=lecture"><span class="stat-value">\#(program.lectures.count)</span>"#))
        let total = program.lectures.count + program.resources.count
        #expect(html.contains(#"<span class="library-shown">\#(total)</span> / <span class="library-total">\#(total)</span> 项"#))
        let rows = html.components(separatedBy: "<tr data-kind=").count - 1
        #expect(rows == total)
        #expect(html.components(separatedBy: "<td data-label=").count - 1 == 4 * rows)
        #expect(html.contains(#"<a class="req-code" href="../frameworks/cert/intermediate/1.1.1.html" title="cert:中级:1.1.1 · "#))
        #expect(!Self.visibleText(html).contains("cert:中级:"))
        let english = page(site, "en/resources/index.html")
        #expect(english.contains(#"<th scope="col">Name</th>"#) && english.contains(#"<td data-label="Course">"#))
    }

    @Test("student pages name requirements by code and statement with the id as tooltip; the requirement page shows the id")
    func requirementCodes() throws {
        let (_, site) = try Self.render()
        for path in ["courses/intro/index.html", "courses/intro/01-basics.html", "lectures/l1.html", "resources/two.html",
            "banks/basics/index.html", "banks/basics/s1.html", "en/lectures/l1.html", "en/banks/basics/index.html"] {
            let html = page(site, path)
            #expect(!html.isEmpty, "\(path)")
            #expect(!Self.visibleText(html).contains("cert:中级:") && !Self.visibleText(html).contains("po:K1"), "\(path) shows a raw id")
            #expect(html.contains(#"<code class="req-code">"#), "\(path)")
        }
        #expect(page(site, "lectures/l1.html").contains(#"title="cert:中级:1.1.2"><code class="req-code">1.1.2</code></a>"#))
        #expect(page(site, "resources/two.html").contains(#"title="po:K1"><code class="req-code">K1</code></a>"#))
        #expect(Self.visibleText(page(site, "frameworks/cert/intermediate/1.1.1.html")).contains("cert:中级:1.1.1"))
    }

    /// A page's text outside tags and attributes, as a reader sees it.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
}
