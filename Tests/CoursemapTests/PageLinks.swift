import Foundation

/// The URLs a built page refers to — every `href`, `src`, `poster`, `action` and `data-pagefind`
/// attribute and each candidate of a `srcset` — and where each lands in the output folder.
enum PageLinks {
    private static let attribute = try! NSRegularExpression(pattern: #"\s(href|src|poster|action|srcset|data-pagefind)="([^"]*)""#)

    /// Attribute name and value (still escaped as HTML) of every URL attribute of `html`.
    static func urls(in html: String) -> [(attribute: String, value: String)] {
        let range = NSRange(html.startIndex..., in: html)
        return attribute.matches(in: html, range: range).flatMap { match -> [(String, String)] in
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let value = String(html[Range(match.range(at: 2), in: html)!])
            guard name == "srcset" else { return [(name, value)] }
            // "a.png 1x, b.png 2x": the URL is each candidate's first word.
            return value.split(separator: ",").compactMap { $0.split(separator: " ").first.map { (name, String($0)) } }
        }
    }

    /// The HTML character references a template writes, undone.
    static func unescaped(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Where a relative URL on the page at `page` leads, as an output path, and its fragment; `nil` for
    /// an absolute URL or a URL that is not well-formed. A root-relative URL (the 404 pages') leads into the
    /// site when it starts with `sitePath`, the path of the site's base URL (`/portal/`), and nowhere else.
    static func target(of value: String, from page: String, sitePath: String = "/") -> (path: String, fragment: String?)? {
        let url = unescaped(value)
        if url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("mailto:") { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let withoutQuery = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard let path = withoutQuery.removingPercentEncoding else { return nil }
        let fragment = parts.count == 2 ? parts[1] : nil
        if path.isEmpty { return (page, fragment) }
        if path.hasPrefix("/") {
            return (path.hasPrefix(sitePath) ? String(path.dropFirst(sitePath.count)) : "(outside the site) " + path, fragment)
        }
        let resolved = URL(fileURLWithPath: "/" + page).deletingLastPathComponent().appendingPathComponent(path).standardized.path
        return (String(resolved.dropFirst()), fragment)
    }
}
