import CoursemapModel

/// The last check before writing: published paths (pages, data files, theme assets, downloads, and the
/// folders that hold them) that differ only in letter case or Unicode normalisation, which macOS and
/// Windows store as one file. The id checks of the load and resolve stages catch the usual causes; this
/// catches the rest (a theme asset `STYLE.CSS` beside the built-in `style.css`, say).
enum PublishedPathCollisions {
    /// One CM412 error per group of colliding paths, naming them all: at the content file one of them is
    /// copied from (a theme file or a download), or else at the first published path. The ids behind
    /// colliding pages have their own CM412 at both places (resolve stage), so one line here is enough.
    static func diagnostics(_ paths: [String], program: Program) -> [Diagnostic] {
        NameCollisions.groups(files: paths).map { group in
            let names = group.map { "'\($0)'\(NameCollisions.form($0))" }.joined(separator: " and ")
            let location = group.lazy.compactMap { origin(of: $0, program: program) }.first ?? SourceLocation(file: group[0])
            return Diagnostic.error(
                .caseCollision, at: location,
                "the published files \(names) differ only in letter case or Unicode normalisation: they are one file on macOS and Windows; rename one")
        }
    }

    /// Where a published path comes from in the content, when it is a copied file.
    static func origin(of path: String, program: Program) -> SourceLocation? {
        if path.hasPrefix("assets/"), let file = program.themeFiles[path] { return file.location }
        if path.hasPrefix("files/") {
            let source = String(path.dropFirst("files/".count))
            if program.downloads.contains(source) { return SourceLocation(file: source) }
        }
        return nil
    }
}
