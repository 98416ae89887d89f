/* Staff PIN and staff-entry lockout.
 *
 * The PIN is kept only as an Argon2id hash (libsodium crypto_pwhash_str, OPSLIMIT_INTERACTIVE and
 * MEMLIMIT_INTERACTIVE: about 55 ms and 64 MiB per check on a two-core kiosk, done on the UI thread)
 * in DATA/staff.pin (mode 0600). There is no default PIN: without that file, [staff] pin_hash from a
 * provisioning file is used; without either, staff mode is refused until one is provisioned
 * (`kiosk --data DIR --set-staff-pin`).
 *
 * Five wrong PINs in a row lock staff entry for 5 minutes; each later lockout doubles (10, 20, …,
 * capped at 24 hours) until a right PIN resets it. The count, the lock's end (wall clock) and the
 * level live in DATA/staff.state, replaced atomically on every change, so a restart keeps a lock.
 * Every attempt, lockout, provisioning and change is written to the audit log; the PIN never is. */
#ifndef KIOSK_STAFF_STAFF_AUTH_H
#define KIOSK_STAFF_STAFF_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STAFF_PIN_MIN 6
#define STAFF_PIN_MAX 12
#define STAFF_MAX_FAILURES 5
#define STAFF_LOCK_FIRST_S (5 * 60)
#define STAFF_LOCK_CAP_S (24 * 3600)

enum staff_pin_result {
	STAFF_PIN_OK,
	STAFF_PIN_WRONG, /* counted; the entry may now be locked (staff_auth_locked) */
	STAFF_PIN_LOCKED, /* refused without checking: entry is locked */
	STAFF_PIN_UNPROVISIONED, /* no PIN hash anywhere */
	STAFF_PIN_ERROR, /* the hash or the state could not be read or written (logged) */
};

struct staff_auth {
	char data_dir[1024]; /* "" without a data directory: nothing can be provisioned */
	char config_hash[128]; /* [staff] pin_hash, "" when none */
	int failures; /* wrong PINs since the last success or lock */
	int64_t locked_until; /* wall-clock Unix seconds, 0: not locked */
	int level; /* lockouts so far without a success in between */
	bool warned; /* a malformed hash was logged once */
};

/* Reads DATA/staff.state (absent: a fresh state). data_dir may be NULL; config_hash is [staff] pin_hash. */
void staff_auth_init(struct staff_auth *a, const char *data_dir, const char *config_hash);
/* True when a PIN hash exists (DATA/staff.pin, else a well-formed [staff] pin_hash). */
bool staff_auth_provisioned(struct staff_auth *a);
/* True while entry is locked at wall time now; *until gets the end. */
bool staff_auth_locked(struct staff_auth *a, int64_t now, int64_t *until);
/* Wrong PINs left before the next lockout. */
int staff_auth_attempts_left(const struct staff_auth *a);
/* Checks a PIN at wall time now: counts failures, locks, persists the state and audits the attempt. */
enum staff_pin_result staff_auth_check(struct staff_auth *a, const char *pin, int64_t now);
/* Changes the PIN: the current one is checked like an entry attempt (and counted), then the new one
 * (already confirmed by the caller, of valid format) replaces it. Audited. */
enum staff_pin_result staff_auth_change(struct staff_auth *a, const char *current, const char *next, int64_t now);

/* True for 6 to 12 ASCII digits. */
bool staff_pin_format_ok(const char *pin);
/* Hashes pin into out (crypto_pwhash_STRBYTES = 128 bytes); false when libsodium fails. */
bool staff_pin_hash(const char *pin, char *out, size_t len);
/* Writes the hash of pin to DATA_DIR/staff.pin (mode 0600, atomically); false with a reason in err. */
bool staff_pin_store(const char *data_dir, const char *pin, char *err, size_t errlen);

#endif
