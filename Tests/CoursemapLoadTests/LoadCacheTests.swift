import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

/// `serve`'s reloads: only changed files are parsed again, and the folder is listed again only when the
/// changed paths may have changed the list of files.
@Suite("Content loader: reloads with a cache")
struct LoadCacheTests {
    /// A content folder on disk, and a source over it that counts how often it is listed.
    final class Folder {
        let root: URL
        let listings = Locked(0)
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-cache-\(UUID().uuidString)")
            for (path, text) in baseContent.merging(["courses/c/m1.md": module("title: 一\norder: 1\nhours: 1")]) { a, _ in a } {
                try write(path, text)
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        var source: ContentSource {
            var source = ContentSource.directory(root)
            let list = source.listFiles
            let counter = listings
            source.listFiles = {
                counter.withLock { $0 += 1 }
                return try list()
            }
            return source
        }

        /// Loads with `cache` and returns the module titles (zh) and whether the folder was listed.
        func load(_ cache: inout LoadCache, changed: Set<String>?) -> (titles: [String], listed: Bool) {
            let before = listings.withLock { $0 }
            let content = ContentLoader(source: source).load(reusing: &cache, changed: changed)
            return (content.modules.map(\.title.zh).sorted(), listings.withLock { $0 } > before)
        }
    }

    @Test("an edited file is read again without listing the folder; a temporary file that is gone again is ignored")
    func editKeepsListing() throws {
        let folder = try Folder()
        var cache = LoadCache()
        #expect(folder.load(&cache, changed: nil) == (["一"], true))
        try folder.write("courses/c/m1.md", module("title: 一改\norder: 1\nhours: 1"))
        #expect(folder.load(&cache, changed: ["courses/c/m1.md"]) == (["一改"], false))
        try folder.write("courses/c/m1.md", module("title: 一再改\norder: 1\nhours: 1"))
        #expect(folder.load(&cache, changed: ["courses/c/m1.md", "courses/c/sedA1B2C3"]) == (["一再改"], false))
    }

    @Test("a file's first bytes are read again only when it changed, and a file that became markup is refused")
    func sniffOnlyChanged() throws {
        let folder = try Folder()
        try folder.write("datasets/notes.txt", "plain text\n")
        try folder.write("datasets/other.csv", "a,b\n1,2\n")
        let heads = Locked<[String]>([])
        var source = folder.source
        let head = source.head
        source.head = { path, count in
            heads.withLock { $0.append(path) }
            return head(path, count)
        }
        var cache = LoadCache()
        var content = ContentLoader(source: source).load(reusing: &cache, changed: nil)
        #expect(heads.withLock { $0 }.contains("datasets/notes.txt"))
        #expect(content.activeFiles.isEmpty)
        heads.withLock { $0.removeAll() }
        try folder.write("datasets/notes.txt", "\u{0B}<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></h:html>")
        content = ContentLoader(source: source).load(reusing: &cache, changed: ["datasets/notes.txt"])
        #expect(heads.withLock { $0 } == ["datasets/notes.txt"])
        #expect(content.activeFiles["datasets/notes.txt"] != nil)
        // An edit elsewhere keeps the verdict without reading the file again: only the edited file is read.
        heads.withLock { $0.removeAll() }
        content = ContentLoader(source: source).load(reusing: &cache, changed: ["courses/c/m1.md"])
        #expect(heads.withLock { $0 } == ["courses/c/m1.md"])
        #expect(content.activeFiles["datasets/notes.txt"] != nil)
    }

    @Test("a new file, a removed file, a folder moved away or a path that is now a folder: listed again")
    func listingChanges() throws {
        let folder = try Folder()
        var cache = LoadCache()
        _ = folder.load(&cache, changed: nil)

        try folder.write("courses/c/m2.md", module("title: 二\norder: 2\nhours: 1"))
        #expect(folder.load(&cache, changed: ["courses/c/m2.md"]) == (["一", "二"], true))

        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("courses/c/m1.md"))
        #expect(folder.load(&cache, changed: ["courses/c/m1.md"]) == (["二"], true))

        try folder.write("courses/d/course.md", baseContent["courses/c/course.md"]!)
        try folder.write("courses/d/m3.md", module("title: 三\norder: 1\nhours: 1"))
        #expect(folder.load(&cache, changed: ["courses/d", "courses/d/course.md", "courses/d/m3.md"]) == (["三", "二"], true))
        try FileManager.default.moveItem(at: folder.root.appendingPathComponent("courses/d"), to: folder.root.appendingPathComponent("moved-away"))
        try FileManager.default.removeItem(at: folder.root.appendingPathComponent("moved-away"))
        #expect(folder.load(&cache, changed: ["courses/d"]) == (["二"], true))

        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("courses/c/m4.md"), withIntermediateDirectories: true)
        #expect(folder.load(&cache, changed: ["courses/c/m4.md"]).listed)
    }

    @Test("a cached load equals a fresh load of the same files")
    func equalsFreshLoad() throws {
        let folder = try Folder()
        var cache = LoadCache()
        _ = folder.load(&cache, changed: nil)
        try folder.write("courses/c/m1.md", module("title: 一改\norder: 1\nhours: 2", body: "## 新\n\n正文"))
        let cached = ContentLoader(source: folder.source).load(reusing: &cache, changed: ["courses/c/m1.md"])
        let fresh = ContentLoader(source: folder.source).load()
        #expect(cached.modules == fresh.modules)
        #expect(cached.files == fresh.files)
        #expect(cached.diagnostics.items == fresh.diagnostics.items)
    }
}
