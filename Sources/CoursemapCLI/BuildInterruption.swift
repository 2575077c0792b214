import Coursemap
import Dispatch
import Foundation

/// Ctrl-C (SIGINT) or a termination request (SIGTERM) while `build` runs: the staging folder is removed,
/// the output folder stays as it was, and the process exits with 128 + the signal's number, as shells
/// expect. The signals are taken on a queue of their own, since the build keeps the main thread busy.
final class BuildInterruption {
    private let sources: [any DispatchSourceSignal]

    init(output: URL, shownAs name: String) {
        let queue = DispatchQueue(label: "coursemap.build-interruption")
        sources = [SIGINT, SIGTERM].map { (number: Int32) -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                Pipeline.abandonBuild(output: output)
                Console.error("\ncoursemap: build interrupted, \(name)/ left unchanged\n")
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Back to the default handling: the build is over.
    func end() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
