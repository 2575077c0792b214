import Coursemap
import Foundation

/// The one-line progress report of a long build on a terminal ("loading 3,210 files…", "rendering 12,004
/// pages…"), redrawn a few times a second on standard error and erased when the build ends. Silent when
/// standard error is not a terminal (CI logs, pipes), so logs hold only diagnostics and the summary.
final class ProgressLine: @unchecked Sendable {
    let progress = BuildProgress()
    private let timer: DispatchSourceTimer?
    private let queue = DispatchQueue(label: "coursemap.progress")

    init(enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb") {
        guard enabled else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let progress = self.progress
        // Nothing is drawn for builds that finish within the first half second.
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(200))
        timer.setEventHandler {
            let text: String
            switch progress.stage {
            case "load": text = "loading \(Self.grouped(progress.filesLoaded)) files…"
            case "render": text = "rendering and writing \(Self.grouped(progress.pagesRendered)) pages…"
            case "search": text = "indexing for search (Pagefind)…"
            default: text = "\(progress.stage)…"
            }
            Console.error("\r\u{1B}[2Kcoursemap: \(text)")
        }
        timer.resume()
        self.timer = timer
    }

    /// Stops redrawing and erases the line.
    func finish() {
        guard let timer else { return }
        timer.cancel()
        // On the timer's queue, after any redraw already under way, so the erase comes last.
        queue.sync { Console.error("\r\u{1B}[2K") }
    }

    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
