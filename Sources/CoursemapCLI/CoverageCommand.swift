import ArgumentParser
import Coursemap
import CoursemapModel
import CoursemapRender
import Foundation

/// `coursemap coverage`: the coverage of a framework in the terminal, as CSV or JSON, or compared with an
/// earlier `coverage.json`.
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show coverage in the terminal (table, csv, json), or what changed since an earlier coverage.json.",
        discussion: "With --diff, exits 1 when any requirement lost coverage or became a gap, so CI can flag it.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case csv
        case json
    }

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "A report scope: framework id, or framework:level (default: every reported scope).")
    var framework: String?

    @Option(name: .long, help: "table, csv or json.")
    var format: Format = .table

    @Option(name: .long, help: "An earlier coverage.json to compare with.")
    var diff: String?

    func run() throws {
        let options = ContentOptions.text(content)
        try options.validateContentFolder()
        let outcome = Pipeline.check(content: options.contentURL)
        if outcome.diagnostics.hasErrors {
            options.report(outcome.diagnostics)
            throw ExitCode(1)
        }
        var scopes = outcome.program.reportScopes
        if let framework {
            guard let scope = FrameworkScope(parsing: framework), outcome.program.framework(scope.framework) != nil else {
                throw UsageFailure("unknown framework '\(framework)' (reports: \(scopes.map(\.description).joined(separator: ", ")))")
            }
            scopes = scope.level == nil && outcome.program.framework(scope.framework)?.kind == .certificate
                ? outcome.program.framework(scope.framework)!.scopes : [scope]
        }
        let documents = scopes.compactMap { scope in
            outcome.coverage.first { $0.scope == scope }.flatMap { CoverageDocument.make($0, program: outcome.program, orphans: outcome.orphans) }
        }
        if let diff {
            let old: CoverageDocument
            do {
                old = try CoverageDocument.decode(Data(contentsOf: URL(fileURLWithPath: diff)))
            } catch {
                throw UsageFailure("cannot read \(diff) as a coverage.json: \(error.localizedDescription)")
            }
            guard let current = documents.first(where: { $0.framework.id == old.framework.id && $0.framework.level == old.framework.level }) else {
                throw UsageFailure("\(diff) is for \(old.framework.id)\(old.framework.level.map { ":\($0)" } ?? ""), which the content does not report on")
            }
            let result = CoverageDiff.compare(old: old, new: current)
            Console.output(result.text)
            if !result.lost.isEmpty || !result.newGaps.isEmpty { throw ExitCode(1) }
            return
        }
        for document in documents {
            switch format {
            case .table: Console.output(CoverageTerminalTable.render(document) + "\n")
            case .json: Console.output(document.json)
            case .csv:
                guard let report = outcome.coverage.first(where: { $0.scope.framework == document.framework.id && $0.scope.level?.rawValue == document.framework.level }) else { continue }
                Console.output(String(decoding: CoverageCSV.bytes(report, program: outcome.program).dropFirst(3), as: UTF8.self))
            }
        }
    }
}
