@testable import CoursemapLoad
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    @Test("splits YAML and body and knows where the body starts")
    func split() throws {
        let parts = try #require(FrontMatter.split("---\na: 1\nb: 2\n---\n# Body\ntext"))
        #expect(parts.yaml == "a: 1\nb: 2")
        #expect(parts.yamlLine == 2)
        #expect(parts.body == "# Body\ntext")
        #expect(parts.bodyLine == 5)
    }

    @Test("a file without an opening or closing fence has no front matter")
    func missing() {
        #expect(FrontMatter.split("# Title\n") == nil)
        #expect(FrontMatter.split("---\na: 1\n") == nil)
    }
}
