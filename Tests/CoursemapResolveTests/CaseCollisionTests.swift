import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation
import Testing

@Suite("Ids that differ only in letter case")
struct CaseCollisionTests {
    /// The CM412 diagnostics of a resolve, as `file:line`.
    func collisions(_ files: [String: String]) -> [String] {
        resolve(files).1.sorted.filter { $0.code == .caseCollision }.map { "\($0.location.file):\($0.location.line ?? 0)" }
    }

    @Test("modules, banks, resources and lectures whose ids differ only in case: CM412 at both places")
    func kinds() {
        let bank = { (id: String) in "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"\(id)\"><title><zh>题库</zh></title><truefalse id=\"t\"><assesses ref=\"cert:中级:1.1.1\"/><stem>x</stem><answer>true</answer></truefalse></bank>" }
        let lecture = { (id: String) in "---\nid: \(id)\ntitle: 微课\nduration: \"0:10\"\nvideo: lectures/media/v.webm\n---\n[00:00] 文字。\n" }
        #expect(collisions([
            "courses/c/a.md": "---\nid: Intro\ntitle: 一\norder: 1\nhours: 1\n---\n",
            "courses/c/b.md": "---\nid: intro\ntitle: 二\norder: 2\nhours: 1\n---\n",
        ]) == ["courses/c/a.md:1", "courses/c/b.md:1"])
        #expect(collisions(["exercises/one.xml": bank("Quiz-1"), "exercises/two.xml": bank("quiz-1")]) == ["exercises/one.xml:1", "exercises/two.xml:1"])
        #expect(collisions([
            "resources/one.md": "---\nid: GUIDE\ntitle: 文档\nkind: document\n---\nx\n",
            "resources/two.md": "---\nid: Guide\ntitle: 文档\nkind: document\n---\nx\n",
        ]) == ["resources/one.md:1", "resources/two.md:1"])
        #expect(collisions([
            "lectures/a.md": lecture("L_one"), "lectures/b.md": lecture("l_One"), "lectures/media/v.webm": "x",
        ]) == ["lectures/a.md:1", "lectures/b.md:1"])
    }

    @Test("three spellings: each later one is reported against the first, and the first against each")
    func three() {
        let found = collisions([
            "courses/c/a.md": "---\nid: abc\ntitle: 一\norder: 1\nhours: 1\n---\n",
            "courses/c/b.md": "---\nid: ABC\ntitle: 二\norder: 2\nhours: 1\n---\n",
            "courses/c/d.md": "---\nid: aBc\ntitle: 三\norder: 3\nhours: 1\n---\n",
        ])
        #expect(found == ["courses/c/a.md:1", "courses/c/a.md:1", "courses/c/b.md:1", "courses/c/d.md:1"])
    }

    @Test("the same id twice stays CM403 only; ids that differ in more than case are fine")
    func notCase() {
        let (_, diagnostics) = resolve([
            "courses/c/a.md": "---\nid: same\ntitle: 一\norder: 1\nhours: 1\n---\n",
            "courses/c/b.md": "---\nid: same\ntitle: 二\norder: 2\nhours: 1\n---\n",
            "courses/c/d.md": "---\nid: same-2\ntitle: 三\norder: 3\nhours: 1\n---\n",
        ])
        #expect(Set(diagnostics.sorted.map(\.code)) == [.duplicateID])
    }

    @Test("items of one bank that differ only in case, and item or resource ids that are a reserved page name in another case")
    func itemsAndReserved() {
        let item = { (id: String) in "<truefalse id=\"\(id)\"><assesses ref=\"cert:中级:1.1.1\"/><stem>x</stem><answer>true</answer></truefalse>" }
        let bank = "<bank xmlns=\"urn:coursemap:exercises:1\" id=\"b\"><title><zh>题库</zh></title>\n\(item("Q1"))\n\(item("q1"))\n\(item("Index"))\n\(item("ANSWERS"))\n\(item("index"))\n</bank>"
        let (_, diagnostics) = resolve([
            "exercises/b.xml": bank,
            "resources/r.md": "---\nid: INDEX\ntitle: 文档\nkind: document\n---\nx\n",
        ])
        let found = diagnostics.sorted.filter { [.caseCollision, .invalidID].contains($0.code) }.map { "\($0.code.rawValue) \($0.location.file):\($0.location.line ?? 0)" }
        #expect(found == [
            "CM412 exercises/b.xml:2", "CM412 exercises/b.xml:3", "CM412 exercises/b.xml:4", "CM412 exercises/b.xml:4",
            "CM412 exercises/b.xml:5", "CM407 exercises/b.xml:6", "CM412 exercises/b.xml:6", "CM412 resources/r.md:1",
        ])
    }

    @Test("framework codes of one level that differ only in case, and a module id 'Index'")
    func codesAndModuleIndex() {
        let outcomes = """
            <outcomes xmlns="urn:coursemap:framework:1" id="po"><title><zh>目标</zh></title>
            <group domain="知识"><outcome code="K1"><zh>一</zh></outcome></group>
            <group domain="能力"><outcome code="k1"><zh>二</zh></outcome></group>
            </outcomes>
            """
        let loaded = ContentLoader(source: .memory([
            "coursemap.yml": "title: 测试\n", "frameworks/po.xml": outcomes, "courses/c/course.md": courseMD,
            "courses/c/Index.md": "---\ntitle: 一\norder: 1\nhours: 1\n---\n",
        ])).load()
        let found = loaded.diagnostics.sorted.filter { $0.code == .caseCollision }.map { "\($0.location.file):\($0.location.line ?? 0)" }
        #expect(found == ["courses/c/Index.md:1", "frameworks/po.xml:2", "frameworks/po.xml:3"])
        #expect(loaded.modules.isEmpty)
    }
}
