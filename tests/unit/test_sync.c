/* The sync engine's one-off pass (sync_run_once) against the hostile server of test_servers.c:
 * malformed, mistyped, huge, trickled and missing answers leave submissions pending with the right
 * error code and attempt count in bounded time; a bad reference answer keeps the cache; slot_full and
 * other permanent 4xx stop one record while the ones behind it go on; what is kept of an answer holds
 * no personal data. Then against the backend stub: twenty help requests delivered.
 * Each case has its own data directory. STUB_PATH is the stub binary, given by tests/CMakeLists.txt. */
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "data/store.h"
#include "net/sync.h"
#include "test_servers.h"

#define HELP "{\"reason\":\"other\",\"screen\":\"home\",\"assisted_mode\":false}"
#define BOOKING                                                                                              \
	"{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":2731,"         \
	"\"parties\":[{\"name\":\"陈大文\",\"id_type\":\"resident_id\",\"id_number\":\"440701199001010011\"}]}"
#define PLEDGE                                                                                               \
	"{\"project_id\":\"chongyang\",\"amount\":88.8,\"anonymous\":false,\"donor_name\":\"陈大文\","          \
	"\"phone\":\"13600000000\",\"consent\":true}"
#define NAME "陈大文"
#define MAX_SUBS 24
#define BODY(literal) {literal, sizeof(literal) - 1}

/* One case: its data directory, a store connection of its own and what it submitted. */
struct env {
	char dir[64];
	struct store *store;
	int port;
	int count;
	int64_t ids[MAX_SUBS];
	char keys[MAX_SUBS][37];
};

static bool env_init(struct env *v, int port)
{
	char err[256] = "", why[256] = "";
	struct store_options so = {.create = true};
	memset(v, 0, sizeof(*v));
	v->port = port;
	snprintf(v->dir, sizeof(v->dir), "/tmp/kiosk-sync-XXXXXX");
	if (!CHECK(mkdtemp(v->dir) != NULL))
		return false;
	v->store = store_open(v->dir, &so, err, sizeof(err));
	if (!CHECK(v->store != NULL) || !CHECK(store_health(v->store, why, sizeof(why)) == STORE_HEALTHY)) {
		fprintf(stderr, "  store_open: %s %s\n", err, why);
		return false;
	}
	return true;
}

static void env_finish(struct env *v)
{
	store_close(v->store);
	v->store = NULL;
	if (v->dir[0] != '\0')
		test_remove_dir(v->dir);
}

/* Stores one submission created at now - age (so the order of creation is the order of calls). */
static int submit(struct env *v, enum submission_kind kind, const char *payload)
{
	char err[256] = "";
	int i = v->count;
	if (!CHECK(i < MAX_SUBS))
		return -1;
	if (!CHECK(store_submit(v->store, kind, payload, (int64_t)time(NULL) - 100 + i, v->keys[i], &v->ids[i], err,
				sizeof(err)))) {
		fprintf(stderr, "  store_submit: %s\n", err);
		return -1;
	}
	v->count++;
	return i;
}

/* One sync_run_once with a small client: returns the elapsed milliseconds. */
static long long run(struct env *v, long total_ms, size_t max_body, int max_failures, struct outbox_counts *after)
{
	char url[64], err[256] = "";
	snprintf(url, sizeof(url), "http://127.0.0.1:%d", v->port);
	struct sync_options o = {.data_dir = v->dir,
				 .http = {.base_url = url,
					  .kiosk_id = TEST_KIOSK_ID,
					  .secret = TEST_SECRET,
					  .connect_timeout_ms = 1000,
					  .total_timeout_ms = total_ms,
					  .max_body = max_body},
				 .reference_refresh_s = 3600,
				 .heartbeat_s = 3600,
				 .retry_base_ms = 1000,
				 .retry_max_s = 60,
				 .retention_s = 30 * 86400,
				 .app_version = "test"};
	long long t0 = test_now_ms();
	memset(after, 0, sizeof(*after));
	if (!CHECK(sync_run_once(&o, max_failures, after, err, sizeof(err))))
		fprintf(stderr, "  sync_run_once: %s\n", err);
	return test_now_ms() - t0;
}

