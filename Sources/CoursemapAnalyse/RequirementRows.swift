import CoursemapModel

/// The rows of a report: each requirement's evidence, hours, minutes, status, reasons and matrix cells.
enum RequirementRows {
    static func rows(competencies: [Competency], hours: ScopeHours, program: Program, rules: CoverageRules) -> [CoverageRow] {
        let courseOrder = program.courses.map(\.id)
        let bankCourse = Dictionary(program.banks.map { ($0.id, $0.courseID) }, uniquingKeysWith: { a, _ in a })
        return competencies.map { competency in
            row(
                competency.id, modules: hours.modules[competency.id] ?? [], lectures: hours.lectures[competency.id] ?? [],
                assessments: program.assessments[competency.id] ?? [], rules: rules, courseOrder: courseOrder, bankCourse: bankCourse)
        }
    }

    /// One requirement's row. The matrix cells come from one pass over its evidence, grouped by course and
    /// put in program order, so a row costs the same however many courses the program has.
    static func row(
        _ id: CompetencyID, modules: [ModuleEvidence], lectures: [LectureEvidence], assessments: [ItemMapping], rules: CoverageRules,
        courseOrder: [String], bankCourse: [String: String?]
    ) -> CoverageRow {
        let highest = (modules.map(\.level) + lectures.map(\.level)).max()
        let assessed = !assessments.isEmpty
        struct Tally {
            var levels: Set<MappingLevel> = []
            var assessed = false
            var hours = Hundredths.zero
        }
        var tallies: [String: Tally] = [:]
        var outside = Tally()
        for module in modules {
            tallies[module.courseID, default: Tally()].levels.insert(module.level)
            tallies[module.courseID, default: Tally()].hours = tallies[module.courseID, default: Tally()].hours + module.hours
        }
        for lecture in lectures {
            if let course = lecture.courseID {
                tallies[course, default: Tally()].levels.insert(lecture.level)
                tallies[course, default: Tally()].hours = tallies[course, default: Tally()].hours + (lecture.hours ?? .zero)
            } else if let hours = lecture.hours {
                outside.levels.insert(lecture.level)
                outside.hours = outside.hours + hours
            }
        }
        for assessment in assessments {
            guard case .some(.some(let course)) = bankCourse[assessment.bankID] else { continue }
            tallies[course, default: Tally()].assessed = true
        }
        func levels(_ tally: Tally) -> [String] {
            MappingLevel.allCases.filter(tally.levels.contains).map(\.rawValue) + (tally.assessed ? ["A"] : [])
        }
        var cells: [CourseCell] = []
        if !tallies.isEmpty {
            for course in courseOrder {
                guard let tally = tallies[course], !tally.levels.isEmpty || tally.assessed else { continue }
                cells.append(CourseCell(courseID: course, levels: levels(tally), hours: tally.hours))
            }
        }
        if !outside.levels.isEmpty { cells.append(CourseCell(courseID: nil, levels: levels(outside), hours: outside.hours)) }
        let hours = modules.map(\.hours).sum() + lectures.compactMap(\.hours).sum()
        return CoverageRow(
            competency: id, status: rules.status(highestLevel: highest, assessed: assessed),
            reasons: rules.reasons(highestLevel: highest, assessed: assessed),
            taughtBy: TaughtBy(modules: !modules.isEmpty, lectures: !lectures.isEmpty), highestLevel: highest,
            modules: modules, lectures: lectures, assessments: assessments, hours: hours,
            lectureMinutes: lectures.map(\.attributedMinutes).sum(), byCourse: cells)
    }
}

/// The matrix's columns and their totals: the courses that bring any evidence to the scope, in program
/// order, then the column of lectures outside courses when a row has a cell in it.
enum MatrixColumns {
    static func columns(rows: [CoverageRow], program: Program) -> [MatrixColumn] {
        var totals: [String: Hundredths] = [:]
        var outside: Hundredths?
        for row in rows {
            for cell in row.byCourse {
                if let course = cell.courseID {
                    totals[course] = (totals[course] ?? .zero) + cell.hours
                } else {
                    outside = (outside ?? .zero) + cell.hours
                }
            }
        }
        var columns = program.courses.map(\.id).compactMap { id in totals[id].map { MatrixColumn(courseID: id, total: $0) } }
        if let outside { columns.append(MatrixColumn(courseID: nil, total: outside)) }
        return columns
    }
}
