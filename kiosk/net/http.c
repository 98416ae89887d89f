/* The kiosk's HTTP client on libcurl; see http.h for the contract it implements.
 * A fresh easy handle for every request, configured from scratch, so nothing of one request (options,
 * parser state) reaches the next; the client's share handle keeps the connections, DNS answers and TLS
 * sessions between them, so keep-alive still works. One handle reused across requests let Debian 12's
 * libcurl (7.88.1) read a freed header when an answer began with a folded header line after an earlier
 * answer on the same handle (found by fuzz/fuzz_http_answer; tests/unit/test_http.c keeps the case).
 * Depends on libcurl (7.88 on Debian 12: CURLOPT_PROTOCOLS_STR is used when available) and on
 * libsodium for the signature. Everything from the network is bounded: the body by max_body (the
 * write callback refuses more, a larger Content-Length is refused before any byte), the ETag by its
 * field, the headers by libcurl's own limit. No content encoding is requested, so no decompression
 * bomb. The secret, the bodies and the headers never reach a log line. */
#include "net/http.h"

#include <inttypes.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <sodium.h>

#include "core/log.h"
#include "core/wiping_alloc.h"
#include "lazy/libraries.h"

#define DEFAULT_CONNECT_TIMEOUT_MS 5000L
#define DEFAULT_TOTAL_TIMEOUT_MS 15000L
#define DEFAULT_MAX_BODY ((size_t)1 << 20)
/* A transfer slower than this many bytes per second for the low-speed window is cut off. */
#define LOW_SPEED_BYTES 100L
/* The request target as signed (prefix + path with query): the contract answers 414 above it. */
#define MAX_TARGET 2048
/* The base URL as configured (the options table allows 256 bytes). */
#define MAX_BASE_URL 512
/* Kiosk id, idempotency key and If-None-Match values travel in headers: short printable ASCII. */
#define MAX_HEADER_VALUE 127
/* All header lines of one answer together; more is a server fault (libcurl alone would allow
 * 100 KiB per line, and reports a longer line as out of memory). */
#define MAX_HEADER_BYTES (64 * 1024)
/* The first body allocation; it doubles up to max_body + 1. */
#define INITIAL_BODY_CAP 4096

struct http_client {
	CURLSH *share; /* connections, DNS and TLS sessions kept between requests */
	CURL *curl; /* the request in flight's handle, NULL between requests */
	char *base_url; /* scheme://authority[/prefix], no trailing slash */
	size_t prefix_at; /* offset in base_url where the path prefix starts (may be its length) */
	char *kiosk_id;
	char *secret; /* wiped on destroy */
	size_t secret_len;
	char *ca_file; /* NULL: the system's store */
	bool insecure;
	long connect_timeout_ms;
	long total_timeout_ms;
	long low_speed_s;
	size_t max_body;
	char errbuf[CURL_ERROR_SIZE];
};

/* What one transfer collects through the callbacks. */
struct sink {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
	bool too_large; /* the body would pass max */
	bool headers_too_large; /* the headers passed MAX_HEADER_BYTES */
	bool no_memory;
	size_t header_bytes;
	char *etag; /* the response's field */
	size_t etag_size;
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static bool global_ok;

static void global_init(void)
{
	char err[256];
	/* libcurl's buffers hold requests on their way out (a pledge, a booking): wiped when freed. */
	global_ok = sodium_init() >= 0 && lazy_lib_open(lazy_curl, err, sizeof(err)) &&
		    curl_global_init_mem(CURL_GLOBAL_DEFAULT, wiping_malloc, wiping_free, wiping_realloc, wiping_strdup,
					 wiping_calloc) == CURLE_OK;
}

/* sodium_init, libcurl opened (lazy/curl.c) and initialised with wiping allocation, once per process,
 * from whichever thread comes first. */
static bool ensure_global(void)
{
	return pthread_once(&global_once, global_init) == 0 && global_ok;
}

/* 1 to max printable ASCII characters (no CR, LF or other controls): safe inside a header line. */
static bool header_safe(const char *s, size_t max)
{
	size_t n = 0;
	for (; s[n] != '\0'; n++) {
		if (n >= max || (unsigned char)s[n] < 0x20 || (unsigned char)s[n] > 0x7e)
			return false;
	}
	return n > 0;
}

/* Printable ASCII without spaces: a request target or a URL. */
static bool url_safe(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s > 0x7e)
			return false;
	}
	return true;
}

