/// What the load stage read from `Content/`: every document parsed, nothing cross-checked yet.
public struct LoadedContent: Hashable, Sendable {
    /// `nil` when `coursemap.yml` is missing or unusable (a diagnostic says why).
    public var config: SiteConfig?
    public var frameworks: [Framework]
    public var courses: [Course]
    public var modules: [Module]
    /// Exercise banks: authored, and imported from Moodle XML and QTI.
    public var banks: [ExerciseBank]
    public var lectures: [Lecture]
    public var resources: [Resource]
    /// Parsed WebVTT files, by path.
    public var captionFiles: [String: CaptionFile]
    /// Sizes in bytes of the content folder's files, by path.
    public var fileSizes: [String: Int]
    /// Every file of the content folder (paths relative to it), for checking references to data files.
    public var files: Set<String>
    /// Files that belong to no document kind but are legitimate targets of references (datasets …).
    public var assets: Set<String>
    /// Files a browser would run as a document or script (HTML, SVG, XML, JavaScript … by extension or by
    /// content), with why; the resolve stage refuses to publish them (CM326).
    public var activeFiles: [String: String] = [:]
    /// Folders under `courses/` that hold modules, with the location of their first file; used to report
    /// course folders that lack a `course.md`.
    public var courseFolders: [String: SourceLocation]
    /// Files under `theme/` that override built-in templates and assets, keyed by their path in the theme.
    public var themeFiles: [String: ThemeFile]
    public var diagnostics: DiagnosticList

    public init(
        config: SiteConfig? = nil, frameworks: [Framework] = [], courses: [Course] = [], modules: [Module] = [],
        banks: [ExerciseBank] = [], lectures: [Lecture] = [], resources: [Resource] = [],
        captionFiles: [String: CaptionFile] = [:], fileSizes: [String: Int] = [:],
        files: Set<String> = [], assets: Set<String> = [], courseFolders: [String: SourceLocation] = [:], themeFiles: [String: ThemeFile] = [:],
        diagnostics: DiagnosticList = DiagnosticList()
    ) {
        self.config = config
        self.frameworks = frameworks
        self.courses = courses
        self.modules = modules
        self.banks = banks
        self.lectures = lectures
        self.resources = resources
        self.captionFiles = captionFiles
        self.fileSizes = fileSizes
        self.files = files
        self.assets = assets
        self.courseFolders = courseFolders
        self.themeFiles = themeFiles
        self.diagnostics = diagnostics
    }
}

/// A file of a user's theme override: its bytes and where it came from.
public struct ThemeFile: Hashable, Sendable {
    public var bytes: [UInt8]
    public var location: SourceLocation

    public init(bytes: [UInt8], location: SourceLocation) {
        self.bytes = bytes
        self.location = location
    }
}
