import CoursemapLoad
import CoursemapModel
import Testing

/// A lecture file with `duration` in its front matter and `transcript` as its body.
private func lecture(duration: String, transcript: String = "[0:01] 开始", captions: String? = nil) -> String {
    let track = captions.map { "captions:\n  zh: \($0)\n" } ?? ""
    return "---\ntitle: 讲\nduration: \(duration)\nvideo: https://example.org/v.webm\n\(track)---\n\(transcript)\n"
}

/// The diagnostics with `code`, sorted.
private func found(_ content: LoadedContent, _ code: DiagnosticCode) -> [Diagnostic] {
    content.diagnostics.sorted.filter { $0.code == code }
}

@Suite("Numbers are read with bounds")
struct NumberBoundsTests {
    @Test("durations within 100 hours read exactly; zero, signs, exponents, NaN and infinities do not",
          arguments: [
            ("3:40", TimeReading.seconds(220)), ("1:02:05", .seconds(3725)), ("225", .seconds(225)), ("225.5", .seconds(225.5)),
            (" 0:07 ", .seconds(7)), ("100:00:00", .seconds(360_000)),
            ("0:00", .malformed), ("0", .malformed), ("-1", .malformed), ("+5", .malformed), ("1e3", .malformed),
            ("1e308", .malformed), ("inf", .malformed), ("nan", .malformed), ("infinity", .malformed), ("0x10", .malformed),
            ("3:4", .malformed), ("3:60", .malformed), ("1:-1:00", .malformed), ("١:٠٠", .malformed), ("", .malformed), ("1::00", .malformed),
            ("100:00:01", .outOfRange), ("360001", .outOfRange), ("99999999999999999999:00:00", .outOfRange),
            ("9223372036854775807:00:00", .outOfRange), ("99999999999999999999", .outOfRange), ("1000000000.5", .outOfRange),
          ])
    func durations(text: String, expected: TimeReading) {
        #expect(TimeReadingProbe.duration(text) == expected, "\(text)")
    }

    @Test("caption timestamps: hours of any length read or are out of range, never trap",
          arguments: [
            ("00:01.000", TimeReading.seconds(1)), ("01:00:00.500", .seconds(3600.5)), ("99:59:59.999", .seconds(359_999.999)),
            ("100:00:00.001", .outOfRange), ("99999999999999999999:00:00.000", .outOfRange),
            ("9223372036854775807:00:00.000", .outOfRange), ("1:00.000", .malformed), ("00:60.000", .malformed),
            ("-1:00:00.000", .malformed), ("+0:00:00.000", .malformed), ("00:00.00", .malformed), ("inf", .malformed),
          ])
    func captionTimestamps(text: String, expected: TimeReading) {
        #expect(TimeReadingProbe.captionTimestamp(text) == expected, "\(text)")
    }

    @Test("an absurd lecture duration is a located CM208; the lecture is not loaded",
          arguments: ["99999999999999999999:00:00", "9223372036854775807:59:59", "100:00:01", "360001"])
    func absurdDuration(value: String) throws {
        let content = load(["lectures/l.md": lecture(duration: value)])
        let error = try #require(found(content, .numberOutOfRange).first)
        #expect(error.location.file == "lectures/l.md")
        #expect(error.location.line == 3)
        #expect(content.lectures.isEmpty)
    }

    @Test("durations that are not times (1e308, nan, inf, -1) are CM204 at the field", arguments: ["1e308", "nan", ".inf", "-1", "-0:01"])
    func malformedDuration(value: String) throws {
        let content = load(["lectures/l.md": lecture(duration: value)])
        let error = try #require(found(content, .invalidValue).first)
        #expect(error.location.line == 3)
        #expect(content.lectures.isEmpty)
    }

    @Test("a transcript time code beyond 100 hours is CM325 at its line, and stays text",
          arguments: ["99999999999999999999:00:00", "100:00:01", "9223372036854775807:00", "1000000000:00"])
    func absurdTimeCode(code: String) throws {
        let content = load(["lectures/l.md": lecture(duration: "10:00", transcript: "[0:01] 开始\n\n[\(code)] 结束")])
        let error = try #require(found(content, .invalidTimestamp).first)
        #expect(error.location.line == 8)
        #expect(error.message.contains("100 hours"))
        let html = try #require(content.lectures.first).transcript.html
        // One time-code link (the render stage fills its placeholder): the good code's.
        #expect(html.components(separatedBy: "<!--coursemap-time ").count == 2)
    }

    @Test("a caption cue with an absurd timestamp is CM320 at its line",
          arguments: ["99999999999999999999:00:00.000", "100:00:00.001", "9223372036854775807:00:00.000"])
    func absurdCue(stamp: String) throws {
        let content = load([
            "lectures/l.md": lecture(duration: "10:00", captions: "lectures/l.vtt"),
            "lectures/l.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n一\n\n00:03.000 --> \(stamp)\n二\n",
        ])
        let error = try #require(found(content, .invalidCaptions).first { $0.message.contains("100 hours") })
        #expect(error.location.file == "lectures/l.vtt")
        #expect(error.location.line == 6)
    }

