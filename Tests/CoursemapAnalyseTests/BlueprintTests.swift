import CoursemapAnalyse
import CoursemapModel
import Testing

private typealias T = CoverageTestProgram

@Suite("Coverage blueprint: per level, exam points by score, strict tolerance (docs/coverage.md §6)")
struct BlueprintTests {
    /// 初级 and 中级 both have area "1" (and "2"), with different weights.
    static let framework = T.certificate(weights: [
        .elementary: ["1": "70", "2": "30"],
        .intermediate: ["1": "20", "2": "30", "3": "50"],
    ])

    @Test("the 中级 blueprint uses only 中级 areas, weights and items; the 初级 one only 初级's")
    func levelsNeverMix() throws {
        let program = T.program(
            frameworks: [Self.framework], courses: [T.course("c", hours: 4)],
            modules: [T.module("m", course: "c", hours: 4, [(T.low("1.1.1"), .mastered, nil), (T.mid("3.1.1"), .mastered, nil)])],
            banks: [("b", "c", [
                T.item("low", usage: .exam, score: 5, [T.low("1.1.1")]),
                T.item("mid", usage: .exam, score: 2, [T.mid("1.1.1")]),
                T.item("mid3", usage: .exam, score: 2, [T.mid("3.1.2")]),
            ])])
        let middle = try #require(T.report(program, T.middle))
        #expect(middle.areas.map(\.code) == ["1", "2", "3"])
        #expect(middle.areas.map(\.weight) == ["20", "30", "50"])
        #expect(middle.areas.map(\.weightShare) == [Tenths(count: 200), Tenths(count: 300), Tenths(count: 500)])
        #expect(middle.areas.map(\.examPoints) == [2, 0, 2])
        #expect(middle.areas.map(\.examShare) == [Tenths(count: 500), .zero, Tenths(count: 500)])
        #expect(middle.areas.map(\.difference) == [Tenths(count: 300), Tenths(count: 300), .zero])
        #expect(middle.areas.map(\.flagged) == [true, true, false])
        #expect(middle.areas.map(\.hours) == [0, 0, 4], "each scope divides the module on its own")
        let elementary = try #require(T.report(program, T.elementary))
        #expect(elementary.areas.map(\.code) == ["1", "2"])
        #expect(elementary.areas.map(\.weightShare) == [Tenths(count: 700), Tenths(count: 300)])
        #expect(elementary.areas.map(\.examPoints) == [5, 0])
        #expect(elementary.areas.map(\.hourShare) == [Tenths(count: 1000), .zero])
    }

    @Test("an item's score is split among the distinct areas it assesses; practice items are counted apart")
    func scoreSplit() throws {
        let program = T.program(
            frameworks: [Self.framework], courses: [], modules: [],
            banks: [("b", nil, [
                T.item("e1", usage: .exam, score: 1, [T.mid("1.1.1"), T.mid("1.1.2"), T.mid("2.1.1"), T.mid("3.1.1")]),
                T.item("p1", usage: .practice, score: 3, [T.mid("2.1.1")]),
                T.item("low", usage: .exam, score: 9, [T.low("2.1.1")]),
            ])])
        let report = try #require(T.report(program, T.middle))
        // 1 point over areas 1, 2, 3 (1.1.1 and 1.1.2 are one area): 0.34, 0.33, 0.33.
        #expect(report.areas.map(\.examPoints) == [0.34, 0.33, 0.33])
        #expect(report.areas.map(\.examShare) == [Tenths(count: 340), Tenths(count: 330), Tenths(count: 330)])
        #expect(report.areas.map(\.practicePoints) == [0, 3, 0])
        #expect(report.areas.map(\.practiceShare) == [.zero, Tenths(count: 1000), .zero])
    }

    @Test("flagged only when the difference of the rounded shares is strictly greater than the tolerance as given")
    func strictTolerance() throws {
        // Weights 17 and 83 against exam points 9 and 91: shares 17.0 vs 9.0, difference 8.0.
        let framework = T.certificate(weights: [.intermediate: ["1": "17", "2": "83", "3": "0"]])
        let items = (0..<9).map { T.item("a\($0)", usage: .exam, [T.mid("1.1.1")]) } + (0..<91).map { T.item("b\($0)", usage: .exam, [T.mid("2.1.1")]) }
        func report(_ tolerance: String) throws -> CoverageReport {
            let rules = CoverageRules(blueprintTolerance: Double(tolerance)!, blueprintToleranceText: tolerance)
            let program = T.program(frameworks: [framework], courses: [], modules: [], banks: [("b", nil, items)], rules: rules)
            return try #require(CoverageAnalyser.analyse(program, rules: rules).first { $0.scope == T.middle })
        }
        let at8 = try report("8")
        #expect(at8.areas[0].difference == Tenths(count: 80))
        #expect(at8.areas[0].flagged == false, "8.0 is not more than 8")
        #expect(try report("7.99").areas[0].flagged == true)
        #expect(try report("8.3").areas[0].flagged == false)
        #expect(try report("8.3").rules.blueprintToleranceText == "8.3")
        #expect(at8.areas[2].weightShare == .zero && at8.areas[2].examShare == .zero && !at8.areas[2].flagged)
    }

    @Test("areas without a weight show none and are never flagged; outcomes reports have no blueprint")
    func unweighted() throws {
        let framework = T.certificate(weights: [.intermediate: ["1": "8.3", "2": "10"]])
        let program = T.program(
            frameworks: [framework, T.outcomes], courses: [], modules: [],
            banks: [("b", nil, [T.item("e", usage: .exam, [T.mid("3.1.1"), T.outcome("K1")])])])
        let report = try #require(T.report(program, T.middle))
        #expect(report.areas.map(\.weight) == ["8.3", "10", nil])
        // 8.3 of 18.3 = 45.355… % → 45.4; 10 of 18.3 = 54.644… % → 54.6.
        #expect(report.areas.map(\.weightShare) == [Tenths(count: 454), Tenths(count: 546), nil])
        #expect(report.areas[2].difference == nil && !report.areas[2].flagged)
        #expect(report.hasBlueprint)
        let outcomes = try #require(T.report(program, T.outcomeScope))
        #expect(!outcomes.hasBlueprint)
        #expect(outcomes.areas.allSatisfy { $0.weight == nil && !$0.flagged })
        #expect(outcomes.areas.map(\.examPoints) == [1, 0])
    }
}
