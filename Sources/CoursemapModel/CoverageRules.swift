import Foundation

/// The rules that turn a competency's evidence into a status, set under `coverage:` in `coursemap.yml` and
/// printed on every coverage page:
///
/// - covered: a module or micro-lecture takes the competency to `coveredAt` (default M), and — when
///   `requireAssessment` is on (the default) — at least one item assesses it;
/// - gap: nothing teaches it and nothing assesses it;
/// - partial: everything in between.
public struct CoverageRules: Hashable, Sendable, Codable {
    public var coveredAt: MappingLevel
    public var requireAssessment: Bool
    /// How far (in percentage points) an area's share of assessment items or hours may differ from its
    /// exam-blueprint weight before the blueprint report flags it.
    public var blueprintTolerance: Double

    public init(coveredAt: MappingLevel = .mastered, requireAssessment: Bool = true, blueprintTolerance: Double = 10) {
        self.coveredAt = coveredAt
        self.requireAssessment = requireAssessment
        self.blueprintTolerance = blueprintTolerance
    }

    public static let standard = CoverageRules()

    public func status(highestLevel: MappingLevel?, assessed: Bool) -> CoverageStatus {
        guard highestLevel != nil || assessed else { return .gap }
        guard let highestLevel, highestLevel >= coveredAt else { return .partial }
        return (!requireAssessment || assessed) ? .covered : .partial
    }
}

extension CoverageRules {
    /// The rules in words, one line per status, as the coverage page prints them.
    public func explanation(in language: Language) -> [String] {
        let level = coveredAt.rawValue
        let lower = MappingLevel.allCases.filter { $0 < coveredAt }.map(\.rawValue).joined(separator: "/")
        switch language {
        case .zh:
            return [
                "已覆盖：至少一个模块或微课将该要求教到 \(level)（\(coveredAt.name.zh)）程度"
                    + (requireAssessment ? "，并且至少有一道题目考核它（A）。" : "。"),
                "部分覆盖：有教学或考核证据，但" + (lower.isEmpty ? "" : "教学最高只到 \(lower) 程度，或") + (requireAssessment ? "尚无题目考核。" : "未达到上述程度。"),
                "未覆盖：没有任何模块、微课或题目对应该要求。",
                "考试蓝图：工作领域的考核题目占比或学时占比与其分值占比相差超过 \(NumberText.plain(blueprintTolerance)) 个百分点时标出。",
            ]
        case .en:
            return [
                "Covered: a module or micro-lecture takes the requirement to \(level) (\(coveredAt.name.en ?? level))"
                    + (requireAssessment ? ", and at least one item assesses it (A)." : "."),
                "Partial: there is teaching or assessment evidence, but " + (lower.isEmpty ? "" : "teaching reaches only \(lower), or ")
                    + (requireAssessment ? "no item assesses it." : "it does not reach that level."),
                "Gap: no module, micro-lecture or item maps the requirement.",
                "Blueprint: a work area is flagged when its share of assessment items or of hours differs from its exam weight by more than \(NumberText.plain(blueprintTolerance)) percentage points.",
            ]
        }
    }
}

/// A condition the content must meet, from `gates:` in `coursemap.yml`. `coursemap check` and `build` fail
/// with a diagnostic per requirement that breaks it, so a CI pipeline stops when coverage is lost.
public struct CoverageGate: Hashable, Sendable, Codable {
    /// The scope it applies to (`b2b-data:中级`); `nil` for program-wide conditions (orphans).
    public var scope: FrameworkScope?
    /// Every requirement is taught by a module or lecture.
    public var taught: Bool
    /// Every requirement is assessed by at least `minimumItems` items (1 when only `assessed` is set).
    public var minimumItems: Int
    /// Every requirement is covered under the coverage rules.
    public var covered: Bool
    /// No module, lecture, resource or item is mapped to nothing.
    public var noOrphans: Bool
    public var location: SourceLocation

    public init(scope: FrameworkScope?, taught: Bool = false, minimumItems: Int = 0, covered: Bool = false, noOrphans: Bool = false, location: SourceLocation) {
        self.scope = scope
        self.taught = taught
        self.minimumItems = minimumItems
        self.covered = covered
        self.noOrphans = noOrphans
        self.location = location
    }
}
