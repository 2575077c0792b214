import CoursemapModel
import Foundation
import Synchronization

/// Stage 4 — render: turns the resolved program and its coverage into every file of the portal. Builds
/// each page's typed context (`PageBuilder`), renders it with the theme and hands the bytes to a
/// `SiteSink` as soon as they are made, on up to `jobs` threads; adds the theme's assets and the
/// `coverage.json` / `coverage.csv` of each report.
public enum SiteRenderer {
    /// Which pages to make. `serve` renders only the pages an edit affects; a build renders all.
    public typealias Selection = @Sendable (PageSubject) -> Bool

    /// The theme's problems (CM601), without rendering anything.
    public static func themeDiagnostics(_ program: Program) -> [Diagnostic] {
        Theme.load(overrides: program.themeFiles).1
    }

    /// Renders the whole site into memory (for `check` and tests).
    public static func render(
        _ program: Program, coverage: [CoverageReport], orphans: Orphans = Orphans(), provenance: Provenance? = nil, edition: Edition = .student,
        siteRoot: String? = nil
    ) -> (site: RenderedSite, diagnostics: DiagnosticList) {
        let collector = SiteCollector()
        let summary = render(
            program, coverage: coverage, orphans: orphans, provenance: provenance, edition: edition, siteRoot: siteRoot, to: collector)
        return (collector.site, summary.diagnostics)
    }

