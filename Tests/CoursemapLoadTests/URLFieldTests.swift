import CoursemapModel
import Testing

@testable import CoursemapLoad

/// URL fields of front matter and links in bodies: a scheme other than the allowed ones, however it is
/// written, is CM305; starts that lead off the portal's host are refused like `//host`.
@Suite("URL fields and links")
struct URLFieldTests {
    static let payloads = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\"java\\tscript:alert(1)\"",
        "\"\\x01javascript:alert(1)\"", "'&#106;avascript:alert(1)'", "vbscript:msgbox(1)", "'data:text/html,<script>alert(1)</script>'",
        "\"javascript\\n:alert(1)\"",
    ]

    static func lecture(_ field: String, _ value: String) -> String {
        var fields = ["video": "lectures/media/l.webm", "duration": "'1:00'"]
        fields[field] = value
        let lines = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        return "---\ntitle:\n  zh: 讲\n\(lines)\n---\n[00:05] 文字\n"
    }

    @Test("a scripting URL in a lecture's video, poster or slides is CM305", arguments: ["video", "poster", "slides"])
    func lectureFields(_ field: String) {
        for payload in Self.payloads {
            let content = load(["lectures/l.md": Self.lecture(field, payload)])
            let codes = content.diagnostics.items.map(\.code)
            #expect(codes.contains(.unsafeLink), "\(field): \(payload) → \(content.diagnostics.sorted)")
            #expect(content.lectures.allSatisfy { lecture in
                !lecture.videos.contains { if case .remote = $0 { return true } else { return false } }
            })
        }
    }

    @Test("a scripting URL as a caption file is CM305")
    func captions() {
        for payload in Self.payloads {
            let text = "---\ntitle:\n  zh: 讲\nvideo: lectures/media/l.webm\nduration: '1:00'\ncaptions:\n  zh-CN: \(payload)\n---\n"
            let content = load(["lectures/l.md": text])
            #expect(content.diagnostics.items.map(\.code).contains(.unsafeLink), "\(payload) → \(content.diagnostics.sorted)")
            #expect(content.lectures.first?.captions.isEmpty ?? true)
        }
    }

    @Test("an https video stays a remote video; http and other schemes do not")
    func remoteVideo() {
        let https = load(["lectures/l.md": Self.lecture("video", "https://video.example.test/a.webm")])
        #expect(https.lectures.first?.videos == [.remote("https://video.example.test/a.webm")])
        for value in [
            "http://video.example.test/a.webm", "https:\\x09//a", "ftp://x/a.webm", "https://x/a.webm\\\" onerror=\\\"alert(1)",
            "https://x/a b.webm", "https://x/<script>.webm", "https://x\\\\y/a.webm", "https://x/a.webm\\x0b",
        ] {
            let content = load(["lectures/l.md": Self.lecture("video", "\"\(value)\"")])
            #expect(content.diagnostics.hasErrors, "\(value)")
            // The lecture is refused, or (a control character, CM209) its value is cleaned and the build stops.
            #expect(content.lectures.isEmpty || content.diagnostics.items.contains { $0.code == .controlCharacterInText }, "\(value)")
        }
    }

    @Test("Markdown links and images that leave the host or hide a scheme are CM305", arguments: [
        "[x](/\\evil.test)", "[x](<\\\\evil.test>)", "[x](/%5Cevil.test)", "![x](//evil.test/p.png)", "[x](<java\tscript:alert(1)>)",
        "[x](&#106;avascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:x)",
    ])
    func markdownLinks(_ link: String) {
        let content = load(["courses/c/m.md": module("title: 模块\norder: 1\nhours: 2", body: "见 \(link)")])
        #expect(content.diagnostics.items.map(\.code).contains(.unsafeLink), "\(link) → \(content.diagnostics.sorted)")
    }

    @Test("module XML links that leave the host or hide a scheme are not written as links", arguments: [
        "/\\evil.test", "\\\\evil.test", "/%5Cevil.test", "//evil.test", "java&#9;script:alert(1)", "&#38;#106;avascript:alert(1)",
        " JaVaScRiPt:alert(1)",
    ])
    func xmlLinks(_ href: String) {
        let xml = "<module xmlns=\"urn:coursemap:module:1\" order=\"1\" hours=\"1\"><title><zh>t</zh></title><body><p><a href=\"\(href)\">x</a></p></body></module>"
        let content = load(["courses/c/m.xml": xml])
        #expect(content.diagnostics.items.map(\.code).contains(.unsafeLink), "\(href) → \(content.diagnostics.sorted)")
        #expect(!(content.modules.first?.body.html.contains("href") ?? false))
    }
}
