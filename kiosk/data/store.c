/* The kiosk's local store (see store.h): the SQLite schema and its forward migrations, the outbox,
 * the reference cache and the meta table, and an open that copes with a damaged file (quarantined,
 * never deleted), a read-only directory, a newer schema (refused, never modified) and key problems.
 * Depends on sqlite3, data/store_crypto (libsodium), core/log, core/secure.
 * Limits: one struct store per thread; writes are BEGIN IMMEDIATE transactions retried while the
 * database is busy for up to BUSY_TIMEOUT_MS; sizes are capped by the STORE_*_MAX constants. The
 * connection that quarantines a damaged file must be the first one open (the UI's, at start). */
#include "data/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/secure.h"
#include "data/store_crypto.h"

#define BUSY_TIMEOUT_MS 5000
#define PATH_LEN 1024
#define WHY_LEN 1024
#define KEY_LEN 36 /* a UUID in text */
#define KEY_CHECK_AD "kiosk.key check v1"
#define KEY_CHECK_TEXT "this database is encrypted under this kiosk.key"

/* Forward migrations: entry i takes the schema from user_version i to i + 1. Append only; a shipped
 * entry is never edited. All pending ones run in one transaction at open. */
static const char *const migrations[] = {
	/* 1: the outbox, the reference cache, the meta table and the key check. Kinds and states are
	 * stored by name so that staff reading the file with sqlite3 see what they mean. */
	"CREATE TABLE submissions ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" kind TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'pending',"
	" key TEXT NOT NULL UNIQUE,"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL,"
	" next_attempt_at INTEGER NOT NULL,"
	" delivered_at INTEGER,"
	" stopped_at INTEGER," /* dated by the first purge after the stop */
	" purged_at INTEGER,"
	" payload BLOB," /* nonce || XChaCha20-Poly1305 ciphertext || tag; NULL once purged */
	" response TEXT,"
	" error_code TEXT,"
	" error_message TEXT);"
	"CREATE INDEX submissions_by_state ON submissions(state, kind, id);"
	"CREATE TABLE ref_cache ("
	" kind TEXT PRIMARY KEY,"
	" etag TEXT NOT NULL DEFAULT '',"
	" json TEXT NOT NULL,"
	" fetched_at INTEGER NOT NULL);"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE key_check (id INTEGER PRIMARY KEY CHECK (id = 1), sealed BLOB NOT NULL);",
};

#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))

static const char *const kind_names[SUB_KIND_COUNT] = {"booking", "cancellation", "pledge", "pledge_withdrawal",
							"help_request", "help_cancel"};
static const char *const kind_endpoints[SUB_KIND_COUNT] = {"/v1/bookings", "/v1/bookings/cancel", "/v1/pledges",
							    "/v1/pledges/withdraw", "/v1/help-requests",
							    "/v1/help-requests/cancel"};
static const char *const state_names[SUB_STATE_COUNT] = {"pending", "delivered", "rejected", "needs_rebooking"};

/* How bad each health is: the worst one found is reported. STORE_CORRUPT only says the file was
 * replaced, so a problem that stops submissions now outranks it. */
static const int health_rank[] = {
	[STORE_HEALTHY] = 0,	 [STORE_CORRUPT] = 1,	  [STORE_DISK_FULL] = 2,
	[STORE_READ_ONLY] = 3,	 [STORE_KEY_PROBLEM] = 4, [STORE_NEWER_SCHEMA] = 5,
};

struct store {
	sqlite3 *db;
	char dir[PATH_LEN], db_path[PATH_LEN], key_path[PATH_LEN];
	enum store_health health; /* found at open (or a lasting problem found later) */
	char why[WHY_LEN];
	bool disk_full; /* the last write failed with SQLITE_FULL; cleared by the next good write */
	char full_why[256];
	bool create, writable;
	bool have_key, key_refused;
	unsigned char key[STORE_KEY_BYTES];
};

/* The columns row_read expects, in order. */
#define SUB_COLUMNS                                                                                            \
	"id, kind, state, key, attempts, created_at, next_attempt_at, delivered_at, payload, response, error_code, " \
	"error_message"

