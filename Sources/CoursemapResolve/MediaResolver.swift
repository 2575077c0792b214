import CoursemapModel

/// Resolves micro-lectures and library resources: unique ids, their course and modules, competency
/// claims, and every file they refer to — which must exist, stay within the size limit, and is then
/// published. Caption cues must fall within their lecture's duration.
struct MediaResolver {
    let content: LoadedContent
    let config: SiteConfig
    let courses: Set<String>
    let modulesByCourse: [String: [Module]]
    let references: ReferenceChecker

    private(set) var diagnostics = DiagnosticList()
    /// Content files that pages link to, to be copied into the site.
    private(set) var published = Set<String>()
    private(set) var lectureMappings: [CompetencyID: [LectureMapping]] = [:]
    private(set) var resourceMappings: [CompetencyID: [String]] = [:]

    init(content: LoadedContent, config: SiteConfig, courses: Set<String>, modulesByCourse: [String: [Module]], references: ReferenceChecker) {
        self.content = content
        self.config = config
        self.courses = courses
        self.modulesByCourse = modulesByCourse
        self.references = references
    }

    mutating func resolve() -> (lectures: [Lecture], resources: [Resource]) {
        var lectures = Resolver.unique(content.lectures, id: \.id, location: \.location, what: "lecture", into: &diagnostics)
        for index in lectures.indices {
            var lecture = lectures[index]
            lecture.courseID = checkCourse(lecture.courseID, of: "lecture '\(lecture.id)'", at: lecture.location)
            lecture.modules = checkModules(lecture.modules, course: lecture.courseID)
            lecture.claims = references.check(lecture.claims, into: &diagnostics)
            for case let .file(video) in lecture.videos { publish(video) }
            if let embed = lecture.embed, !config.media.embedHosts.contains(embed.host) {
                let listed = config.media.embedHosts.isEmpty ? "no host is listed" : "listed: " + config.media.embedHosts.joined(separator: ", ")
                diagnostics.append(.error(
                    .platformEmbed, at: embed.location,
                    "embed host '\(embed.host)' is not allowed in coursemap.yml (media: {embed_hosts: [...]}; \(listed)); add it there if the platform is trusted"))
                lecture.embed = nil
            }
            if let poster = lecture.poster { publish(poster) }
            if let slides = lecture.slides { publish(slides) }
            for (index, track) in lecture.captions.enumerated() where publish(track.file) {
                checkCues(track, of: lecture)
                // The page carries the cues too, for browsers that refuse the track file (`file://`).
                let cues = content.captionFiles[track.file.path]?.cues ?? []
                if cues.count > CaptionTrack.maximumPageCues {
                    diagnostics.append(.warning(
                        .invalidCaptions, at: SourceLocation(file: track.file.path, line: cues[CaptionTrack.maximumPageCues].line, column: 1),
                        "more than \(CaptionTrack.maximumPageCues) cues: the lecture page carries the first \(CaptionTrack.maximumPageCues) for browsers that cannot load the file (opened from disk); split the lecture"))
                }
                lecture.captions[index].cues = Array(cues.prefix(CaptionTrack.maximumPageCues))
            }
            for claim in lecture.claims {
                lectureMappings[claim.competency, default: []].append(
                    LectureMapping(lectureID: lecture.id, level: claim.level, minutes: lecture.duration / 60))
            }
            lectures[index] = lecture
        }
        lectures.sort { ($0.courseID ?? "~", $0.id) < ($1.courseID ?? "~", $1.id) }

        var resources = Resolver.unique(content.resources, id: \.id, location: \.location, what: "resource", into: &diagnostics)
        for index in resources.indices {
            var resource = resources[index]
            Resolver.reserved(resource.id, at: resource.location, names: ["index"], page: "the library page", into: &diagnostics)
            resource.courseID = checkCourse(resource.courseID, of: "resource '\(resource.id)'", at: resource.location)
            resource.modules = checkModules(resource.modules, course: resource.courseID)
            resource.claims = references.check(resource.claims, into: &diagnostics)
            if let file = resource.file { publish(file) }
            resources[index] = resource
        }
        let kinds = ResourceKind.allCases
        resources.sort { (kinds.firstIndex(of: $0.kind)!, $0.id) < (kinds.firstIndex(of: $1.kind)!, $1.id) }
        // Mapped after sorting, so every list of a requirement's resources reads kind, then id.
        for resource in resources {
            for claim in resource.claims { resourceMappings[claim.competency, default: []].append(resource.id) }
        }
        return (lectures, resources)
    }

    /// Checks that a referenced file exists and is not too large; records it for publishing. True when it exists.
    @discardableResult
    private mutating func publish(_ reference: AssetReference) -> Bool {
        guard content.files.contains(reference.path) else {
            diagnostics.append(.error(.missingAsset, at: reference.location, "file '\(reference.path)' does not exist in the content folder"))
            return false
        }
        if let reason = content.activeFiles[reference.path] ?? ActiveFile.reason(reference.path) {
            diagnostics.append(ActiveFile.diagnostic(reference.path, reason: reason, at: reference.location))
            return false
        }
        if let size = content.fileSizes[reference.path], size > config.maxAssetBytes {
            let megabytes = { (bytes: Int) in String(bytes / (1024 * 1024)) }
            diagnostics.append(.warning(
                .largeAsset, at: reference.location,
                "'\(reference.path)' is \(megabytes(size)) MB, over the \(megabytes(config.maxAssetBytes)) MB limit (assets.max_size_mb); consider a streaming host and an https URL"))
        }
        published.insert(reference.path)
        return true
    }

    private mutating func checkCues(_ track: CaptionTrack, of lecture: Lecture) {
        guard let captions = content.captionFiles[track.file.path] else { return }
        for cue in captions.cues where cue.end > lecture.duration + 0.5 {
            diagnostics.append(.error(
                .captionsOutsideVideo, at: SourceLocation(file: captions.path, line: cue.line, column: 1),
                "cue ends at \(Lecture.clock(cue.end)), after the end of lecture '\(lecture.id)' (\(lecture.durationText))"))
        }
    }

    private mutating func checkCourse(_ course: String?, of what: String, at location: SourceLocation) -> String? {
        guard let course else { return nil }
        guard courses.contains(course) else {
            let suggestion = courses.sorted().first { EditDistance.between($0, course) <= 2 }.map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(.error(.unknownCourse, at: location, "\(what) belongs to unknown course '\(course)'\(suggestion)"))
            return nil
        }
        return course
    }

    private mutating func checkModules(_ modules: [ModuleReference], course: String?) -> [ModuleReference] {
        modules.filter { reference in
            let candidates = course.map { modulesByCourse[$0] ?? [] } ?? modulesByCourse.values.flatMap { $0 }
            if candidates.contains(where: { $0.id == reference.moduleID }) { return true }
            let scope = course.map { "course '\($0)'" } ?? "any course"
            diagnostics.append(.error(.unknownModule, at: reference.location, "no module '\(reference.moduleID)' in \(scope)"))
            return false
        }
    }
}
