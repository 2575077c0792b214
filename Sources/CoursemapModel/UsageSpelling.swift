import Foundation

/// Recognises text meant as Coursemap's usage marker (`coursemap-usage`) however it is spelled, so that a
/// look-alike is reported instead of being ignored (an ignored exam statement would publish the answers).
///
/// The text is folded for detection only: compatibility-normalised (NFKC: full-width letters become ASCII),
/// format characters removed (zero-width space, BOM, soft hyphen, …), every dash, dot, colon, underscore, other
/// connector or white space taken as a separator, lower-cased, and Cyrillic and Greek letters that look like
/// Latin ones mapped to them (`confusables`). Text that then starts with
/// `coursemap`, separators, `usage` looks like a usage marker; whether it is a valid one is decided on the
/// raw text, which must be exactly as documented.
public enum UsageSpelling {
    /// Whether `text` starts with something meant as `coursemap-usage`: after folding, it starts with
    /// `coursemap` and `usage` with at most one slip between them (a letter added, left out or changed, or two
    /// neighbours swapped: `coursemap-usgae`, `coursmap-usage`). Coursemap's other markers
    /// (`coursemap-id`, `coursemap-difficulty`, `coursemap-image`, `coursemap:` competencies) are further away.
    public static func looksLikeUsageMarker(_ text: String) -> Bool {
        let folded = Array(folded(text))
        if folded.starts(with: "coursemapusage") { return true }
        for split in 8...10 where split <= folded.count {
            let head = EditDistance.withTranspositions(String(folded.prefix(split)), "coursemap")
            guard head <= 1 else { continue }
            let rest = folded.dropFirst(split)
            for length in 4...6 where length <= rest.count {
                if head + EditDistance.withTranspositions(String(rest.prefix(length)), "usage") <= 1 { return true }
            }
        }
        return false
    }

    /// Whether `text` is meant as the word `usage` alone (a field or attribute name), spelled in any way:
    /// folded, it is `usage`, or five letters one edit from it (`usgae`, `usaqe`), or a usage marker.
    public static func looksLikeUsageWord(_ text: String) -> Bool {
        let folded = folded(text)
        if folded == "usage" || looksLikeUsageMarker(text) { return true }
        return folded.count == 5 && EditDistance.withTranspositions(folded, "usage") <= 1
    }

    /// `text` as a message quotes it: unsafe characters (`ControlCharacters`) and invisible format characters
    /// (zero-width space, BOM, soft hyphen, …) written as `\u{XXXX}`, so the look-alike shows what it is.
    public static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            if ControlCharacters.isUnsafe(scalar) || scalar.properties.generalCategory == .format {
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u{" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 200 ? result + "…" : result
    }

    /// `text` folded as described above, separators dropped.
    static func folded(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .format, .dashPunctuation, .connectorPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
                continue
            default:
                break
            }
            if properties.isWhitespace || properties.isDash || ".·・。‧∙•:".unicodeScalars.contains(scalar) { continue }
            for lower in String(scalar).lowercased().unicodeScalars {
                result.append(confusables[lower] ?? lower)
            }
        }
        return String(result)
    }

    /// Letters of other scripts that look like the Latin letters of `coursemap-usage` (Cyrillic and Greek
    /// lower case, and a few others), mapped to them for detection.
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0430}": "a", "\u{03B1}": "a", "\u{0441}": "c", "\u{03F2}": "c", "\u{0435}": "e", "\u{04BD}": "e",
        "\u{0261}": "g", "\u{050D}": "g", "\u{0456}": "i", "\u{03B9}": "i", "\u{043C}": "m", "\u{043E}": "o",
        "\u{03BF}": "o", "\u{0585}": "o", "\u{0440}": "p", "\u{03C1}": "p", "\u{0433}": "r", "\u{0455}": "s",
        "\u{03C5}": "u", "\u{057D}": "u", "\u{0443}": "y", "\u{0445}": "x",
    ]
}
