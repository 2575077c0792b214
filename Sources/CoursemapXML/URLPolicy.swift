/// Which link targets Coursemap writes into pages.
///
/// A URL is judged as a browser would read it: leading and trailing spaces and control characters are
/// dropped and tabs and line breaks are removed anywhere (WHATWG URL parsing), so `java\tscript:` and
/// ` javascript:` are seen as `javascript:`. Allowed are `http`, `https` and `mailto` URLs, fragments, and
/// relative paths that stay on the portal's host; refused are every other scheme, control characters, a
/// character reference where a scheme would be (`&#106;avascript:`), and the starts that browsers take as
/// another host: `//host`, `/\host`, `\\host`, `/<TAB>/host`, `/%5Chost`, `/%2Fhost`.
public enum URLPolicy {
    public static func isAllowed(_ href: String) -> Bool {
        let url = browserView(href)
        guard !url.isEmpty, !url.unicodeScalars.contains(where: isControl) else { return false }
        guard !leavesHost(url) else { return false }
        // A character reference before the first ':' could hide a scheme once decoded (`&#106;avascript:`).
        guard !hasCharacterReference(url.prefix { $0 != ":" }) else { return false }
        // The part where a scheme would be: up to the first '/', '?' or '#'.
        let head = url.prefix { !"/?#".contains($0) }
        guard let colon = head.firstIndex(of: ":") else { return true }  // relative path or fragment
        return ["http", "https", "mailto"].contains(url[..<colon].lowercased())
    }

    /// True when `value` names a scheme (`x:`), as a browser reads it, or hides one behind a character
    /// reference: such a value is a URL, never a path inside the content folder.
    public static func hasScheme(_ value: String) -> Bool {
        let url = browserView(value)
        let head = url.prefix { !"/?#".contains($0) }
        return head.contains(":") || hasCharacterReference(url.prefix { $0 != ":" }) || url.unicodeScalars.contains(where: isControl)
    }

    /// An `http(s)` URL written as a URL should be: allowed by `isAllowed`, with nothing a browser would
    /// have to repair — no white space, control character, quote, `<`, `>`, `\`, `` ` ``, `{`, `}`, `|` or
    /// `^` anywhere (they must be percent-encoded). For fields that take a whole remote address (a video,
    /// `base_url`).
    public static func isPlainWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), isAllowed(url) else { return false }
        return !url.unicodeScalars.contains { scalar in
            scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
                || "\"<>\\`{}|^".unicodeScalars.contains(scalar)
        }
    }

    public static func isExternal(_ href: String) -> Bool {
        let lower = browserView(href).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `href` as a browser's URL parser sees it: C0 controls and spaces trimmed at both ends, ASCII tab,
    /// line feed and carriage return removed everywhere.
    static func browserView(_ href: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in href.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        let trimmable = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 || scalar.properties.isWhitespace }
        let start = scalars.firstIndex { !trimmable($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !trimmable($0) }.map { scalars.index(after: $0) } ?? start
        return start < end ? String(scalars[start..<end]) : ""
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `//host`, `\host`, `/\host`, `/%5Chost` and `/%2Fhost`: the browser goes to another host (or the
    /// path is a Windows share).
    private static func leavesHost(_ url: String) -> Bool {
        if url.hasPrefix("\\") { return true }
        guard url.hasPrefix("/") else { return false }
        let rest = url.dropFirst()
        if rest.hasPrefix("/") || rest.hasPrefix("\\") { return true }
        let encoded = rest.prefix(3).uppercased()
        return encoded == "%5C" || encoded == "%2F"
    }

    /// `&#…` or `&name;` — a character reference that a later HTML decoding would turn into a scheme.
    private static func hasCharacterReference(_ text: Substring) -> Bool {
        var index = text.startIndex
        while let ampersand = text[index...].firstIndex(of: "&") {
            let after = text[text.index(after: ampersand)...]
            if after.hasPrefix("#") { return true }
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if !name.isEmpty, after.dropFirst(name.count).hasPrefix(";") { return true }
            index = text.index(after: ampersand)
        }
        return false
    }
}
