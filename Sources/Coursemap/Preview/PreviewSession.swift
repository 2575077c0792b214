import CoursemapLoad
import CoursemapModel
import CoursemapRender
import CoursemapResolve
import CoursemapWrite
import Foundation

/// Keeps a portal's output folder up to date while its content is edited: the engine behind
/// `coursemap serve`. It remembers every file's parse result and the program the output was last made
/// from, so an edit costs re-reading the changed files and rendering the pages they affect:
///
/// - an edit of modules alone that keeps their ids, courses, order and prerequisites, and checks cleanly
///   (the usual case while writing), swaps them into the last program without resolving again
///   (`Resolver.replacing`); a text-only edit then renders just the modules' pages, any other such edit
///   what `AffectedPages.selection(changed:old:new:)` picks;
/// - any other edit resolves and analyses again, then renders what `AffectedPages` selects;
/// - content with errors writes nothing: the last good pages stay in place, and the result carries the
///   diagnostics for the terminal and the page overlay;
/// - with `deferSummaries`, pages that sum up the whole program (coverage reports and their data,
///   requirement and framework pages, the lists) are left for `catchUp()`, so that the page being edited
///   is up to date first: at 10,000 modules a coverage report is megabytes of HTML.
///
/// Files are rewritten only when their bytes change, and files no longer produced are removed, so the
/// folder always equals what `coursemap build --no-search` would write (`IncrementalBuildTests`).
public final class PreviewSession {
    /// What one rebuild did.
    public struct Result: Sendable {
        /// The content's diagnostics now (empty when it is clean).
        public var diagnostics: DiagnosticList
        /// Output files written or removed (paths relative to the output folder).
        public var written: [String]
        public var removed: [String]
        /// Pages rendered (some may have come out unchanged and not been written).
        public var pagesRendered: Int
        /// Whether the output was updated; false when the content has errors.
        public var updated: Bool
        /// Whether only module text changed (and only those modules' pages were rendered).
        public var textOnly: Bool
        /// Whether pages that sum up the program were left for `catchUp()`.
        public var deferred: Bool = false
        /// Whether a catch-up stopped early because it was asked to; the pages it did not get to stay
        /// behind for the next one.
        public var interrupted: Bool = false
        public var seconds: Double
    }

    public let content: URL
    public let output: URL
    private let options: Pipeline.Options
    private var cache = LoadCache()
    /// The content files' digests, reused for files whose size and modification time did not change.
    private let hashCache = ContentHashCache()
    private let live: LiveOutput
    /// The analysis the output folder was last made from, and every file in it.
    private var current: Pipeline.Analysis?
    private var currentPaths: Set<String> = []
    /// The load stage's diagnostics when the output was last updated, and whether a rebuild has failed
    /// since: the text-only fast path is taken only when nothing else is wrong.
    private var currentLoadDiagnostics: [Diagnostic] = []
    private var failedSince = false
    /// The content folder's files when the output was last updated.
    private var currentFiles: Set<String> = []
    /// The pages `catchUp()` still has to render; `nil` when the output is complete.
    private var behind: SiteRenderer.Selection?

    /// Whether some pages were left for `catchUp()`.
    public var isBehind: Bool { behind != nil }

    /// Refuses an output folder Coursemap may not write to (see `OutputWriter.checkDestination`).
    public init(content: URL, output: URL, options: Pipeline.Options) throws(WriteError) {
        try OutputWriter.checkDestination(output: output, content: content)
        self.content = URL(fileURLWithPath: OutputWriter.canonical(content))
        self.output = URL(fileURLWithPath: OutputWriter.canonical(output))
        self.options = options
        live = LiveOutput(folder: self.output, content: self.content)
        // A previous build's files count as current, so that those no longer produced are removed.
        currentPaths = Self.files(under: self.output)
    }

