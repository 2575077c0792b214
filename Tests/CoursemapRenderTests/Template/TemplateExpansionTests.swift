@testable import CoursemapRender
import CoursemapModel
import Testing

/// A library of the given templates.
private func library(_ templates: [String: String]) throws -> TemplateLibrary {
    var library = TemplateLibrary()
    for (name, text) in templates { try library.register(text, named: name) }
    return library
}

/// Partials that include each other in a fan-out are refused before rendering (CM602); rendering itself
/// stops after a bounded amount of work.
@Suite("Template engine: bounded expansion")
struct TemplateExpansionTests {
    /// Self-including and mutually including partials with fan-out 2 and 3, in several spellings.
    static let explosive: [[String: String]] = [
        ["a": "{{> a}}{{> a}}"],
        ["a": "x{{> a}}y{{> a}}z{{> a}}"],
        ["a": "{{#list}}{{> a}}{{/list}}{{^list}}{{> a}}{{/list}}"],
        ["a": "{{> b}}{{> b}}", "b": "{{> a}}"],
        ["a": "{{> b}}", "b": "{{> c}}{{> c}}{{> c}}", "c": "{{> a}}"],
        ["a": "{{> b}}{{> c}}", "b": "{{> a}}", "c": "{{> a}}"],
        ["a": "{{< a}}{{$x}}{{> a}}{{> a}}{{/x}}{{/a}}"],
        ["a": "  {{> a}}\n  {{> a}}\n"],
    ]

    @Test("fan-out 2 and 3 through partials and parents is found at load, whatever the shape", arguments: 0..<8)
    func found(index: Int) throws {
        let templates = Self.explosive[index]
        let unbounded = try library(templates).unboundedTemplates()
        #expect(unbounded.contains { $0.template == "a" }, "\(templates)")
        #expect(unbounded.allSatisfy { $0.count > TemplateLibrary.maximumStaticExpansions })
    }

    @Test("a theme with such a partial is CM602 at the template's file, before any page is rendered")
    func themeLoad() throws {
        for overrides in [["a": "{{> a}}{{> a}}"], ["a": "{{> b}}{{> b}}{{> b}}", "b": "{{> a}}"]] {
            var files: [String: ThemeFile] = [:]
            for (name, text) in overrides {
                files["templates/\(name).mustache"] = ThemeFile(bytes: Array(text.utf8), location: SourceLocation(file: "theme/templates/\(name).mustache"))
            }
            let (_, diagnostics) = Theme.load(overrides: files)
            let errors = diagnostics.filter { $0.code == .templateExpansion }
            #expect(errors.contains { $0.location.file == "theme/templates/a.mustache" && $0.severity == .error }, "\(diagnostics)")
        }
    }

    @Test("recursion that follows the data, a single self-include and the built-in theme are accepted")
    func accepted() throws {
        let fine = try library([
            "node": "<li>{{name}}{{#children}}<ul>{{> node}}</ul>{{/children}}</li>",
            "chain": "a{{> chain}}",
            "page": "{{> node}}{{> node}}{{> node}}",
        ])
        #expect(fine.unboundedTemplates().isEmpty)
        let (_, diagnostics) = Theme.load(overrides: [:])
        #expect(!diagnostics.contains { $0.code == .templateExpansion })
    }

    @Test("rendering stops after the work limit even when the data drives the recursion")
    func workLimit() throws {
        // Each level walks out to the root's list of 40 and includes itself for each: 40^64 without a limit.
        var lib = try library(["main": "{{#items}}{{> main}}{{/items}}"])
        lib.workLimit = 200_000  // the real limit (50,000,000 steps) takes seconds in a debug build
        #expect(lib.unboundedTemplates().isEmpty)  // one include per level: only the data makes it explode
        let value = try TemplateValueEncoder.encode(["items": Array(repeating: 1, count: 40)])
        let start = ContinuousClock.now
        let outcome = lib.render(value, template: "main", pieceSize: 1 << 20) { _ in true } as TemplateLibrary.Outcome
        #expect(outcome == .exceeded)
        #expect(lib.renderBytes(value, template: "main") == nil)
        #expect(ContinuousClock.now - start < .seconds(30))
        // Data that ends the recursion renders in full under the same limit.
        let small = try TemplateValueEncoder.encode(["items": [Int]()])
        #expect(lib.renderBytes(small, template: "main") == [])
    }
}
