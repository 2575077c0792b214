import CoursemapModel

/// The home page.
extension PageBuilder {
    /// How many lectures the home page offers to start with.
    static let homeLectureCount = 6

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
            Stat(value: String(requirementCount), label: ui.requirements, href: SitePaths.frameworks),
            Stat(value: String(program.courses.count), label: ui.courses, href: SitePaths.courses),
            Stat(value: String(moduleCount), label: ui.modules, href: SitePaths.courses),
            Stat(value: Self.hours(moduleHours), label: ui.hours, href: SitePaths.courses),
        ] + (program.banks.isEmpty ? [] : [Stat(value: String(program.banks.reduce(0) { $0 + $1.items.count }), label: ui.items, href: SitePaths.banks)])
            + (program.lectures.isEmpty ? [] : [Stat(value: String(program.lectures.count), label: ui.lectures, href: Self.libraryFiltered(.lecture))])
            + ResourceKind.allCases.compactMap { kind in
                let count = program.resources.count { $0.kind == kind }
                return count == 0 ? nil : Stat(value: String(count), label: plain(kind.name), href: Self.libraryFiltered(kind))
            }
        let cards = courseCards()
        let lectures = lecturesToStart()
        return HomePage(
            chrome: chrome(page: page, title: plain(program.config.title), crumbs: [], section: nil), ui: ui,
            title: text(program.config.title), program: program.config.program.map(text),
            start: cards.lazy.compactMap(\.firstModule).first ?? lectures.first, courseCards: cards, lectures: lectures,
            practiceBanks: program.banks.filter { bank in bank.items.contains { $0.usage == .practice } }.map { bank in
                LinkView(
                    href: SitePaths.bank(bank.id), text: plain(bank.title),
                    detail: "\(ui.practice) \(bank.items.count { $0.usage == .practice })")
            },
            stats: stats, frameworks: program.frameworks.map { frameworkCard($0, from: page) })
    }

    /// The library, opened with its kind filter set (`media.js` reads the query).
    static func libraryFiltered(_ kind: ResourceKind) -> String { SitePaths.library + "?kind=" + SitePaths.encoded(kind.rawValue) }

    /// One card per course, in course order, with its first module.
    private func courseCards() -> [CourseCard] {
        program.courses.map { course in
            let modules = program.modules(of: course.id)
            let facts = [
                course.code, "\(ui.semester) \(course.semester)", "\(ui.credits) \(Self.amount(course.credits))",
                "\(ui.hours) \(Self.amount(course.hours.total))", "\(ui.modules) \(modules.count)",
            ]
            return CourseCard(
                href: SitePaths.course(course.id), title: text(course.title), facts: facts.filter { !$0.isEmpty },
                firstModule: modules.first.map { module in
                    LinkView(href: SitePaths.module(module.id, course: course.id), text: "\(module.order). \(plain(module.title))", detail: plain(course.title))
                })
        }
    }

    /// The lectures the home page offers, chosen without dates (content has none): each course's lectures
    /// in the order of the first module they are part of (then as the library lists them), taken in turns
    /// course by course in course order (the first lecture of every course, then the second …), lectures of
    /// no course last; the first `homeLectureCount`.
    private func lecturesToStart() -> [LinkView] {
        let courseIndex = Dictionary(program.courses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let placed = program.lectures.enumerated().map { index, lecture in
            let place = placedModules(lecture.modules, course: lecture.courseID).first
            let course = place?.course ?? lecture.courseID.flatMap { program.course($0) }
            return (lecture: lecture, course: course, order: [course.flatMap { courseIndex[$0.id] } ?? Int.max, place?.module.order ?? Int.max, index])
        }.sorted { $0.order.lexicographicallyPrecedes($1.order) }
        var turn: [Int: Int] = [:]
        let ranked = placed.map { entry in
            let courseRank = entry.order[0]
            let rank = turn[courseRank, default: 0]
            turn[courseRank] = rank + 1
            // Lectures of no course come after every course's turns.
            return (entry: entry, key: courseRank == Int.max ? [Int.max, rank] : [rank, courseRank])
        }
        return ranked.sorted { $0.key.lexicographicallyPrecedes($1.key) }.prefix(Self.homeLectureCount).map { ranked in
            let entry = ranked.entry
            return LinkView(
                href: SitePaths.lecture(entry.lecture.id), text: plain(entry.lecture.title),
                detail: ([entry.course.map { plain($0.title) }, entry.lecture.durationText] as [String?]).compactMap { $0 }.joined(separator: " · "))
        }
    }
}
