import CoursemapModel
import CoursemapXML
import Testing

@testable import CoursemapInterop

/// Export a bank with every item kind, parse the XML, import it, and compare.
@Suite("Moodle XML round trip")
struct MoodleRoundTripTests {
    typealias Support = MoodleTestSupport

    static let here = CoursemapModel.SourceLocation(file: "exercises/store-ops.xml", line: 3)

    static func claim(_ reference: String) -> AssessmentClaim {
        AssessmentClaim(competency: CompetencyID(parsing: reference)!, location: here)
    }

    static func item(
        _ id: String, _ title: String, usage: ItemUsage = .practice, difficulty: Difficulty? = nil, score: Double = 1,
        stem: String, body: ItemBody, explanation: String? = nil, assesses: [String] = []
    ) -> ExerciseItem {
        ExerciseItem(
            id: id, title: LocalizedText(zh: title), usage: usage, difficulty: difficulty, score: score, stem: RichText(html: stem),
            body: body, explanation: explanation.map { RichText(html: $0) }, assesses: assesses.map(claim), location: here)
    }

    static let practicalTask = PracticalTask(
        scenario: RichText(html: "<p>某店铺上月直通车花费上升，询盘却下降。</p>"),
        steps: [
            RichText(html: "<p>导入<strong>关键词报表</strong>并清洗数据。</p>"),
            RichText(html: "按地区汇总点击率 &amp; 转化率。"),
        ],
        datasets: [
            Dataset(path: "datasets/p4p_keyword_report.csv", title: LocalizedText(zh: "直通车关键词报表", en: "P4P keyword report"), location: here),
            Dataset(path: "datasets/p4p_by_region.csv", title: LocalizedText(zh: "分地区数据 <2024>"), location: here),
        ],
        deliverable: RichText(html: "<p>一页分析报告（PDF）。</p>"),
        rubric: [
            RubricCriterion(
                name: RichText(html: "数据清洗"),
                levels: [
                    RubricLevel(points: 10, description: RichText(html: "完整、准确")),
                    RubricLevel(points: 6, description: RichText(html: "基本完整")),
                    RubricLevel(points: 0, description: RichText(html: "未完成")),
                ]),
            RubricCriterion(
                name: RichText(html: "<em>结论</em>"),
                levels: [
                    RubricLevel(points: 10, description: RichText(html: "<p>有数据支撑</p>")),
                    RubricLevel(points: 2.5, description: RichText(html: "<p>缺少依据</p>")),
                ]),
        ])

