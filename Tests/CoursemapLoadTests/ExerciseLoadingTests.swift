import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

func bank(_ items: String, id: String = "b") -> String {
    "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"\(id)\"><title><zh>题库</zh></title>\n\(items)\n</bank>"
}

@Suite("Exercise banks")
struct ExerciseLoadingTests {
    @Test("every authored item type is read with its answer")
    func types() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/site")
        let content = ContentLoader(contentDirectory: root).load()
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.sorted)")
        let bank = try #require(content.banks.first { $0.id == "basics" })
        #expect(bank.courseID == "intro")
        #expect(bank.sections.count == 2)
        #expect(bank.sections[0].title?.zh == "客观题")
        #expect(bank.items.map(\.kind) == [.singleChoice, .singleChoice, .trueFalse, .fillBlank, .fillBlank, .multipleChoice, .matching, .ordering, .shortAnswer, .practical])
        let items = Dictionary(uniqueKeysWithValues: bank.items.map { ($0.id, $0) })
        guard case let .singleChoice(choices) = items["s1"]?.body else { Issue.record("s1"); return }
        #expect(choices.map(\.label) == ["A", "B", "C"])
        #expect(choices.map(\.correct) == [false, true, false])
        #expect(items["s1"]?.usage == .practice && items["e1"]?.usage == .exam)
        #expect(items["s1"]?.difficulty == .easy && items["s1"]?.score == 2)
        #expect(items["s1"]?.assesses.map(\.competency.description) == ["cert:中级:1.1.1"])
        guard case let .fillBlank(blanks) = items["f1"]?.body else { Issue.record("f1"); return }
        #expect(blanks.map(\.accepted) == [["EXAMANSWERORDERS"], ["EXAMANSWERVISITORS", "UV"]])
        #expect(items["f1"]?.stem.html.contains("data-blank=\"2\"") == true)
        guard case let .trueFalse(answer) = items["t1"]?.body else { Issue.record("t1"); return }
        #expect(answer)
        guard case let .practical(task) = items["p1"]?.body else { Issue.record("p1"); return }
        #expect(items["p1"]?.title?.zh == "流量数据分析")
        #expect(task.datasets.map(\.path) == ["datasets/traffic.csv"])
        #expect(task.rubric.map(\.maxPoints) == [60, 40])
        #expect(task.steps.count == 2)
        #expect(content.assets == ["datasets/traffic.csv", "lectures/media/l1.webm", "resources/outline.pdf"])
    }

    @Test("authored feedback by outcome and matching distractors are read and valid against the schema")
    func feedbackAndDistractors() throws {
        let content = load(["exercises/b.xml": bank("""
            <matching id="m"><stem>配对</stem>
              <pair><left>FOB</left><right>船上</right></pair><pair><left>CFR</left><right>船上</right></pair>
              <distractor>码头</distractor>
              <explanation>解析</explanation>
              <feedback when="correct">对</feedback><feedback when="partial">一半</feedback>
              <feedback when="incorrect"><p>错</p></feedback><feedback when="general">总是</feedback></matching>
            """), "exercises/c.xml": bank("""
            <single id="s"><stem>x</stem><choice correct="true">1</choice><choice>2</choice><feedback when="sometimes">?</feedback></single>
            """, id: "c")])
        let item = try #require(content.banks.first { $0.id == "b" }?.items.first)
        guard case let .matching(pairs, distractors) = item.body else { Issue.record("not matching"); return }
        #expect(pairs.count == 2 && distractors.map(\.html) == ["码头"])
        #expect(item.feedback?.correct?.html == "<p>对</p>" || item.feedback?.correct?.html == "对")
        #expect(item.feedback?.partiallyCorrect != nil && item.feedback?.incorrect?.html.contains("错") == true && item.feedback?.general != nil)
        // An unknown `when` is a schema error at its line.
        #expect(content.diagnostics.items.filter { $0.severity == .error }.map(\.location.file) == ["exercises/c.xml"], "\(content.diagnostics.sorted)")
    }

    @Test("items that cannot be answered as written: CM314 at the item")
    func invalidItems() {
        let content = load(["exercises/b.xml": bank("""
            <single id="a"><stem>x</stem><choice correct="true">1</choice><choice correct="true">2</choice></single>
            <fill id="b"><stem>x <blank/> y <blank/></stem><blank-answer><accept>1</accept></blank-answer></fill>
            """)])
        let problems = content.diagnostics.items.filter { $0.code == .invalidItem }
        #expect(problems.map(\.location.line) == [2, 3])
        #expect(content.banks.first?.items.isEmpty == true)
    }

    @Test("duplicate item ids (CM403) and dataset paths leaving the content folder (CM316)")
    func idsAndPaths() {
        let practical = """
            <practical id="p"><title><zh>t</zh></title><scenario>s</scenario><steps><step>1</step></steps>
            <dataset href="../secret.csv"><zh>d</zh></dataset><deliverable>d</deliverable>
            <rubric><criterion><name>n</name><level points="2">a</level><level points="1">b</level></criterion></rubric></practical>
            """
        let content = load(["exercises/b.xml": bank("<truefalse id=\"a\"><stem>x</stem><answer>true</answer></truefalse>\n<truefalse id=\"a\"><stem>y</stem><answer>false</answer></truefalse>\n" + practical)])
        #expect(content.diagnostics.items.filter { $0.code == .duplicateID }.map(\.location.line) == [3])
        #expect(content.diagnostics.items.filter { $0.code == .missingDataset }.map(\.location.line) == [5])
    }

    @Test("an exercise file of another vocabulary: CM304; a schema violation: CM302")
    func roots() {
        let content = load([
            "exercises/x.xml": "<html/>",
            "exercises/y.xml": bank("<single id=\"a\"><stem>x</stem><choice>1</choice></single>"),
        ])
        #expect(content.diagnostics.items.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.xmlSchemaViolation, .xmlUnknownRoot])
    }
}

