/* The kiosk's local store: one SQLite database (DATA_DIR/kiosk.db, WAL) holding the reference-data
 * cache the UI reads and the outbox of submissions waiting for the backend.
 *
 * Threads: a struct store is one connection; the UI thread and the sync thread each open their own
 * on the same directory. Every function returns false (or NULL) with a reason in err and logs the
 * cause; none of them crashes on a full disk, a read-only directory or a damaged file.
 *
 * Durability: store_submit commits with synchronous=FULL before it returns true, so what the UI
 * acknowledged survives a power cut. Personal data: a submission's payload (names, ID numbers,
 * phones) is stored encrypted (libsodium XChaCha20-Poly1305) under DATA_DIR/kiosk.key (mode 0600,
 * created on first run); the plaintext columns hold only what staff need (kind, key, state, times,
 * references, error code). After delivery plus the retention period, store_purge erases the payload.
 *
 * Bounds: what comes from outside is capped by the STORE_*_MAX sizes below; a bigger value is
 * refused with an error (a delivered answer that is too big is dropped, the delivery still counts). */
#ifndef KIOSK_DATA_STORE_H
#define KIOSK_DATA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

#define STORE_PAYLOAD_MAX (256 * 1024) /* bytes of one submission's JSON body */
#define STORE_RESPONSE_MAX (256 * 1024) /* bytes of a backend answer kept with a submission */
#define STORE_REF_JSON_MAX (4 * 1024 * 1024) /* bytes of one kind of reference data */
#define STORE_REF_ETAG_MAX 256
#define STORE_NAME_MAX 64 /* reference kinds and meta keys: printable ASCII, no spaces */
#define STORE_META_VALUE_MAX 1024

/* Why the store cannot take submissions (it may still serve the reference cache). */
enum store_health {
	STORE_HEALTHY,
	STORE_READ_ONLY, /* directory or file not writable */
	STORE_DISK_FULL,
	STORE_CORRUPT, /* quick_check failed at start: the file was quarantined, a fresh one made (which
			* takes submissions; the state is reported until the next start) */
	STORE_NEWER_SCHEMA, /* made by a newer kiosk version: refused, never modified */
	STORE_KEY_PROBLEM, /* key file missing (with encrypted data present), unreadable or wrong */
};

struct store_options {
	bool create; /* create the database and key file when missing (the UI connection); the sync
		      * thread opens an existing store */
	bool read_only; /* open without ever writing (diagnostics, tests): health is STORE_READ_ONLY */
};

/* Opens DATA_DIR/kiosk.db: creates or migrates the schema (PRAGMA user_version), runs
 * PRAGMA quick_check (a damaged file is renamed kiosk.db.corrupt-TIMESTAMP, never deleted) and
 * loads or creates the key. Returns NULL only when nothing at all can be opened; otherwise check
 * store_health: a store that cannot take submissions still answers reads where it can. */
struct store *store_open(const char *data_dir, const struct store_options *opts, char *err, size_t errlen);
/* Closes the connection and wipes the key it held; NULL is a no-op. */
void store_close(struct store *s);
/* The store's state; why holds a sentence for the log and the staff screen. */
enum store_health store_health(const struct store *s, char *why, size_t why_len);

/* ---- reference data (services, offices, programmes, projects, texts, slots:...) ---- */

/* Replaces one kind of reference data atomically (one transaction: a reader sees the old or the
 * new, never half). json is the backend's body as received (validated by the caller). */
bool store_ref_put(struct store *s, const char *kind, const char *etag, const char *json, size_t len,
		   int64_t fetched_at, char *err, size_t errlen);
/* Reads one kind: *json is malloc'd and NUL-terminated (free() it); false when absent. etag gets
 * the stored ETag ("" for none) and may be NULL. */
bool store_ref_get(struct store *s, const char *kind, char **json, size_t *len, char *etag, size_t etag_len,
		   int64_t *fetched_at);

/* When one kind of reference data was stored (fetched_at), without reading it: a cheap freshness
 * check for a reader that keeps a parsed copy. False when absent. */
bool store_ref_stamp(struct store *s, const char *kind, int64_t *fetched_at);

/* ---- the outbox ---- */

enum submission_kind {
	SUB_BOOKING,
	SUB_CANCELLATION,
	SUB_PLEDGE,
	SUB_PLEDGE_WITHDRAWAL,
	SUB_HELP_REQUEST,
	SUB_HELP_CANCEL, /* the visitor called off a help request */
	SUB_KIND_COUNT
};

enum submission_state {
	SUB_PENDING, /* waiting (or backing off) for delivery */
	SUB_DELIVERED, /* the backend answered 2xx; response holds its body */
	SUB_REJECTED, /* a permanent 4xx: stopped, for staff to look at */
	SUB_NEEDS_REBOOKING, /* a booking answered slot_full */
	SUB_STATE_COUNT
};

