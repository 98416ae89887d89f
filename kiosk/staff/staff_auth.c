/* Staff PIN and lockout; see staff_auth.h. Depends on libsodium, core/atomic_file.h, staff/audit.h. */
#include "staff/staff_auth.h"

#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/atomic_file.h"
#include "core/log.h"
#include "staff/audit.h"

#define HASH_PREFIX "$argon2id$"

static const char *dir_or_null(const struct staff_auth *a)
{
	return a->data_dir[0] ? a->data_dir : NULL;
}

static void state_path(const struct staff_auth *a, char *out, size_t len)
{
	snprintf(out, len, "%s/staff.state", a->data_dir);
}

static bool save_state(const struct staff_auth *a)
{
	char path[1100], text[160], err[256];
	if (!a->data_dir[0])
		return false;
	state_path(a, path, sizeof(path));
	int n = snprintf(text, sizeof(text), "failures %d\nlocked_until %" PRId64 "\nlevel %d\n", a->failures,
			 a->locked_until, a->level);
	if (!atomic_file_write(path, text, (size_t)n, 0600, err, sizeof(err))) {
		kiosk_log(LOG_ERROR, "staff: cannot keep the lockout state: %s", err);
		return false;
	}
	return true;
}

void staff_auth_init(struct staff_auth *a, const char *data_dir, const char *config_hash)
{
	memset(a, 0, sizeof(*a));
	snprintf(a->data_dir, sizeof(a->data_dir), "%s", data_dir ? data_dir : "");
	snprintf(a->config_hash, sizeof(a->config_hash), "%s", config_hash ? config_hash : "");
	if (!a->data_dir[0])
		return;
	char path[1100];
	state_path(a, path, sizeof(path));
	char *text = atomic_file_read(path, 4096, NULL);
	if (!text) {
		if (errno != ENOENT)
			kiosk_log_errno(LOG_ERROR, "staff: cannot read %s; starting with no failures", path);
		return;
	}
	int failures = 0, level = 0;
	long long until = 0;
	if (sscanf(text, "failures %d\nlocked_until %lld\nlevel %d", &failures, &until, &level) == 3 && failures >= 0 &&
	    failures <= STAFF_MAX_FAILURES && until >= 0 && level >= 0 && level <= 64) {
		a->failures = failures;
		a->locked_until = until;
		a->level = level;
	} else {
		kiosk_log(LOG_ERROR, "staff: %s is malformed; starting with no failures", path);
	}
	free(text);
}

/* The PIN hash in force into out; false when there is none. A malformed one is logged once. */
static bool current_hash(struct staff_auth *a, char *out, size_t len)
{
	if (a->data_dir[0]) {
		char path[1100];
		snprintf(path, sizeof(path), "%s/staff.pin", a->data_dir);
		char *text = atomic_file_read(path, 1024, NULL);
		if (text) {
			text[strcspn(text, "\r\n")] = '\0';
			bool ok = strncmp(text, HASH_PREFIX, strlen(HASH_PREFIX)) == 0 && strlen(text) < len;
			if (ok)
				snprintf(out, len, "%s", text);
			else if (!a->warned)
				kiosk_log(LOG_ERROR, "staff: %s does not hold an Argon2id hash", path);
			a->warned = a->warned || !ok;
			free(text);
			return ok;
		}
	}
	if (strncmp(a->config_hash, HASH_PREFIX, strlen(HASH_PREFIX)) == 0 && strlen(a->config_hash) < len) {
		snprintf(out, len, "%s", a->config_hash);
		return true;
	}
	if (a->config_hash[0] && !a->warned)
		kiosk_log(LOG_ERROR, "staff: [staff] pin_hash is not an Argon2id hash (kiosk --hash-staff-pin makes one)");
	a->warned = a->warned || a->config_hash[0];
	return false;
}

bool staff_auth_provisioned(struct staff_auth *a)
{
	char hash[crypto_pwhash_STRBYTES];
	return current_hash(a, hash, sizeof(hash));
}

bool staff_auth_locked(struct staff_auth *a, int64_t now, int64_t *until)
{
	if (a->locked_until && now >= a->locked_until) { /* the lock ran out: a fresh count, same level */
		a->locked_until = 0;
		a->failures = 0;
		save_state(a);
	}
	if (until)
		*until = a->locked_until;
	return a->locked_until != 0;
}

int staff_auth_attempts_left(const struct staff_auth *a)
{
	return STAFF_MAX_FAILURES - a->failures;
}

bool staff_pin_format_ok(const char *pin)
{
	size_t n = pin ? strlen(pin) : 0;
	if (n < STAFF_PIN_MIN || n > STAFF_PIN_MAX)
		return false;
	return strspn(pin, "0123456789") == n;
}

