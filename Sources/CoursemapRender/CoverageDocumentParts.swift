import CoursemapModel

/// The members of `coverage.json` (`CoverageDocument`) that are not model values as they stand (the areas
/// and the hours reconciliation are: `AreaSummary`, `CourseHoursLine`, `ProgramHoursTotals`). Each decodes a
/// format-version-1 file too: members that version lacks take their empty or zero value, and its numbers
/// (a tolerance) read as text.
extension CoverageDocument {
    public struct FrameworkInfo: Codable, Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
        /// `certificate` or `outcomes` (version 1 files: `certificate` when a level is given).
        public var kind: Framework.Kind
        public var level: String?
        public var version: String?
        public var illustrative: Bool

        init(id: String, title: LocalizedText, kind: Framework.Kind, level: String?, version: String?, illustrative: Bool) {
            self.id = id
            self.title = title
            self.kind = kind
            self.level = level
            self.version = version
            self.illustrative = illustrative
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(LocalizedText.self, forKey: .title)
            level = try c.decodeIfPresent(String.self, forKey: .level)
            kind = try c.decodeIfPresent(Framework.Kind.self, forKey: .kind) ?? (level == nil ? .outcomes : .certificate)
            version = try c.decodeIfPresent(String.self, forKey: .version)
            illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
        }
    }

    public struct Rules: Codable, Sendable, Equatable {
        public var coveredAt: MappingLevel
        public var requireAssessment: Bool
        /// The tolerance as `coursemap.yml` gives it (`8.3`).
        public var blueprintTolerance: String
        public var lecturesAsHours: Bool
        public var classHourMinutes: Int
        public var text: [String]

        init(coveredAt: MappingLevel, requireAssessment: Bool, blueprintTolerance: String, lecturesAsHours: Bool, classHourMinutes: Int, text: [String]) {
            self.coveredAt = coveredAt
            self.requireAssessment = requireAssessment
            self.blueprintTolerance = blueprintTolerance
            self.lecturesAsHours = lecturesAsHours
            self.classHourMinutes = classHourMinutes
            self.text = text
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            coveredAt = try c.decode(MappingLevel.self, forKey: .coveredAt)
            requireAssessment = try c.decode(Bool.self, forKey: .requireAssessment)
            blueprintTolerance = try c.textOrNumber(forKey: .blueprintTolerance) ?? "10"
            lecturesAsHours = try c.decodeIfPresent(Bool.self, forKey: .lecturesAsHours) ?? false
            classHourMinutes = try c.decodeIfPresent(Int.self, forKey: .classHourMinutes) ?? 45
            text = try c.decodeIfPresent([String].self, forKey: .text) ?? []
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var total: Int
        public var covered: Int
        public var partial: Int
        public var gap: Int
        /// covered ÷ total in percent, one decimal.
        public var coveredPercent: Tenths

        init(total: Int, covered: Int, partial: Int, gap: Int, coveredPercent: Tenths) {
            self.total = total
            self.covered = covered
            self.partial = partial
            self.gap = gap
            self.coveredPercent = coveredPercent
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            total = try c.decode(Int.self, forKey: .total)
            covered = try c.decode(Int.self, forKey: .covered)
            partial = try c.decode(Int.self, forKey: .partial)
            gap = try c.decode(Int.self, forKey: .gap)
            coveredPercent = try c.decodeIfPresent(Tenths.self, forKey: .coveredPercent) ?? Tenths.percent(Int64(covered), of: Int64(total))
        }
    }

    /// The named lists of §7: the first two partition the non-covered requirements; the next three overlap.
    public struct Gaps: Codable, Sendable, Equatable {
        public var gap: [String]
        public var partial: [String]
        public var notTaught: [String]
        public var notAssessed: [String]
        public var introducedOnly: [String]
        public var orphans: Orphans

        init(gap: [String], partial: [String], notTaught: [String], notAssessed: [String], introducedOnly: [String], orphans: Orphans) {
            self.gap = gap
            self.partial = partial
            self.notTaught = notTaught
            self.notAssessed = notAssessed
            self.introducedOnly = introducedOnly
            self.orphans = orphans
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            gap = try c.decodeIfPresent([String].self, forKey: .gap) ?? []
            partial = try c.decodeIfPresent([String].self, forKey: .partial) ?? []
            notTaught = try c.decodeIfPresent([String].self, forKey: .notTaught) ?? []
            notAssessed = try c.decodeIfPresent([String].self, forKey: .notAssessed) ?? []
            introducedOnly = try c.decodeIfPresent([String].self, forKey: .introducedOnly) ?? []
            orphans = try c.decodeIfPresent(Orphans.self, forKey: .orphans) ?? Orphans()
        }
    }

    public struct Requirement: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var group: String
        public var subgroup: String?
        public var statement: LocalizedText
        public var status: CoverageStatus
        public var reasons: [CoverageReason]
        public var taughtBy: TaughtBy
        public var highestLevel: MappingLevel?
        public var hours: Hundredths
        public var lectureMinutes: Hundredths
        public var modules: [ModuleRef]
        public var lectures: [LectureRef]
        public var items: [ItemRef]
        public var resources: [String]
        public var courses: [Cell]

        init(
            id: String, code: String, group: String, subgroup: String?, statement: LocalizedText, status: CoverageStatus,
            reasons: [CoverageReason], taughtBy: TaughtBy, highestLevel: MappingLevel?, hours: Hundredths, lectureMinutes: Hundredths,
            modules: [ModuleRef], lectures: [LectureRef], items: [ItemRef], resources: [String], courses: [Cell]
        ) {
            self.id = id
            self.code = code
            self.group = group
            self.subgroup = subgroup
            self.statement = statement
            self.status = status
            self.reasons = reasons
            self.taughtBy = taughtBy
            self.highestLevel = highestLevel
            self.hours = hours
            self.lectureMinutes = lectureMinutes
            self.modules = modules
            self.lectures = lectures
            self.items = items
            self.resources = resources
            self.courses = courses
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            code = try c.decode(String.self, forKey: .code)
            group = try c.decodeIfPresent(String.self, forKey: .group) ?? ""
            subgroup = try c.decodeIfPresent(String.self, forKey: .subgroup)
            statement = try c.decode(LocalizedText.self, forKey: .statement)
            status = try c.decode(CoverageStatus.self, forKey: .status)
            highestLevel = try c.decodeIfPresent(MappingLevel.self, forKey: .highestLevel)
            hours = try c.decodeIfPresent(Hundredths.self, forKey: .hours) ?? .zero
            lectureMinutes = try c.decodeIfPresent(Hundredths.self, forKey: .lectureMinutes) ?? .zero
            modules = try c.decodeIfPresent([ModuleRef].self, forKey: .modules) ?? []
            lectures = try c.decodeIfPresent([LectureRef].self, forKey: .lectures) ?? []
            items = try c.decodeIfPresent([ItemRef].self, forKey: .items) ?? []
            resources = try c.decodeIfPresent([String].self, forKey: .resources) ?? []
            courses = try c.decodeIfPresent([Cell].self, forKey: .courses) ?? []
            // Version 1 files carry no reasons or taughtBy: they follow from the evidence.
            taughtBy = try c.decodeIfPresent(TaughtBy.self, forKey: .taughtBy)
                ?? TaughtBy(modules: !modules.isEmpty, lectures: !lectures.isEmpty)
            reasons = try c.decodeIfPresent([CoverageReason].self, forKey: .reasons) ?? []
        }
    }

    public struct ModuleRef: Codable, Sendable, Equatable {
        public var course: String
        public var module: String
        public var level: MappingLevel
        /// The module's hours (version 1 files: the hours they credited, the module's).
        public var moduleHours: Hundredths
        /// The hours attributed to the requirement.
        public var hours: Hundredths
        /// The hours the mapping states, when it states them.
        public var stated: Hundredths?

        init(course: String, module: String, level: MappingLevel, moduleHours: Hundredths, hours: Hundredths, stated: Hundredths?) {
            self.course = course
            self.module = module
            self.level = level
            self.moduleHours = moduleHours
            self.hours = hours
            self.stated = stated
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            course = try c.decode(String.self, forKey: .course)
            module = try c.decode(String.self, forKey: .module)
            level = try c.decode(MappingLevel.self, forKey: .level)
            hours = try c.decodeIfPresent(Hundredths.self, forKey: .hours) ?? .zero
            moduleHours = try c.decodeIfPresent(Hundredths.self, forKey: .moduleHours) ?? hours
            stated = try c.decodeIfPresent(Hundredths.self, forKey: .stated)
        }
    }

    public struct LectureRef: Codable, Sendable, Equatable {
        public var lecture: String
        public var course: String?
        public var level: MappingLevel
        /// The lecture's length in minutes.
        public var minutes: Hundredths
        /// The minutes attributed to the requirement.
        public var attributedMinutes: Hundredths
        /// The hours attributed to the requirement, only when lectures count as hours.
        public var hours: Hundredths?

        init(lecture: String, course: String?, level: MappingLevel, minutes: Hundredths, attributedMinutes: Hundredths, hours: Hundredths?) {
            self.lecture = lecture
            self.course = course
            self.level = level
            self.minutes = minutes
            self.attributedMinutes = attributedMinutes
            self.hours = hours
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            lecture = try c.decode(String.self, forKey: .lecture)
            course = try c.decodeIfPresent(String.self, forKey: .course)
            level = try c.decode(MappingLevel.self, forKey: .level)
            minutes = try c.decodeIfPresent(Hundredths.self, forKey: .minutes) ?? .zero
            attributedMinutes = try c.decodeIfPresent(Hundredths.self, forKey: .attributedMinutes) ?? minutes
            hours = try c.decodeIfPresent(Hundredths.self, forKey: .hours)
        }
    }

    public struct ItemRef: Codable, Sendable, Equatable {
        public var bank: String
        public var item: String
        public var type: ItemKind
        public var usage: ItemUsage
        /// The item's score in points (hundredths).
        public var score: Hundredths

        init(bank: String, item: String, type: ItemKind, usage: ItemUsage, score: Hundredths) {
            self.bank = bank
            self.item = item
            self.type = type
            self.usage = usage
            self.score = score
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            bank = try c.decode(String.self, forKey: .bank)
            item = try c.decode(String.self, forKey: .item)
            type = try c.decode(ItemKind.self, forKey: .type)
            usage = try c.decode(ItemUsage.self, forKey: .usage)
            score = try c.decodeIfPresent(Hundredths.self, forKey: .score) ?? Hundredths(whole: 1)
        }
    }

    /// A matrix cell of the requirement; `courseID` is absent for lectures outside courses.
    public struct Cell: Codable, Sendable, Equatable {
        public var courseID: String?
        public var levels: [String]
        public var hours: Hundredths
    }
}
