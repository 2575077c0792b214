import ArgumentParser
import Coursemap
import CoursemapModel
import Foundation

/// `coursemap export`: a bank as Moodle XML or QTI 2.1, for an LMS or another item-bank tool.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an exercise bank as Moodle XML or as QTI 2.1 items.",
        discussion: """
            moodle: one Moodle XML file (competencies travel as coursemap:… tags), plus NAME.bank.yml beside it.
            qti: a folder with imsmanifest.xml, items/<id>.xml and items/bank.yml, so importing the folder gives the bank back.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case moodle
        case qti
    }

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "moodle or qti.")
    var format: Format

    @Option(name: .long, help: "The id of the bank to export.")
    var bank: String

    @Option(name: .long, help: "The file (moodle) or folder (qti) to write.")
    var output: String

    func run() throws {
        let options = ContentOptions.text(content)
        try options.validateContentFolder()
        let outcome = Pipeline.check(content: options.contentURL)
        if outcome.diagnostics.hasErrors {
            options.report(outcome.diagnostics)
            Console.error("coursemap: the content has errors; fix them before exporting\n")
            throw ExitCode(1)
        }
        guard let exported = outcome.program.bank(bank) else {
            let known = outcome.program.banks.map(\.id).joined(separator: ", ")
            throw UsageFailure("no bank with id '\(bank)' (banks: \(known.isEmpty ? "none" : known))")
        }
        let result = BankExport.export(exported, format: format == .moodle ? .moodle : .qti)
        do {
            let written = try BankExport.write(result, to: URL(fileURLWithPath: output))
            options.report(DiagnosticList(result.diagnostics))
            Console.error("coursemap: exported bank '\(bank)' (\(exported.items.count) items) as \(format.rawValue): \(written.joined(separator: ", "))\n")
        } catch {
            throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
