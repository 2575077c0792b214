import ArgumentParser
import Coursemap
import CoursemapModel
import CoursemapServe
import Foundation

/// `coursemap serve`: builds the portal, serves it on 127.0.0.1, and keeps it up to date while the content
/// and theme are edited. Open pages reload by themselves; content errors show in the terminal and over
/// the page, and the last good pages stay in place until the errors are fixed.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the portal while editing: build, serve on 127.0.0.1, rebuild on every change.",
        discussion: """
            Writes the same files as `coursemap build --no-search` into the output folder and keeps them \
            current: an edit re-reads the changed files and renders only the pages it affects. Open pages \
            reload after each rebuild; content errors appear in the terminal and as an overlay in the page. \
            The search index is not built while serving. Stop with Ctrl-C.
            """)

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "The folder the preview is written to and served from.")
    var output: String = "Site"

    @Option(name: .shortAndLong, help: "The port to listen on (127.0.0.1 only; 0 picks a free port).")
    var port: Int = 1313

    @Option(name: .long, help: "student (default) or teacher.")
    var edition: Edition = .student

    @OptionGroup var jobs: JobsOption

    func run() throws {
        try options.validateContentFolder()
        guard (0...65535).contains(port) else { throw UsageFailure("--port must be between 0 and 65535") }
        let threads = try jobs.count()
        let outputURL = URL(fileURLWithPath: output)
        let session: PreviewSession
        do {
            session = try PreviewSession(content: options.contentURL, output: outputURL, options: Pipeline.Options(edition: edition, jobs: threads))
        } catch {
            throw UsageFailure(error.description)
        }
        let preview = Preview(session: session, options: options)
        let first = preview.rebuild(changed: nil)

        let server = PreviewServer(root: session.output, port: port)
        let bound: Int
        do {
            bound = try server.start()
        } catch {
            throw UsageFailure(error.description)
        }
        preview.publish(first, to: server)
        Console.error("coursemap: serving \(output)/ at http://127.0.0.1:\(bound)/ and watching \(options.content)/ (Ctrl-C stops)\n")

        let contentRoot = session.content.path
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(roots: [session.content]) { paths in
                let changed = Set(paths.compactMap { path -> String? in
                    guard path.hasPrefix(contentRoot + "/") else { return nil }
                    return String(path.dropFirst(contentRoot.count + 1))
                })
                guard !changed.isEmpty else { return }
                preview.publish(preview.rebuild(changed: changed), to: server)
            }
        } catch {
            server.stop()
            throw UsageFailure("cannot watch \(options.content)/: \(error)")
        }
        watcher.start()

        // Ctrl-C or a termination request: stop watching and serving, then exit.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { (number: Int32) -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                watcher.stop()
                server.stop()
                Console.error("\ncoursemap: stopped serving\n")
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }
}

/// The session behind `serve`, used by one thread at a time (the first build, then the watcher's thread,
/// which never calls back concurrently with itself), and how its results are reported.
private final class Preview: @unchecked Sendable {
    private let session: PreviewSession
    private let options: ContentOptions
    private let lock = NSLock()

    init(session: PreviewSession, options: ContentOptions) {
        self.session = session
        self.options = options
    }

    func rebuild(changed: Set<String>?) -> PreviewSession.Result {
        lock.lock()
        defer { lock.unlock() }
        return session.rebuild(changed: changed)
    }

    /// Prints the outcome, then reloads open pages or shows the errors over them.
    func publish(_ result: PreviewSession.Result, to server: PreviewServer) {
        options.report(result.diagnostics)
        let milliseconds = Int((result.seconds * 1000).rounded())
        let counts = Summary.counts(result.diagnostics)
        if result.updated {
            let files = result.written.count + result.removed.count
            Console.error("coursemap: rebuilt in \(milliseconds) ms: \(result.pagesRendered) pages rendered, \(files) file\(files == 1 ? "" : "s") changed; \(counts)\n")
            server.showErrors([])
            if files > 0 { server.reload() }
        } else {
            Console.error("coursemap: not updated, the content has errors (the last good pages stay): \(counts)\n")
            server.showErrors(result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description))
        }
    }
}
