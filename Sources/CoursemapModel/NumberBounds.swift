/// The ranges Coursemap accepts for numbers read from content, and number formatting that never traps.
///
/// Every number a content file gives is checked against one of these limits when it is read; a value
/// outside its range, an infinity or a NaN is a located diagnostic, never a trap later on. The limits are
/// listed in `docs/hardening.md` ("Numbers and bounded cost").
public enum NumberBounds {
    /// The longest lecture duration, transcript time code or caption timestamp: 100 hours, in seconds.
    public static let maximumSeconds: Double = 360_000
    /// The most hours a course part or module may give (theory, practice, module hours).
    public static let maximumHours: Double = 100_000
    /// The most credits a course may give.
    public static let maximumCredits: Double = 1_000
    /// The largest score, mark, rubric points or cloze weight total of an item.
    public static let maximumScore: Double = 1_000_000
    /// The largest blueprint weight of a work area (`<area weight="…">`).
    public static let maximumWeight: Double = 1_000_000
    /// The largest weight of one Moodle cloze field (`{n:TYPE:…}`).
    public static let maximumClozeWeight = 1_000
    /// The largest asset size limit, in megabytes (`assets.max_size_mb`): 1 TiB.
    public static let maximumAssetMegabytes: Double = 1_048_576
    /// The largest magnitude of an answer value or tolerance of a numerical item.
    public static let maximumAnswerMagnitude: Double = 1e12
}

/// Numbers as text, for pages, diagnostics and exports: whole numbers without a fraction, others as Swift
/// prints them. Total on every `Double`, infinities and NaN included.
public enum NumberText {
    /// `12` for a whole number, `12.5` otherwise; `inf`, `-inf` and `nan` as Swift writes them.
    public static func plain(_ value: Double) -> String {
        if let whole = wholeNumber(value) { return String(whole) }
        return String(value)
    }

    /// The value as an `Int64` when it is a whole number of magnitude below 10^15 (exactly representable);
    /// `nil` otherwise, NaN and infinities included. The only way content numbers become integers.
    public static func wholeNumber(_ value: Double) -> Int64? {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int64(value)
    }

    /// `value` rounded to the nearest integer when it is finite and of magnitude below 10^15; `nil` otherwise.
    public static func rounded(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        return Int(value.rounded())
    }
}
