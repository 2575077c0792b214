import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Testing

/// The property behind "a student page carries no information about an exam answer": for every item kind,
/// an exam item rendered with any of several random keys (which choice is correct, which right side
/// matches which left, the correct order, the accepted blank answers and the position of the right option
/// among a blank's options, the reference answer, feedback and explanation) gives a student edition whose
/// files are byte for byte the same. The same items as practice items must differ, which shows the
/// comparison can see a key.
@Suite("Exam pages carry no key")
struct ExamKeyIndependenceTests {
    @Test("every file of the student edition is the same whatever the key of an exam item", arguments: ItemKind.allCases)
    func examKeyIndependent(kind: ItemKind) throws {
        var random = SplitMix(seed: UInt64(ItemKind.allCases.firstIndex(of: kind)! + 1) &* 0x9E37_79B9_7F4A_7C15)
        let sites = (0..<8).map { _ in Self.studentSite(ExamKeys.item(kind, usage: .exam, using: &random)) }
        let first = try #require(sites.first)
        #expect(first.files.keys.contains("banks/exam/x.html"))
        #expect(!first.files.keys.contains { $0.hasSuffix("answers.html") }, "the answer sheet is for the teacher edition only")
        // The item is embedded in the module and in the lecture transcript too.
        for path in ["courses/c/m1.html", "lectures/l1.html"] {
            #expect(String(decoding: first.files[path] ?? [], as: UTF8.self).contains("id=\"item-x\""), "\(path) does not embed the item")
        }
        for (index, site) in sites.enumerated().dropFirst() {
            #expect(site.files.keys.sorted() == first.files.keys.sorted())
            for (path, bytes) in first.files where site.files[path] != bytes {
                Issue.record("\(kind): \(path) differs between key 0 and key \(index)")
            }
        }
    }

    @Test("the same items as practice items show their key, so the comparison above can fail", arguments: ItemKind.allCases)
    func practiceShowsKey(kind: ItemKind) {
        var random = SplitMix(seed: UInt64(ItemKind.allCases.firstIndex(of: kind)! + 1) &* 0x9E37_79B9_7F4A_7C15)
        let pages = Set((0..<8).map { _ in Self.studentSite(ExamKeys.item(kind, usage: .practice, using: &random)).files["banks/exam/x.html"] ?? [] })
        #expect(pages.count > 1, "\(kind): practice pages did not change with the key")
    }

    @Test("an exam ordering shows the same order whatever the correct order; practice keeps the id-seeded shuffle")
    func notTheOldShuffle() throws {
        let steps = ["甲", "乙", "丙", "丁", "戊"].map { RichText(html: $0) }
        // Whatever the correct order, the displayed order is that of the canonical (sorted) texts, shuffled.
        var shown: Set<[String]> = []
        for rotation in 0..<steps.count {
            let rotated = Array(steps[rotation...] + steps[..<rotation])
            let order = DisplayOrder.permutation(of: rotated.map(\.html), usage: .exam, seed: "x")
            shown.insert(order.map { rotated[$0].html })
        }
        #expect(shown.count == 1)
        // Practice items keep the seeded shuffle of the authored order (their self-check key refers to it).
        #expect(DisplayOrder.permutation(of: steps.map(\.html), usage: .practice, seed: "x") == Shuffle.permutation(5, seed: "x"))
    }

