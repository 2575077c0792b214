import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation
import Testing

/// The resolve stage's side of lecture media: embeds only from hosts `coursemap.yml` lists, every source
/// of a video list checked and published, and the caption cues attached for the page.
@Suite("Lecture media resolution")
struct MediaEmbedResolveTests {
    func lecture(_ media: String) -> String {
        "---\ntitle: 微课\nduration: \"0:10\"\n\(media)\ncaptions:\n  zh-CN: lectures/media/v.vtt\n---\n[00:00] 文字稿。\n"
    }

    let captions = "WEBVTT\n\n00:00.000 --> 00:05.000\n甲\n\n00:05.000 --> 00:09.000\n乙 <b>丙</b>\n"

    @Test("an embed host not listed in coursemap.yml is CM331 at the embed line; a listed one is kept")
    func allowList() {
        let embed = "embed: https://player.bilibili.com/player.html?bvid=BV1"
        let (unlisted, problems) = resolve(["lectures/l.md": lecture(embed), "lectures/media/v.vtt": captions])
        let error = problems.items.first { $0.code == .platformEmbed }
        #expect(error?.location == SourceLocation(file: "lectures/l.md", line: 4, column: 8))
        #expect(error?.message.contains("no host is listed") == true)
        #expect(unlisted.lectures.first?.embed == nil)
        let (listed, clean) = resolve([
            "coursemap.yml": "title: 测试\nmedia:\n  embed_hosts: [player.bilibili.com]\n",
            "lectures/l.md": lecture(embed), "lectures/media/v.vtt": captions,
        ])
        #expect(!clean.items.contains { $0.code == .platformEmbed }, "\(clean.sorted)")
        #expect(listed.lectures.first?.embed?.host == "player.bilibili.com")
        let (other, _) = resolve([
            "coursemap.yml": "title: 测试\nmedia:\n  embed_hosts: [v.school.edu.cn]\n",
            "lectures/l.md": lecture("embed: https://player.bilibili.com.v.school.edu.cn.evil.example/x"), "lectures/media/v.vtt": captions,
        ])
        #expect(other.lectures.first?.embed == nil)
    }

    @Test("a page carries at most maximumPageCues cues per language; more is a CM320 warning at the first left out")
    func cueBound() throws {
        let count = CaptionTrack.maximumPageCues + 3
        let cues = (0..<count).map { index in
            let start = Double(index) * 0.5
            func clock(_ seconds: Double) -> String {
                let whole = Int(seconds), millis = Int((seconds - Double(whole)) * 1000)
                return String(format: "%02d:%02d:%02d.%03d", whole / 3600, (whole % 3600) / 60, whole % 60, millis)
            }
            return "\(clock(start)) --> \(clock(start + 0.5))\n第\(index)句"
        }
        let (program, diagnostics) = resolve([
            "lectures/l.md": "---\ntitle: 微课\nduration: \"1:00:00\"\nvideo: lectures/media/v.webm\ncaptions:\n  zh-CN: lectures/media/v.vtt\n---\n[00:00] 文字稿。\n",
            "lectures/media/v.webm": "w", "lectures/media/v.vtt": "WEBVTT\n\n" + cues.joined(separator: "\n\n") + "\n",
        ])
        let warning = try #require(diagnostics.items.first { $0.code == .invalidCaptions })
        #expect(warning.severity == .warning && warning.location.line == 3 + 3 * CaptionTrack.maximumPageCues)
        #expect(program.lectures.first?.captions.first?.cues.count == CaptionTrack.maximumPageCues)
    }

    /// Well-formed addresses whose host, as every browser reads it, is not the listed one: the listed host
    /// is only ever matched exactly, never as a suffix, prefix, subdomain or after a '#', '?' or '@'.
    @Test("only the exact listed host passes", arguments: [
        "https://evil.example/#@player.bilibili.com", "https://evil.example/?@player.bilibili.com", "https://evil.example#@player.bilibili.com",
        "https://player.bilibili.com.evil.example/", "https://bilibili.com/player.html", "https://evilplayer.bilibili.com/",
        "https://sub.player.bilibili.com/", "https://xn--80ak6aa92e.com/", "https://player-bilibili.com/",
    ])
    func exactHost(_ address: String) {
        let (program, diagnostics) = resolve([
            "coursemap.yml": "title: 测试\nmedia:\n  embed_hosts: [player.bilibili.com]\n",
            "lectures/l.md": lecture("embed: \(address)"), "lectures/media/v.vtt": captions,
        ])
        #expect(diagnostics.items.contains { $0.code == .platformEmbed }, "\(address)")
        #expect(program.lectures.first?.embed == nil)
    }

    @Test("every source of a video list must exist (CM322 at its line) and is published; cues ride along")
    func sourcesAndCues() throws {
        let (program, diagnostics) = resolve([
            "lectures/l.md": lecture("video:\n  - lectures/media/v.webm\n  - lectures/media/v.mp4"),
            "lectures/media/v.webm": "webm", "lectures/media/v.vtt": captions,
        ])
        let missing = diagnostics.items.filter { $0.code == .missingAsset }
        #expect(missing.map(\.location.line) == [6] && missing.first?.message.contains("v.mp4") == true)
        let lecture = try #require(program.lectures.first)
        #expect(lecture.videos.count == 2)
        #expect(lecture.captions.first?.cues.map(\.text) == ["甲", "乙 <b>丙</b>"])
    }
}
