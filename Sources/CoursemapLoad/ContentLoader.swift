import CoursemapXML
import CoursemapInterop
import CoursemapModel
import Dispatch
import Foundation

/// Stage 1 — load: discovers the files of a content tree, decodes them, and parses each into the model's
/// documents. Collects every problem as a diagnostic; cross-file checks are left to the resolve stage.
///
/// Layout it reads:
///
///     coursemap.yml                     site configuration
///     frameworks/*.xml                  certificate standards and program-outcome frameworks
///     frameworks/*.case.json            frameworks imported from 1EdTech CASE packages
///     courses/<course-id>/course.md     a course
///     courses/<course-id>/*.md | *.xml  its modules (Markdown with front matter, or module XML)
///     exercises/**/*.xml                exercise banks: Coursemap XML, Moodle XML, QTI 2.1 items
///     exercises/**/*.bank.yml, bank.yml sidecars of imported banks
///     datasets/…                        data files of practical tasks (NAME.yml beside one: a library resource)
///     lectures/<id>.md, lectures/media/ micro-lectures, and their videos, captions, posters and slides
///     resources/…                       library resources: files with NAME.EXT.yml sidecars, Markdown documents
///     theme/…                           template and asset overrides
public struct ContentLoader: Sendable {
    public let source: ContentSource
    /// Threads that parse files (at least 1).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Told each time a file has been read and parsed (for a progress line).
    public var progress: (@Sendable () -> Void)?

    public init(source: ContentSource) {
        self.source = source
    }

    public init(contentDirectory: URL) {
        self.init(source: .directory(contentDirectory))
    }

    public func load() -> LoadedContent {
        var cache = LoadCache()
        return load(reusing: &cache, changed: nil)
    }

