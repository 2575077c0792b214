import CoursemapModel

/// Stage 3 — analyse: the coverage of every requirement (or outcome) of every framework scope, the
/// 课证融通 matrix and blueprint comparison of each, what is mapped to nothing, and the gates.
public enum CoverageAnalyser {
    /// One report per scope of every framework (the portal shows a status on every requirement; only the
    /// scopes in `program.reportScopes` get report pages), rows in framework document order.
    public static func analyse(_ program: Program, rules: CoverageRules? = nil) -> [CoverageReport] {
        let rules = rules ?? program.config.coverageRules
        let courseOrder = program.courses.map(\.id)
        let bankCourse = Dictionary(program.banks.map { ($0.id, $0.courseID) }, uniquingKeysWith: { a, _ in a })
        let lectureCourse = Dictionary(program.lectures.map { ($0.id, $0.courseID) }, uniquingKeysWith: { a, _ in a })
        return program.frameworks.flatMap { framework in framework.scopes.map { (framework, $0) } }.map { framework, scope in
            let competencies = framework.competencies(in: scope)
            let rows = competencies.map { competency in
                row(
                    for: competency.id, mappings: program.mappings[competency.id] ?? [],
                    assessments: program.assessments[competency.id] ?? [], lectures: program.lectureMappings[competency.id] ?? [],
                    rules: rules, courseOrder: courseOrder, bankCourse: bankCourse, lectureCourse: lectureCourse)
            }
            let present = Set(rows.lazy.flatMap(\.byCourse).map(\.courseID))
            let courses = courseOrder.filter(present.contains)
            return CoverageReport(
                scope: scope, rows: rows, areas: areaSummaries(framework: framework, competencies: competencies, rows: rows, rules: rules),
                courses: courses)
        }
    }

    /// One competency's row. Each mapping is looked at once (grouped by course, then the courses put in
    /// `courseOrder`), so a row costs the same however many courses the program has.
    static func row(
        for id: CompetencyID, mappings: [ModuleMapping], assessments: [ItemMapping], lectures: [LectureMapping] = [],
        rules: CoverageRules, courseOrder: [String] = [], bankCourse: [String: String?] = [:], lectureCourse: [String: String?] = [:]
    ) -> CoverageRow {
        // Modules and micro-lectures both teach: the highest level either reaches counts.
        let highest = (mappings.map(\.level) + lectures.map(\.level)).max()
        struct Tally {
            var levels: Set<String> = []
            var assessed = false
            var moduleHours = 0.0
            var lectureHours = 0.0
        }
        var tallies: [String: Tally] = [:]
        for mapping in mappings {
            tallies[mapping.courseID, default: Tally()].levels.insert(mapping.level.rawValue)
            tallies[mapping.courseID, default: Tally()].moduleHours += mapping.hours
        }
        for lecture in lectures {
            guard case .some(.some(let course)) = lectureCourse[lecture.lectureID] else { continue }
            tallies[course, default: Tally()].levels.insert(lecture.level.rawValue)
            tallies[course, default: Tally()].lectureHours += lecture.minutes / 60
        }
        for assessment in assessments {
            guard case .some(.some(let course)) = bankCourse[assessment.bankID] else { continue }
            tallies[course, default: Tally()].assessed = true
        }
        var cells: [CourseCell] = []
        if !tallies.isEmpty {
            for course in courseOrder {
                guard let tally = tallies[course], !tally.levels.isEmpty || tally.assessed else { continue }
                cells.append(CourseCell(
                    courseID: course, levels: ["I", "R", "M"].filter(tally.levels.contains) + (tally.assessed ? ["A"] : []), hours: tally.moduleHours + tally.lectureHours))
            }
        }
        return CoverageRow(
            competency: id, mappings: mappings, status: rules.status(highestLevel: highest, assessed: !assessments.isEmpty),
            highestLevel: highest, hours: mappings.reduce(0) { $0 + $1.hours }, assessments: assessments, lectures: lectures,
            byCourse: cells)
    }

    /// Per work area: status counts, and the blueprint comparison of exam weight with the shares of
    /// assessment items and of teaching hours.
    static func areaSummaries(framework: Framework, competencies: [Competency], rows: [CoverageRow], rules: CoverageRules) -> [AreaSummary] {
        let weights: [String: Double] = Dictionary(
            framework.levels.flatMap(\.areas).compactMap { area in area.weight.map { (area.code, $0) } }, uniquingKeysWith: { a, _ in a })
        let totalWeight = weights.values.reduce(0, +)
        let totalItems = Double(rows.reduce(0) { $0 + $1.assessments.count })
        let totalHours = rows.reduce(0) { $0 + $1.hours + $1.lectureMinutes / 60 }
        var order: [CompetencyGroup] = []
        for competency in competencies where !order.contains(where: { $0.code == competency.group.code }) { order.append(competency.group) }
        return order.map { group in
            let areaRows = zip(competencies, rows).filter { $0.0.group.code == group.code }.map(\.1)
            let items = Double(areaRows.reduce(0) { $0 + $1.assessments.count })
            let hours = areaRows.reduce(0) { $0 + $1.hours + $1.lectureMinutes / 60 }
            let itemShare = totalItems > 0 ? items / totalItems * 100 : 0
            let hourShare = totalHours > 0 ? hours / totalHours * 100 : 0
            let weight = weights[group.code]
            let weightShare = (weight != nil && totalWeight > 0) ? weight! / totalWeight * 100 : nil
            let flagged = weightShare.map { abs($0 - itemShare) > rules.blueprintTolerance || abs($0 - hourShare) > rules.blueprintTolerance } ?? false
            return AreaSummary(
                code: group.code, title: group.title, total: areaRows.count, covered: areaRows.count { $0.status == .covered },
                partial: areaRows.count { $0.status == .partial }, gap: areaRows.count { $0.status == .gap }, weight: weight,
                weightShare: weightShare, itemShare: itemShare, hourShare: hourShare, flagged: flagged)
        }
    }

    /// Gap list 3: modules, lectures, resources and items mapped to no competency.
    public static func orphans(_ program: Program) -> Orphans {
        Orphans(
            modules: program.courses.flatMap { course in program.modules(of: course.id).filter(\.claims.isEmpty).map { "\(course.id)/\($0.id)" } },
            lectures: program.lectures.filter(\.claims.isEmpty).map(\.id),
            resources: program.resources.filter(\.claims.isEmpty).map(\.id),
            items: program.banks.flatMap { bank in bank.items.filter { $0.assesses.isEmpty && $0.kind != .description }.map { "\(bank.id)/\($0.id)" } })
    }
}