/* Checks submission i: its state, error code (NULL: not checked) and attempts (-1: not checked). */
static void expect_sub(struct env *v, int i, enum submission_state state, const char *error_code, int attempts,
		       const char *line)
{
	struct submission sub = {0};
	if (i < 0 || !CHECK(store_get(v->store, v->ids[i], &sub))) {
		fprintf(stderr, "  %s: submission %d not found\n", line, i);
		return;
	}
	if (!CHECK_STR(submission_state_name(sub.state), submission_state_name(state)))
		fprintf(stderr, "  %s: submission %d (%s)\n", line, i, sub.error_code);
	if (error_code != NULL && !CHECK_STR(sub.error_code, error_code))
		fprintf(stderr, "  %s: submission %d\n", line, i);
	if (attempts >= 0 && !CHECK_INT(sub.attempts, attempts))
		fprintf(stderr, "  %s: submission %d\n", line, i);
	CHECK_STR(sub.key, v->keys[i]);
	if (state == SUB_PENDING)
		CHECK(sub.response == NULL && sub.delivered_at == 0);
	submission_finish(&sub);
}

static void expect_counts(const struct outbox_counts *c, int pending, int delivered, int rejected, int rebook)
{
	CHECK_INT(c->by_state[SUB_PENDING], pending);
	CHECK_INT(c->by_state[SUB_DELIVERED], delivered);
	CHECK_INT(c->by_state[SUB_REJECTED], rejected);
	CHECK_INT(c->by_state[SUB_NEEDS_REBOOKING], rebook);
}

/* Three help requests against a 201 whose body is not a usable answer: the head of the queue is
 * tried max_failures times, nothing is delivered, the server got the key and the payload. */
static void expect_malformed(struct evil *e, const char *body, const char *what)
{
	struct env v = {0};
	struct outbox_counts after, counts;
	char value[64];
	if (!env_init(&v, e->port))
		goto out;
	for (int i = 0; i < 3; i++)
		submit(&v, SUB_HELP_REQUEST, HELP);
	evil_clear_routes(e);
	evil_answer(e, 201, body, strlen(body));
	evil_set_mode(e, EVIL_SCRIPTED);
	int before = atomic_load(&e->requests);
	long long ms = run(&v, 3000, 65536, 3, &after);
	expect_counts(&after, 3, 0, 0, 0);
	CHECK(store_outbox_counts(v.store, &counts) && counts.by_state[SUB_PENDING] == 3);
	expect_sub(&v, 0, SUB_PENDING, "malformed_answer", 3, what);
	expect_sub(&v, 1, SUB_PENDING, "", 0, what);
	expect_sub(&v, 2, SUB_PENDING, "", 0, what);
	/* one reference GET (a 201 there is refused too, so the rest waits), three POSTs */
	CHECK_INT(atomic_load(&e->requests) - before, 4);
	evil_last_path(e, value, sizeof(value));
	CHECK_STR(value, "/v1/help-requests");
	CHECK(evil_last_header(e, "Idempotency-Key", value, sizeof(value)) && strcmp(value, v.keys[0]) == 0);
	CHECK(evil_last_body_has(e, "\"reason\":\"other\""));
	if (!CHECK(ms < 5000))
		fprintf(stderr, "  %s took %lld ms\n", what, ms);
out:
	env_finish(&v);
}

/* (a) and (b): truncated JSON, an array, wrong types, nothing at all. */
static void test_malformed_success(struct evil *e)
{
	expect_malformed(e, "{\"reference\":\"HR-1\"", "truncated");
	expect_malformed(e, "[{\"reference\":\"HR-1\",\"status\":\"queued\"}]", "array");
	expect_malformed(e, "\"HR-1\"", "string");
	expect_malformed(e, "", "empty");
	expect_malformed(e, "{\"reference\":42,\"status\":[\"queued\"]}", "wrong types");
	expect_malformed(e, "{\"reference\":null}", "null reference");
	expect_malformed(e, "{\"reference\":\"\",\"status\":\"queued\"}", "empty reference");
	expect_malformed(e, "{\"status\":\"queued\"}", "no reference");
}

