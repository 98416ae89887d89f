/*
 * idempotency: replay of POST responses by Idempotency-Key. A key is scoped to the kiosk that
 * sent it and bound to a hash of the method, path and body. Only successful (2xx) responses
 * are recorded, inside the same transaction as the records they created, so a retried request
 * either sees the first answer again or runs as if new. Must be called with the store locked
 * and a transaction open.
 */
#ifndef STUB_IDEMPOTENCY_H
#define STUB_IDEMPOTENCY_H

#include <stddef.h>

#include <sqlite3.h>

#include "http.h"

enum idempotency_result {
	IDEMPOTENCY_NEW,       /* key unseen: run the handler */
	IDEMPOTENCY_REPLAY,    /* same key, same request: resp holds the first response */
	IDEMPOTENCY_CONFLICT,  /* same key, different request */
	IDEMPOTENCY_ERROR,     /* database error */
};

/* Hex SHA-256 over method, path and body: the request's identity for key reuse. */
void idempotency_request_hash(const char *method, const char *path, const char *body, size_t body_len,
			      char out[65]);

/* Look up (kiosk_id, key); on REPLAY fills resp with the stored status and body. */
enum idempotency_result idempotency_check(sqlite3 *db, const char *kiosk_id, const char *key,
					  const char *request_hash, struct http_response *resp);

/* Record resp for (kiosk_id, key); 0 on success. */
int idempotency_record(sqlite3 *db, const char *kiosk_id, const char *key, const char *request_hash,
		       const struct http_response *resp, long long now);

#endif
