import Coursemap
import CoursemapModel
import Foundation
import Synchronization
import Testing

/// `serve`'s incremental rebuilds against clean builds: after every edit of a sequence, the folder the
/// preview session keeps up to date must equal, byte for byte, what `coursemap build --no-search` writes
/// from the same content.
@Suite("Incremental rebuilds (serve)")
struct IncrementalBuildTests {
    /// One edit: what it does to the content folder, and the files it touched.
    struct Edit: Sendable {
        let name: String
        let apply: @Sendable (URL) throws -> Set<String>
    }

    static func replace(_ file: String, _ old: String, _ new: String) -> @Sendable (URL) throws -> Set<String> {
        { content in
            let url = content.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "fixture changed: \(file) no longer contains \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
            return [file]
        }
    }

    static func write(_ file: String, _ text: String) -> @Sendable (URL) throws -> Set<String> {
        { content in
            let url = content.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return [file]
        }
    }

    static func delete(_ file: String) -> @Sendable (URL) throws -> Set<String> {
        { content in
            try FileManager.default.removeItem(at: content.appendingPathComponent(file))
            return [file]
        }
    }

    static let newModule = """
        ---
        title:
          zh: 进阶
          en: Advanced
        order: 3
        hours: 2
        competencies:
          cert:中级:2.1.1: I
        prerequisites: [01-basics]
        ---
        ## 进阶内容

        新模块的正文。
        """

    static let secondCourse = """
        ---
        code: "0202"
        title:
          zh: 延伸课程
          en: Further study
        credits: 1
        hours:
          theory: 8
          practice: 0
        semester: 2
        type: 专业拓展课
        ---
        第二门课程。
        """

    static let secondCourseModule = """
        ---
        title:
          zh: 延伸
          en: Further
        order: 1
        hours: 2
        competencies:
          cert:中级:1.1.1: R
        prerequisites: [01-basics]
        ---
        ## 延伸内容

        第二门课程的模块。
        """

