import CoursemapModel
import Dispatch

/// Stage 4 — render: turns the resolved program and its coverage into every file of the portal, in
/// memory. Builds each page's typed context (`PageBuilder`), renders it with the theme, adds the theme's
/// assets and the `coverage.json` of each report.
public enum SiteRenderer {
    public static func render(
        _ program: Program, coverage: [CoverageReport], orphans: Orphans = Orphans(), edition: Edition = .student
    ) -> (site: RenderedSite, diagnostics: DiagnosticList) {
        let rules = program.config.coverageRules
        var diagnostics = DiagnosticList()
        let (theme, themeDiagnostics) = Theme.load(overrides: program.themeFiles)
        diagnostics.append(contentsOf: themeDiagnostics)

        var site = RenderedSite()
        // Every page in the site's language at the root, and again in the other language under its folder.
        for layout in [LanguageLayout.primary(program.config.language), LanguageLayout.secondary(program.config.language)] {
            let builder = PageBuilder(program: program, coverage: coverage, edition: edition, layout: layout, strings: theme.strings)
            renderPages(program, coverage: coverage, orphans: orphans, edition: edition, builder: builder, theme: theme, layout: layout, into: &site)
        }
        let primary = PageBuilder(program: program, coverage: coverage, edition: edition, strings: theme.strings)
        if let html = theme.render(primary.notFound(), template: "404") { site.add(SitePaths.notFound, text: html) }
        if let baseURL = program.config.baseURL { site.add(SitePaths.sitemap, text: Sitemap.xml(site.paths, baseURL: baseURL)) }
        for download in program.downloads {
            site.copy(download, to: SitePaths.download(download))
        }
        for (path, bytes) in theme.assets {
            site.add("assets/" + path, bytes)
        }
        return (site, diagnostics)
    }

    /// Every page of one language, and its coverage data.
    private static func renderPages(
        _ program: Program, coverage: [CoverageReport], orphans: Orphans, edition: Edition, builder: PageBuilder, theme: Theme,
        layout: LanguageLayout, into site: inout RenderedSite
    ) {
        let rules = program.config.coverageRules
        // Pages are collected as jobs, then built and rendered in parallel; results are added in job order,
        // so the output does not depend on scheduling.
        var jobs: [PageJob] = []
        func page(_ path: String, template: String, _ make: @escaping @Sendable () -> any Encodable & Sendable) {
            jobs.append(PageJob(path: layout.prefix + path, template: template, make: make))
        }

        page(SitePaths.home, template: "home") { builder.home() }
        page(SitePaths.search, template: "search") { builder.searchPage() }
        if !program.frameworks.isEmpty { page(SitePaths.frameworks, template: "index") { builder.frameworksIndex() } }
        if !program.courses.isEmpty { page(SitePaths.courses, template: "index") { builder.coursesIndex() } }
        if !program.reportScopes.isEmpty { page(SitePaths.coverageIndex, template: "index") { builder.coverageIndex() } }
        for framework in program.frameworks {
            page(SitePaths.framework(framework.id), template: "framework") { builder.framework(framework) }
            for competency in framework.allCompetencies {
                page(SitePaths.competency(competency.id), template: "competency") { builder.competency(competency) }
            }
        }
        for course in program.courses {
            page(SitePaths.course(course.id), template: "course") { builder.course(course) }
            for module in program.modules(of: course.id) {
                page(SitePaths.module(module.id, course: course.id), template: "module") {
                    var context = builder.module(module, in: course)
                    context.body = embedded(module.body, page: SitePaths.module(module.id, course: course.id), builder: builder, theme: theme)
                    return context
                }
            }
        }
        if !program.banks.isEmpty { page(SitePaths.banks, template: "banks") { builder.banksIndex() } }
        for bank in program.banks {
            page(SitePaths.bank(bank.id), template: "bank") { builder.bank(bank) }
            for (index, item) in bank.items.enumerated() {
                page(SitePaths.item(item.id, bank: bank.id), template: "item") { builder.item(item, in: bank, number: index + 1) }
            }
            if edition == .teacher {
                page(SitePaths.answerSheet(bank.id), template: "answers") { builder.answerSheet(bank) }
            }
        }
        if !program.lectures.isEmpty || !program.resources.isEmpty {
            page(SitePaths.library, template: "library") { builder.library() }
        }
        for lecture in program.lectures {
            page(SitePaths.lecture(lecture.id), template: "lecture") {
                var context = builder.lecture(lecture)
                context.transcript = embedded(
                    RichText(html: context.transcript, embeds: lecture.transcript.embeds), page: SitePaths.lecture(lecture.id),
                    builder: builder, theme: theme)
                return context
            }
        }
        for resource in program.resources {
            page(SitePaths.resource(resource.id), template: "resource") { builder.resource(resource) }
        }
        let explanation = rules.explanation(in: layout.language)
        for scope in program.reportScopes {
            guard let report = coverage.first(where: { $0.scope == scope }), let framework = program.framework(scope.framework) else { continue }
            page(SitePaths.coverage(scope), template: "coverage") { builder.coverage(report, rules: explanation, orphans: orphans) }
            site.add(layout.prefix + SitePaths.coverageJSON(scope), CoverageDocument(report: report, framework: framework, rules: rules, orphans: orphans, program: program).encoded())
            site.add(layout.prefix + SitePaths.coverageCSV(scope), CoverageTable.csv(report, program: program))
        }

        let work = jobs
        var pages = [String?](repeating: nil, count: work.count)
        pages.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: work.count) { index in
                // A template is missing only when it failed to parse, which `Theme.load` reported (CM601).
                slots[index] = theme.render(work[index].make(), template: work[index].template)
            }
        }
        for (job, html) in zip(work, pages) {
            if let html { site.add(job.path, text: html) }
        }
    }

    /// The body's HTML with each embed placeholder replaced by the embedded item or bank.
    static func embedded(_ text: RichText, page: String, builder: PageBuilder, theme: Theme) -> String {
        var html = text.html
        for embed in text.embeds {
            let parts = embed.target.split(separator: "/").map(String.init)
            if embed.kind == .lecture, let lecture = builder.program.lecture(embed.target),
                let card = theme.render(builder.mediaCard(lecture: lecture, from: page), template: "embed-media")
            {
                html = html.replacingOccurrences(of: embed.placeholder, with: card)
                continue
            }
            if embed.kind == .resource, let resource = builder.program.resource(embed.target),
                let card = theme.render(builder.mediaCard(resource: resource, from: page), template: "embed-media")
            {
                html = html.replacingOccurrences(of: embed.placeholder, with: card)
                continue
            }
            guard let bank = builder.program.bank(parts[0]) else { continue }
            let rendered: String?
            switch embed.kind {
            case .item:
                guard let index = bank.items.firstIndex(where: { $0.id == parts[1] }) else { continue }
                rendered = theme.render(
                    EmbeddedItem(ui: builder.ui, bankHref: SitePaths.root(from: page) + SitePaths.bank(bank.id),
                                 bankTitle: builder.plain(bank.title), item: builder.itemView(bank.items[index], bank: bank, number: index + 1, from: page)),
                    template: "embed-item")
            case .bank:
                rendered = theme.render(builder.bankCard(bank, from: page), template: "embed-bank")
            case .lecture, .resource:
                rendered = nil
            }
            if let rendered { html = html.replacingOccurrences(of: embed.placeholder, with: rendered) }
        }
        return html
    }
}

/// One page to build and render: where it goes, its template, and how to make its context.
private struct PageJob: Sendable {
    let path: String
    let template: String
    let make: @Sendable () -> any Encodable & Sendable
}
