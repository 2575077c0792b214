import CoursemapModel
import Foundation
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("text form is path:line:col: severity[CODE]: message")
    func textForm() {
        let diagnostic = Diagnostic.error(.unknownCompetency, at: SourceLocation(file: "courses/a/m.md", line: 7, column: 3), "unknown")
        #expect(diagnostic.description == "courses/a/m.md:7:3: error[CM401]: unknown")
        let fileLevel = Diagnostic.warning(.unknownFileType, at: SourceLocation(file: "notes.txt"), "ignored")
        #expect(fileLevel.description == "notes.txt: warning[CM102]: ignored")
    }

    @Test("lists count by severity and sort by place, dropping exact repeats")
    func listOrder() {
        var list = DiagnosticList()
        list.append(.warning(.unknownField, at: SourceLocation(file: "b.md", line: 2, column: 1), "w"))
        list.append(.error(.missingField, at: SourceLocation(file: "a.md", line: 9, column: 1), "e"))
        list.append(.error(.missingField, at: SourceLocation(file: "a.md", line: 3, column: 1), "e"))
        list.append(.error(.missingField, at: SourceLocation(file: "a.md", line: 3, column: 1), "e"))
        #expect(list.errorCount == 2, "an exact repeat counts once, as it is listed once")
        #expect(list.warningCount == 1)
        #expect(list.sorted.map(\.location.description) == ["a.md:3:1", "a.md:9:1", "b.md:2:1"])
    }

    @Test("codes are unique and every code is documented in docs/diagnostics.md")
    func codesDocumented() throws {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }
        for code in codes {
            #expect(headings.contains { $0.hasPrefix("### \(code)") }, "docs/diagnostics.md has no '### \(code)' section")
        }
    }
}
