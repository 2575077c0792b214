import CoursemapModel
import CoursemapXML
import Foundation
import Yams

/// Reads `lectures/<id>.md`: front matter with the video, captions, slides and mappings; the transcript as
/// the body, its time codes checked against the declared duration.
enum LectureReader {
    static func read(_ text: String, file: String, defaultID: String, markdown: MarkdownOptions) -> (Lecture?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let parts = FrontMatterFields.open(text, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var fields = parts.fields
        let id = fields.string("id") ?? defaultID
        let title = fields.localized("title", required: true)
        let summary = fields.localized("summary")
        var duration: Double?
        if let value = fields.string("duration", required: true) {
            switch Duration.read(value) {
            case let .seconds(seconds): duration = seconds
            case .malformed: fields.invalid(fields.node("duration")!, "duration '\(value)' must be m:ss or h:mm:ss (e.g. 3:40), or a number of seconds (e.g. 220)")
            case .outOfRange:
                fields.outOfRange(fields.node("duration")!, "duration '\(value)' is beyond \(TimeReading.limitText)")
            }
        }
        var videos: [MediaSource] = []
        var embed: PlatformEmbed?
        if let node = fields.node("embed"), let value = fields.string("embed") {
            let location = fields.document.location(of: node)
            switch EmbedURL.read(value) {
            case let .success((url, host)): embed = PlatformEmbed(url: url, host: host, location: location)
            case let .failure(refusal):
                diagnostics.append(.error(.platformEmbed, at: location, "embed '\(value.debugDescription.dropFirst().dropLast())' \(refusal.reason)"))
            }
        }
        let videoNode = fields.node("video")
        if case .sequence? = videoNode {
            let list = fields.stringList("video") ?? []
            if list.isEmpty { fields.invalid(videoNode!, "video is an empty list; give one or more video files (e.g. WebM, then MP4)") }
            for (value, node) in list.prefix(Self.maximumSources) {
                if let source = Self.source(value, at: fields.document.location(of: node), into: &diagnostics) { videos.append(source) }
            }
            if list.count > Self.maximumSources {
                fields.invalid(list[Self.maximumSources].1, "video lists at most \(Self.maximumSources) sources")
            }
        } else if let value = fields.string("video", required: embed == nil && fields.node("embed") == nil) {
            if let source = Self.source(value, at: fields.document.location(of: videoNode!), into: &diagnostics) { videos.append(source) }
        }
        if embed != nil, let videoNode {
            diagnostics.append(.error(
                .platformEmbed, at: fields.document.location(of: videoNode),
                "a lecture shows either a video file (video:) or a platform video (embed:), not both; remove one"))
        }
        let poster = fields.string("poster").flatMap {
            AssetPaths.reference($0, at: fields.document.location(of: fields.node("poster")!), field: "poster", into: &diagnostics)
        }
        let slides = fields.string("slides").flatMap {
            AssetPaths.reference($0, at: fields.document.location(of: fields.node("slides")!), field: "slides", into: &diagnostics)
        }
        var captions: [CaptionTrack] = []
        if var tracks = fields.mapping("captions") {
            for entry in tracks.entries {
                guard case let .scalar(scalar) = entry.value else {
                    tracks.invalid(entry.value, "captions.\(entry.key) must be the path of a .vtt file")
                    continue
                }
                if let reference = AssetPaths.reference(scalar.string, at: fields.document.location(of: entry.value), field: "captions.\(entry.key)", into: &diagnostics) {
                    captions.append(CaptionTrack(language: entry.key, file: reference))
                }
            }
            fields.absorb(tracks)
        }
        let course = fields.string("course")
        let modules = ReferenceFields.modules(&fields)
        let claims = ReferenceFields.competencies(&fields, into: &diagnostics)
        fields.finish()
        diagnostics += fields.diagnostics

        let transcript = MarkdownParser.parseTranscript(parts.body, options: markdown, file: file, firstLine: parts.bodyLine, timecodes: true)
        diagnostics += transcript.diagnostics
        if let duration {
            var previous = -1.0
            for code in transcript.timecodes {
                if code.seconds > duration {
                    diagnostics.append(.error(.invalidTimestamp, at: SourceLocation(file: file, line: code.line, column: 1), "time code \(Lecture.clock(code.seconds)) is beyond the lecture's duration \(Lecture.clock(duration))"))
                } else if code.seconds < previous {
                    diagnostics.append(.error(.invalidTimestamp, at: SourceLocation(file: file, line: code.line, column: 1), "time code \(Lecture.clock(code.seconds)) comes before the previous one; keep the transcript in time order"))
                }
                previous = max(previous, code.seconds)
            }
        }
        guard let title, let duration, !videos.isEmpty || embed != nil else { return (nil, diagnostics) }
        let lecture = Lecture(
            id: id, title: title, summary: summary, duration: duration, videos: embed == nil ? videos : [], embed: embed, poster: poster, captions: captions,
            slides: slides, courseID: course, modules: modules, claims: claims, transcript: transcript.text,
            location: SourceLocation(file: file, line: 1, column: 1))
        return (lecture, diagnostics)
    }
}

extension LectureReader {
    /// Sources a `video:` list may name.
    static let maximumSources = 8

