import CoursemapLoad
import CoursemapModel
import Testing

/// Caption files as real tools and tutorials write them, split into cues the way Chromium splits them (checked
/// against Chromium's own TextTrack cues): the page carries these cues for `file://`, so a different split
/// would show different captions from disk than over http. The inputs are written here; each reproduces a
/// shape seen in public files: a chapter file with no blank lines at all (a vendor's documentation sample),
/// separator lines holding one space (a Chinese tutorial), tabs around the arrow (vtt.js tests), one-digit
/// hours, and a cue identifier that begins with "NOTE".
@Suite("WebVTT blocks split as browsers split them")
struct WebVTTBrowserSplitTests {
    @Test("a file without blank lines: a timing line ends the header and the previous cue's text")
    func noBlankLines() {
        let text = "WEBVTT \nPart 1 \n00:00.000 --> 01:04.364 \nFirst part. \nPart 2 \n01:04.364 --> 02:00.944 \nSecond part.\n"
        let (cues, problems) = WebVTTParserProbe.parse(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cues.map(\.start) == [0, 64.364])
        #expect(cues.map(\.end) == [64.364, 120.944])
        // Chromium keeps the next cue's identifier line as text of the cue before it.
        #expect(cues.map(\.text) == ["First part. \nPart 2 ", "Second part."])
    }

    @Test("a line of spaces is text or an identifier, never a separator")
    func spaceLines() {
        let text = "WEBVTT\n \n00:00:01.000 --> 00:00:10.000\n第一行字幕\n \n00:00:15.000 --> 00:00:20.000\n第二行，\n"
        let (cues, problems) = WebVTTParserProbe.parse(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cues.map(\.text) == ["第一行字幕\n ", "第二行，"])
        #expect(cues.map(\.start) == [1, 15])
        let identified = WebVTTParserProbe.parse("WEBVTT\n\n \n00:00.000 --> 00:01.000\n甲\n")
        #expect(identified.problems.isEmpty && identified.cues.map(\.text) == ["甲"])
    }

    @Test("tabs around the arrow and one-digit hours are timings browsers accept")
    func timingShapes() {
        let tabs = WebVTTParserProbe.parse("WEBVTT\n\n00:00:25.000\t\t-->\t\t00:00:27.000\nA\n\n00:00:28.000 -->\t00:00:29.000\talign:start\nB\n")
        #expect(tabs.problems.isEmpty, "\(tabs.problems)")
        #expect(tabs.cues.map(\.end) == [27, 29])
        let hours = WebVTTParserProbe.parse("WEBVTT\n\n0:00:11.000 --> 1:00:13.500\nA\n")
        #expect(hours.problems.isEmpty, "\(hours.problems)")
        #expect(hours.cues.map(\.end) == [3613.5])
        // Minutes stay two digits: `1:02.000` is no timestamp for browsers either.
        #expect(WebVTTParserProbe.parse("WEBVTT\n\n1:02.000 --> 1:03.000\nA\n").problems.map(\.code) == [.invalidCaptions])
    }

    @Test("NOTE, STYLE and REGION blocks are skipped; an identifier that only begins with NOTE is a cue")
    func commentWords() {
        let text = "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nNOTE\tby the teacher\n\nNOTEBOOK\n00:00.000 --> 00:01.000\n甲\n\nREGION: id=a\n\n00:01.000 --> 00:02.000\n乙\n"
        let (cues, problems) = WebVTTParserProbe.parse(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cues.map(\.text) == ["甲", "乙"])
    }

    @Test("a zero-length cue is refused with a message that says so, at its line")
    func zeroLength() {
        let problems = WebVTTParserProbe.parse("WEBVTT\n\n00:01.000 --> 00:01.000\n甲\n").problems
        #expect(problems.map(\.location.line) == [3])
        #expect(problems.first?.message.contains("when it starts") == true, "\(problems)")
    }
}
