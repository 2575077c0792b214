import CoursemapModel
import Foundation
import Yams

/// The YAML file beside an imported bank (`NAME.bank.yml` next to `NAME.xml`, or `bank.yml` for a folder
/// of QTI items) that gives what Moodle and QTI files cannot carry: the bank's id, title and course, and
/// each item's competencies, usage and difficulty.
struct BankSidecar: Sendable {
    struct ItemEntry: Sendable {
        var assesses: [AssessmentClaim]
        var usage: UsageStatement?
        var difficulty: Difficulty?
        var location: SourceLocation
    }

    var file: String
    var id: String?
    var title: LocalizedText?
    var description: LocalizedText?
    var course: String?
    /// The default usage of the bank's items: `exam` makes every item an exam item; `practice` applies only
    /// to items that state no usage of their own.
    var usage: UsageStatement?
    /// Keyed by the Moodle question name or QTI item identifier.
    var items: [String: ItemEntry]

    static func read(_ text: String, file: String) -> (BankSidecar?, [Diagnostic]) {
        let document = YAMLDocument(file: file, firstLine: 1)
        let root: Node?
        switch document.parse(text) {
        case let .failure(diagnostic): return (nil, [diagnostic])
        case let .success(node): root = node
        }
        let fileLocation = SourceLocation(file: file, line: 1, column: 1)
        guard var fields = document.fields(of: root, at: fileLocation, what: "bank sidecar") else {
            return (nil, [.error(.wrongType, at: fileLocation, "a bank sidecar must be a mapping of fields")])
        }
        var diagnostics: [Diagnostic] = []
        var sidecar = BankSidecar(file: file, items: [:])
        sidecar.id = fields.string("id")
        if let id = sidecar.id, !CompetencyID.isIdentifier(id) {
            fields.invalid(fields.node("id")!, "bank id '\(id)' may use ASCII letters, digits, '-' and '_' only")
            sidecar.id = nil
        }
        sidecar.title = fields.localized("title")
        sidecar.description = fields.localized("description")
        sidecar.course = fields.string("course")
        sidecar.usage = usageStatement(fields, document: document, key: "usage", item: "every item of the bank", into: &diagnostics)
        if let odd = oddKeys(fields.entries, prefix: "", item: "every item of the bank", into: &diagnostics) {
            sidecar.usage = sidecar.usage.map { $0.usage == .exam ? $0 : odd } ?? odd
        }
        if var items = fields.mapping("items") {
            for entry in items.entries {
                guard case let .mapping(mapping) = entry.value else {
                    items.invalid(entry.value, "item '\(entry.key)' must be a mapping with assesses (and optionally usage, difficulty)")
                    continue
                }
                var itemFields = FieldReader(document: document, mapping: mapping, location: entry.keyLocation)
                itemFields.prefix = "items.\(entry.key)."
                var claims: [AssessmentClaim] = []
                for (reference, node) in itemFields.stringList("assesses") ?? [] {
                    if let competency = CompetencyID(parsing: reference) {
                        claims.append(AssessmentClaim(competency: competency, location: document.location(of: node)))
                    } else {
                        diagnostics.append(.error(
                            .malformedReference, at: document.location(of: node),
                            "'\(reference)' is not a competency reference; write framework:level:code (e.g. b2b-data:中级:1.1.1)"))
                    }
                }
                var usage = usageStatement(
                    itemFields, document: document, key: "usage", item: "item '\(entry.key)'", prefix: "items.\(entry.key).", into: &diagnostics)
                if let odd = oddKeys(itemFields.entries, prefix: "items.\(entry.key).", item: "item '\(entry.key)'", into: &diagnostics) {
                    usage = usage.map { $0.usage == .exam ? $0 : odd } ?? odd
                }
                let difficulty = itemFields.choice("difficulty", as: Difficulty.self)
                itemFields.finish(known: ["usage", "<<"])
                items.absorb(itemFields)
                sidecar.items[entry.key] = ItemEntry(assesses: claims, usage: usage, difficulty: difficulty, location: entry.keyLocation)
            }
            fields.absorb(items)
        }
        fields.finish(known: ["usage", "<<"])
        diagnostics += fields.diagnostics
        return (sidecar, diagnostics)
    }

