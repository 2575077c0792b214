/// The characters that have no place in a name or a one-line text, and how they are shown in diagnostics.
///
/// Unsafe: C0 controls (U+0000–U+001F: NUL, BEL, ESC, tab, line breaks …), DEL (U+007F), C1 controls
/// (U+0080–U+009F, CSI and OSC among them), the line and paragraph separators U+2028 and U+2029, the bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, which reorder how text is
/// displayed), and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane).
/// Invisible marks without reordering power (U+200E, U+200F, zero-width spaces) are allowed.
public enum ControlCharacters {
    /// Whether `scalar` is unsafe in a name (see the type's description).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x20...0x7E: return false
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }

    /// The first unsafe scalar of `text`; with `allowingLayout`, tab and line feed are allowed (text that
    /// may span lines, such as a description).
    public static func firstUnsafe(in text: String, allowingLayout: Bool = false) -> Unicode.Scalar? {
        // Plain ASCII text without controls is the usual case: checked on its bytes.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return nil }
        return text.unicodeScalars.first { scalar in
            isUnsafe(scalar) && !(allowingLayout && (scalar == "\t" || scalar == "\n"))
        }
    }

    /// `text` without its unsafe scalars (tab and line feed kept with `allowingLayout`).
    public static func removing(from text: String, allowingLayout: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) || (allowingLayout && (scalar == "\t" || scalar == "\n")) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `text` with every unsafe scalar written as `\u{XXXX}` (hexadecimal, at least four digits), so a
    /// file name or a quoted value cannot start a new line, move the cursor, colour a terminal, open a
    /// hyperlink or reorder the line it is shown in. Everything else is kept as it is.
    public static func escaped(_ text: String) -> String {
        guard firstUnsafe(in: text) != nil else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + hex(scalar) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `U+001B`, for messages that name a character.
    public static func name(_ scalar: Unicode.Scalar) -> String { "U+" + hex(scalar) }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
