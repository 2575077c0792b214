import Foundation

/// Finds paths of the content folder that are different on Linux but the same file on macOS and Windows,
/// whose file systems ignore letter case and Unicode normalisation (`Intro.md` and `intro.md`, `Café.md`
/// precomposed and decomposed). Such a tree checks out as one file there, or fails to; such a site has
/// one page where Linux has two. The load stage checks content paths, the render stage published paths.
public enum NameCollisions {
    /// The key two names share when they name the same file on a case-insensitive, normalising file system:
    /// the case-folded form (upper-cased, then lower-cased, so that `ſ` and `s`, `µ` and `μ`, `ς` and `σ`,
    /// `ı` and `i` fold together as they do on APFS and NTFS; `ß` and `ss` too, a harmless over-report),
    /// compared as Swift compares strings (canonical equivalence, so NFC and NFD spellings are equal keys).
    public static func key(_ name: String) -> String { name.uppercased().lowercased() }

    /// Groups of two or more paths (files, or the folders that hold them) that differ in their bytes but
    /// share a key; each group sorted by its bytes, groups in a stable order. One lowercasing per file and
    /// per distinct folder.
    public static func groups(files: [String]) -> [[String]] {
        // The first spelling met per key, and the other spellings of the rare keys that have more.
        var first: [String: String] = [:]
        var more: [String: [String]] = [:]
        first.reserveCapacity(files.count)
        func add(_ name: String) {
            let key = key(name)
            guard let known = first[key] else {
                first[key] = name
                return
            }
            guard !known.utf8.elementsEqual(name.utf8) else { return }
            if more[key]?.contains(where: { $0.utf8.elementsEqual(name.utf8) }) != true { more[key, default: []].append(name) }
        }
        // Folders by their bytes (a `Set<String>` would merge NFC and NFD twins); a file in the same folder
        // as the one before (listings are sorted) adds none.
        var folders: Set<[UInt8]> = []
        var previousFolder: Substring = ""
        for file in files {
            add(file)
            guard let slash = file.lastIndex(of: "/") else { continue }
            var folder = file[..<slash]
            if folder.utf8.elementsEqual(previousFolder.utf8) { continue }
            previousFolder = folder
            while true {
                guard folders.insert(Array(folder.utf8)).inserted else { break }
                add(String(folder))
                guard let up = folder.lastIndex(of: "/") else { break }
                folder = folder[..<up]
            }
        }
        return more.map { key, others in [first[key]!] + others }
            .map { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
            .sorted { $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) }
    }

    /// A CM412 error at every member of each group, naming the others. Spellings that are canonically
    /// equivalent look the same, so each is named with its normalisation form.
    public static func diagnostics(_ groups: [[String]]) -> [Diagnostic] {
        groups.flatMap { group in
            group.map { path in
                let others = group.filter { !$0.utf8.elementsEqual(path.utf8) }.map { "'\($0)'\(form($0))" }.joined(separator: ", ")
                return .error(
                    .caseCollision, at: SourceLocation(file: path),
                    "this path\(form(path)) and \(others) differ only in letter case or Unicode normalisation: they are the same file on macOS and Windows; rename one")
            }
        }
    }

    /// ` (NFD)` for a name that is not in the precomposed form NFC, ` (NFC)` for one with letters that have a
    /// decomposed form, nothing for names that have only one spelling.
    public static func form(_ name: String) -> String {
        let composed = name.precomposedStringWithCanonicalMapping, decomposed = name.decomposedStringWithCanonicalMapping
        if composed.unicodeScalars.elementsEqual(decomposed.unicodeScalars) { return "" }
        return name.unicodeScalars.elementsEqual(composed.unicodeScalars) ? " (NFC)" : " (NFD)"
    }
}
