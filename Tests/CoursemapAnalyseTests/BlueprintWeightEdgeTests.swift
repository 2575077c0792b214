import CoursemapAnalyse
import CoursemapModel
import Testing

private typealias T = CoverageTestProgram

@Suite("Blueprint weights at the edges: sums beyond Int64, weights adding up to zero")
struct BlueprintWeightEdgeTests {
    private func report(_ weights: [String: String]) throws -> CoverageReport {
        let framework = T.certificate(weights: [.intermediate: weights])
        let program = T.program(
            frameworks: [framework], courses: [], modules: [],
            banks: [("b", nil, [T.item("e", usage: .exam, [T.mid("1.1.1")])])])
        return try #require(T.report(program, T.middle))
    }

    @Test("weights whose sum does not fit in Int64 millionths give no shares and no flags, and never trap")
    func overflowingSum() throws {
        let report = try report(["1": "9000000000000", "2": "9000000000000", "3": "1"])
        #expect(report.areas.map(\.weightShare) == [nil, nil, nil])
        #expect(report.areas.allSatisfy { !$0.flagged && $0.difference == nil })
        #expect(report.areas.map(\.weight) == ["9000000000000", "9000000000000", "1"], "still printed as given")
    }

    @Test("weights adding up to zero: no weight share (—), nothing flagged, though every exam point is in area 1")
    func zeroTotal() throws {
        let report = try report(["1": "0", "2": "0", "3": "0"])
        #expect(report.areas.map(\.weightShare) == [nil, nil, nil])
        #expect(report.areas.map(\.examShare) == [Tenths(count: 1000), .zero, .zero])
        #expect(report.areas.allSatisfy { !$0.flagged })
    }
}
