/* The automation driver: runs a scenario file against the real app with a virtual clock.
 * Commands (one a line, # comments): tap TARGET, type TEXT, key NAME, wait MS, expect TARGET,
 * expect-not TARGET, expect-screen NAME, shot NAME, dump NAME, memory NAME, goto SCREEN (developer screens).
 * TARGET is #id, "exact visible text" or @X,Y.
 * See docs/automation.md. */
#ifndef KIOSK_AUTOMATION_SCRIPT_H
#define KIOSK_AUTOMATION_SCRIPT_H

#include <stddef.h>

struct app;

/* Runs the script; returns 0 when every line passed, 1 otherwise (with FILE:LINE: reason on stderr
 * and failure.png in out_dir), 2 when the script cannot be read. */
int script_run(struct app *app, const char *path, const char *out_dir);
/* The same for a script's text, text[0..len) (at most 16 MiB from a file), named path in messages and
 * for the files it names; for tests and the fuzzer. A NUL byte in a line is an error. */
int script_run_text(struct app *app, const char *path, const char *text, size_t len, const char *out_dir);

#endif
