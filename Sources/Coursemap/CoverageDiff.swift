import CoursemapModel

/// What changed between an earlier `coverage.json` (last year's accreditation, say) and the current coverage
/// of the same scope, evidence by evidence (`docs/coverage.md` §10). `--format json` prints it as it is; its
/// shape is `docs/coverage-diff.schema.json`.
public struct CoverageDiff: Codable, Sendable, Equatable {
    /// The version of this document's shape.
    public var formatVersion = 1
    /// `b2b-data:中级`
    public var scope: String
    /// The `formatVersion` of the earlier `coverage.json`. Version 1 files carry no reasons and not every
    /// setting: those are reported as unknown, never derived.
    public var oldFormatVersion: Int
    public var rules: [RuleChange]
    public var framework: FrameworkChanges
    /// Requirements present in both, with any change, in framework order.
    public var requirements: [RequirementChange]
    public var blueprint: [AreaFlagChange]
    /// Whether any requirement present in both lost coverage (`RequirementChange.lost`): exit status 3.
    public var coverageLost: Bool

    /// A setting of `coverage:` whose value changed, with the names of `coursemap.yml`.
    public struct RuleChange: Codable, Sendable, Equatable {
        public var setting: String
        public var before: String
        public var after: String
    }

    public struct FrameworkChanges: Codable, Sendable, Equatable {
        /// Present when the version changed; `nil` sides are "no version".
        public var version: VersionChange?
        public var added: [RequirementText]
        public var removed: [RequirementText]
        /// Present in both, with another statement.
        public var renamed: [Renamed]
    }

    public struct VersionChange: Codable, Sendable, Equatable {
        public var before: String?
        public var after: String?
    }

    public struct RequirementText: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var statement: LocalizedText
    }

    public struct Renamed: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var before: LocalizedText
        public var after: LocalizedText
    }

    /// One requirement present in both files that changed in any way.
    public struct RequirementChange: Codable, Sendable, Equatable {
        public var id: String
        public var code: String
        public var status: StatusChange?
        /// The highest teaching level, `none` when nothing teaches it.
        public var taughtLevel: Change<String>?
        public var assessed: Change<Bool>?
        public var hours: Change<Hundredths>?
        public var lectureMinutes: Change<Hundredths>?
        public var added: [Evidence]
        public var removed: [Evidence]
        /// The same module or lecture at another level, the same item with another usage.
        public var changed: [EvidenceChange]
        /// Why this counts as coverage lost: `status` (a worse status), `taught-level` (a lower taught
        /// level), `assessment` (no longer assessed). Empty when nothing was lost.
        public var lost: [String]
    }

    public struct StatusChange: Codable, Sendable, Equatable {
        public var before: CoverageStatus
        public var after: CoverageStatus
        /// The reasons (`docs/coverage.md` §3); `nil` when the file does not record them (a version 1 file):
        /// unknown, never derived.
        public var reasonsBefore: [CoverageReason]?
        public var reasonsAfter: [CoverageReason]?
        /// What the words of `below-level` need (`最高 R 未达 M`); not part of the JSON.
        var contextBefore: ReasonContext?
        var contextAfter: ReasonContext?

        enum CodingKeys: String, CodingKey {
            case before, after, reasonsBefore, reasonsAfter
        }
    }

    /// A requirement's taught level and the `covered_at` it is measured against.
    struct ReasonContext: Sendable, Equatable {
        var highest: MappingLevel?
        var coveredAt: MappingLevel
    }

    public struct Change<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        public var before: Value
        public var after: Value
    }

    /// A piece of evidence: `module` (`course/module`, level, attributed hours), `lecture` (level, minutes),
    /// `item` (`bank/item`, usage `practice`, `exam` or `practical`), `resource`.
    public struct Evidence: Codable, Sendable, Equatable {
        public var kind: String
        public var id: String
        public var level: String?
        public var hours: Hundredths?
        public var minutes: Hundredths?
        public var usage: String?
    }

    public struct EvidenceChange: Codable, Sendable, Equatable {
        public var kind: String
        public var id: String
        /// The level (module, lecture) or usage (item) before and after (the same when only the time changed).
        public var before: String
        public var after: String
        /// A module's attributed 学时, when they changed.
        public var hours: Change<Hundredths>?
        /// A lecture's attributed minutes, when they changed.
        public var minutes: Change<Hundredths>?
    }

    /// A blueprint area whose flag flipped, with its shares (percent) before and after.
    public struct AreaFlagChange: Codable, Sendable, Equatable {
        public var area: String
        public var title: LocalizedText
        public var flaggedBefore: Bool
        public var flaggedAfter: Bool
        public var weightShare: Change<Tenths?>
        /// `nil` before when the old file is version 1 (it compared item counts, not exam points).
        public var examShare: Change<Tenths?>
    }

    /// The requirements that lost coverage.
    public var lost: [RequirementChange] { requirements.filter { !$0.lost.isEmpty } }
}
