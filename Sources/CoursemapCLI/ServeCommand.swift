import ArgumentParser
import Coursemap
import CoursemapModel
import CoursemapServe
import Foundation
import Synchronization

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
                preview.catchUpSoon(server: server)
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

/// The session as `serve` drives it: rebuilds after each batch of changes (pages that sum up the program
/// deferred), then, once no rebuild has come for a moment, the deferred pages; and how the results are
/// reported. One thing runs at a time, and a rebuild that comes during a catch-up stops it at the next
/// file, 256 KB piece or coverage requirement (what is left is caught up after that rebuild).
private final class Preview: @unchecked Sendable {
    private let session: PreviewSession
    private let options: ContentOptions
    private let lock = NSLock()
    /// Counts rebuilds, so that a catch-up planned before the latest one gives way to the next plan.
    private var generation = 0
    /// Rebuilds waiting for the lock: a catch-up stops for them.
    private let waiting = Atomic<Int>(0)
    private let catchUpQueue = DispatchQueue(label: "coursemap.serve.catch-up")
    /// How long after a rebuild the deferred pages start, so that a burst of saves is not held up by them.
    private let catchUpDelay = DispatchTimeInterval.milliseconds(150)

    init(session: PreviewSession, options: ContentOptions) {
        self.session = session
        self.options = options
    }

    func rebuild(changed: Set<String>?) -> PreviewSession.Result {
        waiting.add(1, ordering: .relaxed)
        lock.lock()
        waiting.subtract(1, ordering: .relaxed)
        defer { lock.unlock() }
        generation += 1
        return session.rebuild(changed: changed, deferSummaries: changed != nil)
    }

    /// Renders the deferred pages shortly, unless another rebuild comes first (it plans its own).
    func catchUpSoon(server: PreviewServer) {
        let planned = lock.withLock { generation }
        catchUpQueue.asyncAfter(deadline: .now() + catchUpDelay) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard generation == planned, session.isBehind else { return }
            let result = session.catchUp(stoppingWhen: { [self] in waiting.load(ordering: .relaxed) > 0 })
            let milliseconds = Int((result.seconds * 1000).rounded())
            if result.updated {
                let files = "\(result.written.count) file\(result.written.count == 1 ? "" : "s") changed"
                if result.interrupted {
                    Console.error("coursemap: catch-up paused for a new change after \(milliseconds) ms: \(result.pagesRendered) summary pages rendered, \(files); the rest follows\n")
                } else {
                    Console.error("coursemap: caught up in \(milliseconds) ms: \(result.pagesRendered) summary pages rendered, \(files)\n")
                }
                if !result.written.isEmpty { server.reload(paths: result.written) }
            } else {
                options.report(result.diagnostics)
            }
        }
    }

    func publish(_ result: PreviewSession.Result, to server: PreviewServer) {
        options.report(result.diagnostics)
        let milliseconds = Int((result.seconds * 1000).rounded())
        let counts = Summary.counts(result.diagnostics)
        if result.updated {
            let files = result.written.count + result.removed.count
            let later = result.deferred ? "; pages that sum up the program follow" : ""
            Console.error("coursemap: rebuilt in \(milliseconds) ms: \(result.pagesRendered) pages rendered, \(files) file\(files == 1 ? "" : "s") changed; \(counts)\(later)\n")
            server.showErrors([])
            if files > 0 { server.reload(paths: result.written + result.removed) }
        } else {
            Console.error("coursemap: not updated, the content has errors (the last good pages stay): \(counts)\n")
            server.showErrors(result.diagnostics.sorted.filter { $0.severity == .error }.map(\.description))
        }
    }
}
