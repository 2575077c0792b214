/// Decimal numbers read exactly from their text, the only way a content number becomes a count of
/// hundredths, tenths or smaller units. The text is a number as content writes it (`12`, `1.5`, `.25`,
/// `2e3`) or as Swift prints a `Double` (`0.30000000000000004`, `1e-05`): the shortest text that reads back
/// as the same double, so `String(double)` is what a reader meant when the content gave `0.3`.
///
/// Nothing here goes through binary floating point, and nothing traps: a value too large for `Int64` at the
/// asked scale is `nil`.
public enum DecimalText {
    /// How digits beyond the asked scale are treated.
    public enum Rounding: Sendable {
        /// Half up (away from zero on the magnitude): `1.235` → `1.24`, `1.2349` → `1.23`.
        case halfUp
        /// Dropped: `1.239` → `1.23`.
        case down
    }

    /// The value of `text` as a whole number of `10^-decimals` units, and whether any non-zero digit was
    /// beyond that scale (so rounding changed the value). `nil` when the text is not a decimal number or
    /// the result does not fit in `Int64`.
    public static func scaled(_ text: String, decimals: Int, rounding: Rounding = .halfUp) -> (units: Int64, exact: Bool)? {
        guard let parts = parse(text) else { return nil }
        // value = digits × 10^exponent; units = digits × 10^(exponent + decimals).
        let shift = parts.exponent + decimals
        var digits = parts.digits
        var exact = true
        var roundUp = false
        if shift < 0 {
            let drop = -shift
            if drop >= digits.count {
                let dropped = drop == digits.count ? digits : Array(repeating: 0, count: drop - digits.count) + digits
                exact = !dropped.contains { $0 != 0 }
                roundUp = rounding == .halfUp && (dropped.first ?? 0) >= 5
                digits = []
            } else {
                let dropped = digits[(digits.count - drop)...]
                exact = !dropped.contains { $0 != 0 }
                roundUp = rounding == .halfUp && dropped.first! >= 5
                digits.removeLast(drop)
            }
        } else if shift > 0 {
            guard shift <= 40 || digits.allSatisfy({ $0 == 0 }) else { return nil }
            digits += Array(repeating: 0, count: min(shift, 40))
        }
        var magnitude: Int64 = 0
        for digit in digits {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(digit))
            guard !o1, !o2 else { return nil }
            magnitude = sum
        }
        if roundUp {
            let (sum, overflow) = magnitude.addingReportingOverflow(1)
            guard !overflow else { return nil }
            magnitude = sum
        }
        return (parts.negative ? -magnitude : magnitude, exact)
    }

    /// The digits of `text` (leading zeros kept, harmless), its sign, and the power of ten of the last digit.
    private static func parse(_ text: String) -> (negative: Bool, digits: [UInt8], exponent: Int)? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var sawDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            // Leading zeros carry no value; skipping them keeps long texts such as `0.000…1` cheap.
            if digits.isEmpty && byte == UInt8(ascii: "0") {
                if seenPoint { fractionDigits += 1 }
                continue
            }
            digits.append(byte - UInt8(ascii: "0"))
            if seenPoint { fractionDigits += 1 }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.count <= 6, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            let value = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            exponent = exponentNegative ? -value : value
        }
        // A value with no significant digit is zero, whatever its exponent.
        if digits.isEmpty { return (negative, [], 0) }
        return (negative, digits, exponent - fractionDigits)
    }

    /// `units` of `10^-decimals` as text: up to `decimals` decimals, trailing zeros dropped (`2`, `1.5`,
    /// `0.33`, `-0.05`).
    public static func text(units: Int64, decimals: Int, keepingDecimals minimum: Int = 0) -> String {
        let negative = units < 0
        let magnitude = units.magnitude
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = magnitude / scale
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.count > minimum, fraction.last == "0" { fraction.removeLast() }
        let sign = negative && magnitude != 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

/// Exact integer arithmetic for report numbers: rounding division and the largest-remainder split.
public enum ExactDivision {
    /// `numerator × multiplier ÷ denominator`, rounded half up, computed in 128 bits so it never
    /// overflows for a result that fits `Int64`. Both operands non-negative, `denominator > 0`; a result too
    /// large is clamped to `Int64.max` (only reachable with a share far above 100 %).
    public static func roundedHalfUp(_ numerator: Int64, times multiplier: Int64 = 1, over denominator: Int64) -> Int64 {
        precondition(denominator > 0 && numerator >= 0 && multiplier >= 0, "exact division of negative or by zero")
        let product = numerator.multipliedFullWidth(by: multiplier)
        // product = high·2^64 + low; the quotient fits Int64 when product < denominator·2^63.
        let wide = (high: product.high, low: product.low)
        let limitHigh = denominator >> 1, limitLow: UInt64 = (denominator & 1) == 1 ? 1 << 63 : 0
        guard wide.high < limitHigh || (wide.high == limitHigh && wide.low < limitLow) else { return .max }
        let (quotient, remainder) = denominator.dividingFullWidth(wide)
        // remainder < denominator, so 2·remainder fits in UInt64.
        return UInt64(remainder) * 2 >= UInt64(denominator) ? quotient + 1 : quotient
    }

    /// `total` split into `parts` whole numbers that add up to `total` exactly: each gets
    /// `total ÷ parts` (rounded down) and the first `total mod parts` get one more (`docs/coverage.md`
    /// §4.2). Empty for no parts; a negative total counts as zero.
    public static func split(_ total: Int64, into parts: Int) -> [Int64] {
        guard parts > 0 else { return [] }
        let total = max(total, 0)
        let count = Int64(parts)
        let (quotient, remainder) = (total / count, total % count)
        return (0..<parts).map { Int64($0) < remainder ? quotient + 1 : quotient }
    }
}
