import CoursemapModel
import CoursemapRender

/// The terminal table of `coursemap coverage`: per scope, the summary, one line per requirement (its text
/// cut to the terminal width with `…`), then the named lists of the report (`docs/coverage.md` §7 and §10),
/// every member named, orphans included.
public struct CoverageTerminalTable: Sendable {
    public var labels: CoverageTerminalLabels
    /// The terminal's width in columns (`TerminalWidth.current()`).
    public var width: Int
    /// The smallest room left for a requirement's text; a narrower terminal wraps the line instead.
    static let minimumTextWidth = 12

    public init(language: Language, width: Int) {
        self.labels = .of(language)
        self.width = width
    }

    public func render(_ document: CoverageDocument) -> String {
        var lines = [provenance(document)]
        let summary = document.summary
        lines.append([
            "\(labels.covered) \(summary.covered)", "\(labels.partial) \(summary.partial)", "\(labels.gap) \(summary.gap)",
            "\(labels.total) \(summary.total)", "\(labels.coveredPercent) \(summary.coveredPercent.text)%",
        ].joined(separator: " · "))
        lines.append("")
        lines += table(document)
        lines.append("")
        lines += lists(document)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The provenance line (`docs/coverage.md` §7.1): framework id, title, level and version, the content
    /// revision, the build date and the Coursemap version.
    func provenance(_ document: CoverageDocument) -> String {
        let framework = document.framework
        var parts = ["\(framework.id) " + framework.title.text(in: labels.language)]
        if let level = framework.level { parts.append(level) }
        if let version = framework.version { parts.append("\(labels.version) \(version)") }
        if let provenance = document.provenance {
            if let revision = provenance.revision {
                parts.append("\(labels.contentRevision) \(revision)" + (provenance.dirty ? (labels.language == .zh ? "" : " ") + labels.uncommittedChanges : ""))
            }
            if let date = provenance.buildDate { parts.append("\(labels.buildDate) \(date) UTC") }
            parts.append("Coursemap \(provenance.coursemapVersion)")
        }
        return parts.joined(separator: " · ")
    }

    /// The requirement lines: fixed columns padded to their widest cell, then the text in what is left.
    private func table(_ document: CoverageDocument) -> [String] {
        let header = [labels.code, labels.status, labels.reasons, labels.hours, labels.minutes, labels.modules, labels.items]
        let rows = document.requirements.map { requirement in
            [
                requirement.code, labels.status(requirement.status), reasons(requirement, document: document).joined(separator: labels.listSeparator),
                requirement.hours.text, requirement.lectureMinutes.text,
                String(requirement.modules.count), itemCounts(requirement),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { TerminalText.width($0[column]) }.max() ?? 0 }
        let fixed = widths.reduce(0, +) + 2 * widths.count
        let textWidth = max(Self.minimumTextWidth, width - fixed)
        func line(_ cells: [String], _ text: String) -> String {
            zip(cells, widths).map { TerminalText.padded($0, to: $1) + "  " }.joined() + TerminalText.truncated(text, to: textWidth)
        }
        var lines = [line(header, labels.requirement)]
        lines.append(widths.map { String(repeating: "-", count: $0) + "  " }.joined() + String(repeating: "-", count: min(textWidth, TerminalText.width(labels.requirement) + 8)))
        for (cells, requirement) in zip(rows, document.requirements) {
            lines.append(line(cells, TerminalText.singleLine(requirement.statement.text(in: labels.language))))
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    private func itemCounts(_ requirement: CoverageDocument.Requirement) -> String {
        let practical = requirement.items.count { $0.type == .practical }
        let practice = requirement.items.count { $0.type != .practical && $0.usage == .practice }
        let exam = requirement.items.count { $0.type != .practical && $0.usage == .exam }
        return "\(practice)/\(exam)/\(practical)"
    }

    /// The reasons of a requirement that is not covered, in words.
    func reasons(_ requirement: CoverageDocument.Requirement, document: CoverageDocument) -> [String] {
        requirement.reasons.map { labels.reason($0, highest: requirement.highestLevel, coveredAt: document.rules.coveredAt) }
    }

    /// The named lists of the report, every member named.
    private func lists(_ document: CoverageDocument) -> [String] {
        let codes: [String: String] = Dictionary(document.requirements.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        func named(_ ids: [String]) -> [String] { ids.map { codes[$0] ?? $0 } }
        var lines: [String] = []
        func list(_ name: String, _ members: [String]) {
            let heading = labels.counted(name, members.count) + (labels.language == .zh ? "：" : ":")
            guard !members.isEmpty else {
                lines.append(heading + " " + labels.none)
                return
            }
            lines.append(heading)
            lines += TerminalText.wrapped(members, columns: width, indent: "  ")
        }
        let partialIDs = Set(document.gaps.partial)
        list(labels.gapList, named(document.gaps.gap))
        let partial = document.requirements.filter { partialIDs.contains($0.id) }
        let partialHeading = labels.counted(labels.partialList, partial.count) + (labels.language == .zh ? "：" : ":")
        lines.append(partial.isEmpty ? partialHeading + " " + labels.none : partialHeading)
        for requirement in partial {
            let why = reasons(requirement, document: document)
            lines.append("  " + requirement.code + (why.isEmpty ? "" : "  " + why.joined(separator: labels.listSeparator)))
        }
        lines.append(labels.overlapNote)
        list(labels.notTaughtList, named(document.gaps.notTaught))
        list(labels.notAssessedList, named(document.gaps.notAssessed))
        list(labels.introducedOnlyList, named(document.gaps.introducedOnly))
        let orphans = document.gaps.orphans
        lines.append(labels.counted(labels.orphanList, orphans.count) + (labels.language == .zh ? "：" : ":") + (orphans.isEmpty ? " " + labels.none : ""))
        for (kind, members) in [
            (labels.orphanModules, orphans.modules), (labels.orphanLectures, orphans.lectures),
            (labels.orphanResources, orphans.resources), (labels.orphanItems, orphans.items),
        ] where !members.isEmpty {
            lines.append("  " + labels.counted(kind, members.count) + (labels.language == .zh ? "：" : ":"))
            lines += TerminalText.wrapped(members, columns: width, indent: "    ")
        }
        return lines
    }
}
