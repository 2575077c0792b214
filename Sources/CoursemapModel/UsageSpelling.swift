import Foundation

/// Recognises text meant as Coursemap's usage marker (`coursemap-usage`) however it is spelled, so that a
/// look-alike is reported instead of being ignored (an ignored exam statement would publish the answers).
///
/// The text is folded for detection only: compatibility-normalised (NFKC: full-width letters become ASCII),
/// format characters removed (zero-width space, BOM, soft hyphen, …), every dash, dot, colon, underscore, other
/// connector or white space taken as a separator, and lower-cased. Text that then starts with
/// `coursemap`, separators, `usage` looks like a usage marker; whether it is a valid one is decided on the
/// raw text, which must be exactly as documented.
public enum UsageSpelling {
    /// Whether `text` starts with something meant as `coursemap-usage`.
    public static func looksLikeUsageMarker(_ text: String) -> Bool {
        folded(text).hasPrefix("coursemapusage")
    }

    /// Whether `text` is meant as the word `usage` alone (a field or attribute name), spelled in any way.
    public static func looksLikeUsageWord(_ text: String) -> Bool {
        let folded = folded(text)
        return folded == "usage" || folded.hasPrefix("coursemapusage")
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
            result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(result)
    }
}