static long peak_rss_kib(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

/* (c) A 2xx body far over max_body: refused as too_large, quickly, without holding it in memory
 * (32 MiB first, while the process's peak RSS says something; then a scripted 6 MiB 201). */
static void test_huge(struct evil *e)
{
	struct env v = {0};
	struct outbox_counts after;
	const size_t big_len = 6 << 20;
	char *big = NULL;
	if (!env_init(&v, e->port))
		goto out;
	submit(&v, SUB_HELP_REQUEST, HELP);
	submit(&v, SUB_HELP_REQUEST, HELP);

	/* 32 MiB announced by Content-Length, and 32 MiB ended by close */
	long rss0 = peak_rss_kib();
	evil_set_mode(e, EVIL_HUGE_LENGTH);
	long long ms = run(&v, 3000, 65536, 1, &after);
	expect_sub(&v, 0, SUB_PENDING, "too_large", 1, "huge length");
	CHECK(ms < 3000);
	evil_set_mode(e, EVIL_HUGE_CLOSE);
	ms = run(&v, 3000, 65536, 1, &after);
	expect_sub(&v, 0, SUB_PENDING, "too_large", 2, "huge close");
	CHECK(ms < 3000);
	expect_counts(&after, 2, 0, 0, 0);
	long grown = peak_rss_kib() - rss0;
	if (!CHECK(grown < 16 * 1024))
		fprintf(stderr, "  peak RSS grew by %ld KiB\n", grown);

	/* valid JSON with a reference, only too big */
	big = malloc(big_len);
	if (!CHECK(big != NULL))
		goto out;
	memset(big, 'p', big_len);
	memcpy(big, "{\"reference\":\"HR-1\",\"pad\":\"", 27);
	memcpy(big + big_len - 2, "\"}", 2);
	evil_clear_routes(e);
	evil_answer(e, 201, big, big_len);
	evil_set_mode(e, EVIL_SCRIPTED);
	ms = run(&v, 3000, 65536, 2, &after);
	expect_counts(&after, 2, 0, 0, 0);
	expect_sub(&v, 0, SUB_PENDING, "too_large", 4, "scripted 6 MiB");
	expect_sub(&v, 1, SUB_PENDING, "", 0, "scripted 6 MiB");
	if (!CHECK(ms < 3000))
		fprintf(stderr, "  6 MiB answer took %lld ms\n", ms);
	evil_clear_routes(e); /* frees the copy */
out:
	free(big);
	env_finish(&v);
}

/* (d) Slow-loris answers, in the body and in the status line: "timeout" within the client's bounds. */
static void test_slow(struct evil *e)
{
	static const enum evil_mode modes[] = {EVIL_TRICKLE, EVIL_TRICKLE_HEAD, EVIL_SILENT};
	struct env v = {0};
	struct outbox_counts after;
	if (!env_init(&v, e->port))
		goto out;
	submit(&v, SUB_HELP_REQUEST, HELP);
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		evil_set_mode(e, modes[i]);
		/* two requests (the reference GET and the POST), each ended by the 2 s total timeout at the
		 * latest */
		long long ms = run(&v, 2000, 65536, 1, &after);
		expect_counts(&after, 1, 0, 0, 0);
		expect_sub(&v, 0, SUB_PENDING, "timeout", (int)i + 1, "slow");
		if (!CHECK(ms < 2 * 2000 + 1500))
			fprintf(stderr, "  slow mode %d took %lld ms\n", (int)modes[i], ms);
	}
out:
	env_finish(&v);
}

