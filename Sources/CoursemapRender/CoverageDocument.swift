import CoursemapModel
import Foundation

/// `coverage.json`: one scope's coverage as data, for reviewers' tools and for comparing years.
/// Keys are sorted and numbers plain, so the same content always gives the same bytes.
struct CoverageDocument: Codable, Sendable {
    struct FrameworkInfo: Codable, Sendable {
        var id: String
        var title: LocalizedText
        var level: String?
        var version: String?
        var illustrative: Bool
    }

    struct Summary: Codable, Sendable {
        var total: Int
        var covered: Int
        var partial: Int
        var gap: Int
    }

    struct Requirement: Codable, Sendable {
        var id: String
        var code: String
        var group: String
        var subgroup: String?
        var statement: LocalizedText
        var status: CoverageStatus
        var highestLevel: MappingLevel?
        var hours: Double
        var modules: [ModuleRef]
        var items: [ItemRef]
    }

    struct ItemRef: Codable, Sendable {
        var bank: String
        var item: String
        var type: ItemKind
        var usage: ItemUsage
    }

    struct ModuleRef: Codable, Sendable {
        var course: String
        var module: String
        var level: MappingLevel
        var hours: Double
    }

    var formatVersion = 1
    var framework: FrameworkInfo
    var rules: [String]
    var summary: Summary
    var requirements: [Requirement]

    init(report: CoverageReport, framework: Framework, rules: CoverageRules) {
        let competencies = Dictionary(framework.competencies(in: report.scope).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.framework = FrameworkInfo(
            id: framework.id, title: framework.title, level: report.scope.level?.rawValue, version: framework.version,
            illustrative: framework.illustrative)
        self.rules = rules.explanation(in: .en)
        self.summary = Summary(
            total: report.rows.count, covered: report.count(.covered), partial: report.count(.partial), gap: report.count(.gap))
        self.requirements = report.rows.compactMap { row in
            guard let competency = competencies[row.competency] else { return nil }
            return Requirement(
                id: row.competency.description, code: row.competency.code, group: competency.group.code,
                subgroup: competency.subgroup?.code, statement: competency.statement, status: row.status,
                highestLevel: row.highestLevel, hours: row.hours,
                modules: row.mappings.map { ModuleRef(course: $0.courseID, module: $0.moduleID, level: $0.level, hours: $0.hours) },
                items: row.assessments.map { ItemRef(bank: $0.bankID, item: $0.itemID, type: $0.kind, usage: $0.usage) })
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        return Array((try? encoder.encode(self)) ?? Data()) + [10]
    }
}
