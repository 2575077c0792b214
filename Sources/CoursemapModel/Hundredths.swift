/// An exact amount in hundredths (0.01): 学时, minutes of micro-lecture time and item points on every
/// coverage report. Counted as a whole number, so sums are exact and printed cells add up to printed
/// totals (`docs/coverage.md` §4, §5).
public struct Hundredths: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// The number of hundredths: `150` is 1.5.
    public var count: Int64

    public init(count: Int64) { self.count = count }

    /// A whole amount: `Hundredths(whole: 2)` is 2.00.
    public init(whole: Int64) { self.count = whole * 100 }

    public static let zero = Hundredths(count: 0)

    /// The amount a content number gives, rounded half up to 0.01. The double is read through its shortest
    /// text (`String(double)`), which is the decimal the content wrote: `0.3` is 30 hundredths, never 29.
    /// `nil` for infinities, NaN and magnitudes beyond `Int64` hundredths.
    public init?(_ value: Double) {
        guard value.isFinite, let parsed = Hundredths.parse(String(value)) else { return nil }
        self = parsed.value
    }

    /// The amount `text` gives rounded half up to 0.01, and whether it had more decimals (non-zero digits
    /// beyond 0.01: warning CM210 where content gives it). `nil` when `text` is not a decimal number.
    public static func parse(_ text: String) -> (value: Hundredths, rounded: Bool)? {
        guard let scaled = DecimalText.scaled(text, decimals: 2) else { return nil }
        return (Hundredths(count: scaled.units), !scaled.exact)
    }

    /// A content number's amount, zero when it has none (a model built without the readers' bounds).
    public static func of(_ value: Double) -> Hundredths { Hundredths(value) ?? .zero }

    /// Up to two decimals, trailing zeros dropped: `2`, `1.5`, `0.33`.
    public var text: String { DecimalText.text(units: count, decimals: 2) }
    public var description: String { text }

    /// The amount as a `Double`, for layout only (bar widths, heat levels); never for a printed number.
    public var approximateValue: Double { Double(count) / 100 }

    /// This amount split into `parts` amounts that add up to it exactly, the first ones getting the extra
    /// hundredths (`docs/coverage.md` §4.2).
    public func split(into parts: Int) -> [Hundredths] {
        ExactDivision.split(count, into: parts).map(Hundredths.init(count:))
    }

    /// This amount's share of `total` in percent, rounded half up to 0.1; 0 when `total` is zero.
    public func share(of total: Hundredths) -> Tenths { Tenths.percent(count, of: total.count) }

    public static func + (lhs: Hundredths, rhs: Hundredths) -> Hundredths { Hundredths(count: lhs.count &+ rhs.count) }
    public static func - (lhs: Hundredths, rhs: Hundredths) -> Hundredths { Hundredths(count: lhs.count &- rhs.count) }
    public static func < (lhs: Hundredths, rhs: Hundredths) -> Bool { lhs.count < rhs.count }

    /// Encoded as its decimal number (`1.5`), decoded from any JSON number through its shortest text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalNumberText(text))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard let amount = Hundredths(value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not an amount of hundredths")
        }
        self = amount
    }
}

extension Sequence where Element == Hundredths {
    /// The exact sum.
    public func sum() -> Hundredths { reduce(.zero, +) }
}

/// An exact share in tenths of a percentage point: `170` is 17.0 %. Shares are rounded half up from the exact
/// fraction once, and compared and subtracted as these rounded values (`docs/coverage.md` §5, §6).
public struct Tenths: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The number of tenths: `170` is 17.0.
    public var count: Int64

    public init(count: Int64) { self.count = count }

    public static let zero = Tenths(count: 0)

    /// `part ÷ whole` in percent, rounded half up to 0.1; 0 when `whole` is not positive. Exact for any
    /// `Int64` operands (128-bit intermediate).
    public static func percent(_ part: Int64, of whole: Int64) -> Tenths {
        guard whole > 0, part >= 0 else { return .zero }
        return Tenths(count: ExactDivision.roundedHalfUp(part, times: 1000, over: whole))
    }

    /// |a − b|.
    public static func difference(_ a: Tenths, _ b: Tenths) -> Tenths { Tenths(count: abs(a.count - b.count)) }

    /// Always one decimal: `17.0`, `8.3`, `100.0`.
    public var text: String { DecimalText.text(units: count, decimals: 1, keepingDecimals: 1) }
    public var description: String { text }

    /// The share as a `Double`, for layout only (bar widths); never for a printed number.
    public var approximateValue: Double { Double(count) / 10 }

    public static func < (lhs: Tenths, rhs: Tenths) -> Bool { lhs.count < rhs.count }

    /// Encoded as its decimal number with one decimal (`17.0` is written `17`, as JSON numbers are), decoded
    /// from any JSON number through its shortest text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalNumberText(DecimalText.text(units: count, decimals: 1)))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard value.isFinite, let scaled = DecimalText.scaled(String(value), decimals: 1) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not a share")
        }
        self = Tenths(count: scaled.units)
    }
}

/// A JSON number given as its exact decimal text (`1.5`, `0.33`). Coursemap's JSON writer copies the text as
/// it is; other encoders get a `Double` read from it, the nearest one to that decimal.
public struct DecimalNumberText: Hashable, Sendable, Encodable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(text) ?? 0)
    }
}
