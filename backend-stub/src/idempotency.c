/* idempotency: see idempotency.h. */
#include "idempotency.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "log.h"
#include "store.h"

void idempotency_request_hash(const char *method, const char *path, const char *body, size_t body_len,
			      char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char hash[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)method, strlen(method));
	crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)path, strlen(path));
	crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)body, body_len);
	crypto_hash_sha256_final(&st, hash);
	sodium_bin2hex(out, 65, hash, sizeof(hash));
}

enum idempotency_result idempotency_check(sqlite3 *db, const char *kiosk_id, const char *key,
					  const char *request_hash, struct http_response *resp)
{
	enum idempotency_result result = IDEMPOTENCY_ERROR;
	sqlite3_stmt *stmt = store_prepare(
		db, "SELECT request_hash, status, body FROM idempotency WHERE kiosk_id = ?1 AND key = ?2");
	int rc;
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = IDEMPOTENCY_NEW;
		goto out;
	}
	if (rc != SQLITE_ROW) {
		log_error("sqlite: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (strcmp((const char *)sqlite3_column_text(stmt, 0), request_hash) != 0) {
		result = IDEMPOTENCY_CONFLICT;
		goto out;
	}
	free(resp->body);
	resp->body = strdup((const char *)sqlite3_column_text(stmt, 2));
	if (resp->body == NULL)
		goto out;
	resp->status = (unsigned)sqlite3_column_int(stmt, 1);
	result = IDEMPOTENCY_REPLAY;
out:
	sqlite3_finalize(stmt);
	return result;
}

int idempotency_record(sqlite3 *db, const char *kiosk_id, const char *key, const char *request_hash,
		       const struct http_response *resp, long long now)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT INTO idempotency(kiosk_id, key, request_hash, status, body,"
					       " created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, request_hash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(stmt, 4, (int)resp->status) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 5, resp->body ? resp->body : "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 6, now) != SQLITE_OK)
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
