import CoursemapModel
import Foundation

/// Builds the portal's search index with Pagefind (PyPI `pagefind[extended]`, whose extended build
/// segments Chinese). Runs on the staged site before it replaces the output, so a published site always has
/// an index that matches its pages. The index is static files under `pagefind/`: search works from any
/// static host, and offline from a local server.
public enum SearchIndexer {
    public static let installHint = "pip install 'pagefind[extended]'"

    /// How to run Pagefind here: its Python module, or a binary on the PATH; `nil` when it is not installed.
    public static func command() -> [String]? {
        if run(["python3", "-c", "import pagefind"]) == 0 { return ["python3", "-m", "pagefind"] }
        for binary in ["pagefind_extended", "pagefind"] where run(["sh", "-c", "command -v \(binary)"]) == 0 {
            return [binary]
        }
        return nil
    }

    /// Indexes the site in `directory`. Returns a diagnostic when the index could not be built.
    public static func index(_ directory: URL) -> Diagnostic? {
        guard let command = command() else {
            return .warning(
                .searchIndex, at: SourceLocation(file: "coursemap.yml"),
                "the search index was not built because Pagefind is not installed; install it with `\(installHint)` (or build with --no-search)")
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-pagefind-\(ProcessInfo.processInfo.processIdentifier).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = run(command + ["--site", directory.path, "--output-subdir", "pagefind"], log: log)
        guard status == 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return .error(
                .searchIndex, at: SourceLocation(file: "coursemap.yml"),
                "Pagefind failed (exit \(status)): \(output.split(separator: "\n").suffix(3).joined(separator: " / "))")
        }
        return nil
    }

    @discardableResult
    private static func run(_ arguments: [String], log: URL? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try? FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        } catch {
            return 127
        }
    }
}
