extension StringProtocol {
    /// The text without leading and trailing white space and line breaks: the characters Foundation's
    /// `.whitespacesAndNewlines` holds, without bridging through Foundation (checking that the ends are
    /// plain text costs two scalars in the usual case).
    var trimmingWhitespace: String { trimming(WhiteSpace.isSpaceOrNewline) }

    /// The text without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    var trimmingSpaces: String { trimming(WhiteSpace.isSpace) }

    private func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isBlank(first), !isBlank(last) { return String(self) }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isBlank($0) })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}

/// The members of Foundation's white-space character sets (as swift-corelibs-foundation defines them).
private enum WhiteSpace {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpace(scalar)
        }
    }
}
