import CoursemapModel
@testable import CoursemapRender
import Testing

/// What bank and item pages give the self-check script and the reader: matching targets (shared right-hand
/// sides once, distractors too), feedback by edition, numbers as written, no empty answer line, and the
/// notice on banks whose exam items show no answers.
@Suite("Self-check page contexts")
struct SelfcheckPageTests {
    static func page(_ item: ExerciseItem, edition: Edition = .student, path: String = "banks/exam/x.html") -> String {
        String(decoding: ExamKeyIndependenceTests.studentSite(item, edition: edition).files[path] ?? [], as: UTF8.self)
    }

    static func item(_ body: ItemBody, usage: ItemUsage = .practice, feedback: ItemFeedback? = nil) -> ExerciseItem {
        ExerciseItem(
            id: "x", usage: usage, score: 3, stem: RichText(html: "<p>题干</p>"), body: body, feedback: feedback,
            location: SourceLocation(file: "exercises/exam.xml", line: 2))
    }

    @Test("a right-hand side two pairs share is one target, offered once, and distractors are offered too")
    func matchTargets() throws {
        let pairs = [("FOB", "船上"), ("CFR", "船上"), ("EXW", "工厂")].map { MatchPair(left: RichText(html: $0), right: RichText(html: $1)) }
        let targets = PageBuilder.matchTargets(pairs, distractors: [RichText(html: "码头"), RichText(html: "船上")])
        #expect(targets.map(\.html) == ["船上", "工厂", "码头"])
        let page = Self.page(Self.item(.matching(pairs, distractors: [RichText(html: "码头")])))
        #expect(page.components(separatedBy: "<li value=").count - 1 == 3)
        #expect(page.components(separatedBy: ">船上</li>").count - 1 == 1)
        // The key gives FOB and CFR the same position.
        let key = try #require(page.components(separatedBy: "&quot;positions&quot;:[").dropFirst().first?.prefix { $0 != "]" })
        let positions = key.split(separator: ",").map(String.init)
        #expect(positions.count == 3 && positions[0] == positions[1] && positions[2] != positions[0])
        // Every row offers all three targets.
        #expect(page.contains("<option value=\"3\">3</option>") && !page.contains("<option value=\"4\">"))
    }

    @Test("rows that show the same text are grouped in the key so they may swap; distinct rows are not")
    func sameTextGroups() {
        #expect(PageBuilder.sameTextGroups(["检查", "修改", "检查", "发布"]) == [0, 1, 0, 3])
        #expect(PageBuilder.sameTextGroups(["询盘", "报价"]) == nil)
        let steps = ["检查", "修改", "检查"].map { RichText(html: $0) }
        let practice = Self.page(Self.item(.ordering(steps)))
        #expect(practice.contains("&quot;groups&quot;:["))
        let distinct = Self.page(Self.item(.ordering(["询盘", "报价", "接受"].map { RichText(html: $0) })))
        #expect(!distinct.contains("groups") && distinct.contains("&quot;positions&quot;:["))
        // Control names join bank and item with "/", which no id contains.
        #expect(practice.contains("name=\"exam/x-1\""))
    }

    @Test("practice feedback is in the page, hidden until a check; the teacher edition shows it; exam students never get it")
    func feedbackByEdition() {
        let choices = [
            Choice(label: "A", text: RichText(html: "甲"), correct: false, feedback: RichText(html: "CHOICE-FEEDBACK-A")),
            Choice(label: "B", text: RichText(html: "乙"), correct: true),
        ]
        let feedback = ItemFeedback(general: RichText(html: "<p>GENERAL-FB</p>"), incorrect: RichText(html: "<p>WRONG-FB</p>"))
        let practice = Self.page(Self.item(.singleChoice(choices), feedback: feedback))
        #expect(practice.contains("<div class=\"feedback\" data-when=\"general\" hidden data-reveal=\"check\">"))
        #expect(practice.contains("<div class=\"feedback\" data-when=\"incorrect\" hidden data-reveal=\"check\">"))
        #expect(practice.contains("<div class=\"choice-feedback\" hidden data-reveal=\"check\">CHOICE-FEEDBACK-A</div>"))
        #expect(!practice.contains("data-when=\"correct\""), "no block for an outcome without feedback")
        let teacher = Self.page(Self.item(.singleChoice(choices), usage: .exam, feedback: feedback), edition: .teacher)
        #expect(teacher.contains("<div class=\"feedback\" data-when=\"general\"><strong"))
        #expect(teacher.contains("<div class=\"choice-feedback\">CHOICE-FEEDBACK-A</div>"))
        let site = ExamKeyIndependenceTests.studentSite(Self.item(.singleChoice(choices), usage: .exam, feedback: feedback))
        for (path, bytes) in site.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("GENERAL-FB") && !text.contains("WRONG-FB") && !text.contains("CHOICE-FEEDBACK-A"), "\(path) leaks exam feedback")
        }
    }

    @Test("numbers print as their decimal text, rounded to ten decimals at most", arguments: [
        (0.20679999999999998, "0.2068"), (2, "2"), (-0.5, "-0.5"), (1e-05, "0.00001"), (0.1 + 0.2, "0.3"), (123456.75, "123456.75"),
        (1e20, "1e+20"),
    ])
    func decimals(value: Double, text: String) {
        #expect(PageBuilder.decimal(value) == text)
    }

    @Test("a tolerance computed in binary prints as a reader wrote it")
    func tolerance() {
        let page = Self.page(Self.item(.numerical([NumericAnswer(value: 1.034, tolerance: 0.20679999999999998)])))
        #expect(page.contains("±0.2068"))
        #expect(!page.contains("±0.2067999"))
    }

    @Test("an essay without grader information has no empty answer line in the teacher edition")
    func emptyEssay() {
        for reference in [nil, RichText(html: ""), RichText(html: "<p> </p>")] as [RichText?] {
            let page = Self.page(Self.item(.shortAnswer(reference: reference, points: []), usage: .exam), edition: .teacher)
            #expect(!page.contains("answer-summary"), "reference \(String(describing: reference?.html))")
        }
        let written = Self.page(Self.item(.shortAnswer(reference: RichText(html: "<p>REFERENCE</p>"), points: []), usage: .exam), edition: .teacher)
        #expect(written.contains("answer-summary") && written.contains("REFERENCE"))
    }

    @Test("a bank with exam items says at the top of the student edition that they show no answers")
    func examNotice() {
        let choices = [Choice(label: "A", text: RichText(html: "甲"), correct: true), Choice(label: "B", text: RichText(html: "乙"), correct: false)]
        let exam = Self.page(Self.item(.singleChoice(choices), usage: .exam), path: "banks/exam/index.html")
        #expect(exam.contains("class=\"notice exam-notice\""))
        #expect(!exam.contains("class=\"bank-selfcheck\""), "no score bar without practice items")
        let teacher = Self.page(Self.item(.singleChoice(choices), usage: .exam), edition: .teacher, path: "banks/exam/index.html")
        #expect(!teacher.contains("exam-notice"))
        let practice = Self.page(Self.item(.singleChoice(choices)), path: "banks/exam/index.html")
        #expect(!practice.contains("exam-notice"))
        #expect(practice.contains("data-graded=\"1\" data-total=\"3\""))
        #expect(practice.contains("data-score=\"3\""))
    }
}
