import Foundation
import Yams
import CoursemapModel

/// Reads `coursemap.yml`.
enum ConfigReader {
    static let file = "coursemap.yml"

    static func read(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        let document = YAMLDocument(file: file, firstLine: 1)
        let root: Yams.Node?
        switch document.parse(text) {
        case let .failure(diagnostic): return (nil, [diagnostic])
        case let .success(node): root = node
        }
        let fileLocation = SourceLocation(file: file, line: 1, column: 1)
        guard var fields = document.fields(of: root, at: fileLocation, what: "configuration") else {
            return (nil, [.error(.wrongType, at: fileLocation, "coursemap.yml must be a mapping of settings")])
        }
        let title = fields.localized("title", required: true)
        let program = fields.localized("program")
        let language = fields.choice("language", as: Language.self) ?? .zh
        var baseURL = fields.string("base_url")
        if let url = baseURL {
            let lower = url.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) {
                fields.invalid(fields.node("base_url")!, "base_url must be an absolute http(s) URL, found '\(url)'")
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var reports: [FrameworkScope] = []
        var reportLocations: [FrameworkScope: SourceLocation] = [:]
        for (text, node) in fields.stringList("reports") ?? [] {
            if let scope = FrameworkScope(parsing: text) {
                reports.append(scope)
                reportLocations[scope] = document.location(of: node)
            } else {
                fields.invalid(node, "report '\(text)' is not a framework id or framework:level (e.g. b2b-data:中级)")
            }
        }
        var markdown = MarkdownOptions()
        if var options = fields.mapping("markdown") {
            markdown.unsafeHTML = options.bool("unsafe_html") ?? false
            options.finish()
            fields.absorb(options)
        }
        var maxAssetBytes = 200 * 1024 * 1024
        if var assets = fields.mapping("assets") {
            if let megabytes = assets.number("max_size_mb", minimum: 1) { maxAssetBytes = Int(megabytes * 1024 * 1024) }
            assets.finish()
            fields.absorb(assets)
        }
        fields.finish()
        guard let title else { return (nil, fields.diagnostics) }
        let config = SiteConfig(
            title: title, program: program, language: language, baseURL: baseURL, reports: reports,
            reportLocations: reportLocations, markdown: markdown, maxAssetBytes: maxAssetBytes, location: fileLocation)
        return (config, fields.diagnostics)
    }
}
