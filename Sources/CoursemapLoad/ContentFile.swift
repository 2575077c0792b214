import CoursemapModel

/// A file of the content tree and what Coursemap takes it to be, from its place and extension.
struct ContentFile: Sendable {
    enum Kind: Sendable, Equatable {
        case config
        case framework
        /// A 1EdTech CASE package (`frameworks/<id>.case.json`).
        case caseFramework
        case course(String)
        case module(String)
        case theme(String)
        case unknown(String)
        case misplaced(String)
        /// Read by people, not by Coursemap (a README at the top).
        case ignored
        /// An exercise bank: Coursemap XML, Moodle XML or a QTI 2.1 item, told apart by the root element.
        case exercise
        /// A sidecar of an imported bank.
        case sidecar
        /// A data or media file that content may refer to (datasets, videos, posters, slides, resource files).
        case asset
        /// A micro-lecture.
        case lecture
        /// A WebVTT caption file.
        case captions
        /// A sidecar describing a library resource (`NAME.EXT.yml` beside `NAME.EXT`).
        case resourceSidecar
        /// A Markdown document of the resource library.
        case resourceDocument
        /// A file whose path holds a control character (see `ControlCharacters`): refused (CM108), never read
        /// or published.
        case unsafeName(Unicode.Scalar)
    }

    var path: String
    var kind: Kind

    /// The file name without its extension.
    var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    static func classify(_ path: String) -> ContentFile {
        if let scalar = ControlCharacters.firstUnsafe(in: path) { return ContentFile(path: path, kind: .unsafeName(scalar)) }
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last ?? path
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        let kind: Kind
        switch (parts.first, parts.count) {
        case ("coursemap.yml", 1):
            kind = .config
        case ("theme", _) where parts.count > 1:
            kind = .theme(parts.dropFirst().joined(separator: "/"))
        case ("frameworks", 2) where ext == "xml":
            kind = .framework
        case ("frameworks", 2) where name.lowercased().hasSuffix(".case.json"):
            kind = .caseFramework
        case ("courses", 2):
            kind = .misplaced("files directly under courses/ belong in a course folder: courses/<course-id>/\(name)")
        case ("courses", 3) where name == "course.md":
            kind = .course(parts[1])
        case ("courses", 3) where (ext == "md" || ext == "xml") && name.lowercased() != "course.md":
            kind = .module(parts[1])
        case ("exercises", _) where parts.count > 1 && ext == "xml":
            kind = .exercise
        case ("exercises", _) where parts.count > 1 && (name == "bank.yml" || name.hasSuffix(".bank.yml")):
            kind = .sidecar
        case ("lectures", 2) where ext == "md":
            kind = .lecture
        case ("lectures", _) where parts.count > 1 && ext == "vtt", ("resources", _) where parts.count > 1 && ext == "vtt":
            kind = .captions
        case ("resources", _) where parts.count > 1 && ext == "md":
            kind = .resourceDocument
        case ("resources", _) where parts.count > 1 && ext == "yml", ("datasets", _) where parts.count > 1 && ext == "yml":
            kind = .resourceSidecar
        case ("datasets", _) where parts.count > 1, ("lectures", _) where parts.count > 2, ("resources", _) where parts.count > 1:
            kind = .asset
        case (_, 1) where name.lowercased().hasPrefix("readme"):
            kind = .ignored
        default:
            kind = .unknown("Coursemap does not read this kind of file here (see docs/content.md for the layout)")
        }
        return ContentFile(path: path, kind: kind)
    }
}
