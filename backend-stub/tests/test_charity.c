/*
 * test_charity: the charity part of API.md against a real stub: project fields (description,
 * icon, organiser, as_of, amount limits and decimals), the texts for pledges, pledges stamped by
 * an offline kiosk (kiosk_reference, pledged_at) and their duplicates, the whole-yuan project,
 * and withdrawals: the 600-second window on kiosk-stamped times, totals, idempotency, the
 * per-kiosk scope of kiosk_reference, the admin records and the reset.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "harness.h"

#define KIOSK2 "kiosk-2:secret-2"

static struct stub S;
static CURL *H;

static double num(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* The project's pledged total and pledge count from GET /v1/projects. */
static void project_totals(const char *id, double *pledged, int *count)
{
	struct reply r;
	const cJSON *it;
	*pledged = -1;
	*count = -1;
	stub_get(&S, H, "/v1/projects", &r);
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
	{
		if (strcmp(json_str(it, "id"), id) == 0) {
			*pledged = num(it, "pledged");
			*count = (int)num(it, "pledge_count");
		}
	}
	reply_finish(&r);
}

/* POST a pledge of amount to project (kiosk NULL: kiosk-1); kiosk_ref NULL: none; at 0: no pledged_at. */
static void pledge(const char *kiosk, const char *project, const char *amount, const char *kiosk_ref, long long at,
		   const char *key, struct reply *r)
{
	char body[512], stamp[32], ref[40] = "", when[64] = "";
	if (kiosk_ref != NULL)
		snprintf(ref, sizeof(ref), ",\"kiosk_reference\":\"%s\"", kiosk_ref);
	if (at != 0) {
		test_iso_time(stamp, at);
		snprintf(when, sizeof(when), ",\"pledged_at\":\"%s\"", stamp);
	}
	snprintf(body, sizeof(body), "{\"project_id\":\"%s\",\"amount\":%s,\"anonymous\":true,\"consent\":true%s%s}", project,
		 amount, ref, when);
	stub_post(&S, H, kiosk, "/v1/pledges", body, key, r);
}

/* POST a withdrawal: by reference (ref starts "PL-") or kiosk_reference, requested at `at`. */
static void withdraw(const char *kiosk, const char *ref, long long at, const char *key, struct reply *r)
{
	char body[256], stamp[32];
	test_iso_time(stamp, at);
	snprintf(body, sizeof(body), "{\"%s\":\"%s\",\"requested_at\":\"%s\",\"language\":\"zh-Hant\"}",
		 strncmp(ref, "JC-", 3) == 0 ? "kiosk_reference" : "reference", ref, stamp);
	stub_post(&S, H, kiosk, "/v1/pledges/withdraw", body, key, r);
}

static void test_projects(void)
{
	static const char *const icons[] = {"community", "elderly", "children", "emergency_call", "home", "relief", "festival"};
	struct reply r, r2;
	struct request rq = {0};
	const cJSON *it;
	int n = 0;
	stub_get(&S, H, "/v1/projects", &r);
	CHECK(r.status == 200, "projects %ld", r.status);
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
	{
		const char *id = json_str(it, "id");
		const cJSON *org = cJSON_GetObjectItemCaseSensitive(it, "organiser");
		long long as_of;
		int icon_ok = 0;
		for (size_t i = 0; i < sizeof(icons) / sizeof(icons[0]); i++)
			icon_ok = icon_ok || strcmp(json_str(it, "icon"), icons[i]) == 0;
		CHECK(json_is_text(cJSON_GetObjectItemCaseSensitive(it, "description")), "%s: description", id);
		CHECK(icon_ok, "%s: icon '%s'", id, json_str(it, "icon"));
		CHECK(json_is_text(org) && strcmp(json_str(org, "zh-Hans"), "江海区慈善会") == 0, "%s: organiser", id);
		CHECK(clock_parse_iso(json_str(it, "as_of"), &as_of) == 0 && as_of <= (long long)time(NULL) + 5, "%s: as_of '%s'",
		      id, json_str(it, "as_of"));
		CHECK(num(it, "amount_min") == 1 && num(it, "amount_max") == 1000000, "%s: amount limits", id);
		CHECK(num(it, "amount_decimals") == (strcmp(id, "emergency_relief") == 0 ? 0 : 2), "%s: amount_decimals", id);
		n++;
	}
	CHECK(n == 7, "7 projects (%d)", n);
	/* as_of dates the figures, not the request: the representation and its tag hold still. */
	rq.path = "/v1/projects";
	rq.if_none_match = r.etag;
	stub_send(&S, H, &rq, &r2);
	CHECK(r2.status == 304, "unchanged projects revalidate to 304 (%ld)", r2.status);
	reply_finish(&r2);
	reply_finish(&r);
}

