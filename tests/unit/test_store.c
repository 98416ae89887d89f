/* The local store: schema and migrations, the outbox's order and states, encryption at rest and
 * purge, key problems, a damaged file (and what its outbox held recovered from it), a read-only
 * directory, a full disk, and two connections used
 * from two threads. Every check runs in its own temporary directory, removed afterwards. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "data/store.h"

#define T0 1764300000 /* a Unix time in 2025 */
#define PII_NAME "陈大文"
#define PII_ID "44070419900101123X"
#define PII_PHONE "13812345678"
#define PII_PAYLOAD                                                                                        \
	"{\"parties\":[{\"name\":\"" PII_NAME "\",\"id_number\":\"" PII_ID "\",\"phone\":\"" PII_PHONE "\"}]," \
	"\"slot_id\":\"s-1\"}"

static char dir[64];

static void make_dir(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kiosk-store-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(1);
	}
}

static void remove_dir(void)
{
	chmod(dir, 0700);
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		char path[512];
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	if (rmdir(dir) != 0)
		fprintf(stderr, "cannot remove %s: %s\n", dir, strerror(errno));
}

static const char *path_in(const char *name)
{
	static char bufs[4][512];
	static int next;
	char *p = bufs[next++ % 4];
	snprintf(p, 512, "%s/%s", dir, name);
	return p;
}

static char *read_all(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n;
	char chunk[65536];
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		char *grown = realloc(buf, cap + n + 1);
		if (!grown) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = grown;
		memcpy(buf + cap, chunk, n);
		cap += n;
	}
	fclose(f);
	if (!buf)
		buf = calloc(1, 1);
	*len = cap;
	return buf;
}

static bool write_all(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return false;
	bool ok = write(fd, data, len) == (ssize_t)len;
	ok = fchmod(fd, mode) == 0 && ok;
	close(fd);
	return ok;
}

static bool has_bytes(const char *hay, size_t hay_len, const void *needle, size_t len)
{
	for (size_t i = 0; hay && len && i + len <= hay_len; i++) {
		if (memcmp(hay + i, needle, len) == 0)
			return true;
	}
	return false;
}

