import CoursemapModel
import Foundation

/// Writes a framework as a 1EdTech CASE v1.1 `CFPackage` (JSON) that other CASE tools (OpenSALT, CASE
/// Network) import, and that `CASEImporter` reads back into the same framework. `CASEConventions` says
/// which field carries what.
///
/// The output is deterministic: identifiers are version-5 UUIDs of stable names, dates come from the
/// framework's version or the content's revision (never the clock), keys are sorted, and arrays follow
/// document order. It validates against the official CASE v1.1 CFPackage JSON Schema.
public enum CASEExporter {
    /// A CFPackage JSON (pretty-printed, sorted keys, deterministic) for a framework.
    ///
    /// - Parameter baseURI: where the package will be served, e.g. `https://example.edu/ims/case/v1p1/`;
    ///   URIs become `<baseURI>CFDocuments/<id>`, `<baseURI>CFItems/<id>`… Without it they are
    ///   `urn:uuid:<id>`.
    /// - Parameter revisionDate: the date of the content's revision (seconds since 1970, UTC:
    ///   `Provenance.buildDate`), the `lastChangeDateTime` when the framework's version is not a date.
    public static func export(_ framework: Framework, baseURI: String?, revisionDate: Int64? = nil) -> String {
        var writer = CASEPackageWriter(framework: framework, baseURI: baseURI, revisionDate: revisionDate)
        return writer.package().render()
    }
}

/// Builds the JSON of one package.
private struct CASEPackageWriter {
    typealias ItemType = CASEConventions.ItemType

    /// A node as associations and items refer to it.
    struct Node {
        var identifier: String
        var uri: String
        var title: String

        var link: CASEJSON {
            .object(["identifier": .string(identifier), "uri": .string(uri), "title": .string(title)])
        }
    }

    let framework: Framework
    let base: String?
    let dateTime: String
    var usedNames: [String: Int] = [:]
    var items: [CASEJSON] = []
    var associations: [CASEJSON] = []
    var usedTypes: Set<ItemType> = []
    var document = Node(identifier: "", uri: "", title: "")

    init(framework: Framework, baseURI: String?, revisionDate: Int64?) {
        self.framework = framework
        if let trimmed = baseURI?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty {
            base = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        } else {
            base = nil
        }
        dateTime = CASEConventions.dateTime(forVersion: framework.version, revisionDate: revisionDate)
    }

    mutating func package() -> CASEJSON {
        let documentID = identifier(for: "coursemap:\(framework.id)")
        document = Node(identifier: documentID, uri: uri("CFDocuments", documentID), title: framework.title.zh)

        switch framework.kind {
        case .certificate: writeCertificate()
        case .outcomes: writeOutcomes()
        }

        return .object([
            "CFDocument": documentJSON(),
            "CFItems": .array(items),
            "CFAssociations": .array(associations),
            "CFDefinitions": .object([
                "CFConcepts": .array([]),
                "CFSubjects": .array([]),
                "CFLicenses": .array([]),
                "CFItemTypes": .array(ItemType.allCases.filter { usedTypes.contains($0) }.map(itemTypeJSON)),
                "CFAssociationGroupings": .array([]),
            ]),
        ])
    }

    // MARK: The tree

    private mutating func writeCertificate() {
        let fw = framework.id
        for (levelIndex, level) in framework.levels.enumerated() {
            let name = level.level.rawValue
            var notes: [(String, String)] = []
            if let description = level.description {
                notes.append(("description", description.zh))
                if let en = description.en { notes.append(("description-en", en)) }
            }
            let levelNode = addItem(
                name: "coursemap:\(fw):\(name)", type: .level, code: name,
                text: LocalizedText(zh: name, en: nil), notes: CASEConventions.encodeNotes(header: nil, notes),
                parent: document, sequence: levelIndex + 1)
            for (areaIndex, area) in level.areas.enumerated() {
                let areaNode = addItem(
                    name: "coursemap:\(fw):\(name):\(area.code)", type: .workArea, code: area.code, text: area.title,
                    notes: CASEConventions.encodeNotes(header: nil, area.weightText.map { [("weight", $0)] } ?? []),
                    parent: levelNode, sequence: areaIndex + 1)
                for (taskIndex, task) in area.tasks.enumerated() {
                    let taskNode = addItem(
                        name: "coursemap:\(fw):\(name):\(task.code)", type: .workTask, code: task.code,
                        text: task.title, parent: areaNode, sequence: taskIndex + 1)
                    for (requirementIndex, requirement) in task.requirements.enumerated() {
                        addItem(
                            name: "coursemap:\(fw):\(name):\(requirement.code)", type: .requirement,
                            code: requirement.code, text: requirement.statement, parent: taskNode,
                            sequence: requirementIndex + 1)
                    }
                }
            }
        }
    }

