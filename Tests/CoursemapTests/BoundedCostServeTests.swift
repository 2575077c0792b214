import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Inputs whose cost would grow faster than their size are refused with a located error while serving;
/// the session keeps the last good pages and recovers when the file goes.
@Suite("Bounded cost while serving")
struct BoundedCostServeTests {
    /// A hostile file: its path, its text, and the code expected at it.
    struct Payload: Sendable, CustomStringConvertible {
        let file: String
        let text: String
        let code: DiagnosticCode
        var description: String { "\(file) (\(code.rawValue))" }
    }

    static let payloads: [Payload] = [
        Payload(file: "theme/templates/bitext.mustache", text: "{{> bitext}}{{> bitext}}", code: .templateExpansion),
        Payload(file: "theme/templates/status.mustache", text: "{{> a2}}{{> a2}}{{> a2}}", code: .templateExpansion),
        Payload(
            file: "courses/intro/09-wide.md",
            text: "---\ntitle: 宽表\norder: 9\nhours: 1\n---\n" + String(repeating: "|a", count: 3_000) + "|\n"
                + String(repeating: "|-", count: 3_000) + "|\n" + String(repeating: "x\n", count: 3_000),
            code: .markdownTooLarge),
        Payload(
            file: "exercises/wide.xml",
            text: "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"wide\"\n "
                + (0..<80_000).map { "a\($0)=\"1\"" }.joined(separator: " ") + "><title>宽</title></bank>\n",
            code: .xmlTooLarge),
    ]

    @Test("each is a located error, quickly; the session keeps running and recovers", arguments: payloads)
    func refused(payload: Payload) throws {
        let (workspace, content, live, session) = try IncrementalBuildTests.builtSession()
        defer { withExtendedLifetime(workspace) {} }
        let before = try snapshot(live)
        var files: Set<String> = []
        if payload.file == "theme/templates/status.mustache" {
            // A partial that includes the one that includes it: a fan-out of 3 through two templates.
            files.formUnion(try IncrementalBuildTests.write("theme/templates/a2.mustache", "{{> status}}")(content))
        }
        files.formUnion(try IncrementalBuildTests.write(payload.file, payload.text)(content))

        let start = ContinuousClock.now
        let failed = session.rebuild(changed: files)
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(!failed.updated)
        #expect(failed.diagnostics.items.contains { $0.code == payload.code && $0.location.file == payload.file && $0.severity == .error },
                "\(failed.diagnostics.items.map(\.description).prefix(5))")
        #expect(try snapshot(live) == before)

        for file in files.sorted() { _ = try IncrementalBuildTests.delete(file)(content) }
        let result = session.rebuild(changed: files)
        #expect(result.updated && !result.diagnostics.hasErrors, "\(result.diagnostics.items.map(\.description).prefix(5))")
    }
}