static void say(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(struct store *s, enum store_health h, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Formats into buf (when given) and logs the same sentence as a warning. */
static void say(char *buf, size_t len, const char *fmt, ...)
{
	char line[WHY_LEN];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	kiosk_log(LOG_WARN, "store: %s", line);
	if (buf && len)
		snprintf(buf, len, "%s", line);
}

/* Records a problem found with the store: logged, added to the why sentence, and the health is the
 * worst problem seen. */
static void problem(struct store *s, enum store_health h, const char *fmt, ...)
{
	char line[WHY_LEN];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	kiosk_log(LOG_ERROR, "store: %s", line);
	if (health_rank[h] > health_rank[s->health])
		s->health = h;
	size_t used = strlen(s->why);
	int n = used + 1 < sizeof(s->why)
			? snprintf(s->why + used, sizeof(s->why) - used, "%s%s", used ? " " : "", line)
			: -1;
	if (n < 0 || (size_t)n >= sizeof(s->why) - used)
		kiosk_log(LOG_DEBUG, "store: the health sentence is full; the log has the rest");
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Copies src into dst[cap], cut at a UTF-8 character boundary when it does not fit. */
static void bounded_copy(char *dst, size_t cap, const char *src)
{
	size_t len = src ? strlen(src) : 0;
	if (len >= cap) {
		/* Back up to the first byte of a character: what stays before it is whole. */
		len = cap - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src ? src : "", len);
	dst[len] = '\0';
}

static bool name_ok(const char *name)
{
	size_t len = name ? strlen(name) : 0;
	if (len == 0 || len > STORE_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (name[i] <= ' ' || name[i] > '~')
			return false;
	}
	return true;
}

static bool is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Runs sql (no rows wanted), retrying while the database is busy. */
static int exec_sql(struct store *s, const char *sql)
{
	int64_t deadline = mono_ms() + BUSY_TIMEOUT_MS;
	for (;;) {
		char *msg = NULL;
		int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
		if ((rc & 0xff) == SQLITE_BUSY && mono_ms() < deadline) {
			sqlite3_free(msg);
			sleep_ms(5);
			continue;
		}
		if (rc != SQLITE_OK)
			kiosk_log(LOG_WARN, "store: %.40s…: %s", sql, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return rc;
	}
}

static int begin_write(struct store *s)
{
	return exec_sql(s, "BEGIN IMMEDIATE");
}

static int commit(struct store *s)
{
	return exec_sql(s, "COMMIT");
}

/* Ends a failed write transaction, if SQLite has not already rolled it back. */
static void rollback(struct store *s)
{
	if (s->db && !sqlite3_get_autocommit(s->db))
		exec_sql(s, "ROLLBACK");
}

static sqlite3_stmt *prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		kiosk_log(LOG_ERROR, "store: cannot prepare %.40s…: %s", sql, sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Steps a statement, retrying while busy before it has produced anything (reads outside a write
 * transaction can meet a checkpoint or a recovery). */
static int step(sqlite3_stmt *st)
{
	int64_t deadline = mono_ms() + BUSY_TIMEOUT_MS;
	for (;;) {
		int rc = sqlite3_step(st);
		if ((rc & 0xff) != SQLITE_BUSY || mono_ms() >= deadline)
			return rc;
		sqlite3_reset(st);
		sleep_ms(5);
	}
}

/* Explains a failed write in err and the health: a full disk, a read-only file, damage. */
static void write_failed(struct store *s, int rc, const char *what, char *err, size_t errlen)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		s->disk_full = true;
		snprintf(s->full_why, sizeof(s->full_why),
			 "The disk is full: %s failed. What was stored before is safe; free space to take submissions "
			 "again.",
			 what);
		say(err, errlen, "the disk is full: %s failed (nothing stored before is lost)", what);
		break;
	case SQLITE_READONLY:
		s->writable = false;
		problem(s, STORE_READ_ONLY, "The database %s became read-only: %s failed.", s->db_path, what);
		say(err, errlen, "the database is read-only: %s failed", what);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		problem(s, STORE_CORRUPT,
			"The database %s was found damaged while %s; restart the kiosk to move it aside.", s->db_path,
			what);
		say(err, errlen, "the database is damaged: %s failed", what);
		break;
	case SQLITE_BUSY:
		say(err, errlen, "the database stayed busy for more than %d ms: %s failed", BUSY_TIMEOUT_MS, what);
		break;
	default:
		say(err, errlen, "%s failed: %s", what, sqlite3_errstr(rc));
		break;
	}
}

/* A write went through: a full disk is over. */
static void write_succeeded(struct store *s)
{
	if (s->disk_full)
		kiosk_log(LOG_INFO, "store: writes succeed again (the disk has room)");
	s->disk_full = false;
}

const char *submission_endpoint(enum submission_kind kind)
{
	return (unsigned)kind < SUB_KIND_COUNT ? kind_endpoints[kind] : NULL;
}

const char *submission_kind_name(enum submission_kind kind)
{
	return (unsigned)kind < SUB_KIND_COUNT ? kind_names[kind] : "unknown";
}

const char *submission_state_name(enum submission_state state)
{
	return (unsigned)state < SUB_STATE_COUNT ? state_names[state] : "unknown";
}

static int index_of(const char *const *names, int count, const char *name)
{
	for (int i = 0; name && i < count; i++) {
		if (strcmp(names[i], name) == 0)
			return i;
	}
	return -1;
}

/* ---- opening ---- */

/* Percent-encodes a path for a file: URI (only the characters URIs give a meaning to). */
static bool uri_for(const char *path, const char *query, char *out, size_t len)
{
	size_t n = (size_t)snprintf(out, len, "file:");
	for (const char *p = path; *p; p++) {
		if (n + 4 >= len)
			return false;
		if (*p == '%' || *p == '?' || *p == '#')
			n += (size_t)snprintf(out + n, len - n, "%%%02X", (unsigned char)*p);
		else
			out[n++] = *p;
	}
	return (size_t)snprintf(out + n, len - n, "?%s", query) < len - n;
}

static int connect_db(struct store *s, const char *name, int flags)
{
	int rc = sqlite3_open_v2(name, &s->db, flags, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_extended_result_codes(s->db, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK) {
		sqlite3_close(s->db);
		s->db = NULL;
	}
	return rc;
}

static void disconnect_db(struct store *s)
{
	if (!s->db)
		return;
	int rc = sqlite3_close(s->db);
	if (rc != SQLITE_OK)
		kiosk_log(LOG_ERROR, "store: closing %s: %s", s->db_path, sqlite3_errstr(rc));
	s->db = NULL;
}

/* Reads one integer (a PRAGMA's answer); the SQLite code of the failure otherwise. */
static int query_int(struct store *s, const char *sql, int64_t *value)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	rc = step(st);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_ERROR;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* PRAGMA quick_check: SQLITE_OK and *damaged set when it ran; detail gets its first complaint. */
static int quick_check(struct store *s, bool *damaged, char *detail, size_t len)
{
	sqlite3_stmt *st = NULL;
	*damaged = false;
	snprintf(detail, len, "%s", "ok");
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = step(st);
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		if (!text || strcmp(text, "ok") != 0) {
			*damaged = true;
			snprintf(detail, len, "%s", text ? text : "no answer");
		}
		rc = SQLITE_OK;
	} else if (is_damage(rc)) {
		*damaged = true;
		snprintf(detail, len, "%s", sqlite3_errstr(rc));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bool exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0)
		kiosk_log_errno(LOG_WARN, "store: cannot sync the directory %s", dir);
	if (fd >= 0)
		close(fd);
}

/* Moves kiosk.db and its companions aside to kiosk.db.corrupt-<unix time>[-n]; never deletes. The
 * companions move first: a WAL left behind next to a fresh file would be replayed into it. */
static bool quarantine(struct store *s, char *name, size_t name_len, char *err, size_t errlen)
{
	static const char *const companions[] = {"-wal", "-shm", "-journal"};
	bool ok = false;
	char target[PATH_LEN], from[PATH_LEN + 16], to[PATH_LEN + 16];
	long long now = (long long)time(NULL);
	int n = 0;
	for (;; n++) {
		int w = n ? snprintf(target, sizeof(target), "%s.corrupt-%lld-%d", s->db_path, now, n)
			  : snprintf(target, sizeof(target), "%s.corrupt-%lld", s->db_path, now);
		if (w < 0 || (size_t)w >= sizeof(target) || n > 99) {
			say(err, errlen, "no free name to move the damaged %s aside", s->db_path);
			goto out;
		}
		bool taken = exists(target);
		for (size_t i = 0; !taken && i < sizeof(companions) / sizeof(companions[0]); i++) {
			snprintf(to, sizeof(to), "%s%s", target, companions[i]);
			taken = exists(to);
		}
		if (!taken)
			break;
	}
	for (size_t i = 0; i < sizeof(companions) / sizeof(companions[0]); i++) {
		snprintf(from, sizeof(from), "%s%s", s->db_path, companions[i]);
		snprintf(to, sizeof(to), "%s%s", target, companions[i]);
		if (exists(from) && rename(from, to) != 0) {
			say(err, errlen, "cannot move %s aside to %s (%s); nothing was changed further", from, to,
			    strerror(errno));
			goto out;
		}
	}
	if (rename(s->db_path, target) != 0) {
		say(err, errlen, "cannot move the damaged %s aside to %s (%s)", s->db_path, target, strerror(errno));
		goto out;
	}
	sync_dir(s->dir);
	const char *base = strrchr(target, '/');
	snprintf(name, name_len, "%s", base ? base + 1 : target);
	ok = true;
out:
	return ok;
}

static int migrate(struct store *s, int64_t *version)
{
	int rc = begin_write(s);
	if (rc != SQLITE_OK)
		goto out;
	/* Another connection may have migrated (or a newer kiosk written) since our first look. */
	rc = query_int(s, "PRAGMA user_version", version);
	if (rc != SQLITE_OK || *version >= SCHEMA_VERSION || *version < 0)
		goto out;
	for (int64_t v = *version; v < SCHEMA_VERSION; v++) {
		rc = exec_sql(s, migrations[v]);
		if (rc != SQLITE_OK)
			goto out;
		kiosk_log(LOG_INFO, "store: schema migrated to version %lld", (long long)v + 1);
	}
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", SCHEMA_VERSION);
	rc = exec_sql(s, sql);
	if (rc != SQLITE_OK)
		goto out;
	rc = commit(s);
	if (rc == SQLITE_OK)
		*version = SCHEMA_VERSION;
out:
	rollback(s); /* nothing to end after a commit; otherwise every change is undone */
	return rc;
}

/* Keeps the connection open for reads only and writes nothing, not even a checkpoint on close. */
static void refuse_newer(struct store *s, int64_t version)
{
	s->writable = false;
	problem(s, STORE_NEWER_SCHEMA,
		"%s was made by a newer kiosk version (schema %lld; this version knows %d): it was left untouched "
		"and cannot be used until that version is installed again.",
		s->db_path, (long long)version, SCHEMA_VERSION);
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL) != SQLITE_OK ||
	    exec_sql(s, "PRAGMA query_only = 1") != SQLITE_OK) {
		kiosk_log(LOG_ERROR, "store: cannot make the connection read-only; closing it");
		disconnect_db(s);
	}
}

static bool has_encrypted_data(struct store *s, bool *yes)
{
	int64_t v = 0;
	int rc = query_int(s, "SELECT EXISTS (SELECT 1 FROM submissions WHERE payload IS NOT NULL)", &v);
	*yes = v != 0;
	if (rc != SQLITE_OK)
		kiosk_log(LOG_ERROR, "store: cannot look for encrypted data: %s", sqlite3_errstr(rc));
	return rc == SQLITE_OK;
}

/* Does the loaded key open what this database holds? Looks at the key check and the newest payload.
 * *verified is false when there was nothing to check against; *has_check says the key check exists. */
static bool key_matches(struct store *s, bool *verified, bool *has_check)
{
	bool ok = false;
	char *plain = NULL;
	size_t len = 0;
	*verified = false;
	*has_check = false;
	sqlite3_stmt *st = prepare(s, "SELECT sealed, '" KEY_CHECK_AD "' FROM key_check WHERE id = 1 UNION ALL "
				      "SELECT payload, key FROM (SELECT payload, key FROM submissions "
				      "WHERE payload IS NOT NULL ORDER BY id DESC LIMIT 1)");
	if (!st)
		goto out;
	int rc;
	while ((rc = step(st)) == SQLITE_ROW) {
		const unsigned char *blob = sqlite3_column_blob(st, 0);
		size_t blob_len = (size_t)sqlite3_column_bytes(st, 0);
		const char *ad = (const char *)sqlite3_column_text(st, 1);
		if (!ad || !store_crypto_open(s->key, ad, strlen(ad), blob, blob_len, &plain, &len))
			goto out;
		store_crypto_free_plain(plain, len);
		plain = NULL;
		*verified = true;
		*has_check = *has_check || strcmp(ad, KEY_CHECK_AD) == 0;
	}
	ok = rc == SQLITE_DONE;
	if (!ok)
		kiosk_log(LOG_ERROR, "store: cannot read the key check: %s", sqlite3_errstr(rc));
out:
	store_crypto_free_plain(plain, len);
	sqlite3_finalize(st);
	return ok;
}

/* Stores the key check (replacing one made under a key that no longer protects anything). */
static bool key_check_put(struct store *s)
{
	bool ok = false;
	unsigned char *blob = NULL;
	size_t blob_len = 0;
	sqlite3_stmt *st = NULL;
	if (!store_crypto_seal(s->key, KEY_CHECK_AD, strlen(KEY_CHECK_AD), KEY_CHECK_TEXT, strlen(KEY_CHECK_TEXT),
			       &blob, &blob_len))
		goto out;
	st = prepare(s, "INSERT OR REPLACE INTO key_check (id, sealed) VALUES (1, ?1)");
	if (!st || sqlite3_bind_blob(st, 1, blob, (int)blob_len, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, "storing the key check", NULL, 0);
		goto out;
	}
	ok = true;
out:
	if (!ok)
		rollback(s);
	sqlite3_finalize(st);
	free(blob);
	return ok;
}

/* Loads the key, or creates it when this connection may and nothing is encrypted yet. Never falls
 * back to plaintext: without a usable key, submissions are refused. */
static void key_setup(struct store *s)
{
	char why[512];
	bool encrypted = false;
	if (!has_encrypted_data(s, &encrypted)) {
		s->key_refused = true;
		problem(s, STORE_KEY_PROBLEM, "The database cannot be searched for encrypted data, so the key was not "
					      "loaded.");
		return;
	}
	enum store_key_status status = store_crypto_load_key(s->key_path, s->key, why, sizeof(why));
	if (status == STORE_KEY_ABSENT && encrypted) {
		s->key_refused = true;
		problem(s, STORE_KEY_PROBLEM,
			"The key file %s is missing but the database holds encrypted submissions: they cannot be read or "
			"sent. Restore the key file; no new key is made, so nothing is lost.",
			s->key_path);
		return;
	}
	bool created = false;
	if (status == STORE_KEY_ABSENT && s->create && s->writable) {
		status = store_crypto_create_key(s->key_path, s->dir, s->key, why, sizeof(why));
		created = status == STORE_KEY_LOADED;
	}
	if (status == STORE_KEY_ABSENT) {
		/* A connection that may not create the key picks it up when it needs it. */
		kiosk_log(LOG_INFO, "store: no key file yet; %s", s->writable ? "it is loaded when needed" : "read-only");
		return;
	}
	if (status == STORE_KEY_REFUSED) {
		s->key_refused = true;
		problem(s, STORE_KEY_PROBLEM, "%s Submissions are refused until this is fixed.", why);
		return;
	}
	bool verified = false, has_check = false;
	if (!created && !key_matches(s, &verified, &has_check)) {
		secure_wipe(s->key, sizeof(s->key));
		s->key_refused = true;
		problem(s, STORE_KEY_PROBLEM,
			"The key file %s does not open the data in %s (was it replaced?). Nothing was decrypted or "
			"changed; restore the original key file.",
			s->key_path, s->db_path);
		return;
	}
	s->have_key = true;
	if ((created || !has_check) && s->writable && !key_check_put(s))
		kiosk_log(LOG_WARN, "store: the key check was not stored; it is written at the next start");
}

/* Makes sure a key is loaded before encrypting or decrypting (the sync connection may have opened
 * before the UI's made the key). */
static bool key_ready(struct store *s)
{
	if (s->have_key)
		return true;
	if (s->key_refused || !s->db || s->health == STORE_NEWER_SCHEMA)
		return false;
	char why[512];
	if (store_crypto_load_key(s->key_path, s->key, why, sizeof(why)) != STORE_KEY_LOADED) {
		kiosk_log(LOG_WARN, "store: %s", why);
		return false;
	}
	bool verified = false, has_check = false;
	if (!key_matches(s, &verified, &has_check)) {
		secure_wipe(s->key, sizeof(s->key));
		s->key_refused = true;
		problem(s, STORE_KEY_PROBLEM, "The key file %s does not open the data in %s.", s->key_path, s->db_path);
		return false;
	}
	s->have_key = true;
	if (!has_check && s->writable && !key_check_put(s))
		kiosk_log(LOG_WARN, "store: the key check was not stored; it is written at the next start");
	return true;
}

static bool open_read_only(struct store *s, bool asked, char *err, size_t errlen)
{
	bool ok = false;
	char uri[PATH_LEN * 3 + 32];
	int64_t version = 0;
	if (!exists(s->db_path)) {
		say(err, errlen, "there is no database at %s and the directory is read-only", s->db_path);
		goto out;
	}
	if (!uri_for(s->db_path, "mode=ro", uri, sizeof(uri))) {
		say(err, errlen, "the path %s is too long", s->db_path);
		goto out;
	}
	int rc = connect_db(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
	if (rc == SQLITE_OK)
		rc = query_int(s, "PRAGMA user_version", &version);
	if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) {
		/* A WAL database whose -shm cannot be made in a read-only directory: nobody can write it
		 * from here, so read it as an immutable file. */
		kiosk_log(LOG_INFO, "store: %s is read as an immutable file (its WAL index cannot be made here)",
			  s->db_path);
		disconnect_db(s);
		uri_for(s->db_path, "immutable=1", uri, sizeof(uri));
		rc = connect_db(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
		if (rc == SQLITE_OK)
			rc = query_int(s, "PRAGMA user_version", &version);
	}
	bool damaged = is_damage(rc);
	char detail[256];
	if (rc == SQLITE_OK && version <= SCHEMA_VERSION)
		rc = quick_check(s, &damaged, detail, sizeof(detail));
	if (damaged) {
		say(err, errlen, "%s is damaged and cannot be moved aside (read-only); it was left untouched",
		    s->db_path);
		goto out;
	}
	if (rc != SQLITE_OK) {
		say(err, errlen, "cannot read %s: %s", s->db_path, sqlite3_errstr(rc));
		goto out;
	}
	s->writable = false;
	if (version > SCHEMA_VERSION) {
		refuse_newer(s, version);
		ok = true;
		goto out;
	}
	if (asked)
		problem(s, STORE_READ_ONLY, "The store was opened read-only: it serves what it holds but takes no "
					    "submissions.");
	else
		problem(s, STORE_READ_ONLY,
			"The data directory %s or %s is not writable: the kiosk can read what it stored but cannot take "
			"submissions.",
			s->dir, s->db_path);
	if (version < SCHEMA_VERSION)
		problem(s, STORE_READ_ONLY, "Its schema (version %lld) is older than this kiosk's (%d) and cannot be "
					    "migrated while read-only.",
			(long long)version, SCHEMA_VERSION);
	else
		key_setup(s);
	ok = true;
out:
	if (!ok)
		disconnect_db(s);
	return ok;
}

/* One submission row of a damaged file, checked before it is copied: a known kind and state and a
 * key of UUID length; anything else is damage, not a submission. */
static bool salvageable(sqlite3_stmt *rd)
{
	const char *kind = (const char *)sqlite3_column_text(rd, 1);
	const char *state = (const char *)sqlite3_column_text(rd, 2);
	const char *key = (const char *)sqlite3_column_text(rd, 3);
	bool kind_ok = false, state_ok = false;
	for (int i = 0; kind && i < SUB_KIND_COUNT; i++)
		kind_ok = kind_ok || strcmp(kind, kind_names[i]) == 0;
	for (int i = 0; state && i < SUB_STATE_COUNT; i++)
		state_ok = state_ok || strcmp(state, state_names[i]) == 0;
	return kind_ok && state_ok && key && strlen(key) == KEY_LEN &&
	       (sqlite3_column_type(rd, 10) == SQLITE_BLOB || sqlite3_column_type(rd, 10) == SQLITE_NULL);
}

#define SALVAGE_COLUMNS                                                                                      \
	"id, kind, state, key, attempts, created_at, next_attempt_at, delivered_at, stopped_at, purged_at, payload, " \
	"response, error_code, error_message"
#define SALVAGE_PROBES 100000 /* ids tried one by one past a damaged stretch of the outbox */

/* Copies what can still be read of the outbox of the damaged database at uri (read only) into this
 * fresh database; see salvage_outbox. False when nothing of it could be read. */
static bool salvage_from(struct store *s, const char *uri, int *copied, int *pending, int *lost)
{
	sqlite3 *old = NULL;
	sqlite3_stmt *range = NULL, *one = NULL, *wr = NULL;
	bool ok = false, in_tx = false;
	int64_t last = 0, highest = 0;
	*copied = *pending = *lost = 0;
	if (sqlite3_open_v2(uri, &old, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
		goto out;
	sqlite3_stmt *seq = NULL;
	if (sqlite3_prepare_v2(old, "SELECT seq FROM sqlite_sequence WHERE name = 'submissions'", -1, &seq, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(seq) == SQLITE_ROW)
		highest = sqlite3_column_int64(seq, 0);
	sqlite3_finalize(seq);
	if (sqlite3_prepare_v2(old, "SELECT " SALVAGE_COLUMNS " FROM submissions WHERE id > ?1 ORDER BY id LIMIT 1", -1,
			       &range, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(old, "SELECT " SALVAGE_COLUMNS " FROM submissions WHERE id = ?1", -1, &one, NULL) !=
		    SQLITE_OK)
		goto out;
	wr = prepare(s, "INSERT OR IGNORE INTO submissions (" SALVAGE_COLUMNS ") VALUES "
			"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (!wr || begin_write(s) != SQLITE_OK)
		goto out;
	in_tx = true;
	for (;;) {
		sqlite3_reset(range);
		sqlite3_bind_int64(range, 1, last);
		int rc = sqlite3_step(range);
		sqlite3_stmt *row = range;
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) { /* a damaged stretch: try the ids after it one by one */
			int64_t id = last + 1;
			rc = SQLITE_DONE;
			for (int probes = 0; id <= highest && probes < SALVAGE_PROBES; id++, probes++) {
				sqlite3_reset(one);
				sqlite3_bind_int64(one, 1, id);
				rc = sqlite3_step(one);
				if (rc == SQLITE_ROW)
					break;
				if (rc != SQLITE_DONE) /* an id that was handed out and cannot be read */
					++*lost;
			}
			if (rc != SQLITE_ROW)
				break;
			row = one;
		}
		last = sqlite3_column_int64(row, 0);
		if (!salvageable(row)) {
			++*lost;
			continue;
		}
		sqlite3_reset(wr);
		for (int c = 0; c < 14; c++) {
			if (sqlite3_bind_value(wr, c + 1, sqlite3_column_value(row, c)) != SQLITE_OK)
				goto out;
		}
		if (step(wr) != SQLITE_DONE)
			goto out;
		++*copied;
		*pending += strcmp((const char *)sqlite3_column_text(row, 2), "pending") == 0;
	}
	if (commit(s) != SQLITE_OK)
		goto out;
	in_tx = false;
	ok = true;
out:
	if (in_tx)
		rollback(s);
	sqlite3_finalize(wr);
	sqlite3_finalize(range);
	sqlite3_finalize(one);
	sqlite3_close(old);
	return ok;
}

/* A file cut short still counts, in its header, the pages it had, and SQLite then refuses to read
 * any of it. Writes to copy the whole pages that are there, with a header that counts them; false
 * when path is not such a file or the copy cannot be made. */
static bool copy_cut_short(const char *path, const char *copy)
{
	unsigned char head[100];
	bool ok = false;
	int in = open(path, O_RDONLY | O_CLOEXEC), out = -1;
	struct stat st;
	if (in < 0 || fstat(in, &st) != 0 || read(in, head, sizeof(head)) != (ssize_t)sizeof(head) ||
	    memcmp(head, "SQLite format 3", 16) != 0)
		goto out;
	unsigned page = (unsigned)head[16] << 8 | head[17];
	if (page == 1)
		page = 65536;
	uint32_t counted = (uint32_t)head[28] << 24 | (uint32_t)head[29] << 16 | (uint32_t)head[30] << 8 | head[31];
	off_t pages = page >= 512 ? st.st_size / (off_t)page : 0;
	if (pages < 1 || (off_t)counted <= pages)
		goto out;
	out = open(copy, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (out < 0 || lseek(in, 0, SEEK_SET) != 0)
		goto out;
	char buf[64 * 1024];
	for (off_t left = pages * (off_t)page; left > 0;) {
		ssize_t n = read(in, buf, left < (off_t)sizeof(buf) ? (size_t)left : sizeof(buf));
		if (n <= 0 || write(out, buf, (size_t)n) != n)
			goto out;
		left -= n;
	}
	unsigned char count[4] = {(unsigned char)(pages >> 24), (unsigned char)(pages >> 16), (unsigned char)(pages >> 8),
				  (unsigned char)pages};
	ok = pwrite(out, count, sizeof(count), 28) == (ssize_t)sizeof(count);
out:
	if (out >= 0 && close(out) != 0)
		ok = false;
	if (in >= 0)
		close(in);
	if (!ok && out >= 0)
		unlink(copy);
	return ok;
}

/* Copies what can still be read of the outbox of the damaged file at path (just moved aside) into
 * this fresh database, row for row: ids (the delivery order), states, keys and the sealed payloads
 * (bound to their keys under kiosk.key, which stays), so what visitors were told was received is
 * still delivered, under the same idempotency keys (a backend that already has one answers the
 * first response again: nothing twice). Rows on damaged pages are skipped, probing ids one by one up
 * to the highest the file handed out; a file cut short is read through a copy whose header counts
 * the pages left. The damaged file itself is never written. Counts in *copied, *pending and *lost;
 * false when the file could not be read at all. */
static bool salvage_outbox(struct store *s, const char *path, int *copied, int *pending, int *lost)
{
	char uri[PATH_LEN * 6 + 32], wal[PATH_LEN * 2 + 8], copy[PATH_LEN * 2 + 16]; /* path: < PATH_LEN * 2 */
	bool ok = false;
	/* Read only: the damaged file must stay byte for byte what it was. Its write-ahead log, moved
	 * aside with it, holds the latest commits (a crash leaves them there): read through it when it
	 * is there; otherwise take the file as immutable, which leaves nothing beside it. */
	if (snprintf(wal, sizeof(wal), "%s-wal", path) >= (int)sizeof(wal) ||
	    snprintf(copy, sizeof(copy), "%s.salvage", path) >= (int)sizeof(copy))
		goto out; /* cannot happen (the buffers hold any path the caller makes), but never a wrong name */
	if (uri_for(path, exists(wal) ? "mode=ro" : "immutable=1", uri, sizeof(uri)) &&
	    salvage_from(s, uri, copied, pending, lost)) {
		ok = true;
		goto out;
	}
	if (!copy_cut_short(path, copy))
		goto out;
	ok = uri_for(copy, "immutable=1", uri, sizeof(uri)) && salvage_from(s, uri, copied, pending, lost);
	unlink(copy);
out:
	return ok;
}

static bool open_read_write(struct store *s, char *err, size_t errlen)
{
	bool ok = false;
	int64_t version = 0;
	char detail[256] = "", damaged_name[PATH_LEN] = "";
	bool damaged = false;
	int rc = connect_db(s, s->db_path, SQLITE_OPEN_READWRITE | (s->create ? SQLITE_OPEN_CREATE : 0));
	if (rc != SQLITE_OK) {
		if (!s->create && !exists(s->db_path))
			say(err, errlen, "there is no database at %s yet (the UI's connection creates it)", s->db_path);
		else
			say(err, errlen, "cannot open %s: %s", s->db_path, sqlite3_errstr(rc));
		goto out;
	}
	/* First a read that changes nothing, so that a newer file is refused untouched. */
	rc = query_int(s, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK && version > SCHEMA_VERSION) {
		refuse_newer(s, version);
		ok = true;
		goto out;
	}
	if (rc == SQLITE_OK && sqlite3_db_readonly(s->db, "main") == 1) {
		disconnect_db(s);
		ok = open_read_only(s, false, err, errlen);
		goto out;
	}
	if (rc == SQLITE_OK)
		rc = quick_check(s, &damaged, detail, sizeof(detail));
	else if (is_damage(rc)) {
		damaged = true;
		snprintf(detail, sizeof(detail), "%s", sqlite3_errstr(rc));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		say(err, errlen, "cannot read %s: %s", s->db_path, sqlite3_errstr(rc));
		goto out;
	}
	if (damaged) {
		if (!s->create) {
			say(err, errlen, "%s is damaged (%s); the UI's connection moves it aside at start", s->db_path,
			    detail);
			goto out;
		}
		/* Closing must not checkpoint the write-ahead log into the damaged file: both move aside as
		 * they are, and the salvage reads through the log. */
		sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
		disconnect_db(s);
		if (!quarantine(s, damaged_name, sizeof(damaged_name), err, errlen))
			goto out;
		problem(s, STORE_CORRUPT,
			"The database failed its integrity check (%s): it was moved aside to %s (not deleted) and a "
			"fresh database was created.",
			detail, damaged_name);
		version = 0;
		rc = connect_db(s, s->db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
		if (rc != SQLITE_OK) {
			say(err, errlen, "cannot create a fresh %s: %s", s->db_path, sqlite3_errstr(rc));
			goto out;
		}
	}
	int64_t wal = 0;
	sqlite3_stmt *st = prepare(s, "PRAGMA journal_mode = WAL");
	rc = st ? step(st) : SQLITE_ERROR;
	if (rc == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);
		wal = mode && strcmp(mode, "wal") == 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && !wal)
		rc = SQLITE_CANTOPEN;
	/* secure_delete zeroes what a purge frees, so no old ciphertext lingers in free space. */
	if (rc == SQLITE_OK)
		rc = exec_sql(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON");
	if (rc == SQLITE_OK && version < SCHEMA_VERSION)
		rc = migrate(s, &version);
	if (rc == SQLITE_OK && version > SCHEMA_VERSION) {
		refuse_newer(s, version);
		ok = true;
		goto out;
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) {
			disconnect_db(s);
			ok = open_read_only(s, false, err, errlen);
			goto out;
		}
		say(err, errlen, "cannot prepare %s for use: %s", s->db_path, sqlite3_errstr(rc));
		goto out;
	}
	s->writable = true;
	key_setup(s);
	if (damaged_name[0]) { /* what visitors were told was received goes on from the fresh file */
		char path[PATH_LEN * 2];
		int copied, pending, lost;
		snprintf(path, sizeof(path), "%s/%s", s->dir, damaged_name);
		if (salvage_outbox(s, path, &copied, &pending, &lost) && lost == 0)
			problem(s, STORE_CORRUPT,
				"Every submission it held was recovered (%d, of which %d still to send, under their own keys).",
				copied, pending);
		else if (copied > 0 || lost > 0)
			problem(s, STORE_CORRUPT,
				"Submissions recovered from it: %d (of which %d still to send, under their own keys); %d could not be "
				"read: staff can recover what is left from that file.",
				copied, pending, lost);
		else
			problem(s, STORE_CORRUPT,
				"Its outbox could not be read: what it held was not sent; staff can recover it from that file.");
	}
	ok = true;
out:
	if (!ok)
		disconnect_db(s);
	return ok;
}

struct store *store_open(const char *data_dir, const struct store_options *opts, char *err, size_t errlen)
{
	struct store *result = NULL;
	struct store *s = NULL;
	if (err && errlen)
		err[0] = '\0';
	if (!data_dir || !*data_dir) {
		say(err, errlen, "no data directory was given");
		goto out;
	}
	if (sodium_init() < 0) {
		say(err, errlen, "libsodium cannot be initialised");
		goto out;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		say(err, errlen, "out of memory opening the store");
		goto out;
	}
	s->create = opts && opts->create && !opts->read_only;
	if ((size_t)snprintf(s->dir, sizeof(s->dir), "%s", data_dir) >= sizeof(s->dir) ||
	    (size_t)snprintf(s->db_path, sizeof(s->db_path), "%s/kiosk.db", data_dir) >= sizeof(s->db_path) ||
	    (size_t)snprintf(s->key_path, sizeof(s->key_path), "%s/kiosk.key", data_dir) >= sizeof(s->key_path)) {
		say(err, errlen, "the data directory path is too long");
		goto out;
	}
	struct stat st;
	if (stat(data_dir, &st) != 0 && errno == ENOENT && s->create && mkdir(data_dir, 0700) != 0) {
		say(err, errlen, "cannot create the data directory %s: %s", data_dir, strerror(errno));
		goto out;
	}
	if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		say(err, errlen, "the data directory %s does not exist or is not a directory", data_dir);
		goto out;
	}
	bool asked = opts && opts->read_only;
	bool writable = !asked && access(data_dir, W_OK) == 0 && (!exists(s->db_path) || access(s->db_path, W_OK) == 0);
	if (!(writable ? open_read_write(s, err, errlen) : open_read_only(s, asked, err, errlen)))
		goto out;
	if (s->health != STORE_HEALTHY)
		kiosk_log(LOG_WARN, "store: opened %s with problems: %s", s->db_path, s->why);
	result = s;
	s = NULL;
out:
	store_close(s);
	return result;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	disconnect_db(s);
	secure_wipe(s->key, sizeof(s->key));
	free(s);
}

enum store_health store_health(const struct store *s, char *why, size_t why_len)
{
	if (!s) {
		if (why && why_len)
			snprintf(why, why_len, "%s", "The store is not open.");
		return STORE_READ_ONLY;
	}
	enum store_health h = s->health;
	const char *text = s->why;
	if (s->disk_full && health_rank[STORE_DISK_FULL] > health_rank[h]) {
		h = STORE_DISK_FULL;
		text = s->full_why;
	}
	if (why && why_len)
		snprintf(why, why_len, "%s", h == STORE_HEALTHY ? "The store is working normally." : text);
	return h;
}

bool store_set_max_pages(struct store *s, int max_pages)
{
	int64_t now_max = 0;
	char sql[64];
	if (!s || !s->db || max_pages <= 0)
		return false;
	snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %d", max_pages);
	return query_int(s, sql, &now_max) == SQLITE_OK;
}

/* Can this connection write at all? Says why not. */
static bool can_write(struct store *s, char *err, size_t errlen)
{
	if (s && s->db && s->writable)
		return true;
	if (!s || !s->db)
		say(err, errlen, "the store is not open");
	else
		say(err, errlen, "the store takes no writes: %s", s->why);
	return false;
}

/* ---- reference data ---- */

bool store_ref_put(struct store *s, const char *kind, const char *etag, const char *json, size_t len,
		   int64_t fetched_at, char *err, size_t errlen)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	if (!name_ok(kind)) {
		say(err, errlen, "a reference kind must be 1 to %d printable characters", STORE_NAME_MAX);
		goto out;
	}
	if (etag && strlen(etag) > STORE_REF_ETAG_MAX) {
		say(err, errlen, "the ETag of %s is longer than %d bytes", kind, STORE_REF_ETAG_MAX);
		goto out;
	}
	if (!json || len > STORE_REF_JSON_MAX) {
		say(err, errlen, "the %s data (%zu bytes) is missing or bigger than %d bytes", kind, json ? len : 0,
		    STORE_REF_JSON_MAX);
		goto out;
	}
	if (!can_write(s, err, errlen))
		goto out;
	st = prepare(s, "INSERT OR REPLACE INTO ref_cache (kind, etag, json, fetched_at) VALUES (?1, ?2, ?3, ?4)");
	if (!st || sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, etag ? etag : "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, json, (int)len, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, fetched_at) != SQLITE_OK) {
		say(err, errlen, "cannot prepare storing %s", kind);
		goto out;
	}
	int rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, "storing reference data", err, errlen);
		goto out;
	}
	write_succeeded(s);
	ok = true;
out:
	if (!ok && s && s->db)
		rollback(s);
	sqlite3_finalize(st);
	return ok;
}

bool store_ref_get(struct store *s, const char *kind, char **json, size_t *len, char *etag, size_t etag_len,
		   int64_t *fetched_at)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	char *copy = NULL;
	*json = NULL;
	if (!s || !s->db || !name_ok(kind))
		goto out;
	st = prepare(s, "SELECT etag, json, fetched_at FROM ref_cache WHERE kind = ?1");
	if (!st || sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			kiosk_log(LOG_ERROR, "store: cannot read reference data %s: %s", kind, sqlite3_errstr(rc));
		goto out;
	}
	const char *text = (const char *)sqlite3_column_text(st, 1);
	size_t n = (size_t)sqlite3_column_bytes(st, 1);
	if (n > STORE_REF_JSON_MAX || !(copy = malloc(n + 1)))
		goto out;
	memcpy(copy, text ? text : "", n);
	copy[n] = '\0';
	if (etag && etag_len)
		bounded_copy(etag, etag_len, (const char *)sqlite3_column_text(st, 0));
	if (len)
		*len = n;
	if (fetched_at)
		*fetched_at = sqlite3_column_int64(st, 2);
	*json = copy;
	copy = NULL;
	ok = true;
out:
	free(copy);
	sqlite3_finalize(st);
	return ok;
}

bool store_ref_stamp(struct store *s, const char *kind, int64_t *fetched_at)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	if (!s || !s->db || !name_ok(kind))
		goto out;
	st = prepare(s, "SELECT fetched_at FROM ref_cache WHERE kind = ?1");
	if (!st || sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = step(st);
	if (rc == SQLITE_ROW) {
		*fetched_at = sqlite3_column_int64(st, 0);
		ok = true;
	} else if (rc != SQLITE_DONE) {
		kiosk_log(LOG_ERROR, "store: cannot read reference data %s: %s", kind, sqlite3_errstr(rc));
	}
out:
	sqlite3_finalize(st);
	return ok;
}

/* ---- the outbox ---- */

/* store_submit and store_submit_keyed: key_in is the caller's key, or NULL for a fresh one. */
static bool submit(struct store *s, enum submission_kind kind, const char *payload_json, int64_t now,
		   const char *key_in, char key_out[37], int64_t *id_out, char *err, size_t errlen)
{
	bool ok = false, full_sync = false;
	sqlite3_stmt *st = NULL;
	unsigned char *blob = NULL;
	size_t blob_len = 0, len = payload_json ? strlen(payload_json) : 0;
	char key[KEY_LEN + 1];
	if ((unsigned)kind >= SUB_KIND_COUNT || !payload_json || !key_out) {
		say(err, errlen, "a submission needs a known kind and a payload");
		goto out;
	}
	if (len > STORE_PAYLOAD_MAX) {
		say(err, errlen, "the submission (%zu bytes) is bigger than %d bytes", len, STORE_PAYLOAD_MAX);
		goto out;
	}
	if (!can_write(s, err, errlen))
		goto out;
	if (!key_ready(s)) {
		say(err, errlen, "no usable key: the submission was not stored (it is never stored unencrypted). %s",
		    s->why);
		goto out;
	}
	if (key_in)
		memcpy(key, key_in, KEY_LEN + 1);
	else
		secure_uuid4(key);
	if (!store_crypto_seal(s->key, key, KEY_LEN, payload_json, len, &blob, &blob_len)) {
		say(err, errlen, "the submission cannot be encrypted");
		goto out;
	}
	st = prepare(s, "INSERT INTO submissions (kind, state, key, created_at, next_attempt_at, payload) "
			"VALUES (?1, 'pending', ?2, ?3, ?3, ?4)");
	if (!st || sqlite3_bind_text(st, 1, kind_names[kind], -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, key, KEY_LEN, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, now) != SQLITE_OK ||
	    sqlite3_bind_blob(st, 4, blob, (int)blob_len, SQLITE_STATIC) != SQLITE_OK) {
		say(err, errlen, "cannot prepare storing the submission");
		goto out;
	}
	/* The citizen is told "received" after this returns: the commit must reach the disk. */
	int rc = exec_sql(s, "PRAGMA synchronous = FULL");
	full_sync = rc == SQLITE_OK;
	if (rc == SQLITE_OK)
		rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, "storing the submission", err, errlen);
		goto out;
	}
	write_succeeded(s);
	memcpy(key_out, key, KEY_LEN + 1);
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(s->db);
	ok = true;
out:
	if (!ok && s && s->db)
		rollback(s);
	if (full_sync && exec_sql(s, "PRAGMA synchronous = NORMAL") != SQLITE_OK)
		kiosk_log(LOG_WARN, "store: synchronous stays FULL on this connection");
	sqlite3_finalize(st);
	free(blob);
	return ok;
}

