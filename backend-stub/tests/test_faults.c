/*
 * test_faults: fault injection is deterministic under --fault-seed (same seed, same sequence;
 * other seed, other sequence), honours its rates within tolerance over 800 requests, adds the
 * configured latency, and a dropped POST is processed exactly once (the retry with the same
 * Idempotency-Key gets the first answer and creates nothing). A garbage answer (200, not JSON) also
 * comes after the work, and the retry gets the real first answer; the admin listing names the key
 * that created the record. --error-status 500 answers 500 internal instead of 503.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define SAMPLES 800

static struct stub S;

/* One character per request: '.' answered 200, 'E' 503, 'D' dropped, '?' anything else. */
static void run_sequence(const char *seed, char *out)
{
	const char *args[] = {"--seed", "demo", "--error-rate", "0.2", "--drop-rate", "0.1", "--fault-seed", seed, NULL};
	CURL *h = curl_easy_init();
	CHECK(stub_start(&S, args) == 0, "start with seed %s", seed);
	for (int i = 0; i < SAMPLES; i++) {
		struct reply r;
		struct request rq = {0};
		rq.path = "/v1/texts";
		rq.fresh_connection = true;  /* a reused connection that dies would be retried by libcurl */
		stub_send(&S, h, &rq, &r);
		out[i] = r.curl_rc == CURLE_GOT_NOTHING ? 'D' : r.status == 503 ? 'E' : r.status == 200 ? '.' : '?';
		reply_finish(&r);
	}
	out[SAMPLES] = '\0';
	curl_easy_cleanup(h);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
}

