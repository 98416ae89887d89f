/*
 * harness: helpers for the stub's tests. Starts a backend-stub process in its own temporary
 * directory on an ephemeral port (parsing its "listening on" line), sends signed requests with
 * libcurl and parses JSON replies. Every test binary gets the stub's path as argv[1].
 */
#ifndef STUB_TEST_HARNESS_H
#define STUB_TEST_HARNESS_H

#include <stdbool.h>
#include <sys/types.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#define TEST_SECRET "secret-1"
#define TEST_KIOSK "kiosk-1"
#define TEST_ADMIN "admin-token-1"

struct stub {
	pid_t pid;
	int port;
	char exe[512];
	char dir[256];
	char db[320];
};

struct reply {
	long status;
	int curl_rc;          /* CURLE_OK or the transport error */
	char *body;
	cJSON *json;          /* parsed body or NULL */
	char etag[96];
	double seconds;
};

struct request {
	const char *method;   /* default GET */
	const char *path;     /* with query */
	const char *body;     /* NULL: empty */
	const char *idem_key; /* NULL: a fresh UUID for POSTs; "" sends none */
	const char *sign_key; /* NULL: sign the key sent; else sign this one instead ("" none): replays */
	const char *kiosk;    /* default TEST_KIOSK; "" sends no auth headers */
	const char *secret;   /* default TEST_SECRET */
	long long ts_offset;  /* added to the signing timestamp */
	const char *if_none_match;
	const char *bearer;   /* admin token, sends Authorization instead of a signature */
	bool bad_signature;   /* flip one signature character */
	bool fresh_connection;
};

/* Number of failed checks so far. */
extern int test_failures;

#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			test_failures++;                                                   \
			fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
			fprintf(stderr, __VA_ARGS__);                                      \
			fputc('\n', stderr);                                               \
		}                                                                          \
	} while (0)

/* Make a temp dir for s (named after tag) and remember exe; 0 on success. */
int stub_init(struct stub *s, const char *exe, const char *tag);

/* Start the stub on its database with the standard kiosk/admin options plus extra (NULL-terminated); 0 on success. */
int stub_start(struct stub *s, const char *const *extra);

/* Send sig and wait; returns the exit status (or 128+signal). */
int stub_stop(struct stub *s, int sig);

/* Remove the temp dir and its files. */
void stub_cleanup(struct stub *s);

/* Send one request with a reusable handle h (may be NULL for a one-off). 0 if a reply (any status) arrived. */
int stub_send(const struct stub *s, CURL *h, const struct request *rq, struct reply *out);

/* Free a reply. */
void reply_finish(struct reply *r);

/* error.code of a reply, or "". */
const char *reply_code(const struct reply *r);

/* GET path as TEST_KIOSK. */
void stub_get(const struct stub *s, CURL *h, const char *path, struct reply *out);

/* POST body to path as kiosk (NULL: TEST_KIOSK with TEST_SECRET; else "ID:SECRET") with key (NULL: fresh). */
void stub_post(const struct stub *s, CURL *h, const char *kiosk, const char *path, const char *body, const char *key,
	       struct reply *out);

/* An admin request (bearer TEST_ADMIN) without a body. */
void stub_admin(const struct stub *s, CURL *h, const char *method, const char *path, struct reply *out);

/* error.field of a reply, or "". */
const char *reply_field(const struct reply *r);

/* The string member k of o, or "" when absent or not a string. */
const char *json_str(const cJSON *o, const char *k);

/* 1 if o is a text object with non-empty "zh-Hans", "zh-Hant" and "en" strings. */
int json_is_text(const cJSON *o);

/* Unix time t as ISO 8601 in Beijing time (26 bytes). */
void test_iso_time(char out[32], long long t);

/* A random UUID v4 string. */
void test_uuid(char out[37]);

/* A valid 18-digit resident ID for the given birth date, sequence and sex ('M'/'F'). */
void test_resident_id(char out[19], int y, int m, int d, int seq, char sex);

/* Today's date in Beijing as "YYYY-MM-DD" shifted by days. */
void test_beijing_date(char out[11], int shift_days);

/* First slot (from GET /v1/slots) with at least `free` places; fills id and date. 0 on success. */
int test_find_slot(const struct stub *s, const char *service, const char *office, int free, int skip,
		   long long *id, char date[11]);

#endif
