import CoursemapAnalyse
import CoursemapModel
import Testing

private typealias T = CoverageTestProgram

@Suite("Coverage analysis: cells, statuses and reasons")
struct CoverageAnalyserTests {
    @Test("each row's cells follow the program's course order, with the levels present and the attributed hours")
    func perCourse() throws {
        // Course order is the program's (semester, code, id), not alphabetical by id.
        let program = T.program(
            courses: [T.course("z", hours: 16), T.course("m", hours: 16), T.course("a", hours: 16), T.course("unused", hours: 16)],
            modules: [
                T.module("a1", course: "a", order: 1, hours: 2, [(T.mid("1.1.1"), .introduced, nil)]),
                T.module("a2", course: "a", order: 2, hours: 3, [(T.mid("1.1.1"), .reinforced, nil)]),
                T.module("z1", course: "z", order: 1, hours: 1.5, [(T.mid("1.1.1"), .mastered, nil)]),
                T.module("z2", course: "z", order: 2, hours: 1, [(T.mid("1.1.1"), .introduced, nil), (T.mid("1.1.2"), .reinforced, nil)]),
                T.module("m1", course: "m", hours: 4, [(T.mid("1.1.2"), .reinforced, nil)]),
            ])
        let report = try #require(T.report(program, T.middle))
        let first = report.rows[0].byCourse
        #expect(first.map(\.courseID) == ["z", "a"])
        #expect(first.map(\.levels) == [["I", "M"], ["I", "R"]])
        // z: 1.5 (all of z1) + 0.5 (half of z2); a: 2 + 3.
        #expect(first.map(\.hours) == [2, 5])
        #expect(report.rows[1].byCourse.map(\.courseID) == ["z", "m"])
        #expect(report.rows[1].byCourse.map(\.hours) == [0.5, 4])
        #expect(report.rows[2].byCourse.isEmpty)
        #expect(report.courses == ["z", "m", "a"])
        #expect(report.columns.map(\.total) == [2.5, 4, 5])
        #expect(report.grandTotal == 11.5, "all module hours: 1.5 + 1 + 4 + 2 + 3")
    }

