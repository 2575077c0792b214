@testable import Coursemap
import CoursemapModel
import Foundation
import Testing

/// What Pagefind wrote is checked, not its exit status: a real index passes, and every kind of damage a
/// full disk leaves (a file cut short, emptied or missing, a language or its pages missing) is found.
@Suite("Search index check", .serialized)
struct SearchIndexCheckTests {
    /// A site built with a real Pagefind (installed by scripts/install-test-deps.sh).
    private static func indexedSite() throws -> (Workspace, URL) {
        let workspace = try Workspace()
        let site = workspace.path("Site")
        let outcome = try Pipeline.build(content: fixtureSite, output: site, search: true)
        #expect(!outcome.diagnostics.hasErrors)
        #expect(!outcome.diagnostics.sorted.contains { $0.code == .searchIndex }, "Pagefind is not installed")
        return (workspace, site)
    }

    private func files(_ site: URL, _ folder: String, suffix: String) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(folder).path)
        let found = names.filter { $0.hasSuffix(suffix) }.sorted().map { site.appendingPathComponent(folder).appendingPathComponent($0) }
        #expect(!found.isEmpty, "no \(suffix) in \(folder)")
        return found
    }

    @Test("the index Pagefind wrote passes")
    func completeIndexPasses() throws {
        let (workspace, site) = try Self.indexedSite()
        withExtendedLifetime(workspace) {
            #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) == nil)
        }
    }

    @Test("a gzip file of the index cut short, emptied or with bytes changed is found")
    func damagedGzipFiles() throws {
        let (workspace, site) = try Self.indexedSite()
        let targets = try files(site, "pagefind", suffix: ".pagefind") + files(site, "pagefind", suffix: ".pf_meta")
            + files(site, "pagefind/fragment", suffix: ".pf_fragment").prefix(2) + files(site, "pagefind/index", suffix: ".pf_index").prefix(2)
        for target in targets {
            let original = try Data(contentsOf: target)
            let damaged: [(String, Data)] = [
                ("cut to half", original.prefix(original.count / 2)),
                ("one byte short", original.dropLast()),
                ("emptied", Data()),
                ("a byte flipped in the trailer", Data(original.enumerated().map { $0.offset == original.count - 6 ? $0.element ^ 0x40 : $0.element })),
                ("garbage after the end", original + Data([0x1f])),
            ]
            for (kind, bytes) in damaged {
                try bytes.write(to: target)
                #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) != nil, "\(target.lastPathComponent) \(kind)")
            }
            try original.write(to: target)
        }
        #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) == nil)
        withExtendedLifetime(workspace) {}
    }

    @Test("a missing entry, language, fragment folder or script is found")
    func missingPieces() throws {
        let (workspace, site) = try Self.indexedSite()
        let folder = site.appendingPathComponent("pagefind")
        let entry = folder.appendingPathComponent("pagefind-entry.json")
        let original = try Data(contentsOf: entry)
        for text in ["", "{", "{\"languages\":{}}", "[1]", String(decoding: original.prefix(original.count - 3), as: UTF8.self)] {
            try Data(text.utf8).write(to: entry)
            #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) != nil, "\(text)")
        }
        try original.write(to: entry)
        #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages.union(["fr"])) != nil)

        let script = folder.appendingPathComponent("pagefind.js")
        let scriptBytes = try Data(contentsOf: script)
        for cut in [scriptBytes.count / 3, scriptBytes.count - 40, 0] {
            try scriptBytes.prefix(cut).write(to: script)
            #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) != nil, "pagefind.js cut at \(cut)")
        }
        try scriptBytes.write(to: script)

        let fragments = folder.appendingPathComponent("fragment")
        let first = try files(site, "pagefind/fragment", suffix: ".pf_fragment")[0]
        try FileManager.default.removeItem(at: first)
        #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) != nil, "one page fewer than the entry counts")
        try FileManager.default.removeItem(at: fragments)
        #expect(SearchIndexCheck.problem(in: site, languages: SearchIndexer.languages) != nil)
        withExtendedLifetime(workspace) {}
    }
}
