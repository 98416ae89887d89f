/* store: see store.h. */
#include "store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "log.h"

struct store {
	sqlite3 *db;
	pthread_mutex_t lock;
	unsigned char pii_key[crypto_generichash_KEYBYTES];
};

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS services(id TEXT PRIMARY KEY, sort INTEGER NOT NULL, kind TEXT NOT NULL,"
	" parties_min INTEGER NOT NULL, parties_max INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS offices(id TEXT PRIMARY KEY, sort INTEGER NOT NULL, window_days INTEGER NOT NULL,"
	" doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS office_services(office_id TEXT NOT NULL, service_id TEXT NOT NULL,"
	" capacity INTEGER NOT NULL, PRIMARY KEY(office_id, service_id));"
	"CREATE TABLE IF NOT EXISTS holidays(date TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS slots(id INTEGER PRIMARY KEY, office_id TEXT NOT NULL, service_id TEXT NOT NULL,"
	" date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, capacity INTEGER NOT NULL,"
	" booked INTEGER NOT NULL DEFAULT 0, UNIQUE(office_id, service_id, date, start));"
	"CREATE TABLE IF NOT EXISTS programmes(id TEXT PRIMARY KEY, sort INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS projects(id TEXT PRIMARY KEY, sort INTEGER NOT NULL, status TEXT NOT NULL,"
	" goal_fen INTEGER NOT NULL, raised_fen INTEGER NOT NULL, pledged_fen INTEGER NOT NULL DEFAULT 0,"
	" pledge_count INTEGER NOT NULL DEFAULT 0, amount_min_fen INTEGER NOT NULL, amount_max_fen INTEGER NOT NULL,"
	" amount_decimals INTEGER NOT NULL, figures_at INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS texts(key TEXT PRIMARY KEY, sort INTEGER NOT NULL, hans TEXT NOT NULL,"
	" hant TEXT NOT NULL, en TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS applications(number TEXT PRIMARY KEY, programme_id TEXT NOT NULL,"
	" doc_hash TEXT NOT NULL, phone_hash TEXT NOT NULL, state TEXT NOT NULL, submitted_at TEXT NOT NULL,"
	" updated_at TEXT NOT NULL, reason TEXT, certification_due_on TEXT);"
	"CREATE TABLE IF NOT EXISTS bookings(id INTEGER PRIMARY KEY, reference TEXT UNIQUE NOT NULL,"
	" kiosk_id TEXT NOT NULL, service_id TEXT NOT NULL, office_id TEXT NOT NULL, slot_id INTEGER NOT NULL,"
	" slot_date TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, cancelled_at INTEGER,"
	" doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS booking_ids(booking_id INTEGER NOT NULL, service_id TEXT NOT NULL,"
	" doc_hash TEXT NOT NULL, PRIMARY KEY(booking_id, doc_hash));"
	"CREATE INDEX IF NOT EXISTS booking_ids_by_doc ON booking_ids(doc_hash, service_id);"
	"CREATE TABLE IF NOT EXISTS pledges(id INTEGER PRIMARY KEY, reference TEXT UNIQUE NOT NULL,"
	" kiosk_id TEXT NOT NULL, kiosk_reference TEXT, project_id TEXT NOT NULL, amount_fen INTEGER NOT NULL,"
	" pledged_at INTEGER NOT NULL, created_at INTEGER NOT NULL, status TEXT NOT NULL, withdrawn_at INTEGER,"
	" doc TEXT NOT NULL, UNIQUE(kiosk_id, kiosk_reference));"
	"CREATE TABLE IF NOT EXISTS withdrawals(id INTEGER PRIMARY KEY, pledge_reference TEXT UNIQUE NOT NULL,"
	" kiosk_id TEXT NOT NULL, requested_at INTEGER NOT NULL, created_at INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS help_requests(id INTEGER PRIMARY KEY, reference TEXT UNIQUE NOT NULL,"
	" kiosk_id TEXT NOT NULL, created_at INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS heartbeats(id INTEGER PRIMARY KEY, kiosk_id TEXT NOT NULL,"
	" received_at INTEGER NOT NULL, doc TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS kiosk_settings(kiosk_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
	" values_doc TEXT NOT NULL, stored_at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS idempotency(kiosk_id TEXT NOT NULL, key TEXT NOT NULL,"
	" request_hash TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,"
	" PRIMARY KEY(kiosk_id, key));";

int store_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		log_error("sqlite: %s", err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int store_begin(sqlite3 *db)
{
	return store_exec(db, "BEGIN IMMEDIATE");
}

int store_commit(sqlite3 *db)
{
	return store_exec(db, "COMMIT");
}

int store_rollback(sqlite3 *db)
{
	if (sqlite3_get_autocommit(db))
		return 0;
	return store_exec(db, "ROLLBACK");
}

sqlite3_stmt *store_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		log_error("sqlite prepare: %s", sqlite3_errmsg(db));
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

int store_meta_get(sqlite3 *db, const char *key, char *out, size_t cap)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT value FROM meta WHERE key = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		goto out;
	snprintf(out, cap, "%s", (const char *)sqlite3_column_text(stmt, 0));
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

int store_meta_set(sqlite3 *db, const char *key, const char *value)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, value, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		log_error("sqlite: %s", sqlite3_errmsg(db));
		goto out;
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* 1 if the database has no tables yet, 0 if it has some, -1 on error. */
static int database_empty(sqlite3 *db)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT count(*) FROM sqlite_master");
	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		result = sqlite3_column_int(stmt, 0) == 0;
	sqlite3_finalize(stmt);
	return result;
}

/* Stamp a new database with STORE_SCHEMA_VERSION; refuse one written by an older stub, whose tables
 * (CREATE TABLE IF NOT EXISTS keeps them as they were) lack columns this code reads. */
static int check_schema_version(sqlite3 *db, int was_empty)
{
	char version[16];
	if (store_meta_get(db, "schema_version", version, sizeof(version)) == 0) {
		if (strcmp(version, STORE_SCHEMA_VERSION) == 0)
			return 0;
		log_error("the database has schema version %s, this stub needs %s: delete it and start again", version,
			  STORE_SCHEMA_VERSION);
		return -1;
	}
	if (!was_empty) {
		log_error("the database was written by an older backend-stub: delete it and start again");
		return -1;
	}
	return store_meta_set(db, "schema_version", STORE_SCHEMA_VERSION);
}

/* Load the PII hashing key from meta, creating it on first use. */
static int load_pii_key(struct store *store)
{
	char hex[2 * crypto_generichash_KEYBYTES + 1];
	size_t bin_len = 0;
	if (store_meta_get(store->db, "pii_key", hex, sizeof(hex)) == 0 &&
	    sodium_hex2bin(store->pii_key, sizeof(store->pii_key), hex, strlen(hex), NULL, &bin_len, NULL) == 0 &&
	    bin_len == sizeof(store->pii_key))
		return 0;
	randombytes_buf(store->pii_key, sizeof(store->pii_key));
	sodium_bin2hex(hex, sizeof(hex), store->pii_key, sizeof(store->pii_key));
	return store_meta_set(store->db, "pii_key", hex);
}

struct store *store_create(const char *path)
{
	struct store *store = calloc(1, sizeof(*store));
	struct store *result = NULL;
	int rc, empty;
	if (store == NULL)
		goto out;
	if (pthread_mutex_init(&store->lock, NULL) != 0) {
		free(store);
		store = NULL;
		goto out;
	}
	rc = sqlite3_open_v2(path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		log_error("cannot open database: %s", sqlite3_errstr(rc));
		goto out;
	}
	if (sqlite3_busy_timeout(store->db, 5000) != SQLITE_OK)
		goto out;
	if (store_exec(store->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;") != 0)
		goto out;
	if (store_exec(store->db, "BEGIN IMMEDIATE") != 0)
		goto out;
	empty = database_empty(store->db);
	if (empty < 0 || store_exec(store->db, schema) != 0 || check_schema_version(store->db, empty) != 0 ||
	    load_pii_key(store) != 0 || store_commit(store->db) != 0) {
		store_rollback(store->db);
		goto out;
	}
	result = store;
	store = NULL;
out:
	store_destroy(store);
	return result;
}

void store_destroy(struct store *store)
{
	if (store == NULL)
		return;
	if (store->db != NULL) {
		int rc = sqlite3_wal_checkpoint_v2(store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		if (rc != SQLITE_OK)
			log_warn("wal checkpoint: %s", sqlite3_errstr(rc));
		rc = sqlite3_close(store->db);
		if (rc != SQLITE_OK)
			log_error("sqlite close: %s", sqlite3_errstr(rc));
	}
	pthread_mutex_destroy(&store->lock);
	sodium_memzero(store->pii_key, sizeof(store->pii_key));
	free(store);
}

sqlite3 *store_lock(struct store *store)
{
	pthread_mutex_lock(&store->lock);
	return store->db;
}

void store_unlock(struct store *store)
{
	pthread_mutex_unlock(&store->lock);
}

void store_pii_hash(const struct store *store, const char *value, char out[65])
{
	unsigned char norm[256], hash[32];
	size_t n = 0;
	for (; n < sizeof(norm) && value[n] != '\0'; n++) {
		char c = value[n];
		norm[n] = (unsigned char)((c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c);
	}
	crypto_generichash(hash, sizeof(hash), norm, n, store->pii_key, sizeof(store->pii_key));
	sodium_bin2hex(out, 65, hash, sizeof(hash));
}

void store_new_reference(const char *prefix, char *out, size_t cap)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	char code[9];
	for (int i = 0; i < 8; i++)
		code[i] = alphabet[randombytes_uniform(32)];
	code[8] = '\0';
	snprintf(out, cap, "%s-%s", prefix, code);
}

int store_reset_records(sqlite3 *db, long long now)
{
	int result = -1;
	sqlite3_stmt *stmt = NULL;
	if (store_exec(db, "DELETE FROM bookings; DELETE FROM booking_ids; DELETE FROM pledges; DELETE FROM withdrawals;"
			   "DELETE FROM help_requests; DELETE FROM heartbeats; DELETE FROM idempotency;"
			   "UPDATE slots SET booked = 0;") != 0)
		goto out;
	stmt = store_prepare(db, "UPDATE projects SET pledged_fen = 0, pledge_count = 0, figures_at = ?1");
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, now) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE)
		goto out;
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}
