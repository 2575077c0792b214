@testable import CoursemapCLI
import Coursemap
import CoursemapModel
import CoursemapRender
import Foundation
import Testing

/// Runs `coursemap coverage` with `arguments` and returns what it prints on standard output and its exit
/// status, as `Main.run` would (usage failures are 2).
func coverageCommand(_ arguments: [String]) throws -> (text: String, status: Int32) {
    let command = try Coverage.parse(arguments)
    return try command.output()
}

@Suite("Gates and the coverage command's formats")
struct CoverageCommandTests {
    @Test("a gate fails check and build with a diagnostic per requirement that breaks it")
    func gates() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let config = content.appendingPathComponent("coursemap.yml")
        let gates = "\ngates:\n  - scope: cert:中级\n    taught: true\n    min_items: 3\n  - no_orphans: true\n"
        try (try String(contentsOf: config, encoding: .utf8) + gates).write(to: config, atomically: true, encoding: .utf8)
        let outcome = Pipeline.check(content: content)
        let failures = outcome.diagnostics.sorted.filter { $0.code == .gateFailed }
        #expect(failures.map(\.message) == [
            "gate min_items 3: cert:中级:2.1.1 is assessed by 0 items",
            "gate taught: cert:中级:2.1.1 is taught by no module or micro-lecture",
            "gate no_orphans: resource standard is mapped to no competency",
        ])
        // At the line of each gate in coursemap.yml.
        #expect(failures.map(\.location.line) == [11, 11, 14])
        #expect(Main.run(["check", "--content", content.path]) == 1)
        #expect(Main.run(["build", "--content", content.path, "--output", workspace.path("Site").path]) == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("Site").path))
    }

    @Test("--format json with one scope prints that scope's coverage.json, byte for byte")
    func jsonOneScope() throws {
        let (text, status) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级", "--format", "json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["framework"] as? [String: Any])?["id"] as? String == "cert")
        #expect((object["requirements"] as? [[String: Any]])?.map { $0["code"] as? String } == ["1.1.1", "1.1.2", "2.1.1"])
        // The same bytes as the built site's coverage.json.
        let workspace = try Workspace()
        #expect(Main.run(["build", "--content", fixtureSite.path, "--output", workspace.path("Site").path, "--no-search"]) == 0)
        let written = try String(contentsOf: workspace.path("Site/coverage/cert/intermediate/coverage.json"), encoding: .utf8)
        #expect(text == written)
    }

    @Test("--format json with several scopes prints one document with every report")
    func jsonSeveralScopes() throws {
        let (text, status) = try coverageCommand(["--content", fixtureSite.path, "--format", "json"])
        #expect(status == 0)
        // One document: JSONSerialization refuses two back to back.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["formatVersion", "reports"])
        #expect(object["formatVersion"] as? Int == 2)
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.map { ($0["framework"] as? [String: Any])?["id"] as? String } == ["cert", "po"])
        #expect(reports.map { ($0["summary"] as? [String: Any])?["total"] as? Int } == [3, 2])
    }

    @Test("--format csv prints one CSV with one header for every scope, with a byte-order mark unless --no-bom")
    func csv() throws {
        let (text, status) = try coverageCommand(["--content", fixtureSite.path, "--format", "csv"])
        #expect(status == 0)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = text.dropFirst().components(separatedBy: "\r\n").dropLast()
        #expect(text.hasSuffix("\r\n"))
        #expect(rows.count { $0.contains("Code") && $0.contains("Requirement") } == 1)
        #expect(rows.first?.contains("编码 Code") == true)
        #expect(rows.contains { $0.hasPrefix("cert:中级:1.1.1,") || $0.contains(",cert:中级:1.1.1,") })
        #expect(rows.contains { $0.hasPrefix("po:K1,") || $0.contains(",po:K1,") })
        // No byte-order mark anywhere but at the start.
        #expect(text.dropFirst().unicodeScalars.allSatisfy { $0 != "\u{FEFF}" })

        let (plain, _) = try coverageCommand(["--content", fixtureSite.path, "--format", "csv", "--no-bom"])
        #expect(plain.unicodeScalars.first != "\u{FEFF}")
        #expect(plain == String(text.dropFirst()))
    }

    @Test("the table names every orphan, shows each requirement's text and prints Chinese labels by default")
    func tableInChinese() throws {
        let (text, status) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级"])
        #expect(status == 0)
        #expect(text.contains("已覆盖 1 · 部分覆盖 1 · 未覆盖 1 · 共 3 · 覆盖率 33.3%"))
        let lines = text.split(separator: "\n")
        // Each requirement's line: status, reasons, 学时, 微课时长, modules, items, text.
        #expect(lines.contains { $0.hasPrefix("1.1.2") && $0.contains("部分覆盖  最高 R 未达 M") && $0.contains("4.5") && $0.contains("0/3/0") })
        #expect(lines.contains { $0.hasPrefix("2.1.1") && $0.contains("未覆盖    无教学、无考核") })
        #expect(text.contains("部分覆盖（1）：\n  1.1.2  最高 R 未达 M\n"))
        #expect(text.contains("能完成要求甲") && text.contains("能完成要求丙"))
        #expect(text.contains("未映射（1）："))
        #expect(text.contains("资源（1）：\n    standard\n"))
        #expect(text.contains("无教学（1）：\n  2.1.1\n"))
        #expect(!text.contains("covered"))
    }

    @Test("--lang en gives English labels and statements")
    func tableInEnglish() throws {
        let (text, _) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级", "--lang", "en"])
        #expect(text.contains("covered 1 · partial 1 · gap 1 · total 3 · covered 33.3%"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("1.1.2") && $0.contains("partial  below-level (R < M)") })
        #expect(lines.contains { $0.hasPrefix("2.1.1") && $0.contains("gap      not-taught, not-assessed") })
        #expect(text.contains("Can do A"))
        // A statement without English falls back to Chinese.
        #expect(text.contains("能完成要求乙"))
        #expect(text.contains("Mapped to nothing (1):\n  resources (1):\n    standard\n"))
        #expect(text.contains("Not taught (1):\n  2.1.1\n"))
        #expect(!text.contains("已覆盖"))
    }

    @Test("requirement text is cut to the terminal width with …, measuring Chinese characters as two columns")
    func tableTruncation() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let statement = "能够根据店铺后台数据完成流量指标的采集、清洗与分析并提出优化建议"
        try edit(content.appendingPathComponent("frameworks/cert.xml"), "<zh>能完成要求甲</zh>", "<zh>\(statement)</zh>")
        let document = try #require(coverageDocument(content, scope: "cert:中级"))
        for width in [100, 110, 120] {
            let table = CoverageTerminalTable(language: .zh, width: width).render(document)
            let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("1.1.1") })
            #expect(TerminalText.width(line) <= width)
            #expect(TerminalText.width(line) >= width - 1)  // a wide character may leave one column
            #expect(line.hasSuffix("…"))
            let kept = String(line.split(separator: " ").last!.dropLast())
            #expect(statement.hasPrefix(kept) && !kept.isEmpty)
        }
        // Too narrow for the fixed columns: the text keeps 12 columns and the line wraps in the terminal.
        let narrow = CoverageTerminalTable(language: .zh, width: 40).render(document)
        #expect(narrow.contains("  能够根据店…\n"))
        let wide = CoverageTerminalTable(language: .zh, width: 200).render(document)
        #expect(wide.contains(statement) && !wide.contains("…"))
        #expect(TerminalWidth.current(environment: ["COLUMNS": "72"]) == 72)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "0"]) > 0)
    }

    @Test("each scope starts with its provenance line: framework, level, version, revision, build date, Coursemap")
    func provenanceLine() throws {
        var document = try #require(coverageDocument(fixtureSite, scope: "cert:中级"))
        document.provenance = CoverageDocument.ProvenanceInfo(Provenance(
            revision: .commit("0123456789abcdef0123456789abcdef01234567", dirty: true), buildDate: 1_700_000_000,
            dateSource: .sourceDateEpoch, coursemapVersion: "9.9.9"))
        let zh = CoverageTerminalTable(language: .zh, width: 100).render(document)
        #expect(zh.hasPrefix(
            "cert 测试证书 · 中级 · 版本 1 · 内容版本 0123456789abcdef0123456789abcdef01234567（含未提交的修改） · 生成于 2023-11-14 22:13 UTC · Coursemap 9.9.9\n"))
        document.provenance = CoverageDocument.ProvenanceInfo(Provenance(
            revision: .contentHash("0123456789abcdef"), buildDate: nil, dateSource: nil, coursemapVersion: "9.9.9"))
        let en = CoverageTerminalTable(language: .en, width: 100).render(document)
        #expect(en.hasPrefix("cert Test Certificate · 中级 · version 1 · content sha256:0123456789abcdef · Coursemap 9.9.9\n"))

        // The command passes the build's provenance.
        let (text, _) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级"])
        let first = try #require(text.split(separator: "\n").first)
        #expect(first.hasPrefix("cert 测试证书 · 中级 · 版本 1 · 内容版本 ") && first.hasSuffix(" · Coursemap \(CoursemapVersion.current)"))
        let (json, _) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级", "--format", "json"])
        #expect(try CoverageDocument.decode(Data(json.utf8)).provenance?.coursemapVersion == CoursemapVersion.current)
    }

    @Test("terminal text: wide characters take two columns, combining marks none")
    func terminalText() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("能完成") == 6)
        #expect(TerminalText.width("ｆｕｌｌ") == 8)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.truncated("能完成要求甲", to: 7) == "能完成…")
        #expect(TerminalText.truncated("能完成要求甲", to: 6) == "能完…")
        #expect(TerminalText.truncated("能完成要求甲", to: 12) == "能完成要求甲")
        #expect(TerminalText.truncated("abcdef", to: 4) == "abc…")
        #expect(TerminalText.wrapped(["aa", "bb", "cc"], columns: 8, indent: "  ") == ["  aa  bb", "  cc"])
    }

    @Test("an unknown scope is a usage error (exit status 2)")
    func unknownScope() throws {
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "nope"]) == 2)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "cert:高级"]) == 2)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--lang", "fr"]) == 2)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--format", "xml"]) == 2)
    }
}

/// The current `coverage.json` of `scope` in `content`.
func coverageDocument(_ content: URL, scope: String) -> CoverageDocument? {
    let outcome = Pipeline.check(content: content)
    return outcome.coverage.first { $0.scope.description == scope }
        .flatMap { CoverageDocument.make($0, program: outcome.program, orphans: outcome.orphans, provenance: outcome.provenance) }
}

/// Replaces `old` with `new` in the file at `url`; fails the test when `old` is not there.
func edit(_ url: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(old), "\(url.lastPathComponent) has no \(old)")
    try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
}
