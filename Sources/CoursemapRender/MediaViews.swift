/// Page contexts for micro-lectures and the resource library.

struct LecturePage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let summary: String?
    var summaryLang: String? = nil
    let duration: String
    /// The first source: the transcript's time codes and the fallback link point at it (`nil` with an embed).
    let videoSource: String?
    /// Every source, in the order the player tries them.
    let sources: [VideoSourceView]
    let embed: EmbedView?
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
    /// The track's cues, carried in the page for `media.js` to add when the browser refuses the file.
    let cues: [CueView]
}

/// One caption cue in the page: seconds as decimal text, the cue's text as plain text.
struct CueView: Sendable, Encodable {
    let start: String
    let end: String
    let text: String
}

/// One `<source>` of the lecture's video.
struct VideoSourceView: Sendable, Encodable {
    let src: String
    let type: String?
}

/// A platform video shown in a sandboxed frame.
struct EmbedView: Sendable, Encodable {
    let src: String
    let host: String
    let title: String
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
    /// The file is a PDF: the page links to it for the browser's own viewer as well as for download.
    let opensInBrowser: Bool
    /// The first rows of a CSV data set.
    let preview: PreviewView?
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
    /// The `lang` of the data set's cells (written in the site's language) when it is not the page's.
    var previewLang: String? = nil
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
    /// The video's URL, as the player has it (`SitePaths.downloadURL` or a checked https URL); `nil` for a
    /// lecture showing a platform video, whose time codes are plain text.
    let video: String?
    let time: String
    let clock: String
}

/// The head of a CSV data set as the resource page shows it.
struct PreviewView: Sendable, Encodable {
    let header: [CellView]
    let rows: [PreviewRow]
    let shownRows: Int
    let rowCount: Int
    /// Every data row is shown ("all 6 data rows" rather than "the first 6 of 6").
    let allRows: Bool
    /// More columns in the file than the preview shows.
    let columnsCut: Bool
    let shownColumns: Int
    let columnCount: Int
}

struct PreviewRow: Sendable, Encodable {
    let cells: [CellView]
}

/// One cell of a preview, plain text (the template escapes it: `=HYPERLINK(…)` stays text).
struct CellView: Sendable, Encodable {
    let text: String
}
