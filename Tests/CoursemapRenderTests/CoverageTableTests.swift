import Testing

@testable import CoursemapRender

@Suite("coverage.csv fields")
struct CoverageTableTests {
    @Test("fields with a comma, a quote or a line break are quoted, quotes doubled; others are left alone", arguments: [
        ("能分析数据（1.1.1）", "能分析数据（1.1.1）"),
        ("a,b", "\"a,b\""),
        ("说 \"好\"", "\"说 \"\"好\"\"\""),
        ("第一行\n第二行", "\"第一行\n第二行\""),
        ("Windows\r\nline", "\"Windows\r\nline\""),
        ("", ""),
    ])
    func quoting(_ field: String, _ expected: String) {
        #expect(CoverageTable.quote(field) == expected)
        var bytes: [UInt8] = [0x41]
        CoverageTable.appendQuoted(field, to: &bytes)
        #expect(bytes == [0x41] + Array(expected.utf8), "the byte writer the CSV uses quotes the same way")
    }
}
