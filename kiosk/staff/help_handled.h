/* Which help requests (the assisted mode's "call staff", SUB_HELP_REQUEST submissions in the outbox)
 * staff have marked handled: their idempotency keys, one a line, in DATA/help_handled, replaced
 * atomically on each change. Bounded: the oldest marks are forgotten past HELP_HANDLED_MAX (their
 * requests are long purged from the outbox by then). UI thread only. */
#ifndef KIOSK_STAFF_HELP_HANDLED_H
#define KIOSK_STAFF_HELP_HANDLED_H

#include <stdbool.h>

#define HELP_HANDLED_MAX 256

struct help_handled {
	int count;
	char keys[HELP_HANDLED_MAX][37];
};

/* Reads DATA_DIR/help_handled (none when absent or data_dir is NULL). */
void help_handled_load(struct help_handled *h, const char *data_dir);
/* True when the request with that idempotency key was marked handled. */
bool help_handled_has(const struct help_handled *h, const char *key);
/* Marks a request handled and writes the file; false (logged) when it cannot be written. */
bool help_handled_mark(struct help_handled *h, const char *data_dir, const char *key);

#endif
