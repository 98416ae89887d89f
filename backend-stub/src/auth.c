/* auth: see auth.h. */
#include "auth.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

int auth_add_kiosk(struct auth_keys *keys, const char *spec)
{
	const char *colon = spec ? strchr(spec, ':') : NULL;
	if (colon == NULL || keys->count >= AUTH_MAX_KIOSKS)
		return -1;
	size_t id_len = (size_t)(colon - spec), secret_len = strlen(colon + 1);
	if (id_len == 0 || id_len >= sizeof(keys->kiosks[0].id) || secret_len == 0 ||
	    secret_len >= sizeof(keys->kiosks[0].secret))
		return -1;
	struct auth_kiosk *k = &keys->kiosks[keys->count++];
	memcpy(k->id, spec, id_len);
	k->id[id_len] = '\0';
	memcpy(k->secret, colon + 1, secret_len + 1);
	return 0;
}

void auth_sign(const char *secret, const char *method, const char *uri, const char *timestamp, const char *body,
	       size_t body_len, const char *idempotency_key, char out[65])
{
	unsigned char body_hash[crypto_hash_sha256_BYTES], mac[crypto_auth_hmacsha256_BYTES];
	char body_hex[2 * crypto_hash_sha256_BYTES + 1];
	crypto_auth_hmacsha256_state st;
	crypto_hash_sha256(body_hash, (const unsigned char *)body, body_len);
	sodium_bin2hex(body_hex, sizeof(body_hex), body_hash, sizeof(body_hash));
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)method, strlen(method));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)uri, strlen(uri));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)timestamp, strlen(timestamp));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body_hex, strlen(body_hex));
	if (idempotency_key != NULL && idempotency_key[0] != '\0') {
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)idempotency_key, strlen(idempotency_key));
	}
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
}

/* Parse a decimal Unix time of 1..12 digits; -1 when malformed. */
static long long parse_timestamp(const char *s)
{
	long long v = 0;
	size_t n = strlen(s);
	if (n == 0 || n > 12)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum auth_result auth_verify(const struct auth_keys *keys, const char *kiosk_id, const char *timestamp,
			     const char *signature, const char *method, const char *uri, const char *body,
			     size_t body_len, const char *idempotency_key, long long now)
{
	const struct auth_kiosk *kiosk = NULL;
	char expected[65];
	long long ts;
	if (kiosk_id == NULL || timestamp == NULL || signature == NULL)
		return AUTH_MISSING;
	for (int i = 0; i < keys->count; i++)
		if (strcmp(keys->kiosks[i].id, kiosk_id) == 0)
			kiosk = &keys->kiosks[i];
	if (kiosk == NULL)
		return AUTH_UNKNOWN_KIOSK;
	ts = parse_timestamp(timestamp);
	if (ts < 0)
		return AUTH_BAD_SIGNATURE;
	auth_sign(kiosk->secret, method, uri, timestamp, body, body_len, idempotency_key, expected);
	if (strlen(signature) != 64 || sodium_memcmp(expected, signature, 64) != 0)
		return AUTH_BAD_SIGNATURE;
	if (ts > now + AUTH_MAX_SKEW || ts < now - AUTH_MAX_SKEW)
		return AUTH_STALE;
	return AUTH_OK;
}

int auth_admin_ok(const struct auth_keys *keys, const char *header)
{
	static const char prefix[] = "Bearer ";
	size_t tlen = strlen(keys->admin_token);
	if (tlen == 0 || header == NULL || strncmp(header, prefix, sizeof(prefix) - 1) != 0)
		return 0;
	header += sizeof(prefix) - 1;
	if (strlen(header) != tlen)
		return 0;
	return sodium_memcmp(header, keys->admin_token, tlen) == 0;
}
