import ArgumentParser
import Coursemap
import CoursemapInterop
import CoursemapModel
import Foundation

/// `coursemap export`: a bank as Moodle XML or QTI 2.1, or a framework as a CASE package or a Moodle
/// competency-framework CSV, for an LMS or another tool.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an exercise bank (moodle, qti) or a framework (case, moodle-competencies).",
        discussion: """
            moodle --bank ID: one Moodle XML file (competencies travel as coursemap:… tags), plus NAME.bank.yml beside it.
            qti --bank ID: a folder with imsmanifest.xml, assessment-test.xml (the sections), items/<id>.xml and items/bank.yml, so importing the folder gives the bank back.
            case --framework ID: a 1EdTech CASE v1.1 package (JSON, deterministic lowercase UUIDs; lastChangeDateTime = the version date, else the content revision's date, SOURCE_DATE_EPOCH first); as frameworks/ID.case.json it imports back.
            moodle-competencies --framework ID: a competency-framework CSV for Moodle's tool_lpimportcsv.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case moodle
        case qti
        case `case`
        case moodleCompetencies = "moodle-competencies"
    }

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "moodle or qti.")
    var format: Format

    @Option(name: .long, help: "The id of the bank to export (moodle, qti).")
    var bank: String?

    @Option(name: .long, help: "The id of the framework to export (case, moodle-competencies).")
    var framework: String?

    @Option(name: .long, help: "With case: the base URI of the published CASE package's URIs.")
    var baseURI: String?

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
        if format == .case || format == .moodleCompetencies {
            guard let id = framework else { throw UsageFailure("--format \(format.rawValue) needs --framework ID") }
            guard let exported = outcome.program.framework(id) else {
                throw UsageFailure("no framework with id '\(id)' (frameworks: \(outcome.program.frameworks.map(\.id).joined(separator: ", ")))")
            }
            // lastChangeDateTime: the framework's version date, else the content revision's date (never the clock).
            let text = format == .case
                ? CASEExporter.export(exported, baseURI: baseURI, revisionDate: outcome.provenance?.buildDate)
                : MoodleCompetencyCSV.export(exported)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
            }
            Console.error("coursemap: exported framework '\(id)' as \(format.rawValue): \(output)\n")
            return
        }
        guard let bank else { throw UsageFailure("--format \(format.rawValue) needs --bank ID") }
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