bool store_submit(struct store *s, enum submission_kind kind, const char *payload_json, int64_t now,
		  char key_out[37], int64_t *id_out, char *err, size_t errlen)
{
	return submit(s, kind, payload_json, now, NULL, key_out, id_out, err, errlen);
}

bool store_submit_keyed(struct store *s, enum submission_kind kind, const char *payload_json, int64_t now,
			const char *key, int64_t *id_out, char *err, size_t errlen)
{
	char copy[KEY_LEN + 1];
	static const char hex[] = "0123456789abcdef";
	bool valid = key && strlen(key) == KEY_LEN;
	for (size_t i = 0; valid && i < KEY_LEN; i++)
		valid = (i == 8 || i == 13 || i == 18 || i == 23) ? key[i] == '-' : strchr(hex, key[i]) != NULL;
	if (!valid || key[14] != '4') {
		say(err, errlen, "the idempotency key is not a lower-case UUID v4");
		return false;
	}
	return submit(s, kind, payload_json, now, key, copy, id_out, err, errlen);
}

/* Fills out from a row of SUB_COLUMNS, decrypting the payload. */
static bool row_read(struct store *s, sqlite3_stmt *st, struct submission *out)
{
	bool ok = false;
	memset(out, 0, sizeof(*out)); /* callers may pass fresh stack memory (store_each): nothing stale to free */
	int64_t id = sqlite3_column_int64(st, 0);
	int kind = index_of(kind_names, SUB_KIND_COUNT, (const char *)sqlite3_column_text(st, 1));
	int state = index_of(state_names, SUB_STATE_COUNT, (const char *)sqlite3_column_text(st, 2));
	const char *key = (const char *)sqlite3_column_text(st, 3);
	if (kind < 0 || state < 0 || !key || strlen(key) != KEY_LEN) {
		kiosk_log(LOG_ERROR, "store: submission %lld has an unknown kind or state or a bad key", (long long)id);
		goto out;
	}
	out->id = id;
	out->kind = (enum submission_kind)kind;
	out->state = (enum submission_state)state;
	memcpy(out->key, key, KEY_LEN + 1);
	out->attempts = sqlite3_column_int(st, 4);
	out->created_at = sqlite3_column_int64(st, 5);
	out->next_attempt_at = sqlite3_column_int64(st, 6);
	out->delivered_at = sqlite3_column_int64(st, 7);
	if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
		if (!key_ready(s)) {
			kiosk_log(LOG_ERROR, "store: submission %lld cannot be decrypted: no usable key", (long long)id);
			goto out;
		}
		const unsigned char *blob = sqlite3_column_blob(st, 8);
		size_t blob_len = (size_t)sqlite3_column_bytes(st, 8);
		if (!store_crypto_open(s->key, out->key, KEY_LEN, blob, blob_len, &out->payload, &out->payload_len)) {
			kiosk_log(LOG_ERROR, "store: submission %lld does not decrypt (damaged or another key)",
				  (long long)id);
			goto out;
		}
	}
	if (sqlite3_column_type(st, 9) != SQLITE_NULL) {
		const char *text = (const char *)sqlite3_column_text(st, 9);
		size_t n = (size_t)sqlite3_column_bytes(st, 9);
		if (!text || !(out->response = malloc(n + 1)))
			goto out;
		memcpy(out->response, text, n);
		out->response[n] = '\0';
	}
	bounded_copy(out->error_code, sizeof(out->error_code), (const char *)sqlite3_column_text(st, 10));
	bounded_copy(out->error_message, sizeof(out->error_message), (const char *)sqlite3_column_text(st, 11));
	ok = true;
