import CoursemapLoad
import CoursemapModel
import Testing

/// A transcript time code shaped like a clock with minutes or seconds of 60 or more is CM325 at its line
/// (it was left as plain text); a bare-number duration is seconds, fractions included.
@Suite("Time codes and durations: shapes")
struct TimeCodeShapeTests {
    private static func lecture(duration: String, transcript: String) -> String {
        "---\ntitle: 讲\nduration: \(duration)\nvideo: https://example.org/v.webm\n---\n\(transcript)\n"
    }

    private static func loaded(_ text: String) -> LoadedContent { load(["lectures/l.md": text]) }

    @Test("minutes or seconds of 60 or more are CM325 at the line", arguments: ["00:99", "1:60", "0:00:75", "1:75:00", "99:99:99", " 0:61 "])
    func outOfClock(code: String) throws {
        let content = Self.loaded(Self.lecture(duration: "10:00:00", transcript: "[0:01] 开始\n\n[\(code)] 结束"))
        let error = try #require(content.diagnostics.sorted.first { $0.code == .invalidTimestamp }, "\(code)")
        #expect(error.location.line == 8)
        #expect(error.message.contains("60 or more"))
    }

    @Test("brackets that are not clock-shaped stay text without a word", arguments: ["see note", "ab:cd", "1:2", "1:234", "12", "a:00", "1::00"])
    func notTimeCodes(code: String) {
        let content = Self.loaded(Self.lecture(duration: "10:00", transcript: "[0:01] 开始\n\n[\(code)] 结束"))
        #expect(!content.diagnostics.sorted.contains { $0.code == .invalidTimestamp }, "\(code)")
        #expect(content.lectures.first?.transcript.html.contains("[\(code)]") == true)
    }

    @Test("a bare number is a duration in seconds, a fraction of a second included", arguments: [("12.7", 12.7), ("225", 225.0), ("225.5", 225.5)])
    func bareSeconds(text: String, seconds: Double) {
        #expect(TimeReadingProbe.duration(text) == .seconds(seconds))
        let content = Self.loaded(Self.lecture(duration: text, transcript: "[0:01] 开始"))
        #expect(content.lectures.first?.duration == seconds)
    }

    @Test("a clock duration with minutes or seconds of 60 or more is CM204 at the field", arguments: ["3:75", "1:60:00"])
    func durationOutOfClock(text: String) throws {
        let content = Self.loaded(Self.lecture(duration: text, transcript: "[0:01] 开始"))
        let error = try #require(content.diagnostics.sorted.first { $0.code == .invalidValue }, "\(text)")
        #expect(error.location.line == 3)
        #expect(error.message.contains("number of seconds"))
    }
}
