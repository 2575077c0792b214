import ArgumentParser
import Coursemap
import CoursemapModel
import Foundation

/// `coursemap`: the command line. Thin: parses options, runs the pipeline, prints diagnostics and a
/// summary, and maps the outcome to an exit status (0 success, 1 content errors, 2 usage or I/O failure).
struct CoursemapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coursemap",
        abstract: "Build a curriculum portal and its certificate-coverage reports from a content folder.",
        discussion: """
            Content is Markdown and XML: frameworks (1+X certificate standards, program outcomes), courses \
            and modules mapped to competencies. See docs/content.md.

            Exit status: 0 success, 1 the content has errors, 2 usage or file-system failure, 3 coverage --diff \
            found coverage lost.
            """,
        version: CoursemapVersion.current,
        subcommands: [Init.self, New.self, Build.self, Serve.self, Check.self, Coverage.self, Export.self])
}

extension Edition: ExpressibleByArgument {}

/// Output format of diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "How to print diagnostics: text (path:line:col: error[CODE]: message) or json.")
    var format: DiagnosticFormat = .text

    var contentURL: URL { URL(fileURLWithPath: content) }

    /// Options for a command that has its own `--format`: text diagnostics for `content`.
    static func text(_ content: String) -> ContentOptions {
        var options = ContentOptions()
        options.content = content
        options.format = .text
        return options
    }

    /// Fails with exit status 2 when the content folder does not exist.
    func validateContentFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageFailure("content folder '\(content)' does not exist (use --content DIR)")
        }
    }

    /// Prints the diagnostics: text to standard error, JSON to standard output.
    func report(_ diagnostics: DiagnosticList) {
        switch format {
        case .text: Console.error(DiagnosticReport.text(diagnostics))
        case .json: Console.output(DiagnosticReport.json(diagnostics))
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the portal to the output folder.",
        discussion: "The output is replaced only when the content has no errors; a failed build leaves the previous site as it was.")

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "The output folder. Replaced as a whole; Coursemap refuses folders it did not create.")
    var output: String = "Site"

    @Option(name: .long, help: "student (default): exam answers never published; teacher: adds answer keys and answer sheets.")
    var edition: Edition = .student

    @Option(name: .long, help: "Overrides coursemap.yml's base_url (canonical links), e.g. for preview deployments.")
    var baseURL: String?

    @Flag(name: .long, help: "Do not build the search index (Pagefind).")
    var noSearch = false

    @OptionGroup var jobs: JobsOption

    func run() throws {
        try options.validateContentFolder()
        // A file-size limit is a write failure (exit status 2, the previous site kept), not a crash: writes
        // past it then fail with EFBIG, which the writer and the search index check report.
        signal(SIGXFSZ, SIG_IGN)
        let clock = ContinuousClock.now
        let outcome: Pipeline.Outcome
        let threads = try jobs.count()
        let line = ProgressLine()
        let interruption = BuildInterruption(output: URL(fileURLWithPath: output), shownAs: output)
        do {
            defer {
                line.finish()
                interruption.end()
            }
            outcome = try Pipeline.build(
                content: options.contentURL, output: URL(fileURLWithPath: output), search: !noSearch,
                options: Pipeline.Options(edition: edition, baseURL: baseURL, jobs: threads, progress: line.progress))
        } catch {
            throw UsageFailure(error.description)
        }
        options.report(outcome.diagnostics)
        let seconds = Summary.seconds(since: clock)
        let counts = Summary.counts(outcome.diagnostics)
        if outcome.diagnostics.hasErrors {
            Console.error("coursemap: build failed, \(output)/ left unchanged: \(counts) (\(seconds) s)\n")
            throw ExitCode(1)
        }
        Console.error("coursemap: built the \(edition.rawValue) edition, \(outcome.pageCount) pages (\(outcome.filesWritten) files), into \(output)/: \(counts) (\(seconds) s)\n")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and report every problem, writing nothing.")

    @OptionGroup var options: ContentOptions

    @OptionGroup var jobs: JobsOption

    func run() throws {
        try options.validateContentFolder()
        let clock = ContinuousClock.now
        let outcome = Pipeline.check(content: options.contentURL, options: Pipeline.Options(jobs: try jobs.count()))
        options.report(outcome.diagnostics)
        let counts = Summary.counts(outcome.diagnostics)
        Console.error("coursemap: checked \(outcome.pageCount) pages: \(counts) (\(Summary.seconds(since: clock)) s)\n")
        if outcome.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// `--jobs N`: threads for parsing and rendering.
struct JobsOption: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: "Threads for parsing and rendering (default: the number of CPU cores).")
    var jobs: Int?

    func count() throws -> Int {
        guard let jobs else { return ProcessInfo.processInfo.activeProcessorCount }
        guard jobs >= 1 else { throw UsageFailure("--jobs must be at least 1") }
        return jobs
    }
}

/// A usage or file-system failure: printed as `coursemap: error: …`, exit status 2.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Summary {
    static func counts(_ diagnostics: DiagnosticList) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let value = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return String(format: "%.2f", value)
    }
}

enum Console {
    static func output(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
