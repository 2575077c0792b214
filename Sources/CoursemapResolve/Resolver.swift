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
        caseTwins(courses, id: \.id, location: \.location, what: "course", into: &diagnostics)
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
            content.modules.filter { courseIDs.contains($0.courseID) },
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

        checkPrerequisites(modulesByCourse.values.flatMap { $0.map { ($0.id, $0.prerequisites) } }, into: &diagnostics)
        for course in courses { checkModuleHours(of: course, modules: modulesByCourse[course.id] ?? [], into: &diagnostics) }

        let mappings = moduleMappings(courses: courses, modulesByCourse: modulesByCourse)

        let (banks, assessments, datasetFiles, embeddedFiles, answerFiles) = resolveBanks(
            content, courseIDs: courseIDs, references: references, into: &diagnostics)
        var media = MediaResolver(content: content, config: config, courses: courseIDs, modulesByCourse: modulesByCourse, references: references)
        let (lectures, resources) = media.resolve()
        diagnostics.append(contentsOf: media.diagnostics)
        let downloads = Set(datasetFiles).union(media.published).sorted()
        for asset in content.assets.sorted() where !downloads.contains(asset) {
            diagnostics.append(.warning(.unreferencedFile, at: SourceLocation(file: asset), "nothing refers to this file (no lecture, resource sidecar or practical task); it is not published"))
        }

        let embedTargets = EmbedTargets(banks: banks, lectures: lectures, resources: resources)
        for list in modulesByCourse.values {
            for index in list.indices {
                for embed in list[index].body.embeds {
                    if let problem = embedTargets.check(embed) { diagnostics.append(problem) }
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
        for gate in config.gates {
            if let scope = gate.scope, let problem = references.checkScope(scope, at: gate.location) { diagnostics.append(problem) }
        }
        if config.reports.isEmpty {
            reportScopes = frameworks.flatMap(\.scopes)
        }

        let program = Program(
            config: config, frameworks: frameworks, courses: courses, modulesByCourse: modulesByCourse,
            competencies: competencies, mappings: mappings, banks: banks, assessments: assessments, downloads: downloads,
            lectures: lectures, resources: resources, lectureMappings: media.lectureMappings, resourceMappings: media.resourceMappings,
            reportScopes: reportScopes, themeFiles: content.themeFiles)
        var withEmbedded = program
        withEmbedded.embeddedFiles = embeddedFiles
        withEmbedded.answerFiles = answerFiles
        return (withEmbedded, diagnostics)
    }

    /// For each competency, the modules that claim it: in course order, then module order.
    static func moduleMappings(courses: [Course], modulesByCourse: [String: [Module]]) -> [CompetencyID: [ModuleMapping]] {
        var mappings: [CompetencyID: [ModuleMapping]] = [:]
        for course in courses {
            guard let modules = modulesByCourse[course.id] else { continue }
            for index in modules.indices {
                for claim in modules[index].claims {
                    mappings[claim.competency, default: []].append(
                        ModuleMapping(moduleID: modules[index].id, courseID: course.id, level: claim.level, hours: modules[index].hours, stated: claim.hours))
                }
            }
        }
        return mappings
    }

    /// `program` with `module` in the place of the module of its course with its id, for `serve`: the
    /// module's claims and embeds are checked against the program, and the claims index is made again
    /// when its claims or hours changed. `nil` when the checks find a problem (diagnostics are the full
    /// resolver's business), or when the edit changes what only a full resolve may: the id, the course,
    /// the position in the course (`order`) or the prerequisites.
    public static func replacing(_ module: Module, in program: Program) -> Program? {
        guard let old = program.module(module.id, in: module.courseID), old.order == module.order,
            old.prerequisites.map(\.moduleID) == module.prerequisites.map(\.moduleID), old.location.file == module.location.file
        else { return nil }
        var diagnostics = DiagnosticList()
        let references = ReferenceChecker(frameworks: program.frameworks, competencies: program.competencies)
        var checked = module
        checked.claims = references.check(module.claims, into: &diagnostics)
        guard diagnostics.isEmpty, checkEmbeds(of: module.body, in: program).isEmpty else { return nil }
        var updated = program
        guard updated.replaceModule(checked) else { return nil }
        if !old.countsTheSame(as: checked) {
            updated.mappings = moduleMappings(courses: updated.courses, modulesByCourse: updated.modulesByCourse)
        }
        return updated
    }

    /// CM414: a course's modules must not declare more hours than the course (`hours.theory +
    /// hours.practice`); a warning at the first module, in course order, where the running sum passes them.
    public static func checkModuleHours(of course: Course, modules: [Module], into diagnostics: inout DiagnosticList) {
        let declared = Hundredths.of(course.hours.theory) + Hundredths.of(course.hours.practice)
        var running = Hundredths.zero
        for module in modules {
            running = running + Hundredths.of(module.hours)
            if running > declared {
                diagnostics.append(.warning(
                    .moduleHoursExceedCourse, at: module.location,
                    "the modules of course '\(course.id)' declare \(running.text) hours up to this one, more than the course's \(declared.text) (hours.theory + hours.practice)"))
                return
            }
        }
    }

    /// Prerequisites must name modules, and must not go round in a circle (each module of a cycle is
    /// reported, at its reference into the cycle).
    private static func checkPrerequisites(_ modules: [(id: String, prerequisites: [ModuleReference])], into diagnostics: inout DiagnosticList) {
        guard modules.contains(where: { !$0.prerequisites.isEmpty }) else { return }
        let byID = Dictionary(modules.map { ($0.id, $0.prerequisites) }, uniquingKeysWith: { a, _ in a })
        for module in modules {
            for reference in module.prerequisites where byID[reference.moduleID] == nil {
                diagnostics.append(.error(.unknownModule, at: reference.location, "prerequisite '\(reference.moduleID)' is not a module"))
            }
        }
        // Depth-first search; a back edge closes a cycle.
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var reported = Set<String>()
        func visit(_ id: String, path: [String]) {
            guard let prerequisites = byID[id] else { return }
            marks[id] = .visiting
            for reference in prerequisites.sorted(by: { $0.moduleID < $1.moduleID }) {
                switch marks[reference.moduleID] {
                case .visiting:
                    let cycle = Array((path + [id]).drop { $0 != reference.moduleID }) + [reference.moduleID]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    guard reported.insert(key).inserted else { continue }
                    for (from, to) in zip(cycle, cycle.dropFirst()) {
                        guard let location = byID[from]?.first(where: { $0.moduleID == to })?.location else { continue }
                        diagnostics.append(.error(.prerequisiteCycle, at: location, "prerequisites go round in a circle: \(cycle.joined(separator: " → "))"))
                    }
                case .done:
                    continue
                case nil:
                    visit(reference.moduleID, path: path + [id])
                }
            }
            marks[id] = .done
        }
        for id in byID.keys.sorted() where marks[id] == nil { visit(id, path: []) }
    }

    /// The problems with a module body's embeds against an already resolved program.
    static func checkEmbeds(of body: RichText, in program: Program) -> [Diagnostic] {
        guard !body.embeds.isEmpty else { return [] }
        let targets = EmbedTargets(banks: program.banks, lectures: program.lectures, resources: program.resources)
        return body.embeds.compactMap(targets.check)
    }

    /// Checks banks — unique ids, their course, every assessment claim, dataset files — and indexes the
    /// items per competency.
    private static func resolveBanks(
        _ content: LoadedContent, courseIDs: Set<String>, references: ReferenceChecker, into diagnostics: inout DiagnosticList
    ) -> (
        banks: [ExerciseBank], assessments: [CompetencyID: [ItemMapping]], downloads: [String], embedded: [String: [UInt8]], answerFiles: Set<String>
    ) {
        var banks = unique(content.banks, id: \.id, location: \.location, what: "bank", into: &diagnostics)
        var downloads = Set<String>()
        var embedded: [String: [UInt8]] = [:]
        // Files shown with some question, and files only exam answers show.
        var shownFiles = Set<String>(), answerFiles = Set<String>()
        for index in banks.indices {
            let items = banks[index].items
            caseTwins(items, id: \.id, location: \.location, what: "item of bank '\(banks[index].id)'", into: &diagnostics)
            for item in items {
                reserved(item.id, at: item.location, names: ["index", "answers"], page: "a page of bank '\(banks[index].id)'", into: &diagnostics)
            }
            if let course = banks[index].courseID, !courseIDs.contains(course) {
                let suggestion = courseIDs.sorted().first { EditDistance.between($0, course) <= 2 }.map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error(.unknownCourse, at: banks[index].location, "bank '\(banks[index].id)' belongs to unknown course '\(course)'\(suggestion)"))
                banks[index].courseID = nil
            }
            for sectionIndex in banks[index].sections.indices {
                for itemIndex in banks[index].sections[sectionIndex].items.indices {
                    var item = banks[index].sections[sectionIndex].items[itemIndex]
                    if item.kind == .description, let first = item.assesses.first {
                        // Text without a question never assesses (docs/coverage.md §2).
                        diagnostics.append(.warning(
                            .invalidValue, at: first.location,
                            "item '\(item.importKey ?? item.id)' of bank '\(banks[index].id)' is a description (text without a question) and cannot assess '\(first.competency)'; its mappings are ignored"))
                        item.assesses = []
                    }
                    item.assesses = references.check(item.assesses, into: &diagnostics)
                    if item.assesses.isEmpty && item.kind != .description {
                        diagnostics.append(.warning(
                            .unmappedItem, at: item.location,
                            "item '\(item.importKey ?? item.id)' of bank '\(banks[index].id)' assesses no competency; add one so coverage counts it"))
                    }
                    if case let .practical(task) = item.body {
                        for dataset in task.datasets {
                            if let reason = content.activeFiles[dataset.path] ?? ActiveFile.reason(dataset.path) {
                                diagnostics.append(ActiveFile.diagnostic(dataset.path, reason: reason, at: dataset.location))
                            } else if content.files.contains(dataset.path) {
                                downloads.insert(dataset.path)
                            } else {
                                diagnostics.append(.error(.missingDataset, at: dataset.location, "dataset '\(dataset.path)' does not exist in the content folder"))
                            }
                        }
                    }
                    publishAssets(of: item, bank: banks[index].id, content: content, downloads: &downloads, embedded: &embedded, into: &diagnostics)
                    let shown = item.usage == .exam ? item.questionAssetIndexes : Set(item.assets.indices)
                    for (number, asset) in item.assets.enumerated() {
                        if shown.contains(number) { shownFiles.insert(asset.path) } else { answerFiles.insert(asset.path) }
                    }
                    banks[index].sections[sectionIndex].items[itemIndex] = item
                }
            }
        }
        var assessments: [CompetencyID: [ItemMapping]] = [:]
        for bank in banks {
            for item in bank.items {
                for claim in item.assesses {
                    assessments[claim.competency, default: []].append(
                        ItemMapping(bankID: bank.id, itemID: item.id, kind: item.kind, usage: item.usage, score: item.score))
                }
            }
        }
        return (banks, assessments, downloads.sorted(), embedded, answerFiles.subtracting(shownFiles))
    }

    /// CM326 for a file of an imported item is a warning: the item is still published, with the image's text
    /// alternative in its place (an imported item never stops the build).
    private static func itemWarning(_ diagnostic: Diagnostic) -> Diagnostic {
        var warning = diagnostic
        warning.severity = .warning
        return warning
    }

    /// The files an imported item refers to: one embedded in the imported file is published from its bytes;
    /// a file of the content folder is published as a download, unless a browser would run it (CM326); a
    /// missing one is CM322 at the referencing line (the item stays; its image shows the text alternative).
    private static func publishAssets(
        of item: ExerciseItem, bank: String, content: LoadedContent, downloads: inout Set<String>, embedded: inout [String: [UInt8]],
        into diagnostics: inout DiagnosticList
    ) {
        for asset in item.assets {
            if let data = asset.data {
                // Named by the importer (`embedded/<hash>.<extension>`); refused as a content file would be
                // when its extension or its first bytes say a browser would run it.
                if let reason = ActiveFile.reason(asset.path, head: { Array(data.prefix(ActiveFile.sniffLength)) }) {
                    diagnostics.append(itemWarning(ActiveFile.diagnostic(asset.path, reason: reason, at: asset.location)))
                } else {
                    embedded[asset.path] = data
                }
            } else if let reason = content.activeFiles[asset.path] ?? ActiveFile.reason(asset.path) {
                diagnostics.append(itemWarning(ActiveFile.diagnostic(asset.path, reason: reason, at: asset.location)))
            } else if content.files.contains(asset.path) {
                downloads.insert(asset.path)
            } else {
                diagnostics.append(.warning(
                    .missingAsset, at: asset.location,
                    "file '\(asset.path)' of item '\(item.importKey ?? item.id)' of bank '\(bank)' does not exist in the content folder; the item is shown without it (its text alternative instead)"))
            }
        }
    }

    /// Ids of one kind that differ only in letter case (`Intro`, `intro`): their pages are one file on macOS
    /// and Windows, so each pair is reported at both places (CM412). Ids used exactly twice are CM403's.
    static func caseTwins<T>(
        _ items: [T], id: (T) -> String, location: (T) -> SourceLocation, what: String, into diagnostics: inout DiagnosticList
    ) {
        guard items.count > 1 else { return }
        let ids = items.map(id)
        let locations = items.map(location)
        caseTwins(ids: ids, locations: locations, order: items.indices.sorted { locations[$0] < locations[$1] }, what: what, into: &diagnostics)
    }

    /// `caseTwins` over ids and locations already taken, visiting positions in `order` (content order).
    private static func caseTwins(
        ids: [String], locations: [SourceLocation], order: [Int], what: String, into diagnostics: inout DiagnosticList
    ) {
        var firstByKey: [String: Int] = [:]
        firstByKey.reserveCapacity(ids.count)
        for index in order {
            let key = NameCollisions.key(ids[index])
            guard let first = firstByKey[key] else {
                firstByKey[key] = index
                continue
            }
            guard ids[first] != ids[index] else { continue }
            let here = locations[index], there = locations[first]
            diagnostics.append(.error(
                .caseCollision, at: here,
                "\(what) id '\(ids[index])' differs only in letter case from '\(ids[first])' (\(there)): their pages are one file on macOS and Windows; rename one"))
            diagnostics.append(.error(
                .caseCollision, at: there,
                "\(what) id '\(ids[first])' differs only in letter case from '\(ids[index])' (\(here)): their pages are one file on macOS and Windows; rename one"))
        }
    }

    /// An id that is, or differs only in letter case from, the name of a page Coursemap makes beside it
    /// (`index`, `answers`): CM407 when equal, CM412 when only the case differs.
    static func reserved(_ id: String, at location: SourceLocation, names: [String], page: String, into diagnostics: inout DiagnosticList) {
        guard let name = names.first(where: { $0 == id.lowercased() }) else { return }
        if name == id {
            diagnostics.append(.error(.invalidID, at: location, "'\(id)' is reserved for \(page); choose another id"))
        } else {
            diagnostics.append(.error(
                .caseCollision, at: location,
                "'\(id)' differs only in letter case from '\(name)', reserved for \(page): they are one file on macOS and Windows; choose another id"))
        }
    }

    /// The items with unique ids, sorted by id; each id used again is reported at both places. Items are
    /// ordered by position in the content first, so the earlier one is kept. Sorts positions, not items:
    /// the items (whole modules) are copied once, into the result.
    static func unique<T>(
        _ items: [T], id: (T) -> String, location: (T) -> SourceLocation, what: String,
        into diagnostics: inout DiagnosticList
    ) -> [T] {
        let ids = items.map(id)
        let locations = items.map(location)
        let order = items.indices.sorted { locations[$0] < locations[$1] }
        caseTwins(ids: ids, locations: locations, order: order, what: what, into: &diagnostics)
        var firstByID: [String: Int] = [:]
        firstByID.reserveCapacity(items.count)
        var kept: [Int] = []
        kept.reserveCapacity(items.count)
        for index in order {
            let key = ids[index]
            if let first = firstByID[key] {
                let here = locations[index], there = locations[first]
                diagnostics.append(.error(.duplicateID, at: here, "\(what) id '\(key)' is already used by \(there.file)"))
                diagnostics.append(.error(.duplicateID, at: there, "\(what) id '\(key)' is used again by \(here.file)"))
            } else {
                firstByID[key] = index
                kept.append(index)
            }
        }
        return kept.sorted { ids[$0] < ids[$1] }.map { items[$0] }
    }
}
