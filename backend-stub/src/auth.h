/*
 * auth: the kiosk request signature. X-Signature = lowercase hex HMAC-SHA256(secret,
 * METHOD "\n" PATH_WITH_QUERY "\n" TIMESTAMP "\n" hex SHA-256(body), then "\n" IDEMPOTENCY_KEY
 * when the request carries that header, so a captured POST cannot be replayed under a fresh key);
 * X-Timestamp within AUTH_MAX_SKEW seconds of the server clock. Comparisons are constant time
 * (libsodium).
 * Limits: at most AUTH_MAX_KIOSKS kiosks, ids up to 64 bytes, secrets up to 256 bytes.
 */
#ifndef STUB_AUTH_H
#define STUB_AUTH_H

#include <stddef.h>

#define AUTH_MAX_KIOSKS 64
#define AUTH_MAX_SKEW 300

struct auth_kiosk {
	char id[65];
	char secret[257];
};

struct auth_keys {
	struct auth_kiosk kiosks[AUTH_MAX_KIOSKS];
	int count;
	char admin_token[257];  /* empty: admin routes disabled */
};

enum auth_result {
	AUTH_OK,
	AUTH_MISSING,        /* a header is absent */
	AUTH_UNKNOWN_KIOSK,
	AUTH_BAD_SIGNATURE,
	AUTH_STALE,          /* timestamp outside the window: possible replay */
};

/* Add "ID:SECRET" to keys; 0 on success, -1 if malformed or full. */
int auth_add_kiosk(struct auth_keys *keys, const char *spec);

/* Check one request's signature headers (each may be NULL) against keys at time now;
 * idempotency_key is the Idempotency-Key header as received (NULL or "": none). */
enum auth_result auth_verify(const struct auth_keys *keys, const char *kiosk_id, const char *timestamp,
			     const char *signature, const char *method, const char *uri, const char *body,
			     size_t body_len, const char *idempotency_key, long long now);

/* Compute the signature (65 bytes with NUL) a kiosk sends, idempotency_key NULL or "" when it sends
 * none; used by tests and the benchmark too. */
void auth_sign(const char *secret, const char *method, const char *uri, const char *timestamp, const char *body,
	       size_t body_len, const char *idempotency_key, char out[65]);

/* 1 if header is "Bearer <admin_token>" and admin routes are enabled (constant time). */
int auth_admin_ok(const struct auth_keys *keys, const char *header);

#endif
