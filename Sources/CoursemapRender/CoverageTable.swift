import CoursemapModel

/// Public access to the CSV for `coursemap coverage --format csv`.
public enum CoverageCSV {
    public static func bytes(_ report: CoverageReport, program: Program) -> [UInt8] { CoverageTable.csv(report, program: program) }
}

/// `coverage.csv`: one row per requirement and piece of evidence (module, micro-lecture, item, resource),
/// and one row for a requirement with none. UTF-8 with a byte-order mark and CRLF line ends, so Excel opens
/// the Chinese text correctly.
enum CoverageTable {
    static let header = ["编码 Code", "要求 Requirement", "状态 Status", "证据 Evidence", "课程 Course", "编号 ID", "名称 Title", "程度 Level", "学时 Hours"]

    static func csv(_ report: CoverageReport, program: Program) -> [UInt8] {
        var rows = [header]
        let competencies = Dictionary(
            program.framework(report.scope.framework).map { $0.competencies(in: report.scope).map { ($0.id, $0) } } ?? [],
            uniquingKeysWith: { a, _ in a })
        for row in report.rows {
            let statement = competencies[row.competency]?.statement.zh ?? ""
            let base = [row.competency.description, statement, row.status.rawValue]
            var evidence: [[String]] = []
            for mapping in row.mappings {
                let title = program.moduleTitle(mapping.moduleID, in: mapping.courseID)?.zh ?? mapping.moduleID
                evidence.append(["module", mapping.courseID, mapping.moduleID, title, mapping.level.rawValue, PageBuilder.hours(mapping.hours)])
            }
            for mapping in row.lectures {
                let lecture = program.lecture(mapping.lectureID)
                evidence.append(["lecture", lecture?.courseID ?? "", mapping.lectureID, lecture?.title.zh ?? "", mapping.level.rawValue, PageBuilder.hours(mapping.minutes / 60)])
            }
            for mapping in row.assessments {
                let bank = program.bank(mapping.bankID)
                let item = bank?.items.first { $0.id == mapping.itemID }
                evidence.append([
                    mapping.kind == .practical ? "practical" : "item-\(mapping.usage.rawValue)", bank?.courseID ?? "",
                    "\(mapping.bankID)/\(mapping.itemID)", item?.title?.zh ?? mapping.kind.name.zh, "A", "",
                ])
            }
            for id in program.resourceMappings[row.competency] ?? [] {
                let resource = program.resource(id)
                let level = resource?.claims.first { $0.competency == row.competency }?.level.rawValue ?? ""
                evidence.append(["resource-\(resource?.kind.rawValue ?? "")", resource?.courseID ?? "", id, resource?.title.zh ?? id, level, ""])
            }
            if evidence.isEmpty { rows.append(base + ["", "", "", "", "", ""]) }
            rows += evidence.map { base + $0 }
        }
        let text = rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// RFC 4180: quote fields with commas, quotes or line breaks; double the quotes inside. Looks at the
    /// bytes (all four are ASCII), which also catches a CRLF pair, a single character to `String`.
    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
