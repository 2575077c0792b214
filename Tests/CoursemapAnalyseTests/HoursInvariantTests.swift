import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation
import Testing

@Suite("Coverage hours invariants on every fixture (docs/coverage.md §4.3)")
struct HoursInvariantTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("columns add up, never exceed the module hours in scope, nor the declared hours; the grand total never exceeds the program", arguments: ["Content", "Tests/Fixtures/site"])
    func invariants(_ folder: String) throws {
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: Self.root.appendingPathComponent(folder)).load())
        let reports = CoverageAnalyser.analyse(program)
        #expect(!reports.isEmpty)
        let programHours = program.courses.map { Hundredths.of($0.hours.theory) + Hundredths.of($0.hours.practice) }.sum()
        for report in reports {
            let label = "\(folder) \(report.scope)"
            for column in report.columns {
                let cells = report.rows.flatMap(\.byCourse).filter { $0.courseID == column.courseID }.map(\.hours).sum()
                #expect(cells == column.total, "\(label): column \(column.courseID ?? "-") adds up")
                let line = try #require(report.hoursByCourse.first { $0.courseID == column.courseID })
                #expect(line.columnTotal == column.total, "\(label): reconciliation")
                if !report.rules.lecturesAsHours {
                    #expect(line.attributed <= line.moduleHoursInScope, "\(label): \(column.courseID ?? "-") attributed ≤ in scope")
                    #expect(line.moduleHoursInScope <= line.moduleHours)
                    #expect(line.exceedsDeclared || line.moduleHours <= line.declared, "\(label): \(column.courseID ?? "-") ≤ declared")
                }
            }
            for row in report.rows {
                #expect(row.byCourse.map(\.hours).sum() == row.hours, "\(label): row \(row.competency) adds up")
            }
            #expect(report.rows.map(\.hours).sum() == report.grandTotal, "\(label): rows and columns give one grand total")
            #expect(report.programHours.columnTotal == report.grandTotal)
            #expect(report.programHours.declared == programHours)
            if !report.hoursByCourse.contains(where: \.exceedsDeclared) && !report.rules.lecturesAsHours {
                #expect(report.grandTotal <= programHours, "\(label): grand total ≤ program hours")
            }
        }
    }

    @Test("the shipped program: every 中级 column is exactly its course's hours, 176 in all")
    func shipped() throws {
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: Self.root.appendingPathComponent("Content")).load())
        let report = try #require(CoverageAnalyser.analyse(program).first { $0.scope.description == "b2b-data:中级" })
        #expect(report.grandTotal == Hundredths(whole: 176))
        for line in report.hoursByCourse {
            #expect(line.columnTotal <= line.declared, "\(line.courseID ?? "-")")
        }
    }
}
