/// A module (teaching unit) of a course, from a Markdown or module-XML file in the course's folder.
public struct Module: Hashable, Sendable, Codable {
    public enum Format: String, Hashable, Sendable, Codable {
        case markdown
        case xml
    }

    public var id: String
    public var courseID: String
    /// Position within the course; modules are listed by it.
    public var order: Int
    public var title: LocalizedText
    public var summary: LocalizedText?
    /// Class hours spent on the module.
    public var hours: Double
    public var format: Format
    public var body: RichText
    public var claims: [CompetencyClaim]
    /// Modules to study first (ids, of any course).
    public var prerequisites: [ModuleReference]
    public var location: SourceLocation

    public init(
        id: String, courseID: String, order: Int, title: LocalizedText, summary: LocalizedText? = nil,
        hours: Double, format: Format, body: RichText, claims: [CompetencyClaim], prerequisites: [ModuleReference] = [],
        location: SourceLocation
    ) {
        self.prerequisites = prerequisites
        self.id = id
        self.courseID = courseID
        self.order = order
        self.title = title
        self.summary = summary
        self.hours = hours
        self.format = format
        self.body = body
        self.claims = claims
        self.location = location
    }
}

extension Module {
    /// Whether `other` is this module with another body and nothing else changed (`serve`'s text-only edit).
    public func differsOnlyInBody(from other: Module) -> Bool {
        var same = self
        same.body = other.body
        return same == other
    }

    /// Whether `other` claims the same competencies at the same levels, in the same order, with the same
    /// hours: all that coverage reads of a module (claim locations aside).
    public func countsTheSame(as other: Module) -> Bool {
        hours == other.hours && claims.count == other.claims.count
            && zip(claims, other.claims).allSatisfy { $0.competency == $1.competency && $0.level == $1.level && $0.hours == $1.hours }
    }
}

/// How far a module takes a competency: introduced, reinforced or mastered.
public enum MappingLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case introduced = "I"
    case reinforced = "R"
    case mastered = "M"

    public var name: LocalizedText {
        switch self {
        case .introduced: return LocalizedText(zh: "引入", en: "Introduced")
        case .reinforced: return LocalizedText(zh: "强化", en: "Reinforced")
        case .mastered: return LocalizedText(zh: "掌握", en: "Mastered")
        }
    }

    private var rank: Int {
        switch self {
        case .introduced: return 1
        case .reinforced: return 2
        case .mastered: return 3
        }
    }

    public static func < (lhs: MappingLevel, rhs: MappingLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A module's (or lecture's, or resource's) statement that it teaches a competency to a level, where the
/// content says so; a module's may state the hours it spends on the competency (`{level: M, hours: 4}`).
public struct CompetencyClaim: Hashable, Sendable, Codable {
    public var competency: CompetencyID
    public var level: MappingLevel
    /// The hours the module states for this competency, at most two decimals; `nil` when not stated.
    public var hours: Double?
    public var location: SourceLocation

    public init(competency: CompetencyID, level: MappingLevel, hours: Double? = nil, location: SourceLocation) {
        self.competency = competency
        self.level = level
        self.hours = hours
        self.location = location
    }
}
