import ArgumentParser
import CAllocator
import Foundation

/// Tunes the memory allocator for the command about to run (`CAllocator`) and, when `COURSEMAP_TIMING`
/// is set, says on standard error what the allocator ended up with.
enum AllocatorSetup {
    static func configure(for command: ParsableCommand) {
        // `serve` stays up and should give memory back; every other command ends when its work does.
        let profile = command is Serve ? coursemap_allocator_long_running : coursemap_allocator_batch
        let state = coursemap_allocator_configure(profile)
        guard ProcessInfo.processInfo.environment["COURSEMAP_TIMING"] != nil else { return }
        Console.error("coursemap: allocator \(describe(state))\n")
    }

    /// One line about `state`, e.g. "mimalloc (huge pages on, freed memory kept)".
    static func describe(_ state: coursemap_allocator_state) -> String {
        guard state.mimalloc else { return "system malloc" }
        let pages = state.huge_pages ? "on" : "off"
        let freed = state.keeps_freed_memory ? "kept" : "returned to the system"
        return "mimalloc (huge pages \(pages), freed memory \(freed))"
    }
}
