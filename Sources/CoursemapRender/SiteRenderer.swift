import CoursemapModel

/// Stage 4 — render: turns the resolved program and its coverage into every file of the portal, in
/// memory. Builds each page's typed context (`PageBuilder`), renders it with the theme, adds the theme's
/// assets and the `coverage.json` of each report.
public enum SiteRenderer {
    public static func render(
        _ program: Program, coverage: [CoverageReport], rules: CoverageRules = .standard
    ) -> (site: RenderedSite, diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        let (theme, themeDiagnostics) = Theme.load(overrides: program.themeFiles)
        diagnostics.append(contentsOf: themeDiagnostics)

        let builder = PageBuilder(program: program, coverage: coverage)
        var site = RenderedSite()
        func page(_ path: String, _ context: Any, template: String) {
            // A template is missing only when it failed to parse, which `Theme.load` reported (CM601).
            guard let html = theme.render(context, template: template) else { return }
            site.add(path, text: html)
        }

        page(SitePaths.home, builder.home(), template: "home")
        if !program.frameworks.isEmpty { page(SitePaths.frameworks, builder.frameworksIndex(), template: "index") }
        if !program.courses.isEmpty { page(SitePaths.courses, builder.coursesIndex(), template: "index") }
        if !program.reportScopes.isEmpty { page(SitePaths.coverageIndex, builder.coverageIndex(), template: "index") }
        for framework in program.frameworks {
            page(SitePaths.framework(framework.id), builder.framework(framework), template: "framework")
            for competency in framework.allCompetencies {
                page(SitePaths.competency(competency.id), builder.competency(competency), template: "competency")
            }
        }
        for course in program.courses {
            page(SitePaths.course(course.id), builder.course(course), template: "course")
            for module in program.modules(of: course.id) {
                page(SitePaths.module(module.id, course: course.id), builder.module(module, in: course), template: "module")
            }
        }
        let explanation = rules.explanation(in: program.config.language)
        for scope in program.reportScopes {
            guard let report = coverage.first(where: { $0.scope == scope }), let framework = program.framework(scope.framework) else { continue }
            page(SitePaths.coverage(scope), builder.coverage(report, rules: explanation), template: "coverage")
            site.add(SitePaths.coverageJSON(scope), CoverageDocument(report: report, framework: framework, rules: rules).encoded())
        }
        for (path, bytes) in theme.assets {
            site.add("assets/" + path, bytes)
        }
        return (site, diagnostics)
    }
}
