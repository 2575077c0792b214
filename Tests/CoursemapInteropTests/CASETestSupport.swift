import CoursemapModel
import Foundation

@testable import CoursemapInterop

/// Frameworks written in code, the CASE fixture's place, and helpers shared by the CASE and Moodle
/// competency tests.
enum CASETestSupport {
    /// `shared/interop/case/` beside the package root (three levels above this file).
    static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CoursemapInteropTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/interop/case")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static let here = SourceLocation(file: "frameworks/sample.xml", line: 3)

    /// A certificate with two levels, English on most nodes but not all, and text with commas, quotes,
    /// newlines, backslashes and markup.
    static let certificate = Framework(
        id: "b2b-data", kind: .certificate,
        title: LocalizedText(zh: "跨境电子商务B2B数据运营", en: "Cross-border E-commerce B2B Data Operations"),
        issuer: LocalizedText(zh: "阿里巴巴（中国）网络技术有限公司", en: "Alibaba (China) Network Technology Co., Ltd."),
        description: LocalizedText(zh: "说明：本框架为教学示例，\n第二行 \\n 不是换行。", en: "An \"illustrative\" example, not the standard."),
        version: "2026-illustrative", illustrative: true,
        levels: [
            FrameworkLevel(
                level: .elementary,
                areas: [
                    WorkArea(
                        code: "1", title: LocalizedText(zh: "店铺的建设与产品的发布"),
                        tasks: [
                            WorkTask(
                                code: "1.1", title: LocalizedText(zh: "店铺基础建设", en: "Basic store setup"),
                                requirements: [
                                    Statement(code: "1.1.1", statement: LocalizedText(zh: "能完成店铺认证信息设置。", en: "Can set up the store."), location: here)
                                ], location: here)
                        ], location: here)
                ], location: here),
            FrameworkLevel(
                level: .intermediate,
                description: LocalizedText(zh: "面向跨境电商B2B平台运营岗位。", en: "For B2B platform operations roles."),
                areas: [
                    WorkArea(
                        code: "1", title: LocalizedText(zh: "店铺的建设与产品的发布", en: "Store setup and product listing"),
                        tasks: [
                            WorkTask(
                                code: "1.1", title: LocalizedText(zh: "店铺基础建设", en: "Basic store setup"),
                                requirements: [
                                    Statement(
                                        code: "1.1.1",
                                        statement: LocalizedText(
                                            zh: "能根据企业资质与经营品类，完成平台店铺的认证信息、公司介绍与主营类目设置。",
                                            en: "Can complete the store's verification details, company profile and main categories."),
                                        location: here),
                                    Statement(
                                        code: "1.1.2",
                                        statement: LocalizedText(zh: "能规划“首页”版块, 配置 <轮播图> & \"产品分组\"。", en: ""),
                                        location: here),
                                ], location: here),
                            WorkTask(
                                code: "1.2", title: LocalizedText(zh: "产品信息编辑与优化", en: "Editing product information"),
                                requirements: [
                                    Statement(code: "1.2.1", statement: LocalizedText(zh: "能撰写英文产品标题。\n标题长度符合要求。", en: "Can write titles."), location: here)
                                ], location: here),
                        ], location: here),
                    WorkArea(
                        code: "3", title: LocalizedText(zh: "跨境电子商务数据分析", en: "Cross-border e-commerce data analysis"),
                        tasks: [
                            WorkTask(
                                code: "3.1", title: LocalizedText(zh: "店铺数据分析", en: "Store data analysis"),
                                requirements: [
                                    Statement(code: "3.1.1", statement: LocalizedText(zh: "能分析访客数与转化率。", en: "Can analyse visitors and conversion."), location: here),
                                    Statement(code: "3.1.10", statement: LocalizedText(zh: "能撰写数据分析报告。", en: "Can write a data report."), location: here),
                                ], location: here)
                        ], location: here),
                ], location: here),
        ], location: here)