    @Test("exam choices whose source shuffles them show the same page whichever choice the author wrote first and marked right",
        arguments: [ItemKind.singleChoice, .multipleChoice])
    func shuffledChoices(kind: ItemKind) throws {
        var random = SplitMix(seed: kind == .singleChoice ? 7 : 11)
        var sites: [RenderedSite] = []
        for _ in 0..<8 {
            // The habit of writing the right answer first: the correct choices lead the written order.
            let correct = Set(ExamKeys.choiceTexts.shuffled(using: &random).prefix(kind == .singleChoice ? 1 : Int.random(in: 1...3, using: &random)))
            let written = ExamKeys.choiceTexts.filter(correct.contains).shuffled(using: &random) + ExamKeys.choiceTexts.filter { !correct.contains($0) }.shuffled(using: &random)
            let choices = written.enumerated().map { index, text in
                Choice(label: ["A", "B", "C", "D"][index], text: RichText(html: text), correct: correct.contains(text))
            }
            var item = ExamKeys.item(kind, usage: .exam, using: &random)
            item.body = kind == .singleChoice ? .singleChoice(choices) : .multipleChoice(choices)
            item.explanation = nil
            item.shuffleChoices = true
            sites.append(Self.studentSite(item))
        }
        for site in sites.dropFirst() { #expect(site.files == sites[0].files) }
    }

    @Test("the teacher edition labels a reordered exam choice the same in the list and on the answer sheet")
    func teacherLabels() throws {
        let choices = ExamKeys.choiceTexts.enumerated().map { index, text in
            Choice(label: ["A", "B", "C", "D"][index], text: RichText(html: text), correct: index == 0)
        }
        let item = ExerciseItem(
            id: "x", usage: .exam, score: 1, stem: RichText(html: "<p>题干</p>"), body: .singleChoice(choices), shuffleChoices: true,
            location: SourceLocation(file: "exercises/exam.xml", line: 2))
        let site = Self.studentSite(item, edition: .teacher)
        let page = String(decoding: site.files["banks/exam/x.html"] ?? [], as: UTF8.self)
        let sheet = String(decoding: site.files["banks/exam/answers.html"] ?? [], as: UTF8.self)
        // The correct choice's row: <li class="choice correct"><label><input … value="L"> <span class="choice-label">L.</span> <span class="choice-text">离岸价</span>
        let row = try #require(page.components(separatedBy: "<li class=\"choice correct\">").dropFirst().first)
        #expect(row.contains("离岸价"))
        let label = try #require(row.components(separatedBy: "<span class=\"choice-label\">").dropFirst().first?.prefix(1))
        #expect(sheet.contains("<td>\(label)</td>"), "answer sheet should name \(label)")
        // Written first as A, shown elsewhere: the label follows the position, on the page and on the sheet.
        #expect(label != "A")
        #expect(page.contains("<span class=\"choice-label\">A.</span>"))
    }

    /// Renders the student edition of a small site whose bank `exam` holds `item` (id `x`), embedded in a
    /// module as an item and as a bank card.
    static func studentSite(_ item: ExerciseItem, edition: Edition = .student) -> RenderedSite {
        let tree = [
            "coursemap.yml": "title:\n  zh: 测试\n",
            "frameworks/cert.xml": """
                <certificate xmlns="urn:coursemap:framework:1" id="cert">
                  <title><zh>证书</zh></title>
                  <level name="中级"><area code="1"><zh>领域</zh><task code="1.1"><zh>任务</zh>
                    <requirement code="1.1.1"><zh>要求</zh></requirement></task></area></level>
                </certificate>
                """,
            "courses/c/course.md": "---\ncode: \"01\"\ntitle: 课程\ncredits: 2\nhours: {theory: 10, practice: 6}\nsemester: 1\ntype: 专业核心课\n---\n",
            "courses/c/m1.md": "---\ntitle: 模块\norder: 1\nhours: 1\n---\n正文\n\n{{embed item:exam/x}}\n\n{{embed bank:exam}}\n",
            "lectures/l1.md": "---\ntitle: 讲座\nduration: \"0:12\"\nvideo: lectures/media/l1.webm\ncourse: c\n---\n[00:00] 开始。\n\n{{embed item:exam/x}}\n\n[00:06] 结束。\n",
            "lectures/media/l1.webm": "",
        ]
        var loaded = ContentLoader(source: .memory(tree)).load()
        let here = SourceLocation(file: "exercises/exam.xml", line: 1)
        loaded.banks.append(ExerciseBank(
            id: "exam", title: LocalizedText(zh: "考试题库"), source: .coursemap, sections: [ExerciseSection(items: [item])], location: here))
        let (program, _) = Resolver.resolve(loaded)
        return SiteRenderer.render(program, coverage: CoverageAnalyser.analyse(program), edition: edition).site
    }
}

/// Random keys for one item of each kind: the texts a student sees are fixed, only the key changes.
enum ExamKeys {
    static let choiceTexts = ["离岸价", "到岸价", "成本加运费", "工厂交货"]
    static let lefts = ["FOB", "CIF", "CFR", "EXW"]
    static let targets = ["离岸价", "到岸价", "成本加运费", "工厂交货", "目的港交货"]
    static let steps = ["询盘", "报价", "还盘", "接受", "签约"]
    static let options = ["点击率", "转化率", "客单价", "复购率"]
    static let words = ["CTR", "UV", "GMV", "ROI", "SKU"]

