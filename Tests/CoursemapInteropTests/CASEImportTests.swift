import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

@Suite("CASE import of other tools' packages")
struct CASEImportTests {
    typealias S = CASETestSupport

    @Test("The OpenSALT fixture becomes two groups of positionally coded outcomes")
    func smartLevelFixture() throws {
        let bytes = try S.fixture("SmartLevelFramework.json")
        let (imported, diagnostics) = CASEImporter.importFramework(
            bytes, file: "frameworks/smart-level.case.json", frameworkID: "smart-level")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let framework = try #require(imported)
        #expect(framework.id == "smart-level")
        #expect(framework.kind == .outcomes)
        #expect(framework.title == LocalizedText(zh: "SmartLevel Test"))
        #expect(framework.version == nil)
        #expect(framework.issuer == LocalizedText(zh: "OpenSALT Testing"))
        #expect(framework.levels.isEmpty)

        #expect(framework.outcomeGroups.count == 2)
        let first = framework.outcomeGroups[0], second = framework.outcomeGroups[1]
        #expect(first.domain == nil && second.domain == nil)
        #expect(first.code == "1")
        #expect(first.title == LocalizedText(zh: "Item 1"))
        #expect(first.outcomes.map(\.code) == (1...10).map { "1.\($0)" })
        #expect(first.outcomes.map(\.statement.zh) == (1...10).map { "Item 1.\($0)" })
        #expect(second.code == "2")
        #expect(second.title.zh == "Item 2")
        #expect(second.outcomes.map(\.code) == ["2.1", "2.2"])
        #expect(second.outcomes.map(\.statement.zh) == ["Item 2.1", "Item 2.2"])
        #expect(framework.allCompetencies.count == 12)
        #expect(framework.allCompetencies.first?.id.description == "smart-level:1.1")

        // Locations point at the line where each item's identifier is first written.
        #expect(first.location.file == "frameworks/smart-level.case.json")
        let line = try #require(first.outcomes[9].location.line)
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text[line - 1].contains("00000000-0000-0000-0000-000000000012"))
    }

    @Test("Siblings follow sequenceNumber, then item order; valid codes are kept; depth flattens")
    func orderAndCodes() throws {
        let json = S.package(
            items: [
                ("g", "Group", "G"), ("a", "A", "A.1"), ("b", "B", nil), ("c", "C", "not a code"), ("d", "D deep", nil),
            ],
            children: [("g", "doc", 1), ("a", "g", 3), ("b", "g", 1), ("c", "g", nil), ("d", "b", 1)])
        let result = S.importJSON(json)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let group = try #require(result.framework?.outcomeGroups.first)
        #expect(group.code == "G")
        // b (seq 1) with its child d, then a (seq 3), then c (no sequence).
        #expect(group.outcomes.map(\.statement.zh) == ["B", "D deep", "A", "C"])
        #expect(group.outcomes.map(\.code) == ["1.1", "1.1.1", "A.1", "1.3"])
    }

    @Test("An outcome coded 'index' (any case) would overwrite the framework page: it is numbered by position")
    func indexCodeIsReserved() throws {
        let json = S.package(
            items: [("g", "Group", "G"), ("a", "A", "index"), ("b", "B", "INDEX"), ("c", "C", "ok")],
            children: [("g", "doc", 1), ("a", "g", 1), ("b", "g", 2), ("c", "g", 3)])
        let result = S.importJSON(json)
        let group = try #require(result.framework?.outcomeGroups.first)
        #expect(group.outcomes.map(\.code) == ["1.1", "1.2", "ok"])
        #expect(group.outcomes.allSatisfy { $0.code.lowercased() != "index" })
    }

    @Test("Top-level items without children become outcomes of a group named after the document")
    func documentGroup() throws {
        let json = S.package(
            items: [("p", "Parent", nil), ("k", "Kid", nil), ("l1", "Lone one", nil), ("l2", "Lone two", "L2")],
            children: [("l1", "doc", 1), ("p", "doc", 2), ("k", "p", 1), ("l2", "doc", 3)],
            documentTitle: "My framework")
        let result = S.importJSON(json)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let groups = try #require(result.framework?.outcomeGroups)
        #expect(groups.map(\.title.zh) == ["My framework", "Parent"])
        #expect(groups.map(\.code) == ["0", "2"])
        #expect(groups[0].outcomes.map(\.code) == ["1", "L2"])
        #expect(groups[0].outcomes.map(\.statement.zh) == ["Lone one", "Lone two"])
        #expect(groups[1].outcomes.map(\.code) == ["2.1"])
    }

    @Test("Duplicate codes give CM403 and are renumbered")
    func duplicates() throws {
        let json = S.package(
            items: [("g", "G", nil), ("a", "A", "K1"), ("b", "B", "K1"), ("h", "H", nil), ("c", "C", "1.1")],
            children: [("g", "doc", 1), ("a", "g", 1), ("b", "g", 2), ("h", "doc", 2), ("c", "h", 1)])
        let result = S.importJSON(json)
        #expect(result.errors.isEmpty)
        #expect(result.with(.duplicateID).count == 1)
        let codes = try #require(result.framework).allCompetencies.map(\.id.code)
        #expect(codes == ["K1", "1.2", "1.1"])
    }

    @Test("Item identifiers given twice: CM403, the later item left out")
    func duplicateItems() throws {
        let json = S.package(items: [("g", "G", nil), ("a", "A", nil), ("A", "again", nil)], children: [("g", "doc", 1), ("a", "g", 1)])
        let result = S.importJSON(json)
        #expect(result.with(.duplicateID).count == 1)
        #expect(result.framework?.allCompetencies.map(\.statement.zh) == ["A"])
    }

    @Test("Identifiers match whatever their case; other association types are ignored")
    func caseInsensitive() throws {
        let json = S.package(
            items: [("AB-G", "G", nil), ("ab-x", "X", nil)],
            children: [("ab-g", "DOC", 1), ("AB-X", "ab-g", 1)])
            .replacingOccurrences(of: "\"CFAssociations\": [", with: """
                "CFAssociations": [
                    {"identifier": "m", "uri": "urn:x:m", "associationType": "exactMatchOf", "lastChangeDateTime": "2020-01-01T00:00:00+00:00",
                     "originNodeURI": {"identifier": "ab-x", "uri": "urn:x:ab-x", "title": "X"},
                     "destinationNodeURI": {"identifier": "elsewhere", "uri": "https://other.example/x", "title": "Y"}},
                """)
        let result = S.importJSON(json)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.framework?.outcomeGroups.first?.outcomes.map(\.statement.zh) == ["X"])
    }

    // MARK: Hostile input

    @Test("Text that is not JSON: CM203 at line 1, no framework")
    func invalidJSON() {
        for text in ["{\"CFDocument\": ", "not json", "", "{\"a\" 1}", "[1, 2", "{\"CFDocument\": {}, \"CFItems\": [}"] {
            let result = S.importJSON(text)
            #expect(result.framework == nil)
            #expect(result.errors.count == 1)
            let error = result.errors.first
            #expect(error?.code == .wrongType)
            #expect(error?.message.hasPrefix("not valid JSON") == true, "\(error?.message ?? "")")
            #expect(error?.location.line == 1)
        }
    }

    @Test("JSON that is not a package: missing CFDocument or CFItems, wrong types")
    func notAPackage() {
        let cases: [(String, DiagnosticCode)] = [
            ("{}", .emptyCASEPackage), ("[]", .wrongType), ("42", .wrongType), ("null", .wrongType),
            (#"{"CFItems": []}"#, .emptyCASEPackage),
            (#"{"CFDocument": {"identifier": "d", "title": "T"}}"#, .emptyCASEPackage),
            (#"{"CFDocument": [], "CFItems": []}"#, .wrongType),
            (#"{"CFDocument": {"identifier": "d", "title": "T"}, "CFItems": {}}"#, .wrongType),
        ]
        for (text, code) in cases {
            let result = S.importJSON(text)
            #expect(result.framework == nil, "\(text)")
            #expect(result.errors.map(\.code) == [code], "\(text): \(result.diagnostics)")
        }
    }

    @Test("An empty package is CM330, an error saying what is missing, and gives no framework")
    func emptyPackage() throws {
        let cases: [(String, String)] = [
            (#"{}"#, "without CFDocument"),
            (#"{"CFDocument": {"identifier": "d", "title": "空"}}"#, "without CFItems"),
            (#"{"CFDocument": {"identifier": "d", "title": "空"}, "CFItems": [], "CFAssociations": []}"#, "CFItems is empty"),
            (#"{"CFDocument": {"identifier": "d", "title": "空"}, "CFItems": [42, {"fullStatement": "x"}]}"#, "without a usable CFItem"),
        ]
        for (text, missing) in cases {
            let result = S.importJSON(text)
            #expect(result.framework == nil, "\(text)")
            let error = try #require(result.errors.first { $0.code == .emptyCASEPackage }, "\(text): \(result.diagnostics)")
            #expect(error.severity == .error)
            #expect(error.message.contains(missing), "\(error.message)")
            #expect(result.errors.count == 1, "\(text): \(result.diagnostics)")
        }
        // One usable item is enough.
        let one = S.importJSON(#"{"CFDocument": {"identifier": "d", "title": "一"}, "CFItems": [{"identifier": "i", "fullStatement": "能做"}]}"#)
        #expect(one.errors.isEmpty, "\(one.diagnostics)")
        #expect(one.framework?.allCompetencies.count == 1)
    }

    @Test("A cycle is an error and leaves its items out, without hanging or crashing")
    func cycle() throws {
        let json = S.package(
            items: [("g", "G", nil), ("a", "A", nil), ("b", "B", nil), ("c", "C", nil), ("under", "Under", nil)],
            children: [("g", "doc", 1), ("a", "b", 1), ("b", "c", 1), ("c", "a", 1), ("under", "a", 2)])
        let result = S.importJSON(json)
        let errors = result.errors
        #expect(errors.count == 1)
        #expect(errors.first?.code == .invalidValue)
        #expect(errors.first?.message.contains("cycle") == true)
        let framework = try #require(result.framework)
        // Only G is left, a top-level item without children: an outcome of the document's group.
        #expect(framework.outcomeGroups.map(\.title.zh) == ["Test framework"])
        #expect(framework.allCompetencies.map(\.statement.zh) == ["G"])
    }

    @Test("An item that is its own parent is an error")
    func selfParent() {
        let json = S.package(items: [("a", "A", nil)], children: [("a", "a", 1)])
        let result = S.importJSON(json)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("own parent") == true)
        #expect(result.framework != nil)
    }

    @Test("Associations to unknown nodes are warnings; the item is placed under the document")
    func unknownTarget() throws {
        let json = S.package(
            items: [("g", "G", nil), ("a", "A", nil), ("x", "X", nil)],
            children: [("g", "doc", 1), ("a", "g", 1), ("x", "nowhere", 1), ("ghost", "g", 2)])
        let result = S.importJSON(json)
        #expect(result.errors.isEmpty)
        let invalid = result.with(.invalidValue)
        #expect(invalid.count == 2)
        #expect(invalid.contains { $0.message.contains("nowhere") })
        #expect(invalid.contains { $0.message.contains("ghost") })
        #expect(result.with(.missingField).count == 1)  // x has no parent left
        let framework = try #require(result.framework)
        #expect(framework.allCompetencies.map(\.statement.zh).sorted() == ["A", "X"])
    }

    @Test("An item with two parents stays under the first, with a warning")
    func twoParents() throws {
        let json = S.package(
            items: [("g", "G", nil), ("h", "H", nil), ("a", "A", nil), ("b", "B", nil)],
            children: [("g", "doc", 1), ("h", "doc", 2), ("a", "g", 1), ("a", "h", 1), ("b", "h", 2)])
        let result = S.importJSON(json)
        #expect(result.warnings.count == 1)
        let groups = try #require(result.framework?.outcomeGroups)
        #expect(groups.map { $0.outcomes.map(\.statement.zh) } == [["A"], ["B"]])
    }

    @Test("Deep JSON nesting is refused, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = S.importJSON(deep)
        #expect(result.framework == nil)
        #expect(result.errors.first?.code == .wrongType)
        let deepObject = "{\"CFDocument\": " + String(repeating: "{\"a\": ", count: 50_000) + "1" + String(repeating: "}", count: 50_001)
        #expect(S.importJSON(deepObject).framework == nil)
    }

    @Test("A long isChildOf chain and many items import without recursion limits")
    func longChain() throws {
        let depth = 3_000
        var items: [(String, String, String?)] = [("i0", "root", nil)]
        var children: [(String, String, Int?)] = [("i0", "doc", 1)]
        for i in 1..<depth {
            items.append(("i\(i)", "level \(i)", nil))
            children.append(("i\(i)", "i\(i - 1)", 1))
        }
        let result = S.importJSON(S.package(items: items, children: children))
        #expect(result.errors.isEmpty)
        let outcomes = try #require(result.framework?.outcomeGroups.first?.outcomes)
        #expect(outcomes.count == depth - 1)
        let codes = outcomes.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy(CompetencyID.isCode))
        #expect(codes.first == "1.1")
    }

    @Test("Many siblings import quickly")
    func wide() throws {
        let count = 20_000
        var items: [(String, String, String?)] = [("g", "G", nil)]
        var children: [(String, String, Int?)] = [("g", "doc", 1)]
        for i in 0..<count {
            items.append(("w\(i)", "W\(i)", nil))
            children.append(("w\(i)", "g", count - i))
        }
        let result = S.importJSON(S.package(items: items, children: children))
        #expect(result.diagnostics.isEmpty)
        let outcomes = try #require(result.framework?.outcomeGroups.first?.outcomes)
        #expect(outcomes.count == count)
        #expect(outcomes.first?.statement.zh == "W\(count - 1)")  // highest sequence number last in CFItems, first here
        #expect(outcomes.first?.code == "1.1")
    }

    @Test("Byte-order mark accepted; GB18030 text reported as not UTF-8")
    func encodings() throws {
        let json = S.package(items: [("g", "G", nil), ("a", "中文", nil)], children: [("g", "doc", 1), ("a", "g", 1)])
        let (withBOM, bomDiagnostics) = CASEImporter.importFramework([0xEF, 0xBB, 0xBF] + Array(json.utf8), file: "f.json", frameworkID: "f")
        #expect(bomDiagnostics.isEmpty)
        #expect(withBOM?.allCompetencies.first?.statement.zh == "中文")

        var gb = Array(json.utf8)
        gb.append(contentsOf: [0xD6, 0xD0])  // 中 in GB18030
        let (framework, diagnostics) = CASEImporter.importFramework(gb, file: "f.json", frameworkID: "f")
        #expect(framework == nil)
        #expect(diagnostics.map(\.code) == [.notUTF8])
        #expect(diagnostics.first?.message.contains("iconv") == true)
    }

    @Test("Wrongly typed entries are skipped with warnings")
    func wrongTypes() throws {
        let json = #"""
            {"CFDocument": {"identifier": "d", "title": "T"},
             "CFItems": [42, {"fullStatement": "no id"}, {"identifier": "g", "fullStatement": "G"}, {"identifier": "a"}],
             "CFAssociations": ["x", {"identifier": "z", "associationType": "isChildOf"},
                                {"identifier": "y", "associationType": "isChildOf", "sequenceNumber": "2",
                                 "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "g"}},
                                {"identifier": "w", "associationType": "isChildOf",
                                 "originNodeURI": {"identifier": "g"}, "destinationNodeURI": {"identifier": "d"}}]}
            """#
        let result = S.importJSON(json)
        #expect(result.errors.isEmpty)
        #expect(result.with(.wrongType).count == 2)
        #expect(result.with(.missingField).count == 3)  // item without id, item without fullStatement, association without ends
        let framework = try #require(result.framework)
        #expect(framework.outcomeGroups.map(\.title.zh) == ["G"])
        #expect(framework.outcomeGroups[0].outcomes.map(\.code) == ["1.1"])
    }

    @Test("Coursemap-typed packages with a foreign level or bad codes warn instead of failing")
    func brokenCoursemapPackage() throws {
        var json = CASEExporter.export(S.certificate, baseURI: nil)
        json = json.replacingOccurrences(of: "\"humanCodingScheme\": \"初级\"", with: "\"humanCodingScheme\": \"专家级\"")
            .replacingOccurrences(of: "\"fullStatement\": \"初级\"", with: "\"fullStatement\": \"专家级\"")
            .replacingOccurrences(of: "\"humanCodingScheme\": \"3.1.10\"", with: "\"humanCodingScheme\": \"3.1.十\"")
        let result = S.importJSON(json, frameworkID: "b2b-data")
        #expect(result.errors.isEmpty)
        #expect(result.with(.invalidValue).count == 2)
        let framework = try #require(result.framework)
        #expect(framework.levels.map(\.level) == [.intermediate])
        #expect(framework.levels[0].areas[1].tasks[0].requirements.map(\.code) == ["3.1.1", "2.1.2"])
    }
}

@Suite("CASE import messages")
struct CASEImportMessageTests {
    typealias S = CASETestSupport

    @Test("JSON syntax errors say what Foundation found")
    func jsonMessage() {
        let result = S.importJSON("{\"CFDocument\": {\"title\": \"T\"}\n\"CFItems\": []}")
        let message = result.errors.first?.message ?? ""
        #expect(message.hasPrefix("not valid JSON: "))
        #expect(message.count > "not valid JSON: ".count)
        #expect(message.hasSuffix("(line 2, column 1)"), "\(message)")
        #expect(result.errors.first?.location.line == 1)
    }

    @Test("A package without CFAssociations: one warning, every item under the document")
    func noAssociations() throws {
        let result = S.importJSON(
            #"{"CFDocument": {"identifier": "d", "title": "T"}, "CFItems": [{"identifier": "a", "fullStatement": "A"}, {"identifier": "b", "fullStatement": "B"}]}"#)
        #expect(result.diagnostics.count == 1)
        #expect(result.warnings.first?.code == .missingField)
        let groups = try #require(result.framework?.outcomeGroups)
        #expect(groups.map(\.code) == ["0"])
        #expect(groups[0].outcomes.map(\.code) == ["1", "2"])
    }
}
