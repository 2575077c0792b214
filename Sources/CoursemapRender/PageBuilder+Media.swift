import CoursemapModel
import Foundation

/// Pages of micro-lectures, resources and the library.
extension PageBuilder {
    func lecture(_ lecture: Lecture) -> LecturePage {
        let page = SitePaths.lecture(lecture.id)
        let root = SitePaths.root(from: page)
        let sources = lecture.videos.map { video -> VideoSourceView in
            switch video {
            case let .file(reference): return VideoSourceView(src: root + shared + SitePaths.downloadURL(reference.path), type: Self.videoType(reference.path))
            case let .remote(url): return VideoSourceView(src: url, type: Self.videoType(url))
            }
        }
        let defaultTrack = Self.defaultTrack(lecture.captions.map(\.language), for: language)
        let tracks = lecture.captions.enumerated().map { index, track in
            TrackView(
                src: root + shared + SitePaths.downloadURL(track.file.path), language: track.language,
                label: Self.languageName(track.language), isDefault: index == defaultTrack, labelLang: nameLang(track.language),
                cues: track.cues.prefix(CaptionTrack.maximumPageCues).map { cue in
                    CueView(start: NumberText.plain(cue.start), end: NumberText.plain(cue.end), text: cue.text)
                })
        }
        let embed = lecture.embed.map { EmbedView(src: $0.url, host: $0.host, title: plain(lecture.title)) }
        return LecturePage(
            chrome: chrome(
                page: page, title: plain(lecture.title),
                crumbs: placeCrumbs(lecture.modules, course: lecture.courseID, title: plain(lecture.title)),
                section: placedSection(lecture.modules, course: lecture.courseID),
                frameHost: lecture.embed?.host),
            ui: ui, title: text(lecture.title), summary: lecture.summary.map(plain), summaryLang: lang(of: lecture.summary), duration: lecture.durationText,
            videoSource: sources.first?.src, sources: sources, embed: embed,
            poster: lecture.poster.map { root + shared + SitePaths.downloadURL($0.path) }, tracks: tracks,
            slidesHref: lecture.slides.map { root + shared + SitePaths.downloadURL($0.path) },
            courseHref: lecture.courseID.map { root + SitePaths.course($0) },
            courseTitle: lecture.courseID.flatMap(program.course).map { plain($0.title) },
            courseTitleLang: lang(of: lecture.courseID.flatMap(program.course)?.title),
            partOf: moduleLinks(lecture.modules, course: lecture.courseID, from: page),
            competencies: levelItems(lecture.claims.map { ($0.competency, $0.level) }, from: page),
            // The time-code placeholders become links when the page is rendered (`SiteRenderer.embedded`).
            transcript: lecture.transcript.html, transcriptLang: lecture.transcript.html.isEmpty ? nil : bodyLanguage(of: page))
    }

    /// The index of the caption track a page in `language` turns on: the first in that language (`en`,
    /// `en-GB` …; `zh`, `zh-CN` …), else the first track.
    static func defaultTrack(_ languages: [String], for language: Language) -> Int {
        let prefix = language == .en ? "en" : "zh"
        return languages.firstIndex { code in
            let lower = code.lowercased()
            return lower == prefix || lower.hasPrefix(prefix + "-")
        } ?? 0
    }

