import CoursemapModel
import Testing

@testable import CoursemapLoad

/// `embed:` in a lecture and `media.embed_hosts` in `coursemap.yml`: only a plain `https://host/…` address
/// with a lower-case ASCII host, no user and no port is read; everything else is CM331 at its line.
@Suite("Platform video embeds and video lists")
struct PlatformEmbedTests {
    static func lecture(_ lines: String) -> String {
        "---\ntitle:\n  zh: 讲\nduration: '1:00'\n\(lines)\n---\n[00:05] 文字\n"
    }

    @Test("a plain https address is read with its host")
    func plain() throws {
        let url = "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&page=1"
        let content = load(["lectures/l.md": Self.lecture("embed: \(url)")])
        #expect(!content.diagnostics.hasErrors, "\(content.diagnostics.sorted)")
        let lecture = try #require(content.lectures.first)
        #expect(lecture.embed?.url == url && lecture.embed?.host == "player.bilibili.com")
        #expect(lecture.embed?.location.line == 5)
        #expect(lecture.videos.isEmpty)
    }

    /// Addresses a browser would read as another host, another scheme, or only after repairing them.
    static let hostile = [
        "http://player.bilibili.com/player.html", "javascript:alert(1)", "'data:text/html,<script>alert(1)</script>'",
        "JAVASCRIPT:alert(1)", "//player.bilibili.com/x", "https://evil.example@player.bilibili.com/x",
        "https://player.bilibili.com@evil.example/x", "https://player.bilibili.com:8443/x", "https://player.bilibili.com:443/x",
        "https://PLAYER.bilibili.com/x", "https://player.bilibili.com./x", "'https://evil.example\\@player.bilibili.com/'",
        "'https://player.bilibili.com\\.evil.example/'", "https://player%2ebilibili.com/x", "https://evil.example%2F@player.bilibili.com/",
        "https://xn--player-.bilibili.com/x", "https://plаyer.bilibili.com/x", "https://播放器.bilibili.com/x",
        "https://127.0.0.1/x", "https://[::1]/x", "https:///player.bilibili.com/x", "https://", "'https://player.bilibili.com /x'",
        "\"https://player.bilibili.com/\\tx\"", "\"https://player.bilibili.com/x\\n\"", "https://player.bilibili.com/\"onload=\"x",
        "https://player..bilibili.com/x", "https://-player.bilibili.com/x", "https://localhost/x", "'https://player.bilibili.com/<x>'",
        // Parser-confusion shapes from published URL-parsing research: dots browsers map to '.', NUL and
        // encoded separators, missing or doubled slashes, full-width and enclosed letters.
        "https://player。bilibili.com/x", "https://player．bilibili.com/x", "https://player%E3%80%82bilibili.com/x",
        "https://player.bilibili.com%00.evil.example/x", "'https:\\\\player.bilibili.com/x'", "https:/player.bilibili.com/x",
        "https:player.bilibili.com/x", "https://ⓟlayer.bilibili.com/x", "https://ｐlayer.bilibili.com/x",
        "https://player.bilibili.com%2f@evil.example/", "https://player.bilibili.com%5c@evil.example/", "https://0x7f000001/x",
        "https://2130706433/x", "https://player.bilibili.com:/x", "https://:443@player.bilibili.com/x",
    ]

