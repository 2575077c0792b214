import Foundation
import Testing

@testable import CoursemapServe

/// A watcher over a scratch tree that records its callbacks; stopped when the test ends.
final class WatchedTree {
    let tree: Scratch
    let calls = Recorder<Set<String>>()
    let watcher: FileWatcher

    init(polling: Bool = false, debounce: Duration = .milliseconds(50), _ setUp: (Scratch) throws -> Void = { _ in }) throws {
        tree = try Scratch()
        try setUp(tree)
        let calls = self.calls
        let root = tree.url.standardizedFileURL.path
        if polling {
            watcher = try FileWatcher(
                roots: [tree.url], source: PollingSource(roots: [root], interval: .milliseconds(100)),
                debounce: debounce) { calls.append($0) }
        } else {
            watcher = try FileWatcher(roots: [tree.url], debounce: debounce) { calls.append($0) }
        }
        watcher.start()
    }

    deinit {
        watcher.stop()
    }

    /// Every path reported so far.
    var reported: Set<String> {
        calls.all.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// Waits until `paths` have all been reported, then a little more for stray callbacks.
    func waitFor(_ paths: Set<String>) -> Bool {
        let seen = eventually { paths.isSubset(of: reported) }
        Thread.sleep(forTimeInterval: 0.3)
        return seen
    }
}

@Suite("File watcher")
struct FileWatcherTests {
    @Test("reports a written file in one callback")
    func singleWrite() throws {
        let watched = try WatchedTree { tree in try tree.write("courses/a.md", "one") }
        try watched.tree.write("courses/a.md", "two")
        #expect(watched.waitFor([watched.tree.path("courses/a.md")]))
        #expect(watched.calls.all.count == 1)
    }

    @Test("coalesces a burst of writes")
    func burst() throws {
        let watched = try WatchedTree()
        var expected = Set<String>()
        for index in 0..<20 {
            expected.insert(try watched.tree.write("module-\(index).md", "text \(index)").standardizedFileURL.path)
        }
        #expect(watched.waitFor(expected))
        #expect(watched.calls.all.count <= 3, "\(watched.calls.all.count) callbacks")
    }

    @Test("watches folders created after it started")
    func newFolders() throws {
        let watched = try WatchedTree()
        try FileManager.default.createDirectory(
            at: watched.tree.url.appendingPathComponent("new/deeper"), withIntermediateDirectories: true)
        try watched.tree.write("new/deeper/lecture.md", "x")
        #expect(watched.waitFor([watched.tree.path("new/deeper/lecture.md")]))

        // Written well after the folder's watch was added.
        try watched.tree.write("new/deeper/second.md", "y")
        #expect(watched.waitFor([watched.tree.path("new/deeper/second.md")]))
    }

    @Test("reports deletions and renames, and ignores editors' temporary files")
    func deletionsRenamesAndIgnoredNames() throws {
        let watched = try WatchedTree { tree in
            try tree.write("a.md", "a")
            try tree.write("old/b.md", "b")
        }
        try FileManager.default.removeItem(at: watched.tree.url.appendingPathComponent("a.md"))
        try FileManager.default.moveItem(
            at: watched.tree.url.appendingPathComponent("old"), to: watched.tree.url.appendingPathComponent("new"))
        for name in [".a.md.swp", "a.md~", "#a.md#", "4913", ".hidden/c.md"] {
            try watched.tree.write(name, "ignored")
        }
        try watched.tree.write("new/c.md", "c")
        #expect(watched.waitFor([watched.tree.path("a.md"), watched.tree.path("old"), watched.tree.path("new/c.md")]))
        let reported = watched.reported
        #expect(reported.contains(watched.tree.path("new")))
        #expect(!reported.contains { $0.hasSuffix("swp") || $0.hasSuffix("~") || $0.contains("#") || $0.hasSuffix("4913") })
        #expect(!reported.contains { $0.contains(".hidden") })
    }

    @Test("does not call back concurrently, and merges changes made during a callback")
    func serialCallbacks() throws {
        let tree = try Scratch()
        let active = Recorder<Int>()
        let calls = Recorder<Set<String>>()
        let overlap = Recorder<Bool>()
        let counter = Locked(0)
        let watcher = try FileWatcher(roots: [tree.url], debounce: .milliseconds(10)) { paths in
            let running = counter.withLock { count -> Int in
                count += 1
                return count
            }
            overlap.append(running > 1)
            calls.append(paths)
            active.append(running)
            Thread.sleep(forTimeInterval: 0.3)  // A slow rebuild.
            counter.withLock { $0 -= 1 }
        }
        watcher.start()
        defer { watcher.stop() }
        try tree.write("first.md", "1")
        #expect(eventually { calls.all.count == 1 })
        for index in 0..<5 {
            try tree.write("during-\(index).md", "\(index)")
            Thread.sleep(forTimeInterval: 0.05)  // Separate bursts, all while the first callback runs.
        }
        let expected = Set((0..<5).map { tree.path("during-\($0).md") })
        #expect(eventually { expected.isSubset(of: calls.all.reduce(into: Set<String>()) { $0.formUnion($1) }) })
        #expect(!overlap.all.contains(true))
        #expect(calls.all.count <= 3, "\(calls.all.count) callbacks")
    }

    @Test("stop returns promptly and no callback follows it")
    func stop() throws {
        let watched = try WatchedTree()
        let clock = ContinuousClock()
        let elapsed = clock.measure { watched.watcher.stop() }
        #expect(elapsed < .seconds(1))
        try watched.tree.write("after.md", "x")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watched.calls.all.isEmpty)
        watched.watcher.stop()  // Again: nothing happens.
    }

    @Test("refuses a root that is not a folder")
    func badRoot() throws {
        let tree = try Scratch()
        let file = try tree.write("file.md", "x")
        #expect(throws: FileWatcherError.notADirectory(file.standardizedFileURL.path)) {
            try FileWatcher(roots: [file]) { _ in }
        }
    }

    @Test("the polling fallback reports new, changed and deleted files")
    func polling() throws {
        let watched = try WatchedTree(polling: true) { tree in
            try tree.write("keep.md", "a")
            try tree.write("gone.md", "b")
        }
        try watched.tree.write("keep.md", "changed size")
        try FileManager.default.removeItem(at: watched.tree.url.appendingPathComponent("gone.md"))
        try watched.tree.write("sub/new.md", "new")
        try watched.tree.write(".x.swp", "ignored")
        #expect(watched.waitFor([watched.tree.path("keep.md"), watched.tree.path("gone.md"), watched.tree.path("sub/new.md")]))
        #expect(!watched.reported.contains { $0.hasSuffix(".swp") })
    }
}
