import CoursemapModel
import Foundation

/// The load stage's only door to the file system: list the files under the content root and read one.
/// A struct of closures, so tests can hand in an in-memory tree.
public struct ContentSource: Sendable {
    /// Every regular file under the root, as `/`-separated paths relative to it, sorted; hidden files and
    /// folders (names starting with `.`) left out. Links that lead outside the root are reported in
    /// `escapes` and never listed.
    public var listFiles: @Sendable () throws -> (files: [String], escapes: [String])
    public var read: @Sendable (_ relativePath: String) throws -> [UInt8]
    /// The size in bytes of a file, without reading it.
    public var size: @Sendable (_ relativePath: String) -> Int?

    public init(
        listFiles: @escaping @Sendable () throws -> (files: [String], escapes: [String]),
        read: @escaping @Sendable (String) throws -> [UInt8],
        size: (@Sendable (String) -> Int?)? = nil
    ) {
        self.listFiles = listFiles
        self.read = read
        self.size = size ?? { path in (try? read(path))?.count }
    }

    /// Files in memory, keyed by relative path.
    public static func memory(_ files: [String: String]) -> ContentSource {
        ContentSource(
            listFiles: { (files.keys.sorted(), []) },
            read: { path in
                guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return Array(text.utf8)
            })
    }

    /// The directory at `root` on disk.
    public static func directory(_ root: URL) -> ContentSource {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        return ContentSource(
            listFiles: { try DirectoryWalk.files(under: root) },
            read: { path in Array(try Data(contentsOf: root.appendingPathComponent(path))) },
            size: { path in
                (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.size] as? Int
            })
    }
}

/// Walks a directory tree without following links that leave it.
enum DirectoryWalk {
    static func files(under root: URL) throws -> (files: [String], escapes: [String]) {
        var files: [String] = []
        var escapes: [String] = []
        let manager = FileManager.default
        let rootPath = root.path
        func walk(_ relative: String) throws {
            let absolute = relative.isEmpty ? rootPath : rootPath + "/" + relative
            for name in try manager.contentsOfDirectory(atPath: absolute).sorted() where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = rootPath + "/" + childRelative
                let attributes = try manager.attributesOfItem(atPath: childAbsolute)
                var type = attributes[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    let target = URL(fileURLWithPath: childAbsolute).resolvingSymlinksInPath().path
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        escapes.append(childRelative)
                        continue
                    }
                    var isDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: target, isDirectory: &isDirectory) else { continue }
                    type = isDirectory.boolValue ? .typeDirectory : .typeRegular
                    if isDirectory.boolValue { continue }  // linked folders would be read twice
                }
                if type == .typeDirectory {
                    try walk(childRelative)
                } else if type == .typeRegular {
                    files.append(childRelative)
                }
            }
        }
        try walk("")
        return (files.sorted(), escapes.sorted())
    }
}
