import CoursemapModel
import Foundation
import Testing

/// The model values `coverage.json` writes as they stand: their member names there, and how a format-version-1
/// file's areas still read.
@Suite("Coverage values as coverage.json members")
struct CoverageCodingTests {
    private func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a reconciliation line names its course `course`, and the lectures line has none")
    func courseKey() throws {
        let line = CourseHoursLine(courseID: "c1", declared: Hundredths(whole: 64), columnTotal: Hundredths(count: 150))
        let json = try object(line)
        #expect(json["course"] as? String == "c1" && json["courseID"] == nil)
        #expect((json["columnTotal"] as? NSNumber)?.doubleValue == 1.5)
        #expect(try JSONDecoder().decode(CourseHoursLine.self, from: JSONEncoder().encode(line)) == line)
        #expect(try object(CourseHoursLine(courseID: nil)).keys.contains("course") == false)
    }

    @Test("a version-1 area: a numeric weight reads as text, the members it lacks as zero")
    func versionOneArea() throws {
        let v1 = Data(#"{"code": "1", "title": {"zh": "店铺"}, "total": 9, "covered": 8, "weight": 8.3}"#.utf8)
        let area = try JSONDecoder().decode(AreaSummary.self, from: v1)
        #expect(area.weight == "8.3" && area.covered == 8 && area.partial == 0 && area.gap == 0)
        #expect(area.examPoints == .zero && area.hourShare == .zero && area.difference == nil && !area.flagged)
        let whole = try JSONDecoder().decode(AreaSummary.self, from: Data(#"{"code": "2", "title": {"zh": "x"}, "weight": 16}"#.utf8))
        #expect(whole.weight == "16" && whole.total == 0)
    }
}
