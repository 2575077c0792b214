import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
import CoursemapRender
import CoursemapResolve
import CoursemapWrite
import Foundation

/// Runs the five stages in order — load → resolve → analyse → render → write — collecting every stage's
/// diagnostics. Writing happens only when no stage reported an error. `build` streams pages from the
/// render threads straight into a staging folder, so the site is never held in memory whole.
public enum Pipeline {
    /// Everything a run produced.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticList
        public var program: Program
        public var coverage: [CoverageReport]
        public var orphans: Orphans
        /// The rendered files, for `check` (empty after `build`, which writes them as they are made).
        public var site: RenderedSite
        /// Pages rendered.
        public var pageCount: Int
        /// Files written to the output folder (0 for `check`, or when there were errors).
        public var filesWritten: Int
        /// Where the reports come from (revision, build date, Coursemap version).
        public var provenance: Provenance? = nil
    }

    /// How to run: edition, base URL, threads, and an optional progress counter.
    public struct Options: Sendable {
        public var edition: Edition
        public var baseURL: String?
        /// Threads for parsing and rendering (at least 1).
        public var jobs: Int
        public var progress: BuildProgress?
        /// The root-relative path the 404 pages link from (they are shown at any depth); `nil`: the path of
        /// `base_url` (`/` without one). The preview serves the site at `/`, whatever `base_url` says.
        public var siteRoot: String?

        public init(
            edition: Edition = .student, baseURL: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
            progress: BuildProgress? = nil, siteRoot: String? = nil
        ) {
            self.edition = edition
            self.baseURL = baseURL
            self.jobs = max(1, jobs)
            self.progress = progress
            self.siteRoot = siteRoot
        }
    }

    /// The first three stages' result: the resolved program, its coverage and what they reported.
    public struct Analysis: Sendable {
        public var diagnostics: DiagnosticList
        public var program: Program
        public var coverage: [CoverageReport]
        public var orphans: Orphans
        /// Where the reports come from: revision, build date, Coursemap version (`ProvenanceReader`).
        public var provenance: Provenance? = nil
        /// The load and resolve diagnostics: `diagnostics` before the coverage gates were checked.
        var resolved = DiagnosticList()
    }

    /// Load, resolve, analyse and render, without writing anything.
    public static func check(content: URL, edition: Edition = .student, baseURL: String? = nil) -> Outcome {
        check(source: .directory(content), options: Options(edition: edition, baseURL: baseURL), content: content)
    }

    /// `check(content:edition:baseURL:)` with options.
    public static func check(content: URL, options: Options) -> Outcome {
        check(source: .directory(content), options: options, content: content)
    }

    public static func check(source: ContentSource, edition: Edition = .student, baseURL: String? = nil) -> Outcome {
        check(source: source, options: Options(edition: edition, baseURL: baseURL))
    }

    public static func check(source: ContentSource, options: Options) -> Outcome {
        check(source: source, options: options, content: nil)
    }

    /// `content`: the folder `source` reads, when it is one (for the provenance's git revision and dates).
    static func check(source: ContentSource, options: Options, content: URL?) -> Outcome {
        var timer = StageTimer()
        var analysis = analyse(source: source, options: options, timer: &timer, content: content)
        let collector = SiteCollector()
        let summary = SiteRenderer.render(
            analysis.program, coverage: analysis.coverage, orphans: analysis.orphans, provenance: analysis.provenance,
            edition: options.edition, siteRoot: options.siteRoot, to: collector, jobs: options.jobs)
        analysis.diagnostics.append(contentsOf: summary.diagnostics)
        timer.lap("render")
        return Outcome(
            diagnostics: analysis.diagnostics, program: analysis.program, coverage: analysis.coverage, orphans: analysis.orphans,
            site: collector.site, pageCount: summary.pageCount, filesWritten: 0, provenance: analysis.provenance)
    }

    /// Stages 1–3: load, resolve, analyse.
    public static func analyse(source: ContentSource, options: Options) -> Analysis {
        var timer = StageTimer()
        return analyse(source: source, options: options, timer: &timer)
    }

    static func analyse(source: ContentSource, options: Options, timer: inout StageTimer, content: URL? = nil) -> Analysis {
        var loader = ContentLoader(source: source)
        loader.jobs = options.jobs
        if let progress = options.progress { loader.progress = { progress.fileLoaded() } }
        var loaded = loader.load()
        timer.lap("load")
        if let baseURL = options.baseURL, loaded.config != nil {
            loaded.config!.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        var analysis = analyse(loaded, options: options, timer: &timer)
        analysis.provenance = ProvenanceReader.read(content: content, source: source, files: loaded.files, jobs: options.jobs)
        timer.lap("provenance")
        return analysis
    }

    /// Stages 2–3 on content already loaded (`serve` keeps loaded files between edits).
    static func analyse(_ loaded: LoadedContent, options: Options, timer: inout StageTimer) -> Analysis {
        options.progress?.enter("resolve")
        var diagnostics = loaded.diagnostics
        let (program, resolveDiagnostics) = Resolver.resolve(loaded)
        diagnostics.append(contentsOf: resolveDiagnostics)
        timer.lap("resolve")
        options.progress?.enter("analyse")
        let analysis = analyse(program, resolved: diagnostics)
        timer.lap("analyse")
        return analysis
    }

    /// Stage 3 on a resolved program: coverage, orphans and the coverage gates. `resolved` holds the load
    /// and resolve diagnostics, which come first.
    static func analyse(_ program: Program, resolved: DiagnosticList) -> Analysis {
        let coverage = CoverageAnalyser.analyse(program)
        let orphans = CoverageAnalyser.orphans(program)
        var diagnostics = resolved
        diagnostics.append(contentsOf: GateChecker.check(program, reports: coverage, orphans: orphans))
        return Analysis(diagnostics: diagnostics, program: program, coverage: coverage, orphans: orphans, resolved: resolved)
    }

    /// Checks, then writes the site to `output` when there are no errors. The destination is vetted before
    /// any work, so a refused `--output` fails fast. Pages go to a staging folder as they are rendered; it
    /// replaces the output only when everything succeeded, and is removed otherwise.
    /// With `search`, the staged site is indexed with Pagefind before it replaces the output; a missing
    /// Pagefind is a warning (CM801) that says how to install it, a failing one an error.
    public static func build(
        content: URL, output: URL, edition: Edition = .student, baseURL: String? = nil, search: Bool = false
    ) throws(WriteError) -> Outcome {
        try build(content: content, output: output, search: search, options: Options(edition: edition, baseURL: baseURL))
    }

    /// For an interrupted `build` of `output`, whatever stage it is in: kills Pagefind (its whole process
    /// group) and removes its temporary folder, then removes what this process had staged and stops any
    /// later swap (see `StagedOutput.abandon`). Returns `false` when the new site had already replaced the
    /// output.
    @discardableResult
    public static func abandonBuild(output: URL) -> Bool {
        SearchIndexer.abandon()
        return StagedOutput.abandon(output: output)
    }

    public static func build(content: URL, output: URL, search: Bool = false, options: Options) throws(WriteError) -> Outcome {
        try OutputWriter.checkDestination(output: output, content: content)
        var timer = StageTimer()
        let analysis = analyse(source: .directory(content), options: options, timer: &timer, content: content)
        var outcome = Outcome(
            diagnostics: analysis.diagnostics, program: analysis.program, coverage: analysis.coverage, orphans: analysis.orphans,
            site: RenderedSite(), pageCount: 0, filesWritten: 0, provenance: analysis.provenance)
        guard !outcome.diagnostics.hasErrors else {
            // Still report theme problems, so one run shows everything.
            outcome.diagnostics.append(contentsOf: SiteRenderer.themeDiagnostics(analysis.program))
            return outcome
        }
        options.progress?.enter("render")
        let staged = try StagedOutput(output: output, content: content)
        var pageDone: (@Sendable () -> Void)?
        if let progress = options.progress { pageDone = { progress.pageRendered() } }
        let summary = SiteRenderer.render(
            analysis.program, coverage: analysis.coverage, orphans: analysis.orphans, provenance: analysis.provenance,
            edition: options.edition, siteRoot: options.siteRoot, to: staged, jobs: options.jobs, progress: pageDone)
        timer.lap("render and write")
        outcome.diagnostics.append(contentsOf: summary.diagnostics)
        outcome.pageCount = summary.pageCount
        guard !outcome.diagnostics.hasErrors else {
            staged.discard()
            return outcome
        }
        options.progress?.enter(search ? "search" : "write")
        var searchProblem: Diagnostic?
        let indexSearch: (URL) throws -> Void = { staging in
            guard search else { return }
            let problem = SearchIndexer.index(staging, content: content)
            searchProblem = problem
            // A file-system failure like a full disk while rendering (exit status 2), shown with its code.
            if let problem, problem.severity == .error { throw WriteError.io(problem.description) }
        }
        outcome.filesWritten = try staged.commit(beforeSwap: indexSearch)
        timer.lap(search ? "search and swap" : "swap")
        if let searchProblem { outcome.diagnostics.append(searchProblem) }
        return outcome
    }
}