    @Test("hostile addresses are CM331 at the embed line and give no lecture", arguments: hostile)
    func hostileAddress(_ value: String) {
        let content = load(["lectures/l.md": Self.lecture("embed: \(value)")])
        let errors = content.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.contains { $0.code == .platformEmbed && $0.location.line == 5 }, "\(value) → \(content.diagnostics.sorted)")
        #expect(content.lectures.isEmpty || content.lectures.allSatisfy { $0.embed == nil })
    }

    @Test("a lecture takes a video or an embed, not both, and not neither")
    func exclusive() {
        let both = load(["lectures/l.md": Self.lecture("video: lectures/media/l.webm\nembed: https://player.bilibili.com/x")])
        #expect(both.diagnostics.items.contains { $0.code == .platformEmbed && $0.message.contains("not both") })
        let neither = load(["lectures/l.md": Self.lecture("summary: 无")])
        #expect(neither.diagnostics.items.contains { $0.code == .missingField && $0.message.contains("video") })
        #expect(neither.lectures.isEmpty)
    }

    @Test("video as a list keeps its order; a single string still works; each entry is path-checked at its line")
    func videoList() throws {
        let list = load(["lectures/l.md": Self.lecture("video:\n  - lectures/media/l.webm\n  - lectures/media/l.mp4\n  - https://cdn.example.org/l.mp4")])
        #expect(!list.diagnostics.hasErrors, "\(list.diagnostics.sorted)")
        let lecture = try #require(list.lectures.first)
        #expect(lecture.videos.map { source -> String in
            switch source {
            case let .file(reference): return reference.path
            case let .remote(url): return url
            }
        } == ["lectures/media/l.webm", "lectures/media/l.mp4", "https://cdn.example.org/l.mp4"])
        let single = load(["lectures/l.md": Self.lecture("video: lectures/media/l.webm")])
        #expect(single.lectures.first?.videos.count == 1)
        let bad = load(["lectures/l.md": Self.lecture("video:\n  - lectures/media/l.webm\n  - ../outside.mp4\n  - javascript:alert(1)")])
        #expect(bad.diagnostics.items.contains { $0.code == .unsafeAssetPath && $0.location.line == 7 })
        #expect(bad.diagnostics.items.contains { $0.code == .unsafeLink && $0.location.line == 8 })
        let empty = load(["lectures/l.md": Self.lecture("video: []")])
        #expect(empty.diagnostics.hasErrors && empty.lectures.isEmpty)
    }

    @Test("media.embed_hosts takes bare host names; anything else is CM331 at its line")
    func configHosts() {
        let good = load(["coursemap.yml": "title:\n  zh: 测试\nmedia:\n  embed_hosts: [player.bilibili.com, v.school.edu.cn]\n"])
        #expect(good.config?.media.embedHosts == ["player.bilibili.com", "v.school.edu.cn"])
        for host in ["https://player.bilibili.com", "player.bilibili.com:443", "PLAYER.bilibili.com", "*.bilibili.com", "bilibili", "player.bilibili.com.", "user@host.cn", "播放.cn"] {
            let bad = load(["coursemap.yml": "title:\n  zh: 测试\nmedia:\n  embed_hosts:\n    - \"\(host)\"\n"])
            #expect(bad.diagnostics.items.contains { $0.code == .platformEmbed && $0.location.line == 5 }, "\(host): \(bad.diagnostics.sorted)")
            #expect(bad.config?.media.embedHosts == [])
        }
    }

    @Test("the portal's own host (base_url) cannot be listed: a scripted frame from it would share the portal's origin")
    func portalHostRefused() {
        let site = load(["coursemap.yml": "title:\n  zh: 测试\nbase_url: https://Courses.School.edu.cn/portal/\nmedia:\n  embed_hosts: [courses.school.edu.cn, player.bilibili.com]\n"])
        #expect(site.diagnostics.items.contains { $0.code == .platformEmbed && $0.location.line == 5 && $0.message.contains("own host") })
        #expect(site.config?.media.embedHosts == ["player.bilibili.com"])
    }
}

/// What platforms hand teachers as "embed code" (Bilibili's share dialog gives an `<iframe src="//player…">`
/// snippet; older pages and READMEs carry `http://player…`): still refused, with a message that says how to
/// write the address. Inputs written here after the shapes found in public READMEs and docs.
@Suite("Platform embed code pasted as it is handed out")
struct PlatformEmbedCodeTests {
    @Test("protocol-relative, http and whole-<iframe> values say how to write the https address", arguments: [
        ("//player.bilibili.com/player.html?bvid=BV1GJ411x7h7&page=1", "write https: before it"),
        ("http://player.bilibili.com/player.html?bvid=BV1GJ411x7h7", "write https:// instead of http://"),
        ("'<iframe src=\"//player.bilibili.com/player.html?bvid=BV1GJ411x7h7\" allowfullscreen=\"true\"></iframe>'", "give only the address in its src="),
    ])
    func hint(_ value: String, _ advice: String) {
        let content = load(["lectures/l.md": PlatformEmbedTests.lecture("embed: \(value)")])
        let refusal = content.diagnostics.items.first { $0.code == .platformEmbed && $0.severity == .error }
        #expect(refusal?.location.line == 5)
        #expect(refusal?.message.contains(advice) == true, "\(String(describing: refusal?.message))")
        #expect(content.lectures.allSatisfy { $0.embed == nil })
    }
}