    func resource(_ resource: Resource) -> ResourcePage {
        let page = SitePaths.resource(resource.id)
        let root = SitePaths.root(from: page)
        return ResourcePage(
            chrome: chrome(
                page: page, title: plain(resource.title),
                crumbs: placeCrumbs(resource.modules, course: resource.courseID, title: plain(resource.title)),
                section: placedSection(resource.modules, course: resource.courseID)),
            ui: ui, title: text(resource.title), kindName: plain(resource.kind.name), description: resource.description.map(text),
            license: resource.license, downloadHref: resource.file.map { root + shared + SitePaths.downloadURL($0.path) },
            opensInBrowser: resource.fileType == "PDF", preview: resource.preview.map(Self.previewView),
            fileType: resource.fileType, fileSize: resource.fileSize.map(Self.size),
            courseHref: resource.courseID.map { root + SitePaths.course($0) },
            courseTitle: resource.courseID.flatMap(program.course).map { plain($0.title) },
            partOf: moduleLinks(resource.modules, course: resource.courseID, from: page),
            competencies: levelItems(resource.claims.map { ($0.competency, $0.level) }, from: page),
            document: resource.document.map { bodyHTML($0.html) },
            toc: resource.document?.headings.filter { $0.level <= 3 }.map {
                TocItem(anchor: $0.anchor, text: $0.text, nested: $0.level == 3, textLang: bodyTextLang)
            } ?? [],
            courseTitleLang: lang(of: resource.courseID.flatMap(program.course)?.title),
            documentLang: resource.document == nil ? nil : bodyLanguage(of: page),
            previewLang: resource.preview == nil ? nil : bodyTextLang)
    }

    /// A CSV preview for its page; the cells are already bounded by the load stage.
    static func previewView(_ preview: TablePreview) -> PreviewView {
        PreviewView(
            header: preview.header.map(CellView.init), rows: preview.rows.map { PreviewRow(cells: $0.map(CellView.init)) },
            shownRows: preview.rows.count, rowCount: preview.rowCount, allRows: preview.rows.count == preview.rowCount, columnsCut: preview.columnCount > preview.header.count,
            shownColumns: preview.header.count, columnCount: preview.columnCount)
    }

    func library() -> LibraryPage {
        let page = SitePaths.library
        let root = SitePaths.root(from: page)
        func areas(_ claims: [CompetencyClaim]) -> [String] {
            Array(Set(claims.compactMap { claim -> String? in
                guard let competency = program.competencies[claim.competency], competency.id.level != nil else { return nil }
                return "\(competency.id.framework):\(competency.group.code)"
            })).sorted()
        }
        func codes(_ claims: [CompetencyClaim]) -> [CompetencyCode] {
            claims.map { claim in
                CompetencyCode(
                    href: root + SitePaths.competency(claim.competency), code: claim.competency.code, reference: claim.competency.description,
                    statement: program.competencies[claim.competency].map { plain($0.statement) } ?? "")
            }
        }
        var entries: [LibraryEntry] = program.lectures.map { lecture in
            LibraryEntry(
                href: root + SitePaths.lecture(lecture.id), title: text(lecture.title), kind: ResourceKind.lecture.rawValue,
                kindName: plain(ResourceKind.lecture.name), detail: "\(lecture.durationText)",
                course: lecture.courseID ?? "", courseTitle: lecture.courseID.flatMap(program.course).map { plain($0.title) },
                areas: areas(lecture.claims).joined(separator: " "),
                competencies: lecture.claims.map(\.competency.description).joined(separator: " "), codes: codes(lecture.claims))
        }
        entries += program.resources.map { resource in
            LibraryEntry(
                href: root + SitePaths.resource(resource.id), title: text(resource.title), kind: resource.kind.rawValue,
                kindName: plain(resource.kind.name),
                detail: [resource.fileType, resource.fileSize.map(Self.size)].compactMap { $0 }.joined(separator: " · "),
                course: resource.courseID ?? "", courseTitle: resource.courseID.flatMap(program.course).map { plain($0.title) },
                areas: areas(resource.claims).joined(separator: " "),
                competencies: resource.claims.map(\.competency.description).joined(separator: " "), codes: codes(resource.claims))
        }
        let kindCounts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        let areaOptions = program.frameworks.filter { $0.kind == .certificate }.flatMap { framework in
            framework.levels.flatMap { level in
                level.areas.map { area in
                    FilterOption(
                        value: "\(framework.id):\(area.code)", label: "\(area.code) \(plain(area.title))",
                        count: entries.count { $0.areas.split(separator: " ").contains(Substring("\(framework.id):\(area.code)")) })
                }
            }
        }
        return LibraryPage(
            chrome: chrome(page: page, title: ui.library, crumbs: [(nil, ui.library)], section: "library"), ui: ui, title: ui.library,
            kinds: ResourceKind.allCases.compactMap { kind in
                kindCounts[kind.rawValue].map { FilterOption(value: kind.rawValue, label: plain(kind.name), count: $0) }
            },
            courses: program.courses.map { course in
                FilterOption(value: course.id, label: plain(course.title), count: entries.count { $0.course == course.id })
            },
            areas: areaOptions, entries: entries)
    }

