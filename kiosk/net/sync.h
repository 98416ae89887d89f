/* The sync engine: delivers the outbox to the backend and keeps the reference-data cache fresh, on
 * its own thread with its own store connection and HTTP client, so the UI never waits on the network.
 *
 * Delivery is in creation order per kind, exactly once: every attempt of a submission carries the
 * idempotency key it got when it was stored, so a record that was in flight when the power went is
 * sent again with the same key and the backend answers the first response again. Network errors,
 * timeouts, 5xx, 408, 429 and 401 retry with exponential backoff and jitter (capped); any other 4xx
 * stops that record for staff (a booking answered slot_full becomes "needs rebooking") and the
 * records behind it go on. Reference data is fetched with conditional GETs on a schedule; a heartbeat
 * reports health; delivered personal data is purged after the retention period. */
#ifndef KIOSK_NET_SYNC_H
#define KIOSK_NET_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "net/http.h"

struct sync_options {
	const char *data_dir;
	struct http_options http;
	int reference_refresh_s; /* between reference refreshes */
	int heartbeat_s; /* between heartbeats */
	int retry_base_ms; /* first backoff (doubles per attempt); 0: 2000 */
	int retry_max_s; /* backoff cap */
	int64_t retention_s; /* personal data kept after delivery */
	const char *app_version;
	int64_t process_started_at; /* wall clock when the kiosk started, for the heartbeat's uptime; 0: the thread's */
	int settings_version; /* the remote settings document applied last (reported in the heartbeat) */
	/* Called on the sync thread when a newer settings document waits in the mailbox (sync_take_settings);
	 * the app wakes its loop from it. May be NULL. */
	void (*settings_ready)(void *ctx);
	void *settings_ctx;
};

struct sync;

/* What the engine last saw, for staff and the heartbeat. */
struct sync_status {
	bool backend_reachable;
	int64_t last_success_at, last_error_at; /* Unix seconds, 0: never */
	char last_error[256];
	struct outbox_counts outbox;
};

/* Starts the sync thread; NULL with a reason in err. Options are copied. */
struct sync *sync_start(const struct sync_options *opts, char *err, size_t errlen);
/* Asks the thread to look at the outbox now (a submission was just stored). */
void sync_wake(struct sync *s);
/* Staff's "sync now": one pass at once that refreshes reference data, sends a heartbeat and tries
 * every pending submission whatever its backoff (as `kiosk --sync-now` does). NULL is a no-op. */
void sync_now(struct sync *s);
/* Stops the thread (finishing the request in flight) and frees everything. NULL is a no-op. */
void sync_stop(struct sync *s);
/* A copy of the current status. */
void sync_get_status(struct sync *s, struct sync_status *out);
/* Fleet settings: the heartbeat's answer may carry a settings document newer than the version the
 * kiosk reported; the thread keeps the newest in a mailbox. sync_take_settings hands it over (a
 * malloc'd JSON object {"version": N, "values": {…}}; free() it) and empties the mailbox; false when
 * empty. Only the UI thread applies it. NULL-safe. */
bool sync_take_settings(struct sync *s, char **json);
/* Records the settings version applied (reported from the next heartbeat, which is sent soon). */
void sync_set_settings_version(struct sync *s, int version);

/* One pass without a thread, for `kiosk --sync-now`: refreshes reference data, then delivers every
 * pending submission, ignoring backoff but giving up after max_failures failed attempts in a row.
 * Fills *after with the outbox counts at the end; false with a reason in err when the store or the
 * client cannot be opened. */
bool sync_run_once(const struct sync_options *opts, int max_failures, struct outbox_counts *after, char *err,
		   size_t errlen);

#endif
