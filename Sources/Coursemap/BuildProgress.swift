import CoursemapModel
import Foundation
import Synchronization

/// Counts what a build has done so far — files loaded, pages rendered — for the progress line a
/// terminal shows during long builds. The stages bump the counters from their worker threads; a
/// `ProgressLine` reads them.
public final class BuildProgress: Sendable {
    private let loaded = Atomic<Int>(0)
    private let rendered = Atomic<Int>(0)
    private let stageName = Locked("load")

    public init() {}

    public var filesLoaded: Int { loaded.load(ordering: .relaxed) }
    public var pagesRendered: Int { rendered.load(ordering: .relaxed) }
    public var stage: String { stageName.withLock { $0 } }

    func fileLoaded() { loaded.add(1, ordering: .relaxed) }
    func pageRendered() { rendered.add(1, ordering: .relaxed) }
    func enter(_ stage: String) { stageName.withLock { $0 = stage } }
}
