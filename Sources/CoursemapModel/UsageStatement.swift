/// One place that states an item's usage, as read: the authored `usage` attribute, a Moodle
/// `coursemap-usage:` tag, a QTI `coursemap-usage` metadata entry, or a sidecar's `usage:`.
///
/// Usage designation fails closed: a statement Coursemap cannot read as exactly `practice` or `exam`
/// counts as `exam` (and is reported, CM318), any `exam` statement makes the item an exam item, and two
/// statements about the same item that disagree are an error (CM317) naming both places.
public struct UsageStatement: Hashable, Sendable {
    public var usage: ItemUsage
    public var location: SourceLocation
    /// How messages name the statement, e.g. `tag "coursemap-usage:exam"`.
    public var source: String

    public init(usage: ItemUsage, location: SourceLocation, source: String) {
        self.usage = usage
        self.location = location
        self.source = source
    }

    /// Reads a usage value exactly as documented: `practice` or `exam`, nothing else (no other case, no
    /// surrounding space). Anything else is reported as CM318 and counts as `exam`.
    public static func read(
        _ value: String, at location: SourceLocation, source: String, item: String, into diagnostics: inout [Diagnostic]
    ) -> UsageStatement {
        if let usage = ItemUsage(rawValue: value) { return UsageStatement(usage: usage, location: location, source: source) }
        diagnostics.append(.error(
            .unknownUsage, at: location,
            "\(item): \(source) is not a usage Coursemap knows; write exactly 'practice' or 'exam' (lower case, no spaces). The item is treated as an exam item"))
        return UsageStatement(usage: .exam, location: location, source: source)
    }

    /// The usage that statements about one item give: `exam` when any says exam, `practice` when all say
    /// practice, `nil` when there are none. Disagreeing statements are reported once (CM317), at the
    /// first exam statement, naming the first practice statement too. Returns the deciding statement.
    public static func combine(_ statements: [UsageStatement], item: String, into diagnostics: inout [Diagnostic]) -> UsageStatement? {
        guard let first = statements.first else { return nil }
        let exam = statements.first { $0.usage == .exam }
        if let exam, let practice = statements.first(where: { $0.usage == .practice }) {
            diagnostics.append(.error(
                .conflictingUsage, at: exam.location,
                "\(item) is marked exam by \(exam.source) (\(exam.location)) but practice by \(practice.source) (\(practice.location)); remove one of them. The item is treated as an exam item"))
        }
        return exam ?? first
    }
}
