import CoursemapInterop
import CoursemapModel
import Foundation

/// Exports a bank in another tool's format, with the sidecar that lets Coursemap import it back as the
/// same bank.
public enum BankExport {
    public enum Format: Sendable {
        case moodle
        case qti
    }

    /// Files to write, relative to the output (a file for Moodle, a folder for QTI), and diagnostics.
    public struct Result: Sendable {
        public var format: Format
        public var files: [String: String]
        public var diagnostics: [Diagnostic]
    }

    public static func export(_ bank: ExerciseBank, format: Format) -> Result {
        var sidecar = "# Coursemap sidecar: imports this export back as bank '\(bank.id)'.\nid: \(bank.id)\ntitle:\n  zh: \(yamlQuoted(bank.title.zh))\n"
        if let en = bank.title.en { sidecar += "  en: \(yamlQuoted(en))\n" }
        if let description = bank.description {
            sidecar += "description:\n  zh: \(yamlQuoted(description.zh))\n"
            if let en = description.en { sidecar += "  en: \(yamlQuoted(en))\n" }
        }
        if let course = bank.courseID { sidecar += "course: \(course)\n" }
        switch format {
        case .moodle:
            let (xml, diagnostics) = MoodleExporter.export(bank)
            return Result(format: format, files: ["": xml, ".bank.yml": sidecar], diagnostics: diagnostics)
        case .qti:
            var (files, diagnostics) = QTIExporter.export(bank)
            // Beside the items, so importing the exported folder gives one bank back.
            files["items/bank.yml"] = sidecar
            return Result(format: format, files: files, diagnostics: diagnostics)
        }
    }

    /// Writes the result: Moodle to `output` (and `NAME.bank.yml` beside it), QTI into the folder `output`.
    /// Returns the paths written.
    public static func write(_ result: Result, to output: URL) throws -> [String] {
        let manager = FileManager.default
        var written: [String] = []
        switch result.format {
        case .moodle:
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.files[""]!.utf8).write(to: output)
            let sidecar = output.deletingPathExtension().appendingPathExtension("bank.yml")
            try Data(result.files[".bank.yml"]!.utf8).write(to: sidecar)
            written = [output.path, sidecar.path]
        case .qti:
            for (path, text) in result.files.sorted(by: { $0.key < $1.key }) {
                let file = output.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
                written.append(file.path)
            }
        }
        return written
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, and line breaks and other control characters as
    /// `\n`, `\t`, `\uXXXX`, so every value stays on its line.
    private static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
