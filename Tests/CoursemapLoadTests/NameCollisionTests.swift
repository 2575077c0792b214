import CoursemapLoad
import CoursemapModel
import Foundation
import Testing

@Suite("Paths that are one file on macOS and Windows")
struct NameCollisionTests {
    /// The paths CM412 is reported at when `extra` files join the base tree, in byte order.
    func collisions(_ extra: [String]) -> [String] {
        let files = baseContent.map { ($0.key, $0.value) } + extra.map { ($0, "---\ntitle: 模块\norder: 1\nhours: 1\n---\n") }
        let content = ContentLoader(source: listedSource(files)).load()
        return content.diagnostics.items.filter { $0.code == .caseCollision }.map(\.location.file)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static let nfc = "courses/c/Caf\u{E9}.md", nfd = "courses/c/Cafe\u{301}.md"

    @Test("case twins, NFC/NFD twins and both at once: CM412 at every spelling", arguments: [
        ["courses/c/Intro.md", "courses/c/intro.md"],
        [nfc, nfd],
        ["courses/c/\u{6A21}\u{5757}.md", "courses/c/\u{6A21}\u{5757}.MD"],
        ["courses/c/\u{C5}ngstr\u{F6}m.md", "courses/c/A\u{30A}ngstro\u{308}m.md", "courses/c/\u{E5}NGSTR\u{D6}M.md"],
        ["courses/c/\u{AC00}.md", "courses/c/\u{1100}\u{1161}.md"],
        ["resources/Guide.md", "resources/GUIDE.md"],
        // Letters whose lower-case forms differ but which fold together (long s, micro sign, final sigma,
        // dotless i), as APFS and NTFS fold them.
        ["courses/c/x\u{17F}.md", "courses/c/xs.md"],
        ["courses/c/\u{B5}.md", "courses/c/\u{3BC}.md"],
        ["courses/c/\u{3C2}.md", "courses/c/\u{3C3}.md"],
        ["courses/c/\u{131}d.md", "courses/c/id.md"],
    ])
    func twins(_ paths: [String]) {
        #expect(collisions(paths) == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test("folders that differ only in case are reported as folders")
    func folders() {
        #expect(collisions(["courses/Net/course.md", "courses/net/m.md"]) == ["courses/Net", "courses/net"])
    }

    @Test("names that only look alike are not twins: other letters, other accents, an added character")
    func distinct() {
        #expect(collisions(["courses/c/Cafe.md", Self.nfc, "courses/c/Caf\u{E8}.md", "courses/c/intro-1.md", "courses/c/intro.md"]).isEmpty)
    }

    @Test("the message names the other spelling and says which one is decomposed")
    func message() throws {
        let files = baseContent.map { ($0.key, $0.value) } + [(Self.nfc, "x"), (Self.nfd, "x")]
        let problems = ContentLoader(source: listedSource(files)).load().diagnostics.sorted.filter { $0.code == .caseCollision }
        #expect(problems.count == 2)
        let atNFC = try #require(problems.first { $0.location.file.utf8.elementsEqual(Self.nfc.utf8) })
        #expect(atNFC.message.contains("(NFC)") && atNFC.message.contains("'\(Self.nfd)' (NFD)"))
    }
}
