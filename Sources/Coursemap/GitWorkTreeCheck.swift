import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whether a content folder differs from the commit it is checked out from (`docs/coverage.md` §7.1), worked
/// out from the bytes on disk and the commit's listing (`GitRevision`), without asking git about the work
/// tree (which would run the repository's filters and hooks).
///
/// The folder is dirty when the files the build reads (the load stage's list: hidden files and folders left
/// out) are not exactly the commit's files under the folder (hidden ones left out), or one of them differs:
///
/// - a file the build reads that the commit does not hold — untracked, ignored by `.gitignore` or not, or
///   inside a submodule (the commit holds only the submodule's commit, not its files);
/// - a committed file or link that is missing, or is a file where a link was committed or the other way
///   round;
/// - a file whose bytes have another git blob id than the committed one, or a link with another target.
///
/// Bytes are compared as they are on disk: a file that git converts on checkout (`eol`, `text`, filters such
/// as Git LFS) is dirty when its bytes differ from the committed ones. The executable bit is not compared
/// (the build reads bytes only). Each file's blob id is made on its own: on `jobs` threads, and `serve`
/// (through a `ContentHashCache`) reads again only files whose size or modification time changed.
enum GitWorkTreeCheck {
    static func isDirty(
        content: URL, files: Set<String>, commit: GitRevision.Commit, cache: ContentHashCache? = nil,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Bool {
        var committed: [String: GitRevision.Entry] = [:]
        for entry in commit.entries where !isHidden(entry.path) {
            switch entry.mode {
            case "100644", "100755", "120000": committed[entry.path] = entry
            case "160000": continue  // a submodule: its files on disk are not in this commit
            default: return true
            }
        }
        if files.contains(where: { committed[$0] == nil }) { return true }

        let kind = ProvenanceReader.DigestKind.gitBlob(commit.format)
        var regular: [GitRevision.Entry] = []
        for entry in committed.values.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            let path = content.path + "/" + entry.path
            var info = stat()
            guard lstat(path, &info) == 0 else { return true }
            let type = info.st_mode & S_IFMT
            if entry.mode == "120000" {
                guard type == S_IFLNK, let target = linkTarget(path),
                    ProvenanceReader.gitBlobID(target, format: commit.format) == entry.object
                else { return true }
            } else {
                guard type == S_IFREG else { return true }
                regular.append(entry)
            }
        }

        let paths = regular.map(\.path)
        let stamps = paths.map { ProvenanceReader.stamp(content.path + "/" + $0) }
        let known = cache?.digests(paths: paths, stamps: stamps, kind: kind) ?? Array(repeating: nil, count: paths.count)
        let made = Locked(known)
        let missing = known.indices.filter { known[$0] == nil }
        ParallelWork.run(count: missing.count, jobs: jobs) { index in
            let position = missing[index]
            let digest = ProvenanceReader.fileDigest(content.path + "/" + paths[position], kind: kind)
            made.withLock { $0[position] = digest }
        }
        let digests = made.withLock { $0 }
        cache?.store(paths: paths, stamps: stamps, digests: digests, kind: kind)
        return zip(regular, digests).contains { entry, digest in digest?.hex != entry.object }
    }

    /// A path with a file or folder name starting with `.`: the build does not read it.
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.hasPrefix(".") }
    }

    /// The bytes a link holds (its target as written), or `nil`.
    private static func linkTarget(_ path: String) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(path, $0, pointer.count) }
        }
        guard count >= 0, count < buffer.count else { return nil }
        return Array(buffer[..<count])
    }
}