/* True when the file at path holds the needle (a missing file holds nothing). */
static bool file_has(const char *path, const void *needle, size_t len)
{
	size_t n;
	char *buf = read_all(path, &n);
	bool found = has_bytes(buf, n, needle, len);
	free(buf);
	return found;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static struct store *open_store(bool create)
{
	char err[512] = "";
	struct store_options opts = {.create = create};
	struct store *s = store_open(dir, &opts, err, sizeof(err));
	if (!s)
		fprintf(stderr, "  store_open: %s\n", err);
	return s;
}

static enum store_health health(struct store *s, char *why, size_t len)
{
	char buf[1024];
	return store_health(s, why ? why : buf, why ? len : sizeof(buf));
}

static bool submit(struct store *s, enum submission_kind kind, const char *payload, int64_t now, int64_t *id)
{
	char key[37], err[512] = "";
	bool ok = store_submit(s, kind, payload, now, key, id, err, sizeof(err));
	if (!ok)
		fprintf(stderr, "  store_submit: %s\n", err);
	return ok;
}

/* One integer from the database, through a connection of the test's own. */
static int64_t raw_int(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_open_v2(path_in("kiosk.db"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static bool raw_exec(const char *sql)
{
	sqlite3 *db = NULL;
	bool ok = sqlite3_open_v2(path_in("kiosk.db"), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
		  sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return ok;
}

/* The schema as text, to compare before and after a reopen. */
static char *raw_schema(void)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *out = calloc(1, 1);
	size_t len = 0;
	if (sqlite3_open_v2(path_in("kiosk.db"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_master ORDER BY name",
			       -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *row = (const char *)sqlite3_column_text(st, 0);
			size_t n = strlen(row);
			char *grown = realloc(out, len + n + 2);
			if (!grown)
				break;
			out = grown;
			memcpy(out + len, row, n);
			len += n;
			out[len++] = '\n';
			out[len] = '\0';
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* Created once, reopened by a connection that does not create: same data, same key file. */
static void test_create_reopen(void)
{
	make_dir();
	char err[256];
	struct store_options no_create = {.create = false};
	CHECK(store_open(dir, &no_create, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "no database") != NULL);
	CHECK(!exists(path_in("kiosk.db")));

	struct store *s = open_store(true);
	int64_t id = 0;
	CHECK(s && health(s, NULL, 0) == STORE_HEALTHY);
	CHECK(submit(s, SUB_PLEDGE, "{\"amount\":88.8}", T0, &id));
	store_close(s);
	struct stat st;
	CHECK(stat(path_in("kiosk.key"), &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == 32);
	size_t head_len = 0;
	char *head = read_all(path_in("kiosk.db"), &head_len);
	CHECK(head && head_len > 100 && head[18] == 2 && head[19] == 2); /* WAL in the file header */
	free(head);

	s = open_store(false);
	struct submission sub = {0};
	CHECK(s && health(s, NULL, 0) == STORE_HEALTHY);
	CHECK(s && store_get(s, id, &sub));
	CHECK_STR(sub.payload, "{\"amount\":88.8}");
	CHECK_INT(sub.state, SUB_PENDING);
	CHECK_INT(sub.kind, SUB_PLEDGE);
	CHECK_INT(sub.created_at, T0);
	CHECK_INT(strlen(sub.key), 36);
	CHECK(sub.key[14] == '4' && strchr("89ab", sub.key[19]) != NULL);
	submission_finish(&sub);
	store_close(s);
	store_close(NULL);
	remove_dir();
}

/* Reopening runs no migration twice: same schema, same user_version; an empty version-0 file is
 * migrated. */
static void test_migrations_idempotent(void)
{
	make_dir();
	CHECK(raw_exec("CREATE TABLE unrelated (x); DROP TABLE unrelated;"));
	CHECK_INT(raw_int("PRAGMA user_version"), 0);
	store_close(open_store(true));
	int64_t version = raw_int("PRAGMA user_version");
	char *first = raw_schema();
	CHECK(version >= 1);
	CHECK(strstr(first, "table submissions") && strstr(first, "table ref_cache") && strstr(first, "table meta"));
	for (int i = 0; i < 2; i++)
		store_close(open_store(i == 0));
	char *again = raw_schema();
	CHECK_STR(again, first);
	CHECK_INT(raw_int("PRAGMA user_version"), version);
	free(first);
	free(again);
	remove_dir();
}

/* A file from a newer kiosk is refused and left byte for byte as it was. */
static void test_newer_schema_refused(void)
{
	make_dir();
	struct store *s = open_store(true);
	CHECK(s && submit(s, SUB_BOOKING, "{\"a\":1}", T0, NULL));
	CHECK(s && store_ref_put(s, "texts", "\"e1\"", "{}", 2, T0, NULL, 0));
	store_close(s);
	CHECK(raw_exec("PRAGMA user_version = 99"));
	size_t len_before, len_after;
	char *before = read_all(path_in("kiosk.db"), &len_before);
	struct stat st_before, st_after;
	CHECK(stat(path_in("kiosk.db"), &st_before) == 0);

	for (int i = 0; i < 2; i++) {
		char why[1024], err[512];
		s = open_store(i == 0);
		CHECK(s != NULL);
		if (!s)
			continue;
		CHECK_INT(health(s, why, sizeof(why)), STORE_NEWER_SCHEMA);
		CHECK(strstr(why, "newer") != NULL);
		CHECK(!store_submit(s, SUB_BOOKING, "{}", T0, (char[37]){0}, NULL, err, sizeof(err)));
		CHECK(!store_ref_put(s, "texts", "", "{}", 2, T0, err, sizeof(err)));
		store_close(s);
	}
	char *after = read_all(path_in("kiosk.db"), &len_after);
	CHECK(stat(path_in("kiosk.db"), &st_after) == 0);
	CHECK(before && after && len_before == len_after && memcmp(before, after, len_before) == 0);
	CHECK(st_before.st_mtim.tv_sec == st_after.st_mtim.tv_sec && st_before.st_mtim.tv_nsec == st_after.st_mtim.tv_nsec);
	CHECK_INT(raw_int("PRAGMA user_version"), 99);
	free(before);
	free(after);
	remove_dir();
}

/* submit → next_due → retry / delivered / stopped, head-of-line per kind, counts. */
static void test_outbox_flow(void)
{
	make_dir();
	struct store *s = open_store(true);
	int64_t b1, b2, p1;
	struct submission sub = {0};
	struct outbox_counts counts;
	CHECK(submit(s, SUB_BOOKING, "{\"n\":\"b1\"}", T0, &b1));
	CHECK(submit(s, SUB_BOOKING, "{\"n\":\"b2\"}", T0 + 1, &b2));
	CHECK(submit(s, SUB_PLEDGE, "{\"n\":\"p1\"}", T0 + 2, &p1));
	CHECK(b1 < b2 && b2 < p1);
	CHECK_INT(store_next_attempt_at(s), T0);

	CHECK(!store_next_due(s, T0 - 1, &sub)); /* nothing due before its creation */
	CHECK(store_next_due(s, T0 + 100, &sub) && sub.id == b1 && sub.attempts == 0);
	CHECK_STR(sub.payload, "{\"n\":\"b1\"}");
	submission_finish(&sub);

	/* b1 backs off: its kind waits behind it (b2 is not sent first), the pledge goes. */
	CHECK(store_mark_retry(s, b1, T0 + 300, "network", "connection refused"));
	CHECK(store_next_due(s, T0 + 100, &sub) && sub.id == p1);
	submission_finish(&sub);
	CHECK(store_mark_delivered(s, p1, "{\"reference\":\"PL-1\"}", T0 + 100));
	CHECK(!store_next_due(s, T0 + 100, &sub));
	CHECK_INT(store_next_attempt_at(s), T0 + 300);

	CHECK(store_next_due(s, T0 + 300, &sub) && sub.id == b1 && sub.attempts == 1);
	CHECK_STR(sub.error_code, "network");
	CHECK_STR(sub.error_message, "connection refused");
	submission_finish(&sub);
	/* A permanent refusal stops b1 and unblocks b2 behind it. */
	CHECK(store_mark_stopped(s, b1, SUB_REJECTED, "{\"error\":{\"code\":\"invalid_id_number\"}}",
				 "invalid_id_number", "parties[0].id_number"));
	CHECK(store_next_due(s, T0 + 300, &sub) && sub.id == b2);
	submission_finish(&sub);
	CHECK(store_mark_stopped(s, b2, SUB_NEEDS_REBOOKING, NULL, "slot_full", "no free places"));

	/* Only pending submissions change; a stop needs a stop state. */
	CHECK(!store_mark_delivered(s, p1, "{}", T0 + 400));
	CHECK(!store_mark_retry(s, b1, T0 + 500, "x", "y"));
	CHECK(!store_mark_stopped(s, p1, SUB_PENDING, NULL, "x", "y"));
	CHECK(!store_mark_delivered(s, 9999, "{}", T0));

	CHECK(store_get(s, p1, &sub) && sub.state == SUB_DELIVERED && sub.delivered_at == T0 + 100 && sub.attempts == 1);
	CHECK_STR(sub.response, "{\"reference\":\"PL-1\"}");
	submission_finish(&sub);
	CHECK(store_get(s, b1, &sub) && sub.state == SUB_REJECTED && sub.attempts == 2);
	CHECK_STR(sub.error_code, "invalid_id_number");
	char key[37];
	memcpy(key, sub.key, sizeof(key));
	submission_finish(&sub);
	CHECK(store_find_key(s, key, &sub) && sub.id == b1);
	submission_finish(&sub);
	CHECK(!store_find_key(s, "00000000-0000-4000-8000-000000000000", &sub));
	CHECK(!store_get(s, 9999, &sub));
	submission_finish(&sub);

	CHECK(store_outbox_counts(s, &counts));
	CHECK_INT(counts.by_state[SUB_PENDING], 0);
	CHECK_INT(counts.by_state[SUB_DELIVERED], 1);
	CHECK_INT(counts.by_state[SUB_REJECTED], 1);
	CHECK_INT(counts.by_state[SUB_NEEDS_REBOOKING], 1);
	CHECK_INT(counts.oldest_pending_created, 0);
	CHECK_INT(store_next_attempt_at(s), 0);

	/* Creation order per kind across many: each kind in id order, kinds interleaved by due time. */
	int64_t ids[10];
	for (int i = 0; i < 10; i++)
		CHECK(submit(s, (enum submission_kind)(i % SUB_KIND_COUNT), "{}", T0 + 1000 + i, &ids[i]));
	CHECK(store_outbox_counts(s, &counts));
	CHECK_INT(counts.by_state[SUB_PENDING], 10);
	CHECK_INT(counts.oldest_pending_created, T0 + 1000);
	for (int i = 0; i < 10; i++) {
		CHECK(store_next_due(s, T0 + 2000, &sub) && sub.id == ids[i]);
		CHECK(store_mark_delivered(s, sub.id, "{}", T0 + 2000));
		submission_finish(&sub);
	}
	CHECK(!store_next_due(s, T0 + 2000, &sub));

	/* Lanes: a withdrawal waits behind its pledge backing off, a cancellation behind its booking;
	 * a help request has its own lane and goes. */
	int64_t pl, wd, bk, cn, hr;
	CHECK(submit(s, SUB_PLEDGE, "{}", T0 + 3000, &pl));
	CHECK(submit(s, SUB_PLEDGE_WITHDRAWAL, "{}", T0 + 3001, &wd));
	CHECK(submit(s, SUB_BOOKING, "{}", T0 + 3002, &bk));
	CHECK(submit(s, SUB_CANCELLATION, "{}", T0 + 3003, &cn));
	CHECK(submit(s, SUB_HELP_REQUEST, "{}", T0 + 3004, &hr));
	CHECK(store_mark_retry(s, pl, T0 + 4000, "network", "down"));
	CHECK(store_mark_retry(s, bk, T0 + 4000, "network", "down"));
	CHECK(store_next_due(s, T0 + 3500, &sub) && sub.id == hr);
	CHECK(store_mark_delivered(s, hr, "{}", T0 + 3500));
	submission_finish(&sub);
	CHECK(!store_next_due(s, T0 + 3500, &sub)); /* the withdrawal and the cancellation wait */
	CHECK_INT(store_next_attempt_at(s), T0 + 4000);
	int64_t order[4] = {pl, wd, bk, cn}; /* the withdrawal was due long ago */
	for (int i = 0; i < 4; i++) {
		CHECK(store_next_due(s, T0 + 4000, &sub) && sub.id == order[i]);
		CHECK(store_mark_delivered(s, sub.id, "{}", T0 + 4000));
		submission_finish(&sub);
	}
	CHECK(!store_next_due(s, T0 + 4000, &sub));

	char err[256];
	CHECK(!store_submit(s, SUB_KIND_COUNT, "{}", T0, key, NULL, err, sizeof(err)));
	char *big = malloc(STORE_PAYLOAD_MAX + 2);
	memset(big, 'x', STORE_PAYLOAD_MAX + 1);
	big[STORE_PAYLOAD_MAX + 1] = '\0';
	CHECK(!store_submit(s, SUB_BOOKING, big, T0, key, NULL, err, sizeof(err)));
	CHECK(strstr(err, "bigger") != NULL);
	free(big);
	CHECK_STR(submission_endpoint(SUB_BOOKING), "/v1/bookings");
	CHECK_STR(submission_kind_name(SUB_HELP_REQUEST), "help_request");
	CHECK_STR(submission_state_name(SUB_NEEDS_REBOOKING), "needs_rebooking");
	store_close(s);
	remove_dir();
}

/* Names, ID numbers and phones never reach the files in plaintext; they come back decrypted. */
static void test_encryption_at_rest(void)
{
	make_dir();
	struct store *s = open_store(true);
	int64_t ids[20];
	for (int i = 0; i < 20; i++)
		CHECK(submit(s, (enum submission_kind)(i % 3), PII_PAYLOAD, T0 + i, &ids[i]));
	CHECK(store_ref_put(s, "offices", "", "{\"offices\":[]}", 14, T0, NULL, 0));
	CHECK(store_meta_put(s, "last_success", "2025-11-28T10:00:00+08:00"));
	const char *secrets[] = {PII_NAME, PII_ID, PII_PHONE};
	for (int pass = 0; pass < 2; pass++) {
		CHECK(exists(path_in("kiosk.db")));
		for (size_t i = 0; i < 3; i++) {
			CHECK(!file_has(path_in("kiosk.db"), secrets[i], strlen(secrets[i])));
			CHECK(!file_has(path_in("kiosk.db-wal"), secrets[i], strlen(secrets[i])));
		}
		if (pass == 0) {
			CHECK(exists(path_in("kiosk.db-wal"))); /* the WAL was really looked at */
			struct submission sub = {0};
			CHECK(store_get(s, ids[7], &sub));
			CHECK_STR(sub.payload, PII_PAYLOAD);
			CHECK_INT(sub.payload_len, strlen(PII_PAYLOAD));
			submission_finish(&sub);
			CHECK(sub.payload == NULL && sub.payload_len == 0);
			store_close(s);
		}
	}
	remove_dir();
}

/* Purge after the retention period: payloads gone (and their ciphertext from the files), what staff
 * need kept; pending submissions never purged; a stop counts from the first purge that sees it. */
static void test_purge(void)
{
	make_dir();
	const int64_t ret = 7 * 86400;
	struct store *s = open_store(true);
	int64_t a, b, c;
	CHECK(submit(s, SUB_BOOKING, PII_PAYLOAD, T0, &a));
	CHECK(submit(s, SUB_PLEDGE, PII_PAYLOAD, T0, &b));
	CHECK(submit(s, SUB_HELP_REQUEST, PII_PAYLOAD, T0, &c));
	CHECK(store_mark_delivered(s, a, "{\"reference\":\"BK-7\"}", T0 + 10));
	CHECK(store_mark_stopped(s, b, SUB_REJECTED, "{\"error\":{}}", "project_closed", "closed"));

	/* The ciphertext of a, to look for in the files afterwards. */
	unsigned char cipher[32];
	size_t cipher_len = 0;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(path_in("kiosk.db"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT payload FROM submissions WHERE id = ?1", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_bind_int64(st, 1, a) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) > 64) {
		memcpy(cipher, (const unsigned char *)sqlite3_column_blob(st, 0) + 30, sizeof(cipher));
		cipher_len = sizeof(cipher);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	CHECK(cipher_len == sizeof(cipher));
	CHECK(file_has(path_in("kiosk.db"), cipher, cipher_len) || file_has(path_in("kiosk.db-wal"), cipher, cipher_len));

	CHECK_INT(store_purge(s, T0 + 1000, ret), 0); /* too early for a; dates b's stop at T0 + 1000 */
	CHECK_INT(store_purge(s, T0 + 10 + ret + 1, ret), 1); /* a */
	CHECK_INT(store_purge(s, T0 + 10 + ret + 2, ret), 0); /* b's stop is younger */
	CHECK(!file_has(path_in("kiosk.db"), cipher, cipher_len));
	CHECK(!file_has(path_in("kiosk.db-wal"), cipher, cipher_len));
	CHECK_INT(store_purge(s, T0 + 1000 + ret + 1, ret), 1); /* b */
	CHECK_INT(store_purge(s, T0 + 100 * ret, ret), 0); /* c is pending: never */
	CHECK_INT(store_purge(s, T0, -1), -1);

	struct submission sub = {0};
	CHECK(store_get(s, a, &sub) && sub.payload == NULL && sub.state == SUB_DELIVERED);
	CHECK_STR(sub.response, "{\"reference\":\"BK-7\"}");
	CHECK_INT(strlen(sub.key), 36);
	CHECK_INT(sub.delivered_at, T0 + 10);
	submission_finish(&sub);
	CHECK(store_get(s, b, &sub) && sub.payload == NULL && sub.state == SUB_REJECTED);
	CHECK_STR(sub.error_code, "project_closed");
	submission_finish(&sub);
	CHECK(store_get(s, c, &sub) && sub.payload != NULL);
	CHECK_STR(sub.payload, PII_PAYLOAD);
	submission_finish(&sub);
	store_close(s);
	remove_dir();
}

/* Makes a store holding one encrypted submission; returns its id and keeps the key bytes. */
static int64_t store_with_data(char **key, size_t *key_len)
{
	make_dir();
	int64_t id = 0;
	struct store *s = open_store(true);
	CHECK(s && submit(s, SUB_BOOKING, PII_PAYLOAD, T0, &id));
	CHECK(s && store_ref_put(s, "services", "", "[1]", 3, T0, NULL, 0));
	store_close(s);
	*key = read_all(path_in("kiosk.key"), key_len);
	CHECK(*key && *key_len == 32);
	return id;
}

/* Opens and expects STORE_KEY_PROBLEM with `needle` in the sentence, submissions and decryption
 * refused, the reference cache and counts still readable. */
static void expect_key_problem(int64_t id, const char *needle)
{
	char why[1024], err[1024];
	struct submission sub = {0};
	struct store *s = open_store(true);
	CHECK(s != NULL);
	if (!s)
		return;
	if (!CHECK_INT(health(s, why, sizeof(why)), STORE_KEY_PROBLEM) || !CHECK(strstr(why, needle) != NULL))
		fprintf(stderr, "  why: %s\n", why);
	CHECK(!store_get(s, id, &sub) && sub.payload == NULL);
	CHECK(!store_next_due(s, T0 + 10, &sub));
	CHECK(!store_submit(s, SUB_BOOKING, PII_PAYLOAD, T0, (char[37]){0}, NULL, err, sizeof(err)));
	CHECK(strstr(err, "key") != NULL);
	struct outbox_counts counts;
	CHECK(store_outbox_counts(s, &counts) && counts.by_state[SUB_PENDING] == 1);
	char *json = NULL;
	CHECK(store_ref_get(s, "services", &json, NULL, NULL, 0, NULL));
	CHECK_STR(json, "[1]");
	free(json);
	store_close(s);
}

static void expect_data_intact(int64_t id)
{
	struct submission sub = {0};
	struct store *s = open_store(true);
	CHECK(s && health(s, NULL, 0) == STORE_HEALTHY);
	CHECK(s && store_get(s, id, &sub));
	CHECK_STR(sub.payload, PII_PAYLOAD);
	submission_finish(&sub);
	store_close(s);
}

static void test_key_problems(void)
{
	size_t key_len = 0;
	char *key = NULL;
	int64_t id = store_with_data(&key, &key_len);

	/* Missing while encrypted data exists: refused, and no new key is made over the data. */
	unlink(path_in("kiosk.key"));
	expect_key_problem(id, "missing");
	CHECK(!exists(path_in("kiosk.key")));

	/* Readable by others. */
	CHECK(write_all(path_in("kiosk.key"), key, key_len, 0644));
	expect_key_problem(id, "0644");

	/* Wrong size. */
	CHECK(write_all(path_in("kiosk.key"), key, key_len - 1, 0600));
	expect_key_problem(id, "damaged");

	/* Another key: nothing decrypted, nothing lost. */
	char other[32];
	for (int i = 0; i < 32; i++)
		other[i] = (char)(key[i] ^ 0x5a);
	CHECK(write_all(path_in("kiosk.key"), other, sizeof(other), 0600));
	expect_key_problem(id, "does not open");
	size_t len = 0;
	char *now = read_all(path_in("kiosk.key"), &len);
	CHECK(now && len == 32 && memcmp(now, other, 32) == 0); /* the key file was not replaced */
	free(now);

	CHECK(write_all(path_in("kiosk.key"), key, key_len, 0600));
	expect_data_intact(id);
	free(key);
	remove_dir();
}

static char *find_quarantined(void)
{
	static char name[256];
	DIR *d = opendir(dir);
	struct dirent *e;
	name[0] = '\0';
	while (d && (e = readdir(d))) {
		if (strncmp(e->d_name, "kiosk.db.corrupt-", 17) == 0 && !strstr(e->d_name + 17, "-wal") &&
		    !strstr(e->d_name + 17, "-shm"))
			snprintf(name, sizeof(name), "%s", e->d_name);
	}
	if (d)
		closedir(d);
	return name[0] ? name : NULL;
}

/* The damaged file is moved aside byte for byte, a fresh store works, STORE_CORRUPT says where. */
static void expect_quarantine(const char *damaged, size_t damaged_len)
{
	char why[1024];
	struct store_options no_create = {.create = false};
	CHECK(store_open(dir, &no_create, why, sizeof(why)) == NULL); /* only the UI's connection moves it */
	CHECK(find_quarantined() == NULL);

	struct store *s = open_store(true);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(health(s, why, sizeof(why)), STORE_CORRUPT);
	const char *name = find_quarantined();
	CHECK(name && strstr(why, name) != NULL);
	size_t len = 0;
	char *moved = name ? read_all(path_in(name), &len) : NULL;
	CHECK(moved && len == damaged_len && memcmp(moved, damaged, len) == 0);
	free(moved);
	int64_t id = 0;
	struct submission sub = {0};
	CHECK(submit(s, SUB_PLEDGE, "{\"fresh\":true}", T0, &id));
	CHECK(store_get(s, id, &sub));
	CHECK_STR(sub.payload, "{\"fresh\":true}");
	submission_finish(&sub);
	store_close(s);

	s = open_store(true); /* the next start is healthy again, the quarantined file still there */
	CHECK(s && health(s, NULL, 0) == STORE_HEALTHY);
	CHECK(find_quarantined() != NULL);
	store_close(s);
}

static void test_corrupt_garbage(void)
{
	make_dir();
	char garbage[10000];
	for (size_t i = 0; i < sizeof(garbage); i++)
		garbage[i] = "not a database at all "[i % 22];
	CHECK(write_all(path_in("kiosk.db"), garbage, sizeof(garbage), 0600));
	expect_quarantine(garbage, sizeof(garbage));
	remove_dir();
}

static void test_corrupt_page(void)
{
	size_t key_len;
	char *key = NULL;
	store_with_data(&key, &key_len);
	int64_t page = raw_int("SELECT rootpage FROM sqlite_master WHERE name = 'submissions_by_state'");
	int64_t page_size = raw_int("PRAGMA page_size");
	CHECK(page > 1 && page_size > 0);
	size_t len = 0;
	char *bytes = read_all(path_in("kiosk.db"), &len);
	CHECK(bytes && (int64_t)len >= page * page_size);
	if (bytes && page > 1 && (int64_t)len >= page * page_size) {
		memset(bytes + (page - 1) * page_size, 0x77, (size_t)page_size);
		CHECK(write_all(path_in("kiosk.db"), bytes, len, 0600));
		expect_quarantine(bytes, len);
	}
	size_t key_after_len = 0;
	char *key_after = read_all(path_in("kiosk.key"), &key_after_len);
	CHECK(key_after && key_after_len == 32 && memcmp(key, key_after, 32) == 0); /* the moved file stays readable */
	free(key_after);
	free(bytes);
	free(key);
	remove_dir();
}

/* A store with three acknowledged submissions (two pending, one delivered) and a big piece of
 * reference data written after them, whose pages are the last of the file. Keys in keys[3]. */
static void store_for_salvage(char keys[3][37], int64_t ids[3])
{
	make_dir();
	struct store *s = open_store(true);
	char err[256];
	for (int i = 0; s && i < 3; i++)
		CHECK(store_submit(s, i == 1 ? SUB_PLEDGE : SUB_BOOKING, PII_PAYLOAD, T0 + i, keys[i], &ids[i], err, sizeof(err)));
	CHECK(s && store_mark_delivered(s, ids[1], "{\"reference\":\"PL-TEST0001\"}", T0 + 5));
	static char big[200 * 1024];
	memset(big, 'x', sizeof(big));
	big[0] = '[';
	big[1] = '"';
	big[sizeof(big) - 2] = '"';
	big[sizeof(big) - 1] = ']';
	CHECK(s && store_ref_put(s, "texts", "", big, sizeof(big), T0, err, sizeof(err)));
	store_close(s);
}

/* The damaged file is moved aside and what its outbox held is in the fresh one: the same ids,
 * states, keys and payloads (still sealed under kiosk.key), so nothing acknowledged is lost. */
static void expect_salvaged(char keys[3][37], const int64_t ids[3], const char *damaged, size_t damaged_len)
{
	char why[1024];
	struct store *s = open_store(true);
	if (!CHECK(s != NULL))
		return;
	CHECK_INT(health(s, why, sizeof(why)), STORE_CORRUPT);
	CHECK(strstr(why, "Every submission it held was recovered (3, of which 2 still to send") != NULL);
	const char *name = find_quarantined();
	size_t len = 0;
	char *moved = name ? read_all(path_in(name), &len) : NULL;
	CHECK(moved && len == damaged_len && memcmp(moved, damaged, len) == 0); /* never written */
	free(moved);
	for (int i = 0; i < 3; i++) {
		struct submission sub = {0};
		CHECK(store_find_key(s, keys[i], &sub));
		CHECK_INT(sub.id, ids[i]);
		CHECK_STR(sub.payload, PII_PAYLOAD);
		CHECK_INT(sub.state, i == 1 ? SUB_DELIVERED : SUB_PENDING);
		submission_finish(&sub);
	}
	struct outbox_counts c;
	CHECK(store_outbox_counts(s, &c) && c.by_state[SUB_PENDING] == 2 && c.by_state[SUB_DELIVERED] == 1);
	int64_t id = 0; /* a new submission follows them */
	CHECK(submit(s, SUB_HELP_REQUEST, "{\"after\":true}", T0 + 9, &id));
	CHECK(id > ids[2]);
	store_close(s);
}

static void test_corrupt_salvage(void)
{
	char keys[3][37];
	int64_t ids[3];
	/* A page of reference data turned to noise (the last page of the file is the big text's). */
	store_for_salvage(keys, ids);
	size_t len = 0;
	char *bytes = read_all(path_in("kiosk.db"), &len);
	int64_t page_size = raw_int("PRAGMA page_size");
	CHECK(bytes && page_size > 0 && len > 10 * (size_t)page_size);
	if (bytes && page_size > 0 && len > 10 * (size_t)page_size) {
		memset(bytes + len - 3 * (size_t)page_size, 0xA5, (size_t)page_size);
		CHECK(write_all(path_in("kiosk.db"), bytes, len, 0600));
		expect_salvaged(keys, ids, bytes, len);
	}
	free(bytes);
	remove_dir();

	/* The file cut short (its header still counts the pages it had): read through a copy. */
	store_for_salvage(keys, ids);
	bytes = read_all(path_in("kiosk.db"), &len);
	if (CHECK(bytes && len > 10 * (size_t)page_size)) {
		len = len / 2 / (size_t)page_size * (size_t)page_size;
		CHECK(write_all(path_in("kiosk.db"), bytes, len, 0600));
		expect_salvaged(keys, ids, bytes, len);
		DIR *d = opendir(dir); /* the copy it read through is gone */
		struct dirent *e;
		while (d && (e = readdir(d)))
			CHECK(strstr(e->d_name, ".salvage") == NULL);
		if (d)
			closedir(d);
	}
	free(bytes);
	remove_dir();

	/* The outbox's own page lost: nothing to recover, and the health says so. */
	store_for_salvage(keys, ids);
	int64_t page = raw_int("SELECT rootpage FROM sqlite_master WHERE name = 'submissions'");
	bytes = read_all(path_in("kiosk.db"), &len);
	if (CHECK(bytes && page > 1 && (int64_t)len >= page * page_size)) {
		memset(bytes + (page - 1) * page_size, 0xA5, (size_t)page_size);
		CHECK(write_all(path_in("kiosk.db"), bytes, len, 0600));
		char why[1024];
		struct store *s = open_store(true);
		CHECK(s && health(s, why, sizeof(why)) == STORE_CORRUPT);
		CHECK(s && strstr(why, "Submissions recovered from it: 0") && strstr(why, "3 could not be read"));
		struct outbox_counts c;
		CHECK(s && store_outbox_counts(s, &c) && c.by_state[SUB_PENDING] == 0);
		store_close(s);
	}
	free(bytes);
	remove_dir();
}

/* Opens the populated store and expects STORE_READ_ONLY with reads working and writes refused. */
static void expect_read_only(int64_t id, bool asked)
{
	char why[1024], err[1024];
	struct store_options opts = {.create = true, .read_only = asked};
	struct store *s = store_open(dir, &opts, err, sizeof(err));
	if (!CHECK(s != NULL)) {
		fprintf(stderr, "  store_open: %s\n", err);
		return;
	}
	CHECK_INT(health(s, why, sizeof(why)), STORE_READ_ONLY);
	struct submission sub = {0};
	CHECK(store_get(s, id, &sub));
	CHECK_STR(sub.payload, PII_PAYLOAD);
	submission_finish(&sub);
	char *json = NULL;
	CHECK(store_ref_get(s, "services", &json, NULL, NULL, 0, NULL));
	CHECK_STR(json, "[1]");
	free(json);
	CHECK(!store_submit(s, SUB_BOOKING, "{}", T0, (char[37]){0}, NULL, err, sizeof(err)));
	CHECK(strstr(err, "no writes") != NULL);
	CHECK(!store_mark_delivered(s, id, "{}", T0));
	CHECK(!store_meta_put(s, "k", "v"));
	store_close(s);
}

/* The real thing: a directory the process cannot write (as an unprivileged user). Returns the
 * number of failed checks. */
static int read_only_directory(void)
{
	int failed_before = check_failed;
	size_t key_len;
	char *key = NULL;
	int64_t id = 0;
	struct store *s = open_store(true);
	CHECK(s && submit(s, SUB_BOOKING, PII_PAYLOAD, T0, &id));
	CHECK(s && store_ref_put(s, "services", "", "[1]", 3, T0, NULL, 0));
	store_close(s);
	key = read_all(path_in("kiosk.key"), &key_len);
	CHECK(chmod(dir, 0500) == 0);
	CHECK(access(dir, W_OK) != 0);
	expect_read_only(id, false);
	CHECK(chmod(dir, 0700) == 0);
	free(key);
	return check_failed - failed_before;
}

static void test_read_only(void)
{
	/* The read-only option, which changes nothing on disk. */
	size_t key_len;
	char *key = NULL;
	int64_t id = store_with_data(&key, &key_len);
	size_t len_before, len_after;
	char *before = read_all(path_in("kiosk.db"), &len_before);
	expect_read_only(id, true);
	char *after = read_all(path_in("kiosk.db"), &len_after);
	CHECK(before && after && len_before == len_after && memcmp(before, after, len_before) == 0);
	free(before);
	free(after);
	free(key);
	remove_dir();

	/* A read-only directory. Root ignores permission bits, so as root the check runs in a child
	 * process that has become the unprivileged user nobody (65534). */
	make_dir();
	if (geteuid() != 0) {
		read_only_directory();
		remove_dir();
		return;
	}
	if (chown(dir, 65534, 65534) != 0) {
		printf("skipped the read-only directory check: running as root and cannot chown to nobody (%s)\n",
		       strerror(errno));
		remove_dir();
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0) {
			printf("skipped the read-only directory check: running as root and cannot become nobody (%s)\n",
			       strerror(errno));
			fflush(NULL);
			_exit(0);
		}
		_exit(read_only_directory() ? 1 : 0);
	}
	int status = 0;
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	remove_dir();
}

/* A full disk: the submission fails with a clear error, nothing stored before is lost, and writes
 * work again once there is room. */
static void test_disk_full(void)
{
	make_dir();
	struct store *s = open_store(true);
	int64_t ids[3];
	for (int i = 0; i < 3; i++)
		CHECK(submit(s, SUB_PLEDGE, PII_PAYLOAD, T0 + i, &ids[i]));
	CHECK(store_set_max_pages(s, 1)); /* SQLite keeps the current size: no more growth */
	char *big = malloc(100000);
	memset(big, 'z', 99999);
	big[99999] = '\0';
	char err[512] = "", why[1024];
	CHECK(!store_submit(s, SUB_BOOKING, big, T0 + 5, (char[37]){0}, NULL, err, sizeof(err)));
	CHECK(strstr(err, "disk is full") != NULL);
	CHECK_INT(health(s, why, sizeof(why)), STORE_DISK_FULL);
	CHECK(strstr(why, "full") != NULL);
	struct submission sub = {0};
	CHECK(store_get(s, ids[1], &sub));
	CHECK_STR(sub.payload, PII_PAYLOAD);
	submission_finish(&sub);
	CHECK(store_set_max_pages(s, 1 << 30));
	CHECK(submit(s, SUB_BOOKING, big, T0 + 6, NULL));
	CHECK_INT(health(s, NULL, 0), STORE_HEALTHY);
	store_close(s);
	free(big);

	s = open_store(true);
	struct outbox_counts counts;
	CHECK(s && store_outbox_counts(s, &counts) && counts.by_state[SUB_PENDING] == 4);
	for (int i = 0; s && i < 3; i++) {
		CHECK(store_get(s, ids[i], &sub));
		CHECK_STR(sub.payload, PII_PAYLOAD);
		submission_finish(&sub);
	}
	store_close(s);
	remove_dir();
}

#define THREAD_COUNT 200

struct sync_run {
	struct store *s;
	int delivered[THREAD_COUNT + 1];
	int errors, out_of_order;
};

static void *ui_thread(void *arg)
{
	struct sync_run *run = arg;
	for (int i = 0; i < THREAD_COUNT; i++) {
		if (!submit(run->s, (enum submission_kind)(i % SUB_KIND_COUNT), PII_PAYLOAD, T0 + i, NULL))
			run->errors++;
	}
	return NULL;
}

static void *sync_thread(void *arg)
{
	struct sync_run *run = arg;
	int64_t last[SUB_KIND_COUNT] = {0};
	int done = 0;
	struct timespec start, now, nap = {0, 1000000};
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (done < THREAD_COUNT) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > 20) {
			run->errors++;
			break;
		}
		struct submission sub = {0};
		if (!store_next_due(run->s, T0 + 10 * THREAD_COUNT, &sub)) {
			nanosleep(&nap, NULL);
			continue;
		}
		if (sub.id < 1 || sub.id > THREAD_COUNT || !sub.payload || strcmp(sub.payload, PII_PAYLOAD) != 0)
			run->errors++;
		else
			run->delivered[sub.id]++;
		if (sub.id <= last[sub.kind])
			run->out_of_order++;
		last[sub.kind] = sub.id;
		if (store_mark_delivered(run->s, sub.id, "{\"reference\":\"X\"}", T0 + 10 * THREAD_COUNT))
			done++;
		else
			run->errors++;
		submission_finish(&sub);
	}
	return NULL;
}

/* The UI's and the sync thread's connections at once: no errors, every submission delivered once. */
static void test_two_threads(void)
{
	make_dir();
	static struct sync_run ui, sync;
	memset(&ui, 0, sizeof(ui));
	memset(&sync, 0, sizeof(sync));
	ui.s = open_store(true);
	sync.s = open_store(false);
	CHECK(ui.s && sync.s);
	pthread_t a, b;
	if (ui.s && sync.s && CHECK(pthread_create(&a, NULL, ui_thread, &ui) == 0)) {
		CHECK(pthread_create(&b, NULL, sync_thread, &sync) == 0);
		pthread_join(a, NULL);
		pthread_join(b, NULL);
	}
	CHECK_INT(ui.errors, 0);
	CHECK_INT(sync.errors, 0);
	CHECK_INT(sync.out_of_order, 0);
	int once = 0;
	for (int i = 1; i <= THREAD_COUNT; i++)
		once += sync.delivered[i] == 1;
	CHECK_INT(once, THREAD_COUNT);
	struct outbox_counts counts;
	CHECK(ui.s && store_outbox_counts(ui.s, &counts));
	CHECK_INT(counts.by_state[SUB_DELIVERED], THREAD_COUNT);
	CHECK_INT(counts.by_state[SUB_PENDING], 0);
	CHECK(health(ui.s, NULL, 0) == STORE_HEALTHY && health(sync.s, NULL, 0) == STORE_HEALTHY);
	store_close(ui.s);
	store_close(sync.s);
	remove_dir();
}

static void test_reference_and_meta(void)
{
	make_dir();
	struct store *s = open_store(true);
	char err[256], etag[64], value[STORE_META_VALUE_MAX + 1];
	char *json = NULL;
	size_t len = 0;
	int64_t fetched = 0;
	CHECK(!store_ref_get(s, "services", &json, &len, etag, sizeof(etag), &fetched) && json == NULL);
	CHECK(store_ref_put(s, "services", "\"v1\"", "[1,2]", 5, T0, err, sizeof(err)));
	CHECK(store_ref_put(s, "slots:marriage:jianghai", NULL, "{}", 2, T0, err, sizeof(err)));
	CHECK(store_ref_get(s, "services", &json, &len, etag, sizeof(etag), &fetched));
	CHECK_STR(json, "[1,2]");
	CHECK_STR(etag, "\"v1\"");
	CHECK_INT(len, 5);
	CHECK_INT(fetched, T0);
	free(json);
	CHECK(store_ref_put(s, "services", "\"v2\"", "[3]", 3, T0 + 60, err, sizeof(err)));
	CHECK(store_ref_get(s, "services", &json, &len, etag, sizeof(etag), &fetched));
	CHECK_STR(json, "[3]");
	CHECK_STR(etag, "\"v2\"");
	CHECK_INT(fetched, T0 + 60);
	free(json);
	int64_t stamp = 0; /* the cheap freshness check agrees, and knows nothing of absent kinds */
	CHECK(store_ref_stamp(s, "services", &stamp));
	CHECK_INT(stamp, T0 + 60);
	CHECK(!store_ref_stamp(s, "programmes", &stamp));
	CHECK(store_ref_get(s, "slots:marriage:jianghai", &json, NULL, etag, sizeof(etag), NULL));
	CHECK_STR(etag, "");
	free(json);

	char *big = malloc(STORE_REF_JSON_MAX + 1);
	memset(big, ' ', STORE_REF_JSON_MAX + 1);
	CHECK(store_ref_put(s, "texts", "", big, STORE_REF_JSON_MAX, T0, err, sizeof(err)));
	CHECK(!store_ref_put(s, "texts", "", big, STORE_REF_JSON_MAX + 1, T0, err, sizeof(err)));
	CHECK(strstr(err, "bigger") != NULL);
	free(big);
	CHECK(store_ref_get(s, "texts", &json, &len, NULL, 0, NULL) && len == STORE_REF_JSON_MAX);
	free(json);
	CHECK(!store_ref_put(s, "two words", "", "{}", 2, T0, err, sizeof(err)));
	CHECK(!store_ref_put(s, "", "", "{}", 2, T0, err, sizeof(err)));

	CHECK(!store_meta_get(s, "last_error", value, sizeof(value)));
	CHECK(store_meta_put(s, "last_error", "timeout"));
	CHECK(store_meta_put(s, "last_error", "HTTP 503"));
	CHECK(store_meta_get(s, "last_error", value, sizeof(value)));
	CHECK_STR(value, "HTTP 503");
	CHECK(!store_meta_get(s, "last_error", value, 4)); /* does not fit: refused, not cut */
	char long_value[STORE_META_VALUE_MAX + 2];
	memset(long_value, 'v', sizeof(long_value) - 1);
	long_value[sizeof(long_value) - 1] = '\0';
	CHECK(!store_meta_put(s, "big", long_value));
	long_value[STORE_META_VALUE_MAX] = '\0';
	CHECK(store_meta_put(s, "big", long_value));
	store_close(s);
	remove_dir();
}

int main(void)
{
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	test_create_reopen();
	test_migrations_idempotent();
	test_newer_schema_refused();
	test_outbox_flow();
	test_encryption_at_rest();
	test_purge();
	test_key_problems();
	test_corrupt_garbage();
	test_corrupt_page();
	test_corrupt_salvage();
	test_read_only();
	test_disk_full();
	test_two_threads();
	test_reference_and_meta();
	clock_gettime(CLOCK_MONOTONIC, &end);
	printf("store tests took %.1f s\n", (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
	return check_exit();
}
