import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
import CoursemapRender
import CoursemapResolve
import Foundation
import Testing

@Suite("coverage.json format version 2")
struct CoverageDocumentTests {
    /// A program whose one module gives 1 学时 to three requirements of 中级 (0.34 + 0.33 + 0.33) and a tenth
    /// of an hour to another, with a weighted blueprint and a tolerance written as 8.30.
    static func document() throws -> CoverageDocument {
        let tree: [String: String] = [
            "coursemap.yml": "title: 测试\ncoverage:\n  blueprint_tolerance: 8.30\n",
            "frameworks/cert.xml": """
                <certificate xmlns="urn:coursemap:framework:1" id="cert">
                  <title><zh>证书</zh></title>
                  <level name="中级">
                    <area code="1" weight="8.3"><zh>领域一</zh>
                      <task code="1.1"><zh>任务</zh>
                        <requirement code="1.1.1"><zh>要求</zh></requirement>
                        <requirement code="1.1.2"><zh>要求</zh></requirement>
                      </task>
                    </area>
                    <area code="2" weight="91.7"><zh>领域二</zh>
                      <task code="2.1"><zh>任务</zh><requirement code="2.1.1"><zh>要求</zh></requirement></task>
                    </area>
                  </level>
                </certificate>
                """,
            "courses/c/course.md": "---\ncode: \"01\"\ntitle: 课程\ncredits: 2\nhours: {theory: 1, practice: 0.1}\nsemester: 1\ntype: 专业核心课\n---\n",
            "courses/c/m1.md": """
                ---
                title: 模块
                order: 1
                hours: 1
                competencies:
                  cert:中级:1.1.1: M
                  cert:中级:1.1.2: R
                  cert:中级:2.1.1: I
                ---
                正文
                """,
            "courses/c/m2.md": "---\ntitle: 模块二\norder: 2\nhours: 0.1\ncompetencies:\n  cert:中级:1.1.1: {level: M, hours: 0.1}\n---\n正文\n",
        ]
        let loaded = ContentLoader(source: .memory(tree)).load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.sorted.map(\.description))")
        let (program, _) = Resolver.resolve(loaded)
        let report = try #require(CoverageAnalyser.analyse(program).first)
        return try #require(CoverageDocument.make(report, program: program, orphans: CoverageAnalyser.orphans(program)))
    }

    @Test("hours are written exactly from hundredths, shares with one decimal, weights and tolerance as given")
    func exactNumbers() throws {
        let document = try Self.document()
        let json = document.json
        #expect(document.formatVersion == 2)
        #expect(json.contains("\"hours\" : 0.44"), "1.1.1: 0.34 of m1 and the stated 0.1 of m2")
        #expect(json.contains("\"hours\" : 0.33"))
        #expect(json.contains("\"stated\" : 0.1"))
        #expect(!json.contains("0000000"), "no binary round trip such as 0.30000000000000004 or 0.44000000000000006")
        #expect(json.contains("\"blueprintTolerance\" : \"8.30\""))
        #expect(json.contains("\"weight\" : \"8.3\""))
        #expect(document.areas.map(\.weightShare) == [Tenths(count: 83), Tenths(count: 917)])
        #expect(document.totals.columnTotal == Hundredths(count: 110))
        #expect(document.totals.declared == Hundredths(count: 110))
        #expect(document.courses.map(\.courseID) == ["c"])
        #expect(document.summary.coveredPercent == .zero)
        #expect(document.gaps.partial.count == 3)
        #expect(document.requirements[0].reasons == [.notAssessed])
        #expect(document.requirements[2].reasons == [.belowLevel, .notAssessed])
        #expect(document.requirements[0].modules.map(\.hours) == [Hundredths(count: 34), Hundredths(count: 10)])
        #expect(document.requirements[0].modules.map(\.moduleHours) == [Hundredths(count: 100), Hundredths(count: 10)])
        #expect(document.framework.kind == .certificate)
    }

    @Test("a version 2 file reads back as the same document")
    func roundTrip() throws {
        let document = try Self.document()
        #expect(try CoverageDocument.decode(Data(document.json.utf8)) == document)
    }

    @Test("a version 1 file (before hours were divided) still reads: missing members take their defaults")
    func versionOne() throws {
        let v1 = """
            {
              "areas" : [ { "code" : "1", "covered" : 1, "flagged" : true, "gap" : 0, "hourShare" : 100, "itemShare" : 100,
                            "partial" : 0, "title" : { "zh" : "领域" }, "total" : 1, "weight" : 19, "weightShare" : 100 } ],
              "formatVersion" : 1,
              "framework" : { "id" : "cert", "illustrative" : false, "level" : "中级", "title" : { "zh" : "证书" } },
              "gaps" : { "introducedOnly" : [], "notAssessed" : [], "notTaught" : [],
                         "orphans" : { "items" : [], "lectures" : [], "modules" : [], "resources" : [] } },
              "requirements" : [ { "code" : "1.1.1", "courses" : [ { "courseID" : "c", "hours" : 12.3, "levels" : [ "M", "A" ] } ],
                "group" : "1", "highestLevel" : "M", "hours" : 12, "id" : "cert:中级:1.1.1",
                "items" : [ { "bank" : "b", "item" : "q", "type" : "single", "usage" : "exam" } ], "lectureMinutes" : 18.5,
                "lectures" : [ { "lecture" : "l", "level" : "R", "minutes" : 18.5 } ],
                "modules" : [ { "course" : "c", "hours" : 12, "level" : "M", "module" : "m" } ], "resources" : [],
                "statement" : { "zh" : "要求" }, "status" : "covered" } ],
              "rules" : { "blueprintTolerance" : 8.5, "coveredAt" : "M", "requireAssessment" : true, "text" : [] },
              "summary" : { "covered" : 1, "gap" : 0, "partial" : 0, "total" : 1 }
            }
            """
        let document = try CoverageDocument.decode(Data(v1.utf8))
        #expect(document.formatVersion == 1)
        #expect(document.rules.blueprintTolerance == "8.5")
        #expect(document.rules.classHourMinutes == 45 && !document.rules.lecturesAsHours)
        #expect(document.summary.coveredPercent == Tenths(count: 1000))
        #expect(document.areas.first?.weight == "19")
        #expect(document.courses.isEmpty && document.totals.columnTotal == .zero)
        let requirement = try #require(document.requirements.first)
        #expect(requirement.hours == Hundredths(count: 1200))
        #expect(requirement.taughtBy == .both)
        #expect(requirement.modules.first?.moduleHours == Hundredths(count: 1200))
        #expect(requirement.lectures.first?.attributedMinutes == Hundredths(count: 1850))
        #expect(requirement.items.first?.score == Hundredths(count: 100))
        #expect(requirement.courses.first?.hours == Hundredths(count: 1230))
    }
}
