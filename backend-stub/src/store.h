/*
 * store: the stub's SQLite database. One connection guarded by one mutex: every request takes
 * the lock for its whole database work, so a write transaction (BEGIN IMMEDIATE ... COMMIT)
 * is atomic with respect to every other request. WAL journal, synchronous=NORMAL: a COMMIT that
 * returned survives a crash of the process (not necessarily a power cut). Personal document numbers
 * and phones are stored only as keyed hashes (BLAKE2b, key kept in the database) plus masked display
 * forms. A database is stamped with STORE_SCHEMA_VERSION; one from an older stub is refused.
 */
#ifndef STUB_STORE_H
#define STUB_STORE_H

#include <stddef.h>

#include <sqlite3.h>

/* Bumped whenever a table gains or loses a column. */
#define STORE_SCHEMA_VERSION "2"

struct store;

/* Open (creating if needed) the database at path and apply the schema; NULL on failure. */
struct store *store_create(const char *path);

/* Checkpoint and close; NULL is a no-op. */
void store_destroy(struct store *store);

/* Take the database lock and return the connection; pair with store_unlock. */
sqlite3 *store_lock(struct store *store);

/* Release the lock taken by store_lock. */
void store_unlock(struct store *store);

/* Run one or more SQL statements without results; 0 on success (errors are logged). */
int store_exec(sqlite3 *db, const char *sql);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 on success. */
int store_begin(sqlite3 *db);
int store_commit(sqlite3 *db);
int store_rollback(sqlite3 *db);

/* Prepare sql; NULL on failure (logged). */
sqlite3_stmt *store_prepare(sqlite3 *db, const char *sql);

/* Read a meta value into out (cap bytes); 0 if found. */
int store_meta_get(sqlite3 *db, const char *key, char *out, size_t cap);

/* Set a meta value; 0 on success. */
int store_meta_set(sqlite3 *db, const char *key, const char *value);

/* Write the keyed hash (64 hex chars + NUL) of a personal identifier, upper-cased first. */
void store_pii_hash(const struct store *store, const char *value, char out[65]);

/* Write a fresh reference "PREFIX-" and 8 characters (Crockford base32) into out of cap bytes. */
void store_new_reference(const char *prefix, char *out, size_t cap);

/* Delete every citizen record (bookings, pledges, withdrawals, help requests, heartbeats, idempotency keys),
 * free all slots and zero the projects' pledge totals (their figures dated now); 0 on success. */
int store_reset_records(sqlite3 *db, long long now);

#endif
