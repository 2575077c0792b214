import CoursemapInterop
import CoursemapModel

/// Groups the items of a bank of QTI item files into the sections of the `assessmentTest`s that refer to
/// them (a package exported by Coursemap, TAO, Onyx … has one beside its items).
///
/// An item reference's `href` is read relative to the test's folder, like a manifest's (`ManifestReader.path`).
/// The first test section that refers to an item file gets the item; sections keep the test's order and
/// their items the order the test gives them; a test section none of whose items is in the bank is left
/// out. Items no test refers to follow, untitled, in the order they had.
enum QTITestSections {
    /// A test with its references resolved to content paths.
    struct Test {
        var outline: QTITestOutline
        /// Per section, the content path of each reference (`nil` for one that leaves the content folder).
        var paths: [[String?]]

        init(outline: QTITestOutline, file: String) {
            self.outline = outline
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            paths = outline.sections.map { section in
                section.items.map { ManifestReader.path(of: $0.href, manifestFolder: folder) }
            }
        }
    }

    /// The sections for `items` (each with the content path of its file), when a test refers to any of them;
    /// `nil` otherwise.
    static func arrange(_ items: [(path: String, item: ExerciseItem)], tests: [Test]) -> [ExerciseSection]? {
        let byPath = Dictionary(items.map { ($0.path, $0.item) }, uniquingKeysWith: { first, _ in first })
        var placed = Set<String>()
        var sections: [ExerciseSection] = []
        for test in tests {
            for (section, paths) in zip(test.outline.sections, test.paths) {
                var members: [ExerciseItem] = []
                for path in paths.compactMap({ $0 }) where !placed.contains(path) {
                    guard let item = byPath[path] else { continue }
                    placed.insert(path)
                    members.append(item)
                }
                if !members.isEmpty { sections.append(ExerciseSection(title: section.title, items: members)) }
            }
        }
        guard !placed.isEmpty else { return nil }
        let rest = items.filter { !placed.contains($0.path) }.map(\.item)
        if !rest.isEmpty { sections.append(ExerciseSection(title: nil, items: rest)) }
        return sections
    }

    /// CM315 warnings for references that name no QTI item file of the content.
    static func unknownReferences(_ tests: [Test], itemPaths: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for test in tests {
            for (section, paths) in zip(test.outline.sections, test.paths) {
                for (reference, path) in zip(section.items, paths) where path.map({ !itemPaths.contains($0) }) ?? true {
                    diagnostics.append(.warning(
                        .unknownItemReference, at: reference.location,
                        "assessmentItemRef href '\(UsageSpelling.shown(reference.href))' names no QTI item file \(path == nil ? "inside the content folder" : "of the content"); the reference is ignored"))
                }
            }
        }
        return diagnostics
    }
}
