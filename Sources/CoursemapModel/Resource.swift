/// A resource of the library: 教学课件, 教学录像, 实训数据, 培训标准 or another document. Either a file
/// described by a sidecar (`NAME.EXT.yml` beside `NAME.EXT`), or a Markdown document with front matter.
public struct Resource: Hashable, Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var kind: ResourceKind
    public var description: LocalizedText?
    public var license: String?
    public var courseID: String?
    public var modules: [ModuleReference]
    public var claims: [CompetencyClaim]
    /// The file, for file resources.
    public var file: AssetReference?
    /// Size in bytes of `file`.
    public var fileSize: Int?
    /// The body, for document resources.
    public var document: RichText?
    /// The first rows of a CSV data set, read by the load stage (`nil` for other files, or when the file
    /// cannot be previewed — a CM332 warning says why).
    public var preview: TablePreview?
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, kind: ResourceKind, description: LocalizedText? = nil, license: String? = nil,
        courseID: String? = nil, modules: [ModuleReference] = [], claims: [CompetencyClaim] = [], file: AssetReference? = nil,
        fileSize: Int? = nil, document: RichText? = nil, preview: TablePreview? = nil, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.description = description
        self.license = license
        self.courseID = courseID
        self.modules = modules
        self.claims = claims
        self.file = file
        self.fileSize = fileSize
        self.document = document
        self.preview = preview
        self.location = location
    }

    /// The file type shown to people, from the file's extension (`PDF`, `CSV` …).
    public var fileType: String? {
        guard let path = file?.path, let dot = path.lastIndex(of: ".") else { return nil }
        return path[path.index(after: dot)...].uppercased()
    }
}

/// The kinds of the resource library, as the 资源库 names them.
public enum ResourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    case lecture
    case slides
    case recording
    case dataset
    case standard
    case document

    public var name: LocalizedText {
        switch self {
        case .lecture: return LocalizedText(zh: "微课", en: "Micro-lectures")
        case .slides: return LocalizedText(zh: "教学课件", en: "Slides")
        case .recording: return LocalizedText(zh: "教学录像", en: "Recordings")
        case .dataset: return LocalizedText(zh: "实训数据", en: "Datasets")
        case .standard: return LocalizedText(zh: "培训标准", en: "Training standards")
        case .document: return LocalizedText(zh: "文档", en: "Documents")
        }
    }
}

/// The head of a CSV file, bounded for a page: at most `maximumRows` rows of at most `maximumColumns` cells,
/// each cut to `maximumCellCharacters` characters. Cells are plain text (a page escapes them).
public struct TablePreview: Hashable, Sendable, Codable {
    /// Rows shown under the header.
    public static let maximumRows = 20
    /// Columns shown; the rest are counted in `columnCount`.
    public static let maximumColumns = 12
    /// Characters of a cell shown; a longer cell ends in `…`.
    public static let maximumCellCharacters = 200
    /// Files larger than this are not previewed (CM332), so a build never reads a huge file whole.
    public static let maximumBytes = 8 * 1024 * 1024

    /// The first row, cut to `maximumColumns` cells.
    public var header: [String]
    /// The next rows (at most `maximumRows`), each padded or cut to the header's shown width.
    public var rows: [[String]]
    /// Data rows in the whole file (the header not counted).
    public var rowCount: Int
    /// Columns of the header row in the file.
    public var columnCount: Int

    public init(header: [String], rows: [[String]], rowCount: Int, columnCount: Int) {
        self.header = header
        self.rows = rows
        self.rowCount = rowCount
        self.columnCount = columnCount
    }
}