static int count(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static int admin_count(const char *type)
{
	char path[64];
	struct reply r;
	struct request rq = {0};
	snprintf(path, sizeof(path), "/v1/admin/records?type=%s", type);
	rq.path = path;
	rq.bearer = TEST_ADMIN;
	stub_send(&S, NULL, &rq, &r);
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(r.json, "count");
	int n = cJSON_IsNumber(c) ? c->valueint : -1;
	reply_finish(&r);
	return n;
}

int main(int argc, char **argv)
{
	static char a[SAMPLES + 1], b[SAMPLES + 1], c[SAMPLES + 1];
	struct reply r, r2;
	struct request rq = {0};
	char key[37];
	if (argc < 2 || stub_init(&S, argv[1], "faults") != 0) {
		fprintf(stderr, "cannot set up\n");
		return 1;
	}
	run_sequence("42", a);
	run_sequence("42", b);
	run_sequence("43", c);
	CHECK(strcmp(a, b) == 0, "same seed, same faults");
	CHECK(strcmp(a, c) != 0, "other seed, other faults");
	double e = count(a, 'E') / (double)SAMPLES, d = count(a, 'D') / (double)SAMPLES;
	CHECK(count(a, '?') == 0, "only 200, 503 or drop");
	CHECK(e > 0.2 - 0.06 && e < 0.2 + 0.06, "error rate %.3f", e);
	CHECK(d > 0.1 - 0.05 && d < 0.1 + 0.05, "drop rate %.3f", d);
	printf("observed error rate %.3f (0.2), drop rate %.3f (0.1) over %d requests\n", e, d, SAMPLES);

	/* Latency. */
	{
		const char *args[] = {"--latency-ms", "150", NULL};
		CHECK(stub_start(&S, args) == 0, "start with latency");
		for (int i = 0; i < 3; i++) {
			memset(&rq, 0, sizeof(rq));
			rq.path = "/v1/services";
			stub_send(&S, NULL, &rq, &r);
			CHECK(r.status == 200 && r.seconds >= 0.150, "latency %.3f s", r.seconds);
			reply_finish(&r);
		}
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
	}

	/* A dropped POST is done once; the retry replays it. */
	{
		const char *drop[] = {"--drop-rate", "1", "--admin-token", TEST_ADMIN, NULL};
		const char *plain[] = {"--admin-token", TEST_ADMIN, NULL};
		test_uuid(key);
		CHECK(stub_start(&S, drop) == 0, "start dropping");
		memset(&rq, 0, sizeof(rq));
		rq.method = "POST";
		rq.path = "/v1/help-requests";
		rq.body = "{\"reason\":\"assistance\",\"assisted_mode\":true}";
		rq.idem_key = key;
		rq.fresh_connection = true;
		stub_send(&S, NULL, &rq, &r);
		CHECK(r.curl_rc == CURLE_GOT_NOTHING, "dropped without an answer (curl %d, status %ld)", r.curl_rc, r.status);
		reply_finish(&r);
		CHECK(admin_count("help") == 1, "the dropped request was processed");
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
		CHECK(stub_start(&S, plain) == 0, "start without faults");
		stub_send(&S, NULL, &rq, &r);
		stub_send(&S, NULL, &rq, &r2);
		CHECK(r.status == 201 && r2.status == 201 && strcmp(r.body, r2.body) == 0, "retries replay the first answer");
		reply_finish(&r);
		reply_finish(&r2);
		CHECK(admin_count("help") == 1, "exactly once");
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
	}
	/* A garbage answer comes after the work: the retry replays the real answer, once. */
	{
		const char *garbage[] = {"--garbage-rate", "1", "--admin-token", TEST_ADMIN, NULL};
		const char *plain[] = {"--admin-token", TEST_ADMIN, NULL};
		test_uuid(key);
		CHECK(stub_start(&S, garbage) == 0, "start answering garbage");
		int before = admin_count("help");
		memset(&rq, 0, sizeof(rq));
		rq.method = "POST";
		rq.path = "/v1/help-requests";
		rq.body = "{\"reason\":\"assistance\",\"assisted_mode\":true}";
		rq.idem_key = key;
		stub_send(&S, NULL, &rq, &r);
		CHECK(r.status == 200 && r.json == NULL && r.body && strstr(r.body, "Bad Gateway"),
		      "garbage: 200 and not JSON (status %ld)", r.status);
		reply_finish(&r);
		CHECK(admin_count("help") == before + 1, "the request behind the garbage was processed");
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
		CHECK(stub_start(&S, plain) == 0, "start without faults");
		stub_send(&S, NULL, &rq, &r);
		CHECK(r.status == 201 && r.json != NULL, "the retry gets the real answer (status %ld)", r.status);
		reply_finish(&r);
		CHECK(admin_count("help") == before + 1, "exactly once");
		memset(&rq, 0, sizeof(rq));
		rq.path = "/v1/admin/records?type=help";
		rq.bearer = TEST_ADMIN;
		stub_send(&S, NULL, &rq, &r);
		const cJSON *item = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r.json, "items"), before);
		const char *created_by = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "idempotency_key"));
		CHECK(created_by && strcmp(created_by, key) == 0, "the record names the key that created it");
		reply_finish(&r);
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
	}

	/* --error-status 500: the error fault answers 500 internal, retryable. */
	{
		const char *errors[] = {"--error-rate", "1", "--error-status", "500", NULL};
		const char *bad[] = {"--error-status", "404", NULL};
		CHECK(stub_start(&S, errors) == 0, "start answering 500");
		memset(&rq, 0, sizeof(rq));
		rq.path = "/v1/texts";
		stub_send(&S, NULL, &rq, &r);
		const cJSON *err = cJSON_GetObjectItemCaseSensitive(r.json, "error");
		const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(err, "code"));
		CHECK(r.status == 500 && code && strcmp(code, "internal") == 0 &&
			      cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(err, "retryable")),
		      "500 internal, retryable (status %ld)", r.status);
		reply_finish(&r);
		CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
		CHECK(stub_start(&S, bad) != 0, "--error-status 404 is refused");
	}
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_faults: all checks passed\n");
	return test_failures ? 1 : 0;
}
