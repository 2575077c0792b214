import Foundation

/// Where a file an imported item names (`<img src="images/sign.png">`, `<object data="…">`) is in the
/// content folder: the reference is read relative to the folder of the file that names it (the QTI item
/// or the Moodle XML file), percent-decoded, with `.` and `..` resolved. A reference that would leave the
/// folder the importing file's package is in (the top folder of its path, e.g. `banks/`), that is absolute,
/// names a host or scheme, holds a backslash or a control character, or does not decode, has no path.
enum ItemAssetPath {
    enum Outcome: Equatable {
        /// The content-relative path.
        case path(String)
        /// Why the reference cannot be a file of the package (for CM323).
        case outside(String)
    }

    static func resolve(_ reference: String, from file: String) -> Outcome {
        var raw = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        // A query or fragment does not name another file.
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = String(raw[..<cut]) }
        guard !raw.isEmpty else { return .outside("it is empty") }
        guard let decoded = raw.removingPercentEncoding else { return .outside("its percent-encoding is invalid") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .outside("it holds a control character")
        }
        if decoded.contains("\\") { return .outside("it holds a backslash") }
        if decoded.hasPrefix("/") { return .outside("it is an absolute path") }
        if decoded.prefix(while: { $0 != "/" }).contains(":") { return .outside("it names a scheme or drive") }
        var folder = file.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        folder.removeLast()
        let top = folder.first
        var segments = folder
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch segment {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return .outside("it leaves the content folder") }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return .outside("it names no file") }
        if let top, segments.first != top || segments.count < 2 {
            return .outside("it leaves the folder '\(top)/' the item is in")
        }
        return .path(segments.joined(separator: "/"))
    }
}