    /// An outcome framework with the three domains, a group without a domain, and an empty group.
    static let outcomes = Framework(
        id: "cbec-outcomes", kind: .outcomes,
        title: LocalizedText(zh: "跨境电子商务专业培养规格", en: "Cross-border E-commerce Program Outcomes"),
        description: LocalizedText(zh: "素质、知识、能力三类培养规格。"), version: "2026-03-15",
        outcomeGroups: [
            OutcomeGroup(
                domain: .quality,
                outcomes: [
                    Statement(code: "Q1", statement: LocalizedText(zh: "遵守国际贸易法律法规与平台规则。", en: "Complies with trade law."), location: here),
                    Statement(code: "Q2", statement: LocalizedText(zh: "具有跨文化沟通意识。"), location: here),
                ], location: here),
            OutcomeGroup(
                domain: .knowledge,
                outcomes: [
                    Statement(code: "K1", statement: LocalizedText(zh: "掌握国际贸易术语，例如 FOB, CIF。", en: "Knows Incoterms, e.g. FOB, CIF."), location: here)
                ], location: here),
            OutcomeGroup(
                domain: .ability,
                outcomes: [
                    Statement(code: "A1", statement: LocalizedText(zh: "能完成店铺数据分析。", en: "Can analyse store data."), location: here),
                    Statement(code: "A1.1", statement: LocalizedText(zh: "能读懂数据报表。", en: "Reads reports."), location: here),
                ], location: here),
            OutcomeGroup(
                domain: nil, code: "X", title: LocalizedText(zh: "拓展", en: "Extension"),
                outcomes: [
                    Statement(code: "X1", statement: LocalizedText(zh: "了解新兴市场。"), location: here)
                ], location: here),
            OutcomeGroup(domain: nil, code: "E", title: LocalizedText(zh: "空组"), outcomes: [], location: here),
        ], location: here)

    /// The framework with every source location replaced by one value: what round trips compare.
    static func withoutLocations(_ framework: Framework) -> Framework {
        let nowhere = SourceLocation(file: "")
        var f = framework
        f.location = nowhere
        f.levels = f.levels.map { level in
            var level = level
            level.location = nowhere
            level.areas = level.areas.map { area in
                var area = area
                area.location = nowhere
                area.tasks = area.tasks.map { task in
                    var task = task
                    task.location = nowhere
                    task.requirements = task.requirements.map { var r = $0; r.location = nowhere; return r }
                    return task
                }
                return area
            }
            return level
        }
        f.outcomeGroups = f.outcomeGroups.map { group in
            var group = group
            group.location = nowhere
            group.outcomes = group.outcomes.map { var o = $0; o.location = nowhere; return o }
            return group
        }
        return f
    }

    struct Imported {
        var framework: Framework?
        var diagnostics: [Diagnostic]

        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
        func with(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
    }

    static func importJSON(_ text: String, frameworkID: String = "test") -> Imported {
        let (framework, diagnostics) = CASEImporter.importFramework(
            Array(text.utf8), file: "frameworks/\(frameworkID).case.json", frameworkID: frameworkID)
        return Imported(framework: framework, diagnostics: diagnostics)
    }

    /// Parses exported JSON for inspection.
    static func json(_ text: String) throws -> CASEJSON { try CASEJSON.parse(Array(text.utf8)) }

    /// A small package built from (identifier, fullStatement, humanCodingScheme?) items and
    /// (child, parent, sequence?) isChildOf associations; the document's identifier is `doc`.
    static func package(
        items: [(String, String, String?)], children: [(String, String, Int?)], documentTitle: String = "Test framework"
    ) -> String {
        func quote(_ s: String) -> String { CASEJSON.string(s).render().trimmingCharacters(in: .newlines) }
        let itemText = items.map { id, statement, code in
            var fields = [
                "\"identifier\": \(quote(id))", "\"uri\": \(quote("urn:x:" + id))",
                "\"fullStatement\": \(quote(statement))", "\"lastChangeDateTime\": \"2020-01-01T00:00:00+00:00\"",
            ]
            if let code { fields.append("\"humanCodingScheme\": \(quote(code))") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let associationText = children.enumerated().map { n, association in
            let (child, parent, sequence) = association
            var fields = [
                "\"identifier\": \"assoc-\(n)\"", "\"uri\": \"urn:x:assoc-\(n)\"", "\"associationType\": \"isChildOf\"",
                "\"originNodeURI\": {\"identifier\": \(quote(child)), \"uri\": \(quote("urn:x:" + child)), \"title\": \"\"}",
                "\"destinationNodeURI\": {\"identifier\": \(quote(parent)), \"uri\": \(quote("urn:x:" + parent)), \"title\": \"\"}",
                "\"lastChangeDateTime\": \"2020-01-01T00:00:00+00:00\"",
            ]
            if let sequence { fields.append("\"sequenceNumber\": \(sequence)") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return """
            {
              "CFDocument": {"identifier": "doc", "uri": "urn:x:doc", "creator": "Tester", "title": \(quote(documentTitle)),
                             "lastChangeDateTime": "2020-01-01T00:00:00+00:00"},
              "CFItems": [
                \(itemText.joined(separator: ",\n    "))
              ],
              "CFAssociations": [
                \(associationText.joined(separator: ",\n    "))
              ]
            }
            """
    }
}
