import CoursemapLoad
import CoursemapModel
import Testing

/// The diagnostics with `code`, sorted.
private func diagnostics(_ content: LoadedContent, _ code: DiagnosticCode) -> [Diagnostic] {
    content.diagnostics.sorted.filter { $0.code == code }
}

@Suite("Coverage hours in content: stated hours, CM210, CM413, CM415, coverage settings")
struct StatedHoursTests {
    @Test("front matter: `ref: {level: M, hours: 4}` states hours; the plain `ref: M` form stays")
    func markdownStated() throws {
        let content = load(["courses/c/m.md": module("""
            title: 模块
            order: 1
            hours: 6
            competencies:
              cert:中级:1.1.1: {level: M, hours: 4}
              po:K1: R
              cert:中级:1.1.2:
                level: I
                hours: 1.5
            """)])
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.sorted.map(\.description))")
        let claims = try #require(content.modules.first?.claims)
        #expect(claims.map(\.level) == [.mastered, .reinforced, .introduced])
        #expect(claims.map(\.hours) == [4, nil, 1.5])
    }

    @Test("a stated mapping without a level, or with an unknown field, is reported at its place")
    func markdownStatedErrors() throws {
        let content = load(["courses/c/m.md": module("""
            title: 模块
            order: 1
            hours: 6
            competencies:
              cert:中级:1.1.1: {hours: 4}
              cert:中级:1.1.2: {level: M, hour: 1}
              cert:中级:1.1.3: {level: M, hours: -1}
            """)])
        let missing = try #require(diagnostics(content, .missingField).first)
        #expect(missing.location.line == 6)
        #expect(missing.message.contains("level"))
        #expect(diagnostics(content, .unknownField).first?.location.line == 7)
        #expect(diagnostics(content, .numberOutOfRange).first?.location.line == 8)
    }

    @Test("module XML: `<competency … hours=\"4\"/>` states hours, validated by the shipped schema")
    func xmlStated() throws {
        let xml = """
            <module xmlns="urn:coursemap:module:1" order="1" hours="4">
              <title><zh>模块</zh></title>
              <competencies>
                <competency ref="cert:中级:1.1.1" level="M" hours="1.5"/>
                <competency ref="cert:中级:1.1.2" level="R"/>
              </competencies>
              <body><p>正文</p></body>
            </module>
            """
        let content = load(["courses/c/m.xml": xml])
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.sorted.map(\.description))")
        #expect(content.modules.first?.claims.map(\.hours) == [1.5, nil])
        let bad = load(["courses/c/m.xml": xml.replacingOccurrences(of: "hours=\"1.5\"", with: "hours=\"lots\"")])
        #expect(diagnostics(bad, .xmlSchemaViolation).first?.location.line == 4)
    }

    @Test("more than two decimals: rounded half up to 0.01 with warning CM210 at the number")
    func roundedNumbers() throws {
        let content = load(["courses/c/m.md": module("""
            title: 模块
            order: 1
            hours: 2.345
            competencies:
              cert:中级:1.1.1: {level: M, hours: 1.005}
            """)])
        let warnings = diagnostics(content, .roundedNumber)
        #expect(warnings.map(\.location.line) == [4, 6])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message.contains("counts as 2.35") == true)
        #expect(content.modules.first?.hours == 2.35)
        #expect(content.modules.first?.claims.first?.hours == 1.01)

        let xml = load(["courses/c/m.xml": """
            <module xmlns="urn:coursemap:module:1" order="1" hours="1.125">
              <title><zh>模块</zh></title>
              <body><p>正文</p></body>
            </module>
            """])
        #expect(diagnostics(xml, .roundedNumber).map(\.location.line) == [1])
        #expect(xml.modules.first?.hours == 1.13)

        let course = load(["courses/c/course.md": """
            ---
            code: "01"
            title: 课程
            credits: 2
            hours: {theory: 10.333, practice: 6}
            semester: 1
            type: 专业核心课
            ---
            """])
        #expect(diagnostics(course, .roundedNumber).map(\.location.line) == [5])
        #expect(course.courses.first?.hours.theory == 10.33)

        let bank = load(["exercises/b.xml": """
            <bank xmlns="urn:coursemap:exercises:1" id="b">
              <title><zh>题库</zh></title>
              <truefalse id="q1" score="2.5"><stem>对吗</stem><answer>true</answer></truefalse>
              <truefalse id="q2" score="0.125"><stem>对吗</stem><answer>true</answer></truefalse>
            </bank>
            """])
        #expect(diagnostics(bank, .roundedNumber).map(\.location.line) == [4])
        #expect(bank.banks.first?.sections.flatMap(\.items).map(\.score) == [2.5, 0.13])
    }

    @Test("stated hours beyond the module's are CM413 at the mapping that crosses them, per scope")
    func statedBeyondModule() throws {
        let content = load(["courses/c/m.md": module("""
            title: 模块
            order: 1
            hours: 4
            competencies:
              cert:中级:1.1.1: {level: M, hours: 3}
              po:K1: {level: M, hours: 4}
              cert:中级:1.1.2: {level: R, hours: 2}
              cert:中级:1.1.3: {level: R, hours: 1}
            """)])
        let errors = diagnostics(content, .statedHoursExceedModule)
        #expect(errors.map(\.location.line) == [8], "the outcomes scope states 4 of 4: fine; 中级 crosses at 1.1.2, once")
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.message.contains("cert:中级") == true)

        let xml = load(["courses/c/m.xml": """
            <module xmlns="urn:coursemap:module:1" order="1" hours="1">
              <title><zh>模块</zh></title>
              <competencies>
                <competency ref="cert:中级:1.1.1" level="M" hours="0.5"/>
                <competency ref="cert:中级:1.1.2" level="R" hours="0.51"/>
              </competencies>
              <body><p>正文</p></body>
            </module>
            """])
        #expect(diagnostics(xml, .statedHoursExceedModule).map(\.location.line) == [5])
    }

    @Test("some but not all areas of a level weighted: CM415 at the first area without a weight")
    func partialWeights() throws {
        let framework = """
            <certificate xmlns="urn:coursemap:framework:1" id="cert">
              <title><zh>证书</zh></title>
              <level name="初级">
                <area code="1"><zh>领域</zh>
                  <task code="1.1"><zh>任务</zh><requirement code="1.1.1"><zh>要求</zh></requirement></task>
                </area>
              </level>
              <level name="中级">
                <area code="1" weight="8.3"><zh>领域</zh>
                  <task code="1.1"><zh>任务</zh><requirement code="1.1.1"><zh>要求</zh></requirement></task>
                </area>
                <area code="2"><zh>领域</zh>
                  <task code="2.1"><zh>任务</zh><requirement code="2.1.1"><zh>要求</zh></requirement></task>
                </area>
              </level>
            </certificate>
            """
        let content = load(["frameworks/cert.xml": framework])
        let warnings = diagnostics(content, .partialBlueprintWeights)
        #expect(warnings.map(\.location.line) == [12], "初级 has no weights at all: no warning")
        #expect(warnings.first?.severity == .warning)
        let area = content.frameworks.first?.levels.last?.areas.first
        #expect(area?.weightText == "8.3")
        #expect(area?.weight == 8.3)
    }

    @Test("coverage settings: lectures_as_hours, class_hour_minutes (1–600), the tolerance as given")
    func settings() throws {
        let content = load(["coursemap.yml": "title: 测试\ncoverage:\n  blueprint_tolerance: 8.30\n  lectures_as_hours: true\n  class_hour_minutes: 40\n"])
        let rules = try #require(content.config?.coverageRules)
        #expect(rules.blueprintToleranceText == "8.30")
        #expect(rules.blueprintTolerance == 8.3)
        #expect(rules.lecturesAsHours)
        #expect(rules.classHourMinutes == 40)
        let defaults = try #require(load([:]).config?.coverageRules)
        #expect(defaults.blueprintToleranceText == "10" && !defaults.lecturesAsHours && defaults.classHourMinutes == 45)
        let bad = load(["coursemap.yml": "title: 测试\ncoverage:\n  class_hour_minutes: 601\n"])
        #expect(diagnostics(bad, .numberOutOfRange).map(\.location.line) == [3])
    }

    @Test("a micro-lecture mapping that states hours is told that only module mappings state hours, not that its level is wrong")
    func lectureStatedHours() throws {
        let lecture = "---\ntitle: 讲\nduration: 3:40\nvideo: https://example.org/v.webm\ncompetencies:\n  cert:中级:1.1.1: {level: I, hours: 3}\n---\n[0:01] 开始\n"
        let content = load(["lectures/l.md": lecture])
        let reported = try #require(content.diagnostics.sorted.first { $0.location.line == 6 })
        #expect(reported.message.contains("only a module's mapping states hours"), "\(reported.message)")
        #expect(!reported.message.contains("must be I (introduced)"))
    }
}
