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

#endif
