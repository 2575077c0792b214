/// Where a `FileWatcher` gets its changes from: inotify on Linux, a periodic scan elsewhere. A source is
/// polled only by the watcher's reading thread.
protocol ChangeSource: Sendable {
    /// A descriptor that becomes readable when there are changes to collect, if the source has one.
    var descriptor: Int32? { get }
    /// How often to call `collectChanges()` regardless of the descriptor, if the source needs that.
    var scanInterval: Duration? { get }
    /// The absolute paths changed since the last call.
    func collectChanges() -> Set<String>
    /// Releases the source's resources. Called once, after the reading thread has finished.
    func close()
}