struct submission {
	int64_t id;
	enum submission_kind kind;
	enum submission_state state;
	char key[37]; /* idempotency key: a UUID v4 made at creation */
	int attempts;
	int64_t created_at, next_attempt_at, delivered_at; /* Unix seconds */
	char *payload; /* decrypted JSON body to send (NULL once purged); wiped by submission_finish */
	size_t payload_len;
	char *response; /* the backend's answer once delivered or rejected (NULL otherwise) */
	char error_code[64], error_message[256]; /* last failure */
};

/* Path of the backend endpoint for a kind ("/v1/bookings", "/v1/pledges", …). */
const char *submission_endpoint(enum submission_kind kind);
const char *submission_kind_name(enum submission_kind kind);
const char *submission_state_name(enum submission_state state);

/* Stores a new submission durably (synchronous=FULL) with a fresh idempotency key, encrypting the
 * payload. Only after this returns true may the UI say "received". key_out gets the key. */
bool store_submit(struct store *s, enum submission_kind kind, const char *payload_json, int64_t now,
		  char key_out[37], int64_t *id_out, char *err, size_t errlen);
/* The same with a key the caller made beforehand with secure_uuid4 (a payload that names its own key,
 * such as a pledge's kiosk reference "JC-" + its first 8 digits); false for a malformed key. */
bool store_submit_keyed(struct store *s, enum submission_kind kind, const char *payload_json, int64_t now,
			const char *key, int64_t *id_out, char *err, size_t errlen);
/* The next submission to send at time now: for each lane the oldest pending one (creation order per
 * lane; the lanes are bookings with their cancellations, pledges with their withdrawals, help
 * requests with their cancellations); among lanes, the one whose head is due earliest. A lane whose head is backing off
 * waits, so a withdrawal never reaches the backend before its pledge. False when nothing is due. */
bool store_next_due(struct store *s, int64_t now, struct submission *out);
/* When store_next_due will next have something: the earliest next_attempt_at among the heads of the
 * kinds (the oldest pending submission of each), or 0 when none is pending. */
int64_t store_next_attempt_at(struct store *s);
/* Records the outcome of a delivery attempt (each counts one attempt). Only a pending submission
 * can change state; false for any other. mark_stopped takes SUB_REJECTED or SUB_NEEDS_REBOOKING. */
bool store_mark_delivered(struct store *s, int64_t id, const char *response_json, int64_t now);
bool store_mark_retry(struct store *s, int64_t id, int64_t next_attempt_at, const char *error_code,
		      const char *error_message);
bool store_mark_stopped(struct store *s, int64_t id, enum submission_state state, const char *response_json,
			const char *error_code, const char *error_message);
/* A submission by id or by key (payload decrypted); false when unknown or when its payload cannot be
 * decrypted. These and store_next_due overwrite *out: submission_finish what it held before. */
bool store_get(struct store *s, int64_t id, struct submission *out);
bool store_find_key(struct store *s, const char *key, struct submission *out);
/* The booking whose key starts with prefix (8 hex digits, either case: the kiosk's receipt number
 * "JH-" and 8 characters, without the "JH-"); false when none or prefix is malformed. */
bool store_find_booking_prefix(struct store *s, const char *prefix, struct submission *out);
/* Calls visit for every submission of a kind that still holds its payload (decrypted; borrowed for the
 * call), oldest first, until visit returns false. Returns how many were visited, -1 on error. */
int store_each(struct store *s, enum submission_kind kind, bool (*visit)(void *ctx, const struct submission *sub),
	       void *ctx);
/* Frees and wipes what a submission holds. */
void submission_finish(struct submission *sub);

struct outbox_counts {
	int by_state[SUB_STATE_COUNT];
	int64_t oldest_pending_created; /* 0 when none pending */
};

bool store_outbox_counts(struct store *s, struct outbox_counts *out);
/* Erases the payload (personal data) of submissions delivered or stopped more than retention_s
 * before now; returns how many were purged, -1 on error. A stop is dated by the first purge after
 * it (mark_stopped has no clock), so a stopped payload is never erased early. */
int store_purge(struct store *s, int64_t now, int64_t retention_s);

/* Key/value facts the sync engine keeps (last success, last error): small text values. */
bool store_meta_put(struct store *s, const char *key, const char *value);
bool store_meta_get(struct store *s, const char *key, char *value, size_t len);

/* For tests only: limits the database to max_pages pages (PRAGMA max_page_count; SQLite keeps at
 * least the current size) so that the next growth fails like a full disk. */
bool store_set_max_pages(struct store *s, int max_pages);

/* ---- staff actions on stopped submissions (staff mode) ---- */

/* Sends a stopped (rejected or needs_rebooking) submission again: it becomes pending, due at now,
 * with the same idempotency key and payload. False when it is not stopped or its payload was purged. */
bool store_retry(struct store *s, int64_t id, int64_t now);
/* Deletes a stopped submission for good (staff decided, with a reason they recorded in the audit
 * log); its payload is erased with it (secure_delete). False when it is not stopped. */
bool store_discard(struct store *s, int64_t id);

#endif