static char *copy_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

/* Checks scheme and authority and finds where the path prefix starts; strips trailing slashes. */
static bool parse_base_url(char *url, size_t *prefix_at, char *err, size_t errlen)
{
	size_t scheme_len, len = strlen(url);
	const char *authority, *slash;
	CURLU *u = NULL;
	bool result = false;
	if (strncasecmp(url, "https://", 8) == 0) {
		scheme_len = 8;
	} else if (strncasecmp(url, "http://", 7) == 0) {
		scheme_len = 7;
	} else {
		snprintf(err, errlen, "backend URL must start with https:// or http://");
		goto out;
	}
	if (!url_safe(url) || strpbrk(url, "?#") != NULL) {
		snprintf(err, errlen, "backend URL has spaces, control characters, a query or a fragment");
		goto out;
	}
	while (len > scheme_len && url[len - 1] == '/')
		url[--len] = '\0';
	authority = url + scheme_len;
	slash = strchr(authority, '/');
	*prefix_at = slash ? (size_t)(slash - url) : len;
	if (*prefix_at == scheme_len || memchr(authority, '@', *prefix_at - scheme_len) != NULL) {
		snprintf(err, errlen, "backend URL needs a host (and no user name)");
		goto out;
	}
	/* libcurl's own parser has the last word on the host and port. */
	u = curl_url();
	if (u == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
		snprintf(err, errlen, "backend URL is malformed");
		goto out;
	}
	result = true;
out:
	curl_url_cleanup(u);
	return result;
}

struct http_client *http_client_create(const struct http_options *opts, char *err, size_t errlen)
{
	struct http_client *c = NULL, *result = NULL;
	long window_s;
	if (opts == NULL || opts->base_url == NULL || opts->kiosk_id == NULL || opts->secret == NULL) {
		snprintf(err, errlen, "backend URL, kiosk id and secret are required");
		goto out;
	}
	if (strlen(opts->base_url) > MAX_BASE_URL) {
		snprintf(err, errlen, "backend URL longer than %d bytes", MAX_BASE_URL);
		goto out;
	}
	if (!header_safe(opts->kiosk_id, MAX_HEADER_VALUE)) {
		snprintf(err, errlen, "kiosk id must be 1 to %d printable ASCII characters", MAX_HEADER_VALUE);
		goto out;
	}
	if (opts->secret[0] == '\0') {
		snprintf(err, errlen, "the kiosk secret is empty");
		goto out;
	}
	if (opts->connect_timeout_ms < 0 || opts->total_timeout_ms < 0) {
		snprintf(err, errlen, "timeouts must not be negative");
		goto out;
	}
	if (!ensure_global()) {
		snprintf(err, errlen, "libsodium or libcurl failed to initialise");
		goto out;
	}
	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	c->base_url = copy_str(opts->base_url);
	c->kiosk_id = copy_str(opts->kiosk_id);
	c->secret = copy_str(opts->secret);
	c->ca_file = opts->ca_file && opts->ca_file[0] ? copy_str(opts->ca_file) : NULL;
	c->share = curl_share_init();
	if (c->base_url == NULL || c->kiosk_id == NULL || c->secret == NULL ||
	    (opts->ca_file && opts->ca_file[0] && c->ca_file == NULL) || c->share == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	/* One thread uses a client: the share needs no lock callbacks. */
	if (curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK ||
	    curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS) != CURLSHE_OK ||
	    curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK) {
		snprintf(err, errlen, "libcurl cannot share connections between requests");
		goto out;
	}
	c->secret_len = strlen(c->secret);
	if (!parse_base_url(c->base_url, &c->prefix_at, err, errlen))
		goto out;
	if (strlen(c->base_url) - c->prefix_at >= MAX_TARGET / 2) {
		snprintf(err, errlen, "backend URL path prefix too long");
		goto out;
	}
	c->insecure = opts->insecure_development;
	c->connect_timeout_ms = opts->connect_timeout_ms ? opts->connect_timeout_ms : DEFAULT_CONNECT_TIMEOUT_MS;
	c->total_timeout_ms = opts->total_timeout_ms ? opts->total_timeout_ms : DEFAULT_TOTAL_TIMEOUT_MS;
	c->max_body = opts->max_body ? opts->max_body : DEFAULT_MAX_BODY;
	/* The low-speed window is a fifth of the total timeout, 1 to 10 s: a trickle ends well before
	 * the total timeout would end it, and a backend thinking for a moment is not cut off. */
	window_s = c->total_timeout_ms / 5000;
	c->low_speed_s = window_s < 1 ? 1 : window_s > 10 ? 10 : window_s;
	if (c->insecure)
		kiosk_log(LOG_WARN, "backend TLS verification is OFF (insecure_development): never in production");
	result = c;
	c = NULL;
out:
	http_client_destroy(c);
	return result;
}

