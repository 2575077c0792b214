import CoursemapModel
import CoursemapRender

/// Which generated files an edit can change, found by comparing the program the current output was made
/// from with the new one. Errs on the side of rendering more: anything other than modules changing (a
/// framework, course, bank, lecture, resource, the configuration or the theme) selects every page.
/// Files whose bytes come out the same are not rewritten either way (`LiveOutput`), so the selection only
/// bounds the work; correctness rests on never leaving out a page whose inputs changed, which
/// `IncrementalBuildTests` checks against clean builds.
enum AffectedPages {
    /// `nil` means every page.
    static func selection(old: Program, new: Program) -> SiteRenderer.Selection? {
        guard old.config == new.config, old.frameworks == new.frameworks, old.courses == new.courses,
            old.banks == new.banks, old.lectures == new.lectures, old.resources == new.resources,
            old.themeFiles == new.themeFiles, old.downloads == new.downloads, old.reportScopes == new.reportScopes,
            old.lectureMappings == new.lectureMappings, old.resourceMappings == new.resourceMappings,
            old.assessments == new.assessments
        else { return nil }

        let before = Dictionary(old.allModules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.allModules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changed: [Module] = []
        for id in Set(before.keys).union(after.keys) where before[id] != after[id] {
            if let module = before[id] { changed.append(module) }
            if let module = after[id] { changed.append(module) }
        }
        if changed.isEmpty { return { _ in false } }

        let changedIDs = Set(changed.map(\.id))
        // A body-only edit shows on the module's own page and nowhere else.
        let bodyOnly = changedIDs.allSatisfy { id in
            guard let edited = before[id], let now = after[id] else { return false }
            return edited.differsOnlyInBody(from: now)
        }
        if bodyOnly { return ownPages(changedIDs) }
        return selection(changed: changed, old: old, new: new)
    }

    /// The pages of `modules` alone: what an edit to their text changes.
    static func ownPages(_ modules: Set<String>) -> SiteRenderer.Selection {
        { subject in
            if case .module(let id) = subject { return modules.contains(id) }
            return false
        }
    }

    /// The pages an edit of modules alone changes; `changed` holds every changed module, as it was in `old`
    /// and as it is in `new` (a module added or removed is in one program only).
    static func selection(changed: [Module], old: Program, new: Program) -> SiteRenderer.Selection {
        let changedIDs = Set(changed.map(\.id))
        // Otherwise: the changed modules, every module of their courses (outline, previous/next), modules
        // whose prerequisites name them, the requirements they claimed or claim, their courses' pages, the
        // lectures and resources that list them, and the pages that sum up the program (coverage,
        // frameworks, home, lists). Banks, search, assets and downloads show no module; the sitemap
        // changes only when a module comes or goes.
        let courses = Set(changed.map(\.courseID))
        var modules = changedIDs
        for program in [old, new] {
            for course in program.courses {
                let list = program.modules(of: course.id)
                for index in list.indices {
                    if courses.contains(course.id) || list[index].prerequisites.contains(where: { changedIDs.contains($0.moduleID) }) {
                        modules.insert(list[index].id)
                    }
                }
            }
        }
        let competencies = Set(changed.flatMap { $0.claims.map(\.competency) })
        let lectures = Set(new.lectures.filter { $0.modules.contains { changedIDs.contains($0.moduleID) } }.map(\.id))
        let resources = Set(new.resources.filter { $0.modules.contains { changedIDs.contains($0.moduleID) } }.map(\.id))
        // A module added, removed or moved to another course changes the site's list of pages.
        let moduleSetChanged = changedIDs.contains { old.course(ofModule: $0) != new.course(ofModule: $0) }
        let selected = modules
        return { subject in
            switch subject {
            case .module(let id): return selected.contains(id)
            case .competency(let id): return competencies.contains(id)
            case .course(let id): return courses.contains(id)
            case .lecture(let id): return lectures.contains(id)
            case .resource(let id): return resources.contains(id)
            case .sitemap: return moduleSetChanged
            case .bank, .search, .notFound, .asset, .download: return false
            case .home, .index, .coverage, .framework: return true
            }
        }
    }
}