out:
	if (!ok)
		submission_finish(out);
	return ok;
}

/* Runs a query of SUB_COLUMNS bound to one integer or text parameter and reads its first row. */
static bool get_one(struct store *s, const char *sql, int64_t num, const char *text, struct submission *out)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	memset(out, 0, sizeof(*out));
	if (!s || !s->db)
		goto out;
	st = prepare(s, sql);
	if (!st)
		goto out;
	int rc = text ? sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC) : sqlite3_bind_int64(st, 1, num);
	if (rc != SQLITE_OK)
		goto out;
	rc = step(st);
	if (rc == SQLITE_ROW)
		ok = row_read(s, st, out);
	else if (rc != SQLITE_DONE)
		kiosk_log(LOG_ERROR, "store: cannot read the outbox: %s", sqlite3_errstr(rc));
out:
	sqlite3_finalize(st);
	return ok;
}

/* The heads: for each lane with pending submissions, its oldest one. A lane is a kind and what
 * depends on it (a cancellation on its booking, a withdrawal on its pledge), so nothing overtakes
 * what it refers to. The recursion walks the kinds through the (state, kind, id) index, so each step
 * is a seek, however long the outbox is. */
#define HEADS_CTE                                                                                              \
	"WITH RECURSIVE kinds(kind) AS ("                                                                      \
	" SELECT (SELECT MIN(kind) FROM submissions WHERE state = 'pending')"                                  \
	" UNION ALL SELECT (SELECT MIN(kind) FROM submissions WHERE state = 'pending' AND kind > kinds.kind)" \
	" FROM kinds WHERE kinds.kind IS NOT NULL),"                                                           \
	" kind_heads(id, kind) AS (SELECT (SELECT MIN(id) FROM submissions WHERE state = 'pending'"            \
	" AND kind = kinds.kind), kinds.kind FROM kinds WHERE kinds.kind IS NOT NULL),"                         \
	" heads(id) AS (SELECT MIN(id) FROM kind_heads GROUP BY CASE kind WHEN 'cancellation' THEN 'booking'" \
	" WHEN 'pledge_withdrawal' THEN 'pledge' WHEN 'help_cancel' THEN 'help_request' ELSE kind END) "

