import CoursemapLoad
import CoursemapModel
import Testing

/// Numbers coverage counts, in shapes the shipped schemas accept but the readers once refused or misread:
/// XML decimals with surrounding white space, weights beyond what the blueprint can add, weights that add up
/// to zero, and a repeated mapping that states hours.
@Suite("Counted numbers at the edges: XML white space, blueprint weights, repeated mappings")
struct CountedNumberEdgeTests {
    private func codes(_ content: LoadedContent, _ code: DiagnosticCode) -> [Diagnostic] {
        content.diagnostics.sorted.filter { $0.code == code }
    }

    private func certificate(_ areas: [String]) -> String {
        let body = areas.enumerated().map { index, weight in
            let code = "\(index + 1)"
            return """
                <area code="\(code)"\(weight.isEmpty ? "" : " weight=\"\(weight)\"")><zh>领域</zh>
                  <task code="\(code).1"><zh>任务</zh><requirement code="\(code).1.1"><zh>要求</zh></requirement></task>
                </area>
                """
        }.joined(separator: "\n")
        return """
            <certificate xmlns="urn:coursemap:framework:1" id="cert">
              <title><zh>证书</zh></title>
              <level name="中级">
            \(body)
              </level>
            </certificate>
            """
    }

    @Test("XML hours and weights with white space around them (valid xs:decimal) are read as their number")
    func xmlWhiteSpace() throws {
        let content = load([
            "courses/c/m.xml": """
                <module xmlns="urn:coursemap:module:1" order="1" hours=" 12 ">
                  <title><zh>模块</zh></title>
                  <competencies>
                    <competency ref="cert:中级:1.1.1" level="M" hours=" 4 "/>
                  </competencies>
                  <body><p>正文</p></body>
                </module>
                """,
            "frameworks/cert.xml": certificate([" 16 ", "84"]),
        ])
        #expect(codes(content, .numberOutOfRange).isEmpty, "\(content.diagnostics.sorted.map(\.description))")
        #expect(codes(content, .partialBlueprintWeights).isEmpty, "' 16 ' is a weight")
        let module = try #require(content.modules.first)
        #expect(module.hours == 12)
        #expect(module.claims.map(\.hours) == [4])
        let area = try #require(content.frameworks.first?.levels.first?.areas.first)
        #expect(area.weight == 16)
        #expect(area.weightText == "16", "printed without the white space")
    }

    @Test("an item score with white space around it (valid xs:decimal) is that score, rounded like any other")
    func scoreWhiteSpace() throws {
        let bank = load(["exercises/b.xml": """
            <bank xmlns="urn:coursemap:exercises:1" id="b">
              <title><zh>题库</zh></title>
              <truefalse id="q1" score=" 2 "><stem>对吗</stem><answer>true</answer></truefalse>
              <truefalse id="q2" score="\t0.125 "><stem>对吗</stem><answer>true</answer></truefalse>
            </bank>
            """])
        #expect(codes(bank, .invalidItem).isEmpty, "\(bank.diagnostics.sorted.map(\.description))")
        #expect(bank.banks.first?.sections.flatMap(\.items).map(\.score) == [2, 0.13])
        #expect(codes(bank, .roundedNumber).map(\.location.line) == [4])
    }

    @Test("a weight beyond 1,000,000 is CM208 at its area, and the area has no weight")
    func hugeWeight() throws {
        let content = load(["frameworks/cert.xml": certificate(["9000000000000", "9000000000000"])])
        let errors = codes(content, .numberOutOfRange)
        #expect(errors.map(\.location.line) == [4, 7])
        #expect(errors.first?.message.contains("weight") == true)
        #expect(content.frameworks.first?.levels.first?.areas.allSatisfy { $0.weight == nil } == true)
    }

    @Test("weights that add up to zero leave nothing to compare: CM415 at the level")
    func zeroWeights() throws {
        let content = load(["frameworks/cert.xml": certificate(["0", "0.00"])])
        let warnings = codes(content, .partialBlueprintWeights)
        #expect(warnings.map(\.location.line) == [3])
        #expect(warnings.first?.message.contains("add up to 0") == true)
        #expect(codes(load(["frameworks/cert.xml": certificate(["0", "5"])]), .partialBlueprintWeights).isEmpty)
        // The blueprint counts weights in millionths: a weight below half a millionth is 0 there, and here.
        #expect(codes(load(["frameworks/cert.xml": certificate(["0.0000004", "0"])]), .partialBlueprintWeights).map(\.location.line) == [3])
    }

    @Test("a competency mapped twice: only the first mention's hours count toward CM413 (CM405 drops the second)")
    func repeatedMappingStatesHours() throws {
        let content = load(["courses/c/m.xml": """
            <module xmlns="urn:coursemap:module:1" order="1" hours="4">
              <title><zh>模块</zh></title>
              <competencies>
                <competency ref="cert:中级:1.1.1" level="R"/>
                <competency ref="cert:中级:1.1.1" level="M" hours="30"/>
              </competencies>
              <body><p>正文</p></body>
            </module>
            """])
        #expect(codes(content, .statedHoursExceedModule).isEmpty, "\(content.diagnostics.sorted.map(\.description))")
    }
}
