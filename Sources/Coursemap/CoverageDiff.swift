import CoursemapModel
import CoursemapRender
import Foundation

/// What changed between an earlier `coverage.json` (last year's accreditation, say) and the current one.
public struct CoverageDiff: Sendable, Equatable {
    public struct StatusChange: Sendable, Equatable {
        public var requirement: String
        public var before: CoverageStatus
        public var after: CoverageStatus
    }

    /// Requirements whose status improved or worsened.
    public var gained: [StatusChange] = []
    public var lost: [StatusChange] = []
    /// Requirements that are gaps now and were not.
    public var newGaps: [String] = []
    /// Requirements only in the old or the new file (a revised framework).
    public var removedRequirements: [String] = []
    public var addedRequirements: [String] = []
    /// Evidence (modules, lectures, items, resources) that appeared or disappeared, as `kind id`.
    public var evidenceAdded: [String] = []
    public var evidenceRemoved: [String] = []

    public var isEmpty: Bool { self == CoverageDiff() }

    public init() {}

    public static func compare(old: CoverageDocument, new: CoverageDocument) -> CoverageDiff {
        var diff = CoverageDiff()
        let before = Dictionary(old.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rank: [CoverageStatus: Int] = [.gap: 0, .partial: 1, .covered: 2]
        for requirement in new.requirements {
            guard let previous = before[requirement.id] else {
                diff.addedRequirements.append(requirement.id)
                continue
            }
            if previous.status != requirement.status {
                let change = StatusChange(requirement: requirement.id, before: previous.status, after: requirement.status)
                if rank[requirement.status]! > rank[previous.status]! { diff.gained.append(change) } else { diff.lost.append(change) }
                if requirement.status == .gap { diff.newGaps.append(requirement.id) }
            }
        }
        diff.removedRequirements = old.requirements.map(\.id).filter { after[$0] == nil }
        let oldEvidence = evidence(old), newEvidence = evidence(new)
        diff.evidenceAdded = newEvidence.subtracting(oldEvidence).sorted()
        diff.evidenceRemoved = oldEvidence.subtracting(newEvidence).sorted()
        return diff
    }

    private static func evidence(_ document: CoverageDocument) -> Set<String> {
        var all = Set<String>()
        for requirement in document.requirements {
            all.formUnion(requirement.modules.map { "module \($0.course)/\($0.module)" })
            all.formUnion(requirement.lectures.map { "lecture \($0.lecture)" })
            all.formUnion(requirement.items.map { "item \($0.bank)/\($0.item)" })
            all.formUnion(requirement.resources.map { "resource \($0)" })
        }
        return all
    }

    /// The diff for people, one line per change.
    public var text: String {
        var lines: [String] = []
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("\(title) (\(items.count)):")
            lines += items.map { "  \($0)" }
        }
        section("gained coverage", gained.map { "\($0.requirement): \($0.before.rawValue) → \($0.after.rawValue)" })
        section("lost coverage", lost.map { "\($0.requirement): \($0.before.rawValue) → \($0.after.rawValue)" })
        section("new gaps", newGaps)
        section("requirements no longer in the framework", removedRequirements)
        section("requirements new in the framework", addedRequirements)
        section("evidence added", evidenceAdded)
        section("evidence removed", evidenceRemoved)
        return lines.isEmpty ? "no changes\n" : lines.joined(separator: "\n") + "\n"
    }
}

/// The terminal table of `coursemap coverage`.
public enum CoverageTerminalTable {
    public static func render(_ document: CoverageDocument) -> String {
        let title = document.framework.title.zh + (document.framework.level.map { " · \($0)" } ?? "")
        var lines = [
            title,
            "covered \(document.summary.covered) · partial \(document.summary.partial) · gap \(document.summary.gap) · total \(document.summary.total)",
            "",
        ]
        let header = ["code", "status", "hours", "lecture min", "modules", "items (practice/exam)"]
        var rows = [header]
        for requirement in document.requirements {
            let practice = requirement.items.count { $0.usage == .practice }, exam = requirement.items.count { $0.usage == .exam }
            rows.append([
                requirement.code, requirement.status.rawValue, format(requirement.hours), format(requirement.lectureMinutes),
                String(requirement.modules.count), "\(practice)/\(exam)",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            lines.append(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        let gaps = document.gaps
        lines.append("")
        lines.append("not taught (\(gaps.notTaught.count)): " + gaps.notTaught.joined(separator: ", "))
        lines.append("not assessed (\(gaps.notAssessed.count)): " + gaps.notAssessed.joined(separator: ", "))
        lines.append("introduced only (\(gaps.introducedOnly.count)): " + gaps.introducedOnly.joined(separator: ", "))
        lines.append("orphans (\(gaps.orphans.count))")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Hundredths) -> String { value.text }
}
