import CoursemapInterop
import CoursemapModel

/// What one exercise file contributed, before banks are put together.
enum ExerciseFile: Sendable {
    case none
    /// A Coursemap bank: complete as authored.
    case bank(ExerciseBank)
    /// A bank imported from Moodle XML; its sidecar may still rename it and map its items. `skipped` are
    /// the names of questions that were not imported (sidecar entries naming them are not strays).
    case importedBank(ExerciseBank, skipped: Set<String> = [])
    /// One QTI item; items are grouped into banks by their sidecar.
    case qtiItem(ExerciseItem, title: String?)
    /// A QTI item file whose item was skipped (CM311/CM314 said why), with the item's identifier: its sidecar
    /// still belongs to it, and its bank may be left with no items (CM327).
    case skippedQTIItem(key: String?)
    case sidecar(BankSidecar)
    /// An IMS content-package manifest: the resources it lists, in order, each with the files it names
    /// (relative to the manifest's folder) and the usage its Coursemap metadata (`<cm:item usage="…">`)
    /// states, if any.
    case manifest([ManifestResource])
    /// A QTI `assessmentTest`: its sections group the items of the folder bank its item references name.
    case qtiTest(QTITestOutline)
}

/// Puts imported files together with their sidecars into banks:
///
/// - `x.xml` (Moodle) uses `x.bank.yml` beside it;
/// - a QTI item `x.xml` with `x.bank.yml` beside it is a bank of its own; QTI items in a folder with a
///   `bank.yml` form one bank; any other QTI item is a bank of its own named after the file.
enum BankAssembler {
    /// `strict` (`interop.strict`): an imported item left out for its size is an error, not a warning.
    static func assemble(_ files: [(path: String, file: ExerciseFile)], strict: Bool = false, into diagnostics: inout [Diagnostic]) -> [ExerciseBank] {
        var sidecars: [String: BankSidecar] = [:]
        for (path, file) in files {
            if case let .sidecar(sidecar) = file { sidecars[path] = sidecar }
        }
        // Where a manifest lists QTI item files, their position in it orders the items of their bank.
        var manifestOrder: [String: Int] = [:]
        // The usage a manifest's metadata states for an item file: one more statement about the item.
        var manifestUsage: [String: [UsageStatement]] = [:]
        // A resource's files are matched by normalised path (percent-decoded, `.` and `..` resolved, relative
        // to the manifest's folder), its `href` and every `<file href>` alike; a usage statement that reaches
        // no QTI item is an error (below), never dropped.
        var manifestStatements: [(resource: ManifestResource, paths: [String])] = []
        for (path, file) in files {
            guard case let .manifest(resources) = file else { continue }
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            for (index, resource) in resources.enumerated() {
                var paths: [String] = []
                for href in resource.hrefs {
                    if let itemPath = ManifestReader.path(of: href, manifestFolder: folder), !paths.contains(itemPath) { paths.append(itemPath) }
                }
                if let first = paths.first, manifestOrder[first] == nil { manifestOrder[first] = index }
                if let usage = resource.usage {
                    for itemPath in paths { manifestUsage[itemPath, default: []].append(usage) }
                    manifestStatements.append((resource, paths))
                }
            }
        }
        let itemPaths = Set(files.compactMap { path, file -> String? in
            if case .qtiItem = file { return path }
            return nil
        })
        let tests = files.compactMap { path, file -> QTITestSections.Test? in
            if case let .qtiTest(outline) = file { return QTITestSections.Test(outline: outline, file: path) }
            return nil
        }
        diagnostics += QTITestSections.unknownReferences(tests, itemPaths: itemPaths)
        for (resource, paths) in manifestStatements where !paths.contains(where: itemPaths.contains) {
            let named = resource.hrefs.map { "'\(UsageSpelling.shown($0))'" }.joined(separator: ", ")
            diagnostics.append(.error(
                .unknownItemReference, at: resource.location,
                "this resource's Coursemap usage metadata applies to no QTI item: \(named.isEmpty ? "it names no file" : "no QTI item file at \(named)"); point the resource's href at the item file"))
        }
        var used = Set<String>()
        var banks: [ExerciseBank] = []
        var folderBanks: [String: ExerciseBank] = [:]
        var folderPaths: [String: [String]] = [:]
        var folderOrder: [String] = []

        // Keys of a folder's bank.yml that name QTI items with a sidecar of their own (applied to them below).
        var keysElsewhere: [String: Set<String>] = [:]
        /// Starts the bank of a folder of QTI items with a `bank.yml` (named after the folder until the sidecar
        /// says otherwise), the first time one of its items is met.
        func openFolderBank(_ folder: String, sidecar: String) {
            guard folderBanks[folder] == nil else { return }
            folderOrder.append(folder)
            let name = String(folder.split(separator: "/").last ?? "qti")
            folderBanks[folder] = ExerciseBank(
                id: name, title: LocalizedText(zh: name), source: .qti, sections: [ExerciseSection(items: [])],
                location: SourceLocation(file: sidecar, line: 1, column: 1))
        }
        for (path, file) in files {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            let stem = Self.stem(of: path)
            let ownSidecarPath = (folder.isEmpty ? "" : folder + "/") + stem + ".bank.yml"
            let folderSidecarPath = (folder.isEmpty ? "" : folder + "/") + "bank.yml"
            switch file {
            case .none, .sidecar, .manifest, .qtiTest:
                continue
            case let .skippedQTIItem(key):
                if sidecars[ownSidecarPath] != nil {
                    used.insert(ownSidecarPath)
                } else if sidecars[folderSidecarPath] != nil {
                    openFolderBank(folder, sidecar: folderSidecarPath)
                    if let key { keysElsewhere[folder, default: []].insert(key) }
                    continue
                }
                diagnostics.append(Self.unpublished(at: SourceLocation(file: path, line: 1, column: 1)))
            case var .bank(bank):
                for cover in Self.examCovers(folder, sidecars: sidecars, own: true) {
                    used.insert(cover)
                    Self.applyFolderUsage(sidecars[cover]!, to: &bank, diagnostics: &diagnostics)
                }
                banks.append(bank)
            case .importedBank(var bank, let skipped):
                if let sidecar = sidecars[ownSidecarPath] {
                    used.insert(ownSidecarPath)
                    sidecar.apply(to: &bank, alsoKnown: skipped, diagnostics: &diagnostics)
                }
                for cover in Self.examCovers(folder, sidecars: sidecars, own: true) {
                    used.insert(cover)
                    Self.applyFolderUsage(sidecars[cover]!, to: &bank, diagnostics: &diagnostics)
                }
                banks.append(checked(bank, into: &diagnostics))
            case .qtiItem(var item, let title):
                if let statements = manifestUsage[path] { Self.combine(statements, into: &item, diagnostics: &diagnostics) }
                if sidecars[ownSidecarPath] == nil, sidecars[folderSidecarPath] != nil {
                    openFolderBank(folder, sidecar: folderSidecarPath)
                    folderBanks[folder]!.sections[0].items.append(item)
                    folderPaths[folder, default: []].append(path)
                    continue
                }
                var bank = ExerciseBank(
                    id: stem, title: LocalizedText(zh: title ?? stem), source: .qti,
                    sections: [ExerciseSection(items: [item])], location: SourceLocation(file: path, line: 1, column: 1))
                if let sidecar = sidecars[ownSidecarPath] {
                    used.insert(ownSidecarPath)
                    sidecar.apply(to: &bank, diagnostics: &diagnostics)
                }
                // The folder's bank.yml still speaks for this item: its entry's competencies and usage, its default.
                if let folderSidecar = sidecars[folderSidecarPath] {
                    for sectionIndex in bank.sections.indices {
                        for itemIndex in bank.sections[sectionIndex].items.indices {
                            var item = bank.sections[sectionIndex].items[itemIndex]
                            if folderSidecar.applySecondary(to: &item, diagnostics: &diagnostics), let key = item.importKey {
                                keysElsewhere[folder, default: []].insert(key)
                            }
                            bank.sections[sectionIndex].items[itemIndex] = item
                        }
                    }
                }
                for cover in Self.examCovers(folder, sidecars: sidecars, own: false) {
                    used.insert(cover)
                    Self.applyFolderUsage(sidecars[cover]!, to: &bank, diagnostics: &diagnostics)
                }
                banks.append(checked(bank, into: &diagnostics))
            }
        }
        for folder in folderOrder {
            let sidecarPath = (folder.isEmpty ? "" : folder + "/") + "bank.yml"
            var bank = folderBanks[folder]!
            let paths = folderPaths[folder] ?? []
            let ordered = zip(paths, bank.sections[0].items).enumerated().sorted { a, b in
                (manifestOrder[a.element.0] ?? Int.max, a.offset) < (manifestOrder[b.element.0] ?? Int.max, b.offset)
            }
            bank.sections[0].items = ordered.map(\.element.1)
            if let sections = QTITestSections.arrange(ordered.map { ($0.element.0, $0.element.1) }, tests: tests) {
                bank.sections = sections
            }
            used.insert(sidecarPath)
            sidecars[sidecarPath]!.apply(to: &bank, alsoKnown: keysElsewhere[folder] ?? [], diagnostics: &diagnostics)
            for cover in Self.examCovers(folder, sidecars: sidecars, own: false) {
                used.insert(cover)
                Self.applyFolderUsage(sidecars[cover]!, to: &bank, diagnostics: &diagnostics)
            }
            banks.append(checked(bank, into: &diagnostics))
        }
        for path in sidecars.keys.sorted() where !used.contains(path) {
            diagnostics.append(.warning(
                .unknownFileType, at: SourceLocation(file: path),
                "this sidecar belongs to no imported bank: name it after a Moodle or QTI file (NAME.bank.yml beside NAME.xml), or bank.yml in a folder of QTI items"))
        }
        // A bank with no items left (every item skipped, or too large) is not published: one CM327 at its file.
        return banks.map { bounded($0, strict: strict, into: &diagnostics) }.filter { bank in
            guard bank.items.isEmpty, bank.source != .coursemap else { return true }
            diagnostics.append(Self.unpublished(at: bank.location))
            return false
        }
    }