    /// Lectures and resources that name a module, a course, or map a competency.
    func related(module: String? = nil, course: String? = nil, competency: CompetencyID? = nil, from page: String) -> RelatedMedia {
        let root = SitePaths.root(from: page)
        func matches(_ modules: [ModuleReference], _ courseID: String?, _ claims: [CompetencyClaim]) -> Bool {
            if let module { return modules.contains { $0.moduleID == module } }
            if let course { return courseID == course }
            if let competency { return claims.contains { $0.competency == competency } }
            return false
        }
        return RelatedMedia(
            lectures: program.lectures.filter { matches($0.modules, $0.courseID, $0.claims) }.map { lecture in
                LinkView(
                    href: root + SitePaths.lecture(lecture.id), text: plain(lecture.title), detail: "\(ui.lectures) · \(lecture.durationText)",
                    textLang: lang(of: lecture.title))
            },
            resources: program.resources.filter { matches($0.modules, $0.courseID, $0.claims) }.map { resource in
                LinkView(href: root + SitePaths.resource(resource.id), text: plain(resource.title), detail: plain(resource.kind.name), textLang: lang(of: resource.title))
            })
    }

    func mediaCard(lecture: Lecture, from page: String) -> MediaCard {
        MediaCard(
            ui: ui, href: SitePaths.root(from: page) + SitePaths.lecture(lecture.id), title: text(lecture.title),
            kindName: plain(ResourceKind.lecture.name), detail: lecture.durationText,
            poster: lecture.poster.map { SitePaths.root(from: page) + shared + SitePaths.downloadURL($0.path) })
    }

    func mediaCard(resource: Resource, from page: String) -> MediaCard {
        MediaCard(
            ui: ui, href: SitePaths.root(from: page) + SitePaths.resource(resource.id), title: text(resource.title),
            kindName: plain(resource.kind.name),
            detail: [resource.fileType, resource.fileSize.map(Self.size)].compactMap { $0 }.joined(separator: " · "), poster: nil)
    }

    private func moduleLinks(_ modules: [ModuleReference], course: String?, from page: String) -> [LinkView] {
        let root = SitePaths.root(from: page)
        return placedModules(modules, course: course).map { place in
            LinkView(
                href: root + SitePaths.module(place.module.id, course: place.course.id), text: plain(place.module.title),
                detail: plain(place.course.title),
                textLang: lang(of: place.module.title), detailLang: lang(of: place.course.title))
        }
    }

    static func videoType(_ path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".webm") { return "video/webm" }
        if lower.hasSuffix(".mp4") || lower.hasSuffix(".m4v") { return "video/mp4" }
        if lower.hasSuffix(".ogv") { return "video/ogg" }
        return nil
    }

    /// The `lang` of `languageName(code)` on this page: a language is named in itself (as the language
    /// switch does), so the name is in another language than the page's when the two differ.
    func nameLang(_ code: String) -> String? {
        let named: Language? = switch code.lowercased() {
        case "zh", "zh-cn", "zh-hans": .zh
        case "en", "en-us", "en-gb": .en
        default: nil
        }
        guard let named, named != language else { return nil }
        return named.rawValue
    }

    static func languageName(_ code: String) -> String {
        switch code.lowercased() {
        case "zh", "zh-cn", "zh-hans": return "中文"
        case "en", "en-us", "en-gb": return "English"
        default: return code
        }
    }

    /// `1.2 MB`, `340 KB`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return "\(Int((Double(bytes) / 1024).rounded())) KB" }
        return "\(bytes) B"
    }
}