bool store_next_due(struct store *s, int64_t now, struct submission *out)
{
	return get_one(s,
		       HEADS_CTE "SELECT " SUB_COLUMNS " FROM submissions WHERE id IN (SELECT id FROM heads)"
				 " AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT 1",
		       now, NULL, out);
}

int64_t store_next_attempt_at(struct store *s)
{
	int64_t when = 0;
	if (!s || !s->db)
		return 0;
	int rc = query_int(s,
			   HEADS_CTE "SELECT IFNULL(MIN(next_attempt_at), 0) FROM submissions"
				     " WHERE id IN (SELECT id FROM heads)",
			   &when);
	if (rc != SQLITE_OK) {
		kiosk_log(LOG_ERROR, "store: cannot read the next attempt time: %s", sqlite3_errstr(rc));
		return 0;
	}
	return when;
}

bool store_get(struct store *s, int64_t id, struct submission *out)
{
	return get_one(s, "SELECT " SUB_COLUMNS " FROM submissions WHERE id = ?1", id, NULL, out);
}

bool store_find_key(struct store *s, const char *key, struct submission *out)
{
	if (!key || strlen(key) != KEY_LEN) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	return get_one(s, "SELECT " SUB_COLUMNS " FROM submissions WHERE key = ?1", 0, key, out);
}

