@testable import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Every shipped bank, exported as a QTI package and put back under `exercises/`, is the same bank:
/// ids, sections and their titles, items, titles, kinds, usage, difficulty, scores and competencies.
@Suite("QTI packages import back as the same bank")
struct QTIPackageRoundTripTests {
    /// What a bank is, for comparison (locations and import keys differ by nature).
    struct Shape: Equatable, CustomStringConvertible {
        var title: LocalizedText
        var bankDescription: LocalizedText?
        var course: String?
        var sections: [[String]]
        var sectionTitles: [LocalizedText?]
        var items: [String]

        init(_ bank: ExerciseBank) {
            title = bank.title
            bankDescription = bank.description
            course = bank.courseID
            sections = bank.sections.map { $0.items.map(\.id) }
            sectionTitles = bank.sections.map(\.title)
            items = bank.items.map { item in
                let claims = item.assesses.map(\.competency.description).joined(separator: ",")
                let title = item.title.map { "\($0.zh)|\($0.en ?? "")" } ?? "-"
                return "\(item.id) \(item.kind.rawValue) \(item.usage.rawValue) \(item.difficulty?.rawValue ?? "-") \(NumberText.plain(item.score)) \(title) [\(claims)]"
            }
        }

        var description: String { "\(title.zh) \(sectionTitles.map { $0?.zh ?? "-" }) \(sections) \(items)" }
    }

    @Test("every bank of Content/ survives export → import with its sections")
    func shippedBanks() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(shippedContent, to: "Content")
        let original = Pipeline.check(content: content)
        #expect(!original.diagnostics.hasErrors)
        let banks = original.program.banks
        #expect(banks.count >= 6)
        #expect(banks.contains { $0.sections.count > 1 && $0.sections.allSatisfy { $0.title != nil } }, "some bank has titled sections")
        #expect(banks.contains { $0.description != nil }, "some bank has a description")
        for bank in banks {
            let result = BankExport.export(bank, format: .qti)
            #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(bank.id): \(result.diagnostics)")
            var files = result.files
            // Rename the copy so both banks live side by side.
            files["items/bank.yml"] = try #require(files["items/bank.yml"]).replacingOccurrences(of: "\nid: \(bank.id)\n", with: "\nid: \(bank.id)-again\n")
            _ = try BankExport.write(BankExport.Result(format: .qti, files: files, diagnostics: []), to: content.appendingPathComponent("exercises/exported-\(bank.id)"))
        }
        let again = Pipeline.check(content: content)
        #expect(!again.diagnostics.hasErrors, "\(again.diagnostics.sorted.filter { $0.severity == .error })")
        for bank in banks {
            let copy = try #require(again.program.bank(bank.id + "-again"), "\(bank.id)")
            #expect(copy.source == .qti)
            #expect(Shape(copy) == Shape(bank), "\(bank.id)")
        }
    }
}
