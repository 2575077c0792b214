import CoursemapAnalyse
import CoursemapModel
import Testing

private typealias T = CoverageTestProgram

@Suite("Coverage hours: dividing module hours and lecture minutes per scope (docs/coverage.md §4)")
struct HoursDivisionTests {
    @Test("the documented example: stated hours first, the rest split evenly")
    func statedAndRest() throws {
        let program = T.program(
            courses: [T.course("c", hours: 4)],
            modules: [T.module("m", course: "c", hours: 4, [
                (T.mid("1.1.1"), .mastered, 1.5), (T.mid("1.1.2"), .reinforced, nil), (T.mid("2.1.1"), .introduced, nil),
            ])])
        let report = try #require(T.report(program, T.middle))
        #expect(report.rows.prefix(3).map(\.hours) == [1.5, 1.25, 1.25])
        #expect(report.rows[0].modules.first?.stated == 1.5)
        #expect(report.rows[1].modules.first?.stated == nil)
        #expect(report.rows[1].modules.first?.moduleHours == 4)
        #expect(report.grandTotal == 4)
    }

    @Test("one 学时 over three requirements is 0.34, 0.33, 0.33: the first get the extra hundredths")
    func largestRemainder() throws {
        let program = T.program(
            courses: [T.course("c", hours: 1)],
            modules: [T.module("m", course: "c", hours: 1, [
                (T.mid("1.1.1"), .mastered, nil), (T.mid("1.1.2"), .mastered, nil), (T.mid("2.1.1"), .mastered, nil),
            ])])
        let report = try #require(T.report(program, T.middle))
        #expect(report.rows.prefix(3).map(\.hours) == [0.34, 0.33, 0.33])
        #expect(report.rows.map(\.hours).sum() == 1)
        #expect(ExactDivision.split(200, into: 3) == [67, 67, 66])
        #expect(ExactDivision.split(5, into: 0) == [])
        #expect(ExactDivision.split(0, into: 2) == [0, 0])
    }

    @Test("when every mapping states hours, the rest is unattributed and shown in the reconciliation")
    func unattributed() throws {
        let program = T.program(
            courses: [T.course("c", hours: 10)],
            modules: [T.module("m", course: "c", hours: 6, [(T.mid("1.1.1"), .mastered, 2), (T.mid("1.1.2"), .mastered, 1)])])
        let report = try #require(T.report(program, T.middle))
        let line = try #require(report.hoursByCourse.first)
        #expect(line.declared == 10 && line.moduleHours == 6 && line.moduleHoursInScope == 6)
        #expect(line.attributed == 3 && line.unattributed == 3 && line.columnTotal == 3)
        #expect(report.programHours.declared == 10 && report.programHours.unattributed == 3)
    }

    @Test("each scope divides a module's hours on its own, and levels never mix")
    func perScope() throws {
        let program = T.program(
            courses: [T.course("c", hours: 6)],
            modules: [T.module("m", course: "c", hours: 6, [
                (T.mid("1.1.1"), .mastered, nil), (T.outcome("K1"), .mastered, nil), (T.mid("1.1.2"), .reinforced, nil),
                (T.low("1.1.1"), .introduced, nil),
            ])])
        let middle = try #require(T.report(program, T.middle))
        #expect(middle.rows.prefix(2).map(\.hours) == [3, 3])
        #expect(middle.grandTotal == 6)
        let outcomes = try #require(T.report(program, T.outcomeScope))
        #expect(outcomes.rows.first?.hours == 6)
        let elementary = try #require(T.report(program, T.elementary))
        #expect(elementary.rows.first?.hours == 6)
        #expect(elementary.rows.first?.modules.map(\.level) == [.introduced])
        // A module maps into a scope or not: the other course modules' hours are not in scope.
        #expect(middle.hoursByCourse.first?.moduleHoursInScope == 6)
    }

    @Test("micro-lecture minutes are divided like hours and stay apart from 学时 by default")
    func lectureMinutes() throws {
        let program = T.program(
            courses: [T.course("c", hours: 2)], modules: [],
            lectures: [T.lecture("l", course: "c", seconds: 200, [(T.mid("1.1.1"), .reinforced), (T.mid("1.1.2"), .introduced), (T.outcome("K1"), .introduced)])])
        let report = try #require(T.report(program, T.middle))
        // 200 s = 3.333… min → 3.33; split in two: 1.67 and 1.66.
        #expect(report.rows[0].lectures.first?.minutes == 3.33)
        #expect(report.rows.prefix(2).map(\.lectureMinutes) == [1.67, 1.66])
        #expect(report.rows.prefix(2).map(\.hours) == [0, 0])
        #expect(report.rows[0].lectures.first?.hours == nil)
        #expect(report.grandTotal == .zero)
        #expect(report.totalLectureMinutes == 3.33)
        #expect(T.report(program, T.outcomeScope)?.rows.first?.lectureMinutes == 3.33)
    }

    @Test("with lectures_as_hours, lecture time becomes 学时 at class_hour_minutes, lectures of no course get their own column")
    func lecturesAsHours() throws {
        let rules = CoverageRules(lecturesAsHours: true, classHourMinutes: 40)
        let program = T.program(
            courses: [T.course("c", hours: 2)],
            modules: [T.module("m", course: "c", hours: 2, [(T.mid("1.1.1"), .mastered, nil)])],
            lectures: [
                T.lecture("l1", course: "c", seconds: 1200, [(T.mid("1.1.1"), .reinforced)]),
                T.lecture("l2", course: nil, seconds: 2400, [(T.mid("1.1.2"), .reinforced), (T.mid("2.1.1"), .reinforced), (T.mid("2.1.2"), .reinforced)]),
            ],
            rules: rules)
        let report = try #require(CoverageAnalyser.analyse(program, rules: rules).first { $0.scope == T.middle })
        // l1: 20 min = 0.5 学时; l2: 40 min = 1 学时, split 0.34 / 0.33 / 0.33.
        #expect(report.rows[0].hours == 2.5)
        #expect(report.rows[0].lectures.first?.hours == 0.5)
        #expect(report.rows.prefix(4).map(\.hours) == [2.5, 0.34, 0.33, 0.33])
        #expect(report.columns.map(\.courseID) == ["c", nil])
        #expect(report.columns.map(\.total) == [2.5, 1])
        #expect(report.rows[1].byCourse.map(\.courseID) == [nil])
        #expect(report.hoursByCourse.map(\.courseID) == ["c", nil])
        #expect(report.hoursByCourse[0].lectureHours == 0.5 && report.hoursByCourse[0].columnTotal == 2.5)
        #expect(report.hoursByCourse[1].columnTotal == 1)
        #expect(report.grandTotal == 3.5)
        #expect(report.programHours.columnTotal == report.grandTotal)
    }

    @Test("lecture length is seconds ÷ 60 rounded half up to 0.01 minute, read exactly")
    func lectureLength() {
        let cases: [(Double, Int64)] = [(60, 100), (0.3, 1), (0.299, 0), (0.6, 1), (125.5, 209), (359_999.99, 600_000), (1, 2)]
        for (seconds, hundredths) in cases {
            let program = T.program(
                courses: [], modules: [], lectures: [T.lecture("l", course: nil, seconds: seconds, [(T.mid("1.1.1"), .introduced)])])
            #expect(T.report(program, T.middle)?.rows.first?.lectureMinutes == Hundredths(count: hundredths), "\(seconds) s")
        }
    }
}
