import CoursemapModel
import Foundation
import Yams

/// Reads library resources: a sidecar `NAME.EXT.yml` describing the file `NAME.EXT` beside it, or a
/// Markdown document with the same fields as front matter.
enum ResourceReader {
    /// A sidecar at `file`; the resource's file is the sidecar's path without `.yml`.
    static func readSidecar(_ text: String, file: String, fileSize: Int?) -> (Resource?, [Diagnostic]) {
        let document = YAMLDocument(file: file, firstLine: 1)
        let root: Node?
        switch document.parse(text) {
        case let .failure(diagnostic): return (nil, [diagnostic])
        case let .success(node): root = node
        }
        let location = SourceLocation(file: file, line: 1, column: 1)
        guard var fields = document.fields(of: root, at: location, what: "resource") else {
            return (nil, [.error(.wrongType, at: location, "a resource sidecar must be a mapping of fields")])
        }
        let target = String(file.dropLast(".yml".count))
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        var diagnostics: [Diagnostic] = []
        let resource = common(&fields, defaultID: stem, location: location, diagnostics: &diagnostics)
        fields.finish()
        diagnostics += fields.diagnostics
        guard var resource else { return (nil, diagnostics) }
        resource.file = AssetReference(path: target, location: location)
        resource.fileSize = fileSize
        return (resource, diagnostics)
    }

    /// A Markdown document resource (`resources/**/*.md`).
    static func readDocument(_ text: String, file: String, defaultID: String, markdown: MarkdownOptions) -> (Resource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let parts = FrontMatterFields.open(text, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = parts.fields
        let resource = common(&fields, defaultID: defaultID, location: SourceLocation(file: file, line: 1, column: 1), diagnostics: &diagnostics)
        fields.finish()
        diagnostics += fields.diagnostics
        let (body, bodyDiagnostics) = MarkdownParser.parse(parts.body, options: markdown, file: file, firstLine: parts.bodyLine)
        diagnostics += bodyDiagnostics
        guard var resource else { return (nil, diagnostics) }
        resource.document = body
        return (resource, diagnostics)
    }

    private static func common(_ fields: inout FieldReader, defaultID: String, location: SourceLocation, diagnostics: inout [Diagnostic]) -> Resource? {
        let id = fields.string("id") ?? defaultID
        let title = fields.localized("title", required: true)
        var kind = fields.choice("kind", required: true, as: ResourceKind.self)
        if kind == .lecture {
            fields.invalid(fields.node("kind")!, "micro-lectures are Markdown files under lectures/, not resources; use slides, recording, dataset, standard or document")
            kind = nil
        }
        let description = fields.localized("description")
        let license = fields.string("license")
        let course = fields.string("course")
        let modules = ReferenceFields.modules(&fields)
        let claims = ReferenceFields.competencies(&fields, into: &diagnostics)
        guard let title, let kind else { return nil }
        if !CompetencyID.isIdentifier(id) {
            diagnostics.append(.error(.invalidID, at: location, "'\(id)' cannot be a resource id: use ASCII letters, digits, '-' and '_' (rename the file or set id:)"))
            return nil
        }
        return Resource(
            id: id, title: title, kind: kind, description: description, license: license, courseID: course,
            modules: modules, claims: claims, location: location)
    }
}