/* (e) A 200 for reference data that is not valid UTF-8 JSON keeps the cached value as it was. */
static void test_reference_kept(struct evil *e)
{
	static const struct {
		const char *body;
		size_t len;
	} bad[] = {
		BODY("{\"items\":[{\"id\":\"a\xff\xfe\"}]}"), /* invalid UTF-8 in a valid shape */
		BODY("{\"items\":[{\"id\":\"\xed\xa0\x80\"}]}"), /* an encoded surrogate */
		BODY("{\"items\":[]}\0{\"x\":1}"), /* a NUL inside */
		BODY("<html>502 Bad Gateway</html>"),
		BODY("{\"items\":["),
		BODY("\"services\""), /* JSON, but neither object nor array */
		BODY(""),
	};
	static const char old[] = "{\"items\":[{\"id\":\"old\",\"name\":\"婚姻登记\"}]}";
	static const char fresh[] = "{\"items\":[{\"id\":\"new\"}]}";
	struct env v = {0};
	struct outbox_counts after;
	char err[256] = "", etag[64], value[64];
	char *json = NULL;
	size_t len = 0;
	int64_t fetched_at = 0;
	if (!env_init(&v, e->port))
		goto out;
	CHECK(store_ref_put(v.store, "services", "\"v1\"", old, strlen(old), 1764300000, err, sizeof(err)));
	CHECK(store_ref_put(v.store, "offices", "\"o1\"", "{\"items\":[]}", 12, 1764300000, err, sizeof(err)));
	evil_clear_routes(e);
	evil_set_mode(e, EVIL_SCRIPTED);
	CHECK(evil_binary_body[0] == 0);
	for (size_t i = 0; i <= sizeof(bad) / sizeof(bad[0]); i++) {
		if (i < sizeof(bad) / sizeof(bad[0]))
			evil_route(e, "/v1/services", 200, bad[i].body, bad[i].len);
		else
			evil_route(e, "/v1/services", 200, evil_binary_body, sizeof(evil_binary_body));
		int before = atomic_load(&e->requests);
		run(&v, 3000, 65536, 1, &after);
		if (!CHECK(store_ref_get(v.store, "services", &json, &len, etag, sizeof(etag), &fetched_at)))
			continue;
		if (!CHECK(len == strlen(old) && strcmp(json, old) == 0))
			fprintf(stderr, "  bad answer %zu replaced the cache\n", i);
		CHECK_STR(etag, "\"v1\"");
		CHECK_INT(fetched_at, 1764300000);
		free(json);
		json = NULL;
		/* it was asked conditionally, and nothing after it */
		CHECK_INT(atomic_load(&e->requests) - before, 1);
		evil_last_path(e, value, sizeof(value));
		CHECK_STR(value, "/v1/services");
		CHECK(evil_last_header(e, "If-None-Match", value, sizeof(value)) && strcmp(value, "\"v1\"") == 0);
	}
	CHECK(store_ref_get(v.store, "offices", &json, &len, etag, sizeof(etag), &fetched_at));
	CHECK(json && strcmp(json, "{\"items\":[]}") == 0 && strcmp(etag, "\"o1\"") == 0 && fetched_at == 1764300000);
	free(json);
	json = NULL;

	/* The control: a valid answer does replace it (and the next kind is asked). */
	evil_route(e, "/v1/services", 200, fresh, strlen(fresh));
	run(&v, 3000, 65536, 1, &after);
	CHECK(store_ref_get(v.store, "services", &json, &len, etag, sizeof(etag), &fetched_at));
	CHECK(json && strcmp(json, fresh) == 0);
	CHECK(fetched_at > 1764300000);
	free(json);
	json = NULL;
	evil_last_path(e, value, sizeof(value));
	CHECK_STR(value, "/v1/offices");
out:
	env_finish(&v);
}

/* (f) slot_full stops a booking for rebooking; the records behind it, of its kind and others, go on
 * and are delivered once the server answers 201; a stopped booking is not sent again. */
