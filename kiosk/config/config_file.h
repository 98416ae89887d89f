/* Changing keys in a configuration file in place, for provisioning (`kiosk --provision`): every other
 * line (comments, blank lines, other keys, their order) is kept byte for byte, so an operator's notes
 * and the help comments of the generated default file survive. For each edit, in its [section]:
 *   - every active "name = …" line is replaced by "name = value";
 *   - else a commented default "; name = …" (as in the packaged kiosk.ini) becomes "name = value";
 *   - else "name = value" is added after the section's last key or comment;
 *   - a missing section is added at the end.
 * The result is read back through config_load (the options table's validation and config_check)
 * before it replaces the file, and each edited key must read back exactly as given (a value the INI
 * syntax would change, such as one with leading spaces or " ;", is refused). The replacement is atomic
 * (a temporary file beside it, flushed, renamed, the directory flushed) and keeps the file's owner,
 * group and mode; a missing file is created with mode 0600. */
#ifndef KIOSK_CONFIG_CONFIG_FILE_H
#define KIOSK_CONFIG_CONFIG_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"

struct config_file_edit {
	const char *section, *name, *value; /* borrowed */
};

/* Applies n edits to the file at path as above. On success fills *result (may be NULL) with the
 * configuration as now written. False with a reason in err when the file cannot be read or written
 * or the result does not validate; then the file is unchanged. */
bool config_file_update(const char *path, const struct config_file_edit *edits, int n, struct config *result,
			char *err, size_t errlen);
/* The text of a configuration file, data[0..len), with the n edits applied as config_file_update
 * writes it, touching no file (tests and the fuzzer use it): malloc'd and NUL-terminated in *out, its
 * length in *out_len (it may hold the secret: wipe, then free it). False when out of memory, n is out
 * of range (0 … 16) or the result would pass twice CONFIG_FILE_MAX. */
bool config_file_edit_text(const char *data, size_t len, const struct config_file_edit *edits, int n, char **out,
			   size_t *out_len);

#endif
