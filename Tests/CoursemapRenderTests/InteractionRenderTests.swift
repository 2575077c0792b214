import CoursemapModel
@testable import CoursemapRender
import Testing

/// Pages of hottext, associate, slider, graphic, survey, upload, drawing items and items of several parts:
/// what each edition shows, the self-check key of practice items, and the teacher's answer sheet.
@Suite("Interaction items on pages")
struct InteractionRenderTests {
    static func item(_ kind: ItemKind, usage: ItemUsage) -> ExerciseItem {
        var random = SplitMix(seed: 42)
        return ExamKeys.item(kind, usage: usage, using: &random)
    }

    static func page(_ kind: ItemKind, usage: ItemUsage, edition: Edition = .student, file: String = "banks/exam/x.html") -> String {
        String(decoding: ExamKeyIndependenceTests.studentSite(item(kind, usage: usage), edition: edition).files[file] ?? [], as: UTF8.self)
    }

    @Test("practice items carry a self-check key of their grader's type; surveys, uploads and drawings none", arguments: [
        (ItemKind.hottext, "hottext"), (.associate, "pairs"), (.slider, "slider"), (.hotspot, "hotspot"), (.selectPoint, "point"),
        (.graphicOrder, "graphicorder"), (.graphicGapMatch, "gapmatch"), (.graphicAssociate, "pairs"), (.composite, "parts"),
    ])
    func practiceKeys(kind: ItemKind, type: String) {
        let html = Self.page(kind, usage: .practice)
        #expect(html.contains("data-answer=\"{"), "\(kind)")
        #expect(html.contains("&quot;type&quot;:&quot;\(type)&quot;"), "\(kind)")
        #expect(html.contains("assets/interactions.js"))
        let exam = Self.page(kind, usage: .exam)
        #expect(!exam.contains("data-answer"), "\(kind)")
    }

    @Test("surveys, uploads and drawings have no self-check and say why", arguments: [ItemKind.survey, .upload, .drawing])
    func ungraded(kind: ItemKind) {
        let html = Self.page(kind, usage: .practice)
        #expect(!html.contains("data-answer"))
        #expect(!html.contains("class=\"selfcheck\""))
        #expect(html.contains(kind == .survey ? "调查题：没有对错之分" : "本题由教师批阅"))
    }

    @Test("graphic items draw their picture and areas in an SVG, with a form control per area")
    func graphic() {
        let html = Self.page(.hotspot, usage: .practice)
        #expect(html.contains("<svg class=\"graphic\" viewBox=\"0 0 200 100\" width=\"200\" height=\"100\""))
        #expect(html.contains("<image href=\"../../files/exercises/images/plan.png\""))
        #expect(html.contains("<ellipse cx=\"30\" cy=\"30\" rx=\"10\" ry=\"10\">"))
        #expect(html.contains("<rect x=\"60\" y=\"10\" width=\"30\" height=\"30\">"))
        #expect(html.contains("<polygon points=\"160,60 190,60 175,90\">"))
        #expect(html.components(separatedBy: "data-area=").count - 1 == 4)
        #expect(!html.contains("style="))
        // Only the teacher edition marks the right area.
        #expect(!html.contains("class=\"area correct\""))
        #expect(Self.page(.hotspot, usage: .exam, edition: .teacher).contains("class=\"area correct\""))
    }

    @Test("select point: the correct area is drawn for teachers only, never in the student edition")
    func selectPoint() {
        #expect(Self.page(.selectPoint, usage: .exam, edition: .teacher).contains("class=\"key-area\""))
        let exam = Self.page(.selectPoint, usage: .exam)
        #expect(!exam.contains("key-area"))
        #expect(!exam.contains("<ellipse"))
        #expect(exam.contains("data-axis=\"x\""))
    }

    @Test("the answer sheet of the teacher edition names each kind's answer", arguments: [
        (ItemKind.hotspot, "区域 "), (.slider, "<td>"), (.graphicOrder, " → "), (.selectPoint, "circle "), (.upload, "本题由教师批阅"),
        (.composite, "<ol class=\"part-answers\"><li value=\"1\">"),
    ])
    func answerSheet(kind: ItemKind, saying: String) {
        let sheet = Self.page(kind, usage: .exam, edition: .teacher, file: "banks/exam/answers.html")
        #expect(sheet.contains(saying), "\(kind)")
        #expect(!sheet.contains("<td>—</td>"), "\(kind)")
    }

    @Test("an item of several parts shows each part with its lead and its own controls")
    func parts() {
        let html = Self.page(.composite, usage: .practice)
        for part in 1...3 { #expect(html.contains("class=\"item-part\" data-part=\"\(part)\"")) }
        #expect(html.contains("第二问"))
        #expect(html.contains("name=\"exam/x-p1\""))
        #expect(html.contains("name=\"exam/x-p2\""))
    }
}
