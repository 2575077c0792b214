import CoursemapModel

/// Stage 3 — analyse: the coverage of every requirement (or outcome) of every reported scope.
public enum CoverageAnalyser {
    /// One report per scope of every framework (the portal shows a status on every requirement; only the
    /// scopes in `program.reportScopes` get a report page), rows in framework document order.
    public static func analyse(_ program: Program, rules: CoverageRules = .standard) -> [CoverageReport] {
        program.frameworks.flatMap { framework in framework.scopes.map { (framework, $0) } }.map { framework, scope in
            let rows = framework.competencies(in: scope).map { competency in
                row(for: competency.id, mappings: program.mappings[competency.id] ?? [],
                    assessments: program.assessments[competency.id] ?? [],
                    lectures: program.lectureMappings[competency.id] ?? [], rules: rules)
            }
            return CoverageReport(scope: scope, rows: rows)
        }
    }

    static func row(
        for id: CompetencyID, mappings: [ModuleMapping], assessments: [ItemMapping], lectures: [LectureMapping] = [],
        rules: CoverageRules
    ) -> CoverageRow {
        // Modules and micro-lectures both teach: the highest level either reaches counts.
        let highest = (mappings.map(\.level) + lectures.map(\.level)).max()
        return CoverageRow(
            competency: id, mappings: mappings, status: rules.status(highestLevel: highest), highestLevel: highest,
            hours: mappings.reduce(0) { $0 + $1.hours }, assessments: assessments, lectures: lectures)
    }
}

