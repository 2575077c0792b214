import CoursemapModel
import Foundation

/// Diagnostics as people and tools read them.
public enum DiagnosticReport {
    /// One `path:line:col: severity[CODE]: message` line per diagnostic.
    public static func text(_ diagnostics: DiagnosticList) -> String {
        diagnostics.sorted.map { "\($0)\n" }.joined()
    }

    /// `{"diagnostics":[{"severity","code","file","line","column","message"}],"errors":N,"warnings":N}`;
    /// `line` and `column` are `null` for problems that concern a whole file.
    public static func json(_ diagnostics: DiagnosticList) -> String {
        let document = Document(
            diagnostics: diagnostics.sorted.map(Entry.init), errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    private struct Entry: Encodable {
        var severity: String
        var code: String
        var file: String
        var line: Int?
        var column: Int?
        var message: String

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            code = diagnostic.code.rawValue
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case severity, code, file, line, column, message }
    }
}
