#ifndef COURSEMAP_CSPAWN_H
#define COURSEMAP_CSPAWN_H
#include <spawn.h>

/// Adds "change to `path`" to a spawn's file actions (glibc's posix_spawn_file_actions_addchdir_np, which
/// Swift's Glibc module does not show). Returns 0, or an error number (ENOSYS where it is not offered).
int coursemap_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