    static let items: [ExerciseItem] = [
        item(
            "single-capital", "单选：首都", usage: .exam, difficulty: .easy, score: 2, stem: "<p>中国的首都是哪里？</p>",
            body: .singleChoice([
                Choice(label: "A", text: RichText(html: "北京"), correct: true, feedback: RichText(html: "<p>正确。</p>")),
                Choice(label: "B", text: RichText(html: "上海"), correct: false),
                Choice(label: "C", text: RichText(html: "<p>广州</p>"), correct: false, feedback: RichText(html: "不对")),
            ]),
            explanation: "<p>北京是中华人民共和国的首都。</p>", assesses: ["b2b-data:中级:1.1.1", "cbec-outcomes:K2"]),
        item(
            "multiple-platforms", "多选：平台", difficulty: .medium, score: 3, stem: "<p>下列哪些是<strong>跨境 B2B</strong>平台？</p>",
            body: .multipleChoice([
                Choice(label: "A", text: RichText(html: "阿里巴巴国际站"), correct: true),
                Choice(label: "B", text: RichText(html: "淘宝"), correct: false),
                Choice(label: "C", text: RichText(html: "中国制造网"), correct: true),
                Choice(label: "D", text: RichText(html: "环球资源"), correct: true),
                Choice(label: "E", text: RichText(html: "美团"), correct: false),
            ]),
            assesses: ["b2b-data:中级:1.2.1"]),
        item("tf-fob", "判断：FOB", difficulty: .hard, stem: "<p>FOB 价格包含海运费。</p>", body: .trueFalse(answer: false)),
        item(
            "fill-one", "填空：询盘", score: 1.5, stem: "<p>买家在国际站发布的采购需求称为<span class=\"blank\" data-blank=\"1\"></span>。</p>",
            body: .fillBlank([Blank(accepted: ["RFQ", "Request for Quotation"], caseSensitive: true)]),
            assesses: ["b2b-data:中级:4.1.2"]),
        item(
            "fill-two", "填空：术语", score: 4,
            stem: "<p>报价术语<span class=\"blank\" data-blank=\"1\"></span>表示离岸价，它属于<span class=\"blank\" data-blank=\"2\"></span>组。</p>",
            body: .fillBlank([
                Blank(accepted: ["FOB", "F.O.B."]),
                Blank(accepted: ["F"], options: ["E", "F", "C", "D"]),
            ])),
        item(
            "short-why", "简答：为什么", usage: .exam, score: 5, stem: "<p>简述询盘转化率下降的可能原因。</p>",
            body: .shortAnswer(
                reference: RichText(html: "<p>可能原因包括：报价过高、回复不及时、产品信息不完整。</p>"),
                points: [
                    MarkingPoint(text: RichText(html: "<p>报价因素</p>"), score: 2),
                    MarkingPoint(text: RichText(html: "回复时效"), score: 1.5),
                    MarkingPoint(text: RichText(html: "产品信息"), score: nil),
                ])),
        item(
            "match-terms", "匹配：术语", score: 3, stem: "<p>将术语与中文含义配对。</p>",
            body: .matching([
                MatchPair(left: RichText(html: "<p>FOB</p>"), right: RichText(html: "离岸价")),
                MatchPair(left: RichText(html: "CIF"), right: RichText(html: "成本、保险加运费")),
                MatchPair(left: RichText(html: "CFR"), right: RichText(html: "成本加运费 (C&amp;F)")),
            ])),
        item(
            "order-steps", "排序：发布流程", stem: "<p>把产品发布的步骤排好顺序。</p>",
            body: .ordering([
                RichText(html: "选择类目"), RichText(html: "<p>填写属性</p>"), RichText(html: "上传图片"), RichText(html: "提交审核"),
            ])),
        item(
            "numeric-rate", "计算：转化率", score: 2, stem: "<p>点击 200 次、询盘 7 个，转化率是多少（%）？</p>",
            body: .numerical([NumericAnswer(value: 3.5, tolerance: 0.1, fraction: 100), NumericAnswer(value: 3.5, tolerance: 0.5, fraction: 50)]),
            explanation: "<p>7 ÷ 200 = 3.5%</p>"),
        item(
            "practical-p4p", "实训：直通车诊断", usage: .exam, difficulty: .hard, score: 20, stem: "<p>完成一次直通车投放诊断。</p>",
            body: .practical(practicalTask), assesses: ["b2b-data:中级:2.1.1", "b2b-data:中级:3.2.1"]),
        item("about", "说明", score: 0, stem: "<p>以下题目均基于阿里巴巴国际站。</p>", body: .description),
    ]

    static let bank = ExerciseBank(
        id: "store-ops", title: LocalizedText(zh: "店铺运营基础"), description: LocalizedText(zh: "第一章习题"), source: .coursemap,
        sections: [
            ExerciseSection(title: LocalizedText(zh: "客观题"), items: Array(items[0..<5])),
            ExerciseSection(title: LocalizedText(zh: "主观题/实训"), items: Array(items[5...])),
        ],
        location: here)

    static func roundTrip(_ bank: ExerciseBank) throws -> (xml: String, exportDiagnostics: [Diagnostic], imported: Support.Imported) {
        let (xml, exportDiagnostics) = MoodleExporter.export(bank)
        let imported = try Support.importXML(xml, file: "exercises/store-ops.xml", bankID: bank.id)
        return (xml, exportDiagnostics, imported)
    }

    /// Bodies compare without the locations of datasets (those point at the Moodle file after import).
    static func comparable(_ body: ItemBody) -> ItemBody {
        guard case var .practical(task) = body else { return body }
        task.datasets = task.datasets.map { Dataset(path: $0.path, title: $0.title, location: here) }
        return .practical(task)
    }

    @Test("the bank exports and imports without diagnostics, keeping title, sections and order")
    func wholeBank() throws {
        let (xml, exportDiagnostics, imported) = try Self.roundTrip(Self.bank)
        #expect(exportDiagnostics.isEmpty)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.bank.id == "store-ops")
        #expect(imported.bank.title.zh == "店铺运营基础")
        #expect(imported.bank.source == .moodle)
        #expect(imported.bank.sections.map { $0.title?.zh } == ["客观题", "主观题/实训"])
        #expect(imported.items.map(\.id) == Self.items.map(\.id))
        // Every kind Moodle has a core question type for (QTIInteractionExportTests: the others are left out).
        let moodleKinds: Set<ItemKind> = [.singleChoice, .multipleChoice, .trueFalse, .fillBlank, .shortAnswer, .matching, .ordering, .numerical, .practical, .description]
        #expect(Set(imported.items.map(\.kind)) == moodleKinds)
        #expect(xml.contains("<text>$course$/店铺运营基础</text>"))
        #expect(xml.contains("<text>$course$/店铺运营基础/客观题</text>"))
        #expect(xml.contains("<text>$course$/店铺运营基础/主观题//实训</text>"))  // '/' in a name is doubled
    }

