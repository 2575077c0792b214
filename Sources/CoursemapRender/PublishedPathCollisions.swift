import CoursemapModel

/// The last check before writing: published paths (pages, data files, theme assets, downloads, and the
/// folders that hold them) that differ only in letter case or Unicode normalisation, which macOS and
/// Windows store as one file. The id checks of the load and resolve stages catch the usual causes; this
/// catches the rest (a theme asset `STYLE.CSS` beside the built-in `style.css`, say).
enum PublishedPathCollisions {
    /// A CM412 error for each spelling of each colliding path, at the content file it comes from (a theme
    /// file or a download) or else at the published path itself.
    static func diagnostics(_ paths: [String], program: Program) -> [Diagnostic] {
        NameCollisions.groups(files: paths).flatMap { group in
            group.map { path in
                let others = group.filter { !$0.utf8.elementsEqual(path.utf8) }.map { "'\($0)'\(NameCollisions.form($0))" }.joined(separator: ", ")
                return Diagnostic.error(
                    .caseCollision, at: origin(of: path, program: program),
                    "the published file '\(path)'\(NameCollisions.form(path)) and \(others) differ only in letter case or Unicode normalisation: they are one file on macOS and Windows; rename one")
            }
        }
    }

    /// Where a published path comes from in the content, when it is a copied file.
    static func origin(of path: String, program: Program) -> SourceLocation {
        if path.hasPrefix("assets/"), let file = program.themeFiles[path] { return file.location }
        if path.hasPrefix("files/") {
            let source = String(path.dropFirst("files/".count))
            if program.downloads.contains(source) { return SourceLocation(file: source) }
        }
        return SourceLocation(file: path)
    }
}