bool store_find_booking_prefix(struct store *s, const char *prefix, struct submission *out)
{
	char lower[9];
	size_t n = prefix ? strlen(prefix) : 0;
	memset(out, 0, sizeof(*out));
	if (n != 8 || strspn(prefix, "0123456789abcdefABCDEF") != 8)
		return false;
	for (size_t i = 0; i < 8; i++)
		lower[i] = (char)(prefix[i] >= 'A' && prefix[i] <= 'F' ? prefix[i] - 'A' + 'a' : prefix[i]);
	lower[8] = '\0';
	/* The newest booking first: an 8-digit prefix of a random key is unique in practice. */
	return get_one(s, "SELECT " SUB_COLUMNS " FROM submissions WHERE kind = 'booking' AND substr(key, 1, 8) = ?1"
		       " ORDER BY id DESC LIMIT 1", 0, lower, out);
}

int store_each(struct store *s, enum submission_kind kind, bool (*visit)(void *ctx, const struct submission *sub),
	       void *ctx)
{
	int seen = 0;
	sqlite3_stmt *st = NULL;
	if (!s || !s->db || kind >= SUB_KIND_COUNT)
		return -1;
	st = prepare(s, "SELECT " SUB_COLUMNS " FROM submissions WHERE kind = ?1 AND payload IS NOT NULL ORDER BY id");
	if (!st || sqlite3_bind_text(st, 1, submission_kind_name(kind), -1, SQLITE_STATIC) != SQLITE_OK) {
		seen = -1;
		goto out;
	}
	int rc;
	while ((rc = step(st)) == SQLITE_ROW) {
		struct submission sub;
		if (!row_read(s, st, &sub))
			continue;
		seen++;
		bool go_on = visit(ctx, &sub);
		submission_finish(&sub);
		if (!go_on)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		kiosk_log(LOG_ERROR, "store: cannot read the outbox: %s", sqlite3_errstr(rc));
		seen = -1;
	}
out:
	sqlite3_finalize(st);
	return seen;
}

