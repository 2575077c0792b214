import CoursemapXML
import Foundation
import CoursemapModel

/// Reads a module, from Markdown with front matter or from module XML.
enum ModuleReader {
    static let knownMarkdownFields: Set<String> = ["id", "title", "order", "hours", "summary", "competencies", "prerequisites"]

    static func readMarkdown(_ text: String, file: String, courseID: String, defaultID: String, markdown: MarkdownOptions) -> (Module?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let parts = FrontMatterFields.open(text, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = parts.fields
        let id = fields.string("id") ?? defaultID
        let title = fields.localized("title", required: true)
        let order = fields.integer("order", required: true, range: 1...9999)
        let hours = fields.amount("hours", required: true, maximum: NumberBounds.maximumHours)
        let summary = fields.localized("summary")
        let claims = ReferenceFields.competencies(&fields, statedHours: true, into: &diagnostics)
        if let hours { CountedAmount.checkStated(claims, moduleHours: hours, into: &diagnostics) }
        let prerequisites = (fields.stringList("prerequisites") ?? []).map { id, node in
            ModuleReference(moduleID: id, location: fields.document.location(of: node))
        }
        fields.finish()
        diagnostics += fields.diagnostics
        let (body, bodyDiagnostics) = MarkdownParser.parse(parts.body, options: markdown, file: file, firstLine: parts.bodyLine)
        diagnostics += bodyDiagnostics
        guard let title, let order, let hours else { return (nil, diagnostics) }
        let module = Module(
            id: id, courseID: courseID, order: order, title: title, summary: summary, hours: hours,
            format: .markdown, body: body, claims: claims, prerequisites: prerequisites,
            location: SourceLocation(file: file, line: 1, column: 1))
        return (module, diagnostics)
    }

    /// Reads a module XML tree that already passed `module.xsd`.
    static func readXML(_ root: XMLElement, file: String, courseID: String, defaultID: String, language: Language) -> (Module?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let title = root.first("title")?.bilingualText
        let summary = root.first("summary")?.bilingualText
        var claims: [CompetencyClaim] = []
        for element in root.first("competencies")?.all("competency") ?? [] {
            let reference = element.attributes["ref"] ?? ""
            let location = SourceLocation(file: file, line: element.line)
            guard let competency = CompetencyID(parsing: reference) else {
                diagnostics.append(malformed(reference, at: location))
                continue
            }
            guard let level = MappingLevel(rawValue: element.attributes["level"] ?? "") else { continue }
            var stated: Double?
            if let text = element.attributes["hours"] {
                // xs:decimal allows white space around the number (`hours=" 4 "`).
                stated = statedHours(text.trimmingWhitespace, of: reference, at: location, into: &diagnostics)
                if stated == nil { continue }
            }
            claims.append(CompetencyClaim(competency: competency, level: level, hours: stated, location: location))
        }
        let (body, bodyDiagnostics) = root.first("body").map { XMLBodyWriter.write($0, file: file, language: language) } ?? (.empty, [])
        diagnostics += bodyDiagnostics
        // The schema checked the forms (a positive integer, a decimal ≥ 0); the ranges are checked here.
        let location = SourceLocation(file: file, line: root.line)
        let orderText = root.attributes["order"] ?? "", hoursText = (root.attributes["hours"] ?? "").trimmingWhitespace
        let order = Int(orderText).flatMap { (1...9999).contains($0) ? $0 : nil }
        if order == nil {
            diagnostics.append(.error(.numberOutOfRange, at: location, "order '\(orderText.prefix(40))' must be a whole number from 1 to 9999"))
        }
        var hours = Double(hoursText).flatMap { $0.isFinite && $0 >= 0 && $0 <= NumberBounds.maximumHours ? $0 : nil }
        if hours == nil {
            diagnostics.append(.error(
                .numberOutOfRange, at: location,
                "hours '\(hoursText.prefix(40))' must be a number from 0 to \(NumberText.plain(NumberBounds.maximumHours))"))
        } else {
            hours = CountedAmount.read(hoursText, field: "hours", at: location, into: &diagnostics) ?? hours
        }
        if let hours { CountedAmount.checkStated(claims, moduleHours: hours, into: &diagnostics) }
        guard let title, let order, let hours else { return (nil, diagnostics) }
        let module = Module(
            id: root.attributes["id"] ?? defaultID, courseID: courseID, order: order, title: title, summary: summary,
            hours: hours, format: .xml, body: body, claims: claims,
            prerequisites: (root.first("prerequisites")?.all("module") ?? []).map {
                ModuleReference(moduleID: $0.attributes["ref"] ?? "", location: SourceLocation(file: file, line: $0.line))
            },
            location: SourceLocation(file: file, line: root.line))
        return (module, diagnostics)
    }

    /// A `<competency hours="…">`: a number from 0 to the hours limit (CM208), rounded to 0.01 (CM210).
    private static func statedHours(_ text: String, of reference: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0, value <= NumberBounds.maximumHours else {
            diagnostics.append(.error(
                .numberOutOfRange, at: location,
                "hours '\(text.prefix(40))' of '\(reference)' must be a number from 0 to \(NumberText.plain(NumberBounds.maximumHours))"))
            return nil
        }
        return CountedAmount.read(text, field: "hours", at: location, into: &diagnostics) ?? value
    }

    private static func malformed(_ reference: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .malformedReference, at: location,
            "'\(reference)' is not a competency reference; write framework:level:code (e.g. b2b-data:中级:1.1.1) "
                + "or framework:code for program outcomes (e.g. cbec-outcomes:K2)")
    }
}
