/// Content files that a browser would run as a document or script if the portal published them,
/// recognised by extension (any case) and by their first bytes, the way browsers sniff a file of unknown
/// type. The portal refuses to publish them (CM326), so nothing published can run script in its origin.
public enum ActiveFile {
    /// How many bytes of a file the load stage looks at.
    public static let sniffLength = 512

    /// Extensions of documents and scripts that browsers execute or render with script.
    public static let extensions: Set<String> = [
        "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "rss", "atom",
        "rdf", "xul", "js", "mjs", "cjs", "jsm", "swf", "hta", "vbs", "wsf", "jar", "appcache", "manifest",
    ]

    /// Markup starts (after a byte-order mark and white space) that make a browser treat bytes as HTML or
    /// XML: the WHATWG MIME-sniffing patterns, plus SVG and a few more tags.
    private static let markupStarts = [
        "!doctype html", "html", "head", "script", "iframe", "h1", "div", "font", "table", "a", "style", "title", "b",
        "body", "br", "p", "!--", "?xml", "svg", "object", "embed", "img", "meta", "link", "base", "math", "xml",
    ]

    /// Why the file at `path` must not be published, judged by its extension; `nil` when the extension is harmless.
    public static func reason(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return extensions.contains(ext) ? "a .\(ext) file" : nil
    }

    /// Why a file must not be published, judged by its extension and then by its first bytes.
    public static func reason(_ path: String, head: () -> [UInt8]?) -> String? {
        if let reason = reason(path) { return reason }
        guard let bytes = head(), startsLikeMarkup(bytes) else { return nil }
        return "a file whose content starts like HTML or XML"
    }

    /// True when the bytes, after a byte-order mark and white space, open with a tag a browser sniffs as markup.
    public static func startsLikeMarkup(_ bytes: [UInt8]) -> Bool {
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            text.removeFirst(3)
        } else if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            text = text.dropFirst(2).filter { $0 != 0 }
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        let body = text.drop(while: isSpace)
        guard body.first == UInt8(ascii: "<") else { return false }
        let after = body.dropFirst().map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for start in markupStarts {
            let pattern = Array(start.utf8)
            guard after.starts(with: pattern) else { continue }
            // A tag name must end there (white space, '>' or '/'); `<!--` and `<?xml` need nothing after.
            if start == "!--" || start == "?xml" || after.count == pattern.count { return true }
            let next = after[pattern.count]
            if isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") { return true }
        }
        return false
    }

    /// The CM326 error for a reference to such a file.
    public static func diagnostic(_ path: String, reason: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .activeFile, at: location,
            "'\(path)' is \(reason), which a browser would run as a page of the portal; it is not published. Export it as PDF, PNG or CSV, or put it in a .zip")
    }
}
