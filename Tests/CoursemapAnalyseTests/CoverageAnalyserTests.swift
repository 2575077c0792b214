import CoursemapAnalyse
import CoursemapModel
import Testing

@Suite("Coverage analysis")
struct CoverageAnalyserTests {
    let framework = Framework(
        id: "cert", kind: .certificate, title: LocalizedText(zh: "证书"),
        levels: [
            FrameworkLevel(level: .intermediate, areas: [
                WorkArea(code: "1", title: LocalizedText(zh: "领域"), tasks: [
                    WorkTask(code: "1.1", title: LocalizedText(zh: "任务"), requirements: ["1.1.1", "1.1.2", "1.1.3"].map {
                        Statement(code: $0, statement: LocalizedText(zh: "要求 \($0)"), location: SourceLocation(file: "f.xml"))
                    }, location: SourceLocation(file: "f.xml")),
                ], location: SourceLocation(file: "f.xml")),
            ], location: SourceLocation(file: "f.xml")),
        ],
        location: SourceLocation(file: "f.xml"))

    func id(_ code: String) -> CompetencyID { CompetencyID(framework: "cert", level: .intermediate, code: code) }

    func program(_ mappings: [CompetencyID: [ModuleMapping]]) -> Program {
        Program(
            config: SiteConfig(title: LocalizedText(zh: "t")), frameworks: [framework], courses: [], modulesByCourse: [:],
            competencies: Dictionary(uniqueKeysWithValues: framework.allCompetencies.map { ($0.id, $0) }),
            mappings: mappings, reportScopes: framework.scopes)
    }

    @Test("each row sums its modules per course, in the program's course order, and the report lists the courses used")
    func perCourse() throws {
        func course(_ id: String) -> Course {
            Course(
                id: id, code: id.uppercased(), title: LocalizedText(zh: id), credits: 1, hours: CourseHours(theory: 8, practice: 8),
                semester: 1, type: .professionalCore, integrations: [], description: RichText(html: ""),
                location: SourceLocation(file: "courses/\(id)/course.md"))
        }
        var program = program([
            id("1.1.1"): [
                ModuleMapping(moduleID: "a1", courseID: "a", level: .introduced, hours: 2),
                ModuleMapping(moduleID: "z1", courseID: "z", level: .mastered, hours: 1.5),
                ModuleMapping(moduleID: "a2", courseID: "a", level: .reinforced, hours: 3),
                ModuleMapping(moduleID: "z2", courseID: "z", level: .introduced, hours: 0.5),
            ],
            id("1.1.2"): [ModuleMapping(moduleID: "m1", courseID: "m", level: .reinforced, hours: 4)],
        ])
        // Course order is the program's (by semester, code, id), not alphabetical by id here.
        program.courses = [course("z"), course("m"), course("a"), course("unused")]
        let report = try #require(CoverageAnalyser.analyse(program).first)
        let first = report.rows[0].byCourse
        #expect(first.map(\.courseID) == ["z", "a"])
        #expect(first.map(\.levels) == [["I", "M"], ["I", "R"]])
        #expect(first.map(\.hours) == [2, 5])
        #expect(report.rows[1].byCourse.map(\.courseID) == ["m"])
        #expect(report.rows[2].byCourse.isEmpty)
        #expect(report.courses == ["z", "m", "a"])
    }

    @Test("mastered is covered, introduced or reinforced only is partial, nothing is a gap")
    func statuses() throws {
        let reports = CoverageAnalyser.analyse(program([
            id("1.1.1"): [
                ModuleMapping(moduleID: "a", courseID: "c", level: .introduced, hours: 2),
                ModuleMapping(moduleID: "b", courseID: "c", level: .mastered, hours: 4),
            ],
            id("1.1.2"): [ModuleMapping(moduleID: "a", courseID: "c", level: .reinforced, hours: 2)],
        ]), rules: CoverageRules(coveredAt: .mastered, requireAssessment: false))
        let report = try #require(reports.first)
        #expect(report.rows.map(\.status) == [.covered, .partial, .gap])
        #expect(report.rows.map(\.hours) == [6, 2, 0])
        #expect(report.rows.map(\.highestLevel) == [.mastered, .reinforced, nil])
        #expect(report.count(.covered) == 1 && report.count(.partial) == 1 && report.count(.gap) == 1)
    }

    @Test("the threshold for covered is a rule that can be changed")
    func rules() throws {
        let lenient = CoverageRules(coveredAt: .reinforced, requireAssessment: false)
        let reports = CoverageAnalyser.analyse(program([
            id("1.1.2"): [ModuleMapping(moduleID: "a", courseID: "c", level: .reinforced, hours: 2)],
        ]), rules: lenient)
        #expect(reports.first?.rows.map(\.status) == [.gap, .covered, .gap])
        #expect(lenient.explanation(in: .zh).count == 4)
    }

    @Test("by default a requirement is covered only when it is also assessed; assessment alone is partial")
    func assessmentRequired() throws {
        var p = program([id("1.1.1"): [ModuleMapping(moduleID: "a", courseID: "c", level: .mastered, hours: 2)]])
        p.assessments = [
            id("1.1.1"): [ItemMapping(bankID: "b", itemID: "q1", kind: .singleChoice, usage: .exam)],
            id("1.1.3"): [ItemMapping(bankID: "b", itemID: "q2", kind: .trueFalse, usage: .practice)],
        ]
        let report = try #require(CoverageAnalyser.analyse(p, rules: .standard).first)
        #expect(report.rows.map(\.status) == [.covered, .gap, .partial])
        #expect(report.notTaught.map(\.competency.code) == ["1.1.2", "1.1.3"])
        #expect(report.notAssessed.map(\.competency.code) == ["1.1.2"])
        var unassessed = p
        unassessed.assessments = [:]
        #expect(CoverageAnalyser.analyse(unassessed, rules: .standard).first?.rows.first?.status == .partial)
    }
}