    /// Renders into `sink`: every page, or those `selection` picks. `progress` is told each time a page is
    /// done. The files are the same whatever `jobs` is; only the order they reach the sink varies. Without
    /// `listsPaths`, the summary's `paths` is empty (`serve` knows them when an edit cannot change them).
    /// `stop` is asked before each file is made, between the pieces of a page or data file, and while a
    /// coverage page's context is made; once it says yes, the file being made is given up (the sink keeps
    /// nothing of it), no further file is made, and the summary's `unfinished` names the subjects left out
    /// (`serve` pauses a catch-up for a new edit). Pages and the coverage data files reach the sink in
    /// pieces of about `pieceSize` bytes. `provenance` is printed on every coverage report and in its
    /// `coverage.json`. The 404 pages' links start at `siteRoot`, the root-relative path the site is served
    /// at; by default the base URL's path, or `/` (`serve`, which serves the site at its root, says `/`).
    public static func render(
        _ program: Program, coverage: [CoverageReport], orphans: Orphans = Orphans(), provenance: Provenance? = nil, edition: Edition = .student,
        siteRoot: String? = nil, to sink: some SiteSink, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        selection: Selection? = nil, listsPaths: Bool = true, progress: (@Sendable () -> Void)? = nil,
        stop: (@Sendable () -> Bool)? = nil, pieceSize: Int = 256 * 1024
    ) -> RenderSummary {
        var diagnostics = DiagnosticList()
        let (theme, themeDiagnostics) = Theme.load(overrides: program.themeFiles)
        diagnostics.append(contentsOf: themeDiagnostics)
        let stopped = Atomic<Bool>(false)
        /// Whether to stop now (asking `stop` until it first says yes). Also asked while the context of a page
        /// that sums up the program is made, and between the pieces of a data file.
        @Sendable func stopping() -> Bool {
            guard let stop else { return false }
            if !stopped.load(ordering: .relaxed), stop() { stopped.store(true, ordering: .relaxed) }
            return stopped.load(ordering: .relaxed)
        }

        var plan = SitePlan(selection: selection, recordsPaths: listsPaths || selection?(.sitemap) ?? true)
        // Every page in the site's language at the root, and again in the other language under its folder.
        for layout in [LanguageLayout.primary(program.config.language), LanguageLayout.secondary(program.config.language)] {
            let builder = PageBuilder(
                program: program, coverage: coverage, edition: edition, layout: layout, strings: theme.strings, provenance: provenance,
                stop: stopping, assetHTML: { theme.render($0, template: "item-asset") }, favicon: theme.favicon)
            planPages(program, coverage: coverage, orphans: orphans, edition: edition, builder: builder, theme: theme, layout: layout, into: &plan)
        }
        // The reports' data files do not depend on the language: made once, in pieces, written under both.
        let layouts = [LanguageLayout.primary(program.config.language), LanguageLayout.secondary(program.config.language)]
        for scope in program.reportScopes {
            guard let report = coverage.first(where: { $0.scope == scope }), let framework = program.framework(scope.framework) else { continue }
            plan.stream(layouts.map { $0.prefix + SitePaths.coverageJSON(scope) }, .coverage) { emit in
                CoverageDocument.encoded(
                    report, framework: framework, orphans: orphans, program: program, provenance: provenance, pieceSize: pieceSize, emit: emit)
            }
            plan.stream(layouts.map { $0.prefix + SitePaths.coverageCSV(scope) }, .coverage) { emit in
                CoverageTable.csv(report, program: program, pieceSize: pieceSize, emit: emit)
            }
        }
        // The 404 page in both languages; a server shows the site language's one (`404.html`).
        let root = siteRoot ?? SitePaths.rootPath(ofBaseURL: program.config.baseURL)
        for layout in [LanguageLayout.primary(program.config.language), LanguageLayout.secondary(program.config.language)] {
            let builder = PageBuilder(
                program: program, coverage: coverage, edition: edition, layout: layout, strings: theme.strings, favicon: theme.favicon)
            plan.page(layout.prefix + SitePaths.notFound, .notFound, template: "404", listed: false) { builder.notFound(siteRoot: root) }
        }
        if let baseURL = program.config.baseURL {
            let listed = plan.listedPaths
            plan.page(SitePaths.sitemap, .sitemap, template: "sitemap", listed: false) { SitemapPage(listed.sorted(), baseURL: baseURL) }
        }
        // Files only exam answers show stay out of the student edition (fail closed).
        for download in program.downloads where edition == .teacher || !program.answerFiles.contains(download) {
            plan.note(SitePaths.download(download))
            if plan.wants(.download(download)) { sink.copy(download, to: SitePaths.download(download)) }
        }
        // Files embedded in imported items: published from their bytes (named by their content), in path order.
        for (path, bytes) in program.embeddedFiles.sorted(by: { $0.key < $1.key })
        where edition == .teacher || !program.answerFiles.contains(path) {
            plan.file(SitePaths.download(path), .download(path)) { bytes }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            plan.file("assets/" + path, .asset) { bytes }
        }
        if selection == nil, listsPaths { diagnostics.append(contentsOf: PublishedPathCollisions.diagnostics(plan.allPaths, program: program)) }

        // Pages that summarise the whole program grow with it (at 100,000 modules a coverage report is over
        // 100 MB): started first, they do not leave one thread finishing them while the others wait.
        let work = plan.jobs.filter(\.summarises) + plan.jobs.filter { !$0.summarises }
        let batches = RenderBatches.group(folders: work.map { RenderBatches.folder(of: $0.paths[0]) }, isAlone: work.map(\.summarises))
        let pages = Atomic<Int>(0)
        let unfinished = Mutex<Set<PageSubject>>([])
        /// CM602 errors of pages whose template went over the work limit. After the first, no more pages
        /// are rendered: the build has failed, and every page may use the same template.
        let overruns = Mutex<[Diagnostic]>([])
        let overran = Atomic<Bool>(false)
        /// Notes that a job's file was not made (the render was told to stop).
        @Sendable func leave(_ job: RenderJob) { unfinished.withLock { _ = $0.insert(job.subject) } }
        ParallelWork.run(count: batches.count, jobs: jobs) { batch in
            for job in work[batches[batch]] {
                if stopping() {
                    leave(job)
                    continue
                }
                switch job.output {
                case .page(let template, let make):
                    if overran.load(ordering: .relaxed) { continue }
                    // A template is missing only when it failed to parse, which `Theme.load` reported (CM601).
                    // A page reaches the sink in pieces as it is rendered: at 100,000 modules a coverage report
                    // is over 100 MB, and a buffer grown to hold it whole touched twice that in new memory.
                    var complete = true
                    if theme.has(template: template) {
                        sink.write(job.paths[0]) { emit in
                            guard let context = make(), !stopping() else {
                                complete = false
                                return false
                            }
                            let outcome = theme.renderPage(context, template: template, pieceSize: pieceSize) { piece in
                                emit(piece)
                                return !stopping()
                            }
                            if outcome == .exceeded {
                                let error = theme.expansionError(template: template, page: job.paths[0])
                                overruns.withLock { $0.append(error) }
                                overran.store(true, ordering: .relaxed)
                                return false
                            }
                            let rendered = outcome == .complete
                            // Not rendered and not stopped: the context did not encode (never for the page
                            // models); the file is written as it came, as before there was a stop.
                            complete = rendered || !stopped.load(ordering: .relaxed)
                            return complete
                        }
                    }
                    guard complete else {
                        leave(job)
                        continue
                    }
                    pages.add(1, ordering: .relaxed)
                    progress?()
                case .file(let produce):
                    var complete = true
                    sink.write(job.paths) { emit in
                        complete = produce { piece in
                            emit(piece)
                            return !stopping()
                        }
                        return complete
                    }
                    if !complete { leave(job) }
                }
            }
        }
        // One error is enough (the pages that overran depend on scheduling; the first in order is reported).
        diagnostics.append(contentsOf: Array(overruns.withLock { $0 }.sorted { $0.message < $1.message }.prefix(1)))
        return RenderSummary(
            diagnostics: diagnostics, pageCount: pages.load(ordering: .relaxed), paths: plan.allPaths,
            unfinished: unfinished.withLock { $0 })
    }

