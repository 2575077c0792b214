import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation
import Testing

let frameworkXML = """
    <certificate xmlns="urn:coursemap:framework:1" id="cert">
      <title><zh>证书</zh></title>
      <level name="中级">
        <area code="1"><zh>领域</zh>
          <task code="1.1"><zh>任务</zh>
            <requirement code="1.1.1"><zh>要求一</zh></requirement>
            <requirement code="1.1.2"><zh>要求二</zh></requirement>
          </task>
        </area>
      </level>
    </certificate>
    """

let courseMD = """
    ---
    code: "01"
    title: 课程
    credits: 2
    hours: {theory: 10, practice: 6}
    semester: 1
    type: 专业核心课
    ---
    """

func resolve(_ files: [String: String]) -> (Program, DiagnosticList) {
    var tree = ["coursemap.yml": "title: 测试\n", "frameworks/cert.xml": frameworkXML, "courses/c/course.md": courseMD]
    tree.merge(files) { _, new in new }
    let loaded = ContentLoader(source: .memory(tree)).load()
    #expect(!loaded.diagnostics.hasErrors, "load errors: \(loaded.diagnostics.sorted)")
    let (program, diagnostics) = Resolver.resolve(loaded)
    return (program, diagnostics)
}

func module(order: Int, _ competencies: String = "") -> String {
    "---\ntitle: 模块\norder: \(order)\nhours: 2\n" + (competencies.isEmpty ? "" : "competencies:\n\(competencies)\n") + "---\n"
}

@Suite("Resolver")
struct ResolverTests {
    @Test("unknown competency: CM401 at the line of the reference, with the near miss")
    func unknownCompetency() throws {
        let (program, diagnostics) = resolve(["courses/c/m.md": module(order: 1, "  cert:中级:1.1.1: I\n  cert:中级:1.1.3: R")])
        let diagnostic = try #require(diagnostics.items.first)
        #expect(diagnostic.code == .unknownCompetency)
        #expect(diagnostic.location.file == "courses/c/m.md")
        #expect(diagnostic.location.line == 7)
        #expect(diagnostic.message.contains("cert:中级:1.1.3"))
        #expect(diagnostic.message.contains("did you mean"))
        // The valid claim survives; the broken one is left out of the index.
        #expect(program.mappings[CompetencyID(parsing: "cert:中级:1.1.1")!]?.count == 1)
        #expect(program.modules(of: "c").first?.claims.count == 1)
    }

    @Test("unknown framework or level: CM408")
    func unknownFramework() throws {
        let (_, diagnostics) = resolve(["courses/c/m.md": module(order: 1, "  cret:中级:1.1.1: I\n  cert:高级:1.1.1: I")])
        #expect(diagnostics.items.map(\.code) == [.unknownFramework, .unknownFramework])
        #expect(diagnostics.items[0].message.contains("did you mean 'cert'"))
        #expect(diagnostics.items[1].message.contains("no level 高级"))
    }

    @Test("duplicate module id: CM403 at both places")
    func duplicateModule() {
        let (_, diagnostics) = resolve([
            "courses/c/a.md": module(order: 1).replacingOccurrences(of: "title:", with: "id: same\ntitle:"),
            "courses/d/course.md": courseMD,
            "courses/d/b.md": module(order: 1).replacingOccurrences(of: "title:", with: "id: same\ntitle:"),
        ])
        let duplicates = diagnostics.items.filter { $0.code == .duplicateID }
        #expect(Set(duplicates.map(\.location.file)) == ["courses/c/a.md", "courses/d/b.md"])
    }

    @Test("a course folder without course.md: CM406")
    func missingCourse() {
        let (_, diagnostics) = resolve(["courses/orphan/m.md": module(order: 1)])
        #expect(diagnostics.items.map(\.code) == [.missingCourse])
        #expect(diagnostics.items.first?.location.file == "courses/orphan/m.md")
    }

    @Test("the same competency mapped twice in one XML module: CM405 warning")
    func duplicateMapping() {
        let xml = """
            <module xmlns="urn:coursemap:module:1" order="1" hours="1">
              <title><zh>t</zh></title>
              <competencies>
                <competency ref="cert:中级:1.1.1" level="I"/>
                <competency ref="cert:中级:1.1.1" level="M"/>
              </competencies>
              <body><p>x</p></body>
            </module>
            """
        let (_, diagnostics) = resolve(["courses/c/m.xml": xml])
        #expect(diagnostics.items.map(\.code) == [.duplicateMapping])
        #expect(diagnostics.items.first?.severity == .warning)
        #expect(diagnostics.items.first?.location.line == 5)
    }