void submission_finish(struct submission *sub)
{
	if (!sub)
		return;
	store_crypto_free_plain(sub->payload, sub->payload_len);
	free(sub->response);
	secure_wipe(sub, sizeof(*sub));
}

/* Binds a named parameter when the statement has it (NULL text binds NULL). */
static int bind_text_named(sqlite3_stmt *st, const char *name, const char *text)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (!i)
		return SQLITE_OK;
	return text ? sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

static int bind_int_named(sqlite3_stmt *st, const char *name, int64_t value)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i ? sqlite3_bind_int64(st, i, value) : SQLITE_OK;
}

/* Runs a prepared UPDATE or DELETE meant to change submission id (in the state named) in one write
 * transaction; true when it changed exactly that one row (rolled back on failure). */
static bool change_one(struct store *s, sqlite3_stmt *st, int64_t id, const char *what, const char *state)
{
	int rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	bool changed = rc == SQLITE_OK && sqlite3_changes(s->db) == 1;
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, what, NULL, 0);
		rollback(s);
		return false;
	}
	write_succeeded(s);
	if (!changed)
		kiosk_log(LOG_WARN, "store: %s: submission %lld is unknown or not %s", what, (long long)id, state);
	return changed;
}

/* Changes one pending submission with sql, which may use :id, :state, :response, :code, :message and
 * :time. False when the submission is unknown or not pending any more. */
static bool mark(struct store *s, const char *sql, int64_t id, enum submission_state state, const char *response,
		 const char *code, const char *message, int64_t when, const char *what)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	char code_buf[sizeof(((struct submission *)0)->error_code)];
	char msg_buf[sizeof(((struct submission *)0)->error_message)];
	bounded_copy(code_buf, sizeof(code_buf), code);
	bounded_copy(msg_buf, sizeof(msg_buf), message);
	if (!can_write(s, NULL, 0))
		goto out;
	st = prepare(s, sql);
	if (!st || bind_int_named(st, ":id", id) != SQLITE_OK ||
	    bind_text_named(st, ":state", state_names[state]) != SQLITE_OK ||
	    bind_text_named(st, ":response", response) != SQLITE_OK ||
	    bind_text_named(st, ":code", code ? code_buf : NULL) != SQLITE_OK ||
	    bind_text_named(st, ":message", message ? msg_buf : NULL) != SQLITE_OK ||
	    bind_int_named(st, ":time", when) != SQLITE_OK)
		goto out;
	ok = change_one(s, st, id, what, "pending");
out:
	sqlite3_finalize(st);
	return ok;
}

/* A response too big to keep is dropped (the outcome still counts) and the drop is recorded. */
static const char *bounded_response(const char *response, const char **code, const char **message)
{
	if (!response || strlen(response) <= STORE_RESPONSE_MAX)
		return response;
	kiosk_log(LOG_WARN, "store: a backend answer of %zu bytes was not kept (limit %d)", strlen(response),
		  STORE_RESPONSE_MAX);
	*code = "response_too_large";
	*message = "the backend's answer was too large to keep";
	return NULL;
}

