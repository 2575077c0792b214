import CoursemapModel
import Testing

@Suite("Module comparisons (serve's edit kinds)")
struct ModuleComparisonTests {
    static let claim = CompetencyClaim(
        competency: CompetencyID(framework: "cert", level: .intermediate, code: "1.1.1"), level: .reinforced,
        location: SourceLocation(file: "courses/c/m.md", line: 8))
    static let module = Module(
        id: "m", courseID: "c", order: 1, title: LocalizedText(zh: "模块"), hours: 2, format: .markdown,
        body: RichText(html: "<p>一</p>"), claims: [claim], location: SourceLocation(file: "courses/c/m.md"))

    @Test("a new body alone is a body-only change; a new title is not")
    func bodyOnly() {
        var edited = Self.module
        edited.body = RichText(html: "<p>二</p>")
        #expect(Self.module.differsOnlyInBody(from: edited))
        edited.title = LocalizedText(zh: "新模块")
        #expect(!Self.module.differsOnlyInBody(from: edited))
    }

    @Test("coverage sees claims and hours, not titles or where a claim was written")
    func countsTheSame() {
        var edited = Self.module
        edited.title = LocalizedText(zh: "新模块")
        edited.claims[0].location = SourceLocation(file: "courses/c/m.md", line: 9)
        #expect(Self.module.countsTheSame(as: edited))
        edited.claims[0].level = .mastered
        #expect(!Self.module.countsTheSame(as: edited))
        edited = Self.module
        edited.hours = 3
        #expect(!Self.module.countsTheSame(as: edited))
        edited = Self.module
        edited.claims = []
        #expect(!Self.module.countsTheSame(as: edited))
    }
}
