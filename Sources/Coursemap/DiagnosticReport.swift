import CoursemapModel
import Foundation

/// Diagnostics as people and tools read them.
public enum DiagnosticReport {
    /// One `path:line:col: severity[CODE]: message` line per diagnostic.
    public static func text(_ diagnostics: DiagnosticList) -> String {
        diagnostics.sorted.map { "\($0)\n" }.joined()
    }

    /// `{"diagnostics":[{"severity","code","file","line","column","message"}],"errors":N,"warnings":N}`;
    /// `line` and `column` are `null` for problems that concern a whole file. File names and messages keep
    /// their exact text, with every control character written as a `\uXXXX` escape: the document is pure
    /// printable text, safe to show on a terminal, and decodes to the original strings.
    public static func json(_ diagnostics: DiagnosticList) -> String {
        let document = Document(
            diagnostics: diagnostics.sorted.map(Entry.init), errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return escapingControls(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Encoded JSON with the control characters the encoder leaves as they are (DEL, C1, bidi controls,
    /// line separators, noncharacters) written as `\uXXXX` (a surrogate pair above U+FFFF). They can only
    /// occur inside strings, where such an escape means the same character.
    static func escapingControls(_ json: String) -> String {
        guard ControlCharacters.firstUnsafe(in: json, allowingLayout: true) != nil else { return json }
        var result = ""
        result.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            guard ControlCharacters.isUnsafe(scalar), scalar != "\n", scalar != "\t" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let digits = String(unit, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            }
        }
        return result
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