    @Test("a status for every combination of evidence, with its reasons in the documented order")
    func reasons() throws {
        let program = T.program(
            courses: [T.course("c", hours: 32)],
            modules: [
                T.module("m", course: "c", hours: 4, [
                    (T.mid("1.1.1"), .mastered, nil), (T.mid("1.1.2"), .mastered, nil), (T.mid("2.1.1"), .reinforced, nil),
                    (T.mid("2.1.2"), .introduced, nil),
                ]),
            ],
            banks: [("b", "c", [
                T.item("q1", usage: .exam, [T.mid("1.1.1"), T.mid("2.1.1"), T.mid("3.1.2")]),
            ])])
        let report = try #require(T.report(program, T.middle))
        let byCode = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.competency.code, $0) })
        // Taught to M and assessed.
        #expect(byCode["1.1.1"]?.status == .covered && byCode["1.1.1"]?.reasons == [])
        // Taught to M, not assessed.
        #expect(byCode["1.1.2"]?.status == .partial && byCode["1.1.2"]?.reasons == [.notAssessed])
        // Taught to R, assessed.
        #expect(byCode["2.1.1"]?.status == .partial && byCode["2.1.1"]?.reasons == [.belowLevel])
        // Taught to I, not assessed: both reasons, below-level first.
        #expect(byCode["2.1.2"]?.status == .partial && byCode["2.1.2"]?.reasons == [.belowLevel, .notAssessed])
        // Only assessed.
        #expect(byCode["3.1.2"]?.status == .partial && byCode["3.1.2"]?.reasons == [.notTaught])
        // Nothing.
        #expect(byCode["3.1.1"]?.status == .gap && byCode["3.1.1"]?.reasons == [.notTaught, .notAssessed])
        #expect(byCode["2.1.1"]?.reasons.first?.text(highest: .reinforced, coveredAt: .mastered).zh == "最高 R 未达 M")

        // The named lists: gap and partial partition the rest; the three others overlap them.
        #expect(report.gap.map(\.competency.code) == ["3.1.1"])
        #expect(report.partial.map(\.competency.code) == ["1.1.2", "2.1.1", "2.1.2", "3.1.2"])
        #expect(report.notTaught.map(\.competency.code) == ["3.1.1", "3.1.2"])
        #expect(report.notAssessed.map(\.competency.code) == ["1.1.2", "2.1.2", "3.1.1"])
        #expect(report.introducedOnly.map(\.competency.code) == ["2.1.2"])
        #expect(report.coveredPercent == Tenths(count: 167))  // 1 of 6 = 16.666… %

        // Without required assessment, "not-assessed" is never a reason and M alone covers.
        let lenient = CoverageAnalyser.analyse(program, rules: CoverageRules(requireAssessment: false)).first { $0.scope == T.middle }!
        let lenientByCode = Dictionary(uniqueKeysWithValues: lenient.rows.map { ($0.competency.code, $0) })
        #expect(lenientByCode["1.1.2"]?.status == .covered)
        #expect(lenientByCode["3.1.1"]?.reasons == [.notTaught])
        #expect(lenientByCode["2.1.2"]?.reasons == [.belowLevel])
    }

    @Test("a requirement taught to M only by a micro-lecture is covered when assessed, and says who teaches it")
    func lectureOnly() throws {
        let program = T.program(
            courses: [T.course("c", hours: 8)],
            modules: [T.module("m", course: "c", hours: 8, [(T.mid("1.1.2"), .reinforced, nil)])],
            lectures: [T.lecture("l1", course: "c", seconds: 300, [(T.mid("1.1.1"), .mastered), (T.mid("1.1.2"), .mastered)])],
            banks: [("b", nil, [T.item("q", usage: .practice, [T.mid("1.1.1")])])])
        let report = try #require(T.report(program, T.middle))
        #expect(report.rows[0].status == .covered)
        #expect(report.rows[0].taughtBy == .lectures)
        #expect(report.rows[0].hours == .zero, "lecture time is not 学时 by default")
        #expect(report.rows[0].lectureMinutes == 2.5)
        #expect(report.rows[0].byCourse.map(\.levels) == [["M"]])
        #expect(report.rows[1].taughtBy == .both)
        #expect(report.rows[1].highestLevel == .mastered)
        #expect(report.rows[2].taughtBy == TaughtBy.none)
    }

    @Test("the threshold for covered is a rule that can be changed")
    func rules() throws {
        let program = T.program(
            courses: [T.course("c", hours: 2)], modules: [T.module("a", course: "c", hours: 2, [(T.mid("1.1.2"), .reinforced, nil)])])
        let lenient = CoverageRules(coveredAt: .reinforced, requireAssessment: false)
        let report = try #require(CoverageAnalyser.analyse(program, rules: lenient).first { $0.scope == T.middle })
        #expect(report.rows.prefix(2).map(\.status) == [.gap, .covered])
        #expect(report.rules == lenient)
        #expect(lenient.explanation(in: .zh).count == 5)
    }

    @Test("gates read the taught fact, lecture-only teaching included")
    func gates() throws {
        var program = T.program(
            courses: [T.course("c", hours: 1)], modules: [],
            lectures: [T.lecture("l", course: nil, seconds: 60, [(T.mid("1.1.1"), .introduced)])])
        program.config.gates = [CoverageGate(scope: T.middle, taught: true, location: T.here)]
        let reports = CoverageAnalyser.analyse(program)
        let failures = GateChecker.check(program, reports: reports, orphans: Orphans())
        #expect(failures.count == 5, "six requirements of 中级, one taught by a lecture")
        #expect(!failures.contains { $0.message.contains("cert:中级:1.1.1 ") })
        #expect(failures.contains { $0.message.contains("cert:中级:1.1.2 ") })
    }
}
