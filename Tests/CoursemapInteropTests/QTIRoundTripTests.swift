import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Foundation
import Testing

/// One item of every kind, written in code as the loader would produce them.
enum QTISamples {
    static let here = SourceLocation(file: "banks/sample.xml", line: 1)

    static func claim(_ text: String) -> AssessmentClaim {
        AssessmentClaim(competency: CompetencyID(parsing: text)!, location: here)
    }

    static func rich(_ html: String) -> RichText { RichText(html: html) }

    static let items: [ExerciseItem] = [
        ExerciseItem(
            id: "single-inquiry", usage: .exam, difficulty: .hard, score: 2,
            stem: rich("<p>阿里巴巴国际站上，买家发来的<strong>询盘</strong>通常包含哪项信息？<u>只选一项</u>。</p>\n<p>A&amp;B &lt; C</p>"),
            body: .singleChoice([
                Choice(label: "A", text: rich("采购数量"), correct: true, feedback: rich("对：询盘写明数量。")),
                Choice(label: "B", text: rich("卖家的<em>银行账号</em>"), correct: false),
                Choice(label: "C", text: rich("物流单号"), correct: false),
                Choice(label: "D", text: rich("退货原因"), correct: false),
            ]),
            explanation: rich("<p>询盘是买家对产品的询价，包含数量、规格等。</p>"),
            assesses: [claim("b2b-data:中级:1.1.1"), claim("cbec-outcomes:K2")], location: here),
        ExerciseItem(
            id: "multiple-data", usage: .practice, difficulty: .medium, score: 3,
            stem: rich("<p>以下哪些是店铺数据分析的常用指标？</p>"),
            body: .multipleChoice([
                Choice(label: "A", text: rich("访客数"), correct: true),
                Choice(label: "B", text: rich("转化率"), correct: true),
                Choice(label: "C", text: rich("员工年龄"), correct: false),
            ]),
            assesses: [claim("b2b-data:中级:3.1.2")], location: here),
        ExerciseItem(
            id: "truefalse-rfq", usage: .exam, score: 1,
            stem: rich("<p>RFQ 是卖家发给买家的报价单。</p>"),
            body: .trueFalse(answer: false), explanation: rich("<p>RFQ 是买家发布的采购需求。</p>"), location: here),
        ExerciseItem(
            id: "fill-one", usage: .practice, score: 1,
            stem: rich("<p>买家发布的采购需求称为<span class=\"blank\" data-blank=\"1\"></span>。</p>"),
            body: .fillBlank([Blank(accepted: ["RFQ", "采购直达"], caseSensitive: true)]), location: here),
        ExerciseItem(
            id: "fill-two", usage: .exam, difficulty: .easy, score: 4,
            stem: rich("<p>国际站的两大流量来源是<span class=\"blank\" data-blank=\"1\"></span>和<span class=\"blank\" data-blank=\"2\"></span>。</p>"),
            body: .fillBlank([Blank(accepted: ["自然流量"]), Blank(accepted: ["付费流量", "P4P"])]), location: here),
        ExerciseItem(
            id: "fill-options", usage: .practice, score: 2,
            stem: rich("<p>信用证的英文缩写是<span class=\"blank\" data-blank=\"1\"></span>，电汇是<span class=\"blank\" data-blank=\"2\"></span>。</p>"),
            body: .fillBlank([
                Blank(accepted: ["L/C"], options: ["T/T", "L/C", "D/P"]),
                Blank(accepted: ["T/T", "TT"]),
            ]),
            location: here),
        ExerciseItem(
            id: "short-listing", usage: .exam, difficulty: .medium, score: 6,
            stem: rich("<p>简述产品标题优化的三个要点。</p>"),
            body: .shortAnswer(
                reference: rich("<p>标题应包含<strong>核心关键词</strong>、属性词和修饰词。</p><ul><li>不堆砌</li><li>不超长</li></ul>"),
                points: [
                    MarkingPoint(text: rich("包含核心关键词"), score: 2),
                    MarkingPoint(text: rich("属性词准确"), score: 2),
                    MarkingPoint(text: rich("<em>无</em>堆砌"), score: nil),
                ]),
            explanation: rich("<p>参考平台规则。</p>"), assesses: [claim("b2b-data:中级:1.2.1")], location: here),
        ExerciseItem(
            id: "matching-terms", usage: .practice, score: 4,
            stem: rich("<p>将术语与含义配对。</p>"),
            body: .matching([
                MatchPair(left: rich("FOB"), right: rich("船上交货")),
                MatchPair(left: rich("CIF"), right: rich("成本、保险费加运费")),
                MatchPair(left: rich("FAS"), right: rich("船上交货")),
                MatchPair(left: rich("<strong>EXW</strong>"), right: rich("工厂交货")),
            ]),
            location: here),
        ExerciseItem(
            id: "ordering-publish", usage: .practice, difficulty: .easy, score: 2,
            stem: rich("<p>按顺序排列发布产品的步骤。</p>"),
            body: .ordering([rich("选择类目"), rich("填写属性"), rich("上传图片"), rich("提交审核")]),
            location: here),
        ExerciseItem(
            id: "numerical-rate", usage: .exam, score: 2,
            stem: rich("<p>访客 400 人、下单 10 人，转化率是多少（%）？</p>"),
            body: .numerical([NumericAnswer(value: 2.5, tolerance: 0.05), NumericAnswer(value: 0.025, tolerance: 0, fraction: 50)]),
            explanation: rich("<p>10 ÷ 400 = 2.5%</p>"), location: here),
        ExerciseItem(
            id: "practical-analysis", title: LocalizedText(zh: "店铺数据诊断", en: "Store data diagnosis"), usage: .practice,
            difficulty: .hard, score: 20,
            stem: rich("<p>完成以下实训任务。</p>"),
            body: .practical(PracticalTask(
                scenario: rich("<p>某店铺近 30 天访客下降 <strong>20%</strong>。</p>"),
                steps: [rich("下载数据"), rich("<p>计算转化率</p><p>比较行业均值</p>"), rich("撰写报告")],
                datasets: [
                    Dataset(path: "datasets/store-30d.csv", title: LocalizedText(zh: "店铺 30 天数据", en: "30-day store data"), location: here),
                    Dataset(path: "datasets/industry.xlsx", title: LocalizedText(zh: "行业均值"), location: here),
                ],
                deliverable: rich("<p>一份不超过 800 字的诊断报告。</p>"),
                rubric: [
                    RubricCriterion(name: rich("数据准确"), levels: [
                        RubricLevel(points: 10, description: rich("计算<em>全部</em>正确")),
                        RubricLevel(points: 5, description: rich("少量错误")),
                        RubricLevel(points: 0, description: rich("大部分错误")),
                    ]),
                    RubricCriterion(name: rich("结论合理"), levels: [
                        RubricLevel(points: 10, description: rich("有依据")),
                        RubricLevel(points: 2.5, description: rich("依据不足")),
                    ]),
                ])),
            assesses: [claim("b2b-data:中级:3.2.1")], location: here),
        ExerciseItem(
            id: "2-description", usage: .practice, score: 0,
            stem: rich("<h3>第二部分</h3>\n<p>以下题目基于<a href=\"https://www.alibaba.com/\" rel=\"noopener\">国际站</a>后台数据。</p>"),
            body: .description, location: here),
    ]