static void test_texts(void)
{
	struct reply r;
	const cJSON *items, *url;
	stub_get(&S, H, "/v1/texts", &r);
	items = cJSON_GetObjectItemCaseSensitive(r.json, "items");
	url = cJSON_GetObjectItemCaseSensitive(items, "pledge.lookup_url");
	CHECK(json_is_text(url) &&
		      strcmp(json_str(url, "zh-Hans"),
			     "https://pay.jianghai-charity.example/pledge/lookup?kiosk={kiosk_id}&ref={reference}") == 0 &&
		      strcmp(json_str(url, "en"), json_str(url, "zh-Hans")) == 0 &&
		      strcmp(json_str(url, "zh-Hant"), json_str(url, "zh-Hans")) == 0,
	      "pledge.lookup_url template");
	CHECK(json_is_text(cJSON_GetObjectItemCaseSensitive(items, "pledge.withdraw_note")) &&
		      strstr(json_str(cJSON_GetObjectItemCaseSensitive(items, "pledge.withdraw_note"), "zh-Hans"), "10分钟"),
	      "pledge.withdraw_note");
	CHECK(json_is_text(cJSON_GetObjectItemCaseSensitive(items, "assistance.rate_limited")), "assistance.rate_limited");
	reply_finish(&r);
}

static void test_pledge_stamps(void)
{
	struct reply r, again;
	char key[37], stamp[32], first_ref[24];
	long long now = (long long)time(NULL), t;

	/* An offline pledge: both stamps echoed. */
	test_uuid(key);
	pledge(NULL, "chongyang", "20", "JC-0000ABCD", now - 3 * 86400, key, &r);
	test_iso_time(stamp, now - 3 * 86400);
	CHECK(r.status == 201, "stamped pledge %ld %s", r.status, r.body);
	CHECK(strcmp(json_str(r.json, "kiosk_reference"), "JC-0000ABCD") == 0, "kiosk_reference echoed");
	CHECK(strcmp(json_str(r.json, "pledged_at"), stamp) == 0, "pledged_at echoed: %s", json_str(r.json, "pledged_at"));
	snprintf(first_ref, sizeof(first_ref), "%s", json_str(r.json, "reference"));
	/* Same key, same body: the first answer; not a duplicate. */
	pledge(NULL, "chongyang", "20", "JC-0000ABCD", now - 3 * 86400, key, &again);
	CHECK(again.status == 201 && strcmp(again.body, r.body) == 0, "replay of a stamped pledge");
	reply_finish(&again);
	reply_finish(&r);
	/* Same receipt number under a new key: 409 naming the pledge it duplicates. */
	pledge(NULL, "chongyang", "20", "JC-0000ABCD", now - 3 * 86400, NULL, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "duplicate_pledge") == 0 && strcmp(reply_field(&r), "kiosk_reference") == 0,
	      "duplicate kiosk_reference %ld %s", r.status, r.body);
	CHECK(strcmp(json_str(cJSON_GetObjectItemCaseSensitive(r.json, "error"), "reference"), first_ref) == 0,
	      "duplicate names the first pledge");
	reply_finish(&r);
	/* Another kiosk's receipt numbers are its own. */
	pledge(KIOSK2, "chongyang", "20", "JC-0000ABCD", 0, NULL, &r);
	CHECK(r.status == 201, "same kiosk_reference on another kiosk %ld %s", r.status, r.body);
	reply_finish(&r);

	/* Without stamps: kiosk_reference null, pledged_at the server time. */
	pledge(NULL, "chongyang", "20", NULL, 0, NULL, &r);
	CHECK(r.status == 201 && cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r.json, "kiosk_reference")), "no kiosk_reference");
	CHECK(clock_parse_iso(json_str(r.json, "pledged_at"), &t) == 0 && t >= now - 5 && t <= now + 5, "pledged_at defaults to now");
	reply_finish(&r);

	/* Up to 300 s ahead of the server clock is tolerated, more is not. */
	pledge(NULL, "chongyang", "20", NULL, now + 200, NULL, &r);
	CHECK(r.status == 201, "pledged_at 200 s ahead %ld", r.status);
	reply_finish(&r);
	pledge(NULL, "chongyang", "20", NULL, now + 400, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "invalid_field") == 0 && strcmp(reply_field(&r), "pledged_at") == 0,
	      "pledged_at 400 s ahead %ld %s", r.status, r.body);
	reply_finish(&r);

	static const struct {
		const char *body, *field;
	} bad[] = {
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"kiosk_reference\":\"JC-12AB\"}",
		 "kiosk_reference"},
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"kiosk_reference\":\"JC-0000abcd\"}",
		 "kiosk_reference"},
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"kiosk_reference\":\"PL-0000ABCD\"}",
		 "kiosk_reference"},
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"pledged_at\":\"2026-11-28 10:00\"}",
		 "pledged_at"},
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"pledged_at\":\"2026-11-28T10:00:00\"}",
		 "pledged_at"},
		{"{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"pledged_at\":1764300000}",
		 "pledged_at"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		stub_post(&S, H, NULL, "/v1/pledges", bad[i].body, NULL, &r);
		CHECK(r.status == 400 && strcmp(reply_code(&r), "invalid_field") == 0 && strcmp(reply_field(&r), bad[i].field) == 0,
		      "bad stamp %zu: %ld %s", i, r.status, r.body);
		reply_finish(&r);
	}
	/* A zone other than +08:00 is the same instant. */
	stub_post(&S, H, NULL, "/v1/pledges",
		  "{\"project_id\":\"chongyang\",\"amount\":5,\"anonymous\":true,\"consent\":true,\"pledged_at\":\"2026-11-01T01:30:00Z\"}",
		  NULL, &r);
	CHECK(r.status == 201 && strcmp(json_str(r.json, "pledged_at"), "2026-11-01T09:30:00+08:00") == 0, "Z normalised: %s",
	      r.body);
	reply_finish(&r);
}

