/* The kiosk's HTTP client for the backend contract (backend-stub/API.md), on libcurl.
 * One client per thread; it reuses its connection. Every request is signed: X-Kiosk-Id,
 * X-Timestamp and X-Signature = hex HMAC-SHA256(secret, METHOD "\n" PATH_WITH_QUERY "\n" TIMESTAMP
 * "\n" hex SHA-256(body), then "\n" IDEMPOTENCY_KEY when the request carries one, so a captured POST
 * cannot be replayed under a fresh key). TLS verification is on (CA file configurable); turning it
 * off needs the explicit development option and is logged at every client creation.
 * Bounded: connect and total timeouts, a minimum transfer speed (under 100 bytes/s for a fifth of
 * the total timeout, 1 to 10 s, ends a slow-loris answer), a maximum body size (a bigger answer is
 * an error, not a truncated success) and 64 KiB of headers. Only http and https; redirects are
 * answers, never followed; no content encoding is asked for. The signed path is the request target
 * as sent: base_url's path prefix followed by the path and query.
 * libcurl runs with CURLOPT_NOSIGNAL: the process must ignore SIGPIPE. */
#ifndef KIOSK_NET_HTTP_H
#define KIOSK_NET_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct http_client;

struct http_options {
	const char *base_url; /* "https://host[:port][/prefix]" without a trailing slash */
	const char *kiosk_id;
	const char *secret;
	const char *ca_file; /* NULL or "": the system's CA store */
	bool insecure_development; /* skip TLS verification: development only, logged */
	long connect_timeout_ms; /* 0: 5000 */
	long total_timeout_ms; /* 0: 15000 */
	size_t max_body; /* 0: 1 MiB */
};

enum http_outcome {
	HTTP_OK, /* a complete answer arrived: look at status */
	HTTP_NETWORK, /* could not connect, connection dropped, DNS: retry later */
	HTTP_TIMEOUT, /* connect, total or low-speed timeout: retry later */
	HTTP_TOO_LARGE, /* the answer exceeded max_body: treat as a server fault */
	HTTP_INTERNAL, /* out of memory (libcurl says so of a header line over 100 KiB too), a libcurl
		          setup error, or a bad argument (path not "/...", header value not short ASCII) */
};

struct http_response {
	enum http_outcome outcome;
	long status; /* HTTP status when outcome is HTTP_OK */
	char *body; /* malloc'd, NUL-terminated (may contain NULs: use len); NULL when empty */
	size_t len;
	char etag[128]; /* the ETag header, trimmed; "" when none, or too long or odd to send back */
	char error[256]; /* what went wrong, for logs (never personal data) */
};

/* Creates a client; NULL with a reason in err (bad URL, missing secret). Options are copied; trailing
 * slashes of base_url are dropped. insecure_development logs a warning here. */
struct http_client *http_client_create(const struct http_options *opts, char *err, size_t errlen);
/* Closes the connection and wipes the secret; NULL is a no-op. */
void http_client_destroy(struct http_client *c);
/* GET path_with_query (e.g. "/v1/slots?office=o1&..."), conditional when if_none_match is not NULL
 * or empty (a 304 then comes back as status 304 with no body). now is the Unix time to sign with.
 * Returns true exactly when out->outcome == HTTP_OK (a complete answer of any HTTP status, 4xx and
 * 5xx included); false otherwise, with out->outcome and out->error set. out is always initialised
 * (its previous contents are not freed): call http_response_finish after either result. */
bool http_get(struct http_client *c, const char *path_with_query, const char *if_none_match, int64_t now,
	      struct http_response *out);
/* POST a JSON body (borrowed, len bytes) with its idempotency key (required); returns as http_get. */
bool http_post(struct http_client *c, const char *path, const char *idempotency_key, const char *body, size_t len,
	       int64_t now, struct http_response *out);
/* Frees the body; the struct can be reused. */
void http_response_finish(struct http_response *r);

/* The signature as the contract defines it, into out (65 bytes: 64 hex digits and NUL); body may be
 * NULL when len is 0; idempotency_key is the header value as sent, NULL or "" when there is none. */
void http_sign(const char *secret, const char *method, const char *path_with_query, int64_t timestamp,
	       const void *body, size_t len, const char *idempotency_key, char out[65]);

#endif
