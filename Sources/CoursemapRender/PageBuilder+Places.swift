import CoursemapModel

/// Where a lecture or resource belongs in the site, for its breadcrumbs and its "part of" list.
///
/// The rule (docs/portal.md, "Navigation"): a lecture or resource listed under modules belongs to the
/// first of them, in the order its front matter lists them, that names a module of a course; its
/// breadcrumbs are then 首页 › 课程 › course › module › page, and every module it is part of is listed on
/// the page. One with a course and no such module belongs to the course (首页 › 课程 › course › page); one
/// with neither stays in the library (首页 › 资源库 › page).
extension PageBuilder {
    /// A module a lecture or resource is part of, with its course.
    struct PlacedModule {
        let course: Course
        let module: Module
    }

    /// The modules named by `references` that exist, in the order they are named: each looked up in
    /// `courseID` when there is one, else in the course that holds a module of that id.
    func placedModules(_ references: [ModuleReference], course courseID: String?) -> [PlacedModule] {
        references.compactMap { reference in
            guard let owner = courseID ?? program.course(ofModule: reference.moduleID), let course = program.course(owner),
                let module = program.module(reference.moduleID, in: owner)
            else { return nil }
            return PlacedModule(course: course, module: module)
        }
    }

    /// The breadcrumbs between 首页 and the page itself (titled `title`) of a lecture or resource.
    func placeCrumbs(_ references: [ModuleReference], course courseID: String?, title: String) -> [(String?, String)] {
        if let first = placedModules(references, course: courseID).first {
            return [
                (SitePaths.courses, ui.courses), (SitePaths.course(first.course.id), plain(first.course.title)),
                (SitePaths.module(first.module.id, course: first.course.id), plain(first.module.title)), (nil, title),
            ]
        }
        if let courseID, let course = program.course(courseID) {
            return [(SitePaths.courses, ui.courses), (SitePaths.course(course.id), plain(course.title)), (nil, title)]
        }
        return [(SitePaths.library, ui.library), (nil, title)]
    }

    /// The main navigation's current section for a lecture or resource: its course's, or the library's.
    func placedSection(_ references: [ModuleReference], course courseID: String?) -> String {
        placeCrumbs(references, course: courseID, title: "").first?.0 == SitePaths.courses ? "courses" : "library"
    }
}
