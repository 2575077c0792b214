import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Foundation
import Testing

/// The hours reconciliation table and the named lists' headings on the coverage report page
/// (`docs/coverage.md` §4.3, §7.3), with micro-lecture time counted as 学时.
@Suite("Coverage reconciliation page")
struct CoverageReconciliationPageTests {
    /// The fixture site with `lectures_as_hours: true` and its lecture made 90 minutes long (2 学时).
    static func render() throws -> (CoverageReport, RenderedSite) {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/site")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-reconciliation-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let config = copy.appendingPathComponent("coursemap.yml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
        try (yaml + "coverage:\n  lectures_as_hours: true\n").write(to: config, atomically: true, encoding: .utf8)
        let lecture = copy.appendingPathComponent("lectures/l1.md")
        let text = try String(contentsOf: lecture, encoding: .utf8)
        try text.replacingOccurrences(of: "duration: \"0:12\"", with: "duration: \"90:00\"").write(to: lecture, atomically: true, encoding: .utf8)
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: copy).load())
        let coverage = CoverageAnalyser.analyse(program)
        let report = try #require(coverage.first { $0.scope.description == "cert:中级" })
        return (report, SiteRenderer.render(program, coverage: coverage).site)
    }

    @Test("with lectures_as_hours the table shows 微课学时, then 矩阵列合计 = attributed + lecture hours, per course and in total")
    func columnTotalHoldsBothParts() throws {
        let (report, site) = try Self.render()
        let html = page(site, "coverage/cert/intermediate/index.html")
        #expect(html.contains(#"<th scope="col" class="num">未分配</th><th scope="col" class="num">微课学时</th><th scope="col" class="num">矩阵列合计</th></tr>"#))
        // The lecture's course attributes module hours and lecture hours: its column total is neither part alone.
        let line = try #require(report.hoursByCourse.first { $0.courseID == "intro" })
        #expect(line.lectureHours == Hundredths(count: 200) && line.attributed > .zero)
        #expect(line.columnTotal == line.attributed + line.lectureHours)
        let cells = { (unattributed: Hundredths, lecture: Hundredths, total: Hundredths) in
            "<td class=\"num\">\(unattributed.text)</td><td class=\"num\">\(lecture.text)</td><td class=\"num\">\(total.text)</td></tr>"
        }
        for line in report.hoursByCourse {
            #expect(html.contains(cells(line.unattributed, line.lectureHours, line.attributed + line.lectureHours)), "\(line.courseID ?? "-")")
        }
        let totals = report.programHours
        #expect(totals.columnTotal == totals.attributed + totals.lectureHours && totals.columnTotal == report.grandTotal)
        #expect(html.contains("<tr class=\"total-row\"><th scope=\"row\">全专业合计</th>"))
        #expect(html.contains(cells(totals.unattributed, totals.lectureHours, totals.columnTotal)))
    }

    @Test("each named list's heading starts with its documented name, in Chinese and in English")
    func listHeadingsStartWithTheirNames() throws {
        let (_, site) = try Self.render()
        let names = [
            "cm-gap": ("未覆盖", "Gaps"), "cm-partial": ("部分覆盖", "Partial"), "cm-not-taught": ("无教学", "Not taught"),
            "cm-not-assessed": ("无考核", "Not assessed"), "cm-introduced-only": ("仅引入", "Introduced only"),
            "cm-orphans": ("未映射", "Mapped to nothing"),
        ]
        let zh = page(site, "coverage/cert/intermediate/index.html")
        let en = page(site, "en/coverage/cert/intermediate/index.html")
        for (id, name) in names {
            #expect(zh.contains("<h3 id=\"\(id)\">\(name.0)"), "\(id)")
            #expect(en.contains("<h3 id=\"\(id)\">\(name.1)"), "\(id)")
        }
    }
}
