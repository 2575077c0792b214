import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

@Suite("CASE round trip: export then import gives the same framework")
struct CASERoundTripTests {
    typealias S = CASETestSupport

    private func roundTrip(_ framework: Framework, baseURI: String? = nil) throws -> S.Imported {
        let json = CASEExporter.export(framework, baseURI: baseURI)
        let (imported, diagnostics) = CASEImporter.importFramework(
            Array(json.utf8), file: "frameworks/\(framework.id).case.json", frameworkID: framework.id)
        return S.Imported(framework: imported, diagnostics: diagnostics)
    }

    @Test("A certificate with two levels comes back equal, apart from source locations")
    func certificate() throws {
        let result = try roundTrip(S.certificate)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let framework = try #require(result.framework)
        #expect(S.withoutLocations(framework) == S.withoutLocations(S.certificate))
        // Spot checks, so a failure says where.
        #expect(framework.kind == .certificate)
        #expect(framework.levels.map(\.level) == [.elementary, .intermediate])
        #expect(framework.levels[1].description?.en == "For B2B platform operations roles.")
        #expect(framework.levels[1].areas[0].tasks[0].requirements[1].statement == LocalizedText(zh: "能规划“首页”版块, 配置 <轮播图> & \"产品分组\"。", en: ""))
        #expect(framework.levels[0].areas[0].title.en == nil)
        #expect(framework.illustrative)
        #expect(framework.issuer?.en == "Alibaba (China) Network Technology Co., Ltd.")
        #expect(framework.description?.zh == "说明：本框架为教学示例，\n第二行 \\n 不是换行。")
    }

    @Test("Blueprint weights come back as written, per level (a certificate keeps its blueprint through CASE)")
    func blueprintWeights() throws {
        var framework = S.certificate
        framework.levels[1].areas[0].weight = 19.5
        framework.levels[1].areas[0].weightText = "19.50"
        framework.levels[0].areas[0].weight = 0
        framework.levels[0].areas[0].weightText = "0"
        let result = try roundTrip(framework)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let imported = try #require(result.framework)
        #expect(imported.levels[1].areas[0].weightText == "19.50")
        #expect(imported.levels[1].areas[0].weight == 19.5)
        #expect(imported.levels[0].areas[0].weightText == "0")
        #expect(S.withoutLocations(imported) == S.withoutLocations(framework))
    }

    @Test("An imported weight that is not a number from 0 to 1,000,000 is left out with a warning at its area")
    func badImportedWeight() throws {
        var framework = S.certificate
        framework.levels[1].areas[0].weight = 1
        framework.levels[1].areas[0].weightText = "1"
        let json = CASEExporter.export(framework, baseURI: nil).replacingOccurrences(of: "weight: 1\"", with: "weight: 9e99\"")
        #expect(json.contains("weight: 9e99"))
        let (imported, diagnostics) = CASEImporter.importFramework(Array(json.utf8), file: "frameworks/cert.case.json", frameworkID: "cert")
        #expect(imported?.levels[1].areas[0].weight == nil)
        #expect(imported?.levels[1].areas[0].weightText == nil)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("weight '9e99'") })
    }

    @Test("An outcome framework comes back equal: domains, a group without one, an empty group")
    func outcomes() throws {
        let result = try roundTrip(S.outcomes, baseURI: "https://example.edu/case/")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let framework = try #require(result.framework)
        #expect(S.withoutLocations(framework) == S.withoutLocations(S.outcomes))
        #expect(framework.outcomeGroups.map(\.domain) == [.quality, .knowledge, .ability, nil, nil])
        #expect(framework.issuer == nil)
        #expect(!framework.illustrative)
    }

    @Test("Export → import → export is byte-identical")
    func stableReexport() throws {
        for framework in [S.certificate, S.outcomes] {
            let first = CASEExporter.export(framework, baseURI: nil)
            let imported = try #require(try roundTrip(framework).framework)
            #expect(CASEExporter.export(imported, baseURI: nil) == first)
        }
    }

    @Test("Imported frameworks take the id the loader gives, and locations point into the file")
    func idsAndLocations() throws {
        let json = CASEExporter.export(S.certificate, baseURI: nil)
        let (framework, _) = CASEImporter.importFramework(Array(json.utf8), file: "frameworks/other.case.json", frameworkID: "other")
        let imported = try #require(framework)
        #expect(imported.id == "other")
        #expect(imported.location.file == "frameworks/other.case.json")
        let requirement = imported.levels[1].areas[0].tasks[0].requirements[0]
        let line = try #require(requirement.location.line)
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        // The line of the item's own identifier in CFItems, not an association's mention of it.
        let itemsStart = try #require(lines.firstIndex { $0.contains("\"CFItems\": [") })
        #expect(line - 1 > itemsStart)
        #expect(lines[line - 1].contains("\"identifier\": \"\(CASEUUID.v5(name: "coursemap:b2b-data:中级:1.1.1"))\""))
    }

    @Test("Minimal frameworks: no levels, no groups, no English, no version")
    func minimal() throws {
        let here = SourceLocation(file: "f.xml")
        let empty = [
            Framework(id: "e", kind: .certificate, title: LocalizedText(zh: "空证书"), location: here),
            Framework(id: "o", kind: .outcomes, title: LocalizedText(zh: "空"), location: here),
            Framework(
                id: "l", kind: .certificate, title: LocalizedText(zh: "仅等级"),
                levels: [FrameworkLevel(level: .advanced, areas: [], location: here)], location: here),
        ]
        for framework in empty where framework.id == "l" {
            let result = try roundTrip(framework)
            #expect(result.errors.isEmpty, "\(result.diagnostics)")
            #expect(result.framework.map(S.withoutLocations) == S.withoutLocations(framework))
        }
        // A framework with nothing in it exports a package without CFItems: importing it is CM330, never a
        // silently empty framework.
        for framework in empty where framework.id != "l" {
            let result = try roundTrip(framework)
            #expect(result.framework == nil)
            #expect(result.errors.map(\.code) == [.emptyCASEPackage], "\(result.diagnostics)")
        }
    }

    @Test("A code given twice comes back renumbered with a CM403 warning")
    func duplicateCode() throws {
        var framework = S.outcomes
        framework.outcomeGroups[1].outcomes.append(
            Statement(code: "K1", statement: LocalizedText(zh: "重复"), location: S.here))
        let result = try roundTrip(framework)
        #expect(result.with(.duplicateID).count == 1)
        let codes = try #require(result.framework).allCompetencies.map(\.id.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.contains("K1"))
    }
}
