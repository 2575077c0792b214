import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Foundation
import Synchronization
import Testing

/// Loads the on-disk fixture site, resolves and analyses it, and renders it in memory.
func renderFixture() -> (RenderedSite, DiagnosticList) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/site")
    let loaded = ContentLoader(contentDirectory: root).load()
    let (program, resolveDiagnostics) = Resolver.resolve(loaded)
    let (site, renderDiagnostics) = SiteRenderer.render(program, coverage: CoverageAnalyser.analyse(program))
    var all = loaded.diagnostics
    all.append(contentsOf: resolveDiagnostics)
    all.append(contentsOf: renderDiagnostics)
    return (site, all)
}

func page(_ site: RenderedSite, _ path: String) -> String {
    site.files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
}

@Suite("Site renderer")
struct SiteRendererTests {
    @Test("every page of the fixture is rendered")
    func pages() {
        let (site, diagnostics) = renderFixture()
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        let expected = [
            "index.html", "frameworks/index.html", "courses/index.html", "coverage/index.html", "frameworks/cert/index.html", "frameworks/po/index.html",
            "frameworks/cert/intermediate/1.1.1.html", "frameworks/cert/intermediate/1.1.2.html",
            "frameworks/cert/intermediate/2.1.1.html", "frameworks/po/K1.html", "frameworks/po/A1.html",
            "courses/intro/index.html", "courses/intro/01-basics.html", "courses/intro/02-practice.html",
            "coverage/cert/intermediate/index.html", "coverage/cert/intermediate/coverage.json", "coverage/cert/intermediate/coverage.csv", "coverage/po/coverage.csv",
            "coverage/po/index.html", "coverage/po/coverage.json", "assets/style.css", "assets/selfcheck.js", "assets/interactions.js", "assets/favicon.svg",
            "banks/index.html", "banks/basics/index.html", "assets/media.js", "resources/index.html", "lectures/l1.html",
            "resources/outline.html", "resources/standard.html", "resources/traffic.html",
            "search.html",
        ] + ["s1", "e1", "t1", "f1", "f2", "m1", "ma1", "o1", "sh1", "p1"].map { "banks/basics/\($0).html" }
        // Every page again in English under en/, the 404 page too; assets, files and the sitemap once.
        let english = (expected + ["404.html"]).filter { !$0.hasPrefix("assets/") }.map { "en/" + $0 }
        #expect(site.paths == (expected + english + ["404.html", "assets/search.js", "sitemap.xml"]).sorted())
        #expect(site.copies == [
            "files/datasets/traffic.csv": "datasets/traffic.csv", "files/lectures/media/l1.webm": "lectures/media/l1.webm",
            "files/lectures/media/l1.zh.vtt": "lectures/media/l1.zh.vtt", "files/resources/outline.pdf": "resources/outline.pdf",
        ])
    }

    /// With pieces of 64 bytes `stop` is also asked inside pages, so some stops give up a page half made.
    @Test("a render told to stop makes no further file, names the subjects left, and those complete the site",
        arguments: [256 * 1024, 64])
    func stoppedRender(pieceSize: Int) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/site")
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root).load())
        let coverage = CoverageAnalyser.analyse(program)
        let whole = SiteCollector()
        _ = SiteRenderer.render(program, coverage: coverage, to: whole, jobs: 1)

        for allowed in [0, 1, 7, 40] {
            let asked = Mutex(0)
            let partial = SiteCollector()
            let summary = SiteRenderer.render(program, coverage: coverage, to: partial, jobs: 1, stop: {
                asked.withLock { count in count += 1; return count > allowed }
            }, pieceSize: pieceSize)
            #expect(!summary.unfinished.isEmpty, "stopped after \(allowed) files")
            #expect(summary.pageCount <= allowed)
            // Downloads are copied while the render is planned; only made files count.
            #expect(partial.site.files.count <= 2 * allowed, "a made file is written under at most both languages")
            // No half-made page reaches the sink: every file it has is whole.
            for (path, bytes) in partial.site.files { #expect(whole.site.files[path] == bytes, "\(path) differs from the whole render") }
            let left = summary.unfinished
            let rest = SiteRenderer.render(program, coverage: coverage, to: partial, jobs: 1, selection: { left.contains($0) })
            #expect(rest.unfinished.isEmpty)
            #expect(partial.site.files == whole.site.files, "stopped after \(allowed) files, then resumed")
        }
    }

    /// `serve` pauses a catch-up for a new edit; the pages that sum up the program are the slow part of one.
    @Test("the coverage files ask whether to stop while they are made, and a stop at any ask leaves only whole files")
    func stoppedCoverage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/site")
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root).load())
        let coverage = CoverageAnalyser.analyse(program)
        let onlyCoverage: SiteRenderer.Selection = { $0 == .coverage }
        let whole = SiteCollector()
        let asks = Mutex(0)
        let summary = SiteRenderer.render(
            program, coverage: coverage, to: whole, jobs: 1, selection: onlyCoverage, stop: { asks.withLock { $0 += 1 }; return false },
            pieceSize: 1 << 20)
        #expect(summary.unfinished.isEmpty)
        // Two reports, each a page in two languages and a JSON and a CSV file written under both.
        let files = whole.site.paths.count
        #expect(files == 12)
        let total = asks.withLock { $0 }

        // The page's context asks once per requirement, twice over; told to stop, it gives up (no context).
        let report = try #require(coverage.first)
        let contextAsks = Mutex(0)
        let builder = PageBuilder(
            program: program, coverage: coverage, strings: Theme.load(overrides: [:]).0.strings,
            stop: { contextAsks.withLock { $0 += 1 }; return false })
        #expect(builder.coverage(report, rules: [], orphans: Orphans()) != nil)
        #expect(contextAsks.withLock { $0 } == 2 * report.rows.count)
        let stopping = PageBuilder(program: program, coverage: coverage, strings: Theme.load(overrides: [:]).0.strings, stop: { true })
        #expect(stopping.coverage(report, rules: [], orphans: Orphans()) == nil)

        var unfinishedStops = 0
        for allowed in 0..<total {
            let count = Mutex(0)
            let partial = SiteCollector()
            let stopped = SiteRenderer.render(
                program, coverage: coverage, to: partial, jobs: 1, selection: onlyCoverage,
                stop: { count.withLock { $0 += 1; return $0 > allowed } }, pieceSize: 1 << 20)
            for (path, bytes) in partial.site.files { #expect(whole.site.files[path] == bytes, "\(path), stopped at ask \(allowed + 1)") }
            // A stop asked for after the last piece of the last file comes too late to leave anything out.
            if stopped.unfinished.isEmpty {
                #expect(partial.site.files.count == files, "stopped at ask \(allowed + 1)")
            } else {
                #expect(stopped.unfinished == [.coverage])
                #expect(partial.site.files.count < files, "stopped at ask \(allowed + 1)")
                unfinishedStops += 1
            }
        }
        #expect(unfinishedStops >= total - 2, "only stops at the very end leave the files complete")
    }

    @Test("content text is escaped; raw HTML in Markdown is dropped")
    func escaping() {
        let (site, _) = renderFixture()
        #expect(page(site, "courses/intro/index.html").contains("导论 &lt;课程&gt;"))
        #expect(!page(site, "courses/intro/index.html").contains("<课程>"))
        let module = page(site, "courses/intro/01-basics.html")
        #expect(!module.contains("<script>alert(1)</script>"))
        #expect(module.contains("<table>"))
        #expect(page(site, "courses/intro/02-practice.html").contains("输入 &lt;b&gt; 并访问"))
    }

    @Test("links are relative to the page and canonical URLs use the base URL")
    func links() {
        let (site, _) = renderFixture()
        let requirement = page(site, "frameworks/cert/intermediate/1.1.1.html")
        #expect(requirement.contains("href=\"../../../assets/style.css\""))
        #expect(requirement.contains("href=\"../../../courses/intro/01-basics.html\""))
        #expect(requirement.contains("<link rel=\"canonical\" href=\"https://example.test/portal/frameworks/cert/intermediate/1.1.1.html\">"))
        #expect(page(site, "index.html").contains("href=\"courses/intro/index.html\""))
    }

    @Test("the requirement page lists each module with its level and hours")
    func requirementPage() {
        let (site, _) = renderFixture()
        let html = page(site, "frameworks/cert/intermediate/1.1.2.html")
        #expect(html.contains(">基础</a>"))
        #expect(html.contains(">实践</a>"))
        #expect(html.contains(">I</abbr>"))
        #expect(html.contains(">R</abbr>"))
        // 01-basics gives its 4 学时 to two requirements of 中级 (2 each); 02-practice all of its 2.5.
        #expect(html.contains("<dd>4.5</dd>"))
        #expect(html.contains("status-partial"))
        #expect(page(site, "frameworks/cert/intermediate/2.1.1.html").contains("尚无模块或微课教授此要求"))
    }

    @Test("the coverage page leads with the gaps and coverage.json agrees with it")
    func coverage() throws {
        let (site, _) = renderFixture()
        let html = page(site, "coverage/cert/intermediate/index.html")
        let gapsAt = try #require(html.range(of: "id=\"cm-gaps-title\""))
        let tableAt = try #require(html.range(of: "id=\"cm-all-title\""))
        #expect(gapsAt.lowerBound < tableAt.lowerBound)
        #expect(html.contains("2.1.1"))

        let json = try #require(site.files["coverage/cert/intermediate/coverage.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary.filter { $0.key != "coveredPercent" } as? [String: Int] == ["total": 3, "covered": 1, "partial": 1, "gap": 1])
        #expect(summary["coveredPercent"] as? Double == 33.3)
        #expect(object["formatVersion"] as? Int == 2)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["columnTotal"] as? Double == 6.5, "4 + 2.5: each module's hours once")
        #expect(totals["declared"] as? Double == 24)
        let requirements = try #require(object["requirements"] as? [[String: Any]])
        #expect(requirements.map { $0["id"] as? String } == ["cert:中级:1.1.1", "cert:中级:1.1.2", "cert:中级:2.1.1"])
        #expect(requirements.map { $0["status"] as? String } == ["covered", "partial", "gap"])
    }

    @Test("a theme override replaces a built-in template; a broken one is CM601 at its line")
    func themeOverride() {
        let good = Theme.load(overrides: [
            "templates/status.mustache": ThemeFile(bytes: Array("[{{statusLabel}}]".utf8), location: SourceLocation(file: "theme/templates/status.mustache")),
        ])
        #expect(good.1.isEmpty)
        #expect(good.0.render(["statusLabel": "OK"], template: "status") == "[OK]")

        let broken = Theme.load(overrides: [
            "templates/home.mustache": ThemeFile(bytes: Array("line\n{{#open}}\n".utf8), location: SourceLocation(file: "theme/templates/home.mustache")),
        ])
        #expect(broken.1.map(\.code) == [.templateSyntax])

        // Interface strings are theme files too: a site replaces any of them, key by key.
        let strings = Theme.load(overrides: [
            "strings/zh-CN.json": ThemeFile(bytes: Array("{\"home\": \"主页\"}".utf8), location: SourceLocation(file: "theme/strings/zh-CN.json")),
        ])
        #expect(strings.1.isEmpty)
        #expect(strings.0.ui(.zh)?.home == "主页")
        #expect(strings.0.ui(.zh)?.courses == "课程")
        #expect(strings.0.ui(.en)?.home == "Home")
        #expect(broken.1.first?.location.file == "theme/templates/home.mustache")
    }
}

