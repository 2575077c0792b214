import CoursemapModel
import Testing

@testable import CoursemapInterop

/// Remote images in imported HTML are tracking pixels in a student portal: dropped with CM319 unless the
/// site keeps them on purpose.
@Suite("Remote images in imported HTML")
struct RemoteImageImportTests {
    static let payloads = [
        #"<img src="https://tracker.example/p.gif" alt="logo">"#,
        #"<img src="http://tracker.example/p.gif">"#,
        #"<img src="HTTPS://TRACKER.EXAMPLE/p.gif">"#,
        #"<img src="//tracker.example/p.gif">"#,
        #"<img src="/\tracker.example/p.gif">"#,
        #"<img src="\\tracker.example/p.gif">"#,
        "<img src=\"  https://tracker.example/p.gif\">",
        "<img src=\"ht\ttps://tracker.example/p.gif\">",
        "<img src=\"/\t/tracker.example/p.gif\">",
        #"<img src="https:tracker.example/p.gif">"#,
        #"<img src="ftp://tracker.example/p.gif">"#,
        #"<p><span><img width="1" height="1" src="https://tracker.example/p.gif"></span></p>"#,
        #"<img srcset="https://tracker.example/p.gif 1x" src="https://tracker.example/q.gif">"#,
    ]

    @Test("Moodle: every shape of remote image is removed with one CM319 warning", arguments: payloads)
    func moodleDropped(payload: String) throws {
        let question = MoodleTestSupport.question(
            "truefalse", name: "Q", text: "<p>看图</p>\(payload)",
            #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"#)
        let imported = try MoodleTestSupport.importXML(MoodleTestSupport.quiz(question))
        let stem = try #require(imported.items.first?.stem.html)
        #expect(!stem.contains("<img"), "\(stem)")
        #expect(!stem.lowercased().contains("tracker.example"), "\(stem)")
        #expect(imported.with(.remoteImage).count == 1)
        #expect(imported.with(.remoteImage).first?.severity == .warning)
    }

    @Test("QTI: every shape of remote image is removed with one CM319 warning", arguments: payloads)
    func qtiDropped(payload: String) throws {
        let xhtml = payload.replacingOccurrences(of: "\">", with: "\"/>").replacingOccurrences(of: "\t", with: "&#9;")
        let (item, diagnostics) = try QTITestSupport.importText(QTITestSupport.item(body: "<div class=\"coursemap-stem coursemap-description\"><p>看图</p>\(xhtml)</div>"))
        let stem = try #require(item?.stem.html)
        #expect(!stem.contains("<img"), "\(stem)")
        #expect(diagnostics.filter { $0.code == .remoteImage }.count == 1, "\(diagnostics)")
    }

    @Test("images on the portal itself stay, and keepRemoteImages keeps remote ones without a warning")
    func keptImages() throws {
        let local = #"<img src="images/chart.png" alt="图"><img src="/shared/a.png">"#
        let question = MoodleTestSupport.question(
            "truefalse", name: "Q", text: "<p>看图</p>\(local)<img src=\"https://cdn.example/b.png\">",
            #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"#)
        let root = try QTITestSupport.parse(MoodleTestSupport.quiz(question), file: "exercises/test.xml")
        let (dropped, droppedDiagnostics) = MoodleImporter.importBank(root, file: "exercises/test.xml", bankID: "b")
        // A path beside the file is an item asset; a path from the portal's root stays as written.
        #expect(dropped.items.first?.stem.html.contains("<!--coursemap-asset 0-->") == true)
        #expect(dropped.items.first?.assets.map(\.path) == ["exercises/images/chart.png"])
        #expect(dropped.items.first?.stem.html.contains(#"src="/shared/a.png""#) == true)
        #expect(dropped.items.first?.stem.html.contains("cdn.example") == false)
        #expect(droppedDiagnostics.filter { $0.code == .remoteImage }.first?.message.contains("https://cdn.example/b.png") == true)
        let (kept, keptDiagnostics) = MoodleImporter.importBank(root, file: "exercises/test.xml", bankID: "b", keepRemoteImages: true)
        #expect(kept.items.first?.stem.html.contains(#"<img src="https://cdn.example/b.png">"#) == true)
        #expect(!keptDiagnostics.contains { $0.code == .remoteImage })
    }

    @Test("many remote images are counted, not all quoted")
    func manyImages() throws {
        let images = (1...40).map { "<img src=\"https://t\($0).example/p.gif\">" }.joined()
        let question = MoodleTestSupport.question(
            "truefalse", name: "Q", text: images,
            #"<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>"#)
        let imported = try MoodleTestSupport.importXML(MoodleTestSupport.quiz(question))
        let warning = try #require(imported.with(.remoteImage).first)
        #expect(warning.message.contains("and 35 more"))
        #expect(!warning.message.contains("t40.example"))
    }
}
