import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

@Suite("CASE export")
struct CASEExportTests {
    typealias S = CASETestSupport

    private func exported(_ framework: Framework = S.certificate, baseURI: String? = nil) throws -> (
        document: [String: CASEJSON], items: [[String: CASEJSON]], associations: [[String: CASEJSON]], root: CASEJSON
    ) {
        let root = try S.json(CASEExporter.export(framework, baseURI: baseURI))
        let document = try #require(root["CFDocument"]?.objectValue)
        let items = try #require(root["CFItems"]?.arrayValue).compactMap(\.objectValue)
        let associations = try #require(root["CFAssociations"]?.arrayValue).compactMap(\.objectValue)
        return (document, items, associations, root)
    }

    @Test("The same framework gives byte-identical JSON, whatever its source locations")
    func deterministic() {
        let first = CASEExporter.export(S.certificate, baseURI: "https://example.edu/case/")
        let second = CASEExporter.export(S.certificate, baseURI: "https://example.edu/case/")
        #expect(first == second)
        #expect(CASEExporter.export(S.withoutLocations(S.certificate), baseURI: "https://example.edu/case/") == first)
        #expect(CASEExporter.export(S.outcomes, baseURI: nil) == CASEExporter.export(S.outcomes, baseURI: nil))
    }

    @Test("Pretty-printed with sorted keys, UTF-8 text and unescaped slashes")
    func layout() throws {
        let text = CASEExporter.export(S.certificate, baseURI: "https://example.edu/case")
        #expect(text.hasPrefix("{\n  \"CFAssociations\": [\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"title\": \"跨境电子商务B2B数据运营\""))
        #expect(text.contains("https://example.edu/case/CFDocuments/"))
        #expect(!text.contains("\\/"))
        let keys = ["CFAssociations", "CFDefinitions", "CFDocument", "CFItems"].map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(keys == keys.sorted())
    }

    @Test("CFDocument, CFItem and CFAssociation carry every field the CASE v1.1 schema requires")
    func requiredFields() throws {
        for framework in [S.certificate, S.outcomes] {
            let (document, items, associations, _) = try exported(framework)
            for field in ["identifier", "uri", "creator", "title", "lastChangeDateTime"] {
                #expect(document[field]?.stringValue != nil, "CFDocument.\(field)")
            }
            for item in items {
                for field in ["identifier", "uri", "fullStatement", "lastChangeDateTime"] {
                    #expect(item[field]?.stringValue != nil, "CFItem.\(field)")
                }
            }
            for association in associations {
                for field in ["identifier", "uri", "associationType", "lastChangeDateTime"] {
                    #expect(association[field]?.stringValue != nil, "CFAssociation.\(field)")
                }
                for end in ["originNodeURI", "destinationNodeURI"] {
                    let link = try #require(association[end]?.objectValue, "CFAssociation.\(end)")
                    for field in ["title", "identifier", "uri"] {
                        #expect(link[field]?.stringValue != nil, "\(end).\(field)")
                    }
                }
            }
        }
    }

