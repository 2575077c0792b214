import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
import CoursemapRender
import CoursemapResolve
import CoursemapWrite
import Foundation

/// Runs the five stages in order — load → resolve → analyse → render → write — collecting every stage's
/// diagnostics. Writing happens only when no stage reported an error.
public enum Pipeline {
    /// Everything a run produced.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticList
        public var program: Program
        public var coverage: [CoverageReport]
        public var orphans: Orphans
        public var site: RenderedSite
        /// Files written to the output folder (0 for `check`, or when there were errors).
        public var filesWritten: Int

        public var pageCount: Int { site.pageCount }
    }

    /// Load, resolve, analyse and render, without writing anything.
    public static func check(content: URL, edition: Edition = .student, baseURL: String? = nil) -> Outcome {
        check(source: .directory(content), edition: edition, baseURL: baseURL)
    }

    public static func check(source: ContentSource, edition: Edition = .student, baseURL: String? = nil) -> Outcome {
        var timer = StageTimer()
        var loaded = ContentLoader(source: source).load()
        timer.lap("load")
        if let baseURL, loaded.config != nil {
            loaded.config!.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        var diagnostics = loaded.diagnostics
        let (program, resolveDiagnostics) = Resolver.resolve(loaded)
        diagnostics.append(contentsOf: resolveDiagnostics)
        timer.lap("resolve")
        let coverage = CoverageAnalyser.analyse(program)
        let orphans = CoverageAnalyser.orphans(program)
        diagnostics.append(contentsOf: GateChecker.check(program, reports: coverage, orphans: orphans))
        timer.lap("analyse")
        let (site, renderDiagnostics) = SiteRenderer.render(program, coverage: coverage, orphans: orphans, edition: edition)
        diagnostics.append(contentsOf: renderDiagnostics)
        timer.lap("render")
        return Outcome(diagnostics: diagnostics, program: program, coverage: coverage, orphans: orphans, site: site, filesWritten: 0)
    }

    /// Checks, then writes the site to `output` when there are no errors. The destination is vetted before
    /// any work, so a refused `--output` fails fast.
    /// With `search`, the staged site is indexed with Pagefind before it replaces the output; a missing
    /// Pagefind is a warning (CM801) that says how to install it, a failing one an error.
    public static func build(
        content: URL, output: URL, edition: Edition = .student, baseURL: String? = nil, search: Bool = false
    ) throws(WriteError) -> Outcome {
        try OutputWriter.checkDestination(output: output, content: content)
        var outcome = check(content: content, edition: edition, baseURL: baseURL)
        guard !outcome.diagnostics.hasErrors else { return outcome }
        var searchProblem: Diagnostic?
        let written = try OutputWriter.write(outcome.site, to: output, content: content) { staging in
            guard search else { return }
            searchProblem = SearchIndexer.index(staging)
            if let searchProblem, searchProblem.severity == .error { throw WriteError.io(searchProblem.message) }
        }
        outcome.filesWritten = written
        if let searchProblem { outcome.diagnostics.append(searchProblem) }
        return outcome
    }
}
