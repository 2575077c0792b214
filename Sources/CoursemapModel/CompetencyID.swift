/// The identity of a competency: (framework, level, code).
///
/// Codes restart per certificate level, so the code alone never identifies a requirement. The written form,
/// used in front matter, module XML and reports alike, is
///
/// - `framework:level:code` for a certificate requirement, e.g. `b2b-data:中级:1.1.1`;
/// - `framework:code` for a program outcome, e.g. `cbec-outcomes:K2`.
public struct CompetencyID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var framework: String
    public var level: CertificateLevel?
    public var code: String

    public init(framework: String, level: CertificateLevel?, code: String) {
        self.framework = framework
        self.level = level
        self.code = code
    }

    /// Parses the written form. Returns `nil` when the text is not a well-formed reference.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2:
            guard Self.isIdentifier(parts[0]), Self.isCode(parts[1]) else { return nil }
            self.init(framework: parts[0], level: nil, code: parts[1])
        case 3:
            guard Self.isIdentifier(parts[0]), let level = CertificateLevel(rawValue: parts[1]),
                Self.isCode(parts[2])
            else { return nil }
            self.init(framework: parts[0], level: level, code: parts[2])
        default:
            return nil
        }
    }

    public var description: String {
        if let level { return "\(framework):\(level.rawValue):\(code)" }
        return "\(framework):\(code)"
    }

    /// The (framework, level) part: what a coverage report is about.
    public var scope: FrameworkScope { FrameworkScope(framework: framework, level: level) }

    public static func < (lhs: CompetencyID, rhs: CompetencyID) -> Bool {
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        if lhs.level != rhs.level {
            guard let l = lhs.level else { return true }
            guard let r = rhs.level else { return false }
            return l < r
        }
        return CodeOrder.less(lhs.code, rhs.code)
    }

    /// Framework, course and module identifiers: ASCII letters, digits, `-` and `_`, starting alphanumeric.
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64,
            first.isASCIIAlphanumeric
        else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" }
    }

    /// Competency codes: dot-separated ASCII alphanumeric parts, e.g. `1.1.1` or `K2`.
    public static func isCode(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 32 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric }
        }
    }
}

/// A framework, narrowed to one certificate level when it is a certificate: the unit of a coverage report.
/// Written `b2b-data:中级` or `cbec-outcomes`.
public struct FrameworkScope: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var framework: String
    public var level: CertificateLevel?

    public init(framework: String, level: CertificateLevel?) {
        self.framework = framework
        self.level = level
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, CompetencyID.isIdentifier(first) else { return nil }
        switch parts.count {
        case 1: self.init(framework: first, level: nil)
        case 2:
            guard let level = CertificateLevel(rawValue: parts[1]) else { return nil }
            self.init(framework: first, level: level)
        default: return nil
        }
    }

    public var description: String {
        if let level { return "\(framework):\(level.rawValue)" }
        return framework
    }

    public static func < (lhs: FrameworkScope, rhs: FrameworkScope) -> Bool {
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        guard let l = lhs.level else { return rhs.level != nil }
        guard let r = rhs.level else { return false }
        return l < r
    }
}

extension Unicode.Scalar {
    /// `A`–`Z`, `a`–`z`, `0`–`9`.
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

/// Orders codes part by part, numerically where both parts are numbers: 1.2 < 1.10 < 2.1, K1 < K2 < K10.
public enum CodeOrder {
    public static func less(_ lhs: String, _ rhs: String) -> Bool {
        if let answer = asciiLess(lhs, rhs) { return answer }
        let l = lhs.split(separator: "."), r = rhs.split(separator: ".")
        for (a, b) in zip(l, r) where a != b {
            return partLess(String(a), String(b))
        }
        return l.count < r.count
    }

    private static func partLess(_ a: String, _ b: String) -> Bool {
        let (ap, an) = split(a), (bp, bn) = split(b)
        if ap != bp { return ap < bp }
        if let an, let bn, an != bn { return an < bn }
        return a < b
    }

    /// The same order without allocating, for ASCII codes (nearly all of them); `nil` for anything else.
    private static func asciiLess(_ lhs: String, _ rhs: String) -> Bool? {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { l in
            rhs.withUTF8 { r -> Bool? in
                guard !l.contains(where: { $0 >= 0x80 }), !r.contains(where: { $0 >= 0x80 }) else { return nil }
                var li = 0, ri = 0
                var lParts = 0, rParts = 0
                while true {
                    // Empty parts ("1..2") do not count, as with split(separator:).
                    while li < l.count, l[li] == 0x2E { li += 1 }
                    while ri < r.count, r[ri] == 0x2E { ri += 1 }
                    guard li < l.count, ri < r.count else {
                        if li < l.count { lParts += 1 }
                        if ri < r.count { rParts += 1 }
                        return lParts < rParts
                    }
                    var le = li, re = ri
                    while le < l.count, l[le] != 0x2E { le += 1 }
                    while re < r.count, r[re] != 0x2E { re += 1 }
                    let a = UnsafeBufferPointer(rebasing: l[li..<le]), b = UnsafeBufferPointer(rebasing: r[ri..<re])
                    if !a.elementsEqual(b) { return partLess(a, b) }
                    lParts += 1
                    rParts += 1
                    li = le
                    ri = re
                }
            }
        }
    }

    /// `partLess` for ASCII bytes.
    private static func partLess(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        let ap = a.firstIndex(where: isDigit) ?? a.count, bp = b.firstIndex(where: isDigit) ?? b.count
        let aPrefix = UnsafeBufferPointer(rebasing: a[..<ap]), bPrefix = UnsafeBufferPointer(rebasing: b[..<bp])
        if !aPrefix.elementsEqual(bPrefix) { return aPrefix.lexicographicallyPrecedes(bPrefix) }
        func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(isDigit) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if let an = number(a[ap...]), let bn = number(b[bp...]), an != bn { return an < bn }
        return a.lexicographicallyPrecedes(b)
    }

    /// Splits `K12` into ("K", 12) and `3` into ("", 3).
    private static func split(_ s: String) -> (String, Int?) {
        let prefix = String(s.prefix { !$0.isNumber })
        return (prefix, Int(s.dropFirst(prefix.count)))
    }
}