    @Test("modules are ordered by their order field and indexed per competency")
    func ordering() {
        let (program, diagnostics) = resolve([
            "courses/c/b.md": module(order: 2, "  cert:中级:1.1.1: M"),
            "courses/c/a.md": module(order: 1, "  cert:中级:1.1.1: I"),
        ])
        #expect(diagnostics.isEmpty)
        #expect(program.modules(of: "c").map(\.id) == ["a", "b"])
        #expect(program.mappings[CompetencyID(parsing: "cert:中级:1.1.1")!]?.map(\.level) == [.introduced, .mastered])
        #expect(program.reportScopes == [FrameworkScope(framework: "cert", level: .intermediate)])
    }

    @Test("a course's certificate integration must name an existing level: CM408")
    func integrationScope() {
        let course = courseMD.replacingOccurrences(of: "type: 专业核心课", with: "type: 专业核心课\ncertificates:\n  cert:初级: 置换")
        let (_, diagnostics) = resolve(["courses/c/course.md": course])
        #expect(diagnostics.items.map(\.code) == [.unknownFramework])
        #expect(diagnostics.items.first?.location.line == 9)
    }
}

@Suite("Banks, sidecars and embeds")
struct BankResolutionTests {
    let moodle = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category"><category><text>$course$/术语</text></category></question>
          <question type="truefalse">
            <name><text>FOB 风险</text></name>
            <questiontext format="html"><text><![CDATA[<p>FOB 风险在装船时转移。</p>]]></text></questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
          <question type="truefalse">
            <name><text>EXW 义务</text></name>
            <questiontext format="html"><text><![CDATA[<p>EXW 卖方负责出口清关。</p>]]></text></questiontext>
            <answer fraction="0"><text>true</text></answer>
            <answer fraction="100"><text>false</text></answer>
          </question>
        </quiz>
        """

    @Test("a sidecar names an imported bank and maps its items; unmapped items and unknown keys are reported")
    func sidecar() throws {
        let sidecar = """
            id: terms
            title:
              zh: 术语
            course: c
            usage: practice
            items:
              "FOB 风险":
                assesses: [cert:中级:1.1.1]
                usage: exam
              "不存在的题":
                assesses: [cert:中级:1.1.2]
            """
        let (program, diagnostics) = resolve(["exercises/imported.xml": moodle, "exercises/imported.bank.yml": sidecar])
        let bank = try #require(program.bank("terms"))
        #expect(bank.source == .moodle && bank.courseID == "c" && bank.title.zh == "术语")
        // The entry's exam narrows the bank's default practice (the other way round is CM317: UsagePrecedenceTests).
        #expect(bank.items.map(\.usage) == [.exam, .practice])
        #expect(bank.items.first?.assesses.map(\.competency.description) == ["cert:中级:1.1.1"])
        #expect(program.assessments[CompetencyID(parsing: "cert:中级:1.1.1")!]?.map(\.itemID) == [bank.items[0].id])
        let unmapped = diagnostics.items.filter { $0.code == .unmappedItem }
        #expect(unmapped.count == 1 && unmapped[0].message.contains("EXW 义务"))
        #expect(unmapped[0].location.file == "exercises/imported.xml")
    }

    @Test("a description item (text without a question) never assesses: a sidecar mapping it is a warning at the entry")
    func descriptionNeverAssesses() throws {
        let quiz = moodle.replacingOccurrences(of: "</quiz>", with: """
              <question type="description">
                <name><text>说明</text></name>
                <questiontext format="html"><text><![CDATA[<p>本题库练习贸易术语。</p>]]></text></questiontext>
              </question>
            </quiz>
            """)
        let sidecar = """
            id: terms
            course: c
            items:
              "FOB 风险":
                assesses: [cert:中级:1.1.1]
              "EXW 义务":
                assesses: [cert:中级:1.1.1]
              "说明":
                assesses: [cert:中级:1.1.2]
                usage: exam
            """
        let (program, diagnostics) = resolve(["exercises/imported.xml": quiz, "exercises/imported.bank.yml": sidecar])
        let bank = try #require(program.bank("terms"))
        let description = try #require(bank.items.first { $0.kind == .description })
        #expect(description.assesses.isEmpty)
        #expect(program.assessments[CompetencyID(parsing: "cert:中级:1.1.2")!] == nil, "1.1.2 stays not assessed")
        let warning = try #require(diagnostics.items.first { $0.message.contains("description") })
        #expect(warning.severity == .warning && warning.code == .invalidValue)
        #expect(warning.location.file == "exercises/imported.bank.yml" && warning.location.line == 9)
    }

    @Test("embeds of banks, items, lectures and resources that do not exist: CM315 at the line")
    func danglingEmbeds() throws {
        let bankXML = "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"b\"><title><zh>题库</zh></title><truefalse id=\"t\"><assesses ref=\"cert:中级:1.1.1\"/><stem>x</stem><answer>true</answer></truefalse></bank>"
        let module = "---\ntitle: 模块\norder: 1\nhours: 2\n---\n正文\n\n{{embed item:b/t}}\n\n{{embed item:b/nope}}\n\n{{embed bank:bb}}\n\n{{embed lecture:gone}}\n\n{{embed resource:gone}}\n"
        let (program, diagnostics) = resolve(["exercises/b.xml": bankXML, "courses/c/m.md": module])
        #expect(diagnostics.items.map(\.code) == Array(repeating: .unknownItemReference, count: 4))
        #expect(diagnostics.items.map(\.location.line) == [10, 12, 14, 16])
        #expect(diagnostics.items[0].message == "bank 'b' has no item 'nope'")
        #expect(diagnostics.items[1].message.contains("did you mean 'b'"))
        #expect(diagnostics.items[2].message == "no micro-lecture 'gone' for lecture:gone")
        #expect(diagnostics.items[3].message == "no resource 'gone' for resource:gone")
        #expect(program.modules(of: "c").first?.body.embeds.count == 5)
    }
}

@Suite("Lectures, resources and their files")
struct MediaResolutionTests {
    func lecture(_ extra: String = "") -> String {
        "---\ntitle: 微课\nduration: \"0:10\"\nvideo: lectures/media/v.webm\ncaptions:\n  zh-CN: lectures/media/v.vtt\ncourse: c\nmodules: [m, nope]\ncompetencies:\n  cert:中级:1.1.1: M\n\(extra)---\n[00:00] 文字稿。\n"
    }

    @Test("missing files (CM322), cues past the end (CM321), unknown modules (CM410), unreferenced files (CM107)")
    func problems() {
        let (program, diagnostics) = resolve([
            "courses/c/m.md": module(order: 1),
            "lectures/l.md": lecture(),
            "lectures/media/v.vtt": "WEBVTT\n\n00:00.000 --> 00:05.000\n甲\n\n00:05.000 --> 00:12.000\n乙\n",
            "lectures/media/orphan.jpg": "x",
            "resources/deck.pdf.yml": "title: 课件\nkind: slides\n",
        ])
        let byCode = Dictionary(grouping: diagnostics.items, by: \.code)
        #expect(byCode[.missingAsset]?.map(\.location.file).sorted() == ["lectures/l.md", "resources/deck.pdf.yml"])
        #expect(byCode[.missingAsset]?.first { $0.location.file == "lectures/l.md" }?.location.line == 4)
        #expect(byCode[.captionsOutsideVideo]?.map(\.location) == [SourceLocation(file: "lectures/media/v.vtt", line: 6, column: 1)])
        #expect(byCode[.unknownModule]?.map(\.location.line) == [8])
        #expect(byCode[.unreferencedFile]?.map(\.location.file) == ["lectures/media/orphan.jpg"])
        #expect(program.lectures.first?.modules.map(\.moduleID) == ["m"])
        #expect(program.lectureMappings[CompetencyID(parsing: "cert:中级:1.1.1")!]?.first?.minutes == 10.0 / 60)
    }

    @Test("a requirement's resources are listed kind, then id (the library's kind order), whatever the ids say")
    func resourcesKindThenID() {
        func sidecar(_ kind: String) -> String { "title: 资源\nkind: \(kind)\ncompetencies:\n  cert:中级:1.1.1: R\n" }
        let (program, _) = resolve([
            "resources/a-notes.pdf": "x", "resources/a-notes.pdf.yml": sidecar("document"),
            "resources/b-deck.pdf": "x", "resources/b-deck.pdf.yml": sidecar("slides"),
            "resources/c-data.csv": "x", "resources/c-data.csv.yml": sidecar("dataset"),
            "resources/d-deck.pdf": "x", "resources/d-deck.pdf.yml": sidecar("slides"),
        ])
        #expect(program.resources.map(\.id) == ["b-deck", "d-deck", "c-data", "a-notes"])
        #expect(program.resourceMappings[CompetencyID(parsing: "cert:中级:1.1.1")!] == ["b-deck", "d-deck", "c-data", "a-notes"])
    }

    @Test("files over assets.max_size_mb are reported (CM324) and still published")
    func largeFiles() {
        let (program, diagnostics) = resolve([
            "coursemap.yml": "title: 测试\nassets:\n  max_size_mb: 1\n",
            "lectures/l.md": lecture().replacingOccurrences(of: "modules: [m, nope]\n", with: "").replacingOccurrences(of: "course: c\n", with: ""),
            "lectures/media/v.webm": String(repeating: "x", count: 1_200_000),
            "lectures/media/v.vtt": "WEBVTT\n\n00:00.000 --> 00:05.000\n甲\n",
        ])
        #expect(diagnostics.items.map(\.code) == [.largeAsset])
        #expect(program.downloads.contains("lectures/media/v.webm"))
    }
}

@Suite("Module prerequisites")
struct PrerequisiteTests {
    @Test("unknown prerequisites (CM410) and cycles (CM411, at each reference of the cycle)")
    func cycles() {
        let (program, diagnostics) = resolve([
            "courses/c/a.md": "---\ntitle: A\norder: 1\nhours: 1\nprerequisites: [c]\n---\n",
            "courses/c/b.md": "---\ntitle: B\norder: 2\nhours: 1\nprerequisites: [a, ghost]\n---\n",
            "courses/c/c.xml": "<module xmlns=\"urn:coursemap:module:1\" order=\"3\" hours=\"1\"><title><zh>C</zh></title>\n<prerequisites><module ref=\"b\"/></prerequisites><body><p>x</p></body></module>",
            "courses/c/d.md": "---\ntitle: D\norder: 4\nhours: 1\nprerequisites: [a]\n---\n",
        ])
        let byCode = Dictionary(grouping: diagnostics.items, by: \.code)
        #expect(byCode[.unknownModule]?.map(\.location.file) == ["courses/c/b.md"])
        #expect(Set(byCode[.prerequisiteCycle]?.map(\.location.file) ?? []) == ["courses/c/a.md", "courses/c/b.md", "courses/c/c.xml"])
        #expect(byCode[.prerequisiteCycle]?.first?.message.contains("→") == true)
        #expect(program.modules(of: "c").first { $0.id == "d" }?.prerequisites.map(\.moduleID) == ["a"])
    }
}

@Suite("Course hours: CM414")
struct CourseHoursCheckTests {
    @Test("modules declaring more hours than their course: a warning at the first module where the running sum passes")
    func modulesBeyondCourse() throws {
        let here = SourceLocation(file: "x")
        let course = Course(
            id: "c", code: "01", title: LocalizedText(zh: "课"), credits: 1, hours: CourseHours(theory: 4, practice: 2), semester: 1,
            type: .professionalCore, integrations: [], description: RichText(html: ""), location: here)
        func module(_ id: String, _ hours: Double) -> Module {
            Module(id: id, courseID: "c", order: 1, title: LocalizedText(zh: id), hours: hours, format: .markdown, body: .empty, claims: [],
                   location: SourceLocation(file: "courses/c/\(id).md", line: 1, column: 1))
        }
        var diagnostics = DiagnosticList()
        Resolver.checkModuleHours(of: course, modules: [module("a", 3), module("b", 3), module("c", 2), module("d", 1)], into: &diagnostics)
        #expect(diagnostics.sorted.map(\.code) == [.moduleHoursExceedCourse])
        #expect(diagnostics.sorted.first?.location.file == "courses/c/c.md")
        #expect(diagnostics.sorted.first?.severity == .warning)
        var fine = DiagnosticList()
        Resolver.checkModuleHours(of: course, modules: [module("a", 3), module("b", 3)], into: &fine)
        #expect(fine.isEmpty)
    }
}
