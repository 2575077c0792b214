import CoursemapInterop
import CoursemapLoad
import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Works out a build's `Provenance` (`docs/coverage.md` §7.1) at the I/O edge:
///
/// - revision: the git commit when the content folder is in a git work tree, "dirty" unless the files the
///   build reads are exactly the commit's files under the folder, byte for byte (`GitWorkTreeCheck`), else
///   `sha256:` and 16 hex digits of the content hash: SHA-256 over one line per content file, sorted by the
///   bytes of their paths, each line its path, a NUL, its size in decimal, a NUL, the lowercase hex SHA-256
///   of its bytes and a line feed;
/// - build date: `SOURCE_DATE_EPOCH` when set, else the commit time, else the newest modification time of
///   the content files.
///
/// The content files are the files the load stage lists (hidden files and folders left out). Each file's
/// digest (SHA-256, or the git blob id when comparing with a commit) is made on its own, so a build hashes
/// the files on `jobs` threads, and `serve` (through a `ContentHashCache`) reads again only the files whose
/// size or modification time changed.
enum ProvenanceReader {
    /// `content`: the content folder on disk, or `nil` for an in-memory tree (then there is no git and no
    /// modification time, and the files are read from `source`).
    static func read(
        content: URL?, source: ContentSource, files: Set<String>,
        environment: [String: String] = ProcessInfo.processInfo.environment, cache: ContentHashCache? = nil,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Provenance {
        let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(sourceDateEpoch)
        if let content, let commit = GitRevision.read(content: content) {
            let dirty = GitWorkTreeCheck.isDirty(content: content, files: files, commit: commit, cache: cache, jobs: jobs)
            let date = epoch.map { ($0, Provenance.DateSource.sourceDateEpoch) }
                ?? commit.time.map { ($0, .commit) }
                ?? newestModification(content: content, files: files).map { ($0, .fileTime) }
            return Provenance(
                revision: .commit(commit.id, dirty: dirty), buildDate: date?.0, dateSource: date?.1,
                coursemapVersion: CoursemapVersion.current)
        }
        let sorted = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var digests: [FileDigest?]
        var newest: Int64?
        if let content {
            let stamps = sorted.map { stamp(content.path + "/" + $0) }
            newest = stamps.compactMap { $0?.seconds }.max()
            let known = cache?.digests(paths: sorted, stamps: stamps, kind: .sha256) ?? Array(repeating: nil, count: sorted.count)
            let made = Locked(known)
            let missing = known.indices.filter { known[$0] == nil }
            ParallelWork.run(count: missing.count, jobs: jobs) { index in
                let position = missing[index]
                let digest = fileDigest(content.path + "/" + sorted[position])
                made.withLock { $0[position] = digest }
            }
            digests = made.withLock { $0 }
            cache?.store(paths: sorted, stamps: stamps, digests: digests, kind: .sha256)
        } else {
            digests = sorted.map { path in (try? source.read(path)).map { FileDigest(size: $0.count, hex: SHA256.hex($0)) } }
        }
        let hash = contentHash(zip(sorted, digests).map { ($0, $1) })
        let date = epoch.map { ($0, Provenance.DateSource.sourceDateEpoch) } ?? newest.map { ($0, .fileTime) }
        return Provenance(revision: .contentHash(hash), buildDate: date?.0, dateSource: date?.1, coursemapVersion: CoursemapVersion.current)
    }

    /// `SOURCE_DATE_EPOCH` as reproducible-builds.org defines it: a whole number of seconds, up to the last
    /// second of 9999 (a later date has no `YYYY-MM-DD HH:MM`); anything else is ignored.
    static func sourceDateEpoch(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let seconds = Int64(text), seconds <= latestDate
        else { return nil }
        return seconds
    }

    /// 9999-12-31 23:59:59 UTC, the last date with a four-digit year.
    static let latestDate: Int64 = 253_402_300_799

    /// What a file's digest is: the SHA-256 of its bytes, or the id git gives its bytes as a blob (the
    /// SHA-1 or SHA-256 of `blob <size> NUL` and the bytes).
    enum DigestKind: Hashable, Sendable {
        case sha256
        case gitBlob(GitObjectFormat)
    }

    /// One file's size and the hex digest of its bytes (of the kind asked for).
    struct FileDigest: Hashable, Sendable {
        var size: Int
        var hex: String
    }

    /// The first 16 hex digits of SHA-256 over one line per file (`path NUL size NUL hex-digest LF`), in the
    /// order given (sorted by the caller). A file that could not be read counts as size 0 with the digest of
    /// no bytes.
    static func contentHash(_ files: [(path: String, digest: FileDigest?)]) -> String {
        var hasher = SHA256()
        let empty = FileDigest(size: 0, hex: SHA256.hex([UInt8]()))
        for (path, digest) in files {
            let digest = digest ?? empty
            hasher.update(Array(path.utf8) + [0] + Array(String(digest.size).utf8) + [0] + Array(digest.hex.utf8) + [0x0A])
        }
        return String(SHA256.hex(digest: hasher.finish()).prefix(16))
    }

    /// A file's digest, read in 1 MB pieces; `nil` when it cannot be read. A file that changes while it is
    /// read is hashed as read (a git blob id then needs the size it had when opened: else `nil`).
    static func fileDigest(_ path: String, kind: DigestKind = .sha256) -> FileDigest? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hasher = AnyHasher(kind: kind)
        var expected: Int?
        if case .gitBlob = kind {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            expected = Int(info.st_size)
            hasher.update(Array("blob \(info.st_size)".utf8) + [0])
        }
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            hasher.update(buffer[..<count])
            size += count
        }
        if let expected, expected != size { return nil }
        return FileDigest(size: size, hex: SHA256.hex(digest: hasher.finish()))
    }

    /// The git blob id of bytes held in memory (a link's target).
    static func gitBlobID(_ bytes: [UInt8], format: GitObjectFormat) -> String {
        var hasher = AnyHasher(kind: .gitBlob(format))
        hasher.update(Array("blob \(bytes.count)".utf8) + [0] + bytes)
        return SHA256.hex(digest: hasher.finish())
    }

    /// SHA-256 or SHA-1, by the digest kind.
    private struct AnyHasher {
        var sha256: SHA256?
        var sha1: SHA1?

        init(kind: DigestKind) {
            if case .gitBlob(.sha1) = kind { sha1 = SHA1() } else { sha256 = SHA256() }
        }

        mutating func update(_ bytes: some Collection<UInt8>) {
            sha1?.update(bytes)
            sha256?.update(bytes)
        }

        mutating func finish() -> [UInt8] {
            sha1?.finish() ?? sha256?.finish() ?? []
        }
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

/// The file digests `serve` made last, by path, with the size and modification time each was made at: a
/// file whose stamp is unchanged is not read again.
final class ContentHashCache: Sendable {
    private typealias Entry = (stamp: ProvenanceReader.Stamp, digest: ProvenanceReader.FileDigest)
    private let known = Locked<[ProvenanceReader.DigestKind: [String: Entry]]>([:])

    /// The cached digest of each path whose stamp is unchanged, `nil` for the others.
    func digests(paths: [String], stamps: [ProvenanceReader.Stamp?], kind: ProvenanceReader.DigestKind) -> [ProvenanceReader.FileDigest?] {
        known.withLock { known in
            zip(paths, stamps).map { path, stamp in
                guard let stamp, let entry = known[kind]?[path], entry.stamp == stamp else { return nil }
                return entry.digest
            }
        }
    }

    /// Keeps the digests of the files listed now (and forgets the others of that kind).
    func store(paths: [String], stamps: [ProvenanceReader.Stamp?], digests: [ProvenanceReader.FileDigest?], kind: ProvenanceReader.DigestKind) {
        var entries: [String: Entry] = [:]
        for (path, (stamp, digest)) in zip(paths, zip(stamps, digests)) {
            if let stamp, let digest { entries[path] = (stamp, digest) }
        }
        known.withLock { $0 = [kind: entries] }
    }
}