static void test_slot_full(struct evil *e)
{
	static const char slot_full[] = "{\"error\":{\"code\":\"slot_full\",\"message\":\"slot_id: this slot has no "
					"free places left\",\"alternatives\":[]}}";
	static const char unavailable[] = "{\"error\":{\"code\":\"maintenance\",\"message\":\"back soon\"}}";
	static const char created[] = "{\"reference\":\"HR-2\",\"status\":\"queued\"}";
	struct env v = {0};
	struct outbox_counts after;
	struct submission sub = {0};
	if (!env_init(&v, e->port))
		goto out;
	int b1 = submit(&v, SUB_BOOKING, BOOKING);
	int h1 = submit(&v, SUB_HELP_REQUEST, HELP);
	int h2 = submit(&v, SUB_HELP_REQUEST, HELP);
	int b2 = submit(&v, SUB_BOOKING, BOOKING);
	evil_clear_routes(e);
	evil_route(e, "/v1/bookings", 409, slot_full, strlen(slot_full));
	evil_route(e, "/v1/help-requests", 503, unavailable, strlen(unavailable));
	evil_set_mode(e, EVIL_SCRIPTED);
	run(&v, 3000, 65536, 3, &after);
	expect_counts(&after, 2, 0, 0, 2);
	expect_sub(&v, b1, SUB_NEEDS_REBOOKING, "slot_full", 1, "slot_full b1");
	expect_sub(&v, b2, SUB_NEEDS_REBOOKING, "slot_full", 1, "slot_full b2");
	expect_sub(&v, h1, SUB_PENDING, "maintenance", 4, "503 h1"); /* 1, then 3 after b2 */
	expect_sub(&v, h2, SUB_PENDING, "", 0, "503 h2");
	if (CHECK(store_get(v.store, v.ids[b1], &sub)))
		CHECK(sub.payload != NULL && strstr(sub.payload, "slot_id") != NULL); /* kept for staff */
	submission_finish(&sub);

	evil_route(e, "/v1/help-requests", 201, created, strlen(created));
	int before = atomic_load(&e->requests);
	run(&v, 3000, 65536, 3, &after);
	expect_counts(&after, 0, 2, 0, 2);
	expect_sub(&v, h1, SUB_DELIVERED, NULL, 5, "201 h1");
	expect_sub(&v, h2, SUB_DELIVERED, NULL, 1, "201 h2");
	expect_sub(&v, b1, SUB_NEEDS_REBOOKING, "slot_full", 1, "after b1");
	CHECK_INT(atomic_load(&e->requests) - before, 1 + 2); /* the 404 reference GET, two POSTs */
	if (CHECK(store_find_key(v.store, v.keys[h2], &sub))) {
		CHECK(sub.id == v.ids[h2] && sub.delivered_at > 0);
		CHECK(sub.response != NULL && strstr(sub.response, "\"HR-2\"") != NULL);
	}
	submission_finish(&sub);
out:
	env_finish(&v);
}

/* (g) A permanent 422 rejects a pledge; whatever the answers echo, only the allow-listed fields are
 * kept: no name, phone or ID number in any stored response. */
static void test_rejected_no_personal_data(struct evil *e)
{
	static const char rejected[] = "{\"error\":{\"code\":\"consent_required\",\"message\":\"consent must be "
				       "true\"},\"donor\":{\"name\":\"" NAME "\",\"phone\":\"13600000000\"}}";
	static const char created[] = "{\"reference\":\"HR-3\",\"status\":\"queued\",\"kiosk_id\":\"kiosk-1\","
				      "\"donor\":{\"name\":\"" NAME "\"},\"name\":\"" NAME "\","
				      "\"phone\":\"13600000000\",\"parties\":[{\"id_number\":\"440701199001010011\"}]}";
	struct env v = {0};
	struct outbox_counts after;
	struct submission sub = {0};
	if (!env_init(&v, e->port))
		goto out;
	int p1 = submit(&v, SUB_PLEDGE, PLEDGE);
	int h1 = submit(&v, SUB_HELP_REQUEST, HELP);
	evil_clear_routes(e);
	evil_route(e, "/v1/pledges", 422, rejected, strlen(rejected));
	evil_route(e, "/v1/help-requests", 201, created, strlen(created));
	evil_set_mode(e, EVIL_SCRIPTED);
	run(&v, 3000, 65536, 3, &after);
	expect_counts(&after, 0, 1, 1, 0);
	expect_sub(&v, p1, SUB_REJECTED, "consent_required", 1, "422");
	expect_sub(&v, h1, SUB_DELIVERED, NULL, 1, "201 with personal data");
	for (int i = 0; i < v.count; i++) {
		if (!CHECK(store_get(v.store, v.ids[i], &sub)))
			continue;
		const char *resp = sub.response ? sub.response : "";
		CHECK(strstr(resp, NAME) == NULL);
		CHECK(strstr(resp, "13600000000") == NULL);
		CHECK(strstr(resp, "440701199001010011") == NULL);
		CHECK(strstr(resp, "donor") == NULL);
		CHECK(strstr(sub.error_message, NAME) == NULL);
		if (i == h1) {
			CHECK(strstr(resp, "\"reference\":\"HR-3\"") != NULL);
			CHECK(strstr(resp, "\"status\":\"queued\"") != NULL);
		}
		submission_finish(&sub);
	}
out:
	env_finish(&v);
}

