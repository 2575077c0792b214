import Coursemap
@testable import CoursemapCLI
import CoursemapModel
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtureSite = packageRoot.appendingPathComponent("Tests/Fixtures/site")
let shippedContent = packageRoot.appendingPathComponent("Content")

/// A temporary folder per test.
final class Workspace {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A copy of a content tree that a test may break.
    func copy(_ source: URL, to name: String) throws -> URL {
        let target = path(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// Every file under `root`, relative path → bytes.
func snapshot(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        files[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
}

@Suite("Build end to end")
struct BuildTests {
    @Test("the fixture site builds, and every relative link, source and anchor in it resolves")
    func linksResolve() throws {
        let workspace = try Workspace()
        let output = workspace.path("Site")
        let outcome = try Pipeline.build(content: fixtureSite, output: output)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.sorted)")
        let files = try snapshot(output)
        let pages = files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count == 70)  // 69 and the English 404 page
        var checked: [String: Int] = [:]
        for path in pages {
            let html = String(decoding: files[path]!, as: UTF8.self)
            #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#), "\(path) has no CSP")
            for (attribute, value) in PageLinks.urls(in: html) {
                // The search page's Pagefind bundle is made by Pagefind, which this test does not run.
                if attribute == "data-pagefind" { continue }
                guard let (target, fragment) = PageLinks.target(of: value, from: path, sitePath: "/portal/") else { continue }
                #expect(files[target] != nil, "\(path) refers to missing \(value) (\(attribute))")
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), let page = files[target] {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(fragment)\""), "\(path) links to missing anchor \(value)")
                }
                checked[attribute, default: 0] += 1
            }
        }
        #expect(checked["href", default: 0] > 100)
        // Scripts, the stylesheet's link aside, and the lecture's video and captions are sources.
        #expect(checked["src", default: 0] > 100)
        #expect(checked["action", default: 0] > 50)
    }

    @Test("two builds of the same content are byte-identical")
    func deterministic() throws {
        let workspace = try Workspace()
        _ = try Pipeline.build(content: shippedContent, output: workspace.path("one"))
        _ = try Pipeline.build(content: shippedContent, output: workspace.path("two"))
        let one = try snapshot(workspace.path("one")), two = try snapshot(workspace.path("two"))
        #expect(one.count > 50)
        #expect(one == two)
    }

    @Test("a build with errors leaves the previous output untouched")
    func failedBuildKeepsOutput() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let output = workspace.path("Site")
        _ = try Pipeline.build(content: content, output: output)
        let before = try snapshot(output)

        try "---\ntitle: 坏\norder: 3\nhours: 1\ncompetencies:\n  cert:中级:9.9.9: I\n---\n"
            .write(to: content.appendingPathComponent("courses/intro/03-broken.md"), atomically: true, encoding: .utf8)
        let outcome = try Pipeline.build(content: content, output: output)
        #expect(outcome.diagnostics.hasErrors)
        #expect(outcome.filesWritten == 0)
        #expect(try snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).sorted() == ["Content", "Site"])
    }

    @Test("the shipped example content builds with no errors and no warnings")
    func shippedContentIsClean() throws {
        let outcome = Pipeline.check(content: shippedContent)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.sorted)")
        let certificate = try #require(outcome.program.frameworks.first { $0.kind == .certificate })
        #expect(certificate.illustrative)
        #expect(certificate.levels.first?.areas.count == 6)
        let report = try #require(outcome.coverage.first { $0.scope.framework == certificate.id })
        // The example keeps deliberate gaps so the coverage page has something to show.
        #expect(report.count(.gap) > 0 && report.count(.partial) > 0 && report.count(.covered) > 0)
        #expect(outcome.program.allModules.contains { $0.format == .xml })
    }

}

@Suite("Command line")
struct CommandLineTests {
    @Test("check exits 0 on clean content and 1 on errors; build exits 2 on a refused output")
    func exitStatuses() throws {
        let workspace = try Workspace()
        #expect(Main.run(["check", "--content", fixtureSite.path]) == 0)

        let content = try workspace.copy(fixtureSite, to: "Content")
        try "title: [unclosed\n".write(to: content.appendingPathComponent("coursemap.yml"), atomically: true, encoding: .utf8)
        #expect(Main.run(["check", "--content", content.path]) == 1)

        let foreign = workspace.path("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "x".write(to: foreign.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        #expect(Main.run(["build", "--content", fixtureSite.path, "--output", foreign.path]) == 2)
        #expect(Main.run(["build", "--content", workspace.path("missing").path]) == 2)
        #expect(Main.run(["frobnicate"]) == 2)
        #expect(Main.run(["--version"]) == 0)
    }

    @Test("check --format json reports each problem at its file and line")
    func jsonDiagnostics() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try "---\ntitle: 坏\norder: 3\nhours: 1\ncompetencies:\n  cert:中级:9.9.9: I\n---\n"
            .write(to: content.appendingPathComponent("courses/intro/03-broken.md"), atomically: true, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let json = DiagnosticReport.json(outcome.diagnostics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["code"] as? String == "CM401")
        #expect(entry["severity"] as? String == "error")
        #expect(entry["file"] as? String == "courses/intro/03-broken.md")
        #expect(entry["line"] as? Int == 6)
        #expect(entry["column"] as? Int == 3)
        #expect((entry["message"] as? String)?.contains("cert:中级:9.9.9") == true)
    }
}
