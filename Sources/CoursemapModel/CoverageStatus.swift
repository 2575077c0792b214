/// Coverage status of a requirement (`docs/coverage.md` §3). The rules live in `CoverageRules`.
public enum CoverageStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Taught to `covered_at` and (when required) assessed.
    case covered
    /// Some evidence, but not enough: see the row's reasons.
    case partial
    /// No module, no micro-lecture and no item maps it.
    case gap

    public var name: LocalizedText {
        switch self {
        case .covered: return LocalizedText(zh: "已覆盖", en: "Covered")
        case .partial: return LocalizedText(zh: "部分覆盖", en: "Partial")
        case .gap: return LocalizedText(zh: "未覆盖", en: "Gap")
        }
    }
}

/// Why a requirement is not covered (§3), in the order the report lists them.
public enum CoverageReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// No module and no micro-lecture maps it.
    case notTaught = "not-taught"
    /// It is taught, but the taught level is below `covered_at`.
    case belowLevel = "below-level"
    /// No item assesses it (a reason only when `require_assessment` is true).
    case notAssessed = "not-assessed"

    /// The reason in words: `无教学`, `最高 R 未达 M`, `无考核`.
    public func text(highest: MappingLevel?, coveredAt: MappingLevel) -> LocalizedText {
        switch self {
        case .notTaught: return LocalizedText(zh: "无教学", en: "not taught")
        case .belowLevel:
            let reached = highest?.rawValue ?? "—"
            return LocalizedText(zh: "最高 \(reached) 未达 \(coveredAt.rawValue)", en: "highest \(reached), below \(coveredAt.rawValue)")
        case .notAssessed: return LocalizedText(zh: "无考核", en: "not assessed")
        }
    }
}

/// Who teaches a requirement: a fact shown beside the status, never a reason.
public enum TaughtBy: String, Hashable, Sendable, Codable, CaseIterable {
    case modules
    /// 仅微课: only micro-lectures map it.
    case lectures
    case both
    case none

    public init(modules: Bool, lectures: Bool) {
        switch (modules, lectures) {
        case (true, true): self = .both
        case (true, false): self = .modules
        case (false, true): self = .lectures
        case (false, false): self = .none
        }
    }

    public var name: LocalizedText {
        switch self {
        case .modules: return LocalizedText(zh: "模块", en: "modules")
        case .lectures: return LocalizedText(zh: "仅微课", en: "micro-lectures only")
        case .both: return LocalizedText(zh: "模块和微课", en: "modules and micro-lectures")
        case .none: return LocalizedText(zh: "无", en: "none")
        }
    }
}
