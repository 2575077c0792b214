import CoursemapModel
import Foundation

/// Writes a framework as the competency-framework CSV of Moodle's `tool_lpimportcsv` (Site administration
/// → Competencies → Import competency framework), in the columns and conventions of Moodle's own export.
///
/// - The first data row is the framework: `Is framework` = 1, its scale (`未达到,达到`; 达到 is proficient,
///   未达到 the default) and its taxonomy (certificates `level,domain,competency,skill` for level → 工作领域 →
///   工作任务 → 职业技能要求; outcome frameworks `domain,outcome`).
/// - Then one row per node in document order, parents before children. Top-level competencies (levels,
///   outcome groups) have an empty `Parent id number`, as Moodle's importer expects; the others name their
///   parent's `Id number`. Id numbers are `<framework>/<level>`, `<framework>/<level>/<code>` (e.g.
///   `b2b-data/中级/1.1.1`), `<framework>/<group code>` and `<framework>/<outcome code>`: never purely
///   numeric (Moodle matches parents with PHP's loose `==`, under which `"1.1" == "1.10"`), never over
///   Moodle's 100 characters, commas written `%2C` as Moodle's exporter does.
/// - `Shortname` = code and Chinese text, at most 100 characters; `Description` = the full Chinese and
///   English text as HTML (`Description format` 1); competencies inherit the framework's scale.
/// - RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; rows end with CRLF.
/// - UTF-8 without a byte-order mark: Moodle's CSV reader takes the encoding from the import form (UTF-8 by
///   default) and needs no BOM, and its own exporter writes none; a BOM would only help spreadsheet
///   programs, and older readers keep it as part of the first header name.
public enum MoodleCompetencyCSV {
    /// The header row, exactly as `tool_lpimportcsv` lists its columns.
    public static let columns = [
        "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
        "Scale configuration", "Rule type", "Rule outcome", "Rule config", "Cross referenced competency id numbers",
        "Exported id", "Is framework", "Taxonomy",
    ]

    /// The framework's scale: two values, the first the default, the second proficient.
    static let scaleValues = "未达到,达到"
    /// Moodle's scale configuration JSON; the importer replaces `scaleid` with the scale it finds or makes.
    static let scaleConfiguration =
        #"[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]"#

    /// Moodle's limit on shortname and idnumber length, in characters.
    static let maxLength = 100

    /// A competency-framework CSV in tool_lpimportcsv's columns, importable by Moodle.
    public static func export(_ framework: Framework) -> String {
        var writer = Writer(framework: framework)
        writer.addFramework()
        switch framework.kind {
        case .certificate: writer.addCertificate()
        case .outcomes: writer.addOutcomes()
        }
        var csv = line(columns)
        for row in writer.rows { csv += line(row) }
        return csv
    }

    // MARK: Rows

    private struct Writer {
        let framework: Framework
        var rows: [[String]] = []
        var usedIDs = Set<String>()
        var exported = 0

        init(framework: Framework) { self.framework = framework }

        mutating func addFramework() {
            var paragraphs: [String] = []
            if let description = framework.description { paragraphs += MoodleCompetencyCSV.paragraphs(description) }
            if framework.description == nil, let en = framework.title.en { paragraphs.append(paragraph(en, lang: "en")) }
            if let issuer = framework.issuer {
                paragraphs.append(paragraph("发布：" + issuer.zh, lang: nil))
            }
            if framework.illustrative {
                paragraphs.append(paragraph("示例性内容：本框架为教学示例，不是官方标准原文。", lang: nil))
                paragraphs.append(paragraph("Illustrative: this framework is a teaching example, not the official standard text.", lang: "en"))
            }
            let taxonomy = framework.kind == .certificate ? "level,domain,competency,skill" : "domain,outcome"
            rows.append([
                "", uniqueID(framework.id), shortname(code: nil, text: framework.title.zh), paragraphs.joined(), "1",
                scaleValues, scaleConfiguration, "", "", "", "", "", "1", taxonomy,
            ])
        }

        mutating func addCertificate() {
            for level in framework.levels {
                let levelID = add(
                    parent: "", id: "\(framework.id)/\(level.level.rawValue)", code: nil, title: level.level.rawValue,
                    description: level.description)
                for area in level.areas {
                    let areaID = add(
                        parent: levelID, id: "\(framework.id)/\(level.level.rawValue)/\(area.code)", code: area.code,
                        title: area.title.zh, description: area.title)
                    for task in area.tasks {
                        let taskID = add(
                            parent: areaID, id: "\(framework.id)/\(level.level.rawValue)/\(task.code)", code: task.code,
                            title: task.title.zh, description: task.title)
                        for requirement in task.requirements {
                            add(
                                parent: taskID, id: "\(framework.id)/\(level.level.rawValue)/\(requirement.code)",
                                code: requirement.code, title: requirement.statement.zh, description: requirement.statement)
                        }
                    }
                }
            }
        }

        mutating func addOutcomes() {
            for group in framework.outcomeGroups {
                let sameAsCode = group.title.zh == group.code
                let groupID = add(
                    parent: "", id: "\(framework.id)/\(group.code)", code: sameAsCode ? nil : group.code,
                    title: group.title.zh, description: group.title)
                for outcome in group.outcomes {
                    add(
                        parent: groupID, id: "\(framework.id)/\(outcome.code)", code: outcome.code,
                        title: outcome.statement.zh, description: outcome.statement)
                }
            }
        }

        /// Adds one competency row; returns its id number.
        @discardableResult
        mutating func add(parent: String, id: String, code: String?, title: String, description: LocalizedText?) -> String {
            exported += 1
            let idnumber = uniqueID(id)
            let html = description.map { MoodleCompetencyCSV.paragraphs($0).joined() } ?? ""
            rows.append([
                parent, idnumber, shortname(code: code, text: title), html, "1", "", "", "", "0", "null", "",
                String(exported), "0", "",
            ])
            return idnumber
        }

        /// An id number no other row has, at most 100 characters, without commas.
        mutating func uniqueID(_ wanted: String) -> String {
            var base = wanted.replacingOccurrences(of: ",", with: "%2C")
            if base.count > maxLength - 6 { base = String(base.prefix(maxLength - 6)) }
            var candidate = base
            var n = 1
            while !usedIDs.insert(candidate).inserted {
                n += 1
                candidate = "\(base)#\(n)"
            }
            return candidate
        }

        func shortname(code: String?, text: String) -> String {
            let flat = text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{3000}" || $0.isNewline })
                .joined(separator: " ")
            let full = code.map { flat.isEmpty ? $0 : "\($0) \(flat)" } ?? flat
            guard full.count > maxLength else { return full }
            return String(full.prefix(maxLength - 1)) + "…"
        }
    }

    // MARK: Text

    /// `<p>` paragraphs of the Chinese text, then the English one marked `lang="en"`.
    static func paragraphs(_ text: LocalizedText) -> [String] {
        var out = [paragraph(text.zh, lang: nil)]
        if let en = text.en, !en.isEmpty { out.append(paragraph(en, lang: "en")) }
        return out
    }

    static func paragraph(_ text: String, lang: String?) -> String {
        let escaped = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "<br>")
        return lang.map { "<p lang=\"\($0)\">\(escaped)</p>" } ?? "<p>\(escaped)</p>"
    }

    // MARK: RFC 4180

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A text field that a spreadsheet would evaluate as a formula is neutralised first (`SpreadsheetCell`).
    static func field(_ raw: String) -> String {
        let value = SpreadsheetCell.neutralised(raw)
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
