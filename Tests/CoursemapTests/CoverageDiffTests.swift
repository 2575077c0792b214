@testable import CoursemapCLI
@testable import Coursemap
import CoursemapModel
import CoursemapRender
import Foundation
import Testing

@Suite("coverage --diff: evidence, rules, framework, blueprint, exit statuses")
struct CoverageDiffTests {
    /// The fixture's `cert:中级` coverage.json, written to `old.json` in `workspace`.
    private func oldFile(_ workspace: Workspace, from content: URL = fixtureSite) throws -> URL {
        let old = workspace.path("old-\(UUID().uuidString).json")
        try Data(try #require(coverageDocument(content, scope: "cert:中级")).json.utf8).write(to: old)
        return old
    }

    /// 1.1.2 loses a module mapping, its micro-lecture and its three items; it stays partial.
    private func strippedOf112(_ workspace: Workspace) throws -> URL {
        let content = try workspace.copy(fixtureSite, to: "Content")
        try edit(content.appendingPathComponent("courses/intro/01-basics.md"), "  cert:中级:1.1.2: I\n", "")
        try edit(content.appendingPathComponent("lectures/l1.md"), "cert:中级:1.1.2: I", "po:K1: I")
        let bank = content.appendingPathComponent("exercises/basics.xml")
        try edit(bank, "<assesses ref=\"cert:中级:1.1.2\"/>", "<assesses ref=\"po:K1\"/>")
        return content
    }

    @Test("a requirement that lost a module, a lecture and three items but kept its status shows all five")
    func lostEvidence() throws {
        let workspace = try Workspace()
        let content = try strippedOf112(workspace)
        let diff = CoverageDiff.compare(
            old: try #require(coverageDocument(fixtureSite, scope: "cert:中级")), new: try #require(coverageDocument(content, scope: "cert:中级")))
        let change = try #require(diff.requirements.first { $0.code == "1.1.2" })
        // 1.1.1 keeps its evidence; the module that no longer maps 1.1.2 now gives it all its hours in the scope.
        #expect(diff.requirements.map(\.code) == ["1.1.1", "1.1.2"])
        let other = try #require(diff.requirements.first)
        #expect(other.hours != nil && other.lost.isEmpty && other.added.isEmpty && other.removed.isEmpty && other.status == nil)
        // ... and the module that changed its 学时 is named, at its unchanged level, with both sides.
        let moduleChange = try #require(other.changed.first)
        #expect(other.changed.count == 1 && moduleChange.kind == "module" && moduleChange.id == "intro/01-basics")
        #expect(moduleChange.before == moduleChange.after && moduleChange.minutes == nil)
        #expect(moduleChange.hours.map { ($0.before, $0.after) }.map { $0.0 < $0.1 } == true)
        #expect(moduleChange.hours?.after == other.hours?.after, "the requirement's only module gives it all its hours")
        #expect(change.removed.map { "\($0.kind) \($0.id)" } == [
            "module intro/01-basics", "lecture l1", "item basics/e1", "item basics/f1", "item basics/sh1",
        ])
        #expect(change.removed.first?.level == "I")
        #expect(change.removed.dropFirst(2).map(\.usage) == ["exam", "exam", "exam"])
        #expect(change.added.isEmpty && change.changed.isEmpty)
        // Same status, same taught level (R by the other module), no longer assessed: coverage lost.
        #expect(change.status == nil)
        #expect(change.taughtLevel == nil)
        #expect(change.assessed == CoverageDiff.Change(before: true, after: false))
        #expect(change.lost == ["assessment"])
        #expect(change.hours != nil && change.lectureMinutes != nil)
        #expect(diff.coverageLost)

        let old = try oldFile(workspace)
        let (text, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "en"])
        #expect(status == 3)
        for line in ["− module intro/01-basics (I", "− lecture l1 (I", "− item basics/e1 (exam)", "− item basics/f1 (exam)", "− item basics/sh1 (exam)"] {
            #expect(text.contains(line), "missing \(line) in\n\(text)")
        }
        #expect(text.contains("assessed: yes → no"))
        #expect(text.contains("COVERAGE LOST: no longer assessed"))
        #expect(text.hasSuffix("coverage lost (1): 1.1.2\n"))
        #expect(Main.run(["coverage", "--content", content.path, "--diff", old.path]) == 3)