    private mutating func writeOutcomes() {
        let fw = framework.id
        for (groupIndex, group) in framework.outcomeGroups.enumerated() {
            let notes = group.domain.map { [("domain", $0.rawValue)] } ?? []
            let groupNode = addItem(
                name: "coursemap:\(fw):group:\(group.code)", type: .outcomeGroup, code: group.code, text: group.title,
                notes: CASEConventions.encodeNotes(header: nil, notes), parent: document, sequence: groupIndex + 1)
            for (outcomeIndex, outcome) in group.outcomes.enumerated() {
                addItem(
                    name: "coursemap:\(fw):\(outcome.code)", type: .outcome, code: outcome.code,
                    text: outcome.statement, parent: groupNode, sequence: outcomeIndex + 1)
            }
        }
    }

    /// Appends one CFItem and its isChildOf association; returns the item as a node.
    @discardableResult
    private mutating func addItem(
        name: String, type: ItemType, code: String, text: LocalizedText, notes: String? = nil, parent: Node,
        sequence: Int
    ) -> Node {
        usedTypes.insert(type)
        let id = identifier(for: name)
        let node = Node(identifier: id, uri: uri("CFItems", id), title: linkTitle(code: code, text: text.zh))
        let typeNode = itemTypeNode(type)
        var item: [String: CASEJSON] = [
            "identifier": .string(id),
            "uri": .string(node.uri),
            "fullStatement": .string(text.zh),
            "humanCodingScheme": .string(code),
            "CFItemType": .string(type.rawValue),
            "CFItemTypeURI": typeNode.link,
            "language": .string("zh"),
            "lastChangeDateTime": .string(dateTime),
        ]
        if let en = text.en { item["alternativeLabel"] = .string(en) }
        if let notes { item["notes"] = .string(notes) }
        items.append(.object(item))

        let associationID = identifier(for: "coursemap:\(framework.id):assoc:\(id):\(parent.identifier)")
        associations.append(
            .object([
                "identifier": .string(associationID),
                "uri": .string(uri("CFAssociations", associationID)),
                "associationType": .string("isChildOf"),
                "originNodeURI": node.link,
                "destinationNodeURI": parent.link,
                "sequenceNumber": .number(Double(sequence)),
                "lastChangeDateTime": .string(dateTime),
            ]))
        return node
    }

    // MARK: Document and definitions

    private func documentJSON() -> CASEJSON {
        var notes: [(String, String)] = [("kind", framework.kind.rawValue)]
        if let en = framework.title.en { notes.append(("title-en", en)) }
        if let issuer = framework.issuer {
            notes.append(("issuer", issuer.zh))
            if let en = issuer.en { notes.append(("issuer-en", en)) }
        }
        if let en = framework.description?.en { notes.append(("description-en", en)) }
        if framework.illustrative { notes.append(("illustrative", "true")) }

        var object: [String: CASEJSON] = [
            "identifier": .string(document.identifier),
            "uri": .string(document.uri),
            "creator": .string(nonEmpty(framework.issuer?.zh) ?? "Coursemap"),
            "title": .string(framework.title.zh),
            "caseVersion": .string("1.1"),
            "lastChangeDateTime": .string(dateTime),
            "language": .string("zh"),
        ]
        if let version = framework.version { object["version"] = .string(version) }
        if let description = framework.description { object["description"] = .string(description.zh) }
        if let text = CASEConventions.encodeNotes(header: CASEConventions.notesHeader, notes) {
            object["notes"] = .string(text)
        }
        return .object(object)
    }

    private func itemTypeNode(_ type: ItemType) -> Node {
        let id = CASEUUID.v5(name: "coursemap:itemtype:\(type.typeCode)")
        return Node(identifier: id, uri: uri("CFItemTypes", id), title: type.rawValue)
    }

    private func itemTypeJSON(_ type: ItemType) -> CASEJSON {
        let node = itemTypeNode(type)
        return .object([
            "identifier": .string(node.identifier),
            "uri": .string(node.uri),
            "title": .string(type.rawValue),
            "description": .string(type.summary),
            "hierarchyCode": .string(type.hierarchyCode),
            "typeCode": .string(type.typeCode),
            "lastChangeDateTime": .string(dateTime),
        ])
    }

    // MARK: Identifiers and URIs

    /// The UUID of a name; a name seen before gets `#2`, `#3`… first, so identifiers never repeat.
    private mutating func identifier(for name: String) -> String {
        var unique = name
        if let seen = usedNames[name] {
            var n = seen + 1
            while usedNames["\(name)#\(n)"] != nil { n += 1 }
            usedNames[name] = n
            unique = "\(name)#\(n)"
        }
        usedNames[unique] = usedNames[unique] ?? 1
        return CASEUUID.v5(name: unique)
    }

    private func uri(_ collection: String, _ id: String) -> String {
        if let base { return "\(base)\(collection)/\(id)" }
        return "urn:uuid:\(id)"
    }

    /// The `title` of a link to an item: code and text, shortened to 60 characters.
    private func linkTitle(code: String, text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        let full = flat == code || flat.isEmpty ? code : "\(code) \(flat)"
        return full.count > 60 ? String(full.prefix(59)) + "…" : full
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return s
    }
}