bool store_mark_delivered(struct store *s, int64_t id, const char *response_json, int64_t now)
{
	const char *code = NULL, *message = NULL;
	const char *response = bounded_response(response_json, &code, &message);
	return mark(s,
		    "UPDATE submissions SET state = :state, response = :response, delivered_at = :time,"
		    " attempts = attempts + 1, error_code = IFNULL(:code, error_code),"
		    " error_message = IFNULL(:message, error_message) WHERE id = :id AND state = 'pending'",
		    id, SUB_DELIVERED, response, code, message, now, "marking a submission delivered");
}

bool store_mark_retry(struct store *s, int64_t id, int64_t next_attempt_at, const char *error_code,
		      const char *error_message)
{
	return mark(s,
		    "UPDATE submissions SET attempts = attempts + 1, next_attempt_at = :time, error_code = :code,"
		    " error_message = :message WHERE id = :id AND state = 'pending'",
		    id, SUB_PENDING, NULL, error_code, error_message, next_attempt_at, "scheduling a retry");
}

bool store_mark_stopped(struct store *s, int64_t id, enum submission_state state, const char *response_json,
			const char *error_code, const char *error_message)
{
	if (state != SUB_REJECTED && state != SUB_NEEDS_REBOOKING) {
		kiosk_log(LOG_ERROR, "store: a submission can only be stopped as rejected or needs_rebooking");
		return false;
	}
	const char *code = error_code, *message = error_message;
	const char *response = bounded_response(response_json, &code, &message);
	return mark(s,
		    "UPDATE submissions SET state = :state, response = :response, error_code = :code,"
		    " error_message = :message, attempts = attempts + 1 WHERE id = :id AND state = 'pending'",
		    id, state, response, code, message, 0, "stopping a submission");
}

bool store_outbox_counts(struct store *s, struct outbox_counts *out)
{
	bool ok = false, begun = false;
	sqlite3_stmt *st = NULL;
	memset(out, 0, sizeof(*out));
	if (!s || !s->db)
		goto out;
	/* One read transaction: the counts and the oldest pending come from the same snapshot. */
	if (exec_sql(s, "BEGIN") != SQLITE_OK)
		goto out;
	begun = true;
	st = prepare(s, "SELECT state, COUNT(*) FROM submissions GROUP BY state");
	if (!st)
		goto out;
	int rc;
	while ((rc = step(st)) == SQLITE_ROW) {
		int state = index_of(state_names, SUB_STATE_COUNT, (const char *)sqlite3_column_text(st, 0));
		if (state >= 0)
			out->by_state[state] = sqlite3_column_int(st, 1);
	}
	if (rc != SQLITE_DONE)
		goto out;
	rc = query_int(s, "SELECT IFNULL(MIN(created_at), 0) FROM submissions WHERE state = 'pending'",
		       &out->oldest_pending_created);
	if (rc != SQLITE_OK)
		goto out;
	ok = true;
out:
	if (!ok && s && s->db)
		kiosk_log(LOG_ERROR, "store: cannot count the outbox: %s", sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	if (begun && exec_sql(s, "COMMIT") != SQLITE_OK)
		rollback(s);
	return ok;
}

int store_purge(struct store *s, int64_t now, int64_t retention_s)
{
	int result = -1;
	sqlite3_stmt *stamp = NULL, *erase = NULL;
	if (retention_s < 0 || now < INT64_MIN + retention_s || !can_write(s, NULL, 0))
		goto out;
	stamp = prepare(s, "UPDATE submissions SET stopped_at = ?1"
			   " WHERE state IN ('rejected', 'needs_rebooking') AND stopped_at IS NULL");
	erase = prepare(s, "UPDATE submissions SET payload = NULL, purged_at = ?1 WHERE payload IS NOT NULL AND"
			   " ((state = 'delivered' AND delivered_at < ?2) OR"
			   " (state IN ('rejected', 'needs_rebooking') AND stopped_at < ?2))");
	if (!stamp || !erase || sqlite3_bind_int64(stamp, 1, now) != SQLITE_OK ||
	    sqlite3_bind_int64(erase, 1, now) != SQLITE_OK || sqlite3_bind_int64(erase, 2, now - retention_s) != SQLITE_OK)
		goto out;
	int rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(stamp) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	if (rc == SQLITE_OK)
		rc = step(erase) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	int purged = rc == SQLITE_OK ? sqlite3_changes(s->db) : 0;
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, "purging personal data", NULL, 0);
		goto out;
	}
	write_succeeded(s);
	if (purged > 0) {
		/* secure_delete zeroed the freed bytes in the new page images; copy them into the file and
		 * cut the WAL so that no older image of those pages stays behind. Only a short wait: the
		 * checkpoint holds the write lock, and the UI must not wait on it. */
		sqlite3_busy_timeout(s->db, 200);
		sqlite3_stmt *ck = prepare(s, "PRAGMA wal_checkpoint(TRUNCATE)");
		int ck_rc = ck ? sqlite3_step(ck) : SQLITE_ERROR;
		if (ck_rc != SQLITE_ROW || sqlite3_column_int(ck, 0) != 0)
			kiosk_log(LOG_WARN, "store: the WAL could not be truncated after a purge (a reader was busy); "
					    "its old pages hold only ciphertext and are overwritten later");
		sqlite3_finalize(ck);
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
		kiosk_log(LOG_INFO, "store: erased the personal data of %d submissions", purged);
	}
	result = purged;
out:
	if (result < 0 && s && s->db)
		rollback(s);
	sqlite3_finalize(stamp);
	sqlite3_finalize(erase);
	return result;
}

/* ---- meta ---- */

bool store_meta_put(struct store *s, const char *key, const char *value)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	if (!name_ok(key) || !value || strlen(value) > STORE_META_VALUE_MAX) {
		kiosk_log(LOG_ERROR, "store: a meta key must be 1 to %d printable characters and its value at most %d "
				     "bytes",
			  STORE_NAME_MAX, STORE_META_VALUE_MAX);
		goto out;
	}
	if (!can_write(s, NULL, 0))
		goto out;
	st = prepare(s, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
	if (!st || sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = begin_write(s);
	if (rc == SQLITE_OK)
		rc = step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
	if (rc == SQLITE_OK)
		rc = commit(s);
	if (rc != SQLITE_OK) {
		write_failed(s, rc, "storing a sync fact", NULL, 0);
		goto out;
	}
	write_succeeded(s);
	ok = true;
out:
	if (!ok && s && s->db)
		rollback(s);
	sqlite3_finalize(st);
	return ok;
}

bool store_meta_get(struct store *s, const char *key, char *value, size_t len)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	if (!s || !s->db || !name_ok(key) || !value || !len)
		goto out;
	st = prepare(s, "SELECT value FROM meta WHERE key = ?1");
	if (!st || sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			kiosk_log(LOG_ERROR, "store: cannot read meta %s: %s", key, sqlite3_errstr(rc));
		goto out;
	}
	const char *text = (const char *)sqlite3_column_text(st, 0);
	size_t n = (size_t)sqlite3_column_bytes(st, 0);
	if (!text || n >= len) {
		kiosk_log(LOG_WARN, "store: meta %s (%zu bytes) does not fit in %zu bytes", key, n, len);
		goto out;
	}
	memcpy(value, text, n + 1);
	ok = true;
out:
	sqlite3_finalize(st);
	return ok;
}

/* ---- staff actions on stopped submissions ---- */

/* Runs one UPDATE or DELETE on a stopped submission (:id, :time); true when it changed one row. */
static bool change_stopped(struct store *s, const char *sql, int64_t id, int64_t now, const char *what)
{
	bool ok = false;
	sqlite3_stmt *st = NULL;
	if (!can_write(s, NULL, 0))
		goto out;
	st = prepare(s, sql);
	if (!st || bind_int_named(st, ":id", id) != SQLITE_OK || bind_int_named(st, ":time", now) != SQLITE_OK)
		goto out;
	ok = change_one(s, st, id, what, "stopped");
out:
	sqlite3_finalize(st);
	return ok;
}

bool store_retry(struct store *s, int64_t id, int64_t now)
{
	return change_stopped(s,
			      "UPDATE submissions SET state = 'pending', next_attempt_at = :time, stopped_at = NULL"
			      " WHERE id = :id AND state IN ('rejected', 'needs_rebooking') AND payload IS NOT NULL",
			      id, now, "retrying a stopped submission");
}

bool store_discard(struct store *s, int64_t id)
{
	return change_stopped(s, "DELETE FROM submissions WHERE id = :id AND state IN ('rejected', 'needs_rebooking')",
			      id, 0, "discarding a stopped submission");
}
