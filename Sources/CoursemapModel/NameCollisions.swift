import Foundation

/// Finds paths of the content folder that are different on Linux but the same file on macOS and Windows,
/// whose file systems ignore letter case and Unicode normalisation (`Intro.md` and `intro.md`, `Café.md`
/// precomposed and decomposed). Such a tree checks out as one file there, or fails to; such a site has
/// one page where Linux has two. The load stage checks content paths, the render stage published paths.
public enum NameCollisions {
    /// The key two names share when they name the same file on a case-insensitive, normalising file system:
    /// the lowercase form, compared as Swift compares strings (canonical equivalence, so NFC and NFD
    /// spellings of a name are equal keys).
    public static func key(_ name: String) -> String { name.lowercased() }

    /// Groups of two or more paths (files, or the folders that hold them) that differ in their bytes but
    /// share a key; each group sorted by its bytes, groups in a stable order. One lowercasing per file and
    /// per distinct folder.
    public static func groups(files: [String]) -> [[String]] {
        // The spellings met per key: almost always one, so a second is looked for only on a shared key.
        var spellings: [String: [String]] = [:]
        spellings.reserveCapacity(files.count)
        func add(_ name: String) {
            let key = key(name)
            if let known = spellings[key] {
                if !known.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { spellings[key]!.append(name) }
            } else {
                spellings[key] = [name]
            }
        }
        // Folders by their bytes: a `Set<String>` would merge NFC and NFD twins.
        var folders: Set<[UInt8]> = []
        for file in files {
            add(file)
            var folder = Substring(file)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(Array(folder.utf8)).inserted else { break }
                add(String(folder))
            }
        }
        return spellings.values.filter { $0.count > 1 }
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
