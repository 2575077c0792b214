/// Where a build's coverage reports come from (`docs/coverage.md` §7.1): the content's revision, the
/// build date and the Coursemap version. Worked out once per build at the I/O edge (the `Coursemap`
/// target) and handed to the render stage as a value; each report adds its framework's id, title, level and
/// version. The same content (and the same commit) gives the same value, so the report stays byte-identical.
public struct Provenance: Hashable, Sendable, Codable {
    /// The content's revision.
    public enum Revision: Hashable, Sendable, Codable {
        /// The git commit (`git rev-parse HEAD`, 40 or 64 hex digits) of the work tree the content folder is
        /// in, and whether `git status --porcelain` lists a change under the content folder.
        case commit(String, dirty: Bool)
        /// The first 16 hex digits of SHA-256 over one line per content file (sorted by path; each its path, a
        /// NUL, its size in decimal, a NUL, the hex SHA-256 of its bytes, a line feed).
        case contentHash(String)

        /// `0e310a9c…` or `sha256:0123456789abcdef`, as `coverage.json` and the terminal print it.
        public var text: String {
            switch self {
            case .commit(let commit, _): return commit
            case .contentHash(let hex): return "sha256:" + hex
            }
        }

        public var isDirty: Bool {
            if case .commit(_, let dirty) = self { return dirty }
            return false
        }
    }

    /// What the build date was taken from.
    public enum DateSource: String, Hashable, Sendable, Codable {
        /// The `SOURCE_DATE_EPOCH` environment variable.
        case sourceDateEpoch = "source-date-epoch"
        /// The commit time of the revision.
        case commit
        /// The newest modification time of the content files.
        case fileTime = "file-time"
    }

    /// `nil` when the content is not on disk (an in-memory tree in tests).
    public var revision: Revision?
    /// Seconds since 1970-01-01 UTC; `nil` when none of the sources gave one.
    public var buildDate: Int64?
    public var dateSource: DateSource?
    public var coursemapVersion: String

    public init(revision: Revision?, buildDate: Int64?, dateSource: DateSource?, coursemapVersion: String) {
        self.revision = revision
        self.buildDate = buildDate
        self.dateSource = buildDate == nil ? nil : dateSource
        self.coursemapVersion = coursemapVersion
    }

    /// The build date as UTC `YYYY-MM-DD HH:MM`, or `nil` when there is none.
    public var buildDateText: String? { buildDate.map(Self.utcText) }

    /// `seconds` since the epoch as UTC `YYYY-MM-DD HH:MM` (proleptic Gregorian calendar; no locale, no
    /// time zone database, so every machine prints the same).
    public static func utcText(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Days to civil date (H. Hinnant's algorithm, days since 1970-01-01).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - "\(year)".count) + "\(year)" : "\(year)"
        return "\(yearText)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60))"
    }
}
