@testable import CoursemapRender
import CoursemapModel
import Testing

/// The template work limit grows with the page's data: a legitimately large page (a bank of thousands of
/// long items) renders in full, while a theme that revisits the same data again and again is still
/// stopped; the CM602 for a page over the limit names the page as too large.
@Suite("Template engine: work limit in proportion to the page")
struct TemplateWorkScalingTests {
    private static func library(_ templates: [String: String], limit: Int) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        library.workLimit = limit
        return library
    }

    private struct Row: Encodable {
        let name: String
        let options: [String]
    }

    private static func rows(_ n: Int) throws -> TemplateValue {
        try TemplateValueEncoder.encode(["items": (0..<n).map { Row(name: "行\($0)", options: ["a", "b", "c"]) }])
    }

    @Test("a page whose data is large renders in full beyond the fixed limit", arguments: [2_000, 20_000])
    func largeData(rows n: Int) throws {
        let lib = try Self.library(["main": "<ul>{{#items}}<li>{{name}}{{#options}}<i>{{.}}</i>{{/options}}</li>{{/items}}</ul>"], limit: 1_000)
        let value = try Self.rows(n)
        let bytes = try #require(lib.renderBytes(value, template: "main"))
        let page = String(decoding: bytes, as: UTF8.self)
        #expect(page.components(separatedBy: "<li>").count == n + 1)
        #expect(page.hasSuffix("<i>c</i></li></ul>"))
    }

    @Test("a theme that walks the whole list once per element is still stopped", arguments: [200, 2_000])
    func quadraticTheme(rows n: Int) throws {
        // Each element walks the root's list again: n² steps, far more than 64 per value for these sizes.
        let lib = try Self.library(["main": "{{#items}}{{> row}}{{/items}}", "row": "{{#items}}{{#options}}{{.}}{{/options}}{{/items}}"], limit: 1_000)
        let value = try Self.rows(n)
        let outcome = lib.render(value, template: "main", pieceSize: 1 << 20) { _ in true } as TemplateLibrary.Outcome
        #expect(outcome == .exceeded)
        let recursive = try Self.library(["main": "{{#items}}{{> main}}{{/items}}"], limit: 1_000)
        #expect(recursive.renderBytes(value, template: "main") == nil)
    }

    @Test("CM602 for a page over the limit names the page and says it is too large")
    func message() {
        let (theme, _) = Theme.load(overrides: [:])
        let error = theme.expansionError(template: "bank", page: "banks/big/index.html")
        #expect(error.code == .templateExpansion)
        #expect(error.message.hasPrefix("page banks/big/index.html is too large to render"))
        #expect(error.message.contains("Split the content"))
    }
}
