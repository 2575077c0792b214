/// Page contexts for micro-lectures and the resource library.

struct LecturePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let summary: String?
    var summaryLang: String? = nil
    let duration: String
    let videoSource: String
    let videoType: String?
    let poster: String?
    let tracks: [TrackView]
    let slidesHref: String?
    let courseHref: String?
    let courseTitle: String?
    var courseTitleLang: String? = nil
    let partOf: [LinkView]
    let competencies: [CompetencyLevelItem]
    var transcript: String
    /// The language of the transcript when it is not the page's (see `BodyLanguage`).
    var transcriptLang: BodyLanguage? = nil
}

struct TrackView: Sendable, Encodable {
    let src: String
    let language: String
    let label: String
    let isDefault: Bool
    /// The `lang` of `label` (a language's own name, "中文" or "English") when it is not the page's language.
    var labelLang: String? = nil
}

struct LinkView: Sendable, Encodable {
    let href: String
    let text: String
    let detail: String?
    /// The `lang` of `text` and of `detail` when they are not the page's language.
    var textLang: String? = nil
    var detailLang: String? = nil
}

struct ResourcePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let kindName: String
    let description: BiText?
    let license: String?
    let downloadHref: String?
    let fileType: String?
    let fileSize: String?
    let courseHref: String?
    let courseTitle: String?
    let partOf: [LinkView]
    let competencies: [CompetencyLevelItem]
    let document: String?
    let toc: [TocItem]
    var courseTitleLang: String? = nil
    /// The language of the document when it is not the page's (see `BodyLanguage`).
    var documentLang: BodyLanguage? = nil
}

struct LibraryPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: String
    let kinds: [FilterOption]
    let courses: [FilterOption]
    let areas: [FilterOption]
    let entries: [LibraryEntry]
}

struct FilterOption: Sendable, Encodable {
    let value: String
    let label: String
    let count: Int
}

/// One row of the library: a lecture or a resource, with the data the filters read.
struct LibraryEntry: Sendable, Encodable {
    let href: String
    let title: BiText
    let kind: String
    let kindName: String
    let detail: String
    let course: String
    let courseTitle: String?
    let areas: String
    let competencies: String
}

/// Lectures and resources of a module, a course, or a competency.
struct RelatedMedia: Sendable, Encodable {
    let lectures: [LinkView]
    let resources: [LinkView]
}

/// A lecture or resource shown inside a module.
struct MediaCard: Sendable, Encodable {
    let ui: UIText
    let href: String
    let title: BiText
    let kindName: String
    let detail: String
    let poster: String?
}

/// A transcript's time-code link: without JavaScript it opens the video itself at that time (a media
/// fragment, `VIDEO#t=80`); `media.js` seeks the player instead.
struct TimeCodeLink: Sendable, Encodable {
    /// The video's URL, as the player has it (`SitePaths.downloadURL` or a checked https URL).
    let video: String
    let time: String
    let clock: String
}
