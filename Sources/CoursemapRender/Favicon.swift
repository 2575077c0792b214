import CoursemapModel

/// The icon every page names with `<link rel="icon">`, so that browsers do not ask for `/favicon.ico`
/// (which a portal published under a path, or opened from disk, does not have). The built-in theme's is
/// `assets/favicon.svg`; a site replaces it with `theme/assets/favicon.png` or `theme/assets/favicon.ico`.
/// A site's SVG is not taken: an SVG can hold scripts, and `assets/` is in the portal's origin.
struct Favicon: Sendable, Equatable {
    /// The file's path under `assets/`.
    let path: String
    /// Its media type, for the link's `type`.
    let type: String

    static let builtIn = Favicon(path: "favicon.svg", type: "image/svg+xml")

    /// The largest icon a site may supply. A favicon is fetched with every first visit; 64 KiB is far more
    /// than a 64×64 PNG or a multi-size ICO needs.
    static let maximumBytes = 64 * 1024

    /// The icons a site may supply, in the order they are preferred, with their media type and signature.
    private static let siteFormats: [(path: String, type: String, signature: [UInt8])] = [
        ("favicon.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("favicon.ico", "image/x-icon", [0x00, 0x00, 0x01, 0x00]),
    ]

    /// The icon the pages name, given the site's theme overrides, and CM333 for each override that cannot
    /// be used: an SVG, or a PNG / ICO whose bytes are not one or that is larger than `maximumBytes`. An
    /// unusable file is reported and not published (`unusable` lists it), and the next choice is taken.
    static func choose(overrides: [String: ThemeFile]) -> (favicon: Favicon, unusable: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var unusable: [String] = []
        if let svg = overrides["assets/favicon.svg"] {
            diagnostics.append(.warning(
                .themeFileOverride, at: svg.location,
                "theme/assets/favicon.svg is not used: an SVG can hold scripts, so a site's icon must be theme/assets/favicon.png or "
                    + "theme/assets/favicon.ico; the built-in icon is kept"))
        }
        var chosen: Favicon?
        for format in siteFormats {
            guard let file = overrides["assets/" + format.path] else { continue }
            if file.bytes.count > maximumBytes {
                diagnostics.append(.warning(
                    .themeFileOverride, at: file.location,
                    "theme/assets/\(format.path) is \(file.bytes.count) bytes, more than the \(maximumBytes) a favicon may have; it is not published"))
                unusable.append(format.path)
            } else if !file.bytes.starts(with: format.signature) {
                diagnostics.append(.warning(
                    .themeFileOverride, at: file.location,
                    "theme/assets/\(format.path) is not a \(format.type == "image/png" ? "PNG" : "ICO") file (its first bytes are not that "
                        + "format's signature); it is not published"))
                unusable.append(format.path)
            } else if chosen == nil {
                chosen = Favicon(path: format.path, type: format.type)
            }
        }
        return (chosen ?? .builtIn, unusable, diagnostics)
    }
}