    /// Plans every page of one language, and its coverage data.
    private static func planPages(
        _ program: Program, coverage: [CoverageReport], orphans: Orphans, edition: Edition, builder: PageBuilder, theme: Theme,
        layout: LanguageLayout, into plan: inout SitePlan
    ) {
        let prefix = layout.prefix
        plan.page(prefix + SitePaths.home, .home, template: "home") { builder.home() }
        plan.page(prefix + SitePaths.search, .search, template: "search") { builder.searchPage() }
        if !program.frameworks.isEmpty { plan.page(prefix + SitePaths.frameworks, .index, template: "index") { builder.frameworksIndex() } }
        if !program.courses.isEmpty { plan.page(prefix + SitePaths.courses, .index, template: "index") { builder.coursesIndex() } }
        if !program.reportScopes.isEmpty { plan.page(prefix + SitePaths.coverageIndex, .index, template: "index") { builder.coverageIndex() } }
        for framework in program.frameworks {
            plan.page(prefix + SitePaths.framework(framework.id), .framework(framework.id), template: "framework") { builder.framework(framework) }
            for competency in framework.allCompetencies {
                plan.page(prefix + SitePaths.competency(competency.id), .competency(competency.id), template: "competency") {
                    builder.competency(competency)
                }
            }
        }
        for course in program.courses {
            plan.page(prefix + SitePaths.course(course.id), .course(course.id), template: "course") { builder.course(course) }
            // Made on first use by whichever thread renders one of the course's modules first.
            let outline = Lazy { builder.outline(of: course) }
            // By position: a module is copied only for a page that is made.
            let modules = program.modules(of: course.id)
            for index in modules.indices {
                let id = modules[index].id
                plan.page(prefix + SitePaths.module(id, course: course.id), .module(id), template: "module") {
                    let module = modules[index]
                    let page = SitePaths.module(id, course: course.id)
                    var context = builder.module(module, in: course, outline: outline.value)
                    context.body = embedded(module.body, page: page, builder: builder, theme: theme)
                    return context
                }
            }
        }
        if !program.banks.isEmpty { plan.page(prefix + SitePaths.banks, .index, template: "banks") { builder.banksIndex() } }
        for bank in program.banks {
            plan.page(prefix + SitePaths.bank(bank.id), .bank(bank.id), template: "bank") { builder.bank(bank) }
            for (index, item) in bank.items.enumerated() {
                plan.page(prefix + SitePaths.item(item.id, bank: bank.id), .bank(bank.id), template: "item") {
                    builder.item(item, in: bank, number: index + 1)
                }
            }
            if edition == .teacher {
                plan.page(prefix + SitePaths.answerSheet(bank.id), .bank(bank.id), template: "answers") { builder.answerSheet(bank) }
            }
        }
        if !program.lectures.isEmpty || !program.resources.isEmpty {
            plan.page(prefix + SitePaths.library, .index, template: "library") { builder.library() }
        }
        for lecture in program.lectures {
            plan.page(prefix + SitePaths.lecture(lecture.id), .lecture(lecture.id), template: "lecture") {
                var context = builder.lecture(lecture)
                context.transcript = embedded(
                    RichText(html: context.transcript, embeds: lecture.transcript.embeds), page: SitePaths.lecture(lecture.id),
                    builder: builder, theme: theme, videoSource: context.videoSource, isTranscript: true)
                return context
            }
        }
        for resource in program.resources {
            plan.page(prefix + SitePaths.resource(resource.id), .resource(resource.id), template: "resource") { builder.resource(resource) }
        }

        for scope in program.reportScopes {
            guard let report = coverage.first(where: { $0.scope == scope }), program.framework(scope.framework) != nil else { continue }
            plan.page(prefix + SitePaths.coverage(scope), .coverage, template: "coverage") {
                builder.coverage(report, rules: report.rules.explanation(in: layout.language, blueprint: report.kind == .certificate), orphans: orphans)
            }
        }
    }

