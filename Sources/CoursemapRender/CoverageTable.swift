import CoursemapModel

/// Public access to the CSV for `coursemap coverage --format csv`.
public enum CoverageCSV {
    public static func bytes(_ report: CoverageReport, program: Program) -> [UInt8] { CoverageTable.csv(report, program: program) }
}

/// `coverage.csv`: one row per requirement and piece of evidence (module, micro-lecture, item, resource),
/// and one row for a requirement with none. UTF-8 with a byte-order mark and CRLF line ends, so Excel opens
/// the Chinese text correctly.
enum CoverageTable {
    static let header = [
        "范围 Scope", "编码 Code", "要求 Requirement", "状态 Status", "原因 Reasons", "证据 Evidence", "课程 Course", "编号 ID",
        "名称 Title", "程度 Level", "学时 Hours", "微课时长 Minutes",
    ]

    /// The whole file.
    static func csv(_ report: CoverageReport, program: Program) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = csv(report, program: program, pieceSize: .max) { piece in
            bytes.append(contentsOf: piece)
            return true
        }
        return bytes
    }

    /// The file in pieces of about `pieceSize` bytes, each handed to `emit` as soon as it is full (at
    /// 100,000 modules the file is about 50 MB). Written field by field: building rows of strings first
    /// took five times the file's size in memory. Stops, returning `false`, when `emit` returns `false`
    /// for a piece before the last; returns `true` once the last piece is handed over.
    static func csv(_ report: CoverageReport, program: Program, pieceSize: Int, emit: ([UInt8]) -> Bool, header withHeader: Bool = true, byteOrderMark: Bool = true) -> Bool {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        func line(_ base: [String], _ rest: [String]) {
            for (index, field) in (base + rest).enumerated() {
                if index > 0 { out.append(0x2C) }
                appendQuoted(field, to: &out)
            }
            out.append(0x0D)
            out.append(0x0A)
        }
        if withHeader { line(header, []) }
        let competencies = Dictionary(
            program.framework(report.scope.framework).map { $0.competencies(in: report.scope).map { ($0.id, $0) } } ?? [],
            uniquingKeysWith: { a, _ in a })
        let scope = report.scope.description
        for row in report.rows {
            if out.count >= pieceSize {
                guard emit(out) else { return false }
                out.removeAll(keepingCapacity: true)
            }
            let statement = competencies[row.competency]?.statement.zh ?? ""
            let base = [scope, row.competency.description, statement, row.status.rawValue, row.reasons.map(\.rawValue).joined(separator: " ")]
            var hasEvidence = false
            for module in row.modules {
                let title = program.moduleTitle(module.moduleID, in: module.courseID)?.zh ?? module.moduleID
                line(base, ["module", module.courseID, module.moduleID, title, module.level.rawValue, module.hours.text, ""])
                hasEvidence = true
            }
            for mapping in row.lectures {
                let lecture = program.lecture(mapping.lectureID)
                line(base, [
                    "lecture", mapping.courseID ?? "", mapping.lectureID, lecture?.title.zh ?? "", mapping.level.rawValue,
                    mapping.hours?.text ?? "", mapping.attributedMinutes.text,
                ])
                hasEvidence = true
            }
            for mapping in row.assessments {
                let bank = program.bank(mapping.bankID)
                let item = program.item(mapping.itemID, inBank: mapping.bankID)?.item
                line(base, [
                    mapping.kind == .practical ? "practical" : "item-\(mapping.usage.rawValue)", bank?.courseID ?? "",
                    "\(mapping.bankID)/\(mapping.itemID)", item?.title?.zh ?? mapping.kind.name.zh, "A", "", "",
                ])
                hasEvidence = true
            }
            for id in program.resourceMappings[row.competency] ?? [] {
                let resource = program.resource(id)
                let level = resource?.claims.first { $0.competency == row.competency }?.level.rawValue ?? ""
                line(base, ["resource-\(resource?.kind.rawValue ?? "")", resource?.courseID ?? "", id, resource?.title.zh ?? id, level, "", ""])
                hasEvidence = true
            }
            if !hasEvidence { line(base, ["", "", "", "", "", "", ""]) }
        }
        _ = emit(out)
        return true
    }

    /// RFC 4180: quotes a field with a comma, a quote or a line break, doubling the quotes inside. Looks at
    /// the bytes (all four are ASCII), which also catches a CRLF pair, a single character to `String`.
    /// A text field that a spreadsheet would evaluate as a formula is neutralised first (`SpreadsheetCell`).
    static func appendQuoted(_ raw: String, to out: inout [UInt8]) {
        let field = SpreadsheetCell.neutralised(raw)
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(0x22)
        for byte in field.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// `field` as a CSV field (see `appendQuoted`).
    static func quote(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
