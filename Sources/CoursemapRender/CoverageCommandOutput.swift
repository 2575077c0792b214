import CoursemapModel
import Foundation

/// What `coursemap coverage --format json|csv` prints for the selected scopes: one JSON document, one CSV.
public enum CoverageCommandOutput {
    /// `--format json`: the scope's `coverage.json` when there is one scope, else
    /// `{"formatVersion": 2, "reports": [ … ]}` with one `coverage.json` per scope
    /// (`docs/coverage-reports.schema.json`).
    public static func json(_ documents: [CoverageDocument]) -> [UInt8] {
        if documents.count == 1 { return documents[0].encoded() }
        return pretty(CoverageReports(reports: documents))
    }

    /// `value` as JSON in `coverage.json`'s layout (sorted keys, two-space indents), with a final line break.
    public static func pretty(_ value: some Encodable) -> [UInt8] {
        var bytes = (try? PrettyJSON.encode(value)) ?? []
        bytes.append(10)
        return bytes
    }

    /// `--format csv`: the rows of every report under one header (`coverage.csv`'s columns, the scope in
    /// the first), with the UTF-8 byte-order mark when `byteOrderMark` is set (Excel needs it; pipes do not).
    public static func csv(_ reports: [CoverageReport], program: Program, byteOrderMark: Bool) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out.append(contentsOf: (CoverageTable.header.map(CoverageTable.quote).joined(separator: ",") + "\r\n").utf8)
        for report in reports {
            _ = CoverageTable.csv(report, program: program, pieceSize: .max, emit: { piece in
                out.append(contentsOf: piece)
                return true
            }, header: false, byteOrderMark: false)
        }
        return out
    }
}

/// Several `coverage.json` documents in one: `coursemap coverage --format json` for more than one scope.
/// `coverage --diff` reads it back and compares the one report `--framework` selects.
public struct CoverageReports: Codable {
    var formatVersion = 2
    public var reports: [CoverageDocument]

    init(reports: [CoverageDocument]) {
        self.reports = reports
    }

    /// Reads a document of several reports, or `nil` when `data` is not one (no `reports` member).
    public static func decodeIfSeveral(_ data: Data) throws -> CoverageReports? {
        struct Probe: Decodable { var reports: [IgnoredValue]? }
        struct IgnoredValue: Decodable { init(from decoder: any Decoder) throws {} }
        guard (try? JSONDecoder().decode(Probe.self, from: data))?.reports != nil else { return nil }
        return try JSONDecoder().decode(CoverageReports.self, from: data)
    }
}