void http_client_destroy(struct http_client *c)
{
	if (c == NULL)
		return;
	if (c->curl != NULL)
		curl_easy_cleanup(c->curl);
	if (c->share != NULL)
		curl_share_cleanup(c->share); /* closes the kept connection */
	if (c->secret != NULL)
		sodium_memzero(c->secret, c->secret_len);
	free(c->secret);
	free(c->base_url);
	free(c->kiosk_id);
	free(c->ca_file);
	free(c);
}

void http_response_finish(struct http_response *r)
{
	if (r == NULL)
		return;
	free(r->body);
	r->body = NULL;
	r->len = 0;
}

void http_sign(const char *secret, const char *method, const char *path_with_query, int64_t timestamp,
	       const void *body, size_t len, const char *idempotency_key, char out[65])
{
	unsigned char body_hash[crypto_hash_sha256_BYTES], mac[crypto_auth_hmacsha256_BYTES];
	char body_hex[2 * crypto_hash_sha256_BYTES + 1], ts[24];
	crypto_auth_hmacsha256_state st;
	int ts_len = snprintf(ts, sizeof(ts), "%" PRId64, timestamp);
	/* Neither primitive needs sodium_init, but it is cheap and makes this callable on its own. */
	ensure_global();
	crypto_hash_sha256(body_hash, (const unsigned char *)(body ? body : ""), body ? len : 0);
	sodium_bin2hex(body_hex, sizeof(body_hex), body_hash, sizeof(body_hash));
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)method, strlen(method));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)path_with_query, strlen(path_with_query));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, (size_t)ts_len);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body_hex, strlen(body_hex));
	if (idempotency_key != NULL && idempotency_key[0] != '\0') {
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)idempotency_key, strlen(idempotency_key));
	}
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(mac, sizeof(mac));
}

/* Appends to the body, growing it by doubling up to max + 1 bytes; what would pass max is refused
 * (returning 0 makes libcurl stop with CURLE_WRITE_ERROR) before anything more is read. */
static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct sink *s = userdata;
	size_t n = size * nmemb;
	if (n > s->max - s->len) {
		s->too_large = true;
		return 0;
	}
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : INITIAL_BODY_CAP < s->max + 1 ? INITIAL_BODY_CAP : s->max + 1;
		char *p;
		while (cap < s->len + n + 1)
			cap = cap > (s->max + 1) / 2 ? s->max + 1 : cap * 2;
		p = realloc(s->data, cap);
		if (p == NULL) {
			s->no_memory = true;
			return 0;
		}
		s->data = p;
		s->cap = cap;
	}
	memcpy(s->data + s->len, data, n);
	s->len += n;
	s->data[s->len] = '\0';
	return n;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Captures the ETag of the final answer; a tag too long for the field or with bytes that could not
 * be sent back in If-None-Match is dropped rather than cut (a cut tag would never match). */
static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct sink *s = userdata;
	size_t n = size * nmemb, start = 5, end = n;
	s->header_bytes += n;
	if (s->header_bytes > MAX_HEADER_BYTES) {
		s->headers_too_large = true;
		return 0;
	}
	if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		s->etag[0] = '\0'; /* a new answer (after 100 Continue, say) starts afresh */
		return n;
	}
	if (n < 5 || strncasecmp(data, "etag:", 5) != 0)
		return n;
	while (start < end && is_space(data[start]))
		start++;
	while (end > start && is_space(data[end - 1]))
		end--;
	s->etag[0] = '\0';
	if (end - start >= s->etag_size)
		return n;
	for (size_t i = start; i < end; i++) {
		if ((unsigned char)data[i] < 0x20 || (unsigned char)data[i] > 0x7e)
			return n;
	}
	memcpy(s->etag, data + start, end - start);
	s->etag[end - start] = '\0';
	return n;
}

/* Formats the response's error; a long path is cut, which is fine for a log line. */
static void set_error(struct http_response *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(struct http_response *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->error, sizeof(out->error), fmt, ap);
	va_end(ap);
}

