import CoursemapLoad
import CoursemapModel
import Testing

/// `imports.remote_images` in coursemap.yml: remote images in imported HTML are dropped unless it is true.
@Suite("coursemap.yml imports options")
struct ImportOptionsTests {
    static let quiz = moodleQuiz("""
        <question type="truefalse"><name><text>Q1</text></name>
        <questiontext format="html"><text><![CDATA[<p>看图</p><img src="https://t.example/p.gif" alt="图">]]></text></questiontext>
        <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
        """)

    static func stem(_ content: LoadedContent) -> String { content.banks.first?.items.first?.stem.html ?? "" }

    @Test("by default remote images are removed with CM319; remote_images: true keeps them; other values are refused")
    func setting() {
        let dropped = load(["exercises/m.xml": Self.quiz])
        #expect(dropped.config?.imports.remoteImages == false)
        #expect(!Self.stem(dropped).contains("t.example"))
        #expect(dropped.diagnostics.items.filter { $0.code == .remoteImage }.count == 1)

        let kept = load(["exercises/m.xml": Self.quiz, "coursemap.yml": "title:\n  zh: 测试\nimports:\n  remote_images: true\n"])
        #expect(kept.config?.imports.remoteImages == true)
        #expect(Self.stem(kept).contains(#"<img src="https://t.example/p.gif" alt="图">"#))
        #expect(!kept.diagnostics.items.contains { $0.code == .remoteImage })

        let explicit = load(["exercises/m.xml": Self.quiz, "coursemap.yml": "title:\n  zh: 测试\nimports:\n  remote_images: false\n"])
        #expect(!Self.stem(explicit).contains("t.example"))

        let wrong = load(["exercises/m.xml": Self.quiz, "coursemap.yml": "title:\n  zh: 测试\nimports:\n  remote_images: keep\n"])
        #expect(wrong.diagnostics.items.contains { $0.severity == .error && $0.location.file == "coursemap.yml" })
        #expect(!Self.stem(wrong).contains("t.example"))
    }

    @Test("changing the setting re-imports files a cache already holds")
    func cacheFollowsSetting() {
        var tree = baseContent.merging(["exercises/m.xml": Self.quiz]) { _, new in new }
        var cache = LoadCache()
        let first = ContentLoader(source: .memory(tree)).load(reusing: &cache, changed: nil)
        #expect(!Self.stem(first).contains("t.example"))
        tree["coursemap.yml"] = "title:\n  zh: 测试\nimports:\n  remote_images: true\n"
        let second = ContentLoader(source: .memory(tree)).load(reusing: &cache, changed: ["coursemap.yml"])
        #expect(Self.stem(second).contains("t.example"))
    }
}
