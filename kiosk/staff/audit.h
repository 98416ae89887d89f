/* The staff audit log: DATA/audit.log, append-only JSON lines, one per event,
 * {"at": "2026-11-28T21:58:10+08:00", "action": "pin_attempt", "outcome": "wrong", "detail": "…"},
 * each flushed to disk before audit_write returns. Bounded: past AUDIT_MAX_BYTES the file becomes
 * audit.log.1 (replacing the older one) and a new one starts, so at most twice the bound is kept.
 *
 * What is recorded: staff entry attempts and lockouts, PIN changes and provisioning, staff mode's
 * end, setting changes (local and remote), outbox actions, exports and exit to the desktop. Never a
 * PIN and never personal data: callers pass masked values only, and as a second line of defence any
 * run of six or more digits in a detail (a PIN, a phone or an ID number that slipped through) is
 * written as asterisks. Called from the UI thread and the command line only. */
#ifndef KIOSK_STAFF_AUDIT_H
#define KIOSK_STAFF_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#define AUDIT_MAX_BYTES (512 * 1024)
#define AUDIT_DETAIL_MAX 400 /* bytes of detail kept; longer details are cut at a character */

/* Appends one event to DATA_DIR/audit.log; detail may be NULL. False (logged) when it cannot be
 * written: the action itself is not undone, staff see the log error on the health screen. */
bool audit_write(const char *data_dir, const char *action, const char *outcome, const char *detail);
/* Copies in to out with every run of six or more ASCII digits replaced by asterisks. */
void audit_scrub(const char *in, char *out, size_t len);
/* "2026-11-28T21:58:10+08:00" for Unix time t (China Standard Time, as in the backend contract). */
void audit_format_time(long long t, char *out, size_t len);

#endif