    @Test("every item survives the round trip", arguments: items.map(\.id))
    func item(_ id: String) throws {
        let original = try #require(Self.items.first { $0.id == id })
        let (_, _, imported) = try Self.roundTrip(Self.bank)
        let copy = try #require(imported.items.first { $0.id == id })
        #expect(copy.kind == original.kind)
        #expect(Support.normalised(copy.stem.html) == Support.normalised(original.stem.html))
        #expect(Self.comparable(copy.body) == Self.comparable(original.body))
        #expect(copy.assesses.map(\.competency) == original.assesses.map(\.competency))
        #expect(copy.usage == original.usage)
        #expect(copy.difficulty == original.difficulty)
        #expect(copy.score == original.score)
        #expect(copy.title == original.title)
        #expect(copy.importKey == original.title?.zh)
        #expect(copy.explanation.map { Support.normalised($0.html) } == original.explanation.map { Support.normalised($0.html) })
    }

    @Test("exported grades are all from Moodle's set and multiple-answer grades sum to 100")
    func exportedGrades() throws {
        let (xml, _, _) = try Self.roundTrip(Self.bank)
        let root = try CoursemapXML.XMLParser.parse(xml, file: "export.xml").get()
        #expect(root.name == "quiz")
        let questions = root.all("question")
        #expect(questions.count == Self.items.count + 3)  // plus the bank's and two section categories
        for question in questions where question.attributes["type"] != "ordering" {
            for answer in question.all("answer") {
                let fraction = try #require(answer.attributes["fraction"])
                #expect(MoodleFractions.isValid(fraction), "fraction \(fraction)")
            }
        }
        let multiple = try #require(questions.first { $0.first("single")?.text == "false" })
        let positive = multiple.all("answer").compactMap { Double($0.attributes["fraction"] ?? "") }.filter { $0 > 0 }
        #expect(positive == [33.33333, 33.33333, 33.33333])
        #expect(abs(positive.reduce(0, +) - 100) < 0.005)
        for question in questions where question.attributes["type"] != "category" {
            #expect(question.first("penalty") != nil)
            #expect(question.first("hidden")?.text == "0")
            #expect(question.first("questiontext")?.attributes["format"] == "html")
        }
    }

