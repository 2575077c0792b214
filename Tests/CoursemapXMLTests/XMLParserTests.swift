@testable import CoursemapLoad
import CoursemapXML
import CoursemapModel
import Foundation
import Testing

@Suite("XML (libxml2)")
struct XMLParserTests {
    @Test("not well-formed XML is reported at its line and column")
    func notWellFormed() {
        guard case let .failure(list) = XMLParser.parse("<a>\n  <b></c>\n</a>", file: "f.xml") else {
            Issue.record("broken XML parsed")
            return
        }
        let diagnostic = list.items[0]
        #expect(diagnostic.code == .xmlNotWellFormed)
        #expect(diagnostic.location.file == "f.xml")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column != nil)
    }

    @Test("a text over libxml2's 10 MB limit (a huge base64 file) is CM301 at its place, said plainly")
    func hugeText() {
        let xml = "<quiz>\n<file>" + String(repeating: "A", count: 10_500_000) + "</file></quiz>"
        guard case let .failure(list) = XMLParser.parse(xml, file: "big.xml") else {
            Issue.record("10.5 MB text parsed")
            return
        }
        let diagnostic = list.items[0]
        #expect(diagnostic.code == .xmlNotWellFormed)
        #expect(diagnostic.location.line == 2)
        #expect(!diagnostic.message.contains("internal error"), "\(diagnostic.message)")
        #expect(diagnostic.message.contains("10,000,000 bytes"))
    }

    @Test("a DOCTYPE with an external entity is refused and the file is never read")
    func externalEntity() {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-secret-\(UUID().uuidString)")
        try? "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a [ <!ENTITY x SYSTEM "file://\(secret.path)"> ]>
            <a>&x;</a>
            """
        guard case let .failure(list) = XMLParser.parse(xml, file: "e.xml") else {
            Issue.record("DOCTYPE accepted")
            return
        }
        #expect(list.items.map(\.code) == [.xmlDoctype])
        #expect(list.items[0].location.line == 2)
        #expect(!list.items[0].message.contains("TOP-SECRET"))
    }

    @Test("schema violations name the line")
    func schemaViolation() throws {
        let schema = try #require(ShippedSchemas.module)
        let xml = """
            <module xmlns="urn:coursemap:module:1" order="1" hours="2">
              <title><zh>t</zh></title>
              <body><p>x</p><script>bad</script></body>
            </module>
            """
        guard case let .failure(list) = XMLParser.parse(xml, file: "m.xml", schema: schema) else {
            Issue.record("invalid module accepted")
            return
        }
        #expect(list.items.first?.code == .xmlSchemaViolation)
        #expect(list.items.first?.location.line == 3)
        #expect(list.items.first?.message.contains("script") == true)
    }

    @Test("XML module bodies are escaped and unsafe links dropped")
    func bodyWriter() throws {
        let xml = """
            <body xmlns="urn:coursemap:module:1"><section><title>步骤</title>
            <p>&lt;script&gt;x&lt;/script&gt; <a href="javascript:alert(1)">bad</a> <a href="https://ok.test/">ok</a></p>
            </section></body>
            """
        let root = try XMLParser.parse(xml, file: "m.xml").get()
        let (text, diagnostics) = XMLBodyWriter.write(root, file: "m.xml")
        #expect(text.html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!text.html.contains("javascript:"))
        #expect(text.html.contains("<a href=\"https://ok.test/\" rel=\"noopener\">ok</a>"))
        #expect(text.headings == [Heading(level: 2, text: "步骤", anchor: "步骤")])
        #expect(diagnostics.map(\.code) == [.unsafeLink])
        #expect(diagnostics.first?.location.line == 2)
    }
}
