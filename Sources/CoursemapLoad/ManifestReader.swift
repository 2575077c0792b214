import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Foundation

/// One `<resource>` of an IMS content-package manifest, as far as Coursemap uses it.
struct ManifestResource: Sendable {
    /// The files the resource names, as written: its `href` first, then each `<file href>`.
    var hrefs: [String]
    /// The usage Coursemap's metadata on the resource states, if any.
    var usage: UsageStatement?
    var location: SourceLocation
}

/// Reads an `imsmanifest.xml`: its resources in order, and the usage Coursemap's metadata
/// (`<cm:item usage="…">` in namespace `urn:coursemap:qti-metadata:1`) states for each.
///
/// Fails closed: Coursemap metadata in a form it does not read (`<cm:usage>` as an element, an attribute
/// spelled `Usage`, inside a resource an element other than `cm:item` and its `cm:section`/`cm:assesses`, a
/// namespace that only looks like Coursemap's, any element or attribute named like `usage` in another
/// namespace) is CM318 and counts as `exam`; Coursemap metadata outside a resource other than the bank's
/// `<cm:bank>` (with `<cm:title>`, `<cm:course>`), or any usage there, is CM315, since it applies to no item.
enum ManifestReader {
    static func read(_ root: XMLElement, file: String, into diagnostics: inout [Diagnostic]) -> [ManifestResource] {
        var resources: [ManifestResource] = []
        collect(root, file: file, into: &resources, diagnostics: &diagnostics)
        return resources
    }

    private static func collect(_ element: XMLElement, file: String, into resources: inout [ManifestResource], diagnostics: inout [Diagnostic]) {
        if element.name == "resource" {
            resources.append(resource(element, file: file, diagnostics: &diagnostics))
            return
        }
        // Outside resources, Coursemap writes only `<cm:bank id>` with `<cm:title>` and `<cm:course>`.
        let bankMetadata = element.namespace == QTIExporter.coursemapMetadata && ["bank", "title", "course"].contains(element.name)
        if (isCoursemapLike(element) && !bankMetadata) || hasUsageAttribute(element) {
            diagnostics.append(.error(
                .unknownItemReference, at: SourceLocation(file: file, line: element.line),
                "Coursemap metadata <\(UsageSpelling.shown(element.name))> outside a <resource> applies to no item; put <cm:item usage=\"…\"> in the <metadata> of the item's <resource>"))
            return
        }
        for child in element.elements { collect(child, file: file, into: &resources, diagnostics: &diagnostics) }
    }

    private static func resource(_ resource: XMLElement, file: String, diagnostics: inout [Diagnostic]) -> ManifestResource {
        var hrefs: [String] = []
        if let href = resource.attributes["href"] { hrefs.append(href) }
        for child in resource.elements where child.name == "file" {
            if let href = child.attributes["href"] { hrefs.append(href) }
        }
        let name = "item '\(UsageSpelling.shown(hrefs.first ?? resource.attributes["identifier"] ?? "?"))'"
        var statements: [UsageStatement] = []
        for child in resource.elements { metadata(child, file: file, item: name, into: &statements, diagnostics: &diagnostics) }
        let usage = UsageStatement.combine(statements, item: name, into: &diagnostics)
        return ManifestResource(hrefs: hrefs, usage: usage, location: SourceLocation(file: file, line: resource.line))
    }

    /// The usage statements in `element` and below.
    private static func metadata(
        _ element: XMLElement, file: String, item: String, into statements: inout [UsageStatement], diagnostics: inout [Diagnostic]
    ) {
        let location = SourceLocation(file: file, line: element.line)
        if element.namespace == QTIExporter.coursemapMetadata, element.name == "item" {
            if let value = element.attributes["usage"] {
                statements.append(UsageStatement.read(
                    value, at: location, source: "usage=\"\(UsageSpelling.shown(value))\" in the manifest", item: item, into: &diagnostics))
            }
            for key in element.attributes.keys.sorted() where key != "usage" && UsageSpelling.looksLikeUsageWord(key) {
                statements.append(odd("attribute \(UsageSpelling.shown(key))=\"…\" on <cm:item>", at: location, item: item, into: &diagnostics))
            }
            // Coursemap writes `<cm:section>` and `<cm:assesses>` inside `<cm:item>`; anything else is not read.
            for child in element.elements
            where !(child.namespace == QTIExporter.coursemapMetadata && ["section", "assesses"].contains(child.name) && !hasUsageAttribute(child)) {
                statements.append(odd(
                    "<\(UsageSpelling.shown(child.name))> inside <cm:item> (only its usage=\"practice|exam\" attribute states a usage)",
                    at: SourceLocation(file: file, line: child.line), item: item, into: &diagnostics))
            }
            return
        }
        if isCoursemapLike(element) {
            let namespace = element.namespace.map { " in namespace \(UsageSpelling.shown($0))" } ?? ""
            statements.append(odd("<\(UsageSpelling.shown(element.name))>\(namespace)", at: location, item: item, into: &diagnostics))
            return
        }
        if hasUsageAttribute(element) {
            statements.append(odd("<\(UsageSpelling.shown(element.name))> with a usage attribute", at: location, item: item, into: &diagnostics))
        }
        for child in element.elements { metadata(child, file: file, item: item, into: &statements, diagnostics: &diagnostics) }
    }

    /// An element of Coursemap's metadata namespace, of a namespace that only looks like it, or named like `usage`.
    private static func isCoursemapLike(_ element: XMLElement) -> Bool {
        if element.namespace == QTIExporter.coursemapMetadata { return true }
        if let namespace = element.namespace, namespace.lowercased().contains("coursemap") { return true }
        return UsageSpelling.looksLikeUsageWord(element.name)
    }

    private static func hasUsageAttribute(_ element: XMLElement) -> Bool {
        element.attributes.keys.contains(where: UsageSpelling.looksLikeUsageWord)
    }

    private static func odd(_ form: String, at location: SourceLocation, item: String, into diagnostics: inout [Diagnostic]) -> UsageStatement {
        diagnostics.append(.error(
            .unknownUsage, at: location,
            "\(item): \(form) in the manifest is Coursemap usage metadata in a form Coursemap does not read; write <cm:item usage=\"practice|exam\"/> with xmlns:cm=\"\(QTIExporter.coursemapMetadata)\". The item is treated as an exam item"))
        return UsageStatement(usage: .exam, location: location, source: "\(form) in the manifest")
    }

    /// A resource's `href` as a path from the content root: percent-decoded, relative to the manifest's
    /// folder, `.` and empty segments dropped and `..` resolved. `nil` for an absolute URL or a path that
    /// leaves the content folder.
    static func path(of href: String, manifestFolder: String) -> String? {
        let decoded = href.removingPercentEncoding ?? href
        let trimmed = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains(":") || trimmed.hasPrefix("/") || trimmed.hasPrefix("\\") { return nil }
        var segments = manifestFolder.split(separator: "/").map(String.init)
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch segment {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