static void test_precision(void)
{
	static const struct {
		const char *project, *amount;
		long status;
		const char *code;
	} cases[] = {
		{"emergency_relief", "10.5", 422, "amount_precision"},
		{"emergency_relief", "10.05", 422, "amount_precision"},
		{"emergency_relief", "10", 201, ""},
		{"emergency_relief", "0.5", 422, "amount_out_of_range"},
		{"emergency_relief", "10.001", 400, "invalid_field"},
		{"emergency_relief", "1e300", 422, "amount_out_of_range"},
		{"chongyang", "10.5", 201, ""},
		{"chongyang", "10.05", 201, ""},
	};
	struct reply r;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pledge(NULL, cases[i].project, cases[i].amount, NULL, 0, NULL, &r);
		CHECK(r.status == cases[i].status && strcmp(reply_code(&r), cases[i].code) == 0, "precision %s %s: %ld %s",
		      cases[i].project, cases[i].amount, r.status, r.body);
		if (r.status != 201)
			CHECK(strcmp(reply_field(&r), "amount") == 0, "precision case %zu names amount", i);
		reply_finish(&r);
	}
}

/* The receipt's name: the donor's by default, the one given when given, required when anonymous, none
 * without a receipt; always masked in the answer. */
static void test_receipt_name(void)
{
	static const struct {
		const char *fields;
		long status;
		const char *code, *on_receipt; /* NULL: receipt_name null */
	} cases[] = {
		{"\"anonymous\":false,\"donor_name\":\"李大伯\",\"receipt_requested\":true", 201, "", "李**"},
		{"\"anonymous\":false,\"donor_name\":\"李大伯\",\"receipt_requested\":true,\"receipt_name\":\"江海五金厂\"", 201,
		 "", "江****"},
		{"\"anonymous\":true,\"receipt_requested\":true,\"receipt_name\":\"陈小姐\"", 201, "", "陈**"},
		{"\"anonymous\":true,\"receipt_requested\":true", 422, "receipt_name_required", NULL},
		{"\"anonymous\":true,\"receipt_requested\":true,\"receipt_name\":\"\"", 422, "receipt_name_required", NULL},
		{"\"anonymous\":false,\"donor_name\":\"李大伯\",\"receipt_name\":\"江海五金厂\"", 201, "", NULL},
	};
	struct reply r;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char body[512];
		snprintf(body, sizeof(body), "{\"project_id\":\"chongyang\",\"amount\":10,\"consent\":true,%s}", cases[i].fields);
		stub_post(&S, H, NULL, "/v1/pledges", body, NULL, &r);
		CHECK(r.status == cases[i].status && strcmp(reply_code(&r), cases[i].code) == 0, "receipt case %zu: %ld %s", i,
		      r.status, r.body);
		if (r.status == 201) {
			const cJSON *name = cJSON_GetObjectItemCaseSensitive(r.json, "receipt_name");
			if (cases[i].on_receipt)
				CHECK(cJSON_IsString(name) && strcmp(name->valuestring, cases[i].on_receipt) == 0,
				      "receipt case %zu: receipt_name %s", i, r.body);
			else
				CHECK(cJSON_IsNull(name), "receipt case %zu: receipt_name null: %s", i, r.body);
			CHECK(strstr(r.body, "李大伯") == NULL && strstr(r.body, "江海五金厂") == NULL, "receipt case %zu masked", i);
		} else {
			CHECK(strcmp(reply_field(&r), "receipt_name") == 0, "receipt case %zu names receipt_name", i);
		}
		reply_finish(&r);
	}
}

