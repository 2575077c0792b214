import ArgumentParser
import Coursemap
import CoursemapModel
import CoursemapRender
import Foundation

/// `coursemap coverage`: the coverage of the reported scopes in the terminal, as one CSV or one JSON
/// document, or compared evidence by evidence with an earlier `coverage.json` (`docs/coverage.md` §10).
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show coverage in the terminal (table, csv, json), or what changed since an earlier coverage.json.",
        discussion: """
            --format json prints one JSON document; --format csv one CSV, with a byte-order mark unless --no-bom.
            With --diff: exit status 0 when no coverage was lost, 3 when a requirement present in both has a worse \
            status, a lower taught level or is no longer assessed, 1 when the content has errors, 2 on a usage \
            error (unknown scope, unreadable or foreign OLD.json).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case csv
        case json
    }

    /// `--lang`: the language of the table's and the diff's words.
    enum Lang: String, ExpressibleByArgument, CaseIterable {
        case zh
        case en

        var language: Language { self == .zh ? .zh : .en }
    }

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "A report scope: framework id, or framework:level (default: every reported scope).")
    var framework: String?

    @Option(name: .long, help: "table, csv or json.")
    var format: Format = .table

    @Option(name: .long, help: "zh or en: the language of the table and the diff (default: the site's language).")
    var lang: Lang?

    @Flag(name: .long, help: "CSV without the UTF-8 byte-order mark, for pipes.")
    var noBom = false

    @Option(name: .long, help: "An earlier coverage.json to compare with (exit status 3 when coverage was lost).")
    var diff: String?

    func validate() throws {
        if diff != nil && format == .csv { throw ValidationError("--diff prints text or json, not csv") }
    }

    func run() throws {
        let result = try output()
        Console.output(result.text)
        if result.status != 0 { throw ExitCode(result.status) }
    }

    /// What the command prints on standard output, and its exit status.
    func output() throws -> (text: String, status: Int32) {
        let options = ContentOptions.text(content)
        try options.validateContentFolder()
        let outcome = Pipeline.check(content: options.contentURL)
        if outcome.diagnostics.hasErrors {
            options.report(outcome.diagnostics)
            return ("", 1)
        }
        let language = lang?.language ?? outcome.program.config.language
        if let diff { return try compare(with: diff, outcome: outcome, language: language) }
        let reports = try selectedScopes(outcome.program).compactMap { scope in outcome.coverage.first { $0.scope == scope } }
        switch format {
        case .csv:
            let bytes = CoverageCommandOutput.csv(reports, program: outcome.program, byteOrderMark: !noBom)
            return (String(decoding: bytes, as: UTF8.self), 0)
        case .json:
            return (String(decoding: CoverageCommandOutput.json(documents(reports, outcome)), as: UTF8.self), 0)
        case .table:
            let table = CoverageTerminalTable(language: language, width: TerminalWidth.current())
            return (documents(reports, outcome).map { table.render($0) }.joined(separator: "\n"), 0)
        }
    }

    private func documents(_ reports: [CoverageReport], _ outcome: Pipeline.Outcome) -> [CoverageDocument] {
        reports.compactMap { CoverageDocument.make($0, program: outcome.program, orphans: outcome.orphans, provenance: outcome.provenance) }
    }

    /// The scopes of `--framework` (every level of a certificate given without a level), else the reported
    /// scopes.
    private func selectedScopes(_ program: Program) throws -> [FrameworkScope] {
        guard let framework else { return program.reportScopes }
        let known = program.frameworks.flatMap(\.scopes)
        guard let scope = FrameworkScope(parsing: framework), let found = program.framework(scope.framework) else {
            throw UsageFailure("unknown scope '\(framework)' (scopes: \(known.map(\.description).joined(separator: ", ")))")
        }
        if scope.level == nil { return found.scopes }
        guard found.scopes.contains(scope) else {
            throw UsageFailure("unknown scope '\(framework)' (scopes: \(known.map(\.description).joined(separator: ", ")))")
        }
        return [scope]
    }

    /// `--diff OLD.json`: the old file's scope (which `--framework`, when given, must include) against the
    /// current coverage.
    private func compare(with path: String, outcome: Pipeline.Outcome, language: Language) throws -> (text: String, status: Int32) {
        let old = try oldDocument(path, program: outcome.program)
        let oldScope = old.framework.id + (old.framework.level.map { ":\($0)" } ?? "")
        let candidates = framework == nil ? outcome.program.frameworks.flatMap(\.scopes) : try selectedScopes(outcome.program)
        guard let scope = candidates.first(where: { $0.description == oldScope }),
            let report = outcome.coverage.first(where: { $0.scope == scope }),
            let current = CoverageDocument.make(report, program: outcome.program, orphans: outcome.orphans, provenance: outcome.provenance)
        else {
            throw UsageFailure("\(path) is for \(oldScope), which " + (framework.map { "--framework \($0) does not select" } ?? "the content does not have"))
        }
        let result = CoverageDiff.compare(old: old, new: current)
        let text = format == .json ? String(decoding: CoverageCommandOutput.pretty(result), as: UTF8.self) : result.text(language)
        return (text, result.coverageLost ? 3 : 0)
    }

    /// `OLD.json`: one scope's `coverage.json`, or the report `--framework` selects from a file of several
    /// (`coverage --format json` without `--framework`).
    private func oldDocument(_ path: String, program: Program) throws -> CoverageDocument {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw UsageFailure("cannot read \(path): no such file")
        }
        if isFolder.boolValue { throw UsageFailure("cannot read \(path): it is a folder, not a coverage.json") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageFailure("cannot read \(path): the file cannot be opened")
        }
        do {
            guard let several = try CoverageReports.decodeIfSeveral(data) else { return try CoverageDocument.decode(data) }
            let scopes = several.reports.map { $0.framework.id + ($0.framework.level.map { ":\($0)" } ?? "") }
            let selected = framework == nil ? [] : try selectedScopes(program).map(\.description)
            let matching = several.reports.indices.filter { selected.contains(scopes[$0]) }
            if matching.count == 1 { return several.reports[matching[0]] }
            if framework == nil && several.reports.count == 1 { return several.reports[0] }
            throw UsageFailure(
                "\(path) holds the reports of several scopes (\(scopes.joined(separator: ", "))); choose one with --framework")
        } catch let failure as UsageFailure {
            throw failure
        } catch {
            throw UsageFailure("cannot read \(path) as a coverage.json: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        default:
            return error.localizedDescription
        }
    }
}