    /// Brings the output up to date after `changed` files (paths relative to the content folder) were
    /// edited, added or removed; `nil` re-reads everything. With `deferSummaries`, an edit that selects
    /// only some pages renders those that sum up the program later, in `catchUp()`.
    public func rebuild(changed: Set<String>? = nil, deferSummaries: Bool = false) -> Result {
        let clock = ContinuousClock.now
        var timer = StageTimer()
        var loader = ContentLoader(source: .directory(content))
        loader.jobs = options.jobs
        var loaded = loader.load(reusing: &cache, changed: current == nil ? nil : changed)
        timer.lap("rebuild: load")
        if let baseURL = options.baseURL, loaded.config != nil {
            loaded.config!.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }

        // Where the reports come from: the revision and date move with every edit of content outside git.
        let provenance = ProvenanceReader.read(
            content: content, source: .directory(content), files: loaded.files, cache: hashCache, jobs: options.jobs)
        timer.lap("rebuild: provenance")

        var analysis: Pipeline.Analysis
        var selection: SiteRenderer.Selection?
        let textOnly: Bool
        // Whether the site's list of files is as before (only modules changed, none came, went or moved).
        var samePaths = false
        // A path in neither listing came and went between two looks (`sed -i` and some editors save through
        // a temporary file): it changes nothing.
        let changed = changed?.filter { loaded.files.contains($0) || currentFiles.contains($0) }
        if let current, let changed, !failedSince,
            loaded.diagnostics.items.filter({ !changed.contains($0.location.file) }) == currentLoadDiagnostics,
            let edit = Self.moduleEdit(changed, loaded: loaded, current: current)
        {
            analysis = edit.analysis
            let bodyOnly = edit.changes.allSatisfy { $0.before.differsOnlyInBody(from: $0.after) }
            selection = bodyOnly
                ? AffectedPages.ownPages(Set(edit.changes.map(\.after.id)))
                : AffectedPages.selection(changed: edit.changes.flatMap { [$0.before, $0.after] }, old: current.program, new: analysis.program)
            textOnly = bodyOnly
            samePaths = true
            timer.lap(bodyOnly ? "rebuild: text-only edit" : "rebuild: module edit")
        } else {
            analysis = Pipeline.analyse(loaded, options: options, timer: &timer)
            if !analysis.diagnostics.hasErrors {
                analysis.diagnostics.append(contentsOf: SiteRenderer.themeDiagnostics(analysis.program))
            }
            if analysis.diagnostics.hasErrors {
                failedSince = true
                return Result(diagnostics: analysis.diagnostics, written: [], removed: [], pagesRendered: 0, updated: false, textOnly: false, seconds: Self.seconds(since: clock))
            }
            selection = current.flatMap { AffectedPages.selection(old: $0.program, new: analysis.program) }
            textOnly = false
        }
        analysis.provenance = provenance
        // The reports print the provenance: when it changed, they are made again whatever else the edit selects.
        let provenanceChanged = current != nil && current?.provenance != provenance
        if let base = selection, provenanceChanged {
            selection = { subject in subject == .coverage || base(subject) }
        }
        // A published data file whose bytes changed is copied again, whatever else the edit selects.
        if let base = selection, let changed {
            let downloads = Set(analysis.program.downloads).intersection(changed)
            if !downloads.isEmpty {
                selection = { subject in
                    if case .download(let path) = subject, downloads.contains(path) { return true }
                    return base(subject)
                }
            }
        }

        var deferred = false
        if let base = selection {
            // An edit to a module's text selects no page that sums up the program, unless the reports'
            // provenance changed with it.
            if deferSummaries && (!textOnly || provenanceChanged) {
                let earlier = behind
                behind = { subject in (subject.summarises && base(subject)) || (earlier?(subject) ?? false) }
                selection = { subject in !subject.summarises && base(subject) }
                deferred = true
            }
        } else {
            behind = nil
        }

        let summary = SiteRenderer.render(
            analysis.program, coverage: analysis.coverage, orphans: analysis.orphans, provenance: analysis.provenance,
            // The preview serves the site at its root, whatever path `base_url` names: the 404 pages link from `/`.
            edition: options.edition, siteRoot: options.siteRoot ?? "/", to: live,
            jobs: options.jobs, selection: selection, listsPaths: !samePaths)
        timer.lap("rebuild: render and write")
        live.write(OutputWriter.markerName, Array(OutputWriter.markerText.utf8))
        // An edit of modules alone changes no path, so there is nothing stale to look for.
        var paths = currentPaths
        var removed: [String] = []
        if !samePaths {
            paths = Set(summary.paths)
            paths.insert(OutputWriter.markerName)
            removed = live.removeStale(previous: currentPaths, current: paths)
        }
        timer.lap("rebuild: remove stale files")
        let (written, failure) = live.takeChanges()
        var diagnostics = analysis.diagnostics
        diagnostics.append(contentsOf: summary.diagnostics)
        if let failure {
            diagnostics.append(.error(.unreadableFile, at: SourceLocation(file: output.path), failure))
        }
        current = analysis
        currentPaths = paths
        currentFiles = loaded.files
        currentLoadDiagnostics = loaded.diagnostics.items
        failedSince = failure != nil
        return Result(
            diagnostics: diagnostics, written: written, removed: removed, pagesRendered: summary.pageCount, updated: failure == nil,
            textOnly: textOnly, deferred: deferred, seconds: Self.seconds(since: clock))
    }

