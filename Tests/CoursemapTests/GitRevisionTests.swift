@testable import Coursemap
import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

/// A content folder whose `.git` names programs (clean and smudge filters, hooks, fsmonitor, pagers, an
/// external diff, a textconv, a signature checker, a lazy-fetch transport): reading its revision runs none of them, and "dirty" is still
/// right (`docs/coverage.md` §7.1, `docs/hardening.md` "Content repositories").
@Suite("Git revision of hostile repositories", .serialized)
struct GitRevisionTests {
    /// Runs git for the test's own set-up; its standard output.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_AUTHOR_DATE": "1700000000 +0000", "GIT_COMMITTER_DATE": "1700000000 +0000",
        ]
        let output = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    private static var gitInstalled: Bool { GitRevision.executable(content: URL(fileURLWithPath: "/nonexistent")) != nil }

    /// A repository `repo` with the fixture site at `repo/site/Content` (a subfolder), committed with a
    /// signed-looking commit (a `gpgsig` header) at 1700000000, and a script `evil` that leaves a marker
    /// named by its argument in `markers` and passes its input through.
    private func hostileRepository(_ workspace: Workspace) throws -> (repository: URL, content: URL, markers: URL, evil: String) {
        let repository = workspace.path("repo")
        let markers = workspace.path("markers")
        try FileManager.default.createDirectory(at: markers, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("site"), withIntermediateDirectories: true)
        let content = try workspace.copy(fixtureSite, to: "repo/site/Content")
        try Self.git(["init", "-q"], in: repository)
        try Self.git(["add", "."], in: repository)
        try Self.git(["commit", "-q", "-m", "content"], in: repository)
        let tree = try Self.git(["rev-parse", "HEAD^{tree}"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
        let signed = "tree \(tree)\nauthor t <t@example.com> 1700000000 +0000\ncommitter t <t@example.com> 1700000000 +0000\n"
            + "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQ\n -----END PGP SIGNATURE-----\n\nsigned\n"
        let commit = try Self.git(["hash-object", "-t", "commit", "-w", "--stdin"], in: repository, input: signed)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.git(["update-ref", "HEAD", commit], in: repository)

        let evil = workspace.path("evil.sh").path
        try "#!/bin/sh\ntouch '\(markers.path)'/\"$1\"\ncat\n".write(toFile: evil, atomically: true, encoding: .utf8)
        #expect(chmod(evil, 0o755) == 0)
        let hooks = workspace.path("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        for hook in [
            "pre-commit", "post-checkout", "post-merge", "post-index-change", "reference-transaction", "fsmonitor-watchman",
            "pre-auto-gc", "post-rewrite", "pre-push", "push-to-checkout",
        ] {
            let file = hooks.appendingPathComponent(hook).path
            try "#!/bin/sh\ntouch '\(markers.path)'/hook-\(hook)\n".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(chmod(file, 0o755) == 0)
        }
        let config = """
            [filter "evil"]
            \tclean = \(evil) filter-clean
            \tsmudge = \(evil) filter-smudge
            [diff "evil"]
            \ttextconv = \(evil) textconv
            [core]
            \tfsmonitor = \(evil) fsmonitor
            \thooksPath = \(hooks.path)
            \tpager = \(evil) core-pager
            \tuntrackedCache = true
            [pager]
            \tls-tree = \(evil) pager-ls-tree
            \tcat-file = \(evil) pager-cat-file
            [diff]
            \texternal = \(evil) diff-external
            [log]
            \tshowSignature = true
            [gpg]
            \tprogram = \(evil)
            [alias]
            \tls-tree = !\(evil) alias
            \trev-parse = !\(evil) alias

            """
        let handle = try FileHandle(forWritingTo: repository.appendingPathComponent(".git/config"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(config.utf8))
        try handle.close()
        try "* filter=evil diff=evil\n".write(to: repository.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try "* filter=evil diff=evil\n".write(to: content.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        return (repository, content, markers, evil)
    }

    private func markers(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("filters, fsmonitor, hooks, pagers, external diff and signature checks named by the repository never run")
    func hostileConfiguration() throws {
        guard Self.gitInstalled else {
            Issue.record("git is not installed")
            return
        }
        let workspace = try Workspace()
        let (repository, content, markerFolder, _) = try hostileRepository(workspace)
        let files = Set(try ContentSource.directory(content).listFiles().files)
        let head = try Self.git(["rev-parse", "HEAD"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)

        let clean = ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:])
        #expect(clean.revision == .commit(head, dirty: false))
        #expect(clean.buildDate == 1_700_000_000 && clean.dateSource == .commit)
        #expect(markers(markerFolder) == [])

        // A tracked file changed: dirty, through a whole build too.
        let module = content.appendingPathComponent("courses/intro/01-basics.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try (text + "\nEdited.\n").write(to: module, atomically: true, encoding: .utf8)
        #expect(ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:]).revision == .commit(head, dirty: true))
        let outcome = try Pipeline.build(content: content, output: workspace.path("Site"), search: false, options: Pipeline.Options(jobs: 2))
        #expect(outcome.provenance?.revision == .commit(head, dirty: true))
        let page = try String(contentsOf: workspace.path("Site/coverage/cert/intermediate/index.html"), encoding: .utf8)
        #expect(page.contains(String(head.prefix(12))))
        #expect(markers(markerFolder) == [], "no program the repository names ran")

        // The set-up is live: git's own work-tree commands do run them. (`git status` alone runs the clean
        // filter and rewrites the index only for racily clean files, which depends on how fast this test
        // ran; `git add` cleans the edited file and writes the index every time.)
        try Self.git(["status", "--porcelain"], in: content)
        try Self.git(["add", "--all", "."], in: content)
        try Self.git(["show", "-s", "--format=%ct", "HEAD"], in: content)
        let ran = markers(markerFolder)
        #expect(ran.contains("filter-clean") && ran.contains("fsmonitor") && ran.contains("hook-post-index-change"), "\(ran)")
        #expect(ran.contains { $0.hasPrefix("--") }, "gpg.program ran (its first argument names the marker): \(ran)")
    }

    @Test("a partial clone's missing object is not fetched: no transport runs, the content hash is used")
    func lazyFetch() throws {
        guard Self.gitInstalled else {
            Issue.record("git is not installed")
            return
        }
        let workspace = try Workspace()
        let (repository, content, markerFolder, evil) = try hostileRepository(workspace)
        let files = Set(try ContentSource.directory(content).listFiles().files)
        let folder = try Self.git(["rev-parse", "HEAD:site/Content/courses"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: repository.appendingPathComponent(".git/objects/\(folder.prefix(2))/\(folder.dropFirst(2))"))
        for (key, value) in [
            ("core.repositoryformatversion", "1"), ("extensions.partialClone", "origin"), ("remote.origin.promisor", "true"),
            ("remote.origin.url", repository.path), ("remote.origin.uploadpack", "\(evil) upload-pack"),
            ("core.sshCommand", "\(evil) ssh"), ("protocol.allow", "always"),
        ] {
            try Self.git(["config", key, value], in: repository)
        }
        let provenance = ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:])
        guard case .contentHash? = provenance.revision else {
            Issue.record("expected the content hash, got \(String(describing: provenance.revision))")
            return
        }
        #expect(markers(markerFolder) == [])
    }
}