    /// Loads again after an edit, re-reading only the files in `changed` (content-relative paths) and files
    /// the cache has not seen; every other file's parse result comes from `cache`, which is updated.
    /// `changed == nil` re-reads everything. The folder is listed again unless every changed path is a
    /// listed file that still is one, or an unlisted path that is gone again (an editor's temporary file),
    /// so added and removed files are noticed. The result equals a fresh `load()` of the same files.
    public func load(reusing cache: inout LoadCache, changed: Set<String>?) -> LoadedContent {
        var content = LoadedContent()
        let listing: (files: [String], escapes: [String])
        // Whether the folder holds the same files as at the last load with this cache.
        var sameListing = false
        if let changed, let previous = cache.listing, Self.listingHolds(previous, after: changed, source: source) {
            listing = previous.listing
            sameListing = true
        } else {
            do {
                listing = try source.listFiles()
            } catch {
                cache.listing = nil
                content.diagnostics.append(.error(.unreadableFile, at: SourceLocation(file: "."), "cannot list the content folder: \(error.localizedDescription)"))
                return content
            }
            cache.listing = LoadCache.Listing(listing)
        }
        content.diagnostics.append(contentsOf: cache.listing?.collisions ?? [])
        for escape in listing.escapes {
            content.diagnostics.append(.error(.linkOutsideContent, at: SourceLocation(file: escape), "symbolic link points outside the content folder; Coursemap reads nothing outside it"))
        }

        let files = cache.listing?.classified ?? listing.files.map(ContentFile.classify)
        // The configuration comes first: Markdown options apply to every other file.
        if files.contains(where: { $0.kind == .config }) {
            switch decodedText(ConfigReader.file) {
            case let .success(text):
                let (config, diagnostics) = ConfigReader.read(text)
                content.config = config
                content.diagnostics.append(contentsOf: diagnostics)
            case let .failure(diagnostic):
                content.diagnostics.append(diagnostic)
            }
        } else {
            content.diagnostics.append(.error(.missingConfig, at: SourceLocation(file: ConfigReader.file), "the content folder has no coursemap.yml; create one with at least a title (see docs/content.md)"))
        }
        let markdown = content.config?.markdown ?? MarkdownOptions()
        let language = content.config?.language ?? .zh
        let imports = content.config?.imports ?? ImportOptions()
        let strict = content.config?.interop.strict ?? false

        // Every other file is independent of the rest: parse them in parallel, keep results in file order.
        let work = files.filter { $0.kind != .config }
        MarkdownParser.prepare()
        XMLParser.ensureInitialised()
        // Markdown options and the language shape every parse: when they change, nothing cached is reused.
        let settings = LoadCache.Settings(markdown: markdown, language: language, imports: imports)
        if cache.settings != settings || changed == nil {
            let listed = cache.listing
            cache = LoadCache()
            cache.settings = settings
            cache.listing = listed
            sameListing = false
        }
        let stale = work.indices.filter { index in
            let path = work[index].path
            guard cache.results[path] != nil, let changed else { return true }
            // A resource sidecar records the size of the file it describes.
            return changed.contains(path) || (path.hasSuffix(".yml") && changed.contains(String(path.dropLast(4))))
        }
        // Results are boxed, so the cache and this load share them instead of copying each file's model.
        let empty = Loaded(FileResult(path: ""))
        var boxes = [Loaded](repeating: empty, count: work.count)
        for index in work.indices { if let cached = cache.results[work[index].path] { boxes[index] = cached } }
        boxes.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.run(count: stale.count, jobs: jobs) { position in
                let index = stale[position]
                slots[index] = Loaded(load(work[index], markdown: markdown, language: language, imports: imports))
                progress?()
            }
        }
        if sameListing {
            for index in stale { cache.results[work[index].path] = boxes[index] }
        } else {
            var kept: [String: Loaded] = [:]
            kept.reserveCapacity(boxes.count)
            for box in boxes { kept[box.result.path] = box }
            cache.results = kept
        }
        // Each part is read through its box: binding a whole `FileResult` would copy every part of it.
        for box in boxes {
            // `interop.strict` makes every imported item that was skipped an error (cached results keep the
            // warnings, so switching it needs no re-read).
            content.diagnostics.append(contentsOf: strict ? ImportSkip.strict(box.result.diagnostics) : box.result.diagnostics)
            if let framework = box.result.framework { content.frameworks.append(framework) }
            if let course = box.result.course { content.courses.append(course) }
            if let module = box.result.module { content.modules.append(module) }
            if let (path, file) = box.result.theme { content.themeFiles[path] = file }
        }
        for box in boxes {
            if let lecture = box.result.lecture { content.lectures.append(lecture) }
            if let resource = box.result.resource { content.resources.append(resource) }
            if let captions = box.result.captions { content.captionFiles[captions.path] = captions }
        }
        // An unchanged file keeps its size; the others get one `stat` each, on the parsing threads.
        var sizes: [String: Int]
        if sameListing, let changed {
            sizes = cache.sizes
            for path in changed where cache.listing?.files.contains(path) == true { sizes[path] = source.size(path) }
        } else {
            let cachedSizes = cache.sizes
            let previousSize = { (path: String) -> Int? in changed?.contains(path) == false ? cachedSizes[path] : nil }
            let unsized = listing.files.filter { previousSize($0) == nil }
            var measured = [Int?](repeating: nil, count: unsized.count)
            measured.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                ParallelWork.run(count: unsized.count, jobs: jobs) { index in slots[index] = source.size(unsized[index]) }
            }
            sizes = [:]
            sizes.reserveCapacity(listing.files.count)
            for path in listing.files {
                if let size = previousSize(path) { sizes[path] = size }
            }
            for (path, size) in zip(unsized, measured) {
                if let size { sizes[path] = size }
            }
        }
        cache.sizes = sizes
        content.fileSizes = sizes
        var bankDiagnostics: [Diagnostic] = []
        let exercises = boxes.compactMap { box -> (String, ExerciseFile)? in
            if case .none = box.result.exercise { return nil }
            return (box.result.path, box.result.exercise)
        }
        content.banks = BankAssembler.assemble(exercises, strict: strict, into: &bankDiagnostics)
        content.diagnostics.append(contentsOf: bankDiagnostics)
        content.files = cache.listing?.files ?? Set(listing.files)
        // A refused name is no file of the content: nothing may refer to it or publish it.
        for file in files { if case .unsafeName = file.kind { content.files.remove(file.path) } }
        content.assets = Set(files.filter { $0.kind == .asset }.map(\.path))
        // Any file of a published type may be named by a field that publishes it (a data set may point at
        // `exercises/notes.md`), so every such file is sniffed, not only those in the media folders; other
        // types are refused by extension when referred to.
        // An unchanged file keeps its verdict from the last load (`serve` reads no file it was not told of).
        var sniffed: [String: String?] = [:]
        for file in files where ActiveFile.reason(file.path) == nil {
            if case .unsafeName = file.kind { continue }
            let reason: String?
            if let changed, !changed.contains(file.path), let known = cache.sniffed[file.path] {
                reason = known
            } else {
                reason = ActiveFile.reason(file.path, head: { source.head(file.path, ActiveFile.sniffLength) })
            }
            sniffed[file.path] = .some(reason)
            if let reason { content.activeFiles[file.path] = reason }
        }
        cache.sniffed = sniffed
        // Course folders that hold modules but no course.md file at all (a course.md with errors has its own
        // diagnostics and is not reported again).
        let foldersWithCourseFile = Set(files.compactMap { file -> String? in
            if case let .course(courseID) = file.kind { return courseID }
            return nil
        })
        for file in files {
            if case let .module(courseID) = file.kind, content.courseFolders[courseID] == nil,
                !foldersWithCourseFile.contains(courseID)
            {
                content.courseFolders[courseID] = SourceLocation(file: file.path)
            }
        }
        return content
    }

    /// What one file contributed.
    struct FileResult: Sendable {
        var path: String
        var exercise: ExerciseFile = .none
        var framework: Framework?
        var lecture: Lecture?
        var resource: Resource?
        var captions: CaptionFile?
        var course: Course?
        var module: Module?
        var theme: (String, ThemeFile)?
        var diagnostics: [Diagnostic] = []
    }

    private func load(_ file: ContentFile, markdown: MarkdownOptions, language: Language, imports: ImportOptions) -> FileResult {
        var result = FileResult(path: file.path)
        let location = SourceLocation(file: file.path)
        switch file.kind {
        case .config, .ignored, .asset:
            break
        case .sidecar:
            guard let text = text(file.path, into: &result) else { break }
            let (sidecar, diagnostics) = BankSidecar.read(text, file: file.path)
            result.diagnostics += diagnostics
            if let sidecar { result.exercise = .sidecar(sidecar) }
        case .caseFramework:
            do {
                let name = String(file.path.split(separator: "/").last!)
                let id = String(name.dropLast(".case.json".count))
                let (framework, diagnostics) = CASEImporter.importFramework(try source.read(file.path), file: file.path, frameworkID: id)
                result.framework = framework
                result.diagnostics += diagnostics
                if let framework { result.diagnostics += CASEControlCharacters.problems(in: framework, file: file.path) }
                if !CompetencyID.isIdentifier(id) {
                    result.diagnostics.append(.error(.invalidID, at: location, "'\(id)' cannot be a framework id: rename the file (ASCII letters, digits, '-' and '_')"))
                    result.framework = nil
                }
            } catch {
                result.diagnostics.append(unreadable(file.path, error))
            }
        case .lecture:
            guard let text = text(file.path, into: &result) else { break }
            let (lecture, diagnostics) = LectureReader.read(text, file: file.path, defaultID: file.stem, markdown: markdown)
            result.diagnostics += diagnostics
            if let lecture, !CompetencyID.isIdentifier(lecture.id) {
                result.diagnostics.append(.error(.invalidID, at: lecture.location, "'\(lecture.id)' cannot be a lecture id: use ASCII letters, digits, '-' and '_' (rename the file or set id:)"))
            } else {
                result.lecture = lecture
            }
        case .captions:
            guard let text = text(file.path, into: &result) else { break }
            let (captions, diagnostics) = WebVTTParser.parse(text, file: file.path)
            result.captions = captions
            result.diagnostics += diagnostics
        case .resourceSidecar:
            guard let text = text(file.path, into: &result) else { break }
            let target = String(file.path.dropLast(4))
            let (resource, diagnostics) = ResourceReader.readSidecar(text, file: file.path, fileSize: source.size(target))
            result.resource = resource
            result.diagnostics += diagnostics
            if resource?.kind == .dataset, target.lowercased().hasSuffix(".csv") {
                result.resource?.preview = datasetPreview(target, into: &result.diagnostics)
            }
        case .resourceDocument:
            guard let text = text(file.path, into: &result) else { break }
            let (resource, diagnostics) = ResourceReader.readDocument(text, file: file.path, defaultID: file.stem, markdown: markdown)
            result.resource = resource
            result.diagnostics += diagnostics
        case .exercise:
            guard let text = text(file.path, into: &result) else { break }
            result.exercise = loadExercise(text, file: file, language: language, imports: imports, into: &result.diagnostics)
        case .theme(let path):
            do {
                result.theme = (path, ThemeFile(bytes: try source.read(file.path), location: location))
            } catch {
                result.diagnostics.append(unreadable(file.path, error))
            }
        case .unknown(let reason):
            result.diagnostics.append(.warning(.unknownFileType, at: location, reason))
        case .misplaced(let reason):
            result.diagnostics.append(.error(.misplacedFile, at: location, reason))
        case .unsafeName(let scalar):
            result.diagnostics.append(.error(
                .controlCharacterInName, at: location,
                scalar == "\u{1A}"
                    ? "the file's path is not UTF-8 (or holds U+001A), shown with U+001A for each byte that is not; rename it (the file is not read)"
                    : "the file's path holds the control character \(ControlCharacters.name(scalar)); rename it (the file is not read)"))
        case .framework:
            guard let text = text(file.path, into: &result) else { break }
            switch XMLParser.parse(text, file: file.path) {
            case let .failure(diagnostics):
                result.diagnostics += diagnostics.items
            case let .success(root):
                result.diagnostics += XMLControlCharacters.problems(in: root, file: file.path)
                guard root.namespace == XMLNamespace.framework, ["certificate", "outcomes"].contains(root.name) else {
                    result.diagnostics.append(unknownRoot(root, file: file.path, expected: "<certificate> or <outcomes> in namespace \(XMLNamespace.framework)"))
                    break
                }
                guard let schema = ShippedSchemas.framework else { break }
                switch XMLParser.parse(text, file: file.path, schema: schema) {
                case let .failure(diagnostics):
                    result.diagnostics += diagnostics.items
                case let .success(validated):
                    var reader = FrameworkReader(file: file.path)
                    result.framework = reader.read(validated)
                    result.diagnostics += reader.diagnostics
                }
            }
        case .course(let courseID):
            guard let text = text(file.path, into: &result) else { break }
            if !CompetencyID.isIdentifier(courseID) {
                result.diagnostics.append(.error(.invalidID, at: location, "course folder '\(courseID)' cannot be a course id: use ASCII letters, digits, '-' and '_' only"))
                break
            }
            let (course, diagnostics) = CourseReader.read(text, file: file.path, courseID: courseID, markdown: markdown)
            result.course = course
            result.diagnostics += diagnostics
        case .module(let courseID):
            guard let text = text(file.path, into: &result) else { break }
            let stem = file.stem
            if file.path.lowercased().hasSuffix(".xml") {
                switch XMLParser.parse(text, file: file.path) {
                case let .failure(diagnostics):
                    result.diagnostics += diagnostics.items
                case let .success(root):
                    result.diagnostics += XMLControlCharacters.problems(in: root, file: file.path)
                    guard root.namespace == XMLNamespace.module, root.name == "module" else {
                        result.diagnostics.append(unknownRoot(root, file: file.path, expected: "<module> in namespace \(XMLNamespace.module)"))
                        break
                    }
                    guard let schema = ShippedSchemas.module else { break }
                    switch XMLParser.parse(text, file: file.path, schema: schema) {
                    case let .failure(diagnostics):
                        result.diagnostics += diagnostics.items
                    case let .success(validated):
                        let (module, diagnostics) = ModuleReader.readXML(validated, file: file.path, courseID: courseID, defaultID: stem, language: language)
                        result.module = module
                        result.diagnostics += diagnostics
                    }
                }
            } else {
                let (module, diagnostics) = ModuleReader.readMarkdown(text, file: file.path, courseID: courseID, defaultID: stem, markdown: markdown)
                result.module = module
                result.diagnostics += diagnostics
            }
            if let module = result.module, !CompetencyID.isIdentifier(module.id) || module.id.lowercased() == "index" {
                result.diagnostics.append(
                    module.id == "index"
                        ? .error(.invalidID, at: module.location, "'index' is reserved for the course page; rename the file or set another id")
                        : module.id.lowercased() == "index"
                        ? .error(.caseCollision, at: module.location, "'\(module.id)' differs only in letter case from 'index', the course page: they are one file on macOS and Windows; rename the file or set another id")
                        : .error(.invalidID, at: module.location, "'\(module.id)' cannot be a module id: use ASCII letters, digits, '-' and '_' (rename the file or set an id)"))
                result.module = nil
            }
        }
        return result
    }

    /// An exercise file, told apart by its root element.
    private func loadExercise(
        _ text: String, file: ContentFile, language: Language, imports: ImportOptions, into diagnostics: inout [Diagnostic]
    ) -> ExerciseFile {
        let root: XMLElement
        switch XMLParser.parse(text, file: file.path) {
        case let .failure(problems):
            diagnostics += problems.items
            return .none
        case let .success(element):
            root = element
        }
        diagnostics += XMLControlCharacters.problems(in: root, file: file.path)
        switch (root.namespace, root.name) {
        case (XMLNamespace.exercises, "bank"):
            guard let schema = ShippedSchemas.exercises else { return .none }
            switch XMLParser.parse(text, file: file.path, schema: schema) {
            case let .failure(problems):
                diagnostics += problems.items
                return .none
            case let .success(validated):
                var reader = ExerciseReader(file: file.path, language: language)
                let bank = reader.read(validated)
                diagnostics += reader.diagnostics
                return bank.map { .bank($0) } ?? .none
            }
        case (nil, "quiz"), (nil, "question"):
            // A lone `<question>` (what Moodle's export of one question and its plugins' fixtures hold, with
            // no `<quiz>` around it) is read as a quiz of that one question.
            let quiz = root.name == "quiz"
                ? root : XMLElement(name: "quiz", namespace: nil, attributes: [:], children: [.element(root)], line: root.line)
            let (bank, problems, skipped) = MoodleImporter.importBankNamingSkips(
                quiz, file: file.path, bankID: file.stem, keepRemoteImages: imports.remoteImages)
            diagnostics += problems
            return .importedBank(bank, skipped: skipped)
        case (QTIImporter.namespace, "assessmentItem"):
            // Reading passages (`<object data="x.html">`) are read through here: plain files of the content
            // folder, not hidden, at most one byte over the limit (the importer reports the size).
            let source = self.source
            let readFile: (String) -> [UInt8]? = { path in
                guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }), source.entry(path) == .plainFile else { return nil }
                return source.head(path, QTIImporter.maximumPassageBytes + 1)
            }
            let (item, problems) = QTIImporter.importItem(root, file: file.path, keepRemoteImages: imports.remoteImages, readFile: readFile)
            diagnostics += problems
            guard let item else {
                // Only an item that was skipped (not a file that is no item) keeps its sidecar and its bank.
                guard problems.contains(where: ImportSkip.isSkip) else { return .none }
                let key = (root.attributes["identifier"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return .skippedQTIItem(key: key.isEmpty ? nil : key)
            }
            return .qtiItem(item, title: root.attributes["title"])
        case (QTIImporter.namespace, "assessmentTest"), (QTITestReader.namespaceV2p2, "assessmentTest"):
            // A QTI test: its sections group the items of the bank its item files form.
            let (outline, problems) = QTITestReader.read(root, file: file.path)
            diagnostics += problems
            return .qtiTest(outline)
        case (_, "manifest"):
            // An IMS content package manifest: its resources give the order of the QTI items, and Coursemap's
            // own metadata on a resource (`<cm:item usage="…">`) is one more statement of the item's usage.
            return .manifest(ManifestReader.read(root, file: file.path, into: &diagnostics))
        default:
            diagnostics.append(unknownRoot(
                root, file: file.path,
                expected: "<bank> in namespace \(XMLNamespace.exercises), a Moodle <quiz> or <question>, a QTI 2.1 <assessmentItem> or a QTI 2.1 or 2.2 <assessmentTest>"))
            return .none
        }
    }

    private func decodedText(_ path: String) -> Result<String, Diagnostic> {
        do {
            return TextDecoding.decode(try source.read(path), file: path)
        } catch {
            return .failure(unreadable(path, error))
        }
    }

    /// The first rows of a CSV data set, or `nil` with a CM332 warning; a missing file is left to the
    /// resolve stage (CM322), and a file over the preview's limit is not read at all.
    private func datasetPreview(_ path: String, into diagnostics: inout [Diagnostic]) -> TablePreview? {
        guard let size = source.size(path) else { return nil }
        guard size <= TablePreview.maximumBytes else {
            diagnostics.append(CSVPreviewReader.tooLarge(size, at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        guard let bytes = try? source.read(path) else { return nil }
        let (preview, problems) = CSVPreviewReader.read(bytes, file: path)
        diagnostics += problems
        return preview
    }

    private func text(_ path: String, into result: inout FileResult) -> String? {
        switch decodedText(path) {
        case let .success(text): return text
        case let .failure(diagnostic):
            result.diagnostics.append(diagnostic)
            return nil
        }
    }

    private func unreadable(_ path: String, _ error: Error) -> Diagnostic {
        .error(.unreadableFile, at: SourceLocation(file: path), "cannot read file: \(error.localizedDescription)")
    }

    private func unknownRoot(_ root: XMLElement, file: String, expected: String) -> Diagnostic {
        let found = root.namespace.map { "<\(root.name)> in namespace \($0)" } ?? "<\(root.name)> without a namespace"
        return .error(.xmlUnknownRoot, at: SourceLocation(file: file, line: root.line), "root element is \(found); expected \(expected)")
    }
}

/// One file's parse result, shared between a load and the cache.
final class Loaded: Sendable {
    let result: ContentLoader.FileResult
    init(_ result: ContentLoader.FileResult) { self.result = result }
}

/// What `ContentLoader.load(reusing:changed:)` keeps between loads: each file's parse result and size,
/// and the settings they were parsed with. Opaque outside the load stage.
extension ContentLoader {
    /// Whether a listing still describes the folder after `changed` paths changed: each is a listed file
    /// that is still a plain file, or a path that was neither a listed file nor a folder of one and is not
    /// there now (a folder moved away is reported by its own path alone).
    static func listingHolds(_ previous: LoadCache.Listing, after changed: Set<String>, source: ContentSource) -> Bool {
        guard !changed.isEmpty else { return false }
        return changed.allSatisfy { path in
            switch source.entry(path) {
            case .plainFile: return previous.files.contains(path)
            case .missing: return !previous.files.contains(path) && !previous.folders.contains(path)
            case .other: return false
            }
        }
    }
}

public struct LoadCache: Sendable {
    struct Settings: Equatable, Sendable {
        var markdown: MarkdownOptions
        var language: Language
        var imports: ImportOptions
    }
    /// The last listing of the content folder, its files as a set, and the folders that hold them.
    struct Listing: Sendable {
        var listing: (files: [String], escapes: [String])
        var files: Set<String>
        var folders: Set<String>

        /// Each file with its kind.
        var classified: [ContentFile]
        /// Files and folders that are one on macOS and Windows (CM412), found once per listing.
        var collisions: [Diagnostic]

        init(_ listing: (files: [String], escapes: [String])) {
            self.listing = listing
            files = Set(listing.files)
            classified = listing.files.map(ContentFile.classify)
            collisions = NameCollisions.diagnostics(NameCollisions.groups(files: listing.files))
            var folders = Set<String>()
            for file in listing.files {
                var path = Substring(file)
                while let slash = path.lastIndex(of: "/") {
                    path = path[..<slash]
                    guard folders.insert(String(path)).inserted else { break }
                }
            }
            self.folders = folders
        }
    }
    var settings: Settings?
    var listing: Listing?
    var results: [String: Loaded] = [:]
    var sizes: [String: Int] = [:]
    /// Each file of a published type with what its first bytes showed: why it is refused, or `nil`.
    var sniffed: [String: String?] = [:]

    public init() {}

    /// Files whose parse results are kept.
    public var count: Int { results.count }
}