static void test_withdraw(void)
{
	struct reply r, again;
	char key[37], ref[24], ref2[24], ref4[24];
	double before, after;
	int count_before, count_after;
	long long now = (long long)time(NULL), pledged = now - 700, t;

	project_totals("lighthouse_children", &before, &count_before);
	pledge(NULL, "lighthouse_children", "66.6", "JC-00000001", pledged, NULL, &r);
	CHECK(r.status == 201, "pledge to withdraw %ld %s", r.status, r.body);
	snprintf(ref, sizeof(ref), "%s", json_str(r.json, "reference"));
	reply_finish(&r);
	project_totals("lighthouse_children", &after, &count_after);
	CHECK(after > before + 66.5 && count_after == count_before + 1, "pledge counted %.2f %d", after, count_after);

	/* At exactly 600 s after pledged_at, from another kiosk, by its PL- reference (any case). */
	for (char *p = ref; *p; p++)
		if (*p >= 'A' && *p <= 'Z' && p > ref + 2)
			*p = (char)(*p + 32);
	test_uuid(key);
	withdraw(KIOSK2, ref, pledged + 600, key, &r);
	CHECK(r.status == 200 && strcmp(json_str(r.json, "status"), "withdrawn") == 0, "withdraw at 600 s %ld %s", r.status,
	      r.body);
	CHECK(strncmp(json_str(r.json, "reference"), "PL-", 3) == 0 && strcmp(json_str(r.json, "kiosk_reference"), "JC-00000001") == 0 &&
		      strcmp(json_str(r.json, "project_id"), "lighthouse_children") == 0 && num(r.json, "amount") == 66.6,
	      "withdrawal answer %s", r.body);
	CHECK(clock_parse_iso(json_str(r.json, "withdrawn_at"), &t) == 0 && t >= now - 5 && t <= now + 5, "withdrawn_at now");
	project_totals("lighthouse_children", &after, &count_after);
	CHECK(after > before - 0.001 && after < before + 0.001 && count_after == count_before, "totals drop back %.2f %d", after,
	      count_after);
	/* Same key, same body: the same answer, nothing changes. */
	withdraw(KIOSK2, ref, pledged + 600, key, &again);
	CHECK(again.status == 200 && strcmp(again.body, r.body) == 0, "withdraw replay");
	reply_finish(&again);
	reply_finish(&r);
	project_totals("lighthouse_children", &after, &count_after);
	CHECK(count_after == count_before, "replay changed nothing");
	/* The same request under a new key. */
	withdraw(NULL, ref, pledged + 600, NULL, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "already_withdrawn") == 0, "withdraw twice %ld %s", r.status, r.body);
	reply_finish(&r);

	/* 601 s is too late, whoever asks. */
	pledge(NULL, "lighthouse_children", "10", NULL, now - 1000, NULL, &r);
	snprintf(ref2, sizeof(ref2), "%s", json_str(r.json, "reference"));
	reply_finish(&r);
	withdraw(NULL, ref2, now - 1000 + 601, NULL, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "withdrawal_too_late") == 0, "withdraw at 601 s %ld %s", r.status, r.body);
	reply_finish(&r);
	/* Before the pledge, or too far ahead of the server clock: 422. */
	withdraw(NULL, ref2, now - 1001, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "invalid_field") == 0 && strcmp(reply_field(&r), "requested_at") == 0,
	      "requested before pledged %ld %s", r.status, r.body);
	reply_finish(&r);
	withdraw(NULL, ref2, now + 400, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_field(&r), "requested_at") == 0, "requested in the future %ld %s", r.status, r.body);
	reply_finish(&r);

	/* kiosk_reference is looked up among the asking kiosk's pledges only. */
	pledge(NULL, "lighthouse_children", "10", "JC-00000003", now - 30, NULL, &r);
	CHECK(r.status == 201, "pledge JC-00000003 %ld", r.status);
	reply_finish(&r);
	withdraw(KIOSK2, "JC-00000003", now, NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "pledge_not_found") == 0, "other kiosk's kiosk_reference %ld %s",
	      r.status, r.body);
	reply_finish(&r);
	withdraw(NULL, "JC-00000003", now, NULL, &r);
	CHECK(r.status == 200 && strcmp(json_str(r.json, "kiosk_reference"), "JC-00000003") == 0, "own kiosk_reference %ld %s",
	      r.status, r.body);
	reply_finish(&r);
	/* A pledge without kiosk_reference answers kiosk_reference null. It is stamped with the server's clock, which
	 * may have passed `now` by a second: the withdrawal is requested at the clock read after the answer. */
	pledge(KIOSK2, "lighthouse_children", "10", NULL, 0, NULL, &r);
	snprintf(ref4, sizeof(ref4), "%s", json_str(r.json, "reference"));
	reply_finish(&r);
	withdraw(NULL, ref4, (long long)time(NULL), NULL, &r);
	CHECK(r.status == 200 && cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r.json, "kiosk_reference")),
	      "withdraw another kiosk's pledge by reference %ld %s", r.status, r.body);
	reply_finish(&r);

	withdraw(NULL, "PL-ZZZZZZZZ", now, NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "pledge_not_found") == 0, "unknown reference %ld", r.status);
	reply_finish(&r);
	withdraw(NULL, "JC-FFFFFFFF", now, NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "pledge_not_found") == 0, "unknown kiosk_reference %ld", r.status);
	reply_finish(&r);

	static const struct {
		const char *body, *code, *field;
	} bad[] = {
		{"{\"requested_at\":\"2026-11-28T10:00:00+08:00\"}", "missing_field", "reference"},
		{"{\"reference\":\"PL-ZZZZZZZZ\",\"kiosk_reference\":\"JC-00000001\",\"requested_at\":\"2026-11-28T10:00:00+08:00\"}",
		 "invalid_field", "kiosk_reference"},
		{"{\"reference\":\"PL-ZZZZZZZZ\"}", "missing_field", "requested_at"},
		{"{\"kiosk_reference\":\"JC-1\",\"requested_at\":\"2026-11-28T10:00:00+08:00\"}", "invalid_field", "kiosk_reference"},
		{"{\"reference\":\"PL-ZZZZZZZZ\",\"requested_at\":\"yesterday\"}", "invalid_field", "requested_at"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		stub_post(&S, H, NULL, "/v1/pledges/withdraw", bad[i].body, NULL, &r);
		CHECK(r.status == 400 && strcmp(reply_code(&r), bad[i].code) == 0 && strcmp(reply_field(&r), bad[i].field) == 0,
		      "bad withdrawal %zu: %ld %s", i, r.status, r.body);
		reply_finish(&r);
	}

	/* Admin: the pledge record shows its status, the withdrawal has its own record. */
	stub_admin(&S, H, "GET", "/v1/admin/records?type=pledge", &r);
	{
		const cJSON *it;
		int withdrawn = 0;
		cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
		{
			const cJSON *rec = cJSON_GetObjectItemCaseSensitive(it, "record");
			if (strcmp(json_str(rec, "status"), "withdrawn") == 0 && json_str(rec, "withdrawn_at")[0] != '\0')
				withdrawn++;
		}
		CHECK(withdrawn == 3, "3 withdrawn pledge records (%d)", withdrawn);
	}
	reply_finish(&r);
	stub_admin(&S, H, "GET", "/v1/admin/records?type=withdrawal", &r);
	CHECK(r.status == 200 && num(r.json, "count") == 3, "3 withdrawal records: %s", r.body);
	CHECK(strcmp(json_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r.json, "items"), 0), "kiosk_id"), "kiosk-2") == 0,
	      "the withdrawal is recorded for the kiosk that asked");
	reply_finish(&r);
}

