import CoursemapLoad
import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Works out a build's `Provenance` (`docs/coverage.md` §7.1) at the I/O edge:
///
/// - revision: the git commit (and "dirty") when the content folder is in a git work tree, else
///   `sha256:` and 16 hex digits of SHA-256 over the content files, sorted by the bytes of their paths,
///   each as its path, a NUL, its size in decimal, a NUL, its bytes;
/// - build date: `SOURCE_DATE_EPOCH` when set, else the commit time, else the newest modification time of
///   the content files.
///
/// The content files are the files the load stage lists (hidden files and folders left out). `serve` passes
/// a `ContentHashCache`, so that the files are hashed again only when one of them changed.
enum ProvenanceReader {
    /// `content`: the content folder on disk, or `nil` for an in-memory tree (then there is no git and no
    /// modification time, and the hash is made from `source`).
    static func read(
        content: URL?, source: ContentSource, files: Set<String>,
        environment: [String: String] = ProcessInfo.processInfo.environment, cache: ContentHashCache? = nil
    ) -> Provenance {
        let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(sourceDateEpoch)
        if let content, let git = GitRevision.read(content: content) {
            let date = epoch.map { ($0, Provenance.DateSource.sourceDateEpoch) }
                ?? git.commitTime.map { ($0, .commit) }
                ?? newestModification(content: content, files: files).map { ($0, .fileTime) }
            return Provenance(
                revision: .commit(git.commit, dirty: git.dirty), buildDate: date?.0, dateSource: date?.1,
                coursemapVersion: CoursemapVersion.current)
        }
        let sorted = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let hash: String
        var newest: Int64?
        if let content {
            let stamps = sorted.map { stamp(content.path + "/" + $0) }
            newest = stamps.compactMap { $0?.seconds }.max()
            if let cache, let known = cache.hash(paths: sorted, stamps: stamps) {
                hash = known
            } else {
                hash = contentHash(sorted, bytes: { path, feed in streamFile(content.path + "/" + path, feed: feed) })
                cache?.store(paths: sorted, stamps: stamps, hash: hash)
            }
        } else {
            hash = contentHash(sorted, bytes: { path, feed in
                guard let bytes = try? source.read(path) else { return false }
                feed(bytes.count, bytes)
                return true
            })
        }
        let date = epoch.map { ($0, Provenance.DateSource.sourceDateEpoch) } ?? newest.map { ($0, .fileTime) }
        return Provenance(revision: .contentHash(hash), buildDate: date?.0, dateSource: date?.1, coursemapVersion: CoursemapVersion.current)
    }

    /// `SOURCE_DATE_EPOCH` as reproducible-builds.org defines it: a whole number of seconds; anything else is
    /// ignored.
    static func sourceDateEpoch(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(text)
    }

    /// The first 16 hex digits of SHA-256 over `paths` (already sorted). `bytes(path, feed)` hands the file's
    /// size and then its bytes, in one or more pieces, to `feed`, and says whether it could read it; a file
    /// that cannot be read counts as its path alone.
    static func contentHash(_ paths: [String], bytes: (String, (_ size: Int, _ piece: [UInt8]) -> Void) -> Bool) -> String {
        var hasher = SHA256()
        for path in paths {
            hasher.update(Array(path.utf8))
            hasher.update([0])
            var started = false
            let read = bytes(path) { size, piece in
                if !started {
                    hasher.update(Array(String(size).utf8))
                    hasher.update([0])
                    started = true
                }
                hasher.update(piece)
            }
            if !read || !started {
                hasher.update(Array("0".utf8))
                hasher.update([0])
            }
        }
        return String(SHA256.hex(digest: hasher.finish()).prefix(16))
    }

    /// Streams a file in 1 MB pieces: its size (from `fstat`) with the first piece. A file that changes
    /// while it is read is hashed as read.
    private static func streamFile(_ path: String, feed: (Int, [UInt8]) -> Void) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        let size = Int(info.st_size)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var fed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return fed
            }
            if count == 0 { break }
            feed(size, Array(buffer[..<count]))
            fed = true
        }
        if !fed { feed(size, []) }
        return true
    }

    /// A file's size and modification time, for the cache and the build date.
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
    }

    private static func newestModification(content: URL, files: Set<String>) -> Int64? {
        files.compactMap { stamp(content.path + "/" + $0)?.seconds }.max()
    }
}

/// The last content hash `serve` made, with the size and modification time of each file it covered: while
/// no file was added, removed or touched, the hash is reused instead of reading every file again.
final class ContentHashCache: @unchecked Sendable {
    private let state = Locked<(paths: [String], stamps: [ProvenanceReader.Stamp?], hash: String)?>(nil)

    func hash(paths: [String], stamps: [ProvenanceReader.Stamp?]) -> String? {
        state.withLock { known in
            guard let known, known.paths == paths, known.stamps == stamps, !stamps.contains(nil) else { return nil }
            return known.hash
        }
    }

    func store(paths: [String], stamps: [ProvenanceReader.Stamp?], hash: String) {
        state.withLock { $0 = (paths, stamps, hash) }
    }
}