@Suite("Lecture and library pages")
struct MediaPageTests {
    @Test("a lecture page plays the video with its caption track and links each time code to the video")
    func lecturePage() {
        let (site, _) = renderFixture()
        let html = page(site, "lectures/l1.html")
        #expect(html.contains("<video id=\"cm-video\" controls preload=\"metadata\">"))
        #expect(html.contains("<source src=\"../files/lectures/media/l1.webm\" type=\"video/webm\">"))
        #expect(html.contains("<track kind=\"captions\" src=\"../files/lectures/media/l1.zh.vtt\" srclang=\"zh-CN\" label=\"中文\" default>"))
        #expect(html.contains("<a class=\"timestamp\" href=\"../files/lectures/media/l1.webm#t=6\" data-time=\"6\">0:06</a> 它衡量产品"))
        #expect(html.contains("href=\"../courses/intro/01-basics.html\""))
    }

    @Test("the library lists lectures and every resource kind with the data its filters read")
    func library() {
        let (site, _) = renderFixture()
        let html = page(site, "resources/index.html")
        #expect(html.contains("<tr data-kind=\"lecture\" data-course=\"intro\" data-areas=\"cert:1\" data-competencies=\"cert:中级:1.1.2\">"))
        #expect(html.contains("data-kind=\"slides\""))
        #expect(html.contains("data-kind=\"standard\""))
        #expect(html.contains("data-kind=\"dataset\""))
        #expect(html.contains("<option value=\"cert:1\">1 领域一 (3)</option>"))
    }

    @Test("modules, courses and requirements list their lectures and resources; coverage counts lecture minutes")
    func related() {
        let (site, _) = renderFixture()
        let module = page(site, "courses/intro/01-basics.html")
        #expect(module.contains("href=\"../../lectures/l1.html\">点击率入门</a>"))
        // Embedded lecture and resource cards.
        #expect(module.contains("<aside class=\"embed embed-media card\">"))
        #expect(module.contains("<h3><a href=\"../../resources/outline.html\">课程大纲（课件）"))
        #expect(!module.contains("coursemap-embed"))
        #expect(page(site, "courses/intro/02-practice.html").contains("href=\"../../resources/outline.html\">课程大纲（课件）</a>"))
        let requirement = page(site, "frameworks/cert/intermediate/1.1.2.html")
        #expect(requirement.contains("lectures/l1.html"))
        #expect(requirement.contains("<dd>0.2 分钟</dd>"))
        #expect(page(site, "resources/standard.html").contains("<h2 id=\"考核方式\">"))
    }
}