/* Sorts a failed transfer into the outcome the caller acts on. */
static enum http_outcome classify(CURLcode rc, const struct sink *s)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_TIMEOUT;
	case CURLE_FILESIZE_EXCEEDED:
		return HTTP_TOO_LARGE;
	case CURLE_WRITE_ERROR:
		return s->too_large || s->headers_too_large ? HTTP_TOO_LARGE : HTTP_INTERNAL;
	case CURLE_OUT_OF_MEMORY:
	case CURLE_FAILED_INIT:
	case CURLE_URL_MALFORMAT:
	case CURLE_NOT_BUILT_IN:
	case CURLE_UNKNOWN_OPTION:
	case CURLE_BAD_FUNCTION_ARGUMENT:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_ABORTED_BY_CALLBACK:
		return HTTP_INTERNAL;
	default:
		/* Couldn't resolve/connect, send/recv errors, nothing or part of an answer, a reply that
		 * is not HTTP, a TLS handshake or verification failure: the network or the peer. */
		return HTTP_NETWORK;
	}
}

/* Sets every option of one request on its fresh handle. */
static CURLcode configure(struct http_client *c, const char *url, struct curl_slist *headers, struct sink *sink)
{
	CURL *h = c->curl;
	CURLcode rc;
	c->errbuf[0] = '\0';
	/* Every call is checked; the chain stops at the first failure. */
	if ((rc = curl_easy_setopt(h, CURLOPT_SHARE, c->share)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_URL, url)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L)) != CURLE_OK ||
#if LIBCURL_VERSION_NUM >= 0x075500
	    (rc = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https")) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")) != CURLE_OK ||
#else
	    (rc = curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) !=
		    CURLE_OK ||
#endif
	    (rc = curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L)) != CURLE_OK ||
	    /* send the target exactly as signed: no squashing of "/../" */
	    (rc = curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_HTTP09_ALLOWED, 0L)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->total_timeout_ms)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, LOW_SPEED_BYTES)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, c->low_speed_s)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_body)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_WRITEDATA, sink)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_HEADERDATA, sink)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_USERAGENT, "jianghai-kiosk")) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, c->insecure ? 0L : 1L)) != CURLE_OK ||
	    (rc = curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, c->insecure ? 0L : 2L)) != CURLE_OK)
		return rc;
	if (c->ca_file != NULL)
		rc = curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file);
	return rc;
}

/* Appends "name: value" to the list ("name:", which tells libcurl to leave out its own header of that
 * name, when value is NULL); false when out of memory (the list stays valid). */
static bool add_header(struct curl_slist **list, const char *name, const char *value)
{
	char line[256];
	struct curl_slist *next;
	int n = value ? snprintf(line, sizeof(line), "%s: %s", name, value)
		      : snprintf(line, sizeof(line), "%s:", name);
	if (n < 0 || (size_t)n >= sizeof(line))
		return false;
	next = curl_slist_append(*list, line);
	if (next == NULL)
		return false;
	*list = next;
	return true;
}

/* One signed request: validates the arguments, builds the headers, runs the transfer and sorts the
 * result into out (always initialised). idempotency_key not NULL makes it a POST of body. */