bool staff_pin_hash(const char *pin, char *out, size_t len)
{
	if (len < crypto_pwhash_STRBYTES || sodium_init() < 0)
		return false;
	return crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool staff_pin_store(const char *data_dir, const char *pin, char *err, size_t errlen)
{
	char hash[crypto_pwhash_STRBYTES], path[1100];
	if (!staff_pin_format_ok(pin)) {
		snprintf(err, errlen, "the PIN must be %d to %d digits", STAFF_PIN_MIN, STAFF_PIN_MAX);
		return false;
	}
	if (!staff_pin_hash(pin, hash, sizeof(hash))) {
		snprintf(err, errlen, "the PIN cannot be hashed (out of memory?)");
		return false;
	}
	snprintf(path, sizeof(path), "%s/staff.pin", data_dir);
	size_t n = strlen(hash);
	hash[n] = '\n';
	bool ok = atomic_file_write(path, hash, n + 1, 0600, err, errlen);
	sodium_memzero(hash, sizeof(hash));
	return ok;
}

static int64_t lock_seconds(int level)
{
	int64_t s = STAFF_LOCK_FIRST_S;
	for (int i = 1; i < level && s < STAFF_LOCK_CAP_S; i++)
		s *= 2;
	return s < STAFF_LOCK_CAP_S ? s : STAFF_LOCK_CAP_S;
}

/* Checks pin against the hash in force; counts, locks and audits as action. */
static enum staff_pin_result check(struct staff_auth *a, const char *pin, int64_t now, const char *action)
{
	char hash[crypto_pwhash_STRBYTES], detail[96];
	if (staff_auth_locked(a, now, NULL)) {
		audit_write(dir_or_null(a), action, "refused_locked", NULL);
		return STAFF_PIN_LOCKED;
	}
	if (!current_hash(a, hash, sizeof(hash))) {
		audit_write(dir_or_null(a), action, "refused_unprovisioned", NULL);
		return STAFF_PIN_UNPROVISIONED;
	}
	if (sodium_init() < 0)
		return STAFF_PIN_ERROR;
	bool right = staff_pin_format_ok(pin) && crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
	if (right) {
		a->failures = 0;
		a->level = 0;
		a->locked_until = 0;
		save_state(a);
		audit_write(dir_or_null(a), action, "ok", NULL);
		return STAFF_PIN_OK;
	}
	a->failures++;
	if (a->failures >= STAFF_MAX_FAILURES) {
		a->level++;
		int64_t s = lock_seconds(a->level);
		a->locked_until = now + s;
		a->failures = STAFF_MAX_FAILURES;
		save_state(a);
		snprintf(detail, sizeof(detail), "attempt %d of %d", STAFF_MAX_FAILURES, STAFF_MAX_FAILURES);
		audit_write(dir_or_null(a), action, "wrong", detail);
		snprintf(detail, sizeof(detail), "%d wrong PINs: staff entry locked for %lld minutes (lockout %d)",
			 STAFF_MAX_FAILURES, (long long)(s / 60), a->level);
		audit_write(dir_or_null(a), "staff_locked", "locked", detail);
		kiosk_log(LOG_WARN, "staff entry locked for %lld minutes after %d wrong PINs", (long long)(s / 60),
			  STAFF_MAX_FAILURES);
		return STAFF_PIN_WRONG;
	}
	save_state(a);
	snprintf(detail, sizeof(detail), "attempt %d of %d", a->failures, STAFF_MAX_FAILURES);
	audit_write(dir_or_null(a), action, "wrong", detail);
	return STAFF_PIN_WRONG;
}

enum staff_pin_result staff_auth_check(struct staff_auth *a, const char *pin, int64_t now)
{
	return check(a, pin, now, "pin_attempt");
}

enum staff_pin_result staff_auth_change(struct staff_auth *a, const char *current, const char *next, int64_t now)
{
	char err[256];
	if (!staff_pin_format_ok(next))
		return STAFF_PIN_ERROR;
	enum staff_pin_result r = check(a, current, now, "pin_change_check");
	if (r != STAFF_PIN_OK)
		return r;
	if (!a->data_dir[0] || !staff_pin_store(a->data_dir, next, err, sizeof(err))) {
		kiosk_log(LOG_ERROR, "staff: the new PIN was not stored: %s", a->data_dir[0] ? err : "no data directory");
		audit_write(dir_or_null(a), "pin_change", "failed", "the new PIN could not be stored");
		return STAFF_PIN_ERROR;
	}
	audit_write(dir_or_null(a), "pin_change", "ok", NULL);
	return STAFF_PIN_OK;
}
