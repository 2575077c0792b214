import Coursemap
import CoursemapModel
import Foundation
import Testing

/// Hostile file names on disk, end to end: refused, reported on one escaped line each, and the previous site
/// kept; names that are one file on macOS and Windows reported at both places.
@Suite("Hostile names")
struct HostileNameTests {
    /// File names (NUL and `/` cannot be in a Linux name) made to forge diagnostics or drive a terminal.
    static let names: [String] = [
        "courses/intro/x.md\nx.md:1:1: error[CM999]: forged by a file name.md",
        "courses/intro/a\u{1B}[31mred\u{1B}[0m.md",
        "courses/intro/\u{1B}]8;;mailto:x@example.invalid\u{7}link\u{1B}]8;;\u{7}.md",
        "courses/intro/bell\u{7}.md",
        "courses/intro/csi\u{9B}2J.md",
        "courses/intro/exe.\u{202E}dm.md",
        "resources/cr\rline.md",
        "datasets/del\u{7F}\u{FFFE}.csv",
        "lectures/\u{1B}[2J/clear.md",
    ]

    @Test("control characters in file names: CM108 each, one printable diagnostic line each, exact names in JSON, Site kept")
    func controlCharacters() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let output = workspace.path("Site")
        _ = try Pipeline.build(content: content, output: output)
        let before = try snapshot(output)
        for name in Self.names {
            let url = content.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "---\ntitle: 坏\norder: 20\nhours: 1\n---\nx\n".write(to: url, atomically: false, encoding: .utf8)
        }
        let outcome = try Pipeline.build(content: content, output: output)
        let refused = outcome.diagnostics.sorted.filter { $0.code == .controlCharacterInName }
        #expect(Set(refused.map { Array($0.location.file.utf8) }) == Set(Self.names.map { Array($0.utf8) }))
        #expect(outcome.diagnostics.sorted.allSatisfy { $0.code == .controlCharacterInName }, "\(outcome.diagnostics.sorted)")
        #expect(try snapshot(output) == before)