    static func item(_ kind: ItemKind, usage: ItemUsage, using random: inout SplitMix) -> ExerciseItem {
        let body: ItemBody
        func feedback() -> RichText? { Bool.random(using: &random) ? RichText(html: "<p>\(words.randomElement(using: &random)!)</p>") : nil }
        switch kind {
        case .singleChoice:
            let correct = Int.random(in: 0..<choiceTexts.count, using: &random)
            body = .singleChoice(choiceTexts.enumerated().map { index, text in
                Choice(label: ["A", "B", "C", "D"][index], text: RichText(html: text), correct: index == correct, feedback: feedback())
            })
        case .multipleChoice:
            var flags = choiceTexts.map { _ in Bool.random(using: &random) }
            if !flags.contains(true) { flags[Int.random(in: 0..<flags.count, using: &random)] = true }
            body = .multipleChoice(choiceTexts.enumerated().map { index, text in
                Choice(label: ["A", "B", "C", "D"][index], text: RichText(html: text), correct: flags[index], feedback: feedback())
            })
        case .trueFalse:
            body = .trueFalse(answer: Bool.random(using: &random))
        case .fillBlank:
            let shuffled = options.shuffled(using: &random)
            body = .fillBlank([
                Blank(accepted: [shuffled.randomElement(using: &random)!], options: shuffled, caseSensitive: Bool.random(using: &random)),
                Blank(accepted: Array(words.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))), caseSensitive: Bool.random(using: &random)),
            ])
        case .shortAnswer:
            body = .shortAnswer(
                reference: RichText(html: "<p>\(words.randomElement(using: &random)!)</p>"),
                points: words.shuffled(using: &random).prefix(2).map { MarkingPoint(text: RichText(html: $0), score: Double(Int.random(in: 1...5, using: &random))) })
        case .matching:
            // The targets a student sees are always the same five texts; the key picks one per left item
            // (two left items may share one) and the rest are distractors, in a random written order.
            let assigned = lefts.map { _ in targets.randomElement(using: &random)! }
            let distractors = targets.filter { !assigned.contains($0) }.shuffled(using: &random)
            body = .matching(
                zip(lefts, assigned).map { MatchPair(left: RichText(html: $0), right: RichText(html: $1)) },
                distractors: distractors.map { RichText(html: $0) })
        case .ordering:
            body = .ordering(steps.shuffled(using: &random).map { RichText(html: $0) })
        case .numerical:
            body = .numerical([NumericAnswer(value: Double(Int.random(in: 1...999, using: &random)) / 4, tolerance: Double(Int.random(in: 0...3, using: &random)))])
        case .practical:
            body = .practical(PracticalTask(
                scenario: RichText(html: "<p>情境</p>"), steps: [RichText(html: "步骤")], datasets: [], deliverable: RichText(html: "<p>报告</p>"),
                rubric: [RubricCriterion(name: RichText(html: "完整"), levels: [RubricLevel(points: 10, description: RichText(html: "好"))])]))
        case .description:
            body = .description
        default:
            body = interactionBody(kind, using: &random)
        }
        let stem = kind == .fillBlank
            ? RichText(html: "<p>指标 <span class=\"blank\" data-blank=\"1\"></span> 与 <span class=\"blank\" data-blank=\"2\"></span></p>")
            : RichText(html: "<p>题干</p>")
        let itemFeedback = ItemFeedback(general: feedback(), correct: feedback(), partiallyCorrect: feedback(), incorrect: feedback())
        return ExerciseItem(
            id: "x", usage: usage, score: 2, stem: stem, body: body,
            explanation: RichText(html: "<p>解析 \(words.randomElement(using: &random)!)</p>"),
            feedback: itemFeedback.isEmpty ? nil : itemFeedback,
            assesses: [AssessmentClaim(competency: CompetencyID(parsing: "cert:中级:1.1.1")!, location: SourceLocation(file: "exercises/exam.xml"))],
            location: SourceLocation(file: "exercises/exam.xml", line: 2))
    }
}

