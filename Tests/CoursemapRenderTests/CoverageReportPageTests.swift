import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Foundation
import Testing

/// The coverage report page as the render stage makes it: the provenance block it is given, outcomes
/// wording on outcomes reports, full group names, and the matrix as an HTML table (no SVG heatmap).
@Suite("Coverage report page")
struct CoverageReportPageTests {
    static func render(provenance: Provenance?) -> RenderedSite {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/site")
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root).load())
        return SiteRenderer.render(program, coverage: CoverageAnalyser.analyse(program), provenance: provenance).site
    }

    static let provenance = Provenance(
        revision: .commit("0123456789abcdef0123456789abcdef01234567", dirty: true), buildDate: 1_700_000_000, dateSource: .commit,
        coursemapVersion: "9.8.7")

    @Test("every report, in both languages, prints the provenance it was given")
    func provenanceBlock() throws {
        let site = Self.render(provenance: Self.provenance)
        for path in ["coverage/cert/intermediate/index.html", "en/coverage/cert/intermediate/index.html", "coverage/po/index.html", "en/coverage/po/index.html"] {
            let html = page(site, path)
            #expect(html.contains(#"<section class="provenance""#), "\(path)")
            #expect(html.contains("<code class=\"revision\">0123456789abcdef0123456789abcdef01234567</code>"), "\(path)")
            #expect(html.contains("2023-11-14 22:13") && html.contains("Coursemap 9.8.7"), "\(path)")
        }
        let zh = page(site, "coverage/cert/intermediate/index.html")
        #expect(zh.contains("<dt>框架</dt><dd><code>cert</code>") && zh.contains("<dt>等级</dt><dd><code>中级</code></dd>"))
        #expect(zh.contains("含未提交的修改"))
        #expect(page(site, "en/coverage/cert/intermediate/index.html").contains("with uncommitted changes"))
        // An outcome framework has no level.
        #expect(!page(site, "coverage/po/index.html").contains("<dt>等级</dt>"))
        let json = page(site, "coverage/cert/intermediate/coverage.json")
        #expect(json.contains("\"revision\" : \"0123456789abcdef0123456789abcdef01234567\"") && json.contains("\"dirty\" : true"))
        #expect(json.contains("\"buildDate\" : \"2023-11-14 22:13\"") && json.contains("\"buildDateFrom\" : \"commit\""))
    }

    @Test("without a provenance the block says so with dashes, and coverage.json leaves the member out")
    func unknownProvenance() {
        let site = Self.render(provenance: nil)
        let html = page(site, "coverage/cert/intermediate/index.html")
        #expect(html.contains("<code class=\"revision\">—</code>"))
        #expect(!page(site, "coverage/cert/intermediate/coverage.json").contains("\"provenance\""))
    }

    @Test("an outcomes report speaks of outcomes, and names each group once")
    func outcomesWording() {
        let site = Self.render(provenance: Self.provenance)
        let zh = page(site, "coverage/po/index.html")
        #expect(zh.contains("课程–培养规格矩阵") && zh.contains("培养规格分类"))
        #expect(!zh.contains("课证融通矩阵") && !zh.contains("职业技能要求"))
        #expect(zh.contains(#"<th scope="rowgroup" colspan="7">知识</th>"#))
        #expect(!zh.contains("知识 知识"))
        // An outcomes report has no blueprint, and its rules do not speak of one.
        #expect(!zh.contains("考试蓝图") && !zh.contains("工作领域"))
        #expect(!page(site, "en/coverage/po/index.html").contains("Blueprint"))
        // The lists by missing evidence name outcomes, not requirements.
        #expect(zh.contains("无教学：没有模块或微课教学的培养规格") && zh.contains("无考核：没有题目考核的培养规格") && !zh.contains("教学的要求"))
        let en = page(site, "en/coverage/po/index.html")
        #expect(en.contains("Not taught: outcomes no module") && en.contains("Not assessed: outcomes no item"))
        #expect(!en.contains("requirements no") && !en.contains("sort requirements"))
        let certificate = page(site, "coverage/cert/intermediate/index.html")
        #expect(certificate.contains("课证融通矩阵") && certificate.contains("职业技能要求"))
        #expect(certificate.contains("无教学：没有模块或微课教学的要求") && !certificate.contains("教学的培养规格"))
    }

    @Test("the matrix is an HTML table whose course headers carry code and full title; no SVG heatmap")
    func matrixTable() {
        let site = Self.render(provenance: nil)
        let html = page(site, "en/coverage/cert/intermediate/index.html")
        #expect(!html.contains("svg class=\"chart heatmap\""))
        #expect(html.contains(#"<th scope="col" class="course-col">"#))
        #expect(html.contains(#"<span class="course-name">"#))
        #expect(html.contains(#"class="table-wrap matrix-wrap" role="region""#) && html.contains(#"<p class="scroll-hint""#))
        // Work areas are rows of an HTML table with their full names, each with a bar drawn from its counts.
        #expect(html.contains(#"<table class="data area-table">"#) && html.contains(#"<svg class="area-bar" viewBox="0 0 1000 10""#))
    }

    @Test("a requirement only a micro-lecture teaches shows the lecture with its level and minutes, not 尚无模块")
    func lectureOnlyRequirement() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/site")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-lecture-only-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lecture = copy.appendingPathComponent("lectures/l1.md")
        let text = try String(contentsOf: lecture, encoding: .utf8)
        try text.replacingOccurrences(of: "cert:中级:1.1.2: I", with: "cert:中级:2.1.1: M").write(to: lecture, atomically: true, encoding: .utf8)
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: copy).load())
        let coverage = CoverageAnalyser.analyse(program)
        let row = try #require(coverage.flatMap(\.rows).first { $0.competency.code == "2.1.1" })
        #expect(row.taughtBy == .lectures && row.modules.isEmpty && !row.lectures.isEmpty)
        let site = SiteRenderer.render(program, coverage: coverage).site
        let zh = page(site, "frameworks/cert/intermediate/2.1.1.html")
        #expect(!zh.contains("尚无模块"))
        #expect(zh.contains("仅微课") && zh.contains("只有微课讲授它"))
        #expect(zh.contains(#"<h2 id="cm-lectures">"#))
        #expect(zh.contains(#"<abbr class="level level-M" title="掌握">M</abbr>"#))
        #expect(zh.contains("<td class=\"num\">\(row.lectures[0].minutes.text)</td><td class=\"num\">\(row.lectures[0].attributedMinutes.text)</td>"))
        // Its status says why it is partial (no item assesses it), on the page and in the report's partial list.
        #expect(row.status == .partial && row.reasons == [.notAssessed])
        #expect(zh.contains("<span class=\"reasons\">无考核</span>"))
        let report = page(site, "coverage/cert/intermediate/index.html")
        let partialList = try #require(report.range(of: #"<h3 id="cm-partial">"#))
        let overlap = try #require(report.range(of: #"<p class="overlap-note""#))
        let listed = report[partialList.upperBound..<overlap.lowerBound]
        #expect(listed.contains("2.1.1") && listed.contains("无考核"))
    }

    @Test("the named lists match the cards; the partial list gives each requirement's reasons")
    func namedListsMatchCards() throws {
        let site = Self.render(provenance: nil)
        let html = page(site, "coverage/cert/intermediate/index.html")
        func card(_ status: String) throws -> String {
            let range = try #require(html.range(of: "<li class=\"status-\(status)\"><span class=\"stat-value\">"))
            return String(html[range.upperBound...].prefix { $0 != "<" })
        }
        #expect(html.contains("<h3 id=\"cm-gap\">未覆盖 (\(try card("gap")))</h3>"))
        #expect(html.contains("<h3 id=\"cm-partial\">部分覆盖 (\(try card("partial")))</h3>"))
        #expect(html.contains("以下清单按缺少的证据分类"))
        // The blueprint states its formula and the tolerance as given.
        #expect(!html.contains("<section class=\"report-section blueprint-section\"") || html.contains("差值 = |分值占比 − 考试题分值占比|"))
    }
}
