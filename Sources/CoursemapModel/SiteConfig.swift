/// The site configuration from `Content/coursemap.yml`.
public struct SiteConfig: Hashable, Sendable, Codable {
    public var title: LocalizedText
    /// The name of the program (专业) the portal serves.
    public var program: LocalizedText?
    public var language: Language
    /// Absolute base URL of the published portal, ending in `/`; canonical links use it.
    public var baseURL: String?
    /// The scopes coverage is reported on; empty means every scope of every framework.
    public var reports: [FrameworkScope]
    /// Where each entry of `reports` is written, for diagnostics.
    public var reportLocations: [FrameworkScope: SourceLocation]
    public var markdown: MarkdownOptions
    /// How HTML imported from Moodle and QTI is treated (`imports:`).
    public var imports: ImportOptions
    /// How Moodle and QTI items that cannot be imported are treated (`interop:`).
    public var interop: InteropOptions
    /// Files larger than this are reported (CM324); videos usually belong on a streaming host instead.
    public var maxAssetBytes: Int
    /// How coverage status is decided (`coverage:`).
    public var coverageRules: CoverageRules
    /// Conditions that fail the build (`gates:`).
    public var gates: [CoverageGate]
    /// Lecture media options (`media:`).
    public var media: MediaOptions
    public var location: SourceLocation

    public init(
        title: LocalizedText, program: LocalizedText? = nil, language: Language = .zh, baseURL: String? = nil,
        reports: [FrameworkScope] = [], reportLocations: [FrameworkScope: SourceLocation] = [:],
        markdown: MarkdownOptions = MarkdownOptions(), imports: ImportOptions = ImportOptions(), interop: InteropOptions = InteropOptions(),
        maxAssetBytes: Int = 200 * 1024 * 1024,
        coverageRules: CoverageRules = .standard, gates: [CoverageGate] = [], media: MediaOptions = MediaOptions(),
        location: SourceLocation = SourceLocation(file: "coursemap.yml")
    ) {
        self.title = title
        self.program = program
        self.language = language
        self.baseURL = baseURL
        self.reports = reports
        self.reportLocations = reportLocations
        self.markdown = markdown
        self.imports = imports
        self.interop = interop
        self.maxAssetBytes = maxAssetBytes
        self.coverageRules = coverageRules
        self.gates = gates
        self.media = media
        self.location = location
    }
}

/// Lecture media options (`media:` in `coursemap.yml`).
public struct MediaOptions: Hashable, Sendable, Codable {
    /// Hosts whose video pages a lecture may show in a frame (`media.embed_hosts`), lower case, e.g.
    /// `player.bilibili.com`; empty by default, so no page may frame another site.
    public var embedHosts: [String]

    public init(embedHosts: [String] = []) {
        self.embedHosts = embedHosts
    }
}

/// Markdown rendering switches.
public struct MarkdownOptions: Hashable, Sendable, Codable {
    /// Pass raw HTML in Markdown through. Off by default: raw HTML is dropped.
    public var unsafeHTML: Bool

    public init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}

/// Switches for HTML imported from Moodle XML and QTI (`imports:` in `coursemap.yml`).
public struct ImportOptions: Hashable, Sendable, Codable {
    /// Keep images that load from another host (`imports.remote_images: true`). Off by default: such images
    /// are removed with a CM319 warning, because in a student portal they tell that host who opened which
    /// page (tracking pixels).
    public var remoteImages: Bool

    public init(remoteImages: Bool = false) {
        self.remoteImages = remoteImages
    }
}

/// What happens to an imported item Coursemap cannot import (`interop:` in `coursemap.yml`).
public struct InteropOptions: Hashable, Sendable, Codable {
    /// `interop.strict: true`: an imported item that is skipped (an unsupported type or interaction, CM311;
    /// an item that cannot be answered as written, CM314) is an error, so the build stops. Off by default:
    /// such an item is skipped with a warning and the rest of its bank builds.
    public var strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }
}
