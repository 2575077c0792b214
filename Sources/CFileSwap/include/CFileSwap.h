#ifndef COURSEMAP_CFILESWAP_H
#define COURSEMAP_CFILESWAP_H

/// Atomically exchanges two directory entries (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS / EINVAL where unsupported).
int coursemap_exchange_paths(const char *first, const char *second);

#endif
