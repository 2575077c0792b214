/// The `Content-Type` the preview server sends for a file, chosen by its extension. Text types carry
/// `charset=utf-8` (Coursemap writes UTF-8 only); unknown extensions are `application/octet-stream`, so a
/// browser never guesses (the server also sends `X-Content-Type-Options: nosniff`).
enum ContentTypes {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let binary = "application/octet-stream"

    /// Lower-cased extension → content type.
    private static let byExtension: [String: String] = [
        "html": html,
        "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "map": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "txt": plainText,
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "vtt": "text/vtt; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "webm": "video/webm",
        "mp4": "video/mp4",
        "m4v": "video/mp4",
        "mp3": "audio/mpeg",
        "m4a": "audio/mp4",
        "ogg": "audio/ogg",
        "pdf": "application/pdf",
        "zip": "application/zip",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "wasm": "application/wasm",
        // Pagefind's index files are binary (compressed) and fetched by its own script.
        "pf_meta": binary,
        "pf_index": binary,
        "pf_fragment": binary,
    ]

    /// The content type for a file path or name.
    static func forPath(_ path: some StringProtocol) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return binary }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? binary
    }

    /// Whether responses of this type get the live-reload script injected.
    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
