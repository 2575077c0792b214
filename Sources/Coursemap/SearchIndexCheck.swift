import CZlib
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Checks what Pagefind wrote instead of trusting its exit status (it exits 0 after writes that failed
/// on a full disk, leaving truncated files): `pagefind/pagefind-entry.json` parses and names the expected
/// languages, each with pages; every language's metadata file, and at least as many fragments as pages,
/// are there; every gzip file of the index (metadata, fragments, index chunks, filters, WebAssembly) is
/// complete — it inflates to its end and its CRC-32 and length match; `pagefind.js`, which the search page
/// imports, is there and ends with its exports. Last, the file system must still take a file one byte larger
/// than the largest Pagefind wrote (`spaceProblem`): a disk that filled up, or a file-size limit that cut a
/// file short, shows there even for files whose contents cannot be checked (Pagefind's UI scripts).
enum SearchIndexCheck {
    /// Gzip files larger than this are not inflated (Pagefind's largest are a few hundred KB).
    static let largestFile = 64 << 20

    /// The first problem found in `site`'s `pagefind/` folder, or `nil` when the index is complete.
    /// `languages`: the languages the pages are in, as Pagefind names them (lowercased `lang`), or
    /// empty to accept whatever Pagefind found.
    static func problem(in site: URL, languages: Set<String>) -> String? {
        let folder = site.appendingPathComponent("pagefind")
        let entryURL = folder.appendingPathComponent("pagefind-entry.json")
        guard let entryData = FileManager.default.contents(atPath: entryURL.path), !entryData.isEmpty else {
            return "pagefind/pagefind-entry.json is missing or empty"
        }
        guard let entry = try? JSONSerialization.jsonObject(with: entryData) as? [String: Any],
            let found = entry["languages"] as? [String: Any], !found.isEmpty
        else {
            return "pagefind/pagefind-entry.json does not parse or names no language"
        }
        let missing = languages.subtracting(found.keys)
        if !missing.isEmpty {
            return "the search index has no pages in \(missing.sorted().joined(separator: ", "))"
        }
        var pages = 0
        for (language, value) in found.sorted(by: { $0.key < $1.key }) {
            guard let details = value as? [String: Any], let hash = details["hash"] as? String, !hash.isEmpty,
                !hash.contains("/"), let count = details["page_count"] as? Int, count > 0
            else {
                return "pagefind/pagefind-entry.json has no hash or pages for \(language)"
            }
            pages += count
            if let problem = gzipProblem(folder.appendingPathComponent("pagefind.\(hash).pf_meta")) { return problem }
            if let wasm = details["wasm"] as? String {
                guard !wasm.contains("/") else { return "pagefind/pagefind-entry.json names a strange file for \(language)" }
                if let problem = gzipProblem(folder.appendingPathComponent("wasm.\(wasm).pagefind")) { return problem }
            }
        }
        var fragments = 0
        for subfolder in ["fragment", "index", "filter"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)) ?? []
            if subfolder != "filter" && names.isEmpty { return "pagefind/\(subfolder)/ is missing or empty" }
            if subfolder == "fragment" { fragments = names.count }
            for name in names.sorted() {
                if let problem = gzipProblem(folder.appendingPathComponent(subfolder).appendingPathComponent(name)) { return problem }
            }
        }
        if fragments < pages { return "pagefind/fragment/ holds \(fragments) pages of \(pages)" }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".pagefind") {
            if let problem = gzipProblem(folder.appendingPathComponent(name)) { return problem }
        }
        if let problem = scriptProblem(folder.appendingPathComponent("pagefind.js")) { return problem }
        return spaceProblem(folder)
    }

    /// Writes, then removes, a file one byte larger than the largest file under `folder`; why it failed,
    /// or `nil`. A file cut short by a full disk or a file-size limit is the largest file could be then,
    /// so a disk still full or the same limit refuses the probe. (The caller ignores SIGXFSZ.)
    static func spaceProblem(_ folder: URL) -> String? {
        var largest = 0
        if let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) {
            for case let file as URL in files {
                guard let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), values.isRegularFile == true else { continue }
                largest = max(largest, values.fileSize ?? 0)
            }
        }
        let size = min(largest, largestFile) + 1
        let probe = folder.appendingPathComponent(".coursemap-space-probe").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "cannot write in pagefind/: \(String(cString: strerror(errno)))" }
        defer { unlink(probe) }
        let chunk = [UInt8](repeating: 0, count: 65_536)
        var written = 0
        var failure: String?
        while written < size && failure == nil {
            let count = chunk.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, min(chunk.count, size - written)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { failure = count < 0 ? String(cString: strerror(errno)) : "no space written" } else { written += count }
        }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        return failure.map { "the disk does not take a file of \(size) bytes: \($0)" }
    }

    /// Why `pagefind.js` is not complete: an ES module whose exports come last.
    static func scriptProblem(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
            return "pagefind/pagefind.js is missing or empty"
        }
        let ending = String(decoding: data.suffix(4096), as: UTF8.self)
        guard let export = ending.range(of: "export", options: .backwards),
            ending[export.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";")
        else {
            return "pagefind/pagefind.js is cut short"
        }
        return nil
    }

    /// Why the gzip file at `url` is not complete, or `nil`: it must inflate to its end with the CRC-32 and
    /// length of its trailer (zlib checks both), with nothing after it.
    static func gzipProblem(_ url: URL) -> String? {
        let components = url.pathComponents
        let name = components.suffix(components.count >= 3 && components[components.count - 3] == "pagefind" ? 2 : 1).joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
            return "pagefind/\(name) is missing or empty"
        }
        guard data.count <= largestFile else { return "pagefind/\(name) is larger than \(largestFile >> 20) MB" }
        var stream = z_stream()
        // 16 + 15: a gzip wrapper, the largest window.
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return "cannot check pagefind/\(name)"
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 65_536)
        var input = [UInt8](data)
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var result = Z_OK
            while result == Z_OK {
                result = output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                if result == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
            return result
        }
        guard status == Z_STREAM_END, stream.avail_in == 0 else {
            return "pagefind/\(name) is cut short or damaged"
        }
        return nil
    }
}
