import CoursemapModel
import Foundation

/// Reads a 1EdTech CASE v1.1 (or v1.0) `CFPackage` JSON into a framework.
///
/// - A package Coursemap exported (its document `notes` or its item types follow `CASEConventions`) is
///   rebuilt exactly: kind, levels, codes, Chinese and English text, version, issuer, illustrative flag.
/// - Any other package becomes an outcome framework: each top-level item with children is a group (code
///   = its `humanCodingScheme`, or its position `1`, `2`…; title = its `fullStatement`), and its
///   descendants, depth first, are the group's outcomes (code = `humanCodingScheme` when it is a valid
///   code, else the position path `1.3`, `1.3.2`; statement = `fullStatement`). Top-level items without
///   children become outcomes of a group named after the document (code `0`).
///
/// The tree comes from `isChildOf` associations (origin = child, destination = parent), siblings ordered
/// by `sequenceNumber`, then by their order in `CFItems`. Problems are diagnostics, never crashes: text
/// that is not JSON, a missing `CFDocument` or `CFItems` (errors, no framework); associations to unknown
/// nodes, items with several parents, duplicate codes (warnings); cycles (an error; the items in and
/// under the cycle are left out).
public enum CASEImporter {
    /// Reads a CASE v1.1 (or v1.0) CFPackage JSON. `frameworkID` is the id to give the framework (the
    /// loader passes the file name, e.g. "b2b-data" for b2b-data.case.json).
    public static func importFramework(_ json: [UInt8], file: String, frameworkID: String) -> (
        framework: Framework?, diagnostics: [Diagnostic]
    ) {
        var reader = CASEPackageReader(bytes: json, file: file, frameworkID: frameworkID)
        let framework = reader.read()
        return (framework, reader.diagnostics)
    }
}

/// One import.
private struct CASEPackageReader {
    /// The largest `sequenceNumber` an isChildOf association may give.
    static let maximumSequenceNumber = 1_000_000_000
    typealias ItemType = CASEConventions.ItemType

    /// JSON nested deeper than this is refused before decoding (no CASE package comes close).
    static let maxDepth = 256

    struct Item {
        var identifier: String
        var key: String
        var uri: String?
        var fullStatement: String?
        var alternativeLabel: String?
        var humanCodingScheme: String?
        var abbreviatedStatement: String?
        var itemType: String?
        var notes: String?
        var line: Int?
    }

    let bytes: [UInt8]
    let file: String
    let frameworkID: String
    var diagnostics: [Diagnostic] = []

    var items: [Item] = []
    var index: [String: Int] = [:]  // lowercased identifier → item index
    var uriIndex: [String: Int] = [:]
    var documentKey = ""
    var documentURI: String?
    var documentLine: Int?
    /// Children of the document (key -1) and of each item, as (sequence, item index).
    var children: [Int: [(sequence: Int?, item: Int)]] = [:]
    var parent: [Int: Int] = [:]  // item → parent item, or -1 for the document
    var lines: [String: Int] = [:]
    /// False when the package has no CFAssociations at all: one warning says so, not one per item.
    var hasTree = true