    static let edits: [Edit] = [
        Edit(name: "module text", apply: replace("courses/intro/01-basics.md", "## 学习目标", "## 学习目标\n\n新增的一段正文。")),
        Edit(name: "module title", apply: replace("courses/intro/01-basics.md", "zh: 基础", "zh: 基础知识")),
        Edit(name: "module competency", apply: replace("courses/intro/01-basics.md", "cert:中级:1.1.2: I", "cert:中级:2.1.1: R")),
        Edit(name: "new module", apply: write("courses/intro/03-advanced.md", newModule)),
        Edit(name: "module hours", apply: replace("courses/intro/03-advanced.md", "hours: 2", "hours: 6")),
        Edit(name: "second course", apply: { content in
            try write("courses/extra/course.md", secondCourse)(content).union(write("courses/extra/01-next.md", secondCourseModule)(content))
        }),
        Edit(name: "title of a module another course's module needs", apply: replace("courses/intro/01-basics.md", "zh: 基础知识", "zh: 基础知识（一）")),
        Edit(name: "title of a module in the other course", apply: replace("courses/extra/01-next.md", "zh: 延伸", "zh: 延伸阅读")),
        Edit(name: "module moved to the other course", apply: { content in
            let from = content.appendingPathComponent("courses/extra/01-next.md"), to = content.appendingPathComponent("courses/intro/01-next.md")
            try FileManager.default.moveItem(at: from, to: to)
            return ["courses/extra/01-next.md", "courses/intro/01-next.md"]
        }),
        Edit(name: "claims and hours of the moved module", apply: { content in
            try replace("courses/intro/01-next.md", "cert:中级:1.1.1: R\n", "cert:中级:1.1.2: M\n")(content)
                .union(replace("courses/intro/01-next.md", "hours: 2", "hours: 3")(content))
        }),
        Edit(name: "hours alone", apply: replace("courses/intro/01-next.md", "hours: 3", "hours: 5")),
        Edit(name: "framework statement", apply: replace("frameworks/cert.xml", "能完成要求丙", "能完成要求丙（修订）")),
        Edit(name: "bank item", apply: replace("exercises/basics.xml", "点击率的计算公式是？", "点击率如何计算？")),
        Edit(name: "theme string", apply: write("theme/strings/en.json", #"{"home": "Start"}"#)),
        Edit(name: "course title", apply: replace("courses/intro/course.md", "zh: 导论 <课程>", "zh: 导论")),
        Edit(name: "module removed", apply: delete("courses/intro/03-advanced.md")),
        Edit(name: "dataset bytes", apply: { content in
            let url = content.appendingPathComponent("datasets/traffic.csv")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = String(text.reversed().drop(while: { $0 == "\n" }).reversed()) + "\n"
            text = text.replacingOccurrences(of: "1", with: "2")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return ["datasets/traffic.csv"]
        }),
        Edit(name: "module text again", apply: replace("courses/intro/01-basics.md", "新增的一段正文。", "改写的正文。")),
    ]

    /// A copy of the fixture site, a session on it, and its first build (one render thread).
    static func builtSession() throws -> (workspace: Workspace, content: URL, live: URL, session: PreviewSession) {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let live = workspace.path("Live")
        let session = try PreviewSession(content: content, output: live, options: Pipeline.Options(jobs: 1))
        let first = session.rebuild()
        #expect(first.updated && !first.diagnostics.hasErrors, "\(first.diagnostics.items)")
        return (workspace, content, live, session)
    }

    /// Without deferral, and as `serve` runs: pages that sum up the program deferred, then caught up.
    @Test("after each edit of a sequence, the live folder equals a clean build", arguments: [false, true])
    func sequenceMatchesCleanBuilds(deferSummaries: Bool) throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let live = workspace.path("Live")
        let session = try PreviewSession(content: content, output: live, options: Pipeline.Options(jobs: 2))
        let first = session.rebuild(deferSummaries: deferSummaries)
        #expect(first.updated && !first.diagnostics.hasErrors, "\(first.diagnostics.items)")
        #expect(!first.deferred && !session.isBehind, "a first build renders everything")

        for (step, edit) in Self.edits.enumerated() {
            let touched = try edit.apply(content)
            let result = session.rebuild(changed: touched, deferSummaries: deferSummaries)
            #expect(result.updated, "\(edit.name): \(result.diagnostics.items)")
            if deferSummaries {
                #expect(!result.written.contains { $0.hasPrefix("coverage/") || $0.hasPrefix("frameworks/") } || !result.deferred,
                    "\(edit.name): a deferring rebuild wrote a summary page")
                #expect(result.deferred == session.isBehind)
                let caughtUp = session.catchUp()
                #expect(caughtUp.updated && !session.isBehind, "\(edit.name)")
            }
            let clean = workspace.path("Clean-\(step)")
            let outcome = try Pipeline.build(content: content, output: clean, search: false, options: Pipeline.Options(jobs: 2, siteRoot: "/"))
            #expect(!outcome.diagnostics.hasErrors, "\(edit.name): \(outcome.diagnostics.items)")
            let expected = try snapshot(clean), actual = try snapshot(live)
            #expect(Set(actual.keys) == Set(expected.keys), "\(edit.name): file lists differ: only live \(Set(actual.keys).subtracting(expected.keys).sorted()), only clean \(Set(expected.keys).subtracting(actual.keys).sorted())")
            let differing = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "\(edit.name): files differ from a clean build: \(differing)")
        }
    }

    @Test("a title edit defers the coverage report; the catch-up writes it, from the latest program")
    func titleEditDefersSummaries() throws {
        let (workspace, content, live, session) = try Self.builtSession()
        let report = "coverage/cert/intermediate/index.html"

        let first = session.rebuild(changed: try Self.replace("courses/intro/01-basics.md", "zh: 基础", "zh: 基础一")(content), deferSummaries: true)
        #expect(first.deferred && session.isBehind)
        #expect(first.written.contains("courses/intro/01-basics.html"))
        #expect(!first.written.contains(report))
        // A second edit before the catch-up: the catch-up renders what both left, from the latest content.
        let second = session.rebuild(changed: try Self.replace("courses/intro/01-basics.md", "zh: 基础一", "zh: 基础二")(content), deferSummaries: true)
        #expect(second.deferred && !second.written.contains(report))
        let caughtUp = session.catchUp()
        #expect(caughtUp.written.contains(report) && caughtUp.written.contains("frameworks/cert/intermediate/1.1.1.html"))
        #expect(!session.isBehind)
        #expect(try String(contentsOf: live.appendingPathComponent(report), encoding: .utf8).contains("基础二"))
        #expect(session.catchUp().written.isEmpty, "nothing is left after a catch-up")

        let clean = workspace.path("Clean")
        _ = try Pipeline.build(content: content, output: clean, search: false, options: Pipeline.Options(jobs: 1, siteRoot: "/"))
        #expect(try snapshot(live) == snapshot(clean))
    }

    /// A `stop` for `catchUp(stoppingWhen:)` that lets `files` files through, then says stop.
    static func stop(after files: Int) -> @Sendable () -> Bool {
        let asked = Atomic<Int>(0)
        return { asked.add(1, ordering: .relaxed).newValue > files }
    }

    @Test("a catch-up told to stop keeps what it wrote and leaves the rest behind; the next one finishes it")
    func interruptedCatchUp() throws {
        let (workspace, content, live, session) = try Self.builtSession()
        let report = "coverage/cert/intermediate/index.html"
        _ = session.rebuild(changed: try Self.replace("courses/intro/01-basics.md", "zh: 基础", "zh: 基础一")(content), deferSummaries: true)
        #expect(session.isBehind)

        let refused = session.catchUp(stoppingWhen: { true })
        #expect(refused.updated && refused.interrupted && refused.pagesRendered == 0 && refused.written.isEmpty)
        #expect(session.isBehind, "nothing was caught up")

        // Three files, one thread: some summary pages are current now, the rest are still behind.
        let partial = session.catchUp(stoppingWhen: Self.stop(after: 3))
        #expect(partial.updated && partial.interrupted && session.isBehind)
        #expect(partial.pagesRendered <= 3 && !partial.written.contains(report))

        // Another edit comes before the rest: the next catch-up renders what both left, from the latest content.
        _ = session.rebuild(changed: try Self.replace("courses/intro/02-practice.xml", "<zh>实践</zh>", "<zh>实践操作</zh>")(content), deferSummaries: true)
        let finished = session.catchUp()
        #expect(finished.updated && !finished.interrupted && !session.isBehind)
        let text = try String(contentsOf: live.appendingPathComponent(report), encoding: .utf8)
        #expect(text.contains("基础一") && text.contains("实践操作"))

        let clean = workspace.path("Clean")
        _ = try Pipeline.build(content: content, output: clean, search: false, options: Pipeline.Options(jobs: 1, siteRoot: "/"))
        #expect(try snapshot(live) == snapshot(clean))
    }

    /// The content hash in the reports' provenance changes with the edit (the fixture is not in git), so the
    /// reports and their `coverage.json` follow in the catch-up, and nothing else does.
    @Test("a text-only edit of a module renders just that module's pages; the catch-up only the reports' provenance")
    func textEditIsNarrow() throws {
        let (workspace, content, live, session) = try Self.builtSession()
        let report = "coverage/cert/intermediate/index.html"
        let before = try String(contentsOf: live.appendingPathComponent(report), encoding: .utf8)
        let touched = try Self.replace("courses/intro/01-basics.md", "脚注内容。", "脚注内容，已修改。")(content)
        let result = session.rebuild(changed: touched, deferSummaries: true)
        #expect(result.textOnly)
        #expect(result.pagesRendered == 2)
        #expect(result.written == ["courses/intro/01-basics.html", "en/courses/intro/01-basics.html"])
        #expect(result.removed.isEmpty)
        let caughtUp = session.catchUp()
        let expected: Set<String> = [
            "coverage/cert/intermediate/index.html", "coverage/cert/intermediate/coverage.json", "coverage/po/index.html", "coverage/po/coverage.json",
            "en/coverage/cert/intermediate/index.html", "en/coverage/cert/intermediate/coverage.json", "en/coverage/po/index.html",
            "en/coverage/po/coverage.json",
        ]
        #expect(Set(caughtUp.written) == expected)
        let after = try String(contentsOf: live.appendingPathComponent(report), encoding: .utf8)
        #expect(before != after && after.contains("sha256:"))
        let clean = workspace.path("Clean")
        _ = try Pipeline.build(content: content, output: clean, search: false, options: Pipeline.Options(jobs: 1, siteRoot: "/"))
        #expect(try snapshot(live) == snapshot(clean))
    }

    @Test("a save through a temporary file (as `sed -i` makes) counts as an edit of the saved file alone")
    func temporaryFileIsIgnored() throws {
        let (workspace, content, _, session) = try Self.builtSession()
        defer { withExtendedLifetime(workspace) {} }  // its deinit removes the folder
        var touched = try Self.replace("courses/intro/01-basics.md", "脚注内容。", "脚注内容，已修改。")(content)
        touched.insert("courses/intro/sedX1b2c3")  // written, then renamed over the module before the watcher looked
        let result = session.rebuild(changed: touched, deferSummaries: true)
        #expect(result.textOnly)
        #expect(result.written == ["courses/intro/01-basics.html", "en/courses/intro/01-basics.html"])
    }

    @Test("content with errors leaves the last good pages in place, and fixing it updates them")
    func errorsKeepLastGoodPages() throws {
        let (workspace, content, live, session) = try Self.builtSession()
        let before = try snapshot(live)

        let broken = try Self.replace("courses/intro/01-basics.md", "hours: 4", "hours: [4")(content)
        let failed = session.rebuild(changed: broken)
        #expect(!failed.updated)
        #expect(failed.diagnostics.hasErrors)
        #expect(failed.diagnostics.items.contains { $0.location.file == "courses/intro/01-basics.md" })
        #expect(try snapshot(live) == before)

        let fixed = try Self.replace("courses/intro/01-basics.md", "hours: [4", "hours: 5")(content)
        let result = session.rebuild(changed: fixed)
        #expect(result.updated && !result.diagnostics.hasErrors)
        let clean = workspace.path("Clean")
        _ = try Pipeline.build(content: content, output: clean, search: false, options: Pipeline.Options(jobs: 1, siteRoot: "/"))
        #expect(try snapshot(live) == snapshot(clean))
    }

    @Test("while another file has an error, a text-only edit does not publish or clear the error")
    func textEditWhileBroken() throws {
        let (workspace, content, live, session) = try Self.builtSession()
        defer { withExtendedLifetime(workspace) {} }  // its deinit removes the folder
        let before = try snapshot(live)
        let broken = try Self.replace("courses/intro/course.md", "credits: 2", "credits: [2")(content)
        #expect(!session.rebuild(changed: broken).updated)
        let text = try Self.replace("courses/intro/01-basics.md", "脚注内容。", "脚注内容，已修改。")(content)
        let result = session.rebuild(changed: text)
        #expect(!result.updated)
        #expect(result.diagnostics.items.contains { $0.location.file == "courses/intro/course.md" })
        #expect(try snapshot(live) == before)
    }

    @Test("a first rebuild into a previous build's folder removes the files the content no longer makes")
    func previousBuildIsTidied() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let live = workspace.path("Live")
        _ = try Pipeline.build(content: content, output: live, search: false, options: Pipeline.Options(jobs: 1, siteRoot: "/"))
        try "old".write(to: live.appendingPathComponent("courses/intro/gone.html"), atomically: true, encoding: .utf8)
        let session = try PreviewSession(content: content, output: live, options: Pipeline.Options(jobs: 1))
        let result = session.rebuild()
        #expect(result.removed == ["courses/intro/gone.html"])
        #expect(result.written.isEmpty)
    }
}
