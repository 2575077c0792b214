@testable import CoursemapRender
import Testing

@Suite("Render batches")
struct RenderBatchesTests {
    @Test("consecutive files of one folder form a batch; a change of folder starts a new one")
    func byFolder() {
        let paths = ["courses/a/index.html", "courses/a/m1.html", "courses/a/m2.html", "courses/b/index.html", "courses/b/m1.html", "index.html"]
        let batches = RenderBatches.group(folders: paths.map(RenderBatches.folder(of:)), isAlone: paths.map { _ in false })
        #expect(batches == [0..<3, 3..<5, 5..<6])
    }

    @Test("a folder seen again later is a new batch, so the order of the queue is kept")
    func orderKept() {
        let folders: [Substring] = ["a", "b", "a"]
        #expect(RenderBatches.group(folders: folders, isAlone: [false, false, false]) == [0..<1, 1..<2, 2..<3])
    }

    @Test("files that summarise the program are batches of their own, even in one folder")
    func summarisingAlone() {
        let folders: [Substring] = ["coverage/x", "coverage/x", "coverage/x", "courses/a", "courses/a"]
        let batches = RenderBatches.group(folders: folders, isAlone: [true, true, false, false, false])
        #expect(batches == [0..<1, 1..<2, 2..<3, 3..<5])
    }

    @Test("a long run of one folder is cut at the limit, and the batches cover every index once")
    func limit() {
        let folders = [Substring](repeating: "courses/big", count: 10)
        let batches = RenderBatches.group(folders: folders, isAlone: [Bool](repeating: false, count: 10), limit: 4)
        #expect(batches == [0..<4, 4..<8, 8..<10])
        #expect(batches.flatMap { Array($0) } == Array(0..<10))
    }

    @Test("an empty queue has no batches; a root file's folder is empty")
    func edges() {
        #expect(RenderBatches.group(folders: [], isAlone: []).isEmpty)
        #expect(RenderBatches.folder(of: "index.html") == "")
        #expect(RenderBatches.folder(of: "en/courses/a/m1.html") == "en/courses/a")
    }
}
