import CoursemapModel
import Foundation

/// The templates and static assets the portal is rendered with: the built-in theme shipped with Coursemap,
/// with any file a site puts under `Content/theme/` replacing the built-in file of the same path
/// (`theme/templates/<name>.mustache`, `theme/assets/<file>`).
public struct Theme: Sendable {
    let library: TemplateLibrary
    /// Static files, keyed by their path under `assets/`.
    let assets: [String: [UInt8]]
    /// The interface strings of each language.
    let strings: [Language: UIText]
    /// The file each template came from, for diagnostics (a site's override or the built-in theme).
    let templateFiles: [String: String]
    /// The icon every page names (the built-in one or the site's, see `Favicon`).
    var favicon: Favicon = .builtIn

    /// The built-in theme with the site's overrides applied; template syntax errors become CM601.
    public static func load(overrides: [String: ThemeFile]) -> (Theme, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: (text: String, location: SourceLocation?)] = [:]
        var assets: [String: [UInt8]] = [:]
        var tables: [String: [String: String]] = [:]
        for (path, bytes) in BuiltInTheme.files {
            add(path, bytes: bytes, location: nil, templates: &templates, assets: &assets, tables: &tables, diagnostics: &diagnostics)
        }
        // The site's favicon is judged on its own (CM333); one that cannot be used is not published.
        let (favicon, unusableIcons, iconDiagnostics) = Favicon.choose(overrides: overrides)
        diagnostics.append(contentsOf: iconDiagnostics)
        let skipped = Set((unusableIcons + [Favicon.builtIn.path]).map { "assets/" + $0 })
        for (path, file) in overrides.sorted(by: { $0.key < $1.key }) where !skipped.contains(path) {
            if !add(path, bytes: file.bytes, location: file.location, templates: &templates, assets: &assets, tables: &tables, diagnostics: &diagnostics) {
                diagnostics.append(.warning(
                    .unknownFileType, at: file.location,
                    "theme files go in theme/templates/<name>.mustache, theme/assets/<file> or theme/strings/<language>.json; this one is ignored"))
            }
        }
        var library = TemplateLibrary()
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(template.text, named: name)
            } catch {
                let file = template.location?.file ?? "(built-in theme)/templates/\(name).mustache"
                diagnostics.append(.error(
                    .templateSyntax, at: SourceLocation(file: file, line: error.line, column: error.column),
                    "template '\(name)' does not parse: \(error.message)"))
            }
        }
        // A template that includes others in a fan-out (`{{> a}}{{> a}}` inside a.mustache) would expand
        // 2^64 times; such a theme is refused before anything is rendered.
        for (template, count) in library.unboundedTemplates() {
            let file = templates[template]?.location?.file ?? "(built-in theme)/templates/\(template).mustache"
            diagnostics.append(.error(
                .templateExpansion, at: SourceLocation(file: file),
                "template '\(template)' expands partials more than \(count - 1) times before any data (it includes itself, "
                    + "directly or through other partials, more than once); a template may expand at most "
                    + "\(TemplateLibrary.maximumStaticExpansions) partials"))
        }
        for (template, missing) in library.missingReferences() {
            let file = templates[template]?.location?.file ?? "(built-in theme)/templates/\(template).mustache"
            diagnostics.append(.error(
                .templateSyntax, at: SourceLocation(file: file),
                "template '\(template)' includes '\(missing)', which the theme does not have (theme/templates/\(missing).mustache)"))
        }
        var strings: [Language: UIText] = [:]
        for language in Language.allCases {
            let table = tables[language.rawValue] ?? [:]
            do {
                strings[language] = UIText(try JSONDecoder().decode(UIStrings.self, from: JSONEncoder().encode(table)))
            } catch {
                diagnostics.append(.error(.templateSyntax, at: SourceLocation(file: "theme/strings/\(language.rawValue).json"), "the \(language.rawValue) string table lacks strings: \(error)"))
                strings[language] = (try? JSONDecoder().decode(UIStrings.self, from: JSONEncoder().encode(tables[Language.zh.rawValue] ?? [:]))).map(UIText.init)
            }
        }
        let files = templates.mapValues { $0.location?.file }
        let templateFiles = Dictionary(uniqueKeysWithValues: templates.keys.map { name in
            (name, files[name].flatMap { $0 } ?? "(built-in theme)/templates/\(name).mustache")
        })
        return (Theme(library: library, assets: assets, strings: strings, templateFiles: templateFiles, favicon: favicon), diagnostics)
    }

    /// The strings of a language (a theme whose tables failed to load has been reported as CM601).
    func ui(_ language: Language) -> UIText? { strings[language] }

    /// Files a theme folder holds, sorted into templates and assets. False for anything else.
    @discardableResult
    private static func add(
        _ path: String, bytes: [UInt8], location: SourceLocation?,
        templates: inout [String: (text: String, location: SourceLocation?)], assets: inout [String: [UInt8]],
        tables: inout [String: [String: String]], diagnostics: inout [Diagnostic]
    ) -> Bool {
        if path.hasPrefix("strings/"), path.hasSuffix(".json") {
            let language = String(path.dropFirst("strings/".count).dropLast(".json".count))
            guard let table = try? JSONDecoder().decode([String: String].self, from: Data(bytes)) else {
                diagnostics.append(.error(.templateSyntax, at: location ?? SourceLocation(file: path), "a string table must be a JSON object of strings"))
                return true
            }
            tables[language, default: [:]].merge(table) { _, new in new }
            return true
        }
        if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            templates[name] = (String(decoding: bytes, as: UTF8.self), location)
            return true
        }
        if path.hasPrefix("assets/") {
            // A site's own asset is published only if it is a type the portal publishes (or the theme's
            // stylesheet, script or font) and does not sniff as markup: `assets/` is in the portal's origin.
            if let location, let reason = ActiveFile.reason(path, theme: true, head: { Array(bytes.prefix(ActiveFile.sniffLength)) }) {
                diagnostics.append(ActiveFile.diagnostic("theme/" + path, reason: reason, at: location))
                return true
            }
            assets[String(path.dropFirst("assets/".count))] = bytes
            return true
        }
        return false
    }

    /// Renders `context` with the named template, as the UTF-8 bytes of a page; `nil` when the theme has
    /// no such template.
    func renderBytes(_ context: some Encodable, template: String) -> [UInt8]? {
        // Page models hold only strings, numbers, flags, optionals, arrays and other page models, all of
        // which the template encoder accepts.
        guard let value = try? TemplateValueEncoder.encode(context) else { return nil }
        return library.renderBytes(value, template: template)
    }

    /// Whether the theme has a template of that name (one that failed to parse is missing).
    func has(template: String) -> Bool { library.contains(template) }

    /// Renders `context` with the named template into `emit`, piece by piece; `emit` returns whether to go
    /// on (see `TemplateLibrary`). `false` when `emit` stopped it, the template is missing or the context
    /// cannot be encoded.
    func render(_ context: some Encodable, template: String, pieceSize: Int, into emit: ([UInt8]) -> Bool) -> Bool {
        renderPage(context, template: template, pieceSize: pieceSize, into: emit) == .complete
    }

    /// Like `render(_:template:pieceSize:into:)`, telling a page over the template work limit apart.
    func renderPage(_ context: some Encodable, template: String, pieceSize: Int, into emit: ([UInt8]) -> Bool) -> TemplateLibrary.Outcome {
        guard library.contains(template), let value = try? TemplateValueEncoder.encode(context) else { return .stopped }
        return library.render(value, template: template, pieceSize: pieceSize, into: emit)
    }

    /// The CM602 error for a page whose template went over the work limit while rendering it.
    func expansionError(template: String, page: String) -> Diagnostic {
        .error(
            .templateExpansion, at: SourceLocation(file: templateFiles[template] ?? "(built-in theme)/templates/\(template).mustache"),
            "page \(page) is too large to render: template '\(template)' took more than \(TemplateRenderer.maximumWork) steps, "
                + "or \(TemplateRenderer.workPerValue) per value of the page's data; the page is not written. Split the content "
                + "shown on that page (a bank, a course) into smaller parts, or, if this theme's partials include each other "
                + "or its sections nest over the same list, fix the template")
    }

    /// Renders `context` with the named template, as a string (a fragment spliced into a page).
    func render(_ context: some Encodable, template: String) -> String? {
        renderBytes(context, template: template).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The theme shipped as resources of this target (`Sources/CoursemapRender/Theme`).
enum BuiltInTheme {
    /// Every file of the built-in theme, by path relative to the theme folder. Read once.
    static let files: [String: [UInt8]] = {
        guard let root = Bundle.module.url(forResource: "Theme", withExtension: nil) else { return [:] }
        var files: [String: [UInt8]] = [:]
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !(relative as NSString).lastPathComponent.hasPrefix("."),
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            files[relative] = Array(data)
        }
        return files
    }()
}
