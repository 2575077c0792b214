/// Which content files the portal publishes. Only files whose extension (in any case) is on an allowlist of
/// images, media, captions and documents are published, and only when their first bytes do not look like
/// markup, the way a browser sniffs a file; anything else (HTML, SVG, XML and its many aliases such as `.xbl`
/// or `.rng`, scripts, unknown or missing extensions) is refused (CM326), so nothing published can run script
/// in the portal's origin, whatever a browser or a static host makes of the file's type.
public enum ActiveFile {
    /// How many bytes of a file the load stage looks at.
    public static let sniffLength = 512

    /// Extensions of files the portal publishes: pictures, audio and video, WebVTT captions, documents,
    /// spreadsheets, data and archives. SVG is not among them (it is a document that can hold script).
    public static let publishable: Set<String> = [
        // Pictures
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp",
        // Audio and video
        "webm", "mp4", "m4v", "m4a", "mp3", "ogg", "oga", "ogv", "opus", "wav", "flac",
        // Captions
        "vtt",
        // Documents, spreadsheets, slides and data
        "pdf", "txt", "csv", "tsv", "json", "md", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "odt", "ods", "odp",
        "rtf", "epub", "sql", "py", "ipynb", "pcap", "pcapng",
        // Archives
        "zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz",
    ]

    /// Extensions a theme may also publish under `assets/`: its stylesheets, scripts and fonts (the theme is
    /// trusted for these; its templates are code too).
    public static let themeOnly: Set<String> = ["css", "js", "woff", "woff2", "ttf", "otf"]

    /// Extensions of documents and scripts that browsers run; named in the diagnostic.
    static let runnable: Set<String> = [
        "html", "htm", "xhtml", "xht", "xhtm", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "xsd",
        "xbl", "rng", "rss", "atom", "rdf", "xul", "js", "mjs", "cjs", "jsm", "swf", "hta", "vbs", "wsf", "jar",
    ]

    /// The extension of the last path segment, lower-cased; `nil` when it has none.
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Why the file at `path` must not be published, judged by its extension; `nil` when the portal publishes
    /// that type. `theme` also allows the theme's stylesheets, scripts and fonts.
    public static func reason(_ path: String, theme: Bool = false) -> String? {
        guard let ext = fileExtension(path) else { return "a file without an extension, which the portal does not publish" }
        if publishable.contains(ext) || (theme && themeOnly.contains(ext)) { return nil }
        if runnable.contains(ext) { return "a .\(ext) file, which a browser would run as a page of the portal" }
        return "a .\(ext) file, which is not a type the portal publishes (see docs/content.md for the list)"
    }

    /// Why a file must not be published, judged by its extension and then by its first bytes (the theme's
    /// own stylesheets, scripts and fonts are not sniffed).
    public static func reason(_ path: String, theme: Bool = false, head: () -> [UInt8]?) -> String? {
        if let reason = reason(path, theme: theme) { return reason }
        if theme, let ext = fileExtension(path), themeOnly.contains(ext) { return nil }
        guard let bytes = head(), startsLikeMarkup(bytes) else { return nil }
        return "a file whose content starts like HTML or XML, which a browser would run as a page of the portal"
    }

    /// True when the bytes, after a byte-order mark and any white space or control characters (more than a
    /// browser skips), open with `<` and then a letter, `!`, `?` or `/`: any tag (`<html`, `<h:html`, `<svg`,
    /// `<script`, `<x`), a doctype, comment or XML declaration. Bytes in UTF-16 are looked at without their
    /// zero bytes.
    public static func startsLikeMarkup(_ bytes: [UInt8]) -> Bool {
        var text = ArraySlice(bytes)
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = text.dropFirst(3)
        } else if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            text = ArraySlice(text.dropFirst(2).filter { $0 != 0 })
        }
        let body = text.drop { $0 <= 0x20 || $0 == 0x7F }
        guard body.first == UInt8(ascii: "<"), let next = body.dropFirst().first else { return false }
        let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
        return isLetter || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") || next == UInt8(ascii: "_") || next >= 0x80
    }

    /// The CM326 error for a reference to such a file.
    public static func diagnostic(_ path: String, reason: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .activeFile, at: location,
            "'\(path)' is \(reason); it is not published. Export it as PDF, PNG or CSV, or put it in a .zip")
    }
}
