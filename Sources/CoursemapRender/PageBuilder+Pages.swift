import CoursemapModel

/// One function per kind of page.
extension PageBuilder {
    func home() -> HomePage {
        let page = SitePaths.home
        // Counted in place: copying every module to count them took most of this page's time at 10,000.
        var moduleCount = 0
        var moduleHours = Hundredths.zero
        for course in program.courses {
            let modules = program.modules(of: course.id)
            moduleCount += modules.count
            for index in modules.indices { moduleHours = moduleHours + Hundredths.of(modules[index].hours) }
        }
        let requirementCount = program.frameworks.filter { $0.kind == .certificate }.reduce(0) { $0 + $1.allCompetencies.count }
        let stats = [
            Stat(value: String(requirementCount), label: ui.requirements),
            Stat(value: String(program.courses.count), label: ui.courses),
            Stat(value: String(moduleCount), label: ui.modules),
            Stat(value: Self.hours(moduleHours), label: ui.hours),
        ] + (program.banks.isEmpty ? [] : [Stat(value: String(program.banks.reduce(0) { $0 + $1.items.count }), label: ui.items)])
            + (program.lectures.isEmpty ? [] : [Stat(value: String(program.lectures.count), label: ui.lectures)])
            + ResourceKind.allCases.compactMap { kind in
                let count = program.resources.count { $0.kind == kind }
                return count == 0 ? nil : Stat(value: String(count), label: plain(kind.name))
            }
        return HomePage(
            chrome: chrome(page: page, title: plain(program.config.title), crumbs: [], section: nil), ui: ui,
            title: text(program.config.title), program: program.config.program.map(text), stats: stats,
            frameworks: program.frameworks.map { frameworkCard($0, from: page) }, courses: courseRows(from: page))
    }

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
            })
        }
        return FrameworkPage(
            chrome: chrome(page: page, title: plain(framework.title), crumbs: [(nil, plain(framework.title))], section: "frameworks"),
            ui: ui, title: text(framework.title), issuer: framework.issuer.map(text), version: framework.version,
            description: framework.description.map(text), illustrative: framework.illustrative, levels: levels, groups: groups)
    }

    func competency(_ competency: Competency) -> CompetencyPage {
        let id = competency.id
        let page = SitePaths.competency(id)
        let root = SitePaths.root(from: page)
        let framework = program.framework(id.framework)!
        let row = rows[id]
        let mappings = (row?.modules ?? []).map { mapping in
            MappingItem(
                courseHref: root + SitePaths.course(mapping.courseID),
                courseTitle: program.course(mapping.courseID).map { plain($0.title) } ?? mapping.courseID,
                moduleHref: root + SitePaths.module(mapping.moduleID, course: mapping.courseID),
                moduleTitle: moduleTitle(mapping.moduleID, course: mapping.courseID), level: mapping.level.rawValue,
                levelName: plain(mapping.level.name), hours: Self.hours(mapping.hours))
        }
        let integrations = program.courses.flatMap { course in
            course.integrations.filter { $0.scope == id.scope }.map { integration in
                IntegrationItem(href: root + SitePaths.course(course.id), title: plain(course.title), mode: plain(integration.mode.name))
            }
        }
        let status = status(of: id)
        let isCertificate = framework.kind == .certificate
        return CompetencyPage(
            chrome: chrome(
                page: page, title: id.description,
                crumbs: [(SitePaths.framework(framework.id), plain(framework.title)), (nil, id.code)], section: "frameworks"),
            ui: ui, reference: id.description, code: id.code, statement: text(competency.statement),
            frameworkHref: root + SitePaths.framework(framework.id), frameworkTitle: scopeName(id.scope),
            illustrative: framework.illustrative,
            groupLabel: isCertificate ? ui.workArea : ui.outcomes,
            group: "\(isCertificate ? competency.group.code + " " : "")\(plain(competency.group.title))",
            subgroupLabel: competency.subgroup == nil ? nil : ui.task,
            subgroup: competency.subgroup.map { "\($0.code) \(plain($0.title))" },
            status: status.rawValue, statusLabel: plain(status.name), mappings: mappings,
            totalHours: Self.hours(row?.hours ?? .zero),
            assessedBy: assessedItems(id, from: page),
            related: related(competency: id, from: page),
            lectureMinutes: Self.hours(row?.lectureMinutes ?? .zero),
            integrations: integrations,
            coverageHref: hasReport(id.scope) ? root + SitePaths.coverage(id.scope) : nil)
    }

    func course(_ course: Course) -> CoursePage {
        let page = SitePaths.course(course.id)
        let modules = program.modules(of: course.id)
        var highest: [CompetencyID: MappingLevel] = [:]
        for claim in modules.flatMap(\.claims) {
            highest[claim.competency] = max(highest[claim.competency] ?? claim.level, claim.level)
        }
        return CoursePage(
            chrome: chrome(page: page, title: plain(course.title), crumbs: [(nil, plain(course.title))], section: "courses"),
            ui: ui, title: text(course.title), code: course.code, credits: Self.amount(course.credits),
            theoryHours: Self.amount(course.hours.theory), practiceHours: Self.amount(course.hours.practice),
            totalHours: Self.hours(Hundredths.of(course.hours.theory) + Hundredths.of(course.hours.practice)), semester: course.semester, type: plain(course.type.name),
            integrations: integrations(of: course, from: page), description: course.description.html,
            modules: modules.map { module in
                ModuleRow(
                    order: module.order, href: "\(module.id).html", title: text(module.title),
                    hours: Self.amount(module.hours), summary: module.summary.map(plain))
            },
            competencies: levelItems(highest.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, from: page),
            related: related(course: course.id, from: page))
    }

    /// The course's outline for its module pages; `module(_:in:outline:)` takes it so that a build makes it
    /// once per course rather than once per module.
    func outline(of course: Course) -> CourseOutline {
        CourseOutline(links: program.modules(of: course.id).map { NavLink(href: "\($0.id).html", text: "\($0.order). \(plain($0.title))", current: false) })
    }

    func module(_ module: Module, in course: Course, outline: CourseOutline? = nil) -> ModulePage {
        let page = SitePaths.module(module.id, course: course.id)
        let siblings = program.modules(of: course.id)
        let index = siblings.firstIndex { $0.id == module.id }
        func link(_ offset: Int) -> NavLink? {
            guard let index, siblings.indices.contains(index + offset) else { return nil }
            let other = siblings[index + offset]
            return NavLink(href: "\(other.id).html", text: plain(other.title), current: false)
        }
        return ModulePage(
            chrome: chrome(
                page: page, title: plain(module.title),
                crumbs: [(SitePaths.course(course.id), plain(course.title)), (nil, plain(module.title))], section: "courses"),
            ui: ui, title: text(module.title), courseHref: "index.html", courseTitle: plain(course.title),
            order: module.order, hours: Self.amount(module.hours), summary: module.summary.map(plain),
            body: module.body.html,
            toc: module.body.headings.filter { $0.level <= 3 }.map {
                TocItem(anchor: $0.anchor, text: $0.text, nested: $0.level == 3)
            },
            outline: (outline ?? self.outline(of: course)).marking(index),
            prerequisites: module.prerequisites.compactMap { reference in
                guard let owner = program.course(ofModule: reference.moduleID), let course = program.course(owner),
                    let title = program.moduleTitle(reference.moduleID, in: owner)
                else { return nil }
                return LinkView(
                    href: SitePaths.root(from: page) + SitePaths.module(reference.moduleID, course: owner), text: plain(title),
                    detail: plain(course.title))
            },
            competencies: levelItems(module.claims.map { ($0.competency, $0.level) }, from: page),
            related: related(module: module.id, from: page),
            previous: link(-1), next: link(1))
    }

    /// The report's page; `nil` when `stop` said yes while it was being made.
    func coverage(_ report: CoverageReport, rules: [String], orphans: Orphans) -> CoveragePage? {
        let scope = report.scope
        let page = SitePaths.coverage(scope)
        let root = SitePaths.root(from: page)
        let framework = program.framework(scope.framework)!
        let competencies = framework.competencies(in: scope)
        let byID = Dictionary(competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [CoverageGroup] = []
        for row in report.rows {
            if stop() { return nil }
            guard let competency = byID[row.competency] else { continue }
            let item = CoverageRowItem(
                href: root + SitePaths.competency(row.competency), code: row.competency.code,
                statement: plain(competency.statement), status: row.status.rawValue, statusLabel: plain(row.status.name),
                modules: row.modules.map { mapping in
                    ModuleChip(
                        href: root + SitePaths.module(mapping.moduleID, course: mapping.courseID),
                        label: moduleTitle(mapping.moduleID, course: mapping.courseID), level: mapping.level.rawValue,
                        levelName: plain(mapping.level.name))
                },
                hours: Self.hours(row.hours),
                lectureMinutes: row.lectures.isEmpty ? "—" : Self.hours(row.lectureMinutes),
                practiceItems: row.assessments.count { $0.usage == .practice && $0.kind != .practical },
                examItems: row.assessments.count { $0.usage == .exam && $0.kind != .practical },
                practicalTasks: row.assessments.count { $0.kind == .practical },
                items: assessedItems(row.competency, from: page))
            if groups.last?.code == competency.group.code {
                groups[groups.count - 1].rows.append(item)
            } else {
                groups.append(CoverageGroup(code: competency.group.code, title: plain(competency.group.title), rows: [item]))
            }
        }
        let summary = summary(scope)
        func items(_ rows: [CoverageRow]) -> [CompetencyItem] {
            rows.compactMap { row in byID[row.competency].map { competencyItem($0, from: page, status: row.status) } }
        }
        let orphanLinks =
            orphans.modules.map { path -> LinkView in
                let parts = path.split(separator: "/").map(String.init)
                return LinkView(href: root + SitePaths.module(parts[1], course: parts[0]), text: moduleTitle(parts[1], course: parts[0]), detail: ui.module)
            }
            + orphans.lectures.map { LinkView(href: root + SitePaths.lecture($0), text: program.lecture($0).map { plain($0.title) } ?? $0, detail: ui.lectures) }
            + orphans.resources.map { LinkView(href: root + SitePaths.resource($0), text: program.resource($0).map { plain($0.title) } ?? $0, detail: ui.library) }
            + orphans.items.map { path -> LinkView in
                let parts = path.split(separator: "/").map(String.init)
                return LinkView(href: root + SitePaths.item(parts[1], bank: parts[0]), text: path, detail: ui.items)
            }
        // The matrix: requirements × the courses that bring evidence to this scope.
        let courses = report.courses
        var cells: [[CourseCell?]] = []
        for row in report.rows {
            if stop() { return nil }
            let byCourse = Dictionary(row.byCourse.map { ($0.courseID, $0) }, uniquingKeysWith: { first, _ in first })
            cells.append(courses.map { byCourse[$0] })
        }
        let maxHours = cells.flatMap { $0.compactMap { $0?.hours } }.max() ?? .zero
        let matrixRows = zip(report.rows, cells).map { row, rowCells in
            MatrixRow(
                href: root + SitePaths.competency(row.competency), code: row.competency.code,
                statement: byID[row.competency].map { plain($0.statement) } ?? "",
                cells: rowCells.map { cell in
                    guard let cell else { return MatrixCell(levels: "", hours: "", heat: 0) }
                    let heat = CoverageCharts.heat(cell.hours, maximum: maxHours)
                    return MatrixCell(levels: cell.levels.joined(separator: " "), hours: cell.hours > .zero ? Self.hours(cell.hours) : "", heat: heat)
                },
                total: Self.hours(row.hours))
        }
        let columnTotals = report.columns.filter { $0.courseID != nil }.map { Self.hours($0.total) }
        let name = scopeName(scope)
        let percentText = { (value: Tenths?) in value.map { "\($0.text)%" } ?? "—" }
        return CoveragePage(
            chrome: chrome(page: page, title: "\(ui.coverage) · \(name)", crumbs: [(SitePaths.coverageIndex, ui.coverage), (nil, name)], section: "coverage"),
            ui: ui, title: name, frameworkHref: root + SitePaths.framework(framework.id), illustrative: framework.illustrative,
            summary: summary, coveredPercent: report.coveredPercent.text, rules: rules,
            jsonHref: "coverage.json", csvHref: "coverage.csv",
            notTaught: items(report.notTaught), notAssessed: items(report.notAssessed), orphans: orphanLinks,
            introducedOnly: items(report.introducedOnly),
            areaChart: RenderedChart(CoverageCharts.areaBars(report.areas, label: { "\($0.code) \(plain($0.title))" }, ui: ui)),
            heatmap: RenderedChart(CoverageCharts.heatmap(
                codes: report.rows.map(\.competency.code), courses: courses.map { program.course($0).map { plain($0.title) } ?? $0 },
                cells: cells, ui: ui)),
            matrixCourses: courses.map { LinkView(href: root + SitePaths.course($0), text: program.course($0).map { plain($0.title) } ?? $0, detail: program.course($0)?.code) },
            matrixRows: matrixRows, matrixTotals: columnTotals,
            matrixTotal: Self.hours(report.columns.filter { $0.courseID != nil }.map(\.total).sum()),
            blueprint: report.areas.map { area in
                BlueprintRow(
                    code: area.code, title: plain(area.title), weight: area.weight ?? "—",
                    weightShare: percentText(area.weightShare), itemShare: percentText(area.weight == nil ? nil : area.examShare),
                    hourShare: percentText(area.weight == nil ? nil : area.hourShare), flagged: area.flagged)
            },
            hasBlueprint: report.hasBlueprint, groups: groups)
    }
}
