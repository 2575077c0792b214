import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The git commit of the work tree a content folder is in, whether the folder has uncommitted changes, and
/// the commit's time (`docs/coverage.md` §7.1). Runs `git` as `IsolatedProcess` runs Pagefind: by absolute
/// path, from a vetted `PATH` (never the working directory or a folder inside the content), with a small
/// fixed environment and a time limit. The repository's `core.fsmonitor` hook is switched off, so that
/// looking at a content folder never runs a program its `.git/config` names. Any failure — no git, not a
/// work tree, no commit yet, a repository git refuses (`safe.directory`), a time-out — gives `nil`, and the
/// caller falls back to the content hash.
enum GitRevision {
    struct Info: Equatable {
        var commit: String
        var dirty: Bool
        /// Seconds since the epoch; `nil` when git did not say.
        var commitTime: Int64?
    }

    /// How long each git command may take.
    static let timeout: Duration = .seconds(10)

    static func read(content: URL) -> Info? {
        guard isInWorkTree(content), let git = executable(content: content) else { return nil }
        let environment = environment(path: SearchIndexer.searchFolders(content: content))
        func run(_ arguments: [String]) -> String? {
            let process = IsolatedProcess(
                executable: git,
                arguments: ["-C", content.path, "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "--no-optional-locks"] + arguments,
                environment: environment, workingDirectory: "/", timeout: timeout)
            let (ending, output) = process.run()
            guard ending == .exited(0) else { return nil }
            return output
        }
        guard let head = run(["rev-parse", "--verify", "--quiet", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines),
            [40, 64].contains(head.utf8.count), head.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        // Tracked changes and untracked files under the content folder (the pathspec `.` is the folder `-C`
        // named); ignored files are not content that the commit should have held.
        guard let status = run(["status", "--porcelain", "--untracked-files=all", "--", "."]) else { return nil }
        let time = run(["show", "-s", "--format=%ct", "HEAD"]).flatMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return Info(commit: head, dirty: !status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, commitTime: time)
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

    /// The child's whole environment: the vetted `PATH`, `HOME` (for the user's `safe.directory` setting)
    /// and no prompts, pagers or locale-dependent output.
    static func environment(path folders: [String]) -> [String: String] {
        var environment = ["PATH": folders.joined(separator: ":"), "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, !home.contains("\0") { environment["HOME"] = home }
        return environment
    }
}
