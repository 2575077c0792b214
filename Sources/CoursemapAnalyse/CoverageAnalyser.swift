import CoursemapModel

/// Stage 3 — analyse: the coverage of every requirement (or outcome) of every framework scope as
/// `docs/coverage.md` defines it — hours divided per scope, the matrix and its totals, the hours
/// reconciliation, statuses with reasons, the work areas and the blueprint — and what is mapped to nothing.
/// Every number is exact (`Hundredths`, `Tenths`); pages and files only format them.
public enum CoverageAnalyser {
    /// One report per scope of every framework (the portal shows a status on every requirement; only the
    /// scopes in `program.reportScopes` get report pages), rows in framework document order.
    public static func analyse(_ program: Program, rules: CoverageRules? = nil) -> [CoverageReport] {
        let rules = rules ?? program.config.coverageRules
        return program.frameworks.flatMap { framework in
            framework.scopes.map { report(for: $0, of: framework, in: program, rules: rules) }
        }
    }

    /// The report of one scope.
    public static func report(for scope: FrameworkScope, of framework: Framework, in program: Program, rules: CoverageRules) -> CoverageReport {
        let competencies = framework.competencies(in: scope)
        let hours = ScopeHours(scope: scope, program: program, rules: rules)
        let rows = RequirementRows.rows(competencies: competencies, hours: hours, program: program, rules: rules)
        let reconciliation = HoursReconciliation(scope: scope, program: program, hours: hours)
        let columns = MatrixColumns.columns(rows: rows, program: program)
        let grandTotal = columns.map(\.total).sum()
        return CoverageReport(
            scope: scope, kind: framework.kind, rules: rules, rows: rows,
            areas: Blueprint.areas(framework: framework, scope: scope, competencies: competencies, rows: rows, program: program, rules: rules),
            columns: columns, hoursByCourse: reconciliation.lines, programHours: ProgramHoursTotals(summing: reconciliation.lines),
            grandTotal: grandTotal, totalLectureMinutes: rows.map(\.lectureMinutes).sum())
    }

    /// Orphans (§7): modules, lectures, resources and items (description items excepted) mapped to no
    /// competency, program-wide.
    public static func orphans(_ program: Program) -> Orphans {
        Orphans(
            modules: program.courses.flatMap { course in program.modules(of: course.id).filter(\.claims.isEmpty).map { "\(course.id)/\($0.id)" } },
            lectures: program.lectures.filter(\.claims.isEmpty).map(\.id),
            resources: program.resources.filter(\.claims.isEmpty).map(\.id),
            items: program.banks.flatMap { bank in bank.items.filter { $0.assesses.isEmpty && $0.kind != .description }.map { "\(bank.id)/\($0.id)" } })
    }
}
