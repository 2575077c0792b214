/// Which link targets Coursemap writes into pages.
public enum URLPolicy {
    public static func isAllowed(_ href: String) -> Bool {
        let trimmed = href.trimmingCharactersInSet()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("//"), !trimmed.hasPrefix("\\") else { return false }
        guard let colon = trimmed.firstIndex(of: ":") else { return true }  // relative path or fragment
        let scheme = trimmed[..<colon]
        // A colon after a '/', '?' or '#' belongs to a relative path, not a scheme.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(scheme.lowercased())
    }

    public static func isExternal(_ href: String) -> Bool {
        let lower = href.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}

extension String {
    fileprivate func trimmingCharactersInSet() -> String {
        String(drop { $0.isWhitespace || $0.isNewline || $0.unicodeScalars.allSatisfy { $0.value < 0x20 } }
            .reversed().drop { $0.isWhitespace }.reversed())
    }
}
