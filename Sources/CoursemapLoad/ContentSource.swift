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
    /// What is at a path now, without following a link (`serve` keeps the last listing when the changed
    /// paths are still plain files, or are gone and were never listed). `.other` when unknown.
    public var entry: @Sendable (_ relativePath: String) -> Entry
    /// The first `count` bytes of a file (fewer when it is shorter), without reading the rest; `nil` when
    /// it cannot be read. Used to recognise published files whose content a browser would run.
    public var head: @Sendable (_ relativePath: String, _ count: Int) -> [UInt8]?

    /// What `entry` finds at a path.
    public enum Entry: Sendable {
        case plainFile, missing, other
    }

    public init(
        listFiles: @escaping @Sendable () throws -> (files: [String], escapes: [String]),
        read: @escaping @Sendable (String) throws -> [UInt8],
        size: (@Sendable (String) -> Int?)? = nil,
        entry: (@Sendable (String) -> Entry)? = nil,
        head: (@Sendable (String, Int) -> [UInt8]?)? = nil
    ) {
        self.listFiles = listFiles
        self.read = read
        self.size = size ?? { path in (try? read(path))?.count }
        self.entry = entry ?? { _ in .other }
        self.head = head ?? { path, count in (try? read(path)).map { Array($0.prefix(count)) } }
    }

    /// Files in memory, keyed by relative path.
    public static func memory(_ files: [String: String]) -> ContentSource {
        ContentSource(
            listFiles: { (files.keys.sorted(), []) },
            read: { path in
                guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return Array(text.utf8)
            },
            entry: { path in files[path] == nil ? .missing : .plainFile })
    }

    /// The directory at `root` on disk.
    public static func directory(_ root: URL) -> ContentSource {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        return ContentSource(
            listFiles: { try DirectoryWalk.files(under: root) },
            read: { path in try FileReading.bytes(atPath: root.path + "/" + path) },
            size: { path in
                var info = stat()
                guard stat(root.path + "/" + path, &info) == 0 else { return nil }
                return Int(info.st_size)
            },
            entry: { path in
                var info = stat()
                guard lstat(root.path + "/" + path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .other }
                return (info.st_mode & S_IFMT) == S_IFREG ? .plainFile : .other
            },
            head: { path, count in
                let descriptor = open(root.path + "/" + path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return nil }
                defer { close(descriptor) }
                var bytes = [UInt8](repeating: 0, count: max(count, 0))
                var filled = 0
                while filled < bytes.count {
                    let got = bytes.withUnsafeMutableBytes { buffer in
                        Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    }
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { break }
                    filled += got
                }
                return Array(bytes.prefix(filled))
            })
    }
}

/// Walks a directory tree without following links that leave it. Reads each folder with `readdir`,
/// whose entry types spare a `stat` per file (only links and file systems that do not report types need one).
enum DirectoryWalk {
    static func files(under root: URL) throws -> (files: [String], escapes: [String]) {
        var files: [String] = []
        var escapes: [String] = []
        let manager = FileManager.default
        let rootPath = root.path
        func walk(_ relative: String) throws {
            let absolute = relative.isEmpty ? rootPath : rootPath + "/" + relative
            for (name, entryType) in try entries(of: absolute) where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = rootPath + "/" + childRelative
                var type = entryType
                if type == DT_UNKNOWN {
                    var info = stat()
                    guard lstat(childAbsolute, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFREG: type = UInt8(DT_REG)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: continue
                    }
                }
                if type == DT_LNK {
                    let target = URL(fileURLWithPath: childAbsolute).resolvingSymlinksInPath().path
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        escapes.append(childRelative)
                        continue
                    }
                    var isDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: target, isDirectory: &isDirectory) else { continue }
                    if isDirectory.boolValue { continue }  // linked folders would be read twice
                    type = UInt8(DT_REG)
                }
                if type == DT_DIR {
                    // A folder whose name is not UTF-8 cannot be opened under the name it was read as: it is
                    // listed as it stands, so the loader reports it (CM108) and the rest is still read.
                    if name.contains("\u{1A}") {
                        files.append(childRelative)
                        continue
                    }
                    try walk(childRelative)
                } else if type == DT_REG {
                    files.append(childRelative)
                }
            }
        }
        try walk("")
        return (files.sorted(), escapes.sorted())
    }

    /// The names and `d_type`s of a folder's entries, sorted by name.
    private static func entries(of path: String) throws -> [(String, UInt8)] {
        guard let directory = opendir(path) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot read the folder \(path): \(String(cString: strerror(errno)))"])
        }
        defer { closedir(directory) }
        var entries: [(String, UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                // A name that is not UTF-8 gets U+001A (SUBSTITUTE) for each byte that is not: it cannot be
                // read back under that name, and the loader refuses it as a name with a control character.
                return String(validating: bytes, as: UTF8.self)
                    ?? String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "\u{1A}")
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries.sorted { $0.0 < $1.0 }
    }
}
