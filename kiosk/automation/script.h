/* The automation driver: runs a scenario file against the real app with a virtual clock.
 * Commands (one a line, # comments): tap TARGET, type TEXT, key NAME, wait MS, expect TARGET,
 * expect-not TARGET, expect-screen NAME, shot NAME, dump NAME, goto SCREEN (developer screens). TARGET is #id, "exact visible text" or @X,Y.
 * See docs/automation.md. */
#ifndef KIOSK_AUTOMATION_SCRIPT_H
#define KIOSK_AUTOMATION_SCRIPT_H

struct app;

/* Runs the script; returns 0 when every line passed, 1 otherwise (with FILE:LINE: reason on stderr
 * and failure.png in out_dir), 2 when the script cannot be read. */
int script_run(struct app *app, const char *path, const char *out_dir);

#endif
