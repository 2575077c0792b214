import CoursemapAnalyse
import CoursemapLoad
import CoursemapModel
@testable import CoursemapRender
import CoursemapResolve
import Foundation
import Testing

/// `PrettyJSON` must write what Foundation's `JSONEncoder` writes with the options `coverage.json` used
/// (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`), so the file did not change when it
/// took over; these tests compare the two on awkward values and on real reports.
@Suite("Pretty JSON")
struct PrettyJSONTests {
    struct Awkward: Encodable {
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var numbers: [Double] = [4, 2.5, 0.1, 1e-7, 1e20, 123_456_789.123, -0.0, 13.333333333333334, 1e16, 12_345_678_901_234_567_168, 0.000123, 100, 1.5e300, -7.25]
        var integers: [Int] = [0, -1, Int.max, Int.min]
        var strings: [String] = ["q\"b\\s/x", "\u{01}\u{1f}\n\t\r\u{08}\u{0c}\u{7f}", "中文\u{2028}é 𠀀", "", "a\u{0}b"]
        var keys: [String: Int] = ["a": 1, "B": 2, "b": 3, "a1": 4, "a10": 5, "a2": 6, "_x": 7, "Z": 8, "aB": 9, "ab": 10, "a-b": 11, "é": 12, "z": 13, "中": 14]
        var missing: Int?
        var present: Int? = 3
        var flags = [true, false]
        var nested: [[String: [Int]]] = [[:], ["x": [], "y": [1, 2]]]
        var level = MappingLevel.mastered
    }

    /// A hand-written conformance that uses every container `JSONWriting` offers: nested keyed and
    /// unkeyed containers (also inside arrays), super encoders, explicit nulls, unsigned integers, a
    /// single value holding a structure, and a value that encodes nothing.
    struct HandWritten: Encodable {
        struct Wrapped: Encodable {
            var inner = Awkward()
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(inner)
            }
        }
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        enum Key: String, CodingKey { case z, a, m, list, nothing, wrapped, big, null }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(UInt64.max, forKey: .big)
            try container.encodeNil(forKey: .null)
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: .z)
            try nested.encode("last key, written first", forKey: .m)
            var deeper = nested.nestedUnkeyedContainer(forKey: .a)
            try deeper.encode(1)
            try deeper.encodeNil()
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("first")
            var object = list.nestedContainer(keyedBy: Key.self)
            try object.encode(2.5, forKey: .m)
            try object.encode([Int](), forKey: .a)
            _ = list.nestedUnkeyedContainer()
            try list.encode(Nothing())
            var inside = list.superEncoder().container(keyedBy: Key.self)
            try inside.encode(true, forKey: .z)
            try list.encode("last")
            var superObject = container.superEncoder().unkeyedContainer()
            try superObject.encode(Int8(-3))
            try container.encode(Nothing(), forKey: .nothing)
            try container.encode(Wrapped(), forKey: .wrapped)
            var named = container.superEncoder(forKey: .a).singleValueContainer()
            try named.encode("under a")
        }
    }

    @Test("hand-written conformances with nested containers come out as Foundation writes them")
    func handWritten() throws {
        let ours = try PrettyJSON.encode(HandWritten()), theirs = try Self.foundation(HandWritten())
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        let array = [HandWritten(), HandWritten()]
        #expect(String(decoding: try PrettyJSON.encode(array), as: UTF8.self) == String(decoding: try Self.foundation(array), as: UTF8.self))
    }

    static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("awkward values come out as Foundation writes them")
    func awkward() throws {
        let ours = try PrettyJSON.encode(Awkward()), theirs = try Self.foundation(Awkward())
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test("the coverage documents of the test fixture and of the shipped example are byte for byte Foundation's", arguments: ["Tests/Fixtures/site", "Content"])
    func reports(_ folder: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = ContentLoader(contentDirectory: root.appendingPathComponent(folder)).load()
        let (program, _) = Resolver.resolve(loaded)
        let coverage = CoverageAnalyser.analyse(program)
        let orphans = CoverageAnalyser.orphans(program)
        #expect(!coverage.isEmpty)
        for report in coverage {
            let document = try #require(CoverageDocument.make(report, program: program, orphans: orphans))
            #expect(document.encoded() == (try Self.foundation(document)) + [10], "\(folder): \(report.scope)")
        }
    }

    @Test("coverage.json written in pieces is the same bytes as written whole, and stops when told", arguments: ["Tests/Fixtures/site", "Content"])
    func pieces(_ folder: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (program, _) = Resolver.resolve(ContentLoader(contentDirectory: root.appendingPathComponent(folder)).load())
        let orphans = CoverageAnalyser.orphans(program)
        for report in CoverageAnalyser.analyse(program) {
            let framework = try #require(program.framework(report.scope.framework))
            let whole = try #require(CoverageDocument.make(report, program: program, orphans: orphans)).encoded()
            for pieceSize in [1, 500, Int.max] {
                var pieces: [[UInt8]] = []
                let complete = CoverageDocument.encoded(
                    report, framework: framework, orphans: orphans, program: program,
                    pieceSize: pieceSize
                ) { piece in
                    pieces.append(piece)
                    return true
                }
                #expect(complete)
                #expect(Array(pieces.joined()) == whole, "\(folder): \(report.scope), pieces of \(pieceSize)")
                if pieceSize == 1 { #expect(pieces.count > 2, "one piece per requirement, and the rest") }
            }
            var pieces = 0
            let complete = CoverageDocument.encoded(
                report, framework: framework, orphans: orphans, program: program, pieceSize: 1
            ) { _ in
                pieces += 1
                return pieces < 2
            }
            #expect(!complete)
            #expect(pieces == 2, "nothing is made after the piece it was told to stop at")
        }
    }
}
