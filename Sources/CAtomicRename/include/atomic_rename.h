#ifndef TALLY_ATOMIC_RENAME_H
#define TALLY_ATOMIC_RENAME_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL on file systems without support).
int tally_exchange_paths(const char *a, const char *b);

#endif
