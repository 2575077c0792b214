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
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, kind: ResourceKind, description: LocalizedText? = nil, license: String? = nil,
        courseID: String? = nil, modules: [ModuleReference] = [], claims: [CompetencyClaim] = [], file: AssetReference? = nil,
        fileSize: Int? = nil, document: RichText? = nil, location: SourceLocation
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
