import CoursemapModel
import Testing

@Suite("Competency references")
struct CompetencyIDTests {
    @Test("certificate references carry framework, level and code")
    func certificateReference() throws {
        let id = try #require(CompetencyID(parsing: "b2b-data:中级:1.2.3"))
        #expect(id.framework == "b2b-data")
        #expect(id.level == .intermediate)
        #expect(id.code == "1.2.3")
        #expect(id.description == "b2b-data:中级:1.2.3")
        #expect(id.scope == FrameworkScope(framework: "b2b-data", level: .intermediate))
    }

    @Test("outcome references have no level")
    func outcomeReference() throws {
        let id = try #require(CompetencyID(parsing: "cbec-outcomes:K2"))
        #expect(id.level == nil)
        #expect(id.code == "K2")
        #expect(id.description == "cbec-outcomes:K2")
    }

    @Test("malformed references are rejected", arguments: [
        "", "b2b-data", "b2b-data:专家:1.1.1", "b2b-data:中级:", "b2b data:中级:1.1", "a:b:c:d", "x:1..2", ":中级:1.1", "数据:K1",
    ])
    func malformed(_ text: String) {
        #expect(CompetencyID(parsing: text) == nil)
    }

    @Test("codes order numerically part by part")
    func codeOrder() {
        let codes = ["1.10.1", "1.2.1", "2.1", "1.2", "K10", "K2"]
        #expect(codes.sorted(by: CodeOrder.less) == ["1.2", "1.2.1", "1.10.1", "2.1", "K2", "K10"])
    }

    @Test("scopes parse with and without a level")
    func scopes() {
        #expect(FrameworkScope(parsing: "b2b-data:高级") == FrameworkScope(framework: "b2b-data", level: .advanced))
        #expect(FrameworkScope(parsing: "po") == FrameworkScope(framework: "po", level: nil))
        #expect(FrameworkScope(parsing: "po:K1") == nil)
    }
}