    /// Renders the pages earlier rebuilds left for later, from the last program that built without errors.
    /// Does nothing when `isBehind` is false. The result's diagnostics hold only a failure to write.
    /// `stop` is asked as `SiteRenderer.render(stop:)` asks it: before each file, between the pieces of a
    /// page or data file, and while a coverage page's context is made. Once it says yes the catch-up ends
    /// early (`interrupted`), keeping the files it finished; the pages it did not finish stay behind.
    /// `serve` stops for a new edit, so that the edited page does not wait behind a coverage report.
    public func catchUp(stoppingWhen stop: (@Sendable () -> Bool)? = nil) -> Result {
        let clock = ContinuousClock.now
        guard let pending = behind, let current else {
            return Result(diagnostics: DiagnosticList(), written: [], removed: [], pagesRendered: 0, updated: true, textOnly: false, seconds: 0)
        }
        behind = nil
        let summary = SiteRenderer.render(
            current.program, coverage: current.coverage, orphans: current.orphans, provenance: current.provenance,
            // The preview serves the site at its root, whatever path `base_url` names: the 404 pages link from `/`.
            edition: options.edition, siteRoot: options.siteRoot ?? "/", to: live,
            jobs: options.jobs, selection: pending, listsPaths: false, stop: stop)
        let (written, failure) = live.takeChanges()
        var diagnostics = DiagnosticList()
        if let failure {
            diagnostics.append(.error(.unreadableFile, at: SourceLocation(file: output.path), failure))
            behind = pending
        } else if !summary.unfinished.isEmpty {
            let left = summary.unfinished
            behind = { left.contains($0) }
        }
        return Result(
            diagnostics: diagnostics, written: written, removed: [], pagesRendered: summary.pageCount, updated: failure == nil,
            textOnly: false, interrupted: !summary.unfinished.isEmpty, seconds: Self.seconds(since: clock))
    }

    /// When every changed file is a module that loads cleanly, had no diagnostics, and changes nothing only
    /// a full resolve handles (see `Resolver.replacing`): the current analysis with the new modules swapped
    /// in, its coverage analysed again if claims or hours changed; and each module before and after.
    private static func moduleEdit(
        _ changed: Set<String>, loaded: LoadedContent, current: Pipeline.Analysis
    ) -> (analysis: Pipeline.Analysis, changes: [(before: Module, after: Module)])? {
        guard !changed.isEmpty else { return nil }
        let edited = loaded.modules.filter { changed.contains($0.location.file) }
        guard edited.count == changed.count,
            !loaded.diagnostics.items.contains(where: { changed.contains($0.location.file) }),
            !current.diagnostics.items.contains(where: { changed.contains($0.location.file) })
        else { return nil }
        var program = current.program
        var changes: [(before: Module, after: Module)] = []
        for module in edited {
            guard let before = program.module(module.id, in: module.courseID),
                let updated = Resolver.replacing(module, in: program),
                let after = updated.module(module.id, in: module.courseID)
            else { return nil }
            program = updated
            changes.append((before, after))
        }
        var analysis = current
        if changes.contains(where: { !$0.before.countsTheSame(as: $0.after) }) {
            analysis = Pipeline.analyse(program, resolved: current.resolved)
            analysis.diagnostics.append(contentsOf: SiteRenderer.themeDiagnostics(program))
        } else {
            analysis.program = program
        }
        return (analysis, changes)
    }

    /// Every file under `folder`, relative to it.
    private static func files(under folder: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: Set<String> = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.insert(relative)
            }
        }
        return files
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
