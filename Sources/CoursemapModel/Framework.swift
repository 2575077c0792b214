/// A competency framework read from `Content/frameworks/*.xml`: a certificate standard or a program-outcome
/// framework.
public struct Framework: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A 1+X certificate standard: level → 工作领域 → 工作任务 → 职业技能要求.
        case certificate
        /// A program-outcome framework (培养规格): 素质 / 知识 / 能力 → outcome.
        case outcomes
    }

    public var id: String
    public var kind: Kind
    public var title: LocalizedText
    public var issuer: LocalizedText?
    public var description: LocalizedText?
    public var version: String?
    /// True when the text is an illustrative stand-in for a standard that is not public; pages say so.
    public var illustrative: Bool
    /// Certificate levels, in document order (empty for outcome frameworks).
    public var levels: [FrameworkLevel]
    /// Outcome groups, in document order (empty for certificates).
    public var outcomeGroups: [OutcomeGroup]
    public var location: SourceLocation

    public init(
        id: String, kind: Kind, title: LocalizedText, issuer: LocalizedText? = nil,
        description: LocalizedText? = nil, version: String? = nil, illustrative: Bool = false,
        levels: [FrameworkLevel] = [], outcomeGroups: [OutcomeGroup] = [], location: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.description = description
        self.version = version
        self.illustrative = illustrative
        self.levels = levels
        self.outcomeGroups = outcomeGroups
        self.location = location
    }

    /// The report scopes this framework offers: one per certificate level, or the whole outcome framework.
    public var scopes: [FrameworkScope] {
        switch kind {
        case .certificate: return levels.map { FrameworkScope(framework: id, level: $0.level) }
        case .outcomes: return [FrameworkScope(framework: id, level: nil)]
        }
    }

    /// Every competency of one scope, in document order.
    public func competencies(in scope: FrameworkScope) -> [Competency] {
        guard scope.framework == id else { return [] }
        switch kind {
        case .certificate:
            guard let level = levels.first(where: { $0.level == scope.level }) else { return [] }
            return level.areas.flatMap { area in
                area.tasks.flatMap { task in
                    task.requirements.map { requirement in
                        Competency(
                            id: CompetencyID(framework: id, level: level.level, code: requirement.code),
                            statement: requirement.statement,
                            group: CompetencyGroup(code: area.code, title: area.title),
                            subgroup: CompetencyGroup(code: task.code, title: task.title),
                            location: requirement.location)
                    }
                }
            }
        case .outcomes:
            guard scope.level == nil else { return [] }
            return outcomeGroups.flatMap { group in
                group.outcomes.map { outcome in
                    Competency(
                        id: CompetencyID(framework: id, level: nil, code: outcome.code),
                        statement: outcome.statement,
                        group: CompetencyGroup(code: group.code, title: group.title),
                        subgroup: nil,
                        location: outcome.location)
                }
            }
        }
    }

    /// Every competency of every scope, in document order.
    public var allCompetencies: [Competency] { scopes.flatMap { competencies(in: $0) } }
}

/// One level (初级 / 中级 / 高级) of a certificate standard.
public struct FrameworkLevel: Hashable, Sendable, Codable {
    public var level: CertificateLevel
    public var description: LocalizedText?
    public var areas: [WorkArea]
    public var location: SourceLocation

    public init(level: CertificateLevel, description: LocalizedText? = nil, areas: [WorkArea], location: SourceLocation) {
        self.level = level
        self.description = description
        self.areas = areas
        self.location = location
    }
}

/// 工作领域: a work area of a certificate level.
public struct WorkArea: Hashable, Sendable, Codable {
    public var code: String
    public var title: LocalizedText
    public var tasks: [WorkTask]
    /// The area's weight in the certificate exam's blueprint (e.g. 19 of 100 points), when given.
    public var weight: Double?
    /// The weight as the framework writes it (`8.3`), printed as given; `nil` without a weight.
    public var weightText: String?
    public var location: SourceLocation

    public init(code: String, title: LocalizedText, tasks: [WorkTask], weight: Double? = nil, weightText: String? = nil, location: SourceLocation) {
        self.weightText = weightText ?? weight.map(NumberText.plain)
        self.code = code
        self.title = title
        self.tasks = tasks
        self.weight = weight
        self.location = location
    }
}

/// 工作任务: a task within a work area.
public struct WorkTask: Hashable, Sendable, Codable {
    public var code: String
    public var title: LocalizedText
    public var requirements: [Statement]
    public var location: SourceLocation

    public init(code: String, title: LocalizedText, requirements: [Statement], location: SourceLocation) {
        self.code = code
        self.title = title
        self.requirements = requirements
        self.location = location
    }
}

/// A coded statement: a 职业技能要求 of a task, or an outcome of a program-outcome group.
public struct Statement: Hashable, Sendable, Codable {
    public var code: String
    public var statement: LocalizedText
    public var location: SourceLocation

    public init(code: String, statement: LocalizedText, location: SourceLocation) {
        self.code = code
        self.statement = statement
        self.location = location
    }
}

/// The three domains of 培养规格.
public enum OutcomeDomain: String, Hashable, Sendable, Codable, CaseIterable {
    case quality = "素质"
    case knowledge = "知识"
    case ability = "能力"

    public var name: LocalizedText {
        switch self {
        case .quality: return LocalizedText(zh: "素质", en: "Qualities")
        case .knowledge: return LocalizedText(zh: "知识", en: "Knowledge")
        case .ability: return LocalizedText(zh: "能力", en: "Abilities")
        }
    }
}

/// A group of program outcomes: one of the three domains of 培养规格 for frameworks written in Coursemap's
/// XML, or any titled group for frameworks imported from CASE.
public struct OutcomeGroup: Hashable, Sendable, Codable {
    public var domain: OutcomeDomain?
    public var code: String
    public var title: LocalizedText
    public var outcomes: [Statement]
    public var location: SourceLocation

    public init(domain: OutcomeDomain, outcomes: [Statement], location: SourceLocation) {
        self.init(domain: domain, code: domain.rawValue, title: domain.name, outcomes: outcomes, location: location)
    }

    public init(domain: OutcomeDomain?, code: String, title: LocalizedText, outcomes: [Statement], location: SourceLocation) {
        self.domain = domain
        self.code = code
        self.title = title
        self.outcomes = outcomes
        self.location = location
    }
}

/// A flattened view of one requirement or outcome with its place in the tree.
public struct Competency: Hashable, Sendable, Codable {
    public var id: CompetencyID
    public var statement: LocalizedText
    /// The work area (certificates) or outcome domain (outcome frameworks).
    public var group: CompetencyGroup
    /// The work task (certificates only).
    public var subgroup: CompetencyGroup?
    public var location: SourceLocation

    public init(id: CompetencyID, statement: LocalizedText, group: CompetencyGroup, subgroup: CompetencyGroup?, location: SourceLocation) {
        self.id = id
        self.statement = statement
        self.group = group
        self.subgroup = subgroup
        self.location = location
    }
}

/// A coded, titled grouping node: a work area, a work task or an outcome domain.
public struct CompetencyGroup: Hashable, Sendable, Codable {
    public var code: String
    public var title: LocalizedText

    public init(code: String, title: LocalizedText) {
        self.code = code
        self.title = title
    }
}
