import Foundation
import CoursemapModel

/// Reads `courses/<id>/course.md`: front matter with the course's facts, Markdown description.
enum CourseReader {
    static func read(_ text: String, file: String, courseID: String, markdown: MarkdownOptions) -> (Course?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let parts = FrontMatterFields.open(text, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = parts.fields
        let code = fields.string("code", required: true)
        let title = fields.localized("title", required: true)
        let credits = fields.number("credits", required: true, maximum: NumberBounds.maximumCredits)
        var theory: Double?, practice: Double?
        if var hours = fields.mapping("hours", required: true) {
            theory = hours.amount("theory", required: true, maximum: NumberBounds.maximumHours)
            practice = hours.amount("practice", required: true, maximum: NumberBounds.maximumHours)
            hours.finish()
            fields.absorb(hours)
        }
        let semester = fields.integer("semester", required: true, range: 1...12)
        let type = fields.choice("type", required: true, as: CourseType.self)
        var integrations: [CertificateIntegration] = []
        if var certificates = fields.mapping("certificates") {
            for entry in certificates.entries {
                guard let scope = FrameworkScope(parsing: entry.key), scope.level != nil else {
                    certificates.invalid(entry.value, "'\(entry.key)' is not a certificate level; write framework:level, e.g. b2b-data:中级")
                    continue
                }
                guard case let .scalar(scalar) = entry.value, let mode = IntegrationMode(rawValue: scalar.string) else {
                    certificates.invalid(entry.value, "融通方式 for '\(entry.key)' must be one of 嵌入, 置换, 免修")
                    continue
                }
                integrations.append(CertificateIntegration(scope: scope, mode: mode, location: entry.keyLocation))
            }
            fields.absorb(certificates)
        }
        fields.finish()
        diagnostics += fields.diagnostics
        let (description, bodyDiagnostics) = MarkdownParser.parse(parts.body, options: markdown, file: file, firstLine: parts.bodyLine)
        diagnostics += bodyDiagnostics
        guard let code, let title, let credits, let theory, let practice, let semester, let type else {
            return (nil, diagnostics)
        }
        let course = Course(
            id: courseID, code: code, title: title, credits: credits,
            hours: CourseHours(theory: theory, practice: practice), semester: semester, type: type,
            integrations: integrations, description: description,
            location: SourceLocation(file: file, line: 1, column: 1))
        return (course, diagnostics)
    }
}

/// Splits a Markdown file into front matter fields and body, reporting a missing front matter or bad YAML.
struct FrontMatterFields {
    var fields: FieldReader
    var body: String
    var bodyLine: Int

    static func open(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatterFields? {
        guard let split = FrontMatter.split(text) else {
            diagnostics.append(.error(
                .missingFrontMatter, at: SourceLocation(file: file, line: 1, column: 1),
                "file has no front matter: start it with a '---' line, the YAML fields, and a closing '---' line"))
            return nil
        }
        let document = YAMLDocument(file: file, firstLine: split.yamlLine)
        let fileLocation = SourceLocation(file: file, line: 1, column: 1)
        switch document.parse(split.yaml) {
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case let .success(root):
            guard let fields = document.fields(of: root, at: fileLocation, what: "front matter") else {
                diagnostics.append(.error(.wrongType, at: document.location(of: root!), "front matter must be a mapping of fields"))
                return nil
            }
            return FrontMatterFields(fields: fields, body: split.body, bodyLine: split.bodyLine)
        }
    }
}
