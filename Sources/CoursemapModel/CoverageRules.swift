import Foundation

/// The rules that turn a competency's mappings into a status (the analyse stage applies them). Printed on
/// every coverage page.
///
/// - covered: at least one module takes the competency to `coveredAt` (default M, mastered);
/// - partial: modules map it, but none reaches `coveredAt`;
/// - gap: no module maps it.
public struct CoverageRules: Hashable, Sendable {
    public var coveredAt: MappingLevel

    public init(coveredAt: MappingLevel) {
        self.coveredAt = coveredAt
    }

    public static let standard = CoverageRules(coveredAt: .mastered)

    public func status(highestLevel: MappingLevel?) -> CoverageStatus {
        guard let highestLevel else { return .gap }
        return highestLevel >= coveredAt ? .covered : .partial
    }
}

extension CoverageRules {
    /// The rules in words, one line per status, as the coverage page prints them.
    public func explanation(in language: Language) -> [String] {
        let level = coveredAt.rawValue
        switch language {
        case .zh:
            return [
                "已覆盖：至少一个模块将该要求教到 \(level)（\(coveredAt.name.zh)）程度。",
                "部分覆盖：有模块对应该要求，但最高只到 \(MappingLevel.allCases.filter { $0 < coveredAt }.map(\.rawValue).joined(separator: "/")) 程度。",
                "未覆盖：没有任何模块对应该要求。",
            ]
        case .en:
            return [
                "Covered: at least one module takes the requirement to \(level) (\(coveredAt.name.en ?? level)).",
                "Partial: modules map the requirement, but none beyond \(MappingLevel.allCases.filter { $0 < coveredAt }.map(\.rawValue).joined(separator: "/")).",
                "Gap: no module maps the requirement.",
            ]
        }
    }
}