    /// Keys that could hide a usage statement: a YAML merge key (`<<: *defaults`), which Coursemap does not
    /// expand, is an error (CM205) so that a merged `usage: exam` cannot be dropped; a key that only looks
    /// like `usage` (`Usage`, `usage `, `coursemap-usage`, look-alike characters: `UsageSpelling`) is CM318
    /// and makes the entry exam. Returns that exam statement, if any.
    private static func oddKeys(
        _ entries: [FieldReader.Entry], prefix: String, item: String, into diagnostics: inout [Diagnostic]
    ) -> UsageStatement? {
        var odd: UsageStatement?
        for entry in entries {
            let shown = UsageSpelling.shown(entry.key)
            if entry.key == "<<" {
                diagnostics.append(.error(
                    .unknownField, at: entry.keyLocation,
                    "'\(prefix)<<': YAML merge keys are not supported in a bank sidecar (a merged usage would be lost); write the fields out in full"))
            } else if entry.key != "usage", UsageSpelling.looksLikeUsageWord(entry.key) {
                diagnostics.append(.error(
                    .unknownUsage, at: entry.keyLocation,
                    "\(item): the key '\(prefix)\(shown)' looks like 'usage' but is not spelled exactly so; write 'usage:'. The item is treated as an exam item"))
                odd = odd ?? UsageStatement(usage: .exam, location: entry.keyLocation, source: "key '\(prefix)\(shown)'")
            }
        }
        return odd
    }

    /// A `usage:` field read exactly (CM318 for anything but `practice` or `exam`, which then counts as exam);
    /// an empty value is not "no usage" but an unknown one.
    private static func usageStatement(
        _ fields: FieldReader, document: YAMLDocument, key: String, item: String, prefix: String = "", into diagnostics: inout [Diagnostic]
    ) -> UsageStatement? {
        guard let node = fields.node(key) else { return nil }
        let location = document.location(of: node)
        let value: String
        if case let .scalar(scalar) = node { value = scalar.string } else { value = "" }
        let shown = node.scalar != nil ? "'\(value)'" : node.kindDescription
        return UsageStatement.read(value, at: location, source: "\(prefix)\(key): \(shown)", item: item, into: &diagnostics)
    }

    /// Applies the sidecar to an imported bank: id, title, course, then each listed item's fields. Entries
    /// that match no item are reported.
    ///
    /// Usage fails closed: the item's own usage and its entry here are combined (disagreement is CM317, and
    /// exam wins); a bank-level `usage: exam` makes every item exam; a bank-level `usage: practice` only
    /// fills in for items that state nothing. `alsoKnown` are keys matched by items of other banks (a QTI
    /// item with a sidecar of its own in a folder with a `bank.yml`), which are not reported.
    func apply(to bank: inout ExerciseBank, alsoKnown: Set<String> = [], diagnostics: inout [Diagnostic]) {
        if let id { bank.id = id }
        if let title { bank.title = title }
        if let description { bank.description = description }
        if let course { bank.courseID = course }
        var matched = Set<String>()
        for sectionIndex in bank.sections.indices {
            for itemIndex in bank.sections[sectionIndex].items.indices {
                var item = bank.sections[sectionIndex].items[itemIndex]
                if let key = item.importKey, let entry = items[key] {
                    matched.insert(key)
                    item.assesses += entry.assesses
                    if let difficulty = entry.difficulty { item.difficulty = difficulty }
                }
                applyUsage(to: &item, diagnostics: &diagnostics)
                bank.sections[sectionIndex].items[itemIndex] = item
            }
        }
        let known = Set(bank.sections.flatMap(\.items).compactMap(\.importKey)).union(alsoKnown)
        for (key, entry) in items.sorted(by: { $0.key < $1.key }) where !matched.contains(key) && !alsoKnown.contains(key) {
            diagnostics.append(Self.unmatched(key, entry, known: known, bank: bank.id))
        }
    }

