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

    private static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