/* (h) A server that reads the request and closes without a word: pending, "network". */
static void test_closed(struct evil *e)
{
	struct env v = {0};
	struct outbox_counts after;
	if (!env_init(&v, e->port))
		goto out;
	submit(&v, SUB_HELP_REQUEST, HELP);
	submit(&v, SUB_BOOKING, BOOKING);
	evil_set_mode(e, EVIL_CLOSE);
	long long ms = run(&v, 3000, 65536, 2, &after);
	expect_counts(&after, 2, 0, 0, 0);
	expect_sub(&v, 0, SUB_PENDING, "network", 1, "closed");
	expect_sub(&v, 1, SUB_PENDING, "network", 1, "closed");
	CHECK(ms < 3000);
	/* and one that is not listening at all: the port stays bound (not listening) through the run, so
	 * no other test running at the same time can take it and answer */
	int port = 0, fd = bind_loopback(&port, false);
	if (CHECK(fd >= 0)) {
		v.port = port;
		ms = run(&v, 3000, 65536, 2, &after);
		expect_counts(&after, 2, 0, 0, 0);
		expect_sub(&v, 0, SUB_PENDING, "network", 2, "refused");
		expect_sub(&v, 1, SUB_PENDING, "network", 2, "refused");
		CHECK(ms < 3000);
		close(fd);
	}
out:
	env_finish(&v);
}

/* (i) The real stub: twenty help requests delivered in one pass, each with its reference. */
static void test_stub(void)
{
	struct stub s = {0};
	struct env v = {0};
	struct outbox_counts after;
	struct submission sub = {0};
	char *json = NULL;
	size_t len = 0;
	if (!CHECK(stub_start(&s, STUB_PATH)) || !env_init(&v, s.port))
		goto out;
	for (int i = 0; i < 20; i++)
		submit(&v, SUB_HELP_REQUEST, HELP);
	long long ms = run(&v, 10000, 0, 3, &after);
	expect_counts(&after, 0, 20, 0, 0);
	CHECK_INT(after.oldest_pending_created, 0);
	for (int i = 0; i < v.count; i++) {
		if (!CHECK(store_get(v.store, v.ids[i], &sub)))
			continue;
		CHECK_INT(sub.state, SUB_DELIVERED);
		CHECK_INT(sub.attempts, 1);
		if (!CHECK(sub.response != NULL && strstr(sub.response, "\"reference\":\"HR-") != NULL))
			fprintf(stderr, "  response %d: %s\n", i, sub.response ? sub.response : "(null)");
		submission_finish(&sub);
	}
	/* the reference data came too */
	CHECK(store_ref_get(v.store, "services", &json, &len, NULL, 0, NULL));
	CHECK(json != NULL && strstr(json, "\"items\"") != NULL);
	free(json);
	/* a second pass sends nothing again */
	run(&v, 10000, 0, 3, &after);
	expect_counts(&after, 0, 20, 0, 0);
	if (CHECK(store_get(v.store, v.ids[0], &sub)))
		CHECK_INT(sub.attempts, 1);
	submission_finish(&sub);
	printf("  stub: 20 deliveries in %lld ms\n", ms);
out:
	env_finish(&v);
	stub_stop(&s);
}

int main(void)
{
	struct evil e;
	long long t0 = test_now_ms(), t;
	/* libcurl runs with CURLOPT_NOSIGNAL, so the process ignores SIGPIPE (as the kiosk does). */
	signal(SIGPIPE, SIG_IGN);
	unsetenv("http_proxy");
	unsetenv("HTTP_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	if (!CHECK(evil_start(&e)))
		return check_exit();
#define TIMED(call)                                                                                          \
	do {                                                                                                 \
		t = test_now_ms();                                                                           \
		call;                                                                                        \
		printf("%s: %lld ms\n", #call, test_now_ms() - t);                                          \
	} while (0)
	TIMED(test_malformed_success(&e));
	TIMED(test_huge(&e));
	TIMED(test_slow(&e));
	TIMED(test_reference_kept(&e));
	TIMED(test_slot_full(&e));
	TIMED(test_rejected_no_personal_data(&e));
	TIMED(test_closed(&e));
	evil_stop(&e);
	TIMED(test_stub());
	printf("test_sync took %lld ms\n", test_now_ms() - t0);
	return check_exit();
}