    /// CM327 for a bank none of whose items could be imported.
    private static func unpublished(at location: SourceLocation) -> Diagnostic {
        .warning(
            .emptyBank, at: location,
            "no item of this bank could be imported (the warnings above say why), so the bank is not published")
    }

    /// Leaves out, with CM314 at the item, every matching item with more pairs and ordering item with more
    /// steps than `ItemLimits.maximumPairs`: their pages grow with the square of that number.
    /// For an imported bank this is a warning that says the item is skipped (an error with `strict`); for an
    /// authored one, an error.
    static func bounded(_ bank: ExerciseBank, strict: Bool = false, into diagnostics: inout [Diagnostic]) -> ExerciseBank {
        var bank = bank
        for sectionIndex in bank.sections.indices {
            bank.sections[sectionIndex].items.removeAll { item in
                let (count, what): (Int, String)
                switch item.body {
                case let .matching(pairs, _): (count, what) = (pairs.count, "pairs")
                case let .ordering(steps): (count, what) = (steps.count, "steps")
                default: return false
                }
                guard count > ItemLimits.maximumPairs else { return false }
                let message = "item '\(item.importKey ?? item.id)' has \(count) \(what); an item may have at most \(ItemLimits.maximumPairs) "
                    + "(its page would list every one beside each): split it into smaller items"
                if bank.source == .coursemap {
                    diagnostics.append(.error(.invalidItem, at: item.location, message))
                } else {
                    let skip = ImportSkip.warning(.invalidItem, at: item.location, message)
                    diagnostics += strict ? ImportSkip.strict([skip]) : [skip]
                }
                return true
            }
        }
        return bank
    }

