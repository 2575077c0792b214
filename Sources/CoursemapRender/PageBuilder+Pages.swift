import CoursemapModel

/// One function per kind of page.
extension PageBuilder {
    func frameworksIndex() -> IndexPage {
        let page = SitePaths.frameworks
        return IndexPage(
            chrome: chrome(page: page, title: ui.frameworks, crumbs: [(nil, ui.frameworks)], section: "frameworks"), ui: ui,
            title: ui.frameworks, frameworks: program.frameworks.map { frameworkCard($0, from: page) }, courses: [])
    }

    func coursesIndex() -> IndexPage {
        let page = SitePaths.courses
        return IndexPage(
            chrome: chrome(page: page, title: ui.courses, crumbs: [(nil, ui.courses)], section: "courses"), ui: ui,
            title: ui.courses, frameworks: [], courses: courseRows(from: page))
    }

    func coverageIndex() -> IndexPage {
        let page = SitePaths.coverageIndex
        let reported = program.frameworks.filter { framework in framework.scopes.contains(where: hasReport) }
        return IndexPage(
            chrome: chrome(page: page, title: ui.coverage, crumbs: [(nil, ui.coverage)], section: "coverage"), ui: ui,
            title: ui.coverage, frameworks: reported.map { frameworkCard($0, from: page) }, courses: [])
    }

    func framework(_ framework: Framework) -> FrameworkPage {
        let page = SitePaths.framework(framework.id)
        let levels = framework.levels.map { level in
            let scope = FrameworkScope(framework: framework.id, level: level.level)
            let byID = Dictionary(framework.competencies(in: scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return LevelSection(
                name: plain(level.level.name), anchor: level.level.slug, description: level.description.map(text),
                coverageHref: hasReport(scope) ? SitePaths.root(from: page) + SitePaths.coverage(scope) : nil,
                areas: level.areas.map { area in
                    AreaSection(code: area.code, title: text(area.title), tasks: area.tasks.map { task in
                        TaskSection(code: task.code, title: text(task.title), requirements: task.requirements.compactMap { requirement in
                            let id = CompetencyID(framework: framework.id, level: level.level, code: requirement.code)
                            return byID[id].map { competencyItem($0, from: page, status: status(of: id)) }
                        })
                    })
                })
        }
        let scope = FrameworkScope(framework: framework.id, level: nil)
        let outcomes = Dictionary(framework.competencies(in: scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = framework.outcomeGroups.map { group in
            OutcomeSection(name: plain(group.title), outcomes: group.outcomes.compactMap { outcome in
                let id = CompetencyID(framework: framework.id, level: nil, code: outcome.code)
                return outcomes[id].map { competencyItem($0, from: page, status: status(of: id)) }
            }, nameLang: lang(of: group.title))
        }
        return FrameworkPage(
            chrome: chrome(page: page, title: plain(framework.title), crumbs: [(nil, plain(framework.title))], section: "frameworks"),
            ui: ui, title: text(framework.title), issuer: framework.issuer.map(text), version: framework.version,
            description: framework.description.map(text), illustrative: framework.illustrative, levels: levels, groups: groups)
    }

    func course(_ course: Course) -> CoursePage {
        let page = SitePaths.course(course.id)
        let modules = program.modules(of: course.id)
        var highest: [CompetencyID: MappingLevel] = [:]
        for claim in modules.flatMap(\.claims) {
            highest[claim.competency] = max(highest[claim.competency] ?? claim.level, claim.level)
        }
        return CoursePage(
            chrome: chrome(page: page, title: plain(course.title), crumbs: [(SitePaths.courses, ui.courses), (nil, plain(course.title))], section: "courses"),
            ui: ui, title: text(course.title), code: course.code, credits: Self.amount(course.credits),
            theoryHours: Self.amount(course.hours.theory), practiceHours: Self.amount(course.hours.practice),
            totalHours: Self.hours(Hundredths.of(course.hours.theory) + Hundredths.of(course.hours.practice)), semester: course.semester, type: plain(course.type.name),
            integrations: integrations(of: course, from: page), description: bodyHTML(course.description.html),
            descriptionLang: course.description.html.isEmpty ? nil : bodyLanguage(of: page),
            modules: modules.map { module in
                ModuleRow(
                    order: module.order, href: "\(module.id).html", title: text(module.title),
                    hours: Self.amount(module.hours), summary: module.summary.map(plain), summaryLang: lang(of: module.summary))
            },
            competencies: levelItems(highest.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, from: page),
            related: related(course: course.id, from: page), practice: practiceLinks(course: course))
    }

    /// The course's outline for its module pages; `module(_:in:outline:)` takes it so that a build makes it
    /// once per course rather than once per module.
    func outline(of course: Course) -> CourseOutline {
        CourseOutline(links: program.modules(of: course.id).map { NavLink(href: "\($0.id).html", text: "\($0.order). \(plain($0.title))", current: false, textLang: lang(of: $0.title)) })
    }

    func module(_ module: Module, in course: Course, outline: CourseOutline? = nil) -> ModulePage {
        let page = SitePaths.module(module.id, course: course.id)
        let siblings = program.modules(of: course.id)
        let index = siblings.firstIndex { $0.id == module.id }
        func link(_ offset: Int) -> NavLink? {
            guard let index, siblings.indices.contains(index + offset) else { return nil }
            let other = siblings[index + offset]
            return NavLink(href: "\(other.id).html", text: plain(other.title), current: false, textLang: lang(of: other.title))
        }
        return ModulePage(
            chrome: chrome(
                page: page, title: plain(module.title),
                crumbs: [(SitePaths.courses, ui.courses), (SitePaths.course(course.id), plain(course.title)), (nil, plain(module.title))],
                section: "courses"),
            ui: ui, title: text(module.title), courseHref: "index.html", courseTitle: plain(course.title),
            courseTitleLang: lang(of: course.title),
            order: module.order, hours: Self.amount(module.hours), summary: module.summary.map(plain), summaryLang: lang(of: module.summary),
            body: module.body.html, bodyLang: module.body.html.isEmpty ? nil : bodyLanguage(of: page),
            toc: module.body.headings.filter { $0.level <= 3 }.map {
                TocItem(anchor: $0.anchor, text: $0.text, nested: $0.level == 3, textLang: bodyTextLang)
            },
            outline: (outline ?? self.outline(of: course)).marking(index),
            prerequisites: module.prerequisites.compactMap { reference in
                guard let owner = program.course(ofModule: reference.moduleID), let course = program.course(owner),
                    let title = program.moduleTitle(reference.moduleID, in: owner)
                else { return nil }
                return LinkView(
                    href: SitePaths.root(from: page) + SitePaths.module(reference.moduleID, course: owner), text: plain(title),
                    detail: plain(course.title), textLang: lang(of: title), detailLang: lang(of: course.title))
            },
            competencies: levelItems(module.claims.map { ($0.competency, $0.level) }, from: page),
            related: related(module: module.id, from: page), practice: practiceLinks(module: module, in: course),
            previous: link(-1), next: link(1))
    }
}