    /// An entry that matches no item: a warning, but an error when the entry states a usage of `exam` (the
    /// statement would otherwise be lost and the item published as practice). A key that differs from an
    /// item's only in letter case, white space or look-alike characters is named as the likely one.
    static func unmatched(_ key: String, _ entry: ItemEntry, known: Set<String>, bank: String) -> Diagnostic {
        let folded = Self.fold(key)
        let suggestion = known.sorted().first { Self.fold($0) == folded }.map { " (did you mean '\(UsageSpelling.shown($0))'?)" } ?? ""
        let shown = UsageSpelling.shown(key)
        if let usage = entry.usage, usage.usage == .exam {
            return .error(
                .unknownItemReference, at: entry.location,
                "no item named '\(shown)' in bank '\(bank)', so this entry's exam usage applies to nothing\(suggestion); sidecar entries are keyed exactly by the Moodle question name or QTI identifier")
        }
        return .warning(
            .unknownItemReference, at: entry.location,
            "no item named '\(shown)' in bank '\(bank)'\(suggestion); sidecar entries are keyed by the Moodle question name or QTI identifier")
    }

    /// A key compared loosely, for suggestions only: compatibility-normalised, trimmed, lower case.
    private static func fold(_ key: String) -> String {
        key.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .format }
            .map { String($0).lowercased() }.joined()
    }

    /// For a QTI item with a sidecar of its own in a folder whose `bank.yml` (this sidecar) also lists it:
    /// the entry's competencies are added and its usage is combined as in `apply`; the item's own sidecar
    /// keeps the last word on everything else. Returns whether this sidecar has an entry for the item.
    func applySecondary(to item: inout ExerciseItem, diagnostics: inout [Diagnostic]) -> Bool {
        let entry = item.importKey.flatMap { items[$0] }
        for claim in entry?.assesses ?? [] where !item.assesses.contains(where: { $0.competency == claim.competency }) {
            item.assesses.append(claim)
        }
        applyUsage(to: &item, diagnostics: &diagnostics)
        return entry != nil
    }

    /// Applies this sidecar's usage statements to one item (see `apply`).
    func applyUsage(to item: inout ExerciseItem, diagnostics: inout [Diagnostic]) {
        var statements: [UsageStatement] = []
        if let origin = item.usageOrigin {
            statements.append(UsageStatement(usage: item.usage, location: origin, source: "its own usage"))
        }
        if let key = item.importKey, let statement = items[key]?.usage { statements.append(statement) }
        let name = "item '\(item.importKey ?? item.id)'"
        if let decided = UsageStatement.combine(statements, item: name, into: &diagnostics) {
            item.usage = decided.usage
            item.usageOrigin = decided.location
        } else if let usage {
            item.usage = usage.usage
        }
        if let usage, usage.usage == .exam { Self.overrule(&item, by: usage, stated: statement(of: item), name: name, into: &diagnostics) }
    }

    /// What the item says about its usage so far, for messages: "its own usage" or its sidecar entry.
    private func statement(of item: ExerciseItem) -> UsageStatement? {
        guard let origin = item.usageOrigin else { return nil }
        if let key = item.importKey, let entry = items[key]?.usage, entry.location == origin { return entry }
        return UsageStatement(usage: item.usage, location: origin, source: "its own usage")
    }

    /// A bank-level `usage: exam` makes `item` an exam item; an item that says practice itself is a
    /// conflict (CM317) naming both places, since a default may narrow an item to exam but never be argued
    /// back to practice.
    static func overrule(
        _ item: inout ExerciseItem, by bankUsage: UsageStatement, stated: UsageStatement?, name: String, into diagnostics: inout [Diagnostic]
    ) {
        if item.usage == .practice, let stated { _ = UsageStatement.combine([bankUsage, stated], item: name, into: &diagnostics) }
        item.usage = .exam
    }
}
