import Foundation

/// Watches folder trees for changes and reports them in coalesced batches: the content side of
/// `coursemap serve`.
///
/// On Linux it uses inotify, with a watch on every folder (folders created later are watched as they
/// appear); elsewhere it scans every 500 ms. Names that editors use for temporary files are ignored (see
/// `WatchFilter`). After the first change it waits until `debounce` passes without another (but no more
/// than 500 ms, or `debounce` if longer, in all), then calls `onChange` with the absolute paths changed.
/// Calls run on the watcher's own queue, one at a time; changes made during a call come in the next.
///
/// Changes are recorded from `init` on and reported from `start()` on; `stop()` ends both.
public final class FileWatcher: Sendable {
    /// The watched folders.
    public let roots: [URL]

    private let source: any ChangeSource
    private let waker: Waker
    private let delivery: ChangeDelivery
    private let debounce: Duration
    private let state = Locked(State.ready)

    private enum State {
        case ready
        /// The reading thread signals `finished` as it exits.
        case running(finished: DispatchSemaphore)
        case stopped
    }

    /// Starts recording changes under `roots`, each an existing folder.
    ///
    /// - Throws: `FileWatcherError` when a root is not a folder or the system refuses to watch.
    public convenience init(
        roots: [URL], debounce: Duration = .milliseconds(50), onChange: @escaping @Sendable (Set<String>) -> Void
    ) throws(FileWatcherError) {
        let paths = try Self.rootPaths(roots)
        #if os(Linux)
        let source = try InotifySource(roots: paths)
        #else
        let source = PollingSource(roots: paths)
        #endif
        try self.init(roots: roots, source: source, debounce: debounce, onChange: onChange)
    }

    /// A watcher over any `ChangeSource` (tests use the polling one on Linux too).
    init(
        roots: [URL], source: any ChangeSource, debounce: Duration, onChange: @escaping @Sendable (Set<String>) -> Void
    ) throws(FileWatcherError) {
        let waker: Waker
        do {
            waker = try Waker()
        } catch {
            source.close()
            throw error
        }
        self.roots = roots
        self.source = source
        self.waker = waker
        self.debounce = debounce
        self.delivery = ChangeDelivery(onChange: onChange)
    }

    deinit {
        stop()
    }

    /// Starts reporting changes, on a thread of the watcher's own. Later calls do nothing.
    public func start() {
        state.withLock { state in
            guard case .ready = state else { return }
            let finished = DispatchSemaphore(value: 0)
            let loop = WatchLoop(source: source, waker: waker, delivery: delivery, debounce: debounce)
            let thread = Thread {
                loop.run()
                finished.signal()
            }
            thread.name = "coursemap file watcher"
            thread.start()
            state = .running(finished: finished)
        }
    }

    /// Stops watching: wakes the reading thread, waits for it to end and releases the watch. No callback
    /// starts after `stop()` returns (one already running finishes). Do not call it from `onChange` and wait
    /// for the callback there: `stop()` itself does not wait for callbacks. Later calls do nothing.
    public func stop() {
        let previous = state.withLock { state -> State in
            defer { state = .stopped }
            return state
        }
        switch previous {
        case .stopped:
            return
        case .ready:
            break
        case .running(let finished):
            waker.wake()
            finished.wait()
        }
        delivery.cancel()
        source.close()
        waker.close()
    }

    /// The standardised paths of `roots`, each checked to be an existing folder.
    private static func rootPaths(_ roots: [URL]) throws(FileWatcherError) -> [String] {
        try roots.map { (root) throws(FileWatcherError) -> String in
            let path = root.standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .notADirectory(path)
            }
            return path
        }
    }
}

/// The reading thread's loop: waits for changes, gathers a burst of them and hands it on.
struct WatchLoop: Sendable {
    let source: any ChangeSource
    let waker: Waker
    let delivery: ChangeDelivery
    /// The quiet time that ends a burst.
    let debounce: Duration

    /// The longest a burst is held back, however busy the folder.
    var cap: Duration { max(.milliseconds(500), debounce) }

    func run() {
        let clock = ContinuousClock()
        var pending = Set<String>()
        var burstStart: ContinuousClock.Instant?
        var lastChange = clock.now
        var nextScan = source.scanInterval.map { clock.now + $0 }

        while true {
            var deadline = burstStart.map { min(lastChange + debounce, $0 + cap) }
            if let nextScan {
                deadline = deadline.map { min($0, nextScan) } ?? nextScan
            }
            let timeout = deadline.map { Self.milliseconds(until: $0, clock: clock) } ?? -1

            var changes = Set<String>()
            switch waker.wait(for: source.descriptor, timeoutMilliseconds: timeout) {
            case .woken:
                return
            case .failed(let code):
                FileHandle.standardError.write(Data("coursemap: the file watcher stopped: poll failed (errno \(code))\n".utf8))
                return
            case .readable:
                changes = source.collectChanges()
            case .timedOut:
                break
            }
            if let interval = source.scanInterval, let due = nextScan, clock.now >= due {
                changes.formUnion(source.collectChanges())
                nextScan = clock.now + interval
            }

            let now = clock.now
            if !changes.isEmpty {
                pending.formUnion(changes)
                lastChange = now
                if burstStart == nil { burstStart = now }
            }
            if let start = burstStart, now >= min(lastChange + debounce, start + cap) {
                delivery.deliver(pending)
                pending = []
                burstStart = nil
            }
        }
    }

    /// Milliseconds from now until `deadline`, rounded up, at least 0: the timeout for `poll`.
    static func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int32 {
        let remaining = clock.now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
