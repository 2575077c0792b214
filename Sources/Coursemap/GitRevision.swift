import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What git says about the commit a content folder is checked out from (`docs/coverage.md` §7.1): the
/// commit, its time, and the files it holds under the folder. Whether the folder still matches that commit
/// is worked out by Coursemap itself (`GitWorkTreeCheck`), never by git: commands that look at the work tree
/// (`git status`, `git diff`) run the programs a repository's own configuration names — clean filters from
/// `.gitattributes`, the `core.fsmonitor` hook — and a content folder may come with its `.git` from anyone.
///
/// Only three commands run, none of which reads the work tree or the index: `rev-parse --verify` (the
/// commit id), `cat-file commit` (the raw commit, whose committer line gives the time: `git show`/`git log`
/// run `gpg.program` for a signed commit when the repository sets `log.showSignature`) and `ls-tree -r -z`
/// (the committed entries under the folder). A repository that is a partial clone would fetch a missing
/// object by running its remote's transport (`remote.*.uploadpack`, `core.sshCommand`, `ext::`); no
/// transport is allowed (`GIT_ALLOW_PROTOCOL`, `GIT_NO_LAZY_FETCH`), so git fails instead and the caller
/// falls back to the content hash. Pagers are off (`--no-pager`, `GIT_PAGER=cat`, and standard output is a
/// file), system configuration and replace refs are not read.
///
/// `git` runs as `IsolatedProcess` runs Pagefind: by absolute path, from a vetted `PATH` (never the working
/// directory or a folder inside the content), with a small fixed environment and a time limit of 10 s per
/// command. Any failure — no git, not a work tree, no commit yet, a repository git refuses
/// (`safe.directory`), a time-out — gives `nil`, and the caller falls back to the content hash.
enum GitRevision {
    /// The commit and what it holds under the content folder.
    struct Commit: Equatable {
        /// Hex object id: 40 digits (SHA-1 repositories) or 64 (SHA-256 repositories).
        var id: String
        /// The committer time, seconds since the epoch; `nil` when the commit has no readable one.
        var time: Int64?
        /// Every entry under the content folder (trees expanded), paths relative to the folder.
        var entries: [Entry]

        /// The object format the ids are in, by their length.
        var format: GitObjectFormat { id.utf8.count == 64 ? .sha256 : .sha1 }
    }

    /// One line of `git ls-tree -r`: the mode (`100644`, `100755`, `120000` a link, `160000` a submodule),
    /// the object id and the path relative to the content folder.
    struct Entry: Equatable {
        var mode: String
        var object: String
        var path: String
    }

    /// How long each git command may take.
    static let timeout: Duration = .seconds(10)
    /// The most output a command may give (a listing of some millions of files); more is a failure.
    static let outputLimit = 1 << 28

    static func read(content: URL) -> Commit? {
        guard isInWorkTree(content), let git = executable(content: content) else { return nil }
        let environment = environment(path: SearchIndexer.searchFolders(content: content))
        func run(_ arguments: [String]) -> [UInt8]? {
            let process = IsolatedProcess(
                executable: git, arguments: ["-C", content.path] + fixedOptions + arguments, environment: environment,
                workingDirectory: "/", timeout: timeout)
            let (ending, output) = process.runCapturingOutput(limit: outputLimit)
            guard ending == .exited(0) else { return nil }
            return output
        }
        guard let headText = run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
            let head = String(validating: headText, as: UTF8.self)?.trimmingCharacters(in: .whitespacesAndNewlines),
            isObjectID(head)
        else { return nil }
        // The id, not `HEAD` again: a commit made meanwhile must not mix with this one.
        guard let object = run(["cat-file", "commit", head]), let listing = run(["ls-tree", "-r", "-z", head]),
            let entries = parseTree(listing)
        else { return nil }
        return Commit(id: head, time: committerTime(object), entries: entries)
    }

    /// Options before every command: no pager, no `core.fsmonitor` hook, no untracked cache, no index
    /// refresh, no replace objects, and a bare repository inside the content is never picked up by itself.
    /// (None of the three commands reads the work tree or the index; these only narrow what git may do.)
    static let fixedOptions = [
        "--no-pager", "--no-optional-locks", "--no-replace-objects",
        "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "-c", "safe.bareRepository=explicit",
        "-c", "core.pager=cat", "-c", "protocol.allow=never",
    ]

    /// The entries of `ls-tree -r -z` (`<mode> SP <type> SP <object> TAB <path> NUL` each); `nil` when a
    /// record does not have that shape.
    static func parseTree(_ output: [UInt8]) -> [Entry]? {
        var entries: [Entry] = []
        for record in output.split(separator: 0, omittingEmptySubsequences: true) {
            guard let tab = record.firstIndex(of: 0x09) else { return nil }
            let fields = record[..<tab].split(separator: 0x20)
            guard fields.count == 3 else { return nil }
            let mode = String(decoding: fields[0], as: UTF8.self)
            let object = String(decoding: fields[2], as: UTF8.self)
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard isObjectID(object), !path.isEmpty else { return nil }
            entries.append(Entry(mode: mode, object: object, path: path))
        }
        return entries
    }

    /// The time on the raw commit's `committer` header line (`committer <name> <<email>> <seconds> <zone>`).
    static func committerTime(_ object: [UInt8]) -> Int64? {
        for line in object.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.isEmpty { return nil }  // the end of the headers
            guard line.starts(with: Array("committer ".utf8)) else { continue }
            let fields = line.split(separator: 0x20)
            guard fields.count >= 3 else { return nil }
            let seconds = fields[fields.count - 2]
            guard !seconds.isEmpty, seconds.count <= 18, seconds.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int64(String(decoding: seconds, as: UTF8.self))
        }
        return nil
    }

    /// 40 or 64 lowercase hex digits.
    static func isObjectID(_ text: String) -> Bool {
        [40, 64].contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Whether the folder or one above it holds a `.git` entry (a folder, or the file of a linked work tree
    /// or submodule): only then is git asked, so content outside git starts no process.
    static func isInWorkTree(_ folder: URL) -> Bool {
        var path = folder.standardizedFileURL.path
        while true {
            var info = stat()
            if lstat(path + (path.hasSuffix("/") ? "" : "/") + ".git", &info) == 0 { return true }
            guard path != "/", !path.isEmpty else { return false }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path { return false }
            path = parent
        }
    }

    /// `git` on the vetted `PATH`, by absolute path.
    static func executable(content: URL) -> String? {
        SearchIndexer.searchFolders(content: content).lazy.map { $0 + "/git" }.first { access($0, X_OK) == 0 }
    }

    /// The child's whole environment: the vetted `PATH`, `HOME` (for the user's `safe.directory` setting),
    /// no system configuration, prompts, pagers, optional locks, replace objects, transports or lazy fetches,
    /// and locale-independent output.
    static func environment(path folders: [String]) -> [String: String] {
        var environment = [
            "PATH": folders.joined(separator: ":"), "LC_ALL": "C",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0",
            "GIT_NO_REPLACE_OBJECTS": "1", "GIT_NO_LAZY_FETCH": "1",
            // Only this (no transport has the name) is allowed, so a lazy fetch of a partial clone's missing
            // object runs no transport program (git before 2.45 knows no GIT_NO_LAZY_FETCH).
            "GIT_ALLOW_PROTOCOL": "none",
        ]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, !home.contains("\0") { environment["HOME"] = home }
        return environment
    }
}

/// How a repository names its objects: git's original SHA-1 ids or the SHA-256 ones
/// (`extensions.objectFormat`).
enum GitObjectFormat: Sendable, Hashable {
    case sha1, sha256
}