@Suite("Lectures, captions and resources")
struct LectureLoadingTests {
    let lecture = """
        ---
        title: 微课
        duration: "1:00"
        video: lectures/media/v.webm
        poster: ../outside.jpg
        slides: /etc/passwd
        captions:
          zh-CN: lectures/media/v.vtt
        ---
        [00:00] 开始。

        [00:50] 后来。

        [00:40] 倒退。

        [01:10] 超时。
        """

    @Test("WebVTT: header, timing syntax, order")
    func webvtt() {
        let good = WebVTTParserProbe.parse("WEBVTT\n\nNOTE x\n\n1\n00:00.000 --> 00:02.000\n甲\n\n00:02.000 --> 00:04.500 align:start\n乙\n")
        #expect(good.cues.map(\.end) == [2, 4.5] && good.problems.isEmpty)
        #expect(WebVTTParserProbe.parse("00:00.000 --> 00:01.000\nx\n").problems.map(\.code) == [.invalidCaptions])
        let bad = WebVTTParserProbe.parse("WEBVTT\n\n00:03.000 --> 00:02.000\n甲\n\n00:01,000 --> 00:02.000\n乙\n\n00:00.500 --> 00:01.000\n丙\n")
        #expect(bad.problems.map(\.location.line) == [3, 6, 9])
    }

    @Test("time codes out of order or past the duration (CM325) and paths leaving the content folder (CM323)")
    func lectureProblems() {
        let content = load([
            "lectures/l.md": lecture, "lectures/media/v.webm": "x",
            "lectures/media/v.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\n甲\n",
        ])
        let byCode = Dictionary(grouping: content.diagnostics.items, by: \.code)
        #expect(byCode[.invalidTimestamp]?.map(\.location.line) == [14, 16])
        #expect(byCode[.unsafeAssetPath]?.map(\.location.line) == [5, 6])
        #expect(content.lectures.first?.duration == 60)
        #expect(content.lectures.first?.poster == nil)
    }

    @Test("a resource sidecar describes the file beside it, with its size")
    func sidecar() throws {
        let content = load([
            "resources/deck.pdf": "%PDF-1.4 twelve",
            "resources/deck.pdf.yml": "title: 课件\nkind: slides\nlicense: CC BY 4.0\n",
        ])
        let resource = try #require(content.resources.first)
        #expect(resource.id == "deck" && resource.kind == .slides && resource.fileType == "PDF")
        #expect(resource.file?.path == "resources/deck.pdf" && resource.fileSize == 15)
        #expect(content.diagnostics.isEmpty)
    }
}