    @Test("front-matter numbers beyond their range, infinite or NaN are CM208 at the value",
          arguments: [
            ("hours: 1e308", "hours"), ("hours: -1", "hours"), ("hours: 100001", "hours"), ("hours: .inf", "hours"),
            ("hours: -.inf", "hours"), ("hours: .nan", "hours"), ("hours: 1e400", "hours"), ("hours: nan", "hours"),
            ("order: 99999999999999999999", "order"), ("order: 0", "order"), ("order: -5", "order"),
          ])
    func frontMatterNumbers(field: String, name: String) throws {
        var lines = ["title: 模块", "order: 1", "hours: 2"].filter { !$0.hasPrefix(name + ":") }
        lines.append(field)
        let content = load(["courses/c/m.md": module(lines.joined(separator: "\n"))])
        let error = try #require(found(content, .numberOutOfRange).first, "\(content.diagnostics.sorted)")
        #expect(error.location.file == "courses/c/m.md")
        #expect(error.location.line == 4)
        #expect(error.location.column == name.count + 3)
        #expect(content.modules.isEmpty)
    }

    @Test("course credits and hours, and the asset size limit, are bounded")
    func courseAndConfig() throws {
        let course = """
            ---
            code: "01"
            title: 课程
            credits: 1e300
            hours: {theory: 1e300, practice: .inf}
            semester: 99999999999999999999
            type: 专业核心课
            ---
            """
        let content = load([
            "courses/c/course.md": course,
            "coursemap.yml": "title: 测试\nassets:\n  max_size_mb: 1e300\ncoverage:\n  blueprint_tolerance: .nan\n",
        ])
        let errors = found(content, .numberOutOfRange)
        #expect(Set(errors.map(\.location.file)) == ["courses/c/course.md", "coursemap.yml"])
        #expect(errors.count == 6, "\(errors)")
        #expect(errors.filter { $0.location.file == "coursemap.yml" }.map(\.location.line) == [3, 5])
    }

    @Test("a word where a number belongs stays CM203, not CM208")
    func wrongType() throws {
        let content = load(["courses/c/m.md": module("title: 模块\norder: first\nhours: 0x10")])
        #expect(found(content, .wrongType).count == 2)
        #expect(found(content, .numberOutOfRange).isEmpty)
    }

    @Test("module XML order and hours beyond their range are CM208 at the module")
    func moduleXML() throws {
        let nines = String(repeating: "9", count: 20)
        for (order, hours) in [("1", nines), (nines, "2"), ("10000", "2"), ("1", "100001"), ("1", "100000.5")] {
            let xml = """
                <module xmlns="urn:coursemap:module:1" order="\(order)" hours="\(hours)">
                  <title><zh>模块</zh></title>
                  <body><p>正文</p></body>
                </module>
                """
            let content = load(["courses/c/m.xml": xml])
            let error = try #require(found(content, .numberOutOfRange).first, "\(order) \(hours): \(content.diagnostics.sorted.map(\.description))")
            #expect(error.location.file == "courses/c/m.xml")
            #expect(error.location.line == 1)
        }
    }

    @Test("exercise scores beyond the limit are CM314 at the item; no item keeps such a score")
    func exerciseScores() throws {
        let nines = String(repeating: "9", count: 20)
        let bank = """
            <bank xmlns="urn:coursemap:exercises:1" id="b">
              <title><zh>题库</zh></title>
              <truefalse id="q1" score="\(nines)"><stem>对吗</stem><answer>true</answer></truefalse>
              <truefalse id="q2" score="1000001"><stem>对吗</stem><answer>true</answer></truefalse>
            </bank>
            """
        let content = load(["exercises/b.xml": bank])
        let errors = found(content, .invalidItem)
        #expect(errors.map(\.location.line) == [3, 4], "\(content.diagnostics.sorted.map(\.description))")
        let scores = content.banks.first?.sections.flatMap(\.items).map(\.score) ?? []
        #expect(scores.allSatisfy { $0.isFinite && $0 <= NumberBounds.maximumScore })
    }

    @Test("number text and clocks are total on every Double")
    func formatting() {
        for value in [Double.nan, .infinity, -.infinity, 1e308, -1e308, 9.3e18, 1e15, -1, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            _ = NumberText.plain(value)
            _ = Lecture.clock(value)
            _ = NumberText.rounded(value)
        }
        #expect(NumberText.plain(12) == "12")
        #expect(NumberText.plain(2.5) == "2.5")
        #expect(NumberText.plain(1e300) == "1e+300")
        #expect(Lecture.clock(.nan) == "--:--")
        #expect(Lecture.clock(1e308) == "--:--")
        #expect(Lecture.clock(-1) == "--:--")
        #expect(Lecture.clock(3725) == "1:02:05")
    }
}
