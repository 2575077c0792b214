import CoursemapModel

extension CoverageDocument {
    /// `coverage.json`'s `provenance` member (`docs/coverage.md` §7.1); the framework's id, title, level and
    /// version are the `framework` member.
    public struct ProvenanceInfo: Codable, Sendable, Equatable {
        /// The git commit, or `sha256:` and 16 hex digits of the content hash.
        public var revision: String?
        /// Whether the content folder has changes the commit does not hold (git only).
        public var dirty: Bool
        /// UTC `YYYY-MM-DD HH:MM`.
        public var buildDate: String?
        /// `source-date-epoch`, `commit` or `file-time`.
        public var buildDateFrom: String?
        public var coursemapVersion: String

        public init(_ provenance: Provenance) {
            revision = provenance.revision?.text
            dirty = provenance.revision?.isDirty ?? false
            buildDate = provenance.buildDateText
            buildDateFrom = provenance.dateSource?.rawValue
            coursemapVersion = provenance.coursemapVersion
        }
    }
}
