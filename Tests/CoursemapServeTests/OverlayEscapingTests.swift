import Foundation
import Testing

@testable import CoursemapServe

@Suite("Error overlay and control characters")
struct OverlayEscapingTests {
    @Test("error lines holding line breaks and terminal codes travel as one JSON data line and arrive unchanged")
    func oneDataLine() throws {
        // Diagnostics reach the hub already escaped (see ControlCharactersTests); the event must not depend on it.
        let lines = [
            "courses/c/x.md\nx.md:1:1: error[CM999]: forged", "courses/c/a\u{1B}[31m.md: error[CM108]: x",
            "courses/c/r\u{202E}.md\r\ndata: injected", "courses/c/c\u{9B}2J\u{2028}.md", "courses/c/\u{1B}]8;;http://x.invalid\u{7}.md",
        ]
        let encoded = LiveReloadHub.errorsEvent(lines).encoded
        let wire = encoded.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        #expect(wire.count == 4 && wire[0] == "event: errors" && wire[1].hasPrefix("data: ") && wire[2].isEmpty, "\(encoded.debugDescription)")
        let decoded = try JSONDecoder().decode([String].self, from: Data(wire[1].dropFirst(6).utf8))
        #expect(decoded == lines)
    }
}
