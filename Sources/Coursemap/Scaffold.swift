import CoursemapLoad
import CoursemapModel
import CoursemapResolve
import Foundation

/// `coursemap init` and `coursemap new`: content files to start from, with the required fields filled in.
/// The templates are resources of this target (`Scaffold/init`, `Scaffold/new`); every one of them builds
/// with no diagnostics, which the tests check.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case course
        case module
        case lecture
        case bank
        case resource
    }

    /// Why a scaffold was not written. Nothing is written when this is thrown.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Creates a small, valid content tree in `directory`, which must not exist or be empty. Returns the
    /// paths written, relative to it.
    public static func initialise(at directory: URL) throws(Failure) -> [String] {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory.path), !entries.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw Failure("\(directory.path) is not empty; choose a new folder for the content")
        }
        let files = templates(under: "init")
        guard !files.isEmpty else { throw Failure("the scaffold templates are missing beside the coursemap binary") }
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = directory.appendingPathComponent(path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        } catch {
            throw Failure("cannot write into \(directory.path): \(error.localizedDescription)")
        }
        return files.keys.sorted()
    }

    /// Writes a new course, module, lecture, bank or resource into the content folder and returns its path
    /// relative to it. Refuses to overwrite.
    public static func create(_ kind: Kind, id: String, course: String?, xml: Bool, content: URL) throws(Failure) -> String {
        guard CompetencyID.isIdentifier(id) else {
            throw Failure("'\(id)' cannot be an id: use ASCII letters, digits, '-' and '_'")
        }
        // Only the program is needed (courses, module orders, competencies): load and resolve, no rendering.
        let program = Resolver.resolve(ContentLoader(contentDirectory: content).load()).program
        if let course, program.course(course) == nil {
            let known = program.courses.map(\.id).joined(separator: ", ")
            throw Failure("no course '\(course)' (courses: \(known.isEmpty ? "none yet; create one with `coursemap new course ID`" : known))")
        }
        // New content maps to a real competency so it builds without warnings; the author changes it.
        let competency = program.frameworks.lazy.flatMap(\.allCompetencies).first?.id.description
        if kind != .course && competency == nil {
            throw Failure("the content has no framework yet: add one under frameworks/ first (see docs/content.md)")
        }
        var replacements = ["__ID__": id, "__COMPETENCY__": competency ?? ""]
        let path: String
        let template: String
        switch kind {
        case .course:
            path = "courses/\(id)/course.md"
            template = "course.md"
            replacements["__CODE__"] = String(format: "%06d", program.courses.count + 1)
        case .module:
            guard let course else { throw Failure("a module belongs to a course: add --course ID") }
            let order = (program.modules(of: course).map(\.order).max() ?? 0) + 1
            replacements["__ORDER__"] = String(order)
            // An id that already starts with a number (05-export-docs) is used as the file name as it is.
            let numbered = id.prefix { $0.isNumber }.count > 0 && id.dropFirst(id.prefix { $0.isNumber }.count).hasPrefix("-")
            path = "courses/\(course)/\(numbered ? id : String(format: "%02d", order) + "-" + id).\(xml ? "xml" : "md")"
            template = xml ? "module.xml" : "module.md"
        case .lecture:
            path = "lectures/\(id).md"
            template = "lecture.md"
            replacements["__COURSE_LINE__"] = course.map { "course: \($0)\n" } ?? ""
        case .bank:
            path = "exercises/\(id).xml"
            template = "bank.xml"
            replacements["__COURSE_ATTRIBUTE__"] = course.map { " course=\"\($0)\"" } ?? ""
        case .resource:
            path = "resources/\(id).md"
            template = "resource.md"
            replacements["__COURSE_LINE__"] = course.map { "course: \($0)\n" } ?? ""
        }
        let target = content.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw Failure("\(path) already exists; Coursemap never overwrites content")
        }
        if kind == .module, let course, let existing = program.modules(of: course).first(where: { module in
            module.id == id || (module.id.hasSuffix("-" + id) && module.id.dropLast(id.count + 1).allSatisfy(\.isNumber))
        }) {
            throw Failure("course '\(course)' already has a module '\(existing.id)'")
        }
        guard let data = templates(under: "new")[template] else { throw Failure("the scaffold template \(template) is missing") }
        var text = String(decoding: data, as: UTF8.self)
        for (key, value) in replacements.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: key, with: value) }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw Failure("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// The files under `Scaffold/<folder>` in this target's resources, by relative path.
    static func templates(under folder: String) -> [String: Data] {
        guard let root = Bundle.module.url(forResource: "Scaffold", withExtension: nil)?.appendingPathComponent(folder) else { return [:] }
        var files: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            files[relative] = data
        }
        return files
    }
}