    /// Adds statements about an item's usage from outside the item file to its own (CM317 if they disagree).
    private static func combine(_ statements: [UsageStatement], into item: inout ExerciseItem, diagnostics: inout [Diagnostic]) {
        let own = item.usageOrigin.map { [UsageStatement(usage: item.usage, location: $0, source: "its own usage")] } ?? []
        guard let decided = UsageStatement.combine(own + statements, item: "item '\(item.importKey ?? item.id)'", into: &diagnostics) else { return }
        item.usage = decided.usage
        item.usageOrigin = decided.location
    }

    /// The `bank.yml` files that say `usage: exam` and cover banks in `folder`: those of its ancestors and,
    /// with `own`, its own. A folder's `bank.yml` with `usage: exam` covers its whole subtree (fail closed:
    /// moving a bank into a subfolder never makes it practice).
    private static func examCovers(_ folder: String, sidecars: [String: BankSidecar], own: Bool) -> [String] {
        let parts = folder.split(separator: "/").map(String.init)
        let depths = own ? Array(0...parts.count) : Array(0..<parts.count)
        return depths.compactMap { depth in
            let prefix = parts.prefix(depth).joined(separator: "/")
            let path = (prefix.isEmpty ? "" : prefix + "/") + "bank.yml"
            guard let sidecar = sidecars[path], sidecar.usage?.usage == .exam else { return nil }
            return path
        }
    }

    /// A folder's `bank.yml` that says `usage: exam` makes every item of every bank in its folder and its
    /// subfolders an exam item, whichever file the bank comes from (fail closed: no default turns an exam
    /// item into practice). An item that says practice itself is CM317.
    private static func applyFolderUsage(_ sidecar: BankSidecar, to bank: inout ExerciseBank, diagnostics: inout [Diagnostic]) {
        guard let usage = sidecar.usage, usage.usage == .exam else { return }
        for sectionIndex in bank.sections.indices {
            for itemIndex in bank.sections[sectionIndex].items.indices {
                let item = bank.sections[sectionIndex].items[itemIndex]
                let stated = item.usageOrigin.map { UsageStatement(usage: item.usage, location: $0, source: "its usage as stated") }
                BankSidecar.overrule(
                    &bank.sections[sectionIndex].items[itemIndex], by: usage, stated: stated, name: "item '\(item.importKey ?? item.id)'",
                    into: &diagnostics)
            }
        }
    }

    /// An imported bank's id must be usable in URLs; item ids must be unique in it.
    private static func checked(_ bank: ExerciseBank, into diagnostics: inout [Diagnostic]) -> ExerciseBank {
        var bank = bank
        if !CompetencyID.isIdentifier(bank.id) {
            diagnostics.append(.error(
                .invalidID, at: bank.location,
                "'\(bank.id)' cannot be a bank id: set `id:` in the bank's sidecar (ASCII letters, digits, '-' and '_')"))
        }
        var seen: [String: Int] = [:]
        for sectionIndex in bank.sections.indices {
            bank.sections[sectionIndex].items = bank.sections[sectionIndex].items.map { item in
                var item = item
                let count = seen[item.id, default: 0] + 1
                seen[item.id] = count
                if count > 1 { item.id = "\(item.id)-\(count)" }
                return item
            }
        }
        return bank
    }

    private static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
