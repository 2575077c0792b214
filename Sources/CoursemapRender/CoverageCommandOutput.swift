import CoursemapModel

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

    /// `--format csv`: the rows of every report under one header (`coverage.csv`'s columns), with the
    /// UTF-8 byte-order mark when `byteOrderMark` is set (Excel needs it; pipes do not).
    public static func csv(_ reports: [CoverageReport], program: Program, byteOrderMark: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for (index, report) in reports.enumerated() {
            var file = CoverageTable.csv(report, program: program)[...]
            if file.starts(with: [0xEF, 0xBB, 0xBF]) { file = file.dropFirst(3) }
            if index > 0, let end = headerEnd(file) { file = file[end...] }
            out.append(contentsOf: file)
        }
        if reports.isEmpty { out = Array((CoverageTable.header.map(CoverageTable.quote).joined(separator: ",") + "\r\n").utf8) }
        return byteOrderMark ? [0xEF, 0xBB, 0xBF] + out : out
    }

    /// Where the header line ends (after its CRLF). The header's cells are fixed names without line breaks.
    private static func headerEnd(_ file: ArraySlice<UInt8>) -> Int? {
        var index = file.startIndex
        while index + 1 < file.endIndex {
            if file[index] == 0x0D && file[index + 1] == 0x0A { return index + 2 }
            index += 1
        }
        return nil
    }
}

/// Several `coverage.json` documents in one: `coursemap coverage --format json` for more than one scope.
struct CoverageReports: Encodable {
    var formatVersion = 2
    var reports: [CoverageDocument]
}
