import ArgumentParser
import Coursemap
import Foundation

/// `coursemap init DIR`: a small, valid content tree to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a small, valid content tree to start from.",
        discussion: "The tree has coursemap.yml, a framework, a course with a Markdown and an XML module, a micro-lecture and an exercise bank, with comments explaining each field. It builds with no warnings.")

    @Argument(help: "The folder to create (must not exist, or be empty).")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        do {
            let files = try Scaffold.initialise(at: url)
            Console.error("coursemap: created \(files.count) files in \(directory)/\nnext: coursemap build --content \(directory) --output \(directory)-site\n")
        } catch {
            throw UsageFailure(error.description)
        }
    }
}

/// `coursemap new KIND ID`: one new content file with the required fields filled in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a course, module, lecture, bank or resource, with the required fields filled in.",
        discussion: "Modules get the next free order number in their course (file NN-ID.md). Never overwrites a file.")

    @Argument(help: "course, module, lecture, bank or resource.")
    var kind: Scaffold.Kind

    @Argument(help: "The id (ASCII letters, digits, '-' and '_').")
    var id: String

    @Option(name: .long, help: "The course it belongs to (required for modules).")
    var course: String?

    @Flag(name: .long, help: "Write a module in XML instead of Markdown.")
    var xml = false

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageFailure("content folder '\(content)' does not exist (use --content DIR, or coursemap init)")
        }
        do {
            let path = try Scaffold.create(kind, id: id, course: course, xml: xml, content: URL(fileURLWithPath: content))
            Console.error("coursemap: created \(content)/\(path)\n")
        } catch {
            throw UsageFailure(error.description)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
