import CoursemapXML
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
        var extraDiagnostics: [Diagnostic] = []
        let title = fields.localized("title", required: true)
        let program = fields.localized("program")
        let language = fields.choice("language", as: Language.self) ?? .zh
        var baseURL = fields.string("base_url")
        if let url = baseURL {
            let lower = url.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || !URLPolicy.isPlainWebURL(url) {
                fields.invalid(fields.node("base_url")!, "base_url must be an absolute http(s) URL without spaces, quotes, '<', '>' or '\\', found '\(url.debugDescription.dropFirst().dropLast())'")
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
        var imports = ImportOptions()
        if var options = fields.mapping("imports") {
            imports.remoteImages = options.bool("remote_images") ?? false
            options.finish()
            fields.absorb(options)
        }
        var interop = InteropOptions()
        if var options = fields.mapping("interop") {
            interop.strict = options.bool("strict") ?? false
            options.finish()
            fields.absorb(options)
        }
        var maxAssetBytes = 200 * 1024 * 1024
        if var assets = fields.mapping("assets") {
            if let megabytes = assets.number("max_size_mb", minimum: 1, maximum: NumberBounds.maximumAssetMegabytes) { maxAssetBytes = Int((megabytes * 1_048_576).rounded()) }
            assets.finish()
            fields.absorb(assets)
        }
        var media = MediaOptions()
        if var options = fields.mapping("media") {
            options.prefix = "media."
            for (host, node) in options.stringList("embed_hosts") ?? [] {
                if let problem = EmbedURL.hostProblem(host) {
                    extraDiagnostics.append(.error(
                        .platformEmbed, at: document.location(of: node),
                        "media.embed_hosts: '\(host)' cannot be listed (\(problem)); list bare host names such as player.bilibili.com"))
                } else if let portal = baseURL.flatMap({ URLComponents(string: $0)?.host?.lowercased() }), portal == host {
                    // A sandboxed frame with scripts and its own origin would be the portal's origin here.
                    extraDiagnostics.append(.error(
                        .platformEmbed, at: document.location(of: node),
                        "media.embed_hosts: '\(host)' is the portal's own host (base_url); a frame from it could script the portal, so it cannot be listed"))
                } else if !media.embedHosts.contains(host) {
                    media.embedHosts.append(host)
                }
            }
            options.finish()
            fields.absorb(options)
        }
        var rules = CoverageRules.standard
        if var coverage = fields.mapping("coverage") {
            rules.coveredAt = coverage.choice("covered_at", as: MappingLevel.self) ?? rules.coveredAt
            rules.requireAssessment = coverage.bool("require_assessment") ?? rules.requireAssessment
            if let tolerance = coverage.number("blueprint_tolerance", maximum: 100), case let .scalar(scalar)? = coverage.node("blueprint_tolerance") {
                rules.blueprintTolerance = tolerance
                rules.blueprintToleranceText = scalar.string
            }
            rules.lecturesAsHours = coverage.bool("lectures_as_hours") ?? rules.lecturesAsHours
            rules.classHourMinutes = coverage.integer("class_hour_minutes", range: 1...600) ?? rules.classHourMinutes
            coverage.finish()
            fields.absorb(coverage)
        }
        var gates: [CoverageGate] = []
        for var gate in fields.mappingList("gates") ?? [] {
            var scope: FrameworkScope?
            if let text = gate.string("scope") {
                scope = FrameworkScope(parsing: text)
                if scope == nil { gate.invalid(gate.node("scope")!, "scope '\(text)' must be a framework id or framework:level") }
            }
            let taught = gate.bool("taught") ?? false
            let assessed = gate.bool("assessed") ?? false
            let minimum = gate.integer("min_items", range: 0...1000) ?? (assessed ? 1 : 0)
            let covered = gate.bool("covered") ?? false
            let noOrphans = gate.bool("no_orphans") ?? false
            if scope == nil && (taught || assessed || minimum > 0 || covered) {
                gate.invalid(gate.node("taught") ?? gate.node("assessed") ?? gate.node("min_items") ?? gate.node("covered")!, "a gate on requirements needs a scope: (e.g. scope: b2b-data:中级)")
            }
            gate.finish()
            fields.absorb(gate)
            gates.append(CoverageGate(scope: scope, taught: taught, minimumItems: minimum, covered: covered, noOrphans: noOrphans, location: gate.location))
        }
        fields.finish()
        guard let title else { return (nil, fields.diagnostics + extraDiagnostics) }
        let config = SiteConfig(
            title: title, program: program, language: language, baseURL: baseURL, reports: reports,
            reportLocations: reportLocations, markdown: markdown, imports: imports, interop: interop, maxAssetBytes: maxAssetBytes, coverageRules: rules,
            gates: gates, media: media, location: fileLocation)
        return (config, fields.diagnostics + extraDiagnostics)
    }
}
