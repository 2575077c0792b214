import Coursemap
import Dispatch
import Foundation

/// Ctrl-C (SIGINT), a termination request (SIGTERM), a closed terminal (SIGHUP) or Ctrl-\\ (SIGQUIT) while
/// `build` runs, whatever the stage: Pagefind, if
/// it runs, is killed with its process group, the staging folder and temporary files are removed, the output
/// folder stays as it was, and the process exits with 128 + the signal's number, as shells expect. The
/// signals are taken on a queue of their own, since the build keeps the main thread busy; the main thread,
/// should it finish meanwhile (e.g. because its staging folder vanished), waits in `end()` for the exit.
final class BuildInterruption {
    private let sources: [any DispatchSourceSignal]
    /// Held by the handler from the signal to the exit, and by `end()`: whichever comes first wins.
    private let exiting = NSLock()
    private nonisolated(unsafe) var ended = false

    /// The signals that stop a build cleanly; each exits with 128 + its number (130, 143, 129, 131).
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    init(output: URL, shownAs name: String) {
        let queue = DispatchQueue(label: "coursemap.build-interruption")
        let exiting = self.exiting
        var made: [any DispatchSourceSignal] = []
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            made.append(source)
        }
        sources = made
        for (source, number) in zip(sources, Self.signals) {
            source.setEventHandler { [unowned self] in
                exiting.lock()
                guard !ended else {
                    // The build is over: exit as the signal would have made it.
                    exiting.unlock()
                    _exit(128 + number)
                }
                let unchanged = Pipeline.abandonBuild(output: output)
                let outcome = unchanged ? "\(name)/ left unchanged" : "the new site was already in \(name)/"
                Console.error("\ncoursemap: build interrupted, \(outcome)\n")
                _exit(128 + number)
            }
            source.resume()
        }
    }

    /// Back to the default handling: the build is over. If a signal is being handled, this never returns
    /// (the handler exits the process).
    func end() {
        exiting.lock()
        ended = true
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
        exiting.unlock()
    }
}
