import CoursemapModel
import Testing

@testable import CoursemapXML

/// Elements with very many attributes are refused (CM307) before libxml2, which compares them pairwise.
@Suite("XML shape limits")
struct XMLShapeLimitsTests {
    /// `count` attributes on one element, written in one of several styles.
    private static func attributes(_ count: Int, style: Int) -> String {
        (0..<count).map { index in
            switch style {
            case 0: return "a\(index)=\"v\""
            case 1: return "a\(index)='v'"
            case 2: return "\n  x:a\(index) = \"<>=&amp;\""
            default: return "a\(index)=\"\(String(repeating: "v", count: 50))\""
            }
        }.joined(separator: " ")
    }

    @Test("80,000 attributes on one element are CM307 at its line, quickly", arguments: 0..<4)
    func manyAttributes(style: Int) throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- a comment with = signs = = -->\n<root xmlns:x=\"urn:x\">\n  <item \(Self.attributes(80_000, style: style))/>\n</root>\n"
        let start = ContinuousClock.now
        let result = XMLParser.parse(xml, file: "big.xml")
        #expect(ContinuousClock.now - start < .seconds(5))
        guard case let .failure(diagnostics) = result else {
            Issue.record("80,000 attributes were accepted")
            return
        }
        let error = try #require(diagnostics.items.first)
        #expect(error.code == .xmlTooLarge)
        #expect(error.location.file == "big.xml")
        #expect(error.location.line == 4)
    }

    @Test("up to the limit is read; = inside comments, CDATA, text and quoted values does not count")
    func atTheLimit() throws {
        let equals = String(repeating: "=", count: 5_000)
        let xml = """
            <root \(Self.attributes(XMLShapeLimits.maximumAttributes, style: 0))>
              <!-- \(equals) -->
              <![CDATA[\(equals)]]>
              <?pi \(equals)?>
              text \(equals)
              <child title="\(equals)" other='\(equals)'/>
            </root>
            """
        let root = try XMLParser.parse(xml, file: "ok.xml").get()
        #expect(root.attributes.count == XMLShapeLimits.maximumAttributes)
        let over = "<root>\n<a \(Self.attributes(XMLShapeLimits.maximumAttributes + 1, style: 1))/></root>"
        #expect(XMLShapeLimits.check(over, file: "f.xml")?.location.line == 2)
    }

    @Test("many children and long attribute values are linear: ten times the size, about ten times the time")
    func linearShapes() throws {
        func seconds(_ text: String) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = ContinuousClock.now
                _ = XMLParser.parse(text, file: "f.xml")
                let elapsed = ContinuousClock.now - start
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        let children = { (n: Int) in "<root>" + String(repeating: "<c a=\"1\">t</c>", count: n) + "</root>" }
        let values = { (n: Int) in "<root a=\"" + String(repeating: "v", count: n) + "\"/>" }
        for (name, make) in [("children", children), ("attribute value", values)] {
            let small = seconds(make(name == "children" ? 20_000 : 200_000))
            let large = seconds(make(name == "children" ? 200_000 : 2_000_000))
            #expect(large / max(small, 1e-4) < 35, "\(name): \(small) s, then \(large) s")
        }
    }

    @Test("imported HTML with an element of too many attributes is kept as text and reported")
    func sanitizer() {
        let html = "<p \(Self.attributes(5_000, style: 0))>x</p><script>alert(1)</script>"
        let start = ContinuousClock.now
        let result = HTMLSanitizer.sanitize(html)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<p "))
        #expect(result.removed.count == 1)
    }
}