extension ExamKeys {
    static let image = ItemImage(path: "exercises/images/plan.png", width: 200, height: 100, alternative: "平面图")
    static let spots = [
        Hotspot(area: area(.circle, [30, 30, 10])), Hotspot(area: area(.rect, [60, 10, 90, 40])),
        Hotspot(area: area(.ellipse, [130, 50, 15, 10])), Hotspot(label: "门", area: area(.poly, [160, 60, 190, 60, 175, 90])),
    ]

    static func area(_ shape: AreaShape, _ coordinates: [Double]) -> ItemArea {
        guard case let .success(area) = ItemArea.validated(shape: shape, coordinates: coordinates) else { fatalError("bad test area") }
        return area
    }

    /// Two random disjoint pairs among four members.
    static func pairs(using random: inout SplitMix) -> [UnorderedPair] {
        let order = Array(0..<4).shuffled(using: &random)
        return [UnorderedPair(order[0], order[1]), UnorderedPair(order[2], order[3])]
    }

    /// Random keys for the kinds of `InteractionViews`; what a student sees stays fixed.
    static func interactionBody(_ kind: ItemKind, using random: inout SplitMix) -> ItemBody {
        switch kind {
        case .hottext:
            var flags = words.map { _ in Bool.random(using: &random) }
            if !flags.contains(true) { flags[0] = true }
            return .hottext(HottextTask(choices: zip(words, flags).map { HottextChoice(text: RichText(html: $0), correct: $1) }, maxChoices: 0))
        case .associate:
            return .associate(AssociateTask(choices: lefts.map { RichText(html: $0) }, pairs: pairs(using: &random)))
        case .slider:
            return .slider(SliderTask(lower: 0, upper: 100, step: 5, correct: Double(Int.random(in: 0...20, using: &random) * 5)))
        case .hotspot:
            return .hotspot(HotspotTask(image: image, hotspots: spots, correct: [Int.random(in: 0..<4, using: &random)], maxChoices: 1))
        case .selectPoint:
            let x = Double(Int.random(in: 20...180, using: &random)), y = Double(Int.random(in: 20...80, using: &random))
            return .selectPoint(SelectPointTask(image: image, areas: [area(.circle, [x, y, 12])], points: 1))
        case .graphicOrder:
            return .graphicOrder(GraphicOrderTask(image: image, hotspots: spots, order: Array(0..<4).shuffled(using: &random)))
        case .graphicGapMatch:
            let gaps = [GraphicGap(text: "易碎"), GraphicGap(text: "重物"), GraphicGap(text: "冷藏")]
            let placement: [Int?] = (0..<4).map { _ in Bool.random(using: &random) ? Int.random(in: 0..<3, using: &random) : nil }
            return .graphicGapMatch(GraphicGapMatchTask(image: image, hotspots: spots, gaps: gaps, placement: placement))
        case .graphicAssociate:
            return .graphicAssociate(GraphicAssociateTask(image: image, hotspots: spots, pairs: pairs(using: &random)))
        case .composite:
            return .composite([
                ItemPart(lead: RichText(html: "第一问"), body: item(.singleChoice, usage: .exam, using: &random).body),
                ItemPart(lead: RichText(html: "第二问"), body: interactionBody(.hotspot, using: &random)),
                ItemPart(lead: RichText(html: "第三问"), body: interactionBody(.graphicOrder, using: &random)),
            ])
        case .survey:
            return .survey(SurveyTask(choices: choiceTexts.map { RichText(html: $0) }, multiple: false))
        case .upload:
            return .upload
        case .drawing:
            return .drawing(image)
        default:
            return .description
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so every run tries the same keys.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
