/// The resolved program: every reference checked, everything sorted, reverse indexes built.
/// This is what analysis and rendering read.
public struct Program: Hashable, Sendable {
    public var config: SiteConfig
    /// Sorted by id.
    public var frameworks: [Framework] { didSet { frameworkIndex = Self.index(frameworks, \.id) } }
    /// Sorted by semester, then course code, then id.
    public var courses: [Course] {
        didSet {
            courseIndex = Self.index(courses, \.id)
            modulePlaces = Self.places(courses, moduleLists)
        }
    }
    /// Each course's modules, sorted by order then id.
    public var modulesByCourse: [String: [Module]] {
        get { moduleLists }
        set {
            moduleLists = newValue
            modulePlaces = Self.places(courses, newValue)
        }
    }
    private var moduleLists: [String: [Module]]
    /// Every competency of every framework, by id.
    public var competencies: [CompetencyID: Competency]
    /// For each competency, the modules that claim it (reverse index), sorted by course order then module
    /// order. Claims to unknown competencies are not here (they were diagnosed).
    public var mappings: [CompetencyID: [ModuleMapping]]
    /// Exercise banks, sorted by id.
    public var banks: [ExerciseBank] {
        didSet {
            bankIndex = Self.index(banks, \.id)
            itemPlaces = Self.itemPlaces(banks)
        }
    }
    /// Micro-lectures, sorted by course then id.
    public var lectures: [Lecture] { didSet { lectureIndex = Self.index(lectures, \.id) } }
    /// Library resources, sorted by kind then id.
    public var resources: [Resource] { didSet { resourceIndex = Self.index(resources, \.id) } }
    /// For each competency, the lectures that teach it (reverse index).
    public var lectureMappings: [CompetencyID: [LectureMapping]]
    /// For each competency, the resources mapped to it (reverse index).
    public var resourceMappings: [CompetencyID: [String]]
    /// For each competency, the items that assess it (reverse index), in bank then item order.
    public var assessments: [CompetencyID: [ItemMapping]]
    /// Content files published as downloads (datasets of practical tasks), content-relative paths, sorted.
    public var downloads: [String]
    /// Files embedded in imported items (decoded Moodle `<file>`s), by their path under `files/`
    /// (`embedded/<SHA-1>.<extension>`): published from these bytes, not copied from the content folder.
    public var embeddedFiles: [String: [UInt8]] = [:]
    /// Files of imported items (in `downloads` or `embeddedFiles`) that only exam items' answers,
    /// explanations or feedback show: the student edition does not publish them (fail closed).
    public var answerFiles: Set<String> = []
    /// The scopes coverage is reported on.
    public var reportScopes: [FrameworkScope]
    public var themeFiles: [String: ThemeFile]

    /// Position of each id in the arrays above (the first, should an id repeat), kept up to date when an
    /// array is replaced, so a lookup by id costs the same for 10 courses or 10,000.
    private var frameworkIndex: [String: Int] = [:]
    private var courseIndex: [String: Int] = [:]
    private var bankIndex: [String: Int] = [:]
    /// Where each item sits, by bank id and item id (the first of repeated ids), so that pages and tables
    /// naming thousands of items find each without scanning its bank.
    private var itemPlaces: [String: [String: ItemPlace]] = [:]
    private struct ItemPlace: Hashable, Sendable {
        let section: Int
        let index: Int
        let number: Int
    }
    private var lectureIndex: [String: Int] = [:]
    private var resourceIndex: [String: Int] = [:]
    /// Where each module id is: its course (the first in course order that has it; ids are unique once
    /// resolved) and its position in that course's list.
    private var modulePlaces: [String: ModulePlace] = [:]
    private struct ModulePlace: Hashable {
        let course: String
        let position: Int
    }

    public init(
        config: SiteConfig, frameworks: [Framework], courses: [Course], modulesByCourse: [String: [Module]],
        competencies: [CompetencyID: Competency], mappings: [CompetencyID: [ModuleMapping]],
        banks: [ExerciseBank] = [], assessments: [CompetencyID: [ItemMapping]] = [:], downloads: [String] = [],
        lectures: [Lecture] = [], resources: [Resource] = [], lectureMappings: [CompetencyID: [LectureMapping]] = [:],
        resourceMappings: [CompetencyID: [String]] = [:],
        reportScopes: [FrameworkScope], themeFiles: [String: ThemeFile] = [:]
    ) {
        self.config = config
        self.frameworks = frameworks
        self.courses = courses
        self.moduleLists = modulesByCourse
        self.competencies = competencies
        self.mappings = mappings
        self.banks = banks
        self.lectures = lectures
        self.resources = resources
        self.lectureMappings = lectureMappings
        self.resourceMappings = resourceMappings
        self.assessments = assessments
        self.downloads = downloads
        self.reportScopes = reportScopes
        self.themeFiles = themeFiles
        // `didSet` does not run during initialisation.
        frameworkIndex = Self.index(frameworks, \.id)
        courseIndex = Self.index(courses, \.id)
        bankIndex = Self.index(banks, \.id)
        itemPlaces = Self.itemPlaces(banks)
        lectureIndex = Self.index(lectures, \.id)
        resourceIndex = Self.index(resources, \.id)
        modulePlaces = Self.places(courses, modulesByCourse)
    }

