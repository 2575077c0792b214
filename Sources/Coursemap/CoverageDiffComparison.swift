import CoursemapModel
import CoursemapRender

extension CoverageDiff {
    /// Compares `old` (an earlier `coverage.json`, version 1 or 2) with `new` (the current coverage of the
    /// same scope).
    public static func compare(old: CoverageDocument, new: CoverageDocument) -> CoverageDiff {
        let before = Dictionary(old.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var framework = FrameworkChanges(
            version: old.framework.version == new.framework.version
                ? nil : VersionChange(before: old.framework.version, after: new.framework.version),
            added: [], removed: [], renamed: [])
        var requirements: [RequirementChange] = []
        for requirement in new.requirements {
            guard let previous = before[requirement.id] else {
                framework.added.append(RequirementText(id: requirement.id, code: requirement.code, statement: requirement.statement))
                continue
            }
            if previous.statement != requirement.statement {
                framework.renamed.append(Renamed(id: requirement.id, code: requirement.code, before: previous.statement, after: requirement.statement))
            }
            if let change = RequirementChange(old: previous, new: requirement, oldDocument: old, newDocument: new) {
                requirements.append(change)
            }
        }
        framework.removed = old.requirements.filter { after[$0.id] == nil }
            .map { RequirementText(id: $0.id, code: $0.code, statement: $0.statement) }
        return CoverageDiff(
            scope: new.scopeDescription, oldFormatVersion: old.formatVersion, rules: ruleChanges(old: old, new: new),
            framework: framework, requirements: requirements, blueprint: flagChanges(old: old, new: new),
            coverageLost: requirements.contains { !$0.lost.isEmpty })
    }

    /// The settings of `coverage:` that changed. A setting an earlier file does not record is not compared.
    static func ruleChanges(old: CoverageDocument, new: CoverageDocument) -> [RuleChange] {
        let before = CoverageDocumentFields.settings(old), after = CoverageDocumentFields.settings(new)
        return after.compactMap { setting, value in
            guard let previous = before.first(where: { $0.0 == setting })?.1, previous != value else { return nil }
            return RuleChange(setting: setting, before: previous, after: value)
        }
    }

    /// Blueprint areas (by code) present in both whose flag flipped.
    static func flagChanges(old: CoverageDocument, new: CoverageDocument) -> [AreaFlagChange] {
        let before = Dictionary(old.areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return new.areas.compactMap { area in
            guard let previous = before[area.code], previous.flagged != area.flagged else { return nil }
            return AreaFlagChange(
                area: area.code, title: area.title, flaggedBefore: previous.flagged, flaggedAfter: area.flagged,
                weightShare: Change(before: previous.weightShare, after: area.weightShare),
                examShare: Change(before: CoverageDocumentFields.examShare(previous, in: old), after: CoverageDocumentFields.examShare(area, in: new)))
        }
    }
}

extension CoverageDiff.RequirementChange {
    /// The change of one requirement present in both files, or `nil` when nothing about it changed.
    init?(old: CoverageDocument.Requirement, new: CoverageDocument.Requirement, oldDocument: CoverageDocument, newDocument: CoverageDocument) {
        typealias Diff = CoverageDiff
        id = new.id
        code = new.code
        let reasonsBefore = CoverageDocumentFields.reasons(old, in: oldDocument)
        let reasonsAfter = CoverageDocumentFields.reasons(new, in: newDocument)
        status = old.status == new.status
            ? nil
            : Diff.StatusChange(
                before: old.status, after: new.status, reasonsBefore: reasonsBefore, reasonsAfter: reasonsAfter,
                contextBefore: .init(highest: old.highestLevel, coveredAt: oldDocument.rules.coveredAt),
                contextAfter: .init(highest: new.highestLevel, coveredAt: newDocument.rules.coveredAt))
        let levelBefore = old.highestLevel?.rawValue ?? "none", levelAfter = new.highestLevel?.rawValue ?? "none"
        taughtLevel = levelBefore == levelAfter ? nil : Diff.Change(before: levelBefore, after: levelAfter)
        let assessedBefore = !old.items.isEmpty, assessedAfter = !new.items.isEmpty
        assessed = assessedBefore == assessedAfter ? nil : Diff.Change(before: assessedBefore, after: assessedAfter)
        hours = old.hours == new.hours ? nil : Diff.Change(before: old.hours, after: new.hours)
        lectureMinutes = old.lectureMinutes == new.lectureMinutes ? nil : Diff.Change(before: old.lectureMinutes, after: new.lectureMinutes)
        let evidenceBefore = Self.evidence(old), evidenceAfter = Self.evidence(new)
        let keysBefore = Set(evidenceBefore.map(\.key)), keysAfter = Set(evidenceAfter.map(\.key))
        added = evidenceAfter.filter { !keysBefore.contains($0.key) }.map(\.evidence)
        removed = evidenceBefore.filter { !keysAfter.contains($0.key) }.map(\.evidence)
        let previous = Dictionary(evidenceBefore.map { ($0.key, $0.evidence) }, uniquingKeysWith: { a, _ in a })
        // The same module, lecture or item kept: another level or usage, or other attributed hours or minutes.
        changed = evidenceAfter.compactMap { entry in
            guard let earlier = previous[entry.key], let was = earlier.level ?? earlier.usage, let now = entry.evidence.level ?? entry.evidence.usage,
                entry.evidence.kind != "resource"
            else { return nil }
            let hours = Self.change(earlier.hours, entry.evidence.hours), minutes = Self.change(earlier.minutes, entry.evidence.minutes)
            guard was != now || hours != nil || minutes != nil else { return nil }
            return Diff.EvidenceChange(kind: entry.evidence.kind, id: entry.evidence.id, before: was, after: now, hours: hours, minutes: minutes)
        }
        var lost: [String] = []
        if Self.rank(new.status) < Self.rank(old.status) { lost.append("status") }
        if Self.rank(new.highestLevel) < Self.rank(old.highestLevel) { lost.append("taught-level") }
        if assessedBefore && !assessedAfter { lost.append("assessment") }
        self.lost = lost
        if status == nil, taughtLevel == nil, assessed == nil, hours == nil, lectureMinutes == nil, added.isEmpty, removed.isEmpty, changed.isEmpty {
            return nil
        }
    }

    /// A requirement's evidence in the file's order, each with the key that identifies it across years.
    private static func evidence(_ requirement: CoverageDocument.Requirement) -> [(key: String, evidence: CoverageDiff.Evidence)] {
        var all: [(key: String, evidence: CoverageDiff.Evidence)] = []
        for module in requirement.modules {
            let id = "\(module.course)/\(module.module)"
            all.append(("module \(id)", .init(kind: "module", id: id, level: module.level.rawValue, hours: module.hours)))
        }
        for lecture in requirement.lectures {
            all.append(("lecture \(lecture.lecture)", .init(kind: "lecture", id: lecture.lecture, level: lecture.level.rawValue, minutes: lecture.attributedMinutes)))
        }
        for item in requirement.items {
            let id = "\(item.bank)/\(item.item)"
            all.append(("item \(id)", .init(kind: "item", id: id, usage: item.type == .practical ? "practical" : item.usage.rawValue)))
        }
        for resource in requirement.resources {
            all.append(("resource \(resource)", .init(kind: "resource", id: resource)))
        }
        return all
    }

    /// `before → after` when both sides record the value and it changed.
    private static func change(_ before: Hundredths?, _ after: Hundredths?) -> CoverageDiff.Change<Hundredths>? {
        guard let before, let after, before != after else { return nil }
        return CoverageDiff.Change(before: before, after: after)
    }

    static func rank(_ status: CoverageStatus) -> Int {
        switch status {
        case .gap: return 0
        case .partial: return 1
        case .covered: return 2
        }
    }

    static func rank(_ level: MappingLevel?) -> Int {
        switch level {
        case nil: return 0
        case .introduced: return 1
        case .reinforced: return 2
        case .mastered: return 3
        }
    }
}