    /// One source of `video:`: an https URL, or a content file.
    static func source(_ value: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> MediaSource? {
        if value.hasPrefix("https://") || value.hasPrefix("HTTPS://") {
            guard URLPolicy.isPlainWebURL(value) else {
                diagnostics.append(.error(.unsafeLink, at: location, "video '\(value.debugDescription.dropFirst().dropLast())' is not a usable https URL: percent-encode spaces, quotes, '<', '>' and '\\'"))
                return nil
            }
            return .remote(value)
        }
        return AssetPaths.reference(value, at: location, field: "video", into: &diagnostics).map(MediaSource.file)
    }
}

/// Paths that content gives to files of the content folder.
enum AssetPaths {
    /// A reference to a content file, or a CM323 diagnostic for a path that would leave the content folder.
    /// A value with a URL scheme (as a browser reads it, e.g. `javascript:`, ` JaVaScRiPt:`, `java\tscript:`)
    /// is a CM305 diagnostic: these fields take content paths only.
    static func reference(_ path: String, at location: SourceLocation, field: String, into diagnostics: inout [Diagnostic]) -> AssetReference? {
        if URLPolicy.hasScheme(path) {
            diagnostics.append(.error(
                .unsafeLink, at: location,
                "\(field) '\(path.debugDescription.dropFirst().dropLast())' is a URL with a scheme; \(field) takes a path inside the content folder (e.g. lectures/media/x.webm)\(field == "video" ? " or an https URL" : "")"))
            return nil
        }
        guard let normalised = ContentPath.normalise(path) else {
            diagnostics.append(.error(
                .unsafeAssetPath, at: location,
                "\(field) '\(path)' must be a path inside the content folder, from its top (e.g. lectures/media/x.webm): no '..', no absolute path"))
            return nil
        }
        return AssetReference(path: normalised, location: location)
    }
}

/// Fields that lectures and resources share with modules.
enum ReferenceFields {
    /// `modules: [id, …]`
    static func modules(_ fields: inout FieldReader) -> [ModuleReference] {
        (fields.stringList("modules") ?? []).map { id, node in
            ModuleReference(moduleID: id, location: fields.document.location(of: node))
        }
    }

    /// `competencies: {reference: I|R|M}`; with `statedHours` (modules) also `reference: {level: M, hours: 4}`.
    static func competencies(_ fields: inout FieldReader, statedHours: Bool = false, into diagnostics: inout [Diagnostic]) -> [CompetencyClaim] {
        guard var competencies = fields.mapping("competencies") else { return [] }
        var claims: [CompetencyClaim] = []
        for entry in competencies.entries {
            guard let competency = CompetencyID(parsing: entry.key) else {
                diagnostics.append(.error(
                    .malformedReference, at: entry.keyLocation,
                    "'\(entry.key)' is not a competency reference; write framework:level:code (e.g. b2b-data:中级:1.1.1) or framework:code"))
                continue
            }
            if statedHours, case let .mapping(mapping) = entry.value {
                var mapped = FieldReader(document: competencies.document, mapping: mapping, location: competencies.document.location(of: entry.value))
                mapped.prefix = competencies.prefix + entry.key + "."
                let level = mapped.choice("level", required: true, as: MappingLevel.self)
                let hours = mapped.amount("hours", maximum: NumberBounds.maximumHours)
                mapped.finish(known: ["level", "hours"])
                diagnostics += mapped.diagnostics
                guard let level else { continue }
                claims.append(CompetencyClaim(competency: competency, level: level, hours: hours, location: entry.keyLocation))
                continue
            }
            if !statedHours, case .mapping = entry.value {
                competencies.invalid(
                    entry.value,
                    "mapping of '\(entry.key)' must be its level alone (I, R or M): only a module's mapping states hours "
                        + "(docs/coverage.md §4.1)")
                continue
            }
            guard case let .scalar(scalar) = entry.value, let level = MappingLevel(rawValue: scalar.string) else {
                competencies.invalid(
                    entry.value,
                    "mapping level of '\(entry.key)' must be I (introduced), R (reinforced) or M (mastered)"
                        + (statedHours ? ", or {level: M, hours: 4} with the hours the module spends on it" : ""))
                continue
            }
            claims.append(CompetencyClaim(competency: competency, level: level, location: entry.keyLocation))
        }
        fields.absorb(competencies)
        return claims
    }
}