    /// The body's HTML with each embed placeholder replaced by the embedded item, bank, lecture or resource,
    /// and (in a transcript) each time-code placeholder by its link to `videoSource`, or by the time as
    /// plain text when the lecture has no video file (a platform video), all made by templates and put in
    /// by `PlaceholderFill` in one pass; footnote back-links labelled (`bodyHTML`).
    static func embedded(_ text: RichText, page: String, builder: PageBuilder, theme: Theme, videoSource: String? = nil, isTranscript: Bool = false) -> String {
        let embeds = Dictionary(text.embeds.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        // An item embedded again on the same page links to its first copy: two live copies would share one
        // element id and one radio-button group, so ticking one copy would clear the other.
        var shownItems: Set<String> = []
        let html = builder.bodyHTML(text.html)
        return PlaceholderFill.fill(html) { kind, argument in
            switch kind {
            case "embed":
                guard let embed = embeds[argument] else { return nil }
                if embed.kind == .item, !shownItems.insert(embed.target).inserted {
                    let parts = embed.target.split(separator: "/").map(String.init)
                    guard parts.count == 2, let (_, item, _) = builder.program.item(parts[1], inBank: parts[0]) else { return nil }
                    return theme.render(EmbeddedItemAgain(ui: builder.ui, anchor: "item-\(item.id)"), template: "embed-item-again")
                }
                return render(embed, page: page, builder: builder, theme: theme)
            case "time":
                // A lecture showing a platform video has no video of its own to seek: the time is plain text.
                guard isTranscript, let seconds = Double(argument), seconds.isFinite else { return nil }
                return theme.render(
                    TimeCodeLink(video: videoSource, time: argument, clock: Lecture.clock(seconds)), template: "timestamp")
            default:
                return nil
            }
        }
    }

    /// One embed, rendered by its template; `nil` when its target does not exist.
    private static func render(_ embed: Embed, page: String, builder: PageBuilder, theme: Theme) -> String? {
        switch embed.kind {
        case .lecture:
            return builder.program.lecture(embed.target).flatMap { theme.render(builder.mediaCard(lecture: $0, from: page), template: "embed-media") }
        case .resource:
            return builder.program.resource(embed.target).flatMap { theme.render(builder.mediaCard(resource: $0, from: page), template: "embed-media") }
        case .item:
            let parts = embed.target.split(separator: "/").map(String.init)
            guard parts.count == 2, let (bank, item, number) = builder.program.item(parts[1], inBank: parts[0]) else { return nil }
            return theme.render(
                EmbeddedItem(ui: builder.ui, bankHref: SitePaths.root(from: page) + SitePaths.bank(bank.id),
                             bankTitle: builder.plain(bank.title), item: builder.itemView(item, bank: bank, number: number, from: page)),
                template: "embed-item")
        case .bank:
            return builder.program.bank(embed.target).flatMap { theme.render(builder.bankCard($0, from: page), template: "embed-bank") }
        }
    }
}

/// What the render stage will make, in a stable order: each file's path, what it shows, and how to make
/// it. Only selected subjects become jobs; every path is remembered, for the sitemap and for `serve`.
private struct SitePlan {
    let selection: SiteRenderer.Selection?
    /// Whether every path is remembered, or only those of the jobs.
    let recordsPaths: Bool
    private(set) var jobs: [RenderJob] = []
    /// The `.html` pages the sitemap lists (when paths are recorded).
    private(set) var listedPaths: [String] = []
    /// Every generated path, selected or not (when paths are recorded).
    private(set) var allPaths: [String] = []

