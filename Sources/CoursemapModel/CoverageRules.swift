import Foundation

/// The settings under `coverage:` in `coursemap.yml` that decide statuses and hours, printed on every
/// coverage report (`docs/coverage.md` §3):
///
/// - covered: a module or micro-lecture takes the competency to `coveredAt` (default M), and — when
///   `requireAssessment` is on (the default) — at least one item assesses it;
/// - gap: nothing teaches it and nothing assesses it;
/// - partial: everything in between, with its reasons.
public struct CoverageRules: Hashable, Sendable, Codable {
    public var coveredAt: MappingLevel
    public var requireAssessment: Bool
    /// How far (in percentage points) an area's exam share may differ from its weight share before the
    /// blueprint flags it (strictly greater). Set with `blueprintToleranceText`, which keeps the text as given.
    public var blueprintTolerance: Double
    /// The tolerance as `coursemap.yml` writes it (`8.3`), printed as given and compared exactly.
    public var blueprintToleranceText: String
    /// Micro-lecture time counts as 学时 (`lectures_as_hours`, default false).
    public var lecturesAsHours: Bool
    /// Minutes in one 学时 (`class_hour_minutes`, 1–600, default 45); used only when lectures count as hours.
    public var classHourMinutes: Int

    public init(
        coveredAt: MappingLevel = .mastered, requireAssessment: Bool = true, blueprintTolerance: Double = 10,
        blueprintToleranceText: String? = nil, lecturesAsHours: Bool = false, classHourMinutes: Int = 45
    ) {
        self.coveredAt = coveredAt
        self.requireAssessment = requireAssessment
        self.blueprintTolerance = blueprintTolerance
        self.blueprintToleranceText = blueprintToleranceText ?? NumberText.plain(blueprintTolerance)
        self.lecturesAsHours = lecturesAsHours
        self.classHourMinutes = classHourMinutes
    }

    public static let standard = CoverageRules()

    public func status(highestLevel: MappingLevel?, assessed: Bool) -> CoverageStatus {
        guard highestLevel != nil || assessed else { return .gap }
        guard let highestLevel, highestLevel >= coveredAt else { return .partial }
        return (!requireAssessment || assessed) ? .covered : .partial
    }

    /// The reasons a requirement with this evidence is not covered, in the order of §3; empty when covered.
    public func reasons(highestLevel: MappingLevel?, assessed: Bool) -> [CoverageReason] {
        var reasons: [CoverageReason] = []
        if let highestLevel {
            if highestLevel < coveredAt { reasons.append(.belowLevel) }
        } else {
            reasons.append(.notTaught)
        }
        if requireAssessment && !assessed { reasons.append(.notAssessed) }
        return reasons
    }
}

extension CoverageRules {
    /// The rules in words, one line per status, as the coverage page prints them.
    public func explanation(in language: Language) -> [String] {
        explanation(in: language, blueprint: true)
    }

    /// The rules in words; without the blueprint line for a report that has no blueprint (an outcomes
    /// report, `docs/coverage.md` §1).
    public func explanation(in language: Language, blueprint: Bool) -> [String] {
        var lines = allLines(in: language)
        if !blueprint { lines.remove(at: 3) }
        return lines
    }

    private func allLines(in language: Language) -> [String] {
        let level = coveredAt.rawValue
        let lower = MappingLevel.allCases.filter { $0 < coveredAt }.map(\.rawValue).joined(separator: "/")
        switch language {
        case .zh:
            return [
                "已覆盖：至少一个模块或微课将该要求教到 \(level)（\(coveredAt.name.zh)）程度"
                    + (requireAssessment ? "，并且至少有一道题目考核它（A）。" : "。"),
                "部分覆盖：有教学或考核证据，但" + (lower.isEmpty ? "" : "教学最高只到 \(lower) 程度，或") + (requireAssessment ? "尚无题目考核。" : "未达到上述程度。"),
                "未覆盖：没有任何模块、微课或题目对应该要求。",
                "考试蓝图：工作领域的考试题分值占比与其权重占比（均保留一位小数）相差超过 \(blueprintToleranceText) 个百分点时标出。",
                lecturesAsHours
                    ? "学时：模块学时按映射平均分配（可在映射中写明学时）；微课时长按每学时 \(classHourMinutes) 分钟折算为学时并计入。"
                    : "学时：模块学时按映射平均分配（可在映射中写明学时）；微课时长单独以分钟列出，不计入学时。",
            ]
        case .en:
            return [
                "Covered: a module or micro-lecture takes the requirement to \(level) (\(coveredAt.name.en ?? level))"
                    + (requireAssessment ? ", and at least one item assesses it (A)." : "."),
                "Partial: there is teaching or assessment evidence, but " + (lower.isEmpty ? "" : "teaching reaches only \(lower), or ")
                    + (requireAssessment ? "no item assesses it." : "it does not reach that level."),
                "Gap: no module, micro-lecture or item maps the requirement.",
                "Blueprint: a work area is flagged when its share of exam-item points differs from its weight share (both rounded to 0.1) by more than \(blueprintToleranceText) percentage points.",
                lecturesAsHours
                    ? "Hours: a module's hours are divided among its mappings (a mapping may state its hours); micro-lecture time counts as hours at \(classHourMinutes) minutes per hour."
                    : "Hours: a module's hours are divided among its mappings (a mapping may state its hours); micro-lecture time is listed in minutes, apart from hours.",
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
