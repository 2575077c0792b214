import CoursemapModel
@testable import CoursemapInterop
import Foundation
import Testing

/// Images that travel inside Moodle XML: Moodle 2–4 `@@PLUGINFILE@@` references with `<file encoding="base64">`
/// beside the text, and Moodle 1.9 `<image>` / `<image_base64>`.
@Suite("Moodle import: embedded files")
struct MoodleEmbeddedFileTests {
    typealias Support = MoodleTestSupport
    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    static var base64: String { Data(png).base64EncodedString(options: [.lineLength64Characters]) }
    static let answers = #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"#

    /// As Moodle 4 exports it: the `<file>` after the `<text>` of the same question text.
    static func moodle4(_ text: String, files: String) -> String {
        Support.quiz("""
              <question type="truefalse">
                <name><text>Sign</text></name>
                <questiontext format="html">
                  <text><![CDATA[\(text)]]></text>
            \(files)
                </questiontext>
                \(answers)
              </question>
            """)
    }

    @Test("an @@PLUGINFILE@@ image with its base64 file is an asset with the decoded bytes, named by their hash")
    func pluginFile() throws {
        let xml = Self.moodle4(
            #"<p>What does <img src="@@PLUGINFILE@@/road%20sign.png" alt="the sign" width="1" height="1" /> mean?</p>"#,
            files: #"<file name="road sign.png" path="/" encoding="base64">\#(Self.base64)</file>"#)
        let imported = try Support.importXML(xml)
        let item = try #require(imported.items.first)
        #expect(item.stem.html == "<p>What does <!--coursemap-asset 0--> mean?</p>")
        let asset = try #require(item.assets.first)
        #expect(asset.data == Self.png)
        #expect(asset.path == "embedded/\(SHA1.hex(SHA1.digest(Self.png))).png")
        #expect(asset.alternative == "the sign")
        #expect(asset.location == Support.location(5))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
    }

    @Test("an @@PLUGINFILE@@ image with no <file> shows its alternative text, as the CM312 warning says")
    func missingFile() throws {
        let imported = try Support.importXML(Self.moodle4(
            #"<p>See <img src="@@PLUGINFILE@@/gone.png" alt="a &lt;b&gt; chart" /> here</p>"#, files: ""))
        #expect(imported.items.first?.stem.html == "<p>See [a &lt;b&gt; chart] here</p>")
        let warning = try #require(imported.with(.sanitizedHTML).first)
        #expect(warning.message.contains("gone.png") && warning.message.contains("text alternative"))
    }

    @Test("invalid or oversized base64 is CM328; the image shows its alternative text")
    func unusable() throws {
        let bad = try Support.importXML(Self.moodle4(
            #"<p><img src="@@PLUGINFILE@@/x.png" alt="X" /></p>"#, files: #"<file name="x.png" encoding="base64">!!!not*base64</file>"#))
        #expect(bad.items.first?.stem.html == "<p>[X]</p>")
        #expect(bad.items.first?.assets.isEmpty == true)
        let warning = try #require(bad.with(.importedFileNotKept).first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("x.png") && warning.message.contains("not valid base64"))

        // Over the limit: refused from its length, before decoding. (libxml2 itself refuses a text node over
        // 10 MB, so the limit is checked on the decoder directly.)
        let huge = String(repeating: "AAAA", count: MoodleEmbeddedFiles.maximumBytes / 3 + 8)
        guard case let .unusable(reason) = MoodleEmbeddedFiles.decode(huge, name: "big.png") else {
            Issue.record("an oversized file was decoded")
            return
        }
        #expect(reason.contains("over 8 MB"))
        if case .unusable = MoodleEmbeddedFiles.decode(String(repeating: "AAAA", count: MoodleEmbeddedFiles.maximumBytes / 3 - 8), name: "ok.png") {
            Issue.record("a file under the limit was refused")
        }
    }

    @Test("Moodle 1.9 <image_base64> becomes the question's picture; <image> alone is a file beside the XML")
    func legacy() throws {
        let withData = try Support.importXML(Support.quiz(Support.question(
            "truefalse", name: "Old", text: "<p>Look</p>", "<image>pics/old.png</image><image_base64>\(Self.base64)</image_base64>" + Self.answers)))
        let item = try #require(withData.items.first)
        #expect(item.stem.html == "<p>Look</p><p><!--coursemap-asset 0--></p>")
        #expect(item.assets.first?.data == Self.png)
        #expect(item.assets.first?.path.hasSuffix(".png") == true)

        let byName = try Support.importXML(Support.quiz(Support.question(
            "truefalse", name: "Old", text: "<p>Look</p>", "<image>pics/old.png</image>" + Self.answers)))
        let named = try #require(byName.items.first)
        #expect(named.stem.html == "<p>Look</p><p><!--coursemap-asset 0--></p>")
        #expect(named.assets.map(\.path) == ["exercises/pics/old.png"])
        #expect(named.assets.first?.data == nil)
    }

}
