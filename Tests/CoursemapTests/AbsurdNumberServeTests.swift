import Coursemap
import CoursemapModel
import Foundation
import Testing

/// `serve` never dies on a number: a saved file holding an absurd one is a located error on rebuild, the
/// last good pages stay, and fixing the file publishes again.
@Suite("Absurd numbers while serving")
struct AbsurdNumberServeTests {
    /// One hostile edit: the file, the text replaced, what replaces it, and the code expected.
    struct Payload: Sendable, CustomStringConvertible {
        let file: String
        let old: String
        let new: String
        let code: DiagnosticCode
        var description: String { "\(file): \(new)" }
    }

    static let payloads: [Payload] = [
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: 1e308", code: .invalidValue),
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: -1", code: .invalidValue),
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: .nan", code: .invalidValue),
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: inf", code: .invalidValue),
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: 99999999999999999999:00:00", code: .numberOutOfRange),
        Payload(file: "lectures/l1.md", old: "duration: \"0:12\"", new: "duration: 9223372036854775807:59:59", code: .numberOutOfRange),
        Payload(file: "lectures/l1.md", old: "[00:06]", new: "[99999999999999999999:00:00]", code: .invalidTimestamp),
        Payload(file: "lectures/l1.md", old: "[00:06]", new: "[9223372036854775807:00]", code: .invalidTimestamp),
        Payload(file: "lectures/media/l1.zh.vtt", old: "00:00.000 -->", new: "99999999999999999999:00:00.000 -->", code: .invalidCaptions),
        Payload(file: "lectures/media/l1.zh.vtt", old: "00:00.000 -->", new: "9223372036854775807:00:00.000 -->", code: .invalidCaptions),
        Payload(file: "courses/intro/01-basics.md", old: "hours: 4", new: "hours: 1e308", code: .numberOutOfRange),
        Payload(file: "courses/intro/01-basics.md", old: "hours: 4", new: "hours: .inf", code: .numberOutOfRange),
        Payload(file: "courses/intro/01-basics.md", old: "hours: 4", new: "hours: 1e400", code: .numberOutOfRange),
    ]

    @Test("each absurd number is a located error; the session keeps running and recovers", arguments: payloads)
    func absurd(payload: Payload) throws {
        let (workspace, content, live, session) = try IncrementalBuildTests.builtSession()
        defer { withExtendedLifetime(workspace) {} }
        let before = try snapshot(live)

        let broken = try IncrementalBuildTests.replace(payload.file, payload.old, payload.new)(content)
        let failed = session.rebuild(changed: broken)
        #expect(!failed.updated)
        #expect(failed.diagnostics.items.contains { $0.code == payload.code && $0.location.file == payload.file && $0.severity == .error },
                "\(failed.diagnostics.items.map(\.description))")
        #expect(try snapshot(live) == before)

        let fixed = try IncrementalBuildTests.replace(payload.file, payload.new, payload.old)(content)
        let result = session.rebuild(changed: fixed)
        #expect(result.updated && !result.diagnostics.hasErrors, "\(result.diagnostics.items.map(\.description))")
    }
}
