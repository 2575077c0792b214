import CoursemapLoad
import CoursemapModel
import Testing

/// GFM tables too wide, or with too many cells, are refused (CM109) before cmark-gfm spends quadratic time
/// on them.
@Suite("Markdown table limits")
struct MarkdownTableLimitsTests {
    /// A module whose body is `body` (the body starts on line 6 of the file).
    private func loadModule(_ body: String) -> LoadedContent {
        load(["courses/c/m.md": "---\ntitle: 模块\norder: 1\nhours: 2\n---\n\(body)"])
    }

    private func header(_ columns: Int, delimiter: String = "|-") -> String {
        String(repeating: "|a", count: columns) + "|\n" + String(repeating: delimiter, count: columns) + "|\n"
    }

    @Test("thousands of columns are CM109 at the delimiter row, in every delimiter spelling, quickly",
          arguments: ["|-", "| --- ", "|:-:", "|:--", " | - ", "|-:"])
    func wide(delimiter: String) throws {
        let body = "前言\n\n" + header(3_000, delimiter: delimiter) + String(repeating: "x\n", count: 3_000)
        let start = ContinuousClock.now
        let content = loadModule(body)
        #expect(ContinuousClock.now - start < .seconds(10))
        let error = try #require(content.diagnostics.items.first { $0.code == .markdownTooLarge })
        #expect(error.location.file == "courses/c/m.md")
        #expect(error.location.line == 9)  // line 6 + 2 (prose, blank) + 1 (header)
        #expect(error.severity == .error)
    }

    @Test("a table without leading or trailing pipes is counted too")
    func barePipes() throws {
        let columns = 200
        let body = Array(repeating: "a", count: columns).joined(separator: "|") + "\n" + Array(repeating: "-", count: columns).joined(separator: "|") + "\n1\n"
        let content = loadModule(body)
        #expect(content.diagnostics.items.contains { $0.code == .markdownTooLarge && $0.location.line == 7 })
    }

    @Test("thousands of padded rows under a wide table are refused once the cells pass the limit")
    func paddedRows() throws {
        let body = header(64) + String(repeating: "|\n", count: 5_000)
        let content = loadModule(body)
        let error = try #require(content.diagnostics.items.first { $0.code == .markdownTooLarge })
        // 64 columns: the delimiter row counts too, so the 250,000th cell is on row 3,905 after it.
        #expect(error.location.line == 6 + 1 + 250_000 / 64)
    }

    @Test("tables up to the limits render; blank lines end a table's rows")
    func accepted() throws {
        let wide = header(64) + String(repeating: "|1", count: 64) + "|\n"
        let long = header(4) + String(repeating: "|1|2|3|4|\n", count: 20_000)
        let split = (0..<10).map { _ in header(50) + String(repeating: "|x|\n", count: 400) }.joined(separator: "\n")
        for body in [wide, long, split] {
            let content = loadModule(body)
            #expect(!content.diagnostics.items.contains { $0.code == .markdownTooLarge })
            #expect(content.modules.first?.body.html.contains("<table") == true)
        }
    }
}
