import CoursemapModel
import CoursemapXML
import Foundation

/// The files a Moodle XML text carries with it: `<file name="sign.png" path="/" encoding="base64">…</file>`
/// beside its `<text>` (Moodle 2 and later, referenced as `@@PLUGINFILE@@/sign.png`), and a Moodle 1.9
/// question's `<image_base64>`. Each is decoded once, bounded (`maximumBytes`); a file that is not valid
/// base64 or is too large is CM328 and images using it show their text alternative.
///
/// A decoded file becomes an `ItemAsset` with its bytes, named `embedded/<SHA-1 of the bytes>.<extension>`:
/// the same picture in many questions is one file, and the name never depends on the order of import.
enum MoodleEmbeddedFiles {
    /// The largest embedded file kept, decoded.
    static let maximumBytes = 8 * 1024 * 1024

    /// Outcome of decoding one file.
    enum Decoded {
        case file(path: String, data: [UInt8])
        /// Why it cannot be used (for CM328).
        case unusable(String)
    }

    /// The files of `container` (its `<file>` children), by name as `@@PLUGINFILE@@` references give it
    /// (percent-decoded, no leading path).
    static func files(of container: XMLElement) -> [String: Decoded] {
        var files: [String: Decoded] = [:]
        for file in container.all("file") {
            guard let name = file.attributes["name"], !name.isEmpty, files[name] == nil else { continue }
            let encoding = (file.attributes["encoding"] ?? "base64").lowercased()
            files[name] = encoding == "base64" ? decode(file.text, name: name) : .unusable("its encoding '\(MessageText.printable(encoding))' is not base64")
        }
        return files
    }

    /// Base64 `text` decoded (white space ignored), checked for size, named by content.
    static func decode(_ text: String, name: String) -> Decoded {
        // Four characters carry three bytes: refuse before decoding what would be too large.
        let characters = text.utf8.reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) }
        guard characters / 4 * 3 <= maximumBytes + 3 else {
            return .unusable("it is over \(maximumBytes / (1024 * 1024)) MB")
        }
        let compact = String(decoding: text.utf8.filter { $0 > 0x20 }, as: UTF8.self)
        guard !compact.isEmpty, let data = Data(base64Encoded: compact) else { return .unusable("it is not valid base64") }
        guard data.count <= maximumBytes else { return .unusable("it is over \(maximumBytes / (1024 * 1024)) MB") }
        let bytes = [UInt8](data)
        return .file(path: "\(ItemAsset.embeddedFolder)/\(SHA1.hex(SHA1.digest(bytes))).\(fileExtension(name))", data: bytes)
    }

    /// The lower-case extension of `name` when it is a plain one (ASCII letters and digits, at most 8),
    /// else `bin`.
    static func fileExtension(_ name: String) -> String {
        let parts = name.split(separator: ".")
        guard parts.count > 1, let last = parts.last, last.count <= 8,
            last.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { return "bin" }
        return last.lowercased()
    }

    /// The file name an `@@PLUGINFILE@@` reference names (`@@PLUGINFILE@@/a%20b.png` → `a b.png`), or nil for
    /// another source.
    static func pluginFileName(_ source: String) -> String? {
        let prefix = "@@PLUGINFILE@@"
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(prefix) else { return nil }
        var name = String(trimmed.dropFirst(prefix.count))
        if name.hasPrefix("/") { name.removeFirst() }
        if let cut = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = String(name[..<cut]) }
        return name.removingPercentEncoding ?? name
    }
}