static bool request(struct http_client *c, const char *method, const char *path, const char *if_none_match,
		    const char *idempotency_key, const char *body, size_t len, int64_t now,
		    struct http_response *out)
{
	struct curl_slist *headers = NULL;
	struct sink sink = {0};
	char url[MAX_BASE_URL + MAX_TARGET + 1], target[MAX_TARGET + 1], sig[65], ts[24];
	const char *prefix;
	CURLcode rc;
	bool result = false;
	memset(out, 0, sizeof(*out));
	out->outcome = HTTP_INTERNAL;
	if (c == NULL || path == NULL || path[0] != '/' || !url_safe(path)) {
		set_error(out, "%s: no client or a path that is not a clean /path", method);
		goto out;
	}
	prefix = c->base_url + c->prefix_at;
	size_t prefix_len = strlen(prefix), path_len = strlen(path);
	if (prefix_len + path_len > MAX_TARGET) {
		set_error(out, "%s: request target over %d bytes", method, MAX_TARGET);
		goto out;
	}
	if ((if_none_match && if_none_match[0] && !header_safe(if_none_match, MAX_HEADER_VALUE)) ||
	    (idempotency_key && !header_safe(idempotency_key, MAX_HEADER_VALUE))) {
		set_error(out, "%s %s: a header value is empty, too long or not ASCII", method, path);
		goto out;
	}
	memcpy(target, prefix, prefix_len); /* lengths checked above */
	memcpy(target + prefix_len, path, path_len + 1);
	snprintf(url, sizeof(url), "%s%s", c->base_url, path);
	snprintf(ts, sizeof(ts), "%" PRId64, now);
	http_sign(c->secret, method, target, now, body, len, idempotency_key, sig);
	if (!add_header(&headers, "X-Kiosk-Id", c->kiosk_id) || !add_header(&headers, "X-Timestamp", ts) ||
	    !add_header(&headers, "X-Signature", sig) || !add_header(&headers, "Accept", "application/json") ||
	    (if_none_match && if_none_match[0] && !add_header(&headers, "If-None-Match", if_none_match)) ||
	    (idempotency_key && (!add_header(&headers, "Content-Type", "application/json") ||
				 !add_header(&headers, "Idempotency-Key", idempotency_key) ||
				 /* "Expect:" with no value: no 100-continue round trip */
				 !add_header(&headers, "Expect", NULL)))) {
		set_error(out, "%s %s: out of memory for headers", method, path);
		goto out;
	}
	sink.max = c->max_body;
	sink.etag = out->etag;
	sink.etag_size = sizeof(out->etag);
	c->curl = curl_easy_init();
	if (c->curl == NULL) {
		set_error(out, "%s %s: out of memory for a request", method, path);
		goto out;
	}
	rc = configure(c, url, headers, &sink);
	if (rc == CURLE_OK && idempotency_key != NULL) {
		if ((rc = curl_easy_setopt(c->curl, CURLOPT_POST, 1L)) == CURLE_OK &&
		    (rc = curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len)) == CURLE_OK)
			rc = curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body ? body : "");
	} else if (rc == CURLE_OK) {
		rc = curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	}
	if (rc != CURLE_OK) {
		set_error(out, "%s %s: libcurl setup: %s", method, path, curl_easy_strerror(rc));
		goto out;
	}
	rc = curl_easy_perform(c->curl);
	if (rc != CURLE_OK) {
		out->outcome = classify(rc, &sink);
		if (sink.headers_too_large)
			set_error(out, "%s %s: answer headers larger than %d bytes", method, path, MAX_HEADER_BYTES);
		else if (out->outcome == HTTP_TOO_LARGE)
			set_error(out, "%s %s: answer larger than %zu bytes", method, path, c->max_body);
		else if (rc == CURLE_OUT_OF_MEMORY)
			set_error(out, "%s %s: out of memory, or a header line over libcurl's limit (curl %d)", method,
				  path, (int)rc);
		else
			set_error(out, "%s %s: %s (curl %d)", method, path,
				  c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc), (int)rc);
		out->etag[0] = '\0';
		goto out;
	}
	rc = curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &out->status);
	if (rc != CURLE_OK || out->status < 100 || out->status > 999) {
		out->outcome = HTTP_NETWORK;
		set_error(out, "%s %s: no valid HTTP status", method, path);
		out->etag[0] = '\0';
		goto out;
	}
	if (sink.len > 0) {
		out->body = sink.data;
		out->len = sink.len;
		sink.data = NULL;
	}
	out->outcome = HTTP_OK;
	result = true;
out:
	if (c != NULL && c->curl != NULL) { /* its connection stays in the share */
		curl_easy_cleanup(c->curl);
		c->curl = NULL;
	}
	free(sink.data);
	curl_slist_free_all(headers);
	if (!result)
		out->status = 0;
	return result;
}

bool http_get(struct http_client *c, const char *path_with_query, const char *if_none_match, int64_t now,
	      struct http_response *out)
{
	return request(c, "GET", path_with_query, if_none_match, NULL, NULL, 0, now, out);
}

bool http_post(struct http_client *c, const char *path, const char *idempotency_key, const char *body, size_t len,
	       int64_t now, struct http_response *out)
{
	if (idempotency_key == NULL) {
		memset(out, 0, sizeof(*out));
		out->outcome = HTTP_INTERNAL;
		set_error(out, "POST %s: no idempotency key", path ? path : "(null)");
		return false;
	}
	return request(c, "POST", path, NULL, idempotency_key, body, len, now, out);
}