    init(selection: SiteRenderer.Selection?, recordsPaths: Bool) {
        self.selection = selection
        self.recordsPaths = recordsPaths
    }

    func wants(_ subject: PageSubject) -> Bool { selection?(subject) ?? true }

    /// A page; its path is worked out only when it is recorded or the page is made.
    mutating func page(
        _ path: @autoclosure () -> String, _ subject: PageSubject, template: String, listed: Bool = true,
        _ make: @escaping @Sendable () -> (any Encodable & Sendable)?
    ) {
        let wanted = wants(subject)
        guard wanted || recordsPaths else { return }
        let path = path()
        if recordsPaths {
            if listed { listedPaths.append(path) }
            allPaths.append(path)
        }
        if wanted { jobs.append(RenderJob(paths: [path], output: .page(template: template, make: make), subject: subject)) }
    }

    /// A path the site has that the sink receives by other means (a copied download).
    mutating func note(_ path: String) {
        if recordsPaths { allPaths.append(path) }
    }

    /// A file whose bytes `make` gives whole.
    mutating func file(_ path: String, _ subject: PageSubject, _ make: @escaping @Sendable () -> [UInt8]) {
        stream([path], subject) { emit in
            _ = emit(make())
            return true
        }
    }

    /// One file made once, piece by piece, and written at each of `paths` (see `RenderJob.Output.file`).
    mutating func stream(_ paths: [String], _ subject: PageSubject, _ produce: @escaping RenderJob.Producer) {
        if recordsPaths { allPaths.append(contentsOf: paths) }
        if wants(subject) { jobs.append(RenderJob(paths: paths, output: .file(produce), subject: subject)) }
    }
}

/// One file to make: where it goes (a page has one path; a language-independent file may have several),
/// and either a page (template and context) or raw bytes.
private struct RenderJob: Sendable {
    /// Hands a file's bytes, in order, to `emit`, which says whether to go on; returns whether the file is
    /// complete (`false` when it stopped part way because `emit` said so).
    typealias Producer = @Sendable (_ emit: ([UInt8]) -> Bool) -> Bool
    enum Output: Sendable {
        /// `make` gives the page's context, or `nil` when it was told to stop (see `PageBuilder.stop`).
        case page(template: String, make: @Sendable () -> (any Encodable & Sendable)?)
        /// Raw bytes, made once and written at each of the job's paths.
        case file(Producer)
    }
    let paths: [String]
    let output: Output
    /// What the file shows.
    let subject: PageSubject
    /// Whether the file lists the whole program, or much of it (see `PageSubject.summarises`).
    var summarises: Bool { subject.summarises }
}

/// What a render made.
public struct RenderSummary: Sendable {
    public var diagnostics: DiagnosticList
    /// Pages rendered (HTML files from templates).
    public var pageCount: Int
    /// Every path of the complete site, whether rendered this time or not.
    public var paths: [String]
    /// The subjects some of whose files were not made because the render was stopped (empty otherwise).
    public var unfinished: Set<PageSubject> = []
}

/// What a generated file shows, so that `serve` can pick the files an edit affects.
public enum PageSubject: Hashable, Sendable {
    case home, search, notFound, sitemap, asset
    /// The lists of frameworks, courses, reports, banks and the library.
    case index
    /// A coverage report page and its JSON and CSV.
    case coverage
    case framework(String)
    case competency(CompetencyID)
    case course(String)
    case module(String)
    /// A bank's page, its items' pages and its answer sheet.
    case bank(String)
    case lecture(String)
    case resource(String)
    case download(String)

    /// Coverage reports and their data, requirement pages, frameworks and the lists: files whose size grows
    /// with the program rather than with one piece of content.
    public var summarises: Bool {
        switch self {
        case .coverage, .competency, .framework, .index: return true
        default: return false
        }
    }
}