        let text = DiagnosticReport.text(outcome.diagnostics)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == outcome.diagnostics.sorted.count)
        for line in lines {
            #expect(ControlCharacters.firstUnsafe(in: String(line)) == nil, "unescaped: \(line.debugDescription)")
            #expect(line.hasPrefix("courses/") || line.hasPrefix("resources/") || line.hasPrefix("datasets/") || line.hasPrefix("lectures/"))
            #expect(line.contains(": error[CM108]: "), "\(line)")
        }
        // The forged diagnostic stays inside the real one's line, escaped.
        #expect(!lines.contains { $0.hasPrefix("x.md:1:1:") })
        #expect(text.contains("courses/intro/x.md\\u{000A}x.md:1:1: error[CM999]: forged by a file name.md: error[CM108]: "))

        let json = DiagnosticReport.json(outcome.diagnostics)
        #expect(ControlCharacters.firstUnsafe(in: json, allowingLayout: true) == nil)
        #expect(!json.contains("\t"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(document["diagnostics"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(Set(files.map { Array($0.utf8) }) == Set(Self.names.map { Array($0.utf8) }))
    }

    @Test("NFC/NFD and case twins on disk: CM412 at both files, and module ids that differ only in case")
    func twins() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let module = { (order: Int) in "---\ntitle: 模块\norder: \(order)\nhours: 1\n---\nx\n" }
        let nfc = "courses/intro/Caf\u{E9}.md", nfd = "courses/intro/Cafe\u{301}.md"
        for (index, name) in [nfc, nfd, "courses/intro/Intro.md", "courses/intro/intro.md", "resources/模块.md"].enumerated() {
            try module(index + 5).write(toFile: content.path + "/" + name, atomically: false, encoding: .utf8)
        }
        try "---\ntitle: 文档\nkind: document\n---\nx\n".write(toFile: content.path + "/resources/模块.MD", atomically: false, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let twins = outcome.diagnostics.sorted.filter { $0.code == .caseCollision }
        let paths = twins.filter { $0.location.line == nil && $0.message.hasPrefix("this path") }.map(\.location.file)
        #expect(paths.count == 6)
        // The pages of the two modules would be one file as well (in both languages), which the last check
        // before writing reports at the published paths.
        let published = twins.filter { $0.message.hasPrefix("the published files") }
        #expect(published.map(\.location.file) == ["courses/intro/Intro.html", "en/courses/intro/Intro.html"])
        #expect(published.first?.message.contains("'courses/intro/Intro.html' and 'courses/intro/intro.html'") == true)
        #expect(paths.contains { $0.utf8.elementsEqual(nfc.utf8) } && paths.contains { $0.utf8.elementsEqual(nfd.utf8) })
        #expect(Set(paths).isSuperset(of: ["courses/intro/Intro.md", "courses/intro/intro.md", "resources/模块.md", "resources/模块.MD"]))
        // The ids taken from the file names collide too.
        #expect(twins.filter { $0.location.line != nil }.map(\.location.file).sorted() == ["courses/intro/Intro.md", "courses/intro/intro.md"])
    }

    @Test("published files that differ only in case: a theme asset beside a built-in one is CM412 at both, and nothing is written", arguments: [
        "theme/assets/STYLE.CSS", "theme/assets/Style.css", "theme/assets/SELFCHECK.js",
    ])
    func publishedPaths(_ override: String) throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("theme/assets"), withIntermediateDirectories: true)
        try "body{}".write(to: content.appendingPathComponent(override), atomically: false, encoding: .utf8)
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: content, output: output)
        let builtIn = "assets/" + override.dropFirst("theme/assets/".count).lowercased()
        #expect(outcome.diagnostics.sorted.map(\.location.file) == [override], "\(outcome.diagnostics.sorted)")
        #expect(outcome.diagnostics.sorted.first?.message.contains("'\(builtIn)'") == true)
        #expect(outcome.diagnostics.sorted.allSatisfy { $0.code == .caseCollision })
        #expect(outcome.filesWritten == 0)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test("control characters escaped into a CASE package's statements and title: CM209", arguments: [
        "\\u001b[31m", "\\u0007", "\\u009b", "\\u202e", "\\u0000", "\\ufffe",
    ])
    func casePackage(_ escape: String) throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let fixture = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/interop/case/SmartLevelFramework.json")
        let json = try String(contentsOf: fixture, encoding: .utf8)
            .replacingOccurrences(of: "\"fullStatement\": \"Item 2\"", with: "\"fullStatement\": \"Item\(escape) 2\"")
            .replacingOccurrences(of: "\"title\": \"SmartLevel Test\"", with: "\"title\": \"Smart\(escape)Level\"")
        try json.write(to: content.appendingPathComponent("frameworks/smart-level.case.json"), atomically: false, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let problems = outcome.diagnostics.sorted.filter { $0.code == .controlCharacterInText }
        #expect(problems.count == 2, "\(outcome.diagnostics.sorted)")
        #expect(problems.allSatisfy { $0.location.file == "frameworks/smart-level.case.json" })
        #expect(problems.contains { $0.message.hasPrefix("the framework's title") })
    }

    @Test("a file name that is not UTF-8: CM108, shown with U+001A for each byte that is not, and not read")
    func notUTF8() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        for suffix: [UInt8] in [[0xFF], [0xC3, 0x28], [0xFF, 0xFE, 0x41], [0xED, 0xA0, 0x80]] {
            let path = Array((content.path + "/courses/intro/bad-").utf8) + suffix + Array(".md".utf8) + [0]
            let descriptor = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
            }
            #expect(descriptor >= 0)
            _ = "---\ntitle: 坏\norder: 9\nhours: 1\n---\nx\n".withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        let outcome = Pipeline.check(content: content)
        let problems = outcome.diagnostics.sorted
        #expect(problems.count == 4 && problems.allSatisfy { $0.code == .controlCharacterInName }, "\(problems)")
        #expect(problems.allSatisfy { $0.location.file.hasPrefix("courses/intro/bad-\u{1A}") && $0.message.contains("not UTF-8") })
        #expect(DiagnosticReport.text(outcome.diagnostics).contains("courses/intro/bad-\\u{001A}"))
    }

    @Test("a folder whose name is not UTF-8: CM108 at the folder; the rest of the content is still read")
    func folderNotUTF8() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        for suffix: [UInt8] in [[0xFF], [0xC3, 0x28]] {
            let folder = Array((content.path + "/courses/intro/d-").utf8) + suffix
            #expect((folder + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) }
            } == 0)
            let file = folder + Array("/m.md".utf8) + [0]
            let descriptor = file.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
            }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        // A second problem elsewhere is still found: the listing went on past the folders.
        try "---\ntitle: x\n".write(to: content.appendingPathComponent("courses/intro/zz-broken.md"), atomically: true, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let names = outcome.diagnostics.sorted.filter { $0.code == .controlCharacterInName }
        #expect(names.map(\.location.file) == ["courses/intro/d-\u{1A}", "courses/intro/d-\u{1A}("], "\(outcome.diagnostics.sorted)")
        #expect(!outcome.diagnostics.items.contains { $0.code == .unreadableFile })
        #expect(outcome.diagnostics.items.contains { $0.location.file == "courses/intro/zz-broken.md" })
    }
}