    @Test("Identifiers are unique lowercase version-5 UUIDs")
    func identifiers() throws {
        let (document, items, associations, root) = try exported()
        let types = try #require(root["CFDefinitions"]?["CFItemTypes"]?.arrayValue).compactMap(\.objectValue)
        let ids = ([document] + items + associations + types).compactMap { $0["identifier"]?.stringValue }
        #expect(ids.count == 1 + items.count + associations.count + types.count)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(CASEUUID.isLowercaseUUID(id), "\(id)")
            #expect(Array(id)[14] == "5")
        }
        #expect(document["identifier"]?.stringValue == CASEUUID.v5(name: "coursemap:b2b-data"))
    }

    @Test("URIs: baseURI + collection + identifier, else urn:uuid")
    func uris() throws {
        let (document, items, associations, _) = try exported(baseURI: "https://example.edu/ims/case/v1p1")
        let id = try #require(document["identifier"]?.stringValue)
        #expect(document["uri"]?.stringValue == "https://example.edu/ims/case/v1p1/CFDocuments/\(id)")
        for item in items {
            #expect(item["uri"]?.stringValue == "https://example.edu/ims/case/v1p1/CFItems/\(item["identifier"]!.stringValue!)")
        }
        for association in associations {
            #expect(association["uri"]?.stringValue?.hasPrefix("https://example.edu/ims/case/v1p1/CFAssociations/") == true)
        }
        let bare = try exported(baseURI: nil)
        #expect(bare.document["uri"]?.stringValue == "urn:uuid:\(id)")
        #expect(bare.items.allSatisfy { $0["uri"]?.stringValue == "urn:uuid:\($0["identifier"]!.stringValue!)" })
        #expect(try exported(baseURI: "  ").document["uri"]?.stringValue == "urn:uuid:\(id)")
    }

    @Test("Certificate: one item per level, area, task and requirement, typed and coded")
    func certificateItems() throws {
        let (document, items, associations, root) = try exported()
        // 2 levels; 初级: 1 area, 1 task, 1 requirement; 中级: 2 areas, 3 tasks, 5 requirements.
        #expect(items.count == 2 + 3 + 4 + 6)
        #expect(associations.count == items.count)
        let types = items.map { $0["CFItemType"]?.stringValue ?? "" }
        #expect(types.filter { $0 == "Level" }.count == 2)
        #expect(types.filter { $0 == "工作领域" }.count == 3)
        #expect(types.filter { $0 == "工作任务" }.count == 4)
        #expect(types.filter { $0 == "职业技能要求" }.count == 6)
        #expect(items.first?["humanCodingScheme"]?.stringValue == "初级")
        #expect(items.first?["fullStatement"]?.stringValue == "初级")

        let requirement = try #require(items.first { $0["fullStatement"]?.stringValue?.hasPrefix("能根据企业资质") == true })
        #expect(requirement["humanCodingScheme"]?.stringValue == "1.1.1")
        #expect(requirement["alternativeLabel"]?.stringValue?.hasPrefix("Can complete") == true)
        #expect(requirement["language"]?.stringValue == "zh")

        // The document: creator = issuer, English title and illustrative flag in the notes.
        #expect(document["creator"]?.stringValue == "阿里巴巴（中国）网络技术有限公司")
        #expect(document["version"]?.stringValue == "2026-illustrative")
        #expect(document["language"]?.stringValue == "zh")
        let notes = CASEConventions.decodeNotes(document["notes"]?.stringValue)
        #expect(notes["illustrative"] == "true")
        #expect(notes["title-en"] == "Cross-border E-commerce B2B Data Operations")
        #expect(notes["kind"] == "certificate")

        // Item types defined, and each item's CFItemTypeURI points at its definition.
        let definitions = try #require(root["CFDefinitions"]?["CFItemTypes"]?.arrayValue).compactMap(\.objectValue)
        #expect(definitions.compactMap { $0["title"]?.stringValue } == ["Level", "工作领域", "工作任务", "职业技能要求"])
        for definition in definitions {
            for field in ["identifier", "uri", "title", "description", "hierarchyCode", "typeCode", "lastChangeDateTime"] {
                #expect(definition[field]?.stringValue != nil, "CFItemType.\(field)")
            }
        }
        let definitionIDs = Dictionary(uniqueKeysWithValues: definitions.map { ($0["title"]!.stringValue!, $0["identifier"]!.stringValue!) })
        for item in items {
            let type = try #require(item["CFItemType"]?.stringValue)
            #expect(item["CFItemTypeURI"]?["identifier"]?.stringValue == definitionIDs[type])
        }
    }

    @Test("isChildOf runs child → parent with sequence numbers; levels hang under the document")
    func tree() throws {
        let (document, items, associations, _) = try exported()
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0["identifier"]!.stringValue!, $0) })
        #expect(associations.allSatisfy { $0["associationType"]?.stringValue == "isChildOf" })
        let documentID = document["identifier"]!.stringValue!
        let levelLinks = associations.filter { $0["destinationNodeURI"]?["identifier"]?.stringValue == documentID }
        #expect(levelLinks.count == 2)
        #expect(levelLinks.map { $0["sequenceNumber"] } == [.number(1), .number(2)])
        for association in associations {
            let child = try #require(byID[association["originNodeURI"]!["identifier"]!.stringValue!])
            #expect(association["originNodeURI"]?["uri"]?.stringValue == child["uri"]?.stringValue)
            if let parent = byID[association["destinationNodeURI"]!["identifier"]!.stringValue!] {
                let childCode = child["humanCodingScheme"]!.stringValue!
                let parentCode = parent["humanCodingScheme"]!.stringValue!
                #expect(CertificateLevel(rawValue: parentCode) != nil || childCode.hasPrefix(parentCode + "."))
            }
        }
    }

    @Test("Outcome frameworks use 培养规格分类 for groups and 培养规格 for outcomes")
    func outcomeItems() throws {
        let (document, items, _, _) = try exported(S.outcomes)
        let groups = items.filter { $0["CFItemType"]?.stringValue == "培养规格分类" }
        #expect(groups.compactMap { $0["humanCodingScheme"]?.stringValue } == ["素质", "知识", "能力", "X", "E"])
        #expect(items.filter { $0["CFItemType"]?.stringValue == "培养规格" }.count == 6)
        #expect(document["creator"]?.stringValue == "Coursemap")
        #expect(document["lastChangeDateTime"]?.stringValue == "2026-03-15T00:00:00+00:00")
        #expect(items.allSatisfy { $0["lastChangeDateTime"]?.stringValue == "2026-03-15T00:00:00+00:00" })
    }

    @Test("lastChangeDateTime: the version when it is a date, else the content revision's date", arguments: [
        ("2026-03-15", "2026-03-15T00:00:00+00:00"), ("2021", "2021-01-01T00:00:00+00:00"),
        ("2021-07", "2021-07-01T00:00:00+00:00"), ("2024-02-29", "2024-02-29T00:00:00+00:00"),
        // 1_765_119_845 s = 2025-12-07 15:04:05 UTC: a revision date, to the second.
        ("2023-02-29", "2025-12-07T15:04:05+00:00"), ("2026-illustrative", "2025-12-07T15:04:05+00:00"),
        ("v1.0", "2025-12-07T15:04:05+00:00"), ("2021-13", "2025-12-07T15:04:05+00:00"),
        ("", "2025-12-07T15:04:05+00:00"),
    ])
    func dates(version: String, expected: String) {
        #expect(CASEConventions.dateTime(forVersion: version, revisionDate: 1_765_119_845) == expected)
    }

    @Test("lastChangeDateTime of a framework whose version is no date follows the revision, never a constant")
    func revisionDates() throws {
        var framework = S.certificate
        framework.version = "2026-illustrative"
        let first = try S.json(CASEExporter.export(framework, baseURI: nil, revisionDate: 1_700_000_000))
        let second = try S.json(CASEExporter.export(framework, baseURI: nil, revisionDate: 1_765_119_845))
        #expect(first["CFDocument"]?["lastChangeDateTime"]?.stringValue == "2023-11-14T22:13:20+00:00")
        #expect(second["CFDocument"]?["lastChangeDateTime"]?.stringValue == "2025-12-07T15:04:05+00:00")
        #expect(CASEExporter.export(framework, baseURI: nil, revisionDate: 1_700_000_000) == CASEExporter.export(framework, baseURI: nil, revisionDate: 1_700_000_000))
        for key in ["CFItems", "CFAssociations"] {
            guard case let .array(entries)? = second[key] else { Issue.record("no \(key)"); continue }
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0["lastChangeDateTime"]?.stringValue == "2025-12-07T15:04:05+00:00" })
        }
        // Without any date (content not on disk) the epoch says "unknown"; never 2019-01-01.
        let unknown = CASEExporter.export(framework, baseURI: nil)
        #expect(!unknown.contains("2019-01-01"))
        #expect(unknown.contains("1970-01-01T00:00:00+00:00"))
        // Dates beyond what ISO 8601 years hold are clamped.
        #expect(CASEConventions.dateTime(seconds: -5) == "1970-01-01T00:00:00+00:00")
        #expect(CASEConventions.dateTime(seconds: 999_999_999_999) == "9999-12-31T23:59:59+00:00")
    }

    @Test("Notes values survive newlines, backslashes and colons")
    func notesCodec() {
        let values = ["a\nb", "c:\\n d", "\\", "末尾\\", "x\r\ny", ""]
        let text = CASEConventions.encodeNotes(header: "head: er", values.enumerated().map { ("k\($0.offset)", $0.element) })!
        let decoded = CASEConventions.decodeNotes(text)
        for (i, value) in values.enumerated() { #expect(decoded["k\(i)"] == value) }
        #expect(text.split(separator: "\n").count == values.count + 1)
    }

    @Test("A framework with a code twice still gets unique identifiers")
    func duplicateCodes() throws {
        var framework = S.outcomes
        framework.outcomeGroups[0].outcomes.append(framework.outcomeGroups[0].outcomes[0])
        let (_, items, associations, _) = try exported(framework)
        let ids = (items + associations).compactMap { $0["identifier"]?.stringValue }
        #expect(Set(ids).count == ids.count)
    }
}