    public func framework(_ id: String) -> Framework? { frameworkIndex[id].map { frameworks[$0] } }
    public func course(_ id: String) -> Course? { courseIndex[id].map { courses[$0] } }
    public func modules(of courseID: String) -> [Module] { modulesByCourse[courseID] ?? [] }
    /// Puts `module` in the place of the module of its course with its id, keeping every index as it is;
    /// `false` when its course has no such module. (`serve` swaps in a module whose text was edited.)
    public mutating func replaceModule(_ module: Module) -> Bool {
        guard let index = position(of: module.id, in: module.courseID) else { return false }
        moduleLists[module.courseID]![index] = module
        return true
    }

    /// The course that has the module `id` (the first in course order, should two have it).
    public func course(ofModule id: String) -> String? { modulePlaces[id]?.course }

    /// A module of a course, by id.
    public func module(_ id: String, in courseID: String) -> Module? {
        position(of: id, in: courseID).map { moduleLists[courseID]![$0] }
    }
    /// A module's title, without copying the module (pages that list thousands of modules ask for it).
    public func moduleTitle(_ id: String, in courseID: String) -> LocalizedText? {
        position(of: id, in: courseID).map { moduleLists[courseID]![$0].title }
    }

    private func position(of id: String, in courseID: String) -> Int? {
        guard let place = modulePlaces[id], place.course == courseID else { return nil }
        return place.position
    }
    public var allModules: [Module] { courses.flatMap { modules(of: $0.id) } }
    public func bank(_ id: String) -> ExerciseBank? { bankIndex[id].map { banks[$0] } }

    /// The item of that id in that bank (the first, if the id repeats), with its 1-based number in the
    /// bank's document order; found by index, not by scanning the bank.
    public func item(_ itemID: String, inBank bankID: String) -> (bank: ExerciseBank, item: ExerciseItem, number: Int)? {
        guard let bank = bank(bankID), let place = itemPlaces[bankID]?[itemID] else { return nil }
        return (bank, bank.sections[place.section].items[place.index], place.number)
    }

    private static func itemPlaces(_ banks: [ExerciseBank]) -> [String: [String: ItemPlace]] {
        var places: [String: [String: ItemPlace]] = [:]
        for bank in banks where places[bank.id] == nil {
            var inBank: [String: ItemPlace] = [:]
            var number = 0
            for (section, content) in bank.sections.enumerated() {
                for (index, item) in content.items.enumerated() {
                    number += 1
                    if inBank[item.id] == nil { inBank[item.id] = ItemPlace(section: section, index: index, number: number) }
                }
            }
            places[bank.id] = inBank
        }
        return places
    }
    public func lecture(_ id: String) -> Lecture? { lectureIndex[id].map { lectures[$0] } }
    public func resource(_ id: String) -> Resource? { resourceIndex[id].map { resources[$0] } }

    private static func places(_ courses: [Course], _ modulesByCourse: [String: [Module]]) -> [String: ModulePlace] {
        var places: [String: ModulePlace] = [:]
        places.reserveCapacity(modulesByCourse.values.reduce(0) { $0 + $1.count })
        for course in courses {
            let modules = modulesByCourse[course.id] ?? []
            for position in modules.indices where places[modules[position].id] == nil {
                places[modules[position].id] = ModulePlace(course: course.id, position: position)
            }
        }
        return places
    }

    private static func index<Element>(_ elements: [Element], _ id: KeyPath<Element, String>) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() where index[element[keyPath: id]] == nil {
            index[element[keyPath: id]] = position
        }
        return index
    }
}

/// One lecture's claim on a competency, as seen from the competency.
public struct LectureMapping: Hashable, Sendable, Codable {
    public var lectureID: String
    public var level: MappingLevel
    /// The lecture's length in minutes: teaching time.
    public var minutes: Double

    public init(lectureID: String, level: MappingLevel, minutes: Double) {
        self.lectureID = lectureID
        self.level = level
        self.minutes = minutes
    }
}

/// One item's assessment of a competency, as seen from the competency.
public struct ItemMapping: Hashable, Sendable, Codable {
    public var bankID: String
    public var itemID: String
    public var kind: ItemKind
    public var usage: ItemUsage
    /// The item's score (default 1): its points in the blueprint.
    public var score: Double

    public init(bankID: String, itemID: String, kind: ItemKind, usage: ItemUsage, score: Double = 1) {
        self.bankID = bankID
        self.itemID = itemID
        self.kind = kind
        self.usage = usage
        self.score = score
    }
}

/// One module's claim on a competency, as seen from the competency.
public struct ModuleMapping: Hashable, Sendable, Codable {
    public var moduleID: String
    public var courseID: String
    public var level: MappingLevel
    /// The module's hours (all of them; the report divides them, `docs/coverage.md` §4.2).
    public var hours: Double
    /// The hours the mapping states, when it states them.
    public var stated: Double?

    public init(moduleID: String, courseID: String, level: MappingLevel, hours: Double, stated: Double? = nil) {
        self.moduleID = moduleID
        self.courseID = courseID
        self.level = level
        self.hours = hours
        self.stated = stated
    }
}

extension Program {
    /// Whether the file at content-relative (or embedded) `path` is published under `files/`: a download
    /// (found by binary search, `downloads` being sorted) or an embedded file.
    public func publishes(_ path: String) -> Bool {
        if embeddedFiles[path] != nil { return true }
        var low = 0, high = downloads.count
        while low < high {
            let middle = (low + high) / 2
            if downloads[middle] < path { low = middle + 1 } else { high = middle }
        }
        return low < downloads.count && downloads[low] == path
    }
}