    @Test("types Moodle knows are used, with Coursemap's tags")
    func exportedTypes() throws {
        let (xml, _, _) = try Self.roundTrip(Self.bank)
        let root = try CoursemapXML.XMLParser.parse(xml, file: "export.xml").get()
        let types = root.all("question").map { $0.attributes["type"] ?? "" }.filter { $0 != "category" }
        #expect(types == [
            "multichoice", "multichoice", "truefalse", "shortanswer", "cloze", "essay", "matching", "ordering", "numerical", "essay",
            "description",
        ])
        let single = try #require(root.all("question").first { $0.attributes["type"] == "multichoice" })
        let tags = single.first("tags")?.all("tag").map { $0.first("text")?.text ?? "" } ?? []
        #expect(tags == [
            "coursemap:b2b-data:中级:1.1.1", "coursemap:cbec-outcomes:K2", "coursemap-id:single-capital", "coursemap-usage:exam",
            "coursemap-difficulty:easy",
        ])
        #expect(xml.contains("<penalty>0.3333333</penalty>"))
        #expect(xml.contains("买家在国际站发布的采购需求称为____。"))
        #expect(xml.contains("{2:SHORTANSWER:=FOB~=F.O.B.}"))
        #expect(xml.contains("{2:MULTICHOICE:E~=F~C~D}"))
        #expect(xml.contains("<responseformat>editor</responseformat>"))
        #expect(xml.contains("<div data-coursemap=\"reference\">"))
        #expect(xml.contains("<li data-score=\"1.5\">回复时效</li>"))
        #expect(xml.contains(
            "<li data-path=\"datasets/p4p_keyword_report.csv\" data-title-en=\"P4P keyword report\"><span data-coursemap=\"dataset-title\">直通车关键词报表</span>（<code>datasets/p4p_keyword_report.csv</code>）</li>"))
    }

    @Test("]]> inside HTML splits the CDATA section and survives")
    func cdataEnd() throws {
        let item = Self.item("cdata", "CDATA", stem: "<p>a ]]> b</p>", body: .trueFalse(answer: true), explanation: "x]]>y")
        let bank = ExerciseBank(id: "b", title: LocalizedText(zh: "B"), sections: [ExerciseSection(items: [item])], location: Self.here)
        let (xml, _, imported) = try Self.roundTrip(bank)
        #expect(xml.contains("]]]]><![CDATA[>"))
        let copy = try #require(imported.items.first)
        #expect(copy.stem.html == "<p>a ]]&gt; b</p>")
        #expect(copy.explanation?.html == "x]]&gt;y")
    }

    @Test("cloze answers with }, #, ~, \\ and a leading = or % round-trip")
    func clozeEscaping() throws {
        let awkward = Blank(accepted: ["a}b#c~d\\e", "=5", "50%"])
        let choice = Blank(accepted: ["%x"], options: ["%x", "<y> & z"])
        let item = Self.item(
            "awkward", "怪字符", score: 2, stem: "<p><span class=\"blank\" data-blank=\"1\"></span> and <span class=\"blank\" data-blank=\"2\"></span></p>",
            body: .fillBlank([awkward, choice]))
        let bank = ExerciseBank(id: "b", title: LocalizedText(zh: "B"), sections: [ExerciseSection(items: [item])], location: Self.here)
        let (_, exportDiagnostics, imported) = try Self.roundTrip(bank)
        #expect(exportDiagnostics.isEmpty)
        #expect(imported.diagnostics.isEmpty)
        let copy = try #require(imported.items.first)
        #expect(copy.body == item.body)
        #expect(copy.stem == item.stem)
    }

    @Test("an untitled section goes into the bank's own category")
    func untitledSection() throws {
        let item = Self.item("only", "唯一", stem: "<p>Q</p>", body: .trueFalse(answer: true))
        let bank = ExerciseBank(
            id: "b", title: LocalizedText(zh: "题库"), sections: [ExerciseSection(items: [item]), ExerciseSection(title: LocalizedText(zh: "空"), items: [])],
            location: Self.here)
        let (xml, _, imported) = try Self.roundTrip(bank)
        #expect(xml.components(separatedBy: "type=\"category\"").count == 2)  // one category, for the bank
        #expect(imported.bank.title.zh == "题库")
        #expect(imported.bank.sections.map { $0.title?.zh } == ["题库"])
        #expect(imported.items.map(\.id) == ["only"])
    }
}

extension MoodleRoundTripTests {
    @Test("export warns about tags Moodle would cut at 50 characters")
    func longTags() throws {
        let id = "an-item-id-that-is-rather-long-for-moodle-tags-really"
        let item = Self.item(id, "长", stem: "<p>?</p>", body: .trueFalse(answer: true))
        let bank = ExerciseBank(id: "b", title: LocalizedText(zh: "B"), sections: [ExerciseSection(items: [item])], location: Self.here)
        let (_, diagnostics) = MoodleExporter.export(bank)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("coursemap-id:\(id)") == true)
        #expect(diagnostics.first?.location == Self.here)
    }

    @Test("export warns about items Moodle will refuse, and still writes them")
    func exportWarnings() throws {
        let items = [
            Self.item("none", "无", stem: "<p>?</p>", body: .singleChoice([Choice(label: "A", text: RichText(html: "a"), correct: false)])),
            Self.item("pair", "一对", stem: "<p>?</p>", body: .matching([MatchPair(left: RichText(html: "a"), right: RichText(html: "b"))])),
            Self.item("odd", "怪分", stem: "<p>?</p>", body: .numerical([NumericAnswer(value: 1, fraction: 33)])),
        ]
        let bank = ExerciseBank(id: "b", title: LocalizedText(zh: "B"), sections: [ExerciseSection(items: items)], location: Self.here)
        let (xml, diagnostics) = MoodleExporter.export(bank)
        #expect(diagnostics.map(\.code) == [.invalidItem, .invalidItem, .invalidFraction])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(xml.contains("<answer fraction=\"33.33333\" format=\"moodle_auto_format\">"))
        let imported = try MoodleTestSupport.importXML(xml)
        #expect(imported.items.map(\.id) == ["odd"])  // the other two cannot be answered
    }
}
