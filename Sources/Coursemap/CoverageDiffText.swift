import CoursemapModel

extension CoverageDiff {
    /// The diff for people (`docs/coverage.md` §10), in Chinese or English: rules, framework, each changed
    /// requirement with its evidence, blueprint flags, and a last line saying whether coverage was lost.
    public func text(_ language: Language) -> String {
        let words = CoverageDiffWords.of(language)
        var lines = ["\(words.title) \(scope)"]
        if oldFormatVersion < 2 { lines.append(words.versionOneNote) }
        if !rules.isEmpty {
            lines.append(words.rules)
            lines += rules.map { "  \($0.setting): \($0.before) → \($0.after)" }
        }
        if framework != FrameworkChanges(version: nil, added: [], removed: [], renamed: []) {
            lines.append(words.framework)
            if let version = framework.version {
                lines.append("  \(words.version)\(words.colon)\(version.before ?? words.noVersion) → \(version.after ?? words.noVersion)")
            }
            lines += framework.added.map { "  + \($0.id)  \($0.statement.text(in: language))" }
            lines += framework.removed.map { "  − \($0.id)  \($0.statement.text(in: language))" }
            lines += framework.renamed.map {
                "  ~ \($0.id)  \(words.renamed)\(words.colon)\(Self.changedStatement($0, in: language))"
            }
        }
        if !requirements.isEmpty {
            lines.append(words.requirements)
            for requirement in requirements { lines += self.lines(requirement, words) }
        }
        if !blueprint.isEmpty {
            lines.append(words.blueprint)
            for area in blueprint {
                lines.append(
                    "  \(area.area) \(area.title.text(in: language))\(words.colon)\(words.flag(area.flaggedBefore)) → \(words.flag(area.flaggedAfter))"
                        + " (\(words.weightShare) \(words.share(area.weightShare.before)) → \(words.share(area.weightShare.after)),"
                        + " \(words.examShare) \(words.share(area.examShare.before)) → \(words.share(area.examShare.after)))")
            }
        }
        if rules.isEmpty && framework.version == nil && framework.added.isEmpty && framework.removed.isEmpty
            && framework.renamed.isEmpty && requirements.isEmpty && blueprint.isEmpty {
            lines.append(words.noChanges)
        }
        let lost = self.lost
        lines.append(lost.isEmpty ? words.nothingLost : words.lostSummary(lost.map(\.code)))
        return lines.joined(separator: "\n") + "\n"
    }

    private func lines(_ requirement: RequirementChange, _ words: CoverageDiffWords) -> [String] {
        var lines = ["  \(requirement.code)" + (requirement.lost.isEmpty ? "" : "  \(words.lostMark(requirement.lost))")]
        if let status = requirement.status {
            lines.append("    \(words.status)\(words.colon)\(words.status(status.before)) → \(words.status(status.after))"
                + " (\(words.reasons)\(words.colon)\(words.reasons(status.reasonsBefore, status.contextBefore))"
                + " → \(words.reasons(status.reasonsAfter, status.contextAfter)))")
        }
        if let level = requirement.taughtLevel { lines.append("    \(words.taughtLevel)\(words.colon)\(words.level(level.before)) → \(words.level(level.after))") }
        if let assessed = requirement.assessed { lines.append("    \(words.assessed)\(words.colon)\(words.yesNo(assessed.before)) → \(words.yesNo(assessed.after))") }
        if let hours = requirement.hours {
            lines.append("    \(words.hours)\(words.colon)\(hours.before.text) → \(hours.after.text)")
        }
        if let minutes = requirement.lectureMinutes {
            lines.append("    \(words.minutes)\(words.colon)\(minutes.before.text) → \(minutes.after.text)")
        }
        lines += requirement.removed.map { "    − " + words.evidence($0) }
        lines += requirement.added.map { "    + " + words.evidence($0) }
        lines += requirement.changed.map { change in
            var line = "    ~ \(words.kind(change.kind)) \(change.id) \(change.before) → \(change.after)"
            if let hours = change.hours { line += ", \(hours.before.text) → \(hours.after.text) \(words.hours)" }
            if let minutes = change.minutes { line += ", \(minutes.before.text) → \(minutes.after.text) \(words.minutes)" }
            return line
        }
        return lines
    }

    /// `before → after` in `language`; when only the other language's text changed (an English statement
    /// kept while the Chinese one was rewritten), in the language that changed, so the line never reads
    /// `A → A`.
    static func changedStatement(_ renamed: Renamed, in language: Language) -> String {
        let before = renamed.before.text(in: language), after = renamed.after.text(in: language)
        if before != after { return "\(before) → \(after)" }
        let other: Language = language == .zh ? .en : .zh
        return "\(renamed.before.text(in: other)) → \(renamed.after.text(in: other))"
    }
}
