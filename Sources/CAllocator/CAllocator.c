#include "CAllocator.h"
#include <stddef.h>
#include <stdlib.h>

// mimalloc is linked only into release builds (Package.swift), so it is referenced weakly: in a build
// without it the functions are null and the configuration does nothing.
#if defined(__has_include)
#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#define COURSEMAP_HAS_MIMALLOC_HEADER 1
#endif
#endif

#if defined(COURSEMAP_HAS_MIMALLOC_HEADER) && defined(__ELF__)
#pragma weak mi_option_set
#pragma weak mi_option_get

// mimalloc 2.1 renamed decommitting to purging: a negative delay there means never purge.
#if MI_MALLOC_VERSION >= 210
#define KEEP_OPTION mi_option_purge_delay
#define KEEP_VARIABLE "MIMALLOC_PURGE_DELAY"
#define KEEP_VALUE (-1L)
#define KEEPS(value) ((value) < 0)
#else
#define KEEP_OPTION mi_option_allow_decommit
#define KEEP_VARIABLE "MIMALLOC_ALLOW_DECOMMIT"
#define KEEP_VALUE 0L
#define KEEPS(value) ((value) == 0)
#endif

/// Sets `option` unless the user chose it in the environment (mimalloc reads `MIMALLOC_<NAME>` at start).
static void set_unless_chosen(mi_option_t option, const char *variable, long value) {
    if (getenv(variable) == NULL) mi_option_set(option, value);
}

coursemap_allocator_state coursemap_allocator_configure(coursemap_allocator_profile profile) {
    coursemap_allocator_state state = {false, false, false};
    if (mi_option_set == NULL || mi_option_get == NULL) return state;
    // Back the heap with transparent huge pages (madvise): one page fault per 2 MiB instead of one per
    // 4 KiB. A 100,000-module build otherwise takes over half a million page faults.
    set_unless_chosen(mi_option_large_os_pages, "MIMALLOC_LARGE_OS_PAGES", 1);
    // Keep freed memory committed in a batch run: a build frees and reallocates similar amounts stage
    // after stage, and memory handed back to the system has to be faulted in (and zeroed) again.
    if (profile == coursemap_allocator_batch) set_unless_chosen(KEEP_OPTION, KEEP_VARIABLE, KEEP_VALUE);
    state.mimalloc = true;
    state.huge_pages = mi_option_get(mi_option_large_os_pages) != 0;
    state.keeps_freed_memory = KEEPS(mi_option_get(KEEP_OPTION));
    return state;
}
#else
coursemap_allocator_state coursemap_allocator_configure(coursemap_allocator_profile profile) {
    (void)profile;
    coursemap_allocator_state state = {false, false, false};
    return state;
}
#endif
