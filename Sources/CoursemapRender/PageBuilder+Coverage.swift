import CoursemapModel

/// The coverage report page and the requirement pages (`docs/coverage.md` §7). Every number comes from the
/// analyser's `CoverageReport` and is only formatted here (`Hundredths.text`, `Tenths.text`); counts are the
/// lengths of the analyser's lists.
extension PageBuilder {
    /// The report's page; `nil` when `stop` said yes while it was being made.
    func coverage(_ report: CoverageReport, rules: [String], orphans: Orphans) -> CoveragePage? {
        let scope = report.scope
        let page = SitePaths.coverage(scope)
        let root = SitePaths.root(from: page)
        let framework = program.framework(scope.framework)!
        let byID = Dictionary(framework.competencies(in: scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let coveredAt = report.rules.coveredAt

        var groups: [CoverageGroup] = []
        for row in report.rows {
            if stop() { return nil }
            guard let competency = byID[row.competency] else { continue }
            let item = CoverageRowItem(
                href: root + SitePaths.competency(row.competency), code: row.competency.code,
                statement: plain(competency.statement), status: row.status.rawValue, statusLabel: plain(row.status.name),
                reasons: reasonsText(row, coveredAt: coveredAt),
                modules: row.modules.map { mapping in
                    ModuleChip(
                        href: root + SitePaths.module(mapping.moduleID, course: mapping.courseID),
                        label: moduleTitle(mapping.moduleID, course: mapping.courseID), level: mapping.level.rawValue,
                        levelName: plain(mapping.level.name), amount: "\(mapping.hours.text) \(ui.hours)")
                },
                lectures: row.lectures.map { lecture in
                    ModuleChip(
                        href: root + SitePaths.lecture(lecture.lectureID), label: program.lecture(lecture.lectureID).map { plain($0.title) } ?? lecture.lectureID,
                        level: lecture.level.rawValue, levelName: plain(lecture.level.name), amount: "\(lecture.attributedMinutes.text) \(ui.minutes)")
                },
                hours: row.hours.text, lectureMinutes: row.lectures.isEmpty ? "—" : row.lectureMinutes.text,
                practiceItems: row.assessments.count { $0.usage == .practice && $0.kind != .practical },
                examItems: row.assessments.count { $0.usage == .exam && $0.kind != .practical },
                practicalTasks: row.assessments.count { $0.kind == .practical }, hasItems: !row.assessments.isEmpty)
            if groups.last?.code == competency.group.code {
                groups[groups.count - 1].rows.append(item)
            } else {
                groups.append(CoverageGroup(code: competency.group.code, title: groupLabel(code: competency.group.code, title: competency.group.title), rows: [item]))
            }
        }
        func items(_ rows: [CoverageRow], withReasons: Bool = false) -> [CompetencyItem] {
            rows.compactMap { row in
                byID[row.competency].map { competency in
                    var item = competencyItem(competency, from: page, status: row.status)
                    if withReasons { item.reasons = reasonsText(row, coveredAt: coveredAt) }
                    return item
                }
            }
        }

        // The matrix: requirements × the analyser's columns (courses, then lectures outside courses).
        let columns = report.columns
        var cells: [[CourseCell?]] = []
        for row in report.rows {
            if stop() { return nil }
            let byColumn = Dictionary(row.byCourse.map { ($0.courseID ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            cells.append(columns.map { byColumn[$0.courseID ?? ""] })
        }
        let maxHours = cells.lazy.flatMap { $0.compactMap { $0?.hours } }.max() ?? .zero
        let matrixRows = zip(report.rows, cells).map { row, rowCells in
            MatrixRow(
                href: root + SitePaths.competency(row.competency), code: row.competency.code,
                statement: byID[row.competency].map { plain($0.statement) } ?? "",
                cells: rowCells.map { cell in
                    guard let cell else { return MatrixCell(levels: "", hours: "", heat: 0) }
                    return MatrixCell(
                        levels: cell.levels.joined(separator: " "), hours: cell.hours > .zero ? cell.hours.text : "",
                        heat: Self.heat(cell.hours, maximum: maxHours))
                },
                total: row.hours.text)
        }

        let name = scopeName(scope)
        let percent = { (value: Tenths?) in value.map { "\($0.text)%" } ?? "—" }
        return CoveragePage(
            chrome: chrome(page: page, title: "\(ui.coverage) · \(name)", crumbs: [(SitePaths.coverageIndex, ui.coverage), (nil, name)], section: "coverage"),
            ui: ui, title: name, frameworkHref: root + SitePaths.framework(framework.id), illustrative: framework.illustrative,
            summary: summary(scope), coveredPercent: report.coveredPercent.text, rules: rules,
            jsonHref: "coverage.json", csvHref: "coverage.csv",
            provenance: provenanceView(scope, framework: framework), isOutcomes: report.kind != .certificate,
            gaps: items(report.gap), partials: items(report.partial, withReasons: true),
            notTaught: items(report.notTaught), notAssessed: items(report.notAssessed), introducedOnly: items(report.introducedOnly),
            orphans: orphanLinks(orphans, root: root),
            areas: report.areas.map { area in
                areaRow(
                    label: groupLabel(code: area.code, title: area.title), total: area.total, covered: area.covered,
                    partial: area.partial, gap: area.gap)
            },
            matrixCourses: columns.map { column in
                guard let id = column.courseID else { return MatrixCourse(href: nil, code: nil, title: ui.lecturesOutsideCourses) }
                return MatrixCourse(href: root + SitePaths.course(id), code: program.course(id)?.code, title: program.course(id).map { plain($0.title) } ?? id)
            },
            matrixRows: matrixRows, matrixTotals: columns.map(\.total.text), matrixTotal: report.grandTotal.text,
            reconciliation: report.hoursByCourse.map { line in
                hoursLine(
                    href: line.courseID.map { root + SitePaths.course($0) },
                    title: line.courseID.map { id in program.course(id).map { plain($0.title) } ?? id } ?? ui.lecturesOutsideCourses,
                    declared: line.declared, moduleHours: line.moduleHours, inScope: line.moduleHoursInScope, attributed: line.attributed,
                    unattributed: line.unattributed, lectureHours: line.lectureHours, columnTotal: line.columnTotal,
                    exceeds: line.exceedsDeclared)
            },
            reconciliationTotal: hoursLine(
                href: nil, title: ui.programTotal, declared: report.programHours.declared, moduleHours: report.programHours.moduleHours,
                inScope: report.programHours.moduleHoursInScope, attributed: report.programHours.attributed,
                unattributed: report.programHours.unattributed, lectureHours: report.programHours.lectureHours,
                columnTotal: report.programHours.columnTotal, exceeds: false),
            lecturesAsHours: report.rules.lecturesAsHours,
            blueprint: report.areas.map { area in
                BlueprintRow(
                    label: groupLabel(code: area.code, title: area.title), weight: area.weight ?? "—", weightShare: percent(area.weightShare),
                    examShare: percent(area.examShare), practiceShare: percent(area.practiceShare), hourShare: percent(area.hourShare),
                    difference: area.difference.map(\.text) ?? "—", flagged: area.flagged)
            },
            hasBlueprint: report.hasBlueprint, tolerance: report.rules.blueprintToleranceText, groups: groups)
    }

    /// A requirement's page.
    func competency(_ competency: Competency) -> CompetencyPage {
        let id = competency.id
        let page = SitePaths.competency(id)
        let root = SitePaths.root(from: page)
        let framework = program.framework(id.framework)!
        let row = rows[id]
        let rules = reports[id.scope]?.rules ?? program.config.coverageRules
        let mappings = (row?.modules ?? []).map { mapping in
            MappingItem(
                courseHref: root + SitePaths.course(mapping.courseID),
                courseTitle: program.course(mapping.courseID).map { plain($0.title) } ?? mapping.courseID,
                moduleHref: root + SitePaths.module(mapping.moduleID, course: mapping.courseID),
                moduleTitle: moduleTitle(mapping.moduleID, course: mapping.courseID), level: mapping.level.rawValue,
                levelName: plain(mapping.level.name), moduleHours: mapping.moduleHours.text, hours: mapping.hours.text,
                stated: mapping.stated != nil)
        }
        let lectures = (row?.lectures ?? []).map { lecture in
            LectureItem(
                href: root + SitePaths.lecture(lecture.lectureID),
                title: program.lecture(lecture.lectureID).map { plain($0.title) } ?? lecture.lectureID,
                courseTitle: lecture.courseID.flatMap { program.course($0) }.map { plain($0.title) },
                level: lecture.level.rawValue, levelName: plain(lecture.level.name), minutes: lecture.minutes.text,
                attributedMinutes: lecture.attributedMinutes.text, hours: lecture.hours?.text)
        }
        let integrations = program.courses.flatMap { course in
            course.integrations.filter { $0.scope == id.scope }.map { integration in
                IntegrationItem(href: root + SitePaths.course(course.id), title: plain(course.title), mode: plain(integration.mode.name))
            }
        }
        let status = status(of: id)
        let isCertificate = framework.kind == .certificate
        let taughtBy = row?.taughtBy ?? .none
        // The lectures are listed with their level and minutes above; the related list keeps the resources.
        let related = related(competency: id, from: page)
        return CompetencyPage(
            chrome: chrome(
                page: page, title: id.description,
                crumbs: [(SitePaths.framework(framework.id), plain(framework.title)), (nil, id.code)], section: "frameworks",
                searchTitle: "\(id.code) \(plain(competency.statement))"),
            ui: ui, reference: id.description, code: id.code, statement: text(competency.statement),
            frameworkHref: root + SitePaths.framework(framework.id), frameworkTitle: scopeName(id.scope),
            frameworkTitleLang: lang(of: framework.title) ?? lang(of: id.level?.name),
            illustrative: framework.illustrative,
            groupLabel: isCertificate ? ui.workArea : ui.outcomeGroup,
            group: groupLabel(code: competency.group.code, title: competency.group.title),
            subgroupLabel: competency.subgroup == nil ? nil : ui.task,
            subgroup: competency.subgroup.map { "\($0.code) \(plain($0.title))" },
            groupLang: lang(of: competency.group.title), subgroupLang: lang(of: competency.subgroup?.title),
            status: status.rawValue, statusLabel: plain(status.name),
            reasons: row.flatMap { reasonsText($0, coveredAt: rules.coveredAt) },
            taughtBy: plain(taughtBy.name), taughtByNone: taughtBy == .none,
            mappings: mappings, lectures: lectures, lecturesAsHours: rules.lecturesAsHours,
            totalHours: (row?.hours ?? .zero).text,
            assessedBy: assessedItems(id, from: page),
            related: RelatedMedia(lectures: [], resources: related.resources),
            lectureMinutes: (row?.lectureMinutes ?? .zero).text,
            integrations: integrations,
            coverageHref: hasReport(id.scope) ? root + SitePaths.coverage(id.scope) : nil)
    }

    /// A row's reasons in words, joined with " · " (`最高 R 未达 M · 无考核`); `nil` when it has none.
    func reasonsText(_ row: CoverageRow, coveredAt: MappingLevel) -> String? {
        guard !row.reasons.isEmpty else { return nil }
        return row.reasons.map { plain($0.text(highest: row.highestLevel, coveredAt: coveredAt)) }.joined(separator: " · ")
    }

    /// The report's list of what maps to nothing: modules, lectures, resources, items.
    func orphanLinks(_ orphans: Orphans, root: String) -> [LinkView] {
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
    }

    private func hoursLine(
        href: String?, title: String, declared: Hundredths, moduleHours: Hundredths, inScope: Hundredths, attributed: Hundredths,
        unattributed: Hundredths, lectureHours: Hundredths, columnTotal: Hundredths, exceeds: Bool
    ) -> HoursLineView {
        HoursLineView(
            href: href, title: title, declared: declared.text, moduleHours: moduleHours.text, moduleHoursInScope: inScope.text,
            attributed: attributed.text, unattributed: unattributed.text, lectureHours: lectureHours.text, columnTotal: columnTotal.text,
            exceedsDeclared: exceeds)
    }

    /// A matrix cell's shade, 1 (no hours) to 4 (the most hours of the matrix): 1 + ⌈3 · hours ÷ maximum⌉,
    /// found by comparing whole hundredths. Drawing only; the cell prints its exact hours.
    static func heat(_ hours: Hundredths, maximum: Hundredths) -> Int {
        guard hours > .zero, maximum > .zero else { return 1 }
        let (thrice, overflow) = hours.count.multipliedReportingOverflow(by: 3)
        guard !overflow else { return 4 }
        if thrice <= maximum.count { return 2 }
        if thrice - maximum.count <= maximum.count { return 3 }
        return 4
    }
}
