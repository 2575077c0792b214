#ifndef COURSEMAP_CALLOCATOR_H
#define COURSEMAP_CALLOCATOR_H

#include <stdbool.h>

/// How the process will use memory, so the allocator can be told what pays off.
typedef enum {
    /// A run that ends when its work is done (`build`, `check`, ...): memory freed mid-run is kept for
    /// reuse instead of being handed back to the operating system, and the heap uses 2 MiB pages.
    coursemap_allocator_batch = 0,
    /// A process that stays up (`serve`): 2 MiB pages, but freed memory still goes back to the system.
    coursemap_allocator_long_running = 1,
} coursemap_allocator_profile;

/// The allocator's settings after `coursemap_allocator_configure`, read back from the allocator itself.
typedef struct {
    /// The process allocates through mimalloc (release builds on Linux link it).
    bool mimalloc;
    /// The heap asks for transparent huge pages (2 MiB).
    bool huge_pages;
    /// Freed memory stays with the process instead of going back to the system.
    bool keeps_freed_memory;
} coursemap_allocator_state;

/// Tunes mimalloc for `profile` when the process allocates through it; otherwise does nothing. A setting
/// the user chose in the environment (`MIMALLOC_LARGE_OS_PAGES`, `MIMALLOC_ALLOW_DECOMMIT` or
/// `MIMALLOC_PURGE_DELAY`, whichever the linked mimalloc reads) is left as chosen.
coursemap_allocator_state coursemap_allocator_configure(coursemap_allocator_profile profile);

#endif
