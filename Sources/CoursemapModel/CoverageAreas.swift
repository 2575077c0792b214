/// A work area's (or outcome group's) coverage, and — for certificate scopes — its blueprint line
/// (`docs/coverage.md` §6): the exam weight's share against the share of exam points, with practice points
/// and hours shown beside. Shares are rounded to 0.1 before they are compared.
public struct AreaSummary: Hashable, Sendable, Codable {
    public var code: String
    public var title: LocalizedText
    public var total: Int
    public var covered: Int
    public var partial: Int
    public var gap: Int
    /// The area's exam weight as the framework gives it (`8.3` stays `8.3`); `nil` when it has none.
    public var weight: String?
    /// weight ÷ the sum of the weights of the level's areas, in percent; `nil` without a weight.
    public var weightShare: Tenths?
    /// The exam items' points given to the area (each item's score split among the distinct areas it assesses).
    public var examPoints: Hundredths
    public var examShare: Tenths
    /// The same for practice items (practical tasks by their usage). Shown, never flagged.
    public var practicePoints: Hundredths
    public var practiceShare: Tenths
    /// The requirement hours of the area's requirements, and their share of the scope's. Shown, never flagged.
    public var hours: Hundredths
    public var hourShare: Tenths
    /// |weight share − exam share| of the rounded shares; `nil` without a weight.
    public var difference: Tenths?
    /// Whether `difference` is strictly greater than the blueprint tolerance.
    public var flagged: Bool

    public init(
        code: String, title: LocalizedText, total: Int, covered: Int, partial: Int, gap: Int, weight: String? = nil,
        weightShare: Tenths? = nil, examPoints: Hundredths = .zero, examShare: Tenths = .zero, practicePoints: Hundredths = .zero,
        practiceShare: Tenths = .zero, hours: Hundredths = .zero, hourShare: Tenths = .zero, difference: Tenths? = nil, flagged: Bool = false
    ) {
        self.code = code
        self.title = title
        self.total = total
        self.covered = covered
        self.partial = partial
        self.gap = gap
        self.weight = weight
        self.weightShare = weightShare
        self.examPoints = examPoints
        self.examShare = examShare
        self.practicePoints = practicePoints
        self.practiceShare = practiceShare
        self.hours = hours
        self.hourShare = hourShare
        self.difference = difference
        self.flagged = flagged
    }

    /// An `areas` entry of `coverage.json`, format version 1 too: members that version lacks take their
    /// zero value, and its weight, a number there, reads as text.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(LocalizedText.self, forKey: .title)
        total = try c.decodeIfPresent(Int.self, forKey: .total) ?? 0
        covered = try c.decodeIfPresent(Int.self, forKey: .covered) ?? 0
        partial = try c.decodeIfPresent(Int.self, forKey: .partial) ?? 0
        gap = try c.decodeIfPresent(Int.self, forKey: .gap) ?? 0
        weight = try c.textOrNumber(forKey: .weight)
        weightShare = try c.decodeIfPresent(Tenths.self, forKey: .weightShare)
        examPoints = try c.decodeIfPresent(Hundredths.self, forKey: .examPoints) ?? .zero
        examShare = try c.decodeIfPresent(Tenths.self, forKey: .examShare) ?? .zero
        practicePoints = try c.decodeIfPresent(Hundredths.self, forKey: .practicePoints) ?? .zero
        practiceShare = try c.decodeIfPresent(Tenths.self, forKey: .practiceShare) ?? .zero
        hours = try c.decodeIfPresent(Hundredths.self, forKey: .hours) ?? .zero
        hourShare = try c.decodeIfPresent(Tenths.self, forKey: .hourShare) ?? .zero
        difference = try c.decodeIfPresent(Tenths.self, forKey: .difference)
        flagged = try c.decodeIfPresent(Bool.self, forKey: .flagged) ?? false
    }
}

extension KeyedDecodingContainer {
    /// A member given as text (`coverage.json` version 2) or as a number (version 1), as text.
    public func textOrNumber(forKey key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        return try decodeIfPresent(Double.self, forKey: key).map(NumberText.plain)
    }
}
