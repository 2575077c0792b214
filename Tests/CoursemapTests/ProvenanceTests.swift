@testable import Coursemap
import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

/// The reports' provenance (`docs/coverage.md` §7.1): git revision and dirty flag, the content hash outside
/// git, the build date's sources in order, and the same report bytes for the same content.
@Suite("Report provenance", .serialized)
struct ProvenanceTests {
    @Test("outside git: sha256 over a line per file (path, NUL, size, NUL, hex digest, LF) in path byte order")
    func contentHash() {
        let source = ContentSource.memory(["b/c.yml": "yz", "é.md": "", "a.md": "x"])
        let provenance = ProvenanceReader.read(content: nil, source: source, files: ["b/c.yml", "é.md", "a.md"], environment: [:])
        // Python, from docs/coverage.md §7.1: for each path sorted by its UTF-8 bytes,
        // h.update(path + b"\0" + str(len(data)) + b"\0" + sha256(data).hexdigest() + b"\n"); h.hexdigest()[:16]
        #expect(provenance.revision == .contentHash("72aa557a73d10bbe"))
        #expect(provenance.revision?.text == "sha256:72aa557a73d10bbe")
        #expect(provenance.buildDate == nil && provenance.dateSource == nil, "no date without files on disk or SOURCE_DATE_EPOCH")
        #expect(provenance.coursemapVersion == CoursemapVersion.current)
        let dated = ProvenanceReader.read(content: nil, source: source, files: ["a.md"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(dated.buildDateText == "2023-11-14 22:13" && dated.dateSource == .sourceDateEpoch)
        #expect(ProvenanceReader.read(content: nil, source: source, files: ["a.md"], environment: ["SOURCE_DATE_EPOCH": "17e8"]).buildDate == nil)
        // Past 9999-12-31 23:59:59 the date no longer prints as YYYY-MM-DD HH:MM (the schema's pattern): ignored.
        let last = ProvenanceReader.read(content: nil, source: source, files: ["a.md"], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.buildDateText == "9999-12-31 23:59")
        for beyond in ["253402300800", "99999999999999", "9223372036854775807"] {
            #expect(ProvenanceReader.read(content: nil, source: source, files: ["a.md"], environment: ["SOURCE_DATE_EPOCH": beyond]).buildDate == nil)
        }
    }

    @Test("a helper that runs past its time limit is killed, so a hung git cannot hang the build")
    func timeLimit() {
        let start = ContinuousClock.now
        let process = IsolatedProcess(executable: "/bin/sleep", arguments: ["30"], environment: [:], timeout: .milliseconds(200))
        let (ending, _) = process.run()
        #expect(ending == .signalled(SIGKILL))
        #expect(ContinuousClock.now - start < .seconds(10))
        let quick = IsolatedProcess(executable: "/bin/sh", arguments: ["-c", "echo hi"], environment: [:], timeout: .seconds(10))
        let (finished, output) = quick.run()
        #expect(finished == .exited(0) && output == "hi\n")
    }

    @Test("dates print as UTC YYYY-MM-DD HH:MM on every machine")
    func dateText() {
        #expect(Provenance.utcText(0) == "1970-01-01 00:00")
        #expect(Provenance.utcText(951_782_400) == "2000-02-29 00:00")
        #expect(Provenance.utcText(-1) == "1969-12-31 23:59")
        #expect(Provenance.utcText(4_102_444_799) == "2099-12-31 23:59")
    }

    @Test("a folder outside git: the hash of its files, dated by the newest file")
    func folderOutsideGit() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let files = Set(try ContentSource.directory(content).listFiles().files)
        let first = ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:])
        guard case .contentHash(let hash)? = first.revision else {
            Issue.record("expected a content hash, got \(String(describing: first.revision))")
            return
        }
        #expect(hash.count == 16)
        #expect(first.dateSource == .fileTime && first.buildDate != nil)
        #expect(ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:], jobs: 1) == first)
        // With a cache (as serve keeps one): the same hash; a file written again with the same bytes keeps it,
        // new bytes or a new file change it, and going back gives the first hash again.
        let cache = ContentHashCache()
        let read = { (files: Set<String>) in
            ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:], cache: cache).revision
        }
        #expect(read(files) == first.revision)
        let module = content.appendingPathComponent("courses/intro/01-basics.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try text.write(to: module, atomically: true, encoding: .utf8)
        #expect(read(files) == first.revision)
        try (text + "\n").write(to: module, atomically: true, encoding: .utf8)
        let edited = read(files)
        #expect(edited != first.revision)
        try "extra".write(to: content.appendingPathComponent("courses/intro/extra.md"), atomically: true, encoding: .utf8)
        #expect(read(files.union(["courses/intro/extra.md"])) != edited)
        try text.write(to: module, atomically: true, encoding: .utf8)
        #expect(read(files) == first.revision)
    }

    /// Runs git in `folder` for the test's own set-up.
    private func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path,
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_AUTHOR_DATE": "1700000000 +0000", "GIT_COMMITTER_DATE": "1700000000 +0000",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test("in a git work tree: the commit, dirty only for changes under the content folder, the commit's time")
    func gitWorkTree() throws {
        guard GitRevision.executable(content: URL(fileURLWithPath: "/nonexistent")) != nil else {
            Issue.record("git is not installed")
            return
        }
        let workspace = try Workspace()
        let repository = workspace.path("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        let content = try workspace.copy(fixtureSite, to: "repo/Content")
        try "notes".write(to: repository.appendingPathComponent("README"), atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: repository)
        try git(["add", "."], in: repository)
        try git(["commit", "-q", "-m", "content"], in: repository)
        let files = Set(try ContentSource.directory(content).listFiles().files)

        let clean = ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:])
        guard case .commit(let commit, let dirty)? = clean.revision else {
            Issue.record("expected a commit, got \(String(describing: clean.revision))")
            return
        }
        #expect(commit.count == 40 && !dirty)
        #expect(GitRevision.isInWorkTree(content) && !GitRevision.isInWorkTree(workspace.path("elsewhere")))
        #expect(clean.buildDate == 1_700_000_000 && clean.dateSource == .commit)

        // A change outside the content folder leaves it clean; one inside makes it dirty.
        try "more notes".write(to: repository.appendingPathComponent("README"), atomically: true, encoding: .utf8)
        #expect(ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:]).revision == .commit(commit, dirty: false))
        // A hidden file the build does not read leaves it clean, committed or not.
        try "notes".write(to: content.appendingPathComponent(".notes"), atomically: true, encoding: .utf8)
        #expect(revision(content, files) == .commit(commit, dirty: false))
        // A file the build reads that the commit lacks is dirty, whether .gitignore names it or not.
        try "new".write(to: content.appendingPathComponent("courses/intro/new.md"), atomically: true, encoding: .utf8)
        let withNew = files.union(["courses/intro/new.md"])
        let dirtied = ProvenanceReader.read(content: content, source: .directory(content), files: withNew, environment: ["SOURCE_DATE_EPOCH": "86400"])
        #expect(dirtied.revision == .commit(commit, dirty: true))
        #expect(dirtied.buildDateText == "1970-01-02 00:00" && dirtied.dateSource == .sourceDateEpoch)
        try "courses/intro/new.md\n".write(to: repository.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        #expect(revision(content, withNew) == .commit(commit, dirty: true))
        try FileManager.default.removeItem(at: content.appendingPathComponent("courses/intro/new.md"))
        #expect(revision(content, files) == .commit(commit, dirty: false))

        // A committed file deleted, or its bytes changed (same size), is dirty; put back, clean again — also
        // through a cache, as serve keeps one.
        let cache = ContentHashCache()
        #expect(revision(content, files, cache) == .commit(commit, dirty: false))
        let module = content.appendingPathComponent("courses/intro/01-basics.md")
        let original = try Data(contentsOf: module)
        try FileManager.default.removeItem(at: module)
        #expect(revision(content, files.subtracting(["courses/intro/01-basics.md"]), cache) == .commit(commit, dirty: true))
        var changed = original
        changed[changed.count - 2] ^= 0x01
        try changed.write(to: module)
        #expect(revision(content, files, cache) == .commit(commit, dirty: true))
        try original.write(to: module)
        #expect(revision(content, files, cache) == .commit(commit, dirty: false))

        // A committed link: its target is compared, not the file it leads to.
        #expect(symlink("01-basics.md", content.appendingPathComponent("courses/intro/alias.md").path) == 0)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "link"], in: repository)
        let linked = try #require({ () -> String? in
            if case .commit(let id, false)? = revision(content, files.union(["courses/intro/alias.md"])) { return id }
            return nil
        }())
        #expect(linked != commit)
        try FileManager.default.removeItem(at: content.appendingPathComponent("courses/intro/alias.md"))
        #expect(symlink("course.md", content.appendingPathComponent("courses/intro/alias.md").path) == 0)
        #expect(revision(content, files.union(["courses/intro/alias.md"])) == .commit(linked, dirty: true))
    }

    @Test("files git would convert on checkout are compared by their bytes on disk")
    func bytesOnDisk() throws {
        guard GitRevision.executable(content: URL(fileURLWithPath: "/nonexistent")) != nil else {
            Issue.record("git is not installed")
            return
        }
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try git(["init", "-q"], in: content)
        try git(["add", "."], in: content)
        try git(["commit", "-q", "-m", "content"], in: content)
        let files = Set(try ContentSource.directory(content).listFiles().files)
        guard case .commit(let commit, false)? = revision(content, files) else {
            Issue.record("expected a clean commit")
            return
        }
        // CRLF on disk where the commit has LF: git (with eol=crlf) would call it unchanged; the bytes differ.
        let module = content.appendingPathComponent("courses/intro/01-basics.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: module, atomically: true, encoding: .utf8)
        #expect(revision(content, files) == .commit(commit, dirty: true))
    }

    @Test("a submodule under the content folder: its files are not in the commit, so reading them is dirty")
    func submodule() throws {
        guard GitRevision.executable(content: URL(fileURLWithPath: "/nonexistent")) != nil else {
            Issue.record("git is not installed")
            return
        }
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try git(["init", "-q"], in: content)
        try git(["add", "."], in: content)
        // A gitlink (mode 160000), as `git submodule add` records one; no transport needed.
        try git(["update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "ab", count: 20)),vendor"], in: content)
        try git(["commit", "-q", "-m", "content"], in: content)
        let files = Set(try ContentSource.directory(content).listFiles().files)
        guard case .commit(let commit, false)? = revision(content, files) else {
            Issue.record("expected a clean commit while the submodule is not checked out")
            return
        }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try "x".write(to: content.appendingPathComponent("vendor/notes.md"), atomically: true, encoding: .utf8)
        #expect(revision(content, files.union(["vendor/notes.md"])) == .commit(commit, dirty: true))
    }

    private func revision(_ content: URL, _ files: Set<String>, _ cache: ContentHashCache? = nil) -> Provenance.Revision? {
        ProvenanceReader.read(content: content, source: .directory(content), files: files, environment: [:], cache: cache).revision
    }

    @Test("the report prints its provenance, and two builds of the same content are byte-identical")
    func reportsCarryProvenance() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let first = try Pipeline.build(content: content, output: workspace.path("A"), search: false, options: Pipeline.Options(jobs: 2))
        let second = try Pipeline.build(content: content, output: workspace.path("B"), search: false, options: Pipeline.Options(jobs: 1))
        #expect(first.provenance != nil && first.provenance == second.provenance)
        #expect(try snapshot(workspace.path("A")) == snapshot(workspace.path("B")))
        let revision = try #require(first.provenance?.revision?.text)
        let date = try #require(first.provenance?.buildDateText)
        for page in ["coverage/cert/intermediate/index.html", "en/coverage/cert/intermediate/index.html"] {
            let html = try String(contentsOf: workspace.path("A").appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains(revision) && html.contains(date) && html.contains("Coursemap \(CoursemapVersion.current)"), "\(page)")
            #expect(html.contains("<code>cert</code>"), "\(page) names the framework")
        }
        let json = try String(contentsOf: workspace.path("A").appendingPathComponent("coverage/cert/intermediate/coverage.json"), encoding: .utf8)
        #expect(json.contains("\"revision\" : \"\(revision)\"") && json.contains("\"buildDate\" : \"\(date)\""))
        #expect(json.contains("\"coursemapVersion\" : \"\(CoursemapVersion.current)\""))
    }
}
