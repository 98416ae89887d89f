/* Small files replaced whole and atomically: written to a temporary file beside the target, flushed
 * to disk, renamed over it, and the directory flushed, so a power cut leaves the old or the new file,
 * never half of one. For state the kiosk keeps outside SQLite (staff PIN hash, lockout, settings). */
#ifndef KIOSK_CORE_ATOMIC_FILE_H
#define KIOSK_CORE_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Replaces path with len bytes of data, created with mode (e.g. 0600); false with a reason in err. */
bool atomic_file_write(const char *path, const void *data, size_t len, mode_t mode, char *err, size_t errlen);
/* Reads a whole small file (at most max bytes) into a NUL-terminated malloc'd buffer (free() it);
 * NULL when absent, unreadable or larger than max (errno says which: ENOENT, EFBIG, …). */
char *atomic_file_read(const char *path, size_t max, size_t *len);
/* Flushes a directory's entries to disk (after a rename or a new file in it). */
void atomic_file_sync_dir(const char *dir);
/* Flushes the entries of the directory path is in (after renaming a file to path). */
void atomic_file_sync_parent(const char *path);

#endif
