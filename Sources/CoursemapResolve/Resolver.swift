import CoursemapModel

/// Stage 2 — resolve: checks what no single file can — unique ids, references between files, course
/// folders — and builds the sorted, indexed `Program` that analysis and rendering read.
public enum Resolver {
    /// The program, and every problem found. The program is built even when there are errors (with the
    /// broken parts left out), so later stages can still report; the pipeline decides whether to write.
    public static func resolve(_ content: LoadedContent) -> (program: Program, diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        let config = content.config ?? SiteConfig(title: LocalizedText(zh: "Coursemap"))

        let frameworks = unique(content.frameworks, id: \.id, location: \.location, what: "framework", into: &diagnostics)
        var competencies: [CompetencyID: Competency] = [:]
        for framework in frameworks {
            for competency in framework.allCompetencies where competencies[competency.id] == nil {
                competencies[competency.id] = competency
            }
        }
        let references = ReferenceChecker(frameworks: frameworks, competencies: competencies)

        let courses = content.courses.sorted { ($0.semester, $0.code, $0.id) < ($1.semester, $1.code, $1.id) }
        let courseIDs = Set(courses.map(\.id))
        for (folder, location) in content.courseFolders.sorted(by: { $0.key < $1.key }) where !courseIDs.contains(folder) {
            diagnostics.append(.error(
                .missingCourse, at: location,
                "course folder 'courses/\(folder)' has modules but no course.md; add courses/\(folder)/course.md (see docs/content.md)"))
        }
        for course in courses {
            for integration in course.integrations {
                if let problem = references.checkScope(integration.scope, at: integration.location) { diagnostics.append(problem) }
            }
        }

        let modules = unique(
            content.modules.filter { courseIDs.contains($0.courseID) }.sorted { $0.location < $1.location },
            id: \.id, location: \.location, what: "module", into: &diagnostics)
        var modulesByCourse: [String: [Module]] = [:]
        for module in modules {
            var checked = module
            checked.claims = references.check(module.claims, into: &diagnostics)
            modulesByCourse[module.courseID, default: []].append(checked)
        }
        for key in modulesByCourse.keys {
            modulesByCourse[key]!.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        }

        var mappings: [CompetencyID: [ModuleMapping]] = [:]
        for course in courses {
            for module in modulesByCourse[course.id] ?? [] {
                for claim in module.claims {
                    mappings[claim.competency, default: []].append(
                        ModuleMapping(moduleID: module.id, courseID: course.id, level: claim.level, hours: module.hours))
                }
            }
        }

        var reportScopes: [FrameworkScope] = []
        for scope in config.reports {
            if let problem = references.checkScope(scope, at: config.reportLocations[scope] ?? config.location) {
                diagnostics.append(problem)
            } else if !reportScopes.contains(scope) {
                reportScopes.append(scope)
            }
        }
        if config.reports.isEmpty {
            reportScopes = frameworks.flatMap(\.scopes)
        }

        let program = Program(
            config: config, frameworks: frameworks, courses: courses, modulesByCourse: modulesByCourse,
            competencies: competencies, mappings: mappings, reportScopes: reportScopes, themeFiles: content.themeFiles)
        return (program, diagnostics)
    }

    /// Keeps the first of each id (in file order) and reports every repeat at both places.
    private static func unique<T>(
        _ items: [T], id: KeyPath<T, String>, location: KeyPath<T, SourceLocation>, what: String,
        into diagnostics: inout DiagnosticList
    ) -> [T] {
        var firstByID: [String: T] = [:]
        var kept: [T] = []
        for item in items.sorted(by: { $0[keyPath: location] < $1[keyPath: location] }) {
            let key = item[keyPath: id]
            if let first = firstByID[key] {
                let here = item[keyPath: location], there = first[keyPath: location]
                diagnostics.append(.error(.duplicateID, at: here, "\(what) id '\(key)' is already used by \(there.file)"))
                diagnostics.append(.error(.duplicateID, at: there, "\(what) id '\(key)' is used again by \(here.file)"))
            } else {
                firstByID[key] = item
                kept.append(item)
            }
        }
        return kept.sorted { $0[keyPath: id] < $1[keyPath: id] }
    }
}