        let (chinese, _) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "zh"])
        #expect(chinese.contains("− module intro/01-basics (I, 2 学时)") && chinese.contains("− lecture l1 (I, 0.2 分钟)"))
        #expect(chinese.contains("− item basics/e1 (exam)") && chinese.contains("有考核：是 → 否") && chinese.contains("覆盖减少（1）：1.1.2"))
    }

    @Test("evidence lost without losing coverage exits 0 and still names it")
    func evidenceWithoutLoss() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        // s1 is one of several items that assess 1.1.1; it now assesses 2.1.1 instead.
        let bank = content.appendingPathComponent("exercises/basics.xml")
        let text = try String(contentsOf: bank, encoding: .utf8)
        try text.replacingOccurrences(
            of: "difficulty=\"easy\" score=\"2\">\n      <assesses ref=\"cert:中级:1.1.1\"/>",
            with: "difficulty=\"easy\" score=\"2\">\n      <assesses ref=\"cert:中级:2.1.1\"/>"
        ).write(to: bank, atomically: true, encoding: .utf8)
        let old = try oldFile(workspace)
        let (output, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "en"])
        #expect(status == 0)
        #expect(output.contains("  1.1.1\n") && output.contains("− item basics/s1 (practice)"))
        #expect(output.contains("  2.1.1\n") && output.contains("+ item basics/s1 (practice)"))
        #expect(output.contains("status: gap → partial"))
        #expect(output.hasSuffix("no coverage lost.\n"))
    }

    @Test("a level change of the same module is reported as a change, and a lower taught level is lost coverage")
    func levelChange() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        try edit(content.appendingPathComponent("courses/intro/01-basics.md"), "cert:中级:1.1.1: M", "cert:中级:1.1.1: R")
        let old = try oldFile(workspace)
        let (json, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--format", "json"])
        #expect(status == 3)
        let diff = try JSONDecoder().decode(CoverageDiff.self, from: Data(json.utf8))
        let change = try #require(diff.requirements.first { $0.code == "1.1.1" })
        #expect(change.changed == [CoverageDiff.EvidenceChange(kind: "module", id: "intro/01-basics", before: "M", after: "R")])
        #expect(change.taughtLevel == CoverageDiff.Change(before: "M", after: "R"))
        #expect(change.status?.before == .covered && change.status?.after == .partial)
        #expect(change.lost == ["status", "taught-level"])
        #expect(change.added.isEmpty && change.removed.isEmpty)
    }

    @Test("a change of the status rules is reported, and the statuses it changes")
    func rulesChange() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let config = content.appendingPathComponent("coursemap.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "coverage:\n  covered_at: R\n  require_assessment: false\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let old = try oldFile(workspace)
        let (text, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "en"])
        #expect(status == 0)
        #expect(text.contains("rules:\n  covered_at: M → R\n  require_assessment: true → false\n"))
        #expect(text.contains("status: partial → covered (reasons: below-level (R < M) → none)"))
        let (zh, _) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "zh"])
        #expect(zh.contains("状态：部分覆盖 → 已覆盖 (原因：最高 R 未达 M → 无)"))
        let (json, _) = try coverageCommand(["--content", content.path, "--diff", old.path, "--format", "json"])
        let diff = try JSONDecoder().decode(CoverageDiff.self, from: Data(json.utf8))
        let change = try #require(diff.requirements.first { $0.code == "1.1.2" }?.status)
        #expect(change.reasonsBefore == [CoverageReason.belowLevel] && change.reasonsAfter == [])
    }

    @Test("a blueprint flag that flips is reported with its shares before and after")
    func blueprintFlip() throws {
        let workspace = try Workspace()
        let before = try workspace.copy(fixtureSite, to: "Before")
        let framework = before.appendingPathComponent("frameworks/cert.xml")
        try edit(framework, "<area code=\"1\">", "<area code=\"1\" weight=\"50\">")
        try edit(framework, "<area code=\"2\">", "<area code=\"2\" weight=\"50\">")
        let old = try oldFile(workspace, from: before)
        let after = try workspace.copy(before, to: "After")
        let config = after.appendingPathComponent("coursemap.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "coverage:\n  blueprint_tolerance: 60\n").write(to: config, atomically: true, encoding: .utf8)
        let (json, status) = try coverageCommand(["--content", after.path, "--diff", old.path, "--format", "json"])
        #expect(status == 0)
        let diff = try JSONDecoder().decode(CoverageDiff.self, from: Data(json.utf8))
        #expect(diff.rules == [CoverageDiff.RuleChange(setting: "blueprint_tolerance", before: "10", after: "60")])
        #expect(diff.blueprint.map(\.area) == ["1", "2"])
        #expect(diff.blueprint.allSatisfy { $0.flaggedBefore && !$0.flaggedAfter })
        #expect(diff.blueprint.first?.weightShare == CoverageDiff.Change(before: Tenths(count: 500), after: Tenths(count: 500)))
        let (text, _) = try coverageCommand(["--content", after.path, "--diff", old.path, "--lang", "en"])
        #expect(text.contains("blueprint:\n  1 Area one: flagged → not flagged (weight share 50.0% → 50.0%, exam share "))
    }

    @Test("a framework revision: version change, a requirement added, a statement changed; removed the other way")
    func frameworkRevision() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let framework = content.appendingPathComponent("frameworks/cert.xml")
        try edit(framework, "id=\"cert\" version=\"1\"", "id=\"cert\" version=\"2\"")
        try edit(framework, "<zh>能完成要求甲</zh>", "<zh>能独立完成要求甲</zh>")
        try edit(framework, "<requirement code=\"2.1.1\"><zh>能完成要求丙</zh></requirement>",
                 "<requirement code=\"2.1.1\"><zh>能完成要求丙</zh></requirement>\n        <requirement code=\"2.1.2\"><zh>能完成要求丁</zh></requirement>")
        let old = try oldFile(workspace)
        let (text, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "en"])
        #expect(status == 0)
        // Only the Chinese statement changed: the English line shows the Chinese texts, never "A → A".
        #expect(text.contains("framework:\n  version: 1 → 2\n  + cert:中级:2.1.2  能完成要求丁\n  ~ cert:中级:1.1.1  statement changed: 能完成要求甲 → 能独立完成要求甲\n"), "\(text)")
        let (zh, _) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "zh"])
        #expect(zh.contains("~ cert:中级:1.1.1  表述变更：能完成要求甲 → 能独立完成要求甲") || zh.contains("能完成要求甲 → 能独立完成要求甲"))

        let reverse = CoverageDiff.compare(
            old: try #require(coverageDocument(content, scope: "cert:中级")), new: try #require(coverageDocument(fixtureSite, scope: "cert:中级")))
        #expect(reverse.framework.removed.map(\.id) == ["cert:中级:2.1.2"])
        #expect(reverse.framework.version == CoverageDiff.VersionChange(before: "2", after: "1"))
        #expect(reverse.framework.renamed.map(\.before.zh) == ["能独立完成要求甲"])
        // A requirement that left the framework is not coverage lost: only requirements in both count.
        #expect(!reverse.coverageLost)
    }

    @Test("a version 1 coverage.json is read; its missing reasons are reported as unknown, not derived")
    func versionOneFile() throws {
        let workspace = try Workspace()
        let content = try workspace.copy(fixtureSite, to: "Content")
        let config = content.appendingPathComponent("coursemap.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "coverage:\n  covered_at: R\n").write(to: config, atomically: true, encoding: .utf8)
        let old = packageRoot.appendingPathComponent("Tests/Fixtures/coverage/cert-intermediate.v1.json")
        let (text, status) = try coverageCommand(["--content", content.path, "--diff", old.path, "--lang", "en"])
        #expect(status == 0)
        #expect(text.contains("note: the old file is a version 1 coverage.json"))
        #expect(text.contains("status: partial → covered (reasons: reasons unknown (version 1 file) → none)"))
        let (json, _) = try coverageCommand(["--content", content.path, "--diff", old.path, "--format", "json"])
        let diff = try JSONDecoder().decode(CoverageDiff.self, from: Data(json.utf8))
        #expect(diff.oldFormatVersion == 1)
        let change = try #require(diff.requirements.first { $0.code == "1.1.2" })
        #expect(change.status?.reasonsBefore == nil)
    }

    @Test("exit statuses: 0 nothing lost, 1 content errors, 2 usage errors")
    func exitStatuses() throws {
        let workspace = try Workspace()
        let old = try oldFile(workspace)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", old.path]) == 0)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "cert:中级", "--diff", old.path]) == 0)
        let (same, _) = try coverageCommand(["--content", fixtureSite.path, "--diff", old.path, "--lang", "en"])
        #expect(same == "coverage diff cert:中级\nno changes.\nno coverage lost.\n")

        let broken = try workspace.copy(fixtureSite, to: "Broken")
        try edit(broken.appendingPathComponent("frameworks/cert.xml"), "</certificate>", "")
        #expect(Main.run(["coverage", "--content", broken.path, "--diff", old.path]) == 1)

        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", workspace.path("missing.json").path]) == 2)
        let foreign = workspace.path("foreign.json")
        try Data(#"{"name": "package.json", "version": "1.0.0"}"#.utf8).write(to: foreign)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", foreign.path]) == 2)
        let notJSON = workspace.path("notes.json")
        try Data("not json".utf8).write(to: notJSON)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", notJSON.path]) == 2)
        // A coverage.json of a framework the content does not have.
        let other = workspace.path("other.json")
        try Data(try String(contentsOf: old, encoding: .utf8).replacingOccurrences(of: "\"id\" : \"cert\"", with: "\"id\" : \"elsewhere\"").utf8).write(to: other)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", other.path]) == 2)
        // --framework that does not select the old file's scope, an unknown scope, csv.
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "po", "--diff", old.path]) == 2)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--framework", "nope", "--diff", old.path]) == 2)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--format", "csv", "--diff", old.path]) == 2)
    }

    @Test("an OLD.json of several scopes (coverage --format json without --framework) is read with --framework, else a usage error naming them")
    func severalScopesFile() throws {
        let workspace = try Workspace()
        let all = workspace.path("all.json")
        let (json, _) = try coverageCommand(["--content", fixtureSite.path, "--format", "json"])
        try Data(json.utf8).write(to: all)
        #expect(json.contains("\"reports\""))
        let (same, status) = try coverageCommand(["--content", fixtureSite.path, "--framework", "cert:中级", "--diff", all.path, "--lang", "en"])
        #expect(status == 0)
        #expect(same == "coverage diff cert:中级\nno changes.\nno coverage lost.\n")
        #expect(throws: UsageFailure.self) { try coverageCommand(["--content", fixtureSite.path, "--diff", all.path]) }
        do {
            _ = try coverageCommand(["--content", fixtureSite.path, "--diff", all.path])
        } catch let failure as UsageFailure {
            #expect(failure.description.contains("cert:中级") && failure.description.contains("--framework"))
        }
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", all.path]) == 2)
    }

    @Test("an OLD.json of a format version this Coursemap does not know is a usage error, not compared")
    func unknownFormatVersion() throws {
        let workspace = try Workspace()
        let old = try oldFile(workspace)
        let future = workspace.path("future.json")
        let text = try String(contentsOf: old, encoding: .utf8)
        #expect(text.contains("\"formatVersion\" : 2"))
        try Data(text.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 99").utf8).write(to: future)
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", future.path]) == 2)
    }

    @Test("an OLD.json that is a folder, missing or empty gets a usage error that says so")
    func unreadableOldFile() throws {
        let workspace = try Workspace()
        func message(_ path: String) -> String {
            do {
                _ = try coverageCommand(["--content", fixtureSite.path, "--diff", path])
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message(workspace.url.path).contains("it is a folder"))
        #expect(message(workspace.path("missing.json").path).contains("no such file"))
        let empty = workspace.path("empty.json")
        try Data().write(to: empty)
        #expect(message(empty.path).contains("not valid JSON"))
        #expect(Main.run(["coverage", "--content", fixtureSite.path, "--diff", workspace.url.path]) == 2)
    }
}
