/// Page contexts for micro-lectures and the resource library.

struct LecturePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let summary: String?
    let duration: String
    let videoSource: String
    let videoType: String?
    let poster: String?
    let tracks: [TrackView]
    let slidesHref: String?
    let courseHref: String?
    let courseTitle: String?
    let partOf: [LinkView]
    let competencies: [CompetencyLevelItem]
    var transcript: String
}

struct TrackView: Sendable, Encodable {
    let src: String
    let language: String
    let label: String
    let isDefault: Bool
}

struct LinkView: Sendable, Encodable {
    let href: String
    let text: String
    let detail: String?
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
    /// The full ids of its competencies, for the competency filter (matched as text).
    let competencies: String
    /// The same competencies as students read them.
    let codes: [CompetencyCode]
}

/// A competency named in a list where its statement does not fit: its short code (`3.2.1`), with the full
/// id and the statement for the tooltip.
struct CompetencyCode: Sendable, Encodable {
    let href: String
    let code: String
    let reference: String
    let statement: String
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