    static let bank = ExerciseBank(
        id: "b2b-bank", title: LocalizedText(zh: "跨境电商 B2B 习题", en: "B2B exercises"), courseID: "cbec-data",
        sections: [
            ExerciseSection(title: LocalizedText(zh: "第一节"), items: Array(items.prefix(6))),
            ExerciseSection(items: Array(items.dropFirst(6))),
        ],
        location: SourceLocation(file: "banks/sample.xml", line: 1))
}

@Suite("QTI 2.1 export and round trip")
struct QTIRoundTripTests {
    static let exported = QTIExporter.export(QTISamples.bank)

    @Test("the samples cover every item kind")
    func coverage() {
        // The interactions of QTIInteractionExportTests, and items of several parts (exported as text), apart.
        let elsewhere = Set(QTIInteractionExportTests.items.map(\.kind)).union([.composite])
        #expect(Set(QTISamples.items.map(\.kind)).union(elsewhere) == Set(ItemKind.allCases))
    }

    @Test("the package has a manifest and one item file per item, all well-formed, without diagnostics")
    func package() throws {
        let (files, diagnostics) = Self.exported
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Set(files.keys) == Set(["imsmanifest.xml", "assessment-test.xml"] + QTISamples.items.map { "items/\($0.id).xml" }))
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            switch CoursemapXML.XMLParser.parse(text, file: name) {
            case .success: break
            case let .failure(problems): Issue.record("\(name) is not well-formed: \(problems.items)")
            }
            #expect(!text.contains("&nbsp;"), "\(name)")
            #expect(!text.contains("data-"), "\(name)")
        }
    }

    @Test("the manifest lists every item as an imsqti_item_xmlv2p1 resource with its file")
    func manifest() throws {
        let text = try #require(Self.exported.files["imsmanifest.xml"])
        let root = try QTITestSupport.parse(text, file: "imsmanifest.xml")
        #expect(root.name == "manifest")
        #expect(root.namespace == "http://www.imsglobal.org/xsd/imscp_v1p1")
        var resources = try #require(root.first("resources")).all("resource")
        #expect(resources.count == QTISamples.items.count + 1)
        // The last resource is the assessmentTest, which depends on every item.
        let test = resources.removeLast()
        #expect(test.attributes["type"] == "imsqti_test_xmlv2p1")
        #expect(test.attributes["href"] == "assessment-test.xml")
        #expect(test.all("dependency").compactMap { $0.attributes["identifierref"] } == resources.compactMap { $0.attributes["identifier"] })
        for (resource, item) in zip(resources, QTISamples.items) {
            #expect(resource.attributes["type"] == "imsqti_item_xmlv2p1")
            #expect(resource.attributes["href"] == "items/\(item.id).xml")
            #expect(resource.first("file")?.attributes["href"] == "items/\(item.id).xml")
            let identifier = try #require(resource.attributes["identifier"])
            #expect(identifier.hasPrefix("ITEM-"))
            let coursemap = try #require(resource.first("metadata")?.first("item"))
            #expect(coursemap.attributes["usage"] == item.usage.rawValue)
            #expect(coursemap.attributes["difficulty"] == item.difficulty?.rawValue)
            #expect(coursemap.all("assesses").map { $0.text } == item.assesses.map(\.competency.description))
        }
    }

    @Test("each item file is a complete QTI 2.1 assessmentItem")
    func itemShape() throws {
        for item in QTISamples.items {
            let text = try #require(Self.exported.files["items/\(item.id).xml"])
            let root = try QTITestSupport.parse(text, file: item.id)
            #expect(root.name == "assessmentItem")
            #expect(root.namespace == QTIImporter.namespace)
            #expect(root.attributes["adaptive"] == "false")
            #expect(root.attributes["timeDependent"] == "false")
            #expect(root.attributes["schemaLocation"] == "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd")
            #expect(root.attributes["title"]?.isEmpty == false)
            #expect(root.first("itemBody") != nil)
            #expect(root.all("outcomeDeclaration").contains { $0.attributes["identifier"] == "SCORE" })
            // Coursemap's own markers never use data-* attributes; blank markers are gone.
            #expect(!text.contains("class=\"blank\""), "\(item.id)")
            if item.explanation != nil {
                let feedback = try #require(root.first("modalFeedback"))
                #expect(feedback.attributes["outcomeIdentifier"] == "FEEDBACK")
                #expect(feedback.attributes["identifier"] == "SOLUTION")
                #expect(feedback.attributes["showHide"] == "show")
                #expect(root.all("outcomeDeclaration").contains { $0.attributes["identifier"] == "FEEDBACK" })
            }
        }
        // An id starting with a digit is not a QTI identifier: it gets a prefix, and the id travels in the metadata.
        let description = try QTITestSupport.parse(try #require(Self.exported.files["items/2-description.xml"]), file: "d")
        #expect(description.attributes["identifier"] == "I2-description")
        #expect(try QTITestSupport.parse(try #require(Self.exported.files["items/single-inquiry.xml"]), file: "s").attributes["identifier"] == "single-inquiry")
    }

    @Test("interactions and response processing by kind")
    func interactions() throws {
        func body(_ id: String) throws -> String { try #require(Self.exported.files["items/\(id).xml"]) }
        #expect(try body("single-inquiry").contains(#"<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">"#))
        #expect(try body("single-inquiry").contains("rptemplates/match_correct"))
        #expect(try body("multiple-data").contains(#"maxChoices="0""#))
        #expect(try body("truefalse-rfq").contains(#"<simpleChoice identifier="true">正确</simpleChoice>"#))
        #expect(try body("truefalse-rfq").contains(#"<simpleChoice identifier="false">错误</simpleChoice>"#))
        #expect(try body("fill-one").contains("<textEntryInteraction"))
        #expect(try body("fill-one").contains("rptemplates/map_response"))
        #expect(try body("fill-two").contains("<mapResponse identifier=\"RESPONSE_2\"/>"))
        #expect(try body("fill-options").contains("<inlineChoiceInteraction"))
        #expect(try body("short-listing").contains("<extendedTextInteraction"))
        #expect(try body("short-listing").contains(#"<rubricBlock view="scorer" class="coursemap-scoring">"#))
        #expect(try body("matching-terms").contains("<matchInteraction"))
        #expect(try body("matching-terms").contains("<value>L3 R1</value>"))
        #expect(try body("ordering-publish").contains("<orderInteraction"))
        #expect(try body("numerical-rate").contains(#"baseType="float""#))
        #expect(try body("numerical-rate").contains(#"<equal toleranceMode="absolute" tolerance="0.05 0.05">"#))
        #expect(try body("practical-analysis").contains(#"<rubricBlock view="scorer" class="coursemap-rubric">"#))
        #expect(try !body("2-description").contains("Interaction"))
        #expect(try !body("2-description").contains("responseDeclaration"))
    }

    @Test("export → parse → import gives the item back", arguments: QTISamples.items.map(\.id))
    func roundTrip(id: String) throws {
        let original = try #require(QTISamples.items.first { $0.id == id })
        let path = "items/\(id).xml"
        let text = try #require(Self.exported.files[path])
        let root = try QTITestSupport.parse(text, file: path)
        let (item, diagnostics) = QTIImporter.importItem(root, file: path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let imported = try #require(item)
        #expect(imported.id == original.id)
        #expect(imported.kind == original.kind)
        #expect(imported.title == original.title)
        #expect(imported.usage == original.usage)
        #expect(imported.difficulty == original.difficulty)
        #expect(imported.score == original.score)
        #expect(QTITestSupport.normalise(imported.stem.html) == QTITestSupport.normalise(original.stem.html))
        #expect(QTITestSupport.normalise(imported.body) == QTITestSupport.normalise(original.body))
        #expect(imported.explanation.map(QTITestSupport.normalise) == original.explanation.map(QTITestSupport.normalise))
        #expect(imported.assesses.map(\.competency) == original.assesses.map(\.competency))
        #expect(imported.importKey == root.attributes["identifier"])
        #expect(imported.location == SourceLocation(file: path, line: root.line))
        // Coursemap's hidden metadata never shows in the stem.
        #expect(!imported.stem.html.contains("coursemap"))
        #expect(!imported.stem.html.contains(">\(original.id)<"))
    }

    @Test("every shared fixture survives import → export → import")
    func fixturesReexported() throws {
        let names = try FileManagerListing.xmlFiles(in: QTITestSupport.fixtureDirectory)
        #expect(names.count >= 8)
        var items: [ExerciseItem] = []
        for name in names {
            if let item = try QTITestSupport.importFixture(name).item { items.append(item) }
        }
        #expect(items.count == names.count)
        let bank = ExerciseBank(id: "fixtures", title: LocalizedText(zh: "fixtures"), source: .qti, sections: [ExerciseSection(items: items)], location: QTISamples.here)
        let (files, diagnostics) = QTIExporter.export(bank)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for original in items {
            let text = try #require(files["items/\(original.id).xml"], "\(original.id)")
            // The package is put back under exercises/ of the same content folder (its pictures stay where
            // they were: an exported picture's src is its content path seen from items/).
            let path = "exercises/out/items/\(original.id).xml"
            let (item, problems) = QTIImporter.importItem(try QTITestSupport.parse(text, file: path), file: path)
            #expect(problems.isEmpty, "\(original.id): \(problems)")
            let again = try #require(item)
            #expect(again.id == original.id)
            #expect(again.title == original.title)
            #expect(again.score == original.score)
            // Pictures come back as the same placeholders, naming the same files seen from the package.
            #expect(QTITestSupport.normalise(again.stem.html) == QTITestSupport.normalise(original.stem.html), "\(original.id)")
            #expect(again.assets.map(\.alternative) == original.assets.map(\.alternative), "\(original.id)")
            #expect(again.assets.map(\.path) == original.assets.map { "exercises/out/" + $0.path }, "\(original.id)")
            #expect(QTITestSupport.normalise(again.body) == QTITestSupport.normalise(original.body), "\(original.id)")
        }
    }

    @Test("HTML entities and elements QTI lacks are converted, not copied")
    func entities() throws {
        let item = ExerciseItem(
            id: "entities", usage: .practice, score: 1,
            stem: RichText(html: "<p>a&nbsp;b &copy; &hellip; &unknown; &#x4E2D;<br>c<img src=\"x.png\"><del>old</del></p><figure><figcaption>图</figcaption></figure>"),
            body: .trueFalse(answer: true), location: QTISamples.here)
        let bank = ExerciseBank(id: "e", title: LocalizedText(zh: "e"), sections: [ExerciseSection(items: [item])], location: QTISamples.here)
        let (files, _) = QTIExporter.export(bank)
        let text = try #require(files["items/entities.xml"])
        let root = try QTITestSupport.parse(text, file: "entities.xml")
        for needle in ["&nbsp;", "&copy;", "&hellip;", "<br>", "<del>", "<figure>"] {
            #expect(!text.contains(needle), "\(needle) in \(text)")
        }
        #expect(text.contains("<br/>"))
        #expect(text.contains(#"<img src="x.png" alt=""/>"#))
        #expect(text.contains("&amp;unknown;"))
        let (imported, _) = QTIImporter.importItem(root, file: "entities.xml")
        let stem = try #require(imported).stem.html
        #expect(stem.contains("a\u{A0}b © … &amp;unknown; 中<br>c"))
        #expect(stem.contains("<del>old</del>"))
        #expect(stem.contains("<figure><figcaption>图</figcaption></figure>"))
    }

    @Test("duplicate item ids still give distinct files, with a warning")
    func duplicates() {
        let item = QTISamples.items[2]
        let bank = ExerciseBank(id: "d", title: LocalizedText(zh: "d"), sections: [ExerciseSection(items: [item, item])], location: QTISamples.here)
        let (files, diagnostics) = QTIExporter.export(bank)
        #expect(files.keys.sorted() == ["assessment-test.xml", "imsmanifest.xml", "items/truefalse-rfq-2.xml", "items/truefalse-rfq.xml"])
        // The test refers to both files, under distinct identifiers.
        #expect(files["assessment-test.xml"]?.contains(#"<assessmentItemRef identifier="truefalse-rfq-2" href="items/truefalse-rfq-2.xml"/>"#) == true)
        #expect(diagnostics.map(\.code) == [.duplicateID])
    }
}
