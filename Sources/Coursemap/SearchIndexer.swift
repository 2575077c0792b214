import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Builds the portal's search index with Pagefind (PyPI `pagefind[extended]`, whose extended build
/// segments Chinese). Runs on the staged site before it replaces the output, so a published site always has
/// an index that matches its pages. The index is static files under `pagefind/`: search works from any
/// static host, and offline from a local server.
///
/// Nothing in the working directory or the content can run: Python is found on the `PATH` by absolute
/// folders only (never `.`, an empty entry, the working directory or a folder inside the content), asked
/// in isolated mode (`-I`: no working directory or script folder on `sys.path`, no `PYTHON*` variables,
/// no user site) for its real executable, and Pagefind is run by that absolute path with `-I -m pagefind`,
/// from a fresh empty folder, with a fixed small environment (`IsolatedProcess`). What Pagefind wrote is
/// then checked (`SearchIndexCheck`), since it exits 0 after failed writes.
public enum SearchIndexer {
    public static let installHint = "pip install 'pagefind[extended]'"

    /// The languages every portal has pages in, as Pagefind names them.
    static let languages = Set(Language.allCases.map { $0.rawValue.lowercased() })

    /// How to run Pagefind here, or `nil` when it is not installed. `content`: the content folder, whose
    /// subfolders never count as `PATH` folders.
    static func command(content: URL?) -> IsolatedProcess? {
        let folders = searchFolders(content: content)
        let environment = childEnvironment(path: folders)
        for folder in folders {
            let python = folder + "/python3"
            guard access(python, X_OK) == 0 else { continue }
            let probe = IsolatedProcess(
                executable: python,
                arguments: ["-I", "-c", "import importlib.util, sys; print(sys.executable if importlib.util.find_spec('pagefind') else '')"],
                environment: environment,
                // From `/`: a pyenv shim picks its Python by the `.python-version` files of the folder it
                // starts in and of every folder above it, and the fresh folder lies in TMPDIR (often `/tmp`,
                // writable by anyone). The executable it reports is then run by its absolute path.
                workingDirectory: "/")
            let (ending, output) = probe.run()
            let executable = output.trimmingCharacters(in: .whitespacesAndNewlines)
            guard ending == .exited(0), executable.hasPrefix("/"), !executable.contains("\n"), access(executable, X_OK) == 0 else { continue }
            return IsolatedProcess(executable: executable, arguments: ["-I", "-m", "pagefind"], environment: environment)
        }
        for name in ["pagefind_extended", "pagefind"] {
            for folder in folders where access(folder + "/" + name, X_OK) == 0 {
                return IsolatedProcess(executable: folder + "/" + name, arguments: [], environment: environment)
            }
        }
        return nil
    }

    /// The `PATH` folders that may hold Python or Pagefind: absolute, not the working directory, not inside
    /// the content folder.
    static func searchFolders(content: URL?) -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let here = canonical(FileManager.default.currentDirectoryPath)
        let contentRoot = content.map { canonical($0.path) }
        var seen: Set<String> = []
        return path.split(separator: ":", omittingEmptySubsequences: false).map(String.init).filter { folder in
            guard folder.hasPrefix("/") else { return false }
            let real = canonical(folder)
            guard real != here, seen.insert(real).inserted else { return false }
            if let contentRoot, real == contentRoot || real.hasPrefix(contentRoot + "/") { return false }
            return true
        }
    }

    /// The child's whole environment: the vetted `PATH` and the locale, home and temporary folder.
    static func childEnvironment(path folders: [String]) -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var environment = ["PATH": folders.joined(separator: ":")]
        for name in ["HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "PYENV_ROOT"] {
            if let value = parent[name], !value.isEmpty, !value.contains("\0") { environment[name] = value }
        }
        return environment
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Indexes the site in `directory`. Returns a diagnostic when the index could not be built: a warning
    /// when Pagefind is not installed (CM801), an error when it failed (CM803) or what it wrote is
    /// incomplete (CM802).
    public static func index(_ directory: URL, content: URL? = nil) -> Diagnostic? {
        guard let pagefind = command(content: content) else {
            return .warning(
                .searchIndex, at: SourceLocation(file: "coursemap.yml"),
                "the search index was not built because Pagefind is not installed; install it with `\(installHint)` (or build with --no-search)")
        }
        let run = IsolatedProcess(
            executable: pagefind.executable,
            arguments: pagefind.arguments + ["--site", directory.path, "--output-subdir", "pagefind"],
            environment: pagefind.environment)
        let (ending, output) = run.run()
        let lastLines = output.split(separator: "\n").suffix(3).joined(separator: " / ")
        switch ending {
        case .exited(0):
            break
        case .exited(let status):
            return .error(.searchIndexFailed, at: SourceLocation(file: "coursemap.yml"), "Pagefind failed (exit \(status)): \(lastLines)")
        case .signalled(let signal):
            return .error(.searchIndexFailed, at: SourceLocation(file: "coursemap.yml"), "Pagefind was stopped by signal \(signal): \(lastLines)")
        case .notStarted(let reason):
            return .error(.searchIndexFailed, at: SourceLocation(file: "coursemap.yml"), "Pagefind could not be started: \(reason)")
        }
        if let problem = SearchIndexCheck.problem(in: directory, languages: languages) {
            return .error(
                .searchIndexIncomplete, at: SourceLocation(file: "coursemap.yml"),
                "the search index Pagefind wrote is incomplete (\(problem)); is the disk full? The previous site was kept")
        }
        return nil
    }

    /// Ends a running Pagefind (its whole process group) and removes its temporary folder: for an
    /// interrupted build.
    public static func abandon() {
        IsolatedProcess.abandonAll()
    }
}
