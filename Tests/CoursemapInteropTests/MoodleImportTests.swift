import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Import rules on small hand-written Moodle XML files.
@Suite("Moodle XML import")
struct MoodleImportTests {
    typealias Support = MoodleTestSupport

    static let trueFalseAnswers = """
        <answer fraction="100"><text>true</text></answer>
        <answer fraction="0"><text>false</text></answer>
        """

    // MARK: Sanitising

    @Test("script, event handlers and javascript: URLs are removed, with one CM312 warning")
    func sanitising() throws {
        let xml = Support.quiz(Support.question(
            "truefalse", name: "unsafe",
            text: "<p onclick=\"steal()\">安全吗？<script>alert(1)</script><a href=\"javascript:alert(2)\">点我</a></p>",
            """
            <generalfeedback format="html"><text><![CDATA[<p>解析<img src="x.png" onerror="alert(3)"></p>]]></text></generalfeedback>
            \(Self.trueFalseAnswers)
            """))
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        for html in [item.stem.html, item.explanation?.html ?? ""] {
            #expect(!html.contains("script"))
            #expect(!html.contains("onclick"))
            #expect(!html.contains("onerror"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("alert"))
        }
        #expect(item.stem.html.contains("安全吗？"))
        #expect(item.stem.html.contains("点我"))
        // The image beside the file is an item asset (its placeholder is filled by the page).
        #expect(item.explanation?.html == "<p>解析<!--coursemap-asset 0--></p>")
        #expect(item.assets.map(\.path) == ["exercises/x.png"])
        let warnings = imported.with(.sanitizedHTML)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 3)
        #expect(warning.message.contains("<script>"))
        #expect(warning.message.contains("onclick"))
        #expect(warning.message.contains("javascript:alert(2)"))
        #expect(warning.message.contains("onerror"))
        #expect(imported.errors.isEmpty)
    }

    @Test("@@PLUGINFILE@@ images without their file show their text alternative and links are unwrapped, with one CM312 warning")
    func embeddedFiles() throws {
        let xml = Support.quiz(Support.question(
            "description", name: "pic",
            text: "<p>图：<img src=\"@@PLUGINFILE@@/chart%201.png\" alt=\"chart\"> 见<a href=\"@@PLUGINFILE@@/data.xlsx\">数据</a></p>",
            "<file name=\"chart 1.png\" encoding=\"base64\">AAAA</file>"))
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        #expect(item.stem.html == "<p>图：[chart] 见数据</p>")
        let warnings = imported.with(.sanitizedHTML)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("chart 1.png") == true)
        #expect(warnings.first?.message.contains("data.xlsx") == true)
    }

    // MARK: Unsupported

    @Test("unsupported question types give CM311 naming the type; the rest still imports")
    func unsupportedTypes() throws {
        let xml = Support.quiz("""
            <question type="calculated"><name><text>calc</text></name><questiontext format="html"><text>{a}+{b}</text></questiontext>
              <answer fraction="100"><text>{a}+{b}</text></answer></question>
            <question type="ddmarker"><name><text>drag</text></name><questiontext format="html"><text>[[1]]</text></questiontext></question>
            <question><name><text>typeless</text></name></question>
            \(Support.question("truefalse", name: "ok", text: "<p>好</p>", Self.trueFalseAnswers))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.map { $0.title?.zh } == ["ok"])
        let warnings = imported.with(.unsupportedItem)
        #expect(warnings.count == 3)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings[0].message.contains("\"calculated\""))
        #expect(warnings[0].location.line == 3)
        #expect(warnings[1].message.contains("\"ddmarker\""))
        #expect(warnings[1].location.line == 5)
        #expect(warnings[2].location.line == 6)
        #expect(imported.errors.isEmpty)
        // Positions count skipped questions, so the truefalse is the fourth.
        #expect(imported.items.first?.id == "ok")
    }

    @Test("a cloze question with a NUMERICAL field gives CM311 naming it and is skipped")
    func unsupportedClozeField() throws {
        let xml = Support.quiz(Support.question("cloze", name: "cloze num", text: "<p>2+2={1:NUMERICAL:=4:0}，颜色{1:SA:=红}</p>"))
        let imported = try Support.importXML(xml)
        #expect(imported.items.isEmpty)
        let warning = try #require(imported.with(.unsupportedItem).first)
        #expect(warning.message.contains("NUMERICAL"))
        #expect(imported.errors.isEmpty)
    }

    // MARK: Types

    @Test("cloze short-answer and multiple-choice fields become blanks")
    func cloze() throws {
        let xml = Support.quiz(Support.question(
            "cloze", name: "cloze",
            text: "<p>答案是{1:SHORTANSWER:=答案~=另一个~%50%差不多#接近了}，选{2:MULTICHOICE:=甲~乙#不对~丙}，再写{:SAC:=Case}。</p>"))
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        // The answer feedback (#接近了, #不对) has no place in the model: one warning names the fields; the
        // answer worth 50% counts as wrong, and another warning names it.
        #expect(imported.diagnostics.map(\.code) == [.unsupportedItem, .sanitizedHTML])
        #expect(imported.diagnostics.first?.message.contains("'差不多' (50%)") == true)
        #expect(item.kind == .fillBlank)
        #expect(item.body == .fillBlank([
            Blank(accepted: ["答案", "另一个"]),
            Blank(accepted: ["甲"], options: ["甲", "乙", "丙"]),
            Blank(accepted: ["Case"], caseSensitive: true),
        ]))
        #expect(item.stem.html == "<p>答案是\(MoodleConventions.blankSpan(1))，选\(MoodleConventions.blankSpan(2))，再写\(MoodleConventions.blankSpan(3))。</p>")
        #expect(item.score == 4)  // weights 1 + 2 + 1 when there is no defaultgrade
    }

    @Test("shortanswer: one blank of the full-mark answers, at the underscores or at the end")
    func shortAnswer() throws {
        let xml = Support.quiz("""
            \(Support.question("shortanswer", name: "gap", text: "<p>首都是 ____ 。</p>", """
                <usecase>1</usecase>
                <answer fraction="100"><text>北京</text></answer>
                <answer fraction="50"><text>北平</text></answer>
                <answer fraction="100"><text> Beijing </text></answer>
                """))
            \(Support.question("shortanswer", name: "end", text: "<p>首都是？</p>", #"<answer fraction="100"><text>北京</text></answer>"#))
            """)
        let imported = try Support.importXML(xml)
        // The answer worth 50% is not accepted: a warning names it.
        #expect(imported.diagnostics.map(\.code) == [.unsupportedItem])
        #expect(imported.diagnostics.first?.message.contains("'北平' (50%)") == true)
        #expect(imported.items.count == 2)
        #expect(imported.items[0].body == .fillBlank([Blank(accepted: ["北京", "Beijing"], caseSensitive: true)]))
        #expect(imported.items[0].stem.html == "<p>首都是 \(MoodleConventions.blankSpan(1)) 。</p>")
        #expect(imported.items[1].body == .fillBlank([Blank(accepted: ["北京"])]))
        #expect(imported.items[1].stem.html == "<p>首都是？\(MoodleConventions.blankSpan(1))</p>")
    }

    @Test("multichoice: single by default, partial credit is not the answer; multiple marks every positive grade")
    func multichoice() throws {
        let xml = Support.quiz("""
            \(Support.question("multichoice", name: "single", text: "<p>选一个</p>", """
                <answer fraction="50"><text>半对</text></answer>
                <answer fraction="100"><text>对</text><feedback><text>好</text></feedback></answer>
                <answer fraction="0"><text></text></answer>
                <answer fraction="-33.33333"><text>错</text></answer>
                """))
            \(Support.question("multichoice", name: "multi", text: "<p>选多个</p>", """
                <single>false</single>
                <answer fraction="50"><text>甲</text></answer>
                <answer fraction="-100"><text>乙</text></answer>
                <answer fraction="50"><text>丙</text></answer>
                """))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.items.map(\.kind) == [.singleChoice, .multipleChoice])
        let single = Support.choiceSummary(imported.items[0].body)
        #expect(single.map(\.label) == ["A", "B", "C"])  // the empty answer is left out
        #expect(single.map(\.text) == ["半对", "对", "错"])
        #expect(single.map(\.correct) == [false, true, false])
        if case let .singleChoice(choices) = imported.items[0].body { #expect(choices[1].feedback?.html == "好") }
        #expect(Support.choiceSummary(imported.items[1].body).map(\.correct) == [true, false, true])
    }

    @Test("plain-text formats are escaped, with <br> for newlines and paragraphs at blank lines")
    func plainFormats() throws {
        let xml = Support.quiz("""
            <question type="description"><name><text>plain</text></name>
              <questiontext format="moodle_auto_format"><text>第一行 a&lt;b
            第二行

            第二段 &amp; 完</text></questiontext></question>
            <question type="description"><name><text>one</text></name>
              <questiontext format="plain_text"><text>  只有一行  </text></questiontext></question>
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.map(\.stem.html) == ["<p>第一行 a&lt;b<br>第二行</p>\n<p>第二段 &amp; 完</p>", "只有一行"])
        #expect(imported.items.map(\.score) == [0, 0])
    }

    @Test("matching keeps distractor subquestions as distractors; ordering sorts by position; numerical skips *")
    func matchingOrderingNumerical() throws {
        let xml = Support.quiz("""
            \(Support.question("matching", name: "match", text: "<p>配对</p>", """
                <subquestion format="html"><text><![CDATA[<p>FOB</p>]]></text><answer><text>离岸价</text></answer></subquestion>
                <subquestion format="html"><text></text><answer><text>干扰项</text></answer></subquestion>
                <subquestion format="html"><text>CIF</text><answer><text>到岸价 &amp; 保险</text></answer></subquestion>
                """))
            \(Support.question("ordering", name: "order", text: "<p>排序</p>", """
                <answer fraction="3.0000000" format="html"><text>三</text></answer>
                <answer fraction="1.0000000" format="html"><text>一</text></answer>
                <answer fraction="2.0000000" format="html"><text>二</text></answer>
                """))
            \(Support.question("numerical", name: "num", text: "<p>算</p>", """
                <answer fraction="100"><text>3,5</text><tolerance>0.1</tolerance></answer>
                <answer fraction="0"><text>*</text></answer>
                """))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.items.map(\.body) == [
            .matching([
                MatchPair(left: RichText(html: "<p>FOB</p>"), right: RichText(html: "离岸价")),
                MatchPair(left: RichText(html: "CIF"), right: RichText(html: "到岸价 &amp; 保险")),
            ], distractors: [RichText(html: "干扰项")]),
            .ordering([RichText(html: "一"), RichText(html: "二"), RichText(html: "三")]),
            .numerical([NumericAnswer(value: 3.5, tolerance: 0.1, fraction: 100)]),
        ])
    }

    @Test("essay without Coursemap markers: the grader information is the reference answer")
    func essay() throws {
        let xml = Support.quiz(Support.question(
            "essay", name: "essay", text: "<p>论述</p>",
            #"<graderinfo format="html"><text><![CDATA[<p style="color:red">要点：A、B</p>]]></text></graderinfo>"#))
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        #expect(item.body == .shortAnswer(reference: RichText(html: "<p>要点：A、B</p>"), points: []))
        #expect(imported.with(.sanitizedHTML).count == 1)
    }

    // MARK: Unanswerable

    @Test("questions nobody can answer give CM314 warnings and are skipped")
    func unanswerable() throws {
        let xml = Support.quiz("""
            \(Support.question("multichoice", name: "no correct", text: "<p>?</p>", #"<answer fraction="0"><text>a</text></answer><answer fraction="-50"><text>b</text></answer>"#))
            \(Support.question("matching", name: "one pair", text: "<p>?</p>", """
                <subquestion><text>a</text><answer><text>1</text></answer></subquestion>
                <subquestion><text></text><answer><text>2</text></answer></subquestion>
                """))
            \(Support.question("truefalse", name: "no answers", text: "<p>?</p>"))
            \(Support.question("shortanswer", name: "partial only", text: "<p>?</p>", #"<answer fraction="50"><text>a</text></answer>"#))
            \(Support.question("ordering", name: "one step", text: "<p>?</p>", #"<answer fraction="1"><text>a</text></answer>"#))
            \(Support.question("cloze", name: "no fields", text: "<p>?</p>"))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.isEmpty)
        let errors = imported.with(.invalidItem)
        #expect(errors.count == 6)
        #expect(errors.allSatisfy { $0.severity == .warning && $0.message.hasSuffix(ImportSkip.ending) })
        #expect(errors.map { $0.location.line } == [3, 8, 14, 19, 24, 29])
        #expect(errors[0].message.contains("no correct answer"))
        #expect(errors[1].message.contains("fewer than two pairs"))
    }

    // MARK: Grades

    @Test("grades within 0.001 of Moodle's set pass, as in Moodle; others are CM310 errors at the answer")
    func grades() throws {
        let xml = Support.quiz("""
            \(Support.question("multichoice", name: "ok", text: "<p>?</p>", """
                <single>false</single>
                <answer fraction="83.3333"><text>a</text></answer>
                <answer fraction="16.667"><text>b</text></answer>
                <answer fraction="-14.28571"><text>c</text></answer>
                <answer><text>d</text></answer>
                """))
            \(Support.question("shortanswer", name: "bad", text: "<p>?</p>", """
                <answer fraction="100"><text>a</text></answer>
                <answer fraction="83.3"><text>b</text></answer>
                <answer fraction="lots"><text>c</text></answer>
                """))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.map { $0.title?.zh } == ["ok"])
        let errors = imported.with(.invalidFraction)
        #expect(errors.map { $0.location.line } == [16, 17])
        #expect(errors.allSatisfy { $0.severity == .error })
        #expect(errors[0].message.contains("\"83.3\""))
        #expect(errors[0].message.contains("83.33333"))
        #expect(errors[1].message.contains("\"lots\""))
        #expect(imported.diagnostics.count == 2)
    }

    // MARK: Sections, ids and tags

    @Test("questions before a category are untitled; empty categories are dropped; ids follow the rules")
    func sectionsAndIDs() throws {
        let xml = Support.quiz("""
            \(Support.question("truefalse", name: "first question", text: "<p>1</p>", Self.trueFalseAnswers))
            <question type="category"><category><text>$course$/top/课程/空分类</text></category></question>
            <question type="category"><category><text>$course$/top/课程/第一章//概述</text></category></question>
            \(Support.question("truefalse", name: "dup", text: "<p>2</p>", Self.trueFalseAnswers))
            \(Support.question("truefalse", name: "dup", text: "<p>3</p>", Self.trueFalseAnswers))
            \(Support.question("truefalse", name: "q05", text: "<p>4</p>", Self.trueFalseAnswers))
            \(Support.question("truefalse", name: "tagged", text: "<p>5</p>", Self.trueFalseAnswers + """
                <tags><tag><text>coursemap-id:custom-id</text></tag></tags>
                """))
            \(Support.question("truefalse", name: "same tag", text: "<p>6</p>", Self.trueFalseAnswers + """
                <tags><tag><text>coursemap-id:custom-id</text></tag></tags>
                """))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.bank.title.zh == "空分类")  // the first category's last component
        #expect(imported.bank.sections.map { $0.title?.zh } == [nil, "第一章/概述"])
        #expect(imported.items.map(\.id) == ["q01", "q02", "q03", "q05", "custom-id", "q06"])
        #expect(imported.items.map(\.importKey) == ["first question", "dup", "dup", "q05", "tagged", "same tag"])
        let duplicate = try #require(imported.with(.duplicateID).first)
        #expect(duplicate.severity == .warning)
        #expect(duplicate.message.contains("custom-id"))
    }

    @Test("coursemap tags give competencies, usage and difficulty; other tags are ignored")
    func tags() throws {
        let xml = Support.quiz(Support.question("truefalse", name: "t", text: "<p>?</p>", Self.trueFalseAnswers + """
            <tags>
              <tag><text>coursemap:b2b-data:中级:1.1.1</text></tag>
              <tag><text>coursemap:cbec-outcomes:K2</text></tag>
              <tag><text>coursemap:b2b-data:中级:1.1.1</text></tag>
              <tag><text>coursemap:not a reference</text></tag>
              <tag><text>coursemap-usage:exam</text></tag>
              <tag><text>coursemap-difficulty:medium</text></tag>
              <tag><text>week-3</text></tag>
            </tags>
            """))
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        #expect(item.assesses.map(\.competency.description) == ["b2b-data:中级:1.1.1", "cbec-outcomes:K2"])
        #expect(item.usage == .exam)
        #expect(item.difficulty == .medium)
        let malformed = try #require(imported.with(.malformedReference).first)
        #expect(malformed.severity == .warning)
        #expect(malformed.message.contains("not a reference"))
    }

    @Test("a root other than <quiz> is reported, not imported")
    func wrongRoot() throws {
        let imported = try Support.importXML("<bank><question type=\"truefalse\"/></bank>")
        #expect(imported.items.isEmpty)
        #expect(imported.errors.map(\.code) == [.xmlUnknownRoot])
    }

    @Test("broken HTML and half-written Coursemap markers never crash the importer")
    func robustness() throws {
        let xml = Support.quiz("""
            \(Support.question("essay", name: "broken practical", text: "<p>开始<div data-coursemap=\"practical\"><ol data-coursemap=\"steps\"><li>一<li>二</ol><table data-coursemap=\"rubric\"><tr data-coursemap=\"criterion\"><td data-points=\"x\">?"))
            \(Support.question("essay", name: "broken points", text: "<p>?", #"<graderinfo format="html"><text><![CDATA[<ol data-coursemap="points"><li data-score="2">一</ol></div></span><li>]]></text></graderinfo>"#))
            \(Support.question("description", name: "tags", text: "<<<>>><p <b></b </ <!-- <a href='"))
            \(Support.question("cloze", name: "braces", text: "{1:SA:=a} {:MC:} {2:SA:=b {x} }"))
            """)
        let imported = try Support.importXML(xml)
        #expect(imported.items.count >= 3)
        let practical = try #require(imported.items.first)
        if case let .practical(task) = practical.body {
            #expect(task.steps == [RichText(html: "一"), RichText(html: "二")])  // <li> closes the open <li>
            #expect(task.rubric.count == 1)
            #expect(task.rubric.first?.levels.first?.points == 0)
        } else {
            Issue.record("expected a practical task, got \(practical.body)")
        }
        #expect(practical.stem.html == "<p>开始</p>")
        if case let .shortAnswer(_, points) = imported.items[1].body {
            #expect(points.map(\.score) == [2])
        }
    }
}