static void test_reset(void)
{
	struct reply r;
	double pledged;
	int count;
	stub_admin(&S, H, "POST", "/v1/admin/reset", &r);
	CHECK(r.status == 200, "reset %ld", r.status);
	reply_finish(&r);
	stub_admin(&S, H, "GET", "/v1/admin/records?type=withdrawal", &r);
	CHECK(num(r.json, "count") == 0, "reset clears withdrawals");
	reply_finish(&r);
	stub_admin(&S, H, "GET", "/v1/admin/records?type=pledge", &r);
	CHECK(num(r.json, "count") == 0, "reset clears pledges");
	reply_finish(&r);
	project_totals("chongyang", &pledged, &count);
	CHECK(pledged == 0 && count == 0, "reset zeroes totals");
	/* A receipt number is free again after the reset. */
	pledge(NULL, "chongyang", "20", "JC-0000ABCD", 0, NULL, &r);
	CHECK(r.status == 201, "kiosk_reference reusable after reset %ld", r.status);
	reply_finish(&r);
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", "--admin-token", TEST_ADMIN, NULL};
	if (argc < 2 || stub_init(&S, argv[1], "charity") != 0 || stub_start(&S, args) != 0) {
		fprintf(stderr, "cannot start the stub\n");
		return 1;
	}
	H = curl_easy_init();
	test_projects();
	test_texts();
	test_pledge_stamps();
	test_precision();
	test_receipt_name();
	test_withdraw();
	test_reset();
	curl_easy_cleanup(H);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit on SIGTERM");
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_charity: all checks passed\n");
	return test_failures ? 1 : 0;
}