    init(bytes: [UInt8], file: String, frameworkID: String) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.file = file
        self.frameworkID = frameworkID
    }

    // MARK: Reading

    mutating func read() -> Framework? {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            diagnostics.append(
                .error(
                    .notUTF8, at: SourceLocation(file: file),
                    "the file is not UTF-8 (saved as GB18030/GBK?); convert it with `iconv -f GB18030 -t UTF-8`"))
            return nil
        }
        if let depth = Self.nestingBeyond(Self.maxDepth, in: bytes) {
            diagnostics.append(
                .error(
                    .wrongType, at: location(depth), "not valid JSON for a CASE package: nested deeper than \(Self.maxDepth) levels"))
            return nil
        }
        let root: CASEJSON
        do {
            root = try CASEJSON.parse(bytes)
        } catch {
            var message = "not valid JSON: \(Self.describe(error))"
            if let place = place(in: message) { message += " (line \(place.line), column \(place.column))" }
            diagnostics.append(.error(.wrongType, at: location(1), message))
            return nil
        }
        guard case .object(let package) = root else {
            diagnostics.append(
                .error(
                    .wrongType, at: location(1),
                    "a CASE package is a JSON object with CFDocument and CFItems; found \(root.typeName)"))
            return nil
        }
        guard let documentValue = package["CFDocument"] else {
            diagnostics.append(.error(
                .emptyCASEPackage, at: location(1),
                "CASE package without CFDocument: there is no framework to import (a CFPackage needs a CFDocument and its CFItems)"))
            return nil
        }
        guard case .object(let document) = documentValue else {
            diagnostics.append(
                .error(.wrongType, at: location(1), "CFDocument must be an object; found \(documentValue.typeName)"))
            return nil
        }
        guard let itemsValue = package["CFItems"] else {
            diagnostics.append(.error(
                .emptyCASEPackage, at: location(1),
                "CASE package without CFItems: the framework would have no competencies to map or assess"))
            return nil
        }
        guard case .array(let rawItems) = itemsValue else {
            diagnostics.append(
                .error(.wrongType, at: location(1), "CFItems must be an array; found \(itemsValue.typeName)"))
            return nil
        }
        var rawAssociations: [CASEJSON] = []
        switch package["CFAssociations"] {
        case .array(let list)?: rawAssociations = list
        case nil, .null?:
            hasTree = false
            if !rawItems.isEmpty {
                diagnostics.append(
                    .warning(
                        .missingField, at: location(1),
                        "CASE package without CFAssociations: every item is placed directly under the document"))
            }
        case let other?:
            hasTree = false
            diagnostics.append(
                .error(
                    .wrongType, at: location(1),
                    "CFAssociations must be an array; found \(other.typeName); the items are read without a tree"))
        }

        indexLines(document: document, items: rawItems, associations: rawAssociations)
        readDocument(document)
        readItems(rawItems)
        guard !items.isEmpty else {
            diagnostics.append(.error(
                .emptyCASEPackage, at: location(documentLine ?? 1),
                rawItems.isEmpty
                    ? "CASE package whose CFItems is empty: the framework would have no competencies to map or assess"
                    : "CASE package without a usable CFItem (each of its \(rawItems.count) entries was left out, see above): the framework would have no competencies"))
            return nil
        }
        readAssociations(rawAssociations)
        let roots = buildTree()

        let notes = CASEConventions.decodeNotes(document["notes"]?.stringValue)
        switch coursemapKind(notes: notes, header: document["notes"]?.stringValue) {
        case .certificate?: return certificate(document: document, notes: notes, roots: roots)
        case .outcomes?: return coursemapOutcomes(document: document, notes: notes, roots: roots)
        case nil: return genericOutcomes(document: document, roots: roots)
        }
    }

    private mutating func readDocument(_ document: [String: CASEJSON]) {
        if let id = document["identifier"]?.stringValue, !id.isEmpty {
            documentKey = id.lowercased()
            documentLine = lineOf(id, in: "CFDocument")
        } else {
            diagnostics.append(.warning(.missingField, at: location(1), "CFDocument without an identifier"))
        }
        documentURI = document["uri"]?.stringValue
        if document["title"]?.stringValue == nil {
            diagnostics.append(
                .warning(
                    .missingField, at: location(documentLine ?? 1),
                    "CFDocument without a title; the framework is called \(frameworkID)"))
        }
    }

    private mutating func readItems(_ rawItems: [CASEJSON]) {
        for (position, raw) in rawItems.enumerated() {
            guard case .object(let object) = raw else {
                diagnostics.append(
                    .warning(
                        .wrongType, at: location(1),
                        "CFItems entry \(position + 1) is \(raw.typeName), not an object; left out"))
                continue
            }
            guard let id = object["identifier"]?.stringValue, !id.isEmpty else {
                diagnostics.append(
                    .warning(
                        .missingField, at: location(1), "CFItems entry \(position + 1) has no identifier; left out"))
                continue
            }
            let key = id.lowercased()
            let line = lineOf(id, in: "CFItems")
            if index[key] != nil || key == documentKey {
                diagnostics.append(
                    .warning(.duplicateID, at: location(line), "CFItem identifier \(id) used twice; the later item is left out"))
                continue
            }
            var item = Item(
                identifier: id, key: key, uri: object["uri"]?.stringValue,
                fullStatement: object["fullStatement"]?.stringValue,
                alternativeLabel: object["alternativeLabel"]?.stringValue,
                humanCodingScheme: object["humanCodingScheme"]?.stringValue,
                abbreviatedStatement: object["abbreviatedStatement"]?.stringValue,
                itemType: object["CFItemType"]?.stringValue ?? object["CFItemTypeURI"]?["title"]?.stringValue,
                notes: object["notes"]?.stringValue, line: line)
            if item.fullStatement == nil {
                diagnostics.append(.warning(.missingField, at: location(line), "CFItem \(id) has no fullStatement"))
                item.fullStatement = item.abbreviatedStatement ?? item.humanCodingScheme ?? ""
            }
            index[key] = items.count
            if let uri = item.uri, uriIndex[uri] == nil { uriIndex[uri] = items.count }
            items.append(item)
        }
    }

    /// The node a LinkURI points at: -1 for the document, an item index, or nil when unknown.
    private func node(_ link: CASEJSON?) -> Int?? {
        guard let link else { return nil }
        if let id = link["identifier"]?.stringValue?.lowercased(), !id.isEmpty {
            if id == documentKey { return .some(-1) }
            if let item = index[id] { return .some(item) }
        }
        if let uri = link["uri"]?.stringValue ?? link.stringValue, !uri.isEmpty {
            if uri == documentURI { return .some(-1) }
            if let item = uriIndex[uri] { return .some(item) }
        }
        return .some(nil)
    }

    private func describe(_ link: CASEJSON?) -> String {
        link?["identifier"]?.stringValue ?? link?["uri"]?.stringValue ?? link?.stringValue ?? "?"
    }

    private mutating func readAssociations(_ rawAssociations: [CASEJSON]) {
        for (position, raw) in rawAssociations.enumerated() {
            guard case .object(let object) = raw else {
                diagnostics.append(
                    .warning(
                        .wrongType, at: location(1),
                        "CFAssociations entry \(position + 1) is \(raw.typeName), not an object; left out"))
                continue
            }
            guard object["associationType"]?.stringValue?.lowercased() == "ischildof" else { continue }
            let name = object["identifier"]?.stringValue ?? "entry \(position + 1)"
            let at = location(lineOf(object["identifier"]?.stringValue, in: "CFAssociations"))
            guard let originLookup = node(object["originNodeURI"]), let destinationLookup = node(object["destinationNodeURI"])
            else {
                diagnostics.append(
                    .warning(
                        .missingField, at: at,
                        "isChildOf association \(name) lacks originNodeURI or destinationNodeURI; left out"))
                continue
            }
            guard let origin = originLookup, origin >= 0 else {
                diagnostics.append(
                    .warning(
                        .invalidValue, at: at,
                        "isChildOf association \(name) starts at \(describe(object["originNodeURI"])), which is not an item of this package; left out"
                    ))
                continue
            }
            guard let destination = destinationLookup else {
                diagnostics.append(
                    .warning(
                        .invalidValue, at: at,
                        "isChildOf association \(name) points to \(describe(object["destinationNodeURI"])), which is neither the document nor an item of this package; left out"
                    ))
                continue
            }
            if destination == origin {
                diagnostics.append(
                    .error(.invalidValue, at: at, "isChildOf association \(name) makes item \(label(origin)) its own parent (a cycle); left out"))
                continue
            }
            if let existing = parent[origin] {
                if existing != destination {
                    diagnostics.append(
                        .warning(
                            .invalidValue, at: at,
                            "item \(label(origin)) is a child of several nodes; Coursemap keeps it under the first, \(existing < 0 ? "the document" : label(existing))"
                        ))
                }
                continue
            }
            parent[origin] = destination
            var sequence: Int?
            if let written = object["sequenceNumber"], written != .null {
                // A whole number from 0 to 10^9; anything else (1e300, -1, 0.5, a digit run too long for an
                // integer, a word) orders nothing and is reported, not silently ignored.
                if let number = written.intValue, (0...Self.maximumSequenceNumber).contains(number) {
                    sequence = number
                } else {
                    let shown: String
                    switch written {
                    case .number(let value): shown = NumberText.plain(value)
                    case .string(let text): shown = "\"\(text.prefix(40))\""
                    default: shown = written.typeName
                    }
                    diagnostics.append(
                        .warning(
                            .invalidValue, at: at,
                            "isChildOf association \(name) has the sequenceNumber \(shown), which is not a whole number from 0 to \(Self.maximumSequenceNumber); item \(label(origin)) is placed after its numbered siblings"
                        ))
                }
            }
            children[destination, default: []].append((sequence, origin))
        }
    }

    /// Orders siblings and finds the roots; reports cycles. Returns the top-level items in order.
    private mutating func buildTree() -> [Int] {
        for (key, list) in children {
            children[key] = list.sorted { a, b in
                switch (a.sequence, b.sequence) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.item < b.item
                }
            }
        }
        var roots = (children[-1] ?? []).map(\.item)
        for i in items.indices where parent[i] == nil {
            if hasTree {
                diagnostics.append(
                    .warning(
                        .missingField, at: location(items[i].line),
                        "item \(label(i)) has no isChildOf association; it is placed directly under the document"))
            }
            roots.append(i)
        }

        // Every item reachable from the roots is in the tree; the others sit in or under a cycle.
        var reached = [Bool](repeating: false, count: items.count)
        var stack = roots
        while let next = stack.popLast() {
            guard !reached[next] else { continue }
            reached[next] = true
            stack.append(contentsOf: (children[next] ?? []).map(\.item))
        }
        var settled = reached
        for start in items.indices where !settled[start] {
            var path: [Int] = []
            var onPath: [Int: Int] = [:]
            var current = start
            while !settled[current], onPath[current] == nil, let up = parent[current], up >= 0 {
                onPath[current] = path.count
                path.append(current)
                current = up
            }
            if let loopStart = onPath[current] {
                let cycle = Array(path[loopStart...])
                let names = (cycle + [cycle[0]]).map { label($0) }.joined(separator: " → ")
                diagnostics.append(
                    .error(
                        .invalidValue, at: location(items[cycle[0]].line),
                        "isChildOf associations form a cycle: \(names); these items and those under them are left out"))
            }
            for i in path { settled[i] = true }
        }
        return roots
    }

    // MARK: Coursemap packages

    private func coursemapKind(notes: [String: String], header: String?) -> Framework.Kind? {
        if let header, header.hasPrefix(CASEConventions.notesHeader),
            let kind = notes["kind"].flatMap(Framework.Kind.init(rawValue:))
        {
            return kind
        }
        let types = items.compactMap { $0.itemType.flatMap(ItemType.init(rawValue:)) }
        guard !types.isEmpty, types.count == items.count else { return nil }
        return types.contains(where: \.isCertificate) ? .certificate : .outcomes
    }

    private func text(_ i: Int) -> LocalizedText {
        LocalizedText(zh: items[i].fullStatement ?? "", en: items[i].alternativeLabel)
    }

    private func kids(_ i: Int) -> [Int] { (children[i] ?? []).map(\.item) }

    private mutating func frameworkShell(
        kind: Framework.Kind, document: [String: CASEJSON], notes: [String: String]
    ) -> Framework {
        let title = LocalizedText(zh: document["title"]?.stringValue ?? frameworkID, en: notes["title-en"])
        var issuer: LocalizedText?
        if let zh = notes["issuer"] {
            issuer = LocalizedText(zh: zh, en: notes["issuer-en"])
        } else if let creator = document["creator"]?.stringValue, creator != "Coursemap", !creator.isEmpty {
            issuer = LocalizedText(zh: creator)
        }
        let description = document["description"]?.stringValue.map { LocalizedText(zh: $0, en: notes["description-en"]) }
        return Framework(
            id: frameworkID, kind: kind, title: title, issuer: issuer, description: description,
            version: document["version"]?.stringValue, illustrative: notes["illustrative"] == "true",
            location: location(documentLine ?? 1))
    }

    private mutating func certificate(document: [String: CASEJSON], notes: [String: String], roots: [Int]) -> Framework {
        var framework = frameworkShell(kind: .certificate, document: document, notes: notes)
        for root in roots {
            let item = items[root]
            guard let level = CertificateLevel(rawValue: item.humanCodingScheme ?? item.fullStatement ?? "") else {
                diagnostics.append(
                    .warning(
                        .invalidValue, at: location(item.line),
                        "top-level item \(label(root)) is not a certificate level (初级, 中级 or 高级); left out"))
                continue
            }
            if framework.levels.contains(where: { $0.level == level }) {
                diagnostics.append(
                    .warning(.duplicateID, at: location(item.line), "level \(level.rawValue) given twice; the second is left out"))
                continue
            }
            let levelNotes = CASEConventions.decodeNotes(item.notes)
            var codes = CodeBook()
            var areas: [WorkArea] = []
            for (a, areaItem) in kids(root).enumerated() {
                let areaPath = "\(a + 1)"
                let areaCode = strictCode(areaItem, path: areaPath, book: &codes)
                var tasks: [WorkTask] = []
                for (t, taskItem) in kids(areaItem).enumerated() {
                    let taskPath = "\(areaPath).\(t + 1)"
                    let taskCode = strictCode(taskItem, path: taskPath, book: &codes)
                    var requirements: [Statement] = []
                    for (r, requirementItem) in kids(taskItem).enumerated() {
                        let code = strictCode(requirementItem, path: "\(taskPath).\(r + 1)", book: &codes)
                        requirements.append(Statement(code: code, statement: text(requirementItem), location: location(items[requirementItem].line)))
                        for extra in kids(requirementItem) {
                            diagnostics.append(
                                .warning(
                                    .invalidValue, at: location(items[extra].line),
                                    "item \(label(extra)) sits under the skill requirement \(code), which cannot have children; left out"))
                        }
                    }
                    tasks.append(WorkTask(code: taskCode, title: text(taskItem), requirements: requirements, location: location(items[taskItem].line)))
                }
                let weight = blueprintWeight(areaItem, code: areaCode)
                areas.append(WorkArea(
                    code: areaCode, title: text(areaItem), tasks: tasks, weight: weight.flatMap(Double.init), weightText: weight,
                    location: location(items[areaItem].line)))
            }
            let description = levelNotes["description"].map { LocalizedText(zh: $0, en: levelNotes["description-en"]) }
            framework.levels.append(FrameworkLevel(level: level, description: description, areas: areas, location: location(item.line)))
        }
        return framework
    }

    /// A work area's blueprint weight from its `notes` key `weight`, as written: a decimal number from 0 to
    /// `NumberBounds.maximumWeight`, as the framework XML allows; anything else is left out with a warning.
    private mutating func blueprintWeight(_ areaItem: Int, code: String) -> String? {
        guard let text = CASEConventions.decodeNotes(items[areaItem].notes)["weight"] else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0, value <= NumberBounds.maximumWeight,
            DecimalText.scaled(text, decimals: 0) != nil
        else {
            diagnostics.append(
                .warning(
                    .invalidValue, at: location(items[areaItem].line),
                    "weight '\(text.prefix(40))' of work area \(code) is not a number from 0 to \(NumberText.plain(NumberBounds.maximumWeight)); left out"))
            return nil
        }
        return text
    }

    private mutating func coursemapOutcomes(document: [String: CASEJSON], notes: [String: String], roots: [Int]) -> Framework {
        var framework = frameworkShell(kind: .outcomes, document: document, notes: notes)
        var groupCodes = Set<String>()
        var codes = CodeBook()
        for (g, root) in roots.enumerated() {
            let item = items[root]
            var groupCode = item.humanCodingScheme.flatMap { $0.isEmpty ? nil : $0 } ?? "\(g + 1)"
            groupCode = uniqueGroupCode(groupCode, path: "\(g + 1)", codes: &groupCodes, line: item.line)
            let domain = CASEConventions.decodeNotes(item.notes)["domain"].flatMap(OutcomeDomain.init(rawValue:))
            let outcomes = flatten(root, path: "\(g + 1)", strict: true, book: &codes, bilingual: true)
            framework.outcomeGroups.append(
                OutcomeGroup(domain: domain, code: groupCode, title: text(root), outcomes: outcomes, location: location(item.line)))
        }
        return framework
    }

    // MARK: Other packages

    private mutating func genericOutcomes(document: [String: CASEJSON], roots: [Int]) -> Framework {
        let title = document["title"]?.stringValue ?? frameworkID
        let issuerName = [document["publisher"]?.stringValue, document["creator"]?.stringValue]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        var framework = Framework(
            id: frameworkID, kind: .outcomes, title: LocalizedText(zh: title), issuer: issuerName.map { LocalizedText(zh: $0) },
            description: document["description"]?.stringValue.map { LocalizedText(zh: $0) },
            version: document["version"]?.stringValue, location: location(documentLine ?? 1))

        var groupCodes = Set<String>()
        var codes = CodeBook()
        var documentGroup: Int?  // index in outcomeGroups of the group named after the document
        for (r, root) in roots.enumerated() {
            let path = "\(r + 1)"
            let item = items[root]
            if kids(root).isEmpty {
                if documentGroup == nil {
                    documentGroup = framework.outcomeGroups.count
                    framework.outcomeGroups.append(
                        OutcomeGroup(
                            domain: nil, code: "", title: LocalizedText(zh: title), outcomes: [],
                            location: location(documentLine ?? 1)))
                }
                let code = looseCode(root, path: path, book: &codes)
                framework.outcomeGroups[documentGroup!].outcomes.append(
                    Statement(code: code, statement: LocalizedText(zh: item.fullStatement ?? ""), location: location(item.line)))
                continue
            }
            let preferred = item.humanCodingScheme.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .flatMap { Self.isGroupCode($0) ? $0 : nil } ?? path
            let code = uniqueGroupCode(preferred, path: path, codes: &groupCodes, line: item.line)
            let outcomes = flatten(root, path: path, strict: false, book: &codes, bilingual: false)
            framework.outcomeGroups.append(
                OutcomeGroup(
                    domain: nil, code: code, title: LocalizedText(zh: item.fullStatement ?? ""), outcomes: outcomes,
                    location: location(item.line)))
        }
        if let documentGroup {
            // The document's own group takes `0`, or the first free `0<n>` when a top-level item already has it.
            var code = "0"
            var n = 1
            while groupCodes.contains(code) {
                n += 1
                code = "0\(n)"
            }
            framework.outcomeGroups[documentGroup].code = code
        }
        return framework
    }

    /// Group codes: a short word of letters, digits, `.`, `-` or `_` (素质, K, 1.2).
    static func isGroupCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "." || $0 == "-" || $0 == "_"
            }
    }

    // MARK: Codes

    /// The codes given so far in one scope (a certificate level, or a whole outcome framework).
    struct CodeBook {
        var used = Set<String>()
        var fallback = 0
    }

    /// The descendants of `root`, depth first, as outcomes with codes.
    private mutating func flatten(_ root: Int, path: String, strict: Bool, book: inout CodeBook, bilingual: Bool) -> [Statement] {
        var outcomes: [Statement] = []
        var stack: [(item: Int, path: String)] = kids(root).enumerated().reversed().map { ($0.element, "\(path).\($0.offset + 1)") }
        while let next = stack.popLast() {
            let (item, itemPath) = next
            let code = strict ? strictCode(item, path: itemPath, book: &book) : looseCode(item, path: itemPath, book: &book)
            let statement = bilingual ? text(item) : LocalizedText(zh: items[item].fullStatement ?? "")
            outcomes.append(Statement(code: code, statement: statement, location: location(items[item].line)))
            stack.append(contentsOf: kids(item).enumerated().reversed().map { ($0.element, "\(itemPath).\($0.offset + 1)") })
        }
        return outcomes
    }

    /// A code an item may keep: a valid code other than `index` in any letter case, the name of the
    /// framework's own page (`frameworks/<fw>/index.html`), which a requirement page would overwrite.
    private static func isUsableCode(_ code: String) -> Bool {
        CompetencyID.isCode(code) && code.lowercased() != "index"
    }

    /// Coursemap packages: the item's code, with a warning when it is not a valid code.
    private mutating func strictCode(_ item: Int, path: String, book: inout CodeBook) -> String {
        let given = items[item].humanCodingScheme ?? ""
        if !Self.isUsableCode(given) {
            let replacement = freeCode(path, book: &book)
            diagnostics.append(
                .warning(
                    .invalidValue, at: location(items[item].line),
                    "item \(label(item)) has code \"\(given)\", which is not dot-separated letters and digits; numbered \(replacement) instead"))
            return replacement
        }
        return claim(given, item: item, path: path, book: &book)
    }

    /// Other packages: `humanCodingScheme` when it is a valid code, else the position path, silently.
    private mutating func looseCode(_ item: Int, path: String, book: inout CodeBook) -> String {
        let given = items[item].humanCodingScheme?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard Self.isUsableCode(given) else { return freeCode(path, book: &book) }
        return claim(given, item: item, path: path, book: &book)
    }

    private mutating func claim(_ code: String, item: Int, path: String, book: inout CodeBook) -> String {
        if book.used.insert(code).inserted { return code }
        let replacement = freeCode(path, book: &book)
        diagnostics.append(
            .warning(
                .duplicateID, at: location(items[item].line),
                "code \(code) is used by more than one item; item \(items[item].identifier) is numbered \(replacement) instead"))
        return replacement
    }

    /// The position path when it is a free, valid code; else a variant of it; else `n1`, `n2`…
    private func freeCode(_ path: String, book: inout CodeBook) -> String {
        if CompetencyID.isCode(path), book.used.insert(path).inserted { return path }
        for n in 2...9 where CompetencyID.isCode("\(path)v\(n)") {
            if book.used.insert("\(path)v\(n)").inserted { return "\(path)v\(n)" }
        }
        while true {
            book.fallback += 1
            if book.used.insert("n\(book.fallback)").inserted { return "n\(book.fallback)" }
        }
    }

    private mutating func uniqueGroupCode(_ code: String, path: String, codes: inout Set<String>, line: Int?) -> String {
        if codes.insert(code).inserted { return code }
        var replacement = path
        var n = 1
        while !codes.insert(replacement).inserted {
            n += 1
            replacement = "\(path)v\(n)"
        }
        diagnostics.append(
            .warning(.duplicateID, at: location(line), "group code \(code) is used twice; the later group is numbered \(replacement)"))
        return replacement
    }

    // MARK: Locations and messages

    private func label(_ i: Int) -> String {
        let item = items[i]
        if let code = item.humanCodingScheme, !code.isEmpty { return "\(code) (\(item.identifier))" }
        let statement = item.fullStatement ?? ""
        let short = statement.count > 30 ? String(statement.prefix(29)) + "…" : statement
        return short.isEmpty ? item.identifier : "“\(short)” (\(item.identifier))"
    }

    private func location(_ line: Int?) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// The line on which each identifier is first written inside its own part of the package (`CFDocument`,
    /// `CFItems`, `CFAssociations`), found in one pass over the text.
    private mutating func indexLines(document: [String: CASEJSON], items: [CASEJSON], associations: [CASEJSON]) {
        var wanted: [String: Set<String>] = ["CFDocument": [], "CFItems": [], "CFAssociations": []]
        if let id = document["identifier"]?.stringValue { wanted["CFDocument"]!.insert(id) }
        for case .object(let o) in items {
            if let id = o["identifier"]?.stringValue { wanted["CFItems"]!.insert(id) }
        }
        for case .object(let o) in associations {
            if let id = o["identifier"]?.stringValue { wanted["CFAssociations"]!.insert(id) }
        }
        lines = Self.firstLines(of: wanted, in: bytes)
    }

    /// For each wanted literal of each top-level section, the line of its first occurrence there, keyed
    /// `"<section> <literal>"`.
    static func firstLines(of wanted: [String: Set<String>], in bytes: [UInt8]) -> [String: Int] {
        // Only literals of a wanted length are turned into strings: most literals are keys and text.
        let lengths = Set(wanted.values.flatMap { $0.map(\.utf8.count) })
        var found: [String: Int] = [:]
        bytes.withUnsafeBufferPointer { p in
            let count = p.count
            var line = 1, depth = 0, i = 0
            var section = ""
            let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
            while i < count {
                let byte = p[i]
                if byte == newline {
                    line += 1
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                } else if byte == quote {
                    let start = i + 1
                    var j = start
                    var escaped = false
                    while j < count, p[j] != quote {
                        if p[j] == backslash {
                            escaped = true
                            j += 1
                        }
                        j += 1
                    }
                    let end = min(j, count)
                    if !escaped, depth == 1 || lengths.contains(end - start) {
                        let literal = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
                        if depth == 1 {
                            var k = end + 1
                            while k < count, p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0A || p[k] == 0x0D { k += 1 }
                            if k < count, p[k] == UInt8(ascii: ":") { section = literal }
                        } else if wanted[section]?.contains(literal) == true, found[section + " " + literal] == nil {
                            found[section + " " + literal] = line
                        }
                    }
                    i = end
                }
                i += 1
            }
        }
        return found
    }

    /// The line of an identifier in one part of the package.
    private func lineOf(_ identifier: String?, in section: String) -> Int? {
        identifier.flatMap { lines[section + " " + $0] }
    }

    /// The line where nesting first goes deeper than `limit`, or nil.
    static func nestingBeyond(_ limit: Int, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            var depth = 0, line = 1, inString = false, escaped = false
            for byte in p {
                if byte == UInt8(ascii: "\n") { line += 1 }
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                    if depth > limit { return line }
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth -= 1
                }
            }
            return nil
        }
    }

    /// Line and column of Foundation's "around character N" (a 0-based byte offset), when it says so.
    func place(in message: String) -> (line: Int, column: Int)? {
        guard let range = message.range(of: "character ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let offset = Int(digits), offset <= bytes.count else { return nil }
        var line = 1, lineStart = 0
        for (i, byte) in bytes[..<offset].enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// A short reason from a JSON parsing error: Foundation's description, which names the place.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        return detail.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
