/// A micro-lecture (微课): a short video with captions, a transcript and optional slides, from
/// `Content/lectures/<id>.md`.
public struct Lecture: Hashable, Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    /// Length in seconds, as declared in the front matter.
    public var duration: Double
    /// The video's sources in the order the player tries them (e.g. WebM, then MP4); empty when the lecture
    /// shows a platform video (`embed`) instead.
    public var videos: [MediaSource]
    /// A platform video (学校视频平台, Bilibili …) shown in a frame instead of a video file.
    public var embed: PlatformEmbed?
    public var poster: AssetReference?
    public var captions: [CaptionTrack]
    public var slides: AssetReference?
    public var courseID: String?
    /// Modules the lecture is part of (ids within `courseID`), with where each is named.
    public var modules: [ModuleReference]
    public var claims: [CompetencyClaim]
    /// The transcript; time-coded paragraphs carry `data-time` links that seek the video.
    public var transcript: RichText
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, summary: LocalizedText? = nil, duration: Double, videos: [MediaSource],
        embed: PlatformEmbed? = nil, poster: AssetReference? = nil, captions: [CaptionTrack] = [], slides: AssetReference? = nil, courseID: String? = nil,
        modules: [ModuleReference] = [], claims: [CompetencyClaim] = [], transcript: RichText, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.duration = duration
        self.videos = videos
        self.embed = embed
        self.poster = poster
        self.captions = captions
        self.slides = slides
        self.courseID = courseID
        self.modules = modules
        self.claims = claims
        self.transcript = transcript
        self.location = location
    }

    /// Whole minutes and seconds, `m:ss`.
    public var durationText: String { Lecture.clock(duration) }

    /// `m:ss` or `h:mm:ss`; total on every `Double`: a value outside 0 ... 10^15 (or NaN) is shown as
    /// `--:--`, which only a model built without the readers' bounds can hold.
    public static func clock(_ seconds: Double) -> String {
        guard seconds >= 0, let total = NumberText.rounded(seconds) else { return "--:--" }
        let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60)
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(pad(m)):\(pad(s))" : "\(m):\(pad(s))"
    }
}

/// Where a video comes from: a file of the content folder, or an https URL.
public enum MediaSource: Hashable, Sendable, Codable {
    case file(AssetReference)
    case remote(String)
}

/// A platform video page to show in a frame: an `https` URL whose host `coursemap.yml` allows
/// (`media.embed_hosts`). The load stage checks the URL's form, the resolve stage the host.
public struct PlatformEmbed: Hashable, Sendable, Codable {
    /// The URL as written, already checked: `https://`, a lower-case host of letters, digits, `-` and `.`,
    /// no user, no port, nothing a browser would read differently.
    public var url: String
    /// The URL's host, e.g. `player.bilibili.com`.
    public var host: String
    public var location: SourceLocation

    public init(url: String, host: String, location: SourceLocation) {
        self.url = url
        self.host = host
        self.location = location
    }
}

/// A reference from content to a file of the content folder (a video, a caption file, slides, a dataset):
/// its path from the content root and where the reference is written.
public struct AssetReference: Hashable, Sendable, Codable {
    public var path: String
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// A WebVTT caption file for one language.
public struct CaptionTrack: Hashable, Sendable, Codable {
    /// BCP 47, e.g. `zh-CN`, `en`.
    public var language: String
    public var file: AssetReference
    /// The file's cues, attached by the resolve stage from the parsed file, so the lecture page can carry
    /// them for browsers that refuse to load the track (Chromium from `file://`).
    public var cues: [CaptionFile.Cue]
    /// The most cues a lecture page carries per language (about four hours of captions); a file with more
    /// is reported (CM320) and its page carries the first ones.
    public static let maximumPageCues = 5000

    public init(language: String, file: AssetReference, cues: [CaptionFile.Cue] = []) {
        self.language = language
        self.file = file
        self.cues = cues
    }
}

/// A module named by id from a lecture or resource.
public struct ModuleReference: Hashable, Sendable, Codable {
    public var moduleID: String
    public var location: SourceLocation

    public init(moduleID: String, location: SourceLocation) {
        self.moduleID = moduleID
        self.location = location
    }
}

/// A parsed WebVTT file: its cues in file order.
public struct CaptionFile: Hashable, Sendable, Codable {
    public struct Cue: Hashable, Sendable, Codable {
        public var start: Double
        public var end: Double
        public var text: String
        public var line: Int

        public init(start: Double, end: Double, text: String, line: Int) {
            self.start = start
            self.end = end
            self.text = text
            self.line = line
        }
    }

    public var path: String
    public var cues: [Cue]

    public init(path: String, cues: [Cue]) {
        self.path = path
        self.cues = cues
    }
}
