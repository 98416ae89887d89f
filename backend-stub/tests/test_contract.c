/*
 * test_contract: every endpoint of API.md against a real stub over HTTP (libcurl): success,
 * each error path, signature and replay rejection (a replay under another Idempotency-Key
 * included), idempotent replay and the 422 conflict,
 * ETag/304, 413, the booking rules, pledges, assistance, help, heartbeat and admin.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "clock.h"
#include "harness.h"

static struct stub S;
static CURL *H;
static int person_seq = 1;

static void get(const char *path, struct reply *r)
{
	struct request rq = {0};
	rq.path = path;
	stub_send(&S, H, &rq, r);
}

static void post(const char *path, const char *body, const char *key, struct reply *r)
{
	struct request rq = {0};
	rq.method = "POST";
	rq.path = path;
	rq.body = body;
	rq.idem_key = key;
	stub_send(&S, H, &rq, r);
}

static void admin(const char *method, const char *path, const char *token, struct reply *r)
{
	struct request rq = {0};
	rq.method = method;
	rq.path = path;
	rq.bearer = token;
	rq.kiosk = "";
	rq.idem_key = "";
	stub_send(&S, H, &rq, r);
}

static const char *field_of(const struct reply *r)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r->json, "error"), "field");
	return cJSON_IsString(f) ? f->valuestring : "";
}

static const char *str_of(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(v) ? v->valuestring : "";
}

/* A marriage couple body: man born by+0, woman born by+2 (both adults unless ages given). */
static void couple_body(char *out, size_t cap, const char *service, const char *office, long long slot, int man_year,
			int woman_year, const char *extra)
{
	char m[19], w[19];
	int seq = person_seq++;
	test_resident_id(m, man_year, 5, 6, seq, 'M');
	test_resident_id(w, woman_year, 7, 8, seq, 'F');
	snprintf(out, cap,
		 "{\"service\":\"%s\",\"office\":\"%s\",\"slot_id\":%lld,\"phone\":\"13912345678\",\"language\":\"zh-Hans\","
		 "\"parties\":[{\"name\":\"陈大文\",\"id_type\":\"resident_id\",\"id_number\":\"%s\"},"
		 "{\"name\":\"黄小美\",\"id_number\":\"%s\"}]%s}",
		 service, office, slot, m, w, extra ? extra : "");
}

static void test_signature_vector(void)
{
	char sig[65], other[65];
	auth_sign("secret-1", "POST", "/v1/bookings?x=1", "1764300000", "{\"a\":1}", 7, NULL, sig);
	CHECK(strcmp(sig, "4a133a3605af853440317201f8c88a444e5e1fcc07481061bdb50ce7cbdc7ccf") == 0, "sig %s", sig);
	auth_sign("secret-1", "GET", "/v1/services", "1764300000", "", 0, "", sig);
	CHECK(strcmp(sig, "50dae7f1a5145b8c883bcf7566e458f13819ef3c7de08d5e92508741bd3f02c2") == 0, "sig %s", sig);
	/* API.md's POST vector: the Idempotency-Key is the last line of the string to sign. */
	auth_sign("secret-1", "POST", "/v1/bookings", "1764300000", "{\"a\":1}", 7,
		  "0b7e3a52-6c1d-4f8e-9a24-5d3c7b1e8f60", sig);
	CHECK(strcmp(sig, "bf0f63a44faa7378946c12e585163dc881055a8f94f675d7ab8a923f018cee48") == 0, "sig %s", sig);
	auth_sign("secret-1", "POST", "/v1/bookings", "1764300000", "{\"a\":1}", 7,
		  "0b7e3a52-6c1d-4f8e-9a24-5d3c7b1e8f61", other);
	CHECK(strcmp(sig, other) != 0, "another key, the same signature %s", other);
}

/* The number of records of a type (booking, pledge, ...) the stub holds, from the admin route. */
static int record_count(const char *type)
{
	char path[96];
	struct reply r;
	int n = -1;
	snprintf(path, sizeof(path), "/v1/admin/records?type=%s", type);
	admin("GET", path, TEST_ADMIN, &r);
	const cJSON *count = cJSON_GetObjectItemCaseSensitive(r.json, "count");
	if (r.status == 200 && cJSON_IsNumber(count))
		n = count->valueint;
	reply_finish(&r);
	return n;
}

static void test_reference(void)
{
	static const char *paths[] = {"/v1/services", "/v1/offices", "/v1/programmes", "/v1/projects", "/v1/texts"};
	for (int i = 0; i < 5; i++) {
		struct reply r, r2;
		struct request rq = {0};
		get(paths[i], &r);
		CHECK(r.status == 200, "%s: %ld", paths[i], r.status);
		CHECK(r.etag[0] == '"', "%s: etag '%s'", paths[i], r.etag);
		CHECK(cJSON_GetObjectItemCaseSensitive(r.json, "items") != NULL, "%s items", paths[i]);
		rq.path = paths[i];
		rq.if_none_match = r.etag;
		stub_send(&S, H, &rq, &r2);
		CHECK(r2.status == 304 && r2.body[0] == '\0', "%s: If-None-Match -> %ld", paths[i], r2.status);
		reply_finish(&r2);
		rq.if_none_match = "\"stale\"";
		stub_send(&S, H, &rq, &r2);
		CHECK(r2.status == 200, "%s: stale tag -> %ld", paths[i], r2.status);
		reply_finish(&r2);
		reply_finish(&r);
	}
	/* Demo data content. */
	struct reply r;
	get("/v1/offices", &r);
	CHECK(strstr(r.body, "外海街道") && strstr(r.body, "礼乐街道") && strstr(r.body, "江南街道"), "street offices");
	reply_finish(&r);
	get("/v1/programmes", &r);
	CHECK(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r.json, "items")) == 8, "8 programmes");
	CHECK(strstr(r.body, "\"amount\":900") && strstr(r.body, "\"amount\":2200") && strstr(r.body, "\"year\":2020"),
	      "plan standards");
	reply_finish(&r);
	get("/v1/projects", &r);
	int n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r.json, "items"));
	CHECK(n >= 5 && n <= 8, "projects %d", n);
	reply_finish(&r);
}

static void test_auth(void)
{
	struct reply r;
	struct request rq = {0};
	rq.path = "/v1/services";
	rq.kiosk = "";
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401 && strcmp(reply_code(&r), "unauthenticated") == 0, "no headers %ld", r.status);
	reply_finish(&r);
	rq.kiosk = NULL;
	rq.bad_signature = true;
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401 && strcmp(reply_code(&r), "bad_signature") == 0, "bad sig %ld", r.status);
	reply_finish(&r);
	rq.bad_signature = false;
	rq.secret = "secret-2";
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401, "other kiosk's secret %ld", r.status);
	reply_finish(&r);
	rq.kiosk = "kiosk-2";
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 200, "second kiosk %ld", r.status);
	reply_finish(&r);
	rq.kiosk = "nobody";
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401, "unknown kiosk %ld", r.status);
	reply_finish(&r);
	rq.kiosk = NULL;
	rq.secret = NULL;
	rq.ts_offset = -301 - 5;
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401 && strcmp(reply_code(&r), "stale_timestamp") == 0, "old ts %ld", r.status);
	reply_finish(&r);
	rq.ts_offset = 310;
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 401 && strcmp(reply_code(&r), "stale_timestamp") == 0, "future ts %ld", r.status);
	reply_finish(&r);
	rq.ts_offset = -200;
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 200, "ts within window %ld", r.status);
	reply_finish(&r);
	/* Signed for one query, sent with another. */
	{
		char ts[32], sig[65], h1[128], h2[128];
		struct curl_slist *hs = NULL;
		CURL *c = curl_easy_init();
		char url[128];
		long status = 0;
		snprintf(ts, sizeof(ts), "%lld", (long long)time(NULL));
		auth_sign(TEST_SECRET, "GET", "/v1/slots?service=a&office=b", ts, "", 0, NULL, sig);
		snprintf(h1, sizeof(h1), "X-Timestamp: %s", ts);
		snprintf(h2, sizeof(h2), "X-Signature: %s", sig);
		hs = curl_slist_append(hs, "X-Kiosk-Id: " TEST_KIOSK);
		hs = curl_slist_append(hs, h1);
		hs = curl_slist_append(hs, h2);
		snprintf(url, sizeof(url), "http://127.0.0.1:%d/v1/slots?service=a&office=c", S.port);
		curl_easy_setopt(c, CURLOPT_URL, url);
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
		curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fwrite);
		curl_easy_setopt(c, CURLOPT_WRITEDATA, stderr);
		curl_easy_perform(c);
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		CHECK(status == 401, "query not covered by signature: %ld", status);
		curl_slist_free_all(hs);
		curl_easy_cleanup(c);
		fputc('\n', stderr);
	}
}

static void test_envelope(void)
{
	struct reply r;
	char *big;
	get("/v1/nothing", &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "not_found") == 0, "404 %ld", r.status);
	reply_finish(&r);
	post("/v1/services", "{}", NULL, &r);
	CHECK(r.status == 405, "405 %ld", r.status);
	reply_finish(&r);
	big = malloc(70000);
	memset(big, ' ', 69999);
	big[0] = '{';
	big[69997] = '}';
	big[69998] = '\0';
	post("/v1/help-requests", big, NULL, &r);
	CHECK(r.status == 413 && strcmp(reply_code(&r), "body_too_large") == 0, "413 %ld", r.status);
	reply_finish(&r);
	free(big);
	post("/v1/help-requests", "{\"reason\":", NULL, &r);
	CHECK(r.status == 400 && strcmp(reply_code(&r), "invalid_json") == 0 && strcmp(field_of(&r), "body") == 0,
	      "malformed %ld", r.status);
	CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r.json, "error"), "retryable")),
	      "retryable false");
	reply_finish(&r);
	post("/v1/help-requests", "[1]", NULL, &r);
	CHECK(r.status == 400, "array body %ld", r.status);
	reply_finish(&r);
	post("/v1/help-requests", "{\"reason\":5}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "reason") == 0, "wrong type names field: %s", r.body);
	reply_finish(&r);
	post("/v1/help-requests", "{\"reason\":\"other\"}", "", &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "Idempotency-Key") == 0, "no key %ld", r.status);
	reply_finish(&r);
	post("/v1/help-requests", "{\"reason\":\"other\"}", "not-a-uuid", &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "Idempotency-Key") == 0, "bad key %ld", r.status);
	reply_finish(&r);
}

static void test_slots(void)
{
	struct reply r;
	get("/v1/slots?office=jh_marriage_registry", &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "service") == 0, "slots no service %ld", r.status);
	reply_finish(&r);
	get("/v1/slots?service=marriage_registration&office=jh_marriage_registry&from=2026-13-01", &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "from") == 0, "slots bad from %ld", r.status);
	reply_finish(&r);
	get("/v1/slots?service=marriage_registration&office=nowhere", &r);
	CHECK(r.status == 404, "slots unknown office %ld", r.status);
	reply_finish(&r);
	get("/v1/slots?service=nothing&office=jh_marriage_registry", &r);
	CHECK(r.status == 404, "slots unknown service %ld", r.status);
	reply_finish(&r);
	get("/v1/slots?service=marriage_registration&office=jh_marriage_registry", &r);
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(r.json, "items");
	const cJSON *first = cJSON_GetArrayItem(items, 0);
	CHECK(r.status == 200 && cJSON_GetArraySize(items) > 20, "slots list %ld", r.status);
	CHECK(cJSON_GetObjectItemCaseSensitive(first, "capacity")->valueint == 5, "capacity 5");
	CHECK(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(first, "free")), "free");
	CHECK(strstr(str_of(first, "start"), "+08:00") != NULL, "start has +08:00");
	const cJSON *it;
	int sundays = 0;
	cJSON_ArrayForEach(it, items)
	{
		struct civil_date d;
		CHECK(date_parse(str_of(it, "date"), &d) == 0, "slot date");
		sundays += date_weekday(d) == 0;
	}
	CHECK(sundays == 0, "no Sunday slots (%d)", sundays);
	reply_finish(&r);
}

static long long book_ok(const char *body, char ref[32])
{
	struct reply r;
	long long ok = 0;
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 201, "booking %ld %s", r.status, r.body);
	if (r.status == 201) {
		snprintf(ref, 32, "%s", str_of(r.json, "reference"));
		ok = 1;
	}
	reply_finish(&r);
	return ok;
}

static void test_bookings(void)
{
	char body[2048], body2[2048], key[37], ref[32], date[11], path[256], idnum[19];
	long long slot, far_slot;
	struct reply r, r2;
	CHECK(test_find_slot(&S, "marriage_registration", "jh_marriage_registry", 5, 0, &slot, date) == 0, "slot");

	/* Success, replay, conflict. */
	couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", slot, 1990, 1992, NULL);
	test_uuid(key);
	post("/v1/bookings", body, key, &r);
	CHECK(r.status == 201, "book %ld %s", r.status, r.body);
	CHECK(strncmp(str_of(r.json, "reference"), "BK-", 3) == 0, "reference");
	CHECK(strcmp(str_of(r.json, "status"), "booked") == 0, "status");
	CHECK(strstr(r.body, "陈*") != NULL && strstr(r.body, "陈大文") == NULL, "name masked");
	snprintf(ref, sizeof(ref), "%s", str_of(r.json, "reference"));
	post("/v1/bookings", body, key, &r2);
	CHECK(r2.status == r.status && strcmp(r2.body, r.body) == 0, "replay identical: %s", r2.body);
	reply_finish(&r2);
	admin("GET", "/v1/admin/records?type=booking", TEST_ADMIN, &r2);
	CHECK(cJSON_GetObjectItemCaseSensitive(r2.json, "count")->valueint == 1, "replay created nothing: %s", r2.body);
	reply_finish(&r2);
	couple_body(body2, sizeof(body2), "marriage_registration", "jh_marriage_registry", slot, 1990, 1992, NULL);
	post("/v1/bookings", body2, key, &r2);
	CHECK(r2.status == 422 && strcmp(reply_code(&r2), "idempotency_conflict") == 0, "conflict %ld", r2.status);
	reply_finish(&r2);
	/* The same key from another kiosk is another key. */
	{
		struct request rq = {0};
		rq.method = "POST";
		rq.path = "/v1/help-requests";
		rq.body = "{\"reason\":\"other\"}";
		rq.idem_key = key;
		rq.kiosk = "kiosk-2";
		rq.secret = "secret-2";
		stub_send(&S, H, &rq, &r2);
		CHECK(r2.status == 201, "key scoped per kiosk %ld", r2.status);
		reply_finish(&r2);
	}

	/* Lookup and cancel. */
	const cJSON *parties = cJSON_GetObjectItemCaseSensitive(r.json, "parties");
	(void)parties;
	{
		const char *id_start = strstr(body, "\"id_number\":\"") + 13;
		memcpy(idnum, id_start, 18);
		idnum[18] = '\0';
	}
	reply_finish(&r);
	snprintf(body2, sizeof(body2), "{\"reference\":\"%s\",\"id_number\":\"%s\"}", ref, idnum);
	post("/v1/bookings/lookup", body2, NULL, &r);
	CHECK(r.status == 200 && strcmp(str_of(r.json, "status"), "booked") == 0, "lookup %ld %s", r.status, r.body);
	reply_finish(&r);
	snprintf(body2, sizeof(body2), "{\"reference\":\"%s\",\"id_number\":\"440704195803120021\"}", ref);
	post("/v1/bookings/lookup", body2, NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "booking_not_found") == 0, "lookup wrong id %ld", r.status);
	reply_finish(&r);
	post("/v1/bookings/lookup", "{\"reference\":\"BK-X\"}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "id_number") == 0, "lookup missing id %ld", r.status);
	reply_finish(&r);

	/* Duplicate open booking for the same person and service. */
	{
		char other[11];
		long long slot2;
		CHECK(test_find_slot(&S, "marriage_registration", "jh_marriage_registry", 1, 3, &slot2, other) == 0, "slot2");
		char dup[2048];
		snprintf(dup, sizeof(dup), "%s", body);
		char needle[32];
		snprintf(needle, sizeof(needle), "\"slot_id\":%lld", slot);
		char *p = strstr(dup, needle);
		char tail[2048];
		snprintf(tail, sizeof(tail), "%s", p + strlen(needle));
		snprintf(p, sizeof(dup) - (size_t)(p - dup), "\"slot_id\":%lld%s", slot2, tail);
		post("/v1/bookings", dup, NULL, &r);
		CHECK(r.status == 409 && strcmp(reply_code(&r), "duplicate_booking") == 0, "duplicate %ld %s", r.status, r.body);
		reply_finish(&r);
	}

	snprintf(body2, sizeof(body2), "{\"reference\":\"%s\",\"id_number\":\"%s\"}", ref, idnum);
	post("/v1/bookings/cancel", body2, NULL, &r);
	CHECK(r.status == 200 && strcmp(str_of(r.json, "status"), "cancelled") == 0, "cancel %ld %s", r.status, r.body);
	reply_finish(&r);
	post("/v1/bookings/cancel", body2, NULL, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "already_cancelled") == 0, "cancel twice %ld", r.status);
	reply_finish(&r);
	post("/v1/bookings/lookup", body2, NULL, &r);
	CHECK(strcmp(str_of(r.json, "status"), "cancelled") == 0, "lookup after cancel %s", r.body);
	reply_finish(&r);

	/* Rule errors. */
	couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", slot, 1990, 1992, NULL);
	char *cd = strstr(body, "\"id_number\":\"") + 13 + 17;
	*cd = *cd == '0' ? '1' : '0';
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "invalid_id_number") == 0 &&
		      strcmp(field_of(&r), "parties[0].id_number") == 0,
	      "check digit %ld %s", r.status, r.body);
	reply_finish(&r);
	/* Man 21 on the appointment day: born 21 years before today's year + 1 is always under 22. */
	{
		char today[11];
		int y;
		test_beijing_date(today, 0);
		y = atoi(today);
		couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", slot, y - 21, y - 30, NULL);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 422 && strcmp(reply_code(&r), "under_marriage_age") == 0 &&
			      strcmp(field_of(&r), "parties[0].birth_date") == 0,
		      "man under 22 %ld %s", r.status, r.body);
		reply_finish(&r);
		couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", slot, y - 30, y - 19, NULL);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 422 && strcmp(field_of(&r), "parties[1].birth_date") == 0, "woman under 20 %ld %s",
		      r.status, r.body);
		reply_finish(&r);
	}
	test_resident_id(idnum, 1980, 1, 1, 400, 'M');
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,\"phone\":\"13912345678\","
		 "\"parties\":[{\"name\":\"甲\",\"id_number\":\"%s\"}]}",
		 slot, idnum);
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "wrong_party_count") == 0, "one party %ld", r.status);
	reply_finish(&r);
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":\"%lld\",\"phone\":\"13912345678\","
		 "\"parties\":[]}",
		 slot);
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "slot_id") == 0, "slot_id type %ld %s", r.status, r.body);
	reply_finish(&r);
	/* Cross-border: a Hong Kong permit holder. */
	test_resident_id(idnum, 1985, 2, 3, 401, 'F');
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,\"phone\":\"+85291234567\","
		 "\"parties\":[{\"name\":\"Chan Tai Man\",\"id_type\":\"hk_macau_permit\",\"id_number\":\"H12345678\"},"
		 "{\"name\":\"乙\",\"id_number\":\"%s\"}]}",
		 slot, idnum);
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "parties[0].birth_date") == 0, "permit needs birth date %ld", r.status);
	reply_finish(&r);
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,\"phone\":\"+85291234567\","
		 "\"parties\":[{\"name\":\"Chan Tai Man\",\"id_type\":\"hk_macau_permit\",\"id_number\":\"H12345678\","
		 "\"birth_date\":\"1988-01-02\",\"sex\":\"M\"},{\"name\":\"乙\",\"id_number\":\"%s\"}]}",
		 slot, idnum);
	post("/v1/bookings", body, NULL, &r);
	const cJSON *office = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r.json, "error"), "office");
	CHECK(r.status == 422 && strcmp(reply_code(&r), "designated_office") == 0 && cJSON_IsObject(office),
	      "designated office %ld %s", r.status, r.body);
	reply_finish(&r);
	/* Outside the window: registry window is 15 days; a slot 20+ days ahead exists. */
	{
		char from[11], to[11];
		test_beijing_date(from, 20);
		test_beijing_date(to, 30);
		snprintf(path, sizeof(path), "/v1/slots?service=marriage_registration&office=jh_marriage_registry&from=%s&to=%s",
			 from, to);
		get(path, &r);
		const cJSON *it = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r.json, "items"), 0);
		far_slot = it ? (long long)cJSON_GetObjectItemCaseSensitive(it, "id")->valuedouble : 0;
		CHECK(it && cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(it, "bookable")), "far slot not bookable");
		reply_finish(&r);
		couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", far_slot, 1990, 1992, NULL);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 422 && strcmp(reply_code(&r), "outside_window") == 0, "outside window %ld %s", r.status,
		      r.body);
		reply_finish(&r);
	}
	couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", 99999999, 1990, 1992, NULL);
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "unknown_slot") == 0, "unknown slot %ld", r.status);
	reply_finish(&r);
	couple_body(body, sizeof(body), "marriage_registration", "waihai_street", slot, 1990, 1992, NULL);
	post("/v1/bookings", body, NULL, &r);
	CHECK(r.status == 422 && strcmp(reply_code(&r), "service_not_offered") == 0, "not offered %ld", r.status);
	reply_finish(&r);

	/* Divorce certificate window: days 31-60 after the application visit. */
	{
		long long ds;
		char ddate[11], app[11];
		CHECK(test_find_slot(&S, "divorce_certificate", "jh_marriage_registry", 1, 0, &ds, ddate) == 0, "div slot");
		couple_body(body, sizeof(body), "divorce_certificate", "jh_marriage_registry", ds, 1980, 1982, NULL);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 400 && strcmp(field_of(&r), "divorce_application_date") == 0, "div no date %ld", r.status);
		reply_finish(&r);
		struct civil_date dd;
		date_parse(ddate, &dd);
		date_format(date_from_days(date_to_days(dd) - 20), app, sizeof(app));
		char extra[80];
		snprintf(extra, sizeof(extra), ",\"divorce_application_date\":\"%s\"", app);
		couple_body(body, sizeof(body), "divorce_certificate", "jh_marriage_registry", ds, 1980, 1982, extra);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 422 && strcmp(reply_code(&r), "divorce_certificate_window") == 0, "div day 20 %ld", r.status);
		reply_finish(&r);
		date_format(date_from_days(date_to_days(dd) - 35), app, sizeof(app));
		snprintf(extra, sizeof(extra), ",\"divorce_application_date\":\"%s\"", app);
		couple_body(body, sizeof(body), "divorce_certificate", "jh_marriage_registry", ds, 1980, 1982, extra);
		post("/v1/bookings", body, NULL, &r);
		CHECK(r.status == 201, "div day 35 %ld %s", r.status, r.body);
		reply_finish(&r);
	}

	/* Capacity: fill a fresh slot (5 places), the 6th gets slot_full with alternatives. */
	{
		long long s5;
		char d5[11];
		CHECK(test_find_slot(&S, "marriage_registration", "jh_marriage_registry", 5, 2, &s5, d5) == 0, "slot5");
		for (int i = 0; i < 5; i++) {
			couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", s5, 1985, 1987, NULL);
			book_ok(body, ref);
		}
		couple_body(body, sizeof(body), "marriage_registration", "jh_marriage_registry", s5, 1985, 1987, NULL);
		post("/v1/bookings", body, NULL, &r);
		const cJSON *alts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r.json, "error"), "alternatives");
		CHECK(r.status == 409 && strcmp(reply_code(&r), "slot_full") == 0, "slot full %ld %s", r.status, r.body);
		CHECK(cJSON_GetArraySize(alts) > 0, "alternatives offered");
		const cJSON *a0 = cJSON_GetArrayItem(alts, 0);
		CHECK(a0 && cJSON_GetObjectItemCaseSensitive(a0, "id")->valuedouble != (double)s5, "alternative differs");
		reply_finish(&r);
	}
}

static void test_cancel_too_late(void)
{
	char body[2048], ref[32], date[11], idn[19], today[11];
	long long slot;
	struct reply r;
	CHECK(test_find_slot(&S, "family_counselling", "lile_street", 1, 0, &slot, date) == 0, "counselling slot");
	test_resident_id(idn, 1970, 3, 3, 450, 'F');
	snprintf(body, sizeof(body),
		 "{\"service\":\"family_counselling\",\"office\":\"lile_street\",\"slot_id\":%lld,\"phone\":\"0750-1234567\","
		 "\"parties\":[{\"name\":\"林\",\"id_number\":\"%s\"}]}",
		 slot, idn);
	if (!book_ok(body, ref))
		return;
	/* Restart the stub with its clock moved to the appointment day. */
	test_beijing_date(today, 0);
	struct civil_date a, b;
	date_parse(date, &a);
	date_parse(today, &b);
	long long offset = (long long)(date_to_days(a) - date_to_days(b)) * 86400;
	char off[32];
	snprintf(off, sizeof(off), "%lld", offset);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean stop");
	const char *args[] = {"--admin-token", TEST_ADMIN, "--clock-offset", off, NULL};
	CHECK(stub_start(&S, args) == 0, "restart with offset");
	struct request rq = {0};
	snprintf(body, sizeof(body), "{\"reference\":\"%s\",\"id_number\":\"%s\"}", ref, idn);
	rq.method = "POST";
	rq.path = "/v1/bookings/cancel";
	rq.body = body;
	rq.ts_offset = offset;
	stub_send(&S, H, &rq, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "cancel_too_late") == 0, "cancel on the day %ld %s", r.status, r.body);
	reply_finish(&r);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean stop");
	const char *args2[] = {"--admin-token", TEST_ADMIN, NULL};
	CHECK(stub_start(&S, args2) == 0, "restart");
}

static void test_pledges(void)
{
	struct reply r, before, after;
	get("/v1/projects", &before);
	post("/v1/pledges", "{\"project_id\":\"chongyang\",\"amount\":88.8,\"donor_name\":\"李伯\",\"phone\":\"13600000000\","
			    "\"receipt_requested\":true,\"consent\":true}", NULL, &r);
	CHECK(r.status == 201 && strncmp(str_of(r.json, "reference"), "PL-", 3) == 0, "pledge %ld %s", r.status, r.body);
	CHECK(strncmp(str_of(r.json, "payment_url"), "https://", 8) == 0, "payment url");
	CHECK(strstr(r.body, "李伯") == NULL, "donor name masked");
	reply_finish(&r);
	get("/v1/projects", &after);
	CHECK(strcmp(before.etag, after.etag) != 0, "projects ETag changes after a pledge");
	reply_finish(&before);
	reply_finish(&after);
	post("/v1/pledges", "{\"project_id\":\"chongyang\",\"amount\":50,\"anonymous\":true,\"consent\":true}", NULL, &r);
	CHECK(r.status == 201, "anonymous %ld", r.status);
	reply_finish(&r);
	/* A captured pledge replayed under a fresh Idempotency-Key would be a second pledge (no business
	 * rule refuses it): the signature covers the key, so the replay is refused and creates nothing;
	 * so is a POST signed without a key and sent with one. */
	{
		struct request rq = {0};
		char signed_key[37], fresh_key[37];
		int pledges = record_count("pledge");
		test_uuid(signed_key);
		test_uuid(fresh_key);
		rq.method = "POST";
		rq.path = "/v1/pledges";
		rq.body = "{\"project_id\":\"chongyang\",\"amount\":20,\"anonymous\":true,\"consent\":true}";
		rq.idem_key = signed_key;
		stub_send(&S, H, &rq, &r);
		CHECK(r.status == 201, "pledge to replay %ld %s", r.status, r.body);
		reply_finish(&r);
		rq.idem_key = fresh_key;
		rq.sign_key = signed_key;
		stub_send(&S, H, &rq, &r);
		CHECK(r.status == 401 && strcmp(reply_code(&r), "bad_signature") == 0, "replay under another key %ld %s",
		      r.status, r.body);
		reply_finish(&r);
		rq.sign_key = "";
		stub_send(&S, H, &rq, &r);
		CHECK(r.status == 401 && strcmp(reply_code(&r), "bad_signature") == 0, "key not signed %ld %s", r.status,
		      r.body);
		reply_finish(&r);
		CHECK(record_count("pledge") == pledges + 1, "the replays created nothing: %d pledges, %d before",
		      record_count("pledge"), pledges);
	}
	static const struct {
		const char *body;
		long status;
		const char *code, *field;
	} bad[] = {
		{"{\"project_id\":\"chongyang\",\"amount\":0.5,\"anonymous\":true,\"consent\":true}", 422, "amount_out_of_range", "amount"},
		{"{\"project_id\":\"chongyang\",\"amount\":1000000.01,\"anonymous\":true,\"consent\":true}", 422, "amount_out_of_range", "amount"},
		{"{\"project_id\":\"chongyang\",\"amount\":\"10\",\"anonymous\":true,\"consent\":true}", 400, "invalid_field", "amount"},
		{"{\"project_id\":\"chongyang\",\"amount\":10.001,\"anonymous\":true,\"consent\":true}", 400, "invalid_field", "amount"},
		{"{\"project_id\":\"chongyang\",\"amount\":10,\"anonymous\":true,\"consent\":false}", 422, "consent_required", "consent"},
		{"{\"project_id\":\"chongyang\",\"amount\":10,\"anonymous\":true}", 400, "missing_field", "consent"},
		{"{\"project_id\":\"chongyang\",\"amount\":10,\"consent\":true}", 400, "missing_field", "donor_name"},
		{"{\"project_id\":\"nope\",\"amount\":10,\"anonymous\":true,\"consent\":true}", 422, "unknown_project", "project_id"},
		{"{\"project_id\":\"mid_autumn_2026\",\"amount\":10,\"anonymous\":true,\"consent\":true}", 409, "project_closed", "project_id"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		post("/v1/pledges", bad[i].body, NULL, &r);
		CHECK(r.status == bad[i].status && strcmp(reply_code(&r), bad[i].code) == 0 &&
			      strcmp(field_of(&r), bad[i].field) == 0,
		      "pledge case %zu: %ld %s", i, r.status, r.body);
		reply_finish(&r);
	}
	post("/v1/pledges", "{\"project_id\":\"chongyang\",\"amount\":1000000,\"anonymous\":true,\"consent\":true}", NULL, &r);
	CHECK(r.status == 201, "max amount %ld", r.status);
	reply_finish(&r);
}

static void test_assistance_help_heartbeat(void)
{
	struct reply r;
	post("/v1/assistance/status", "{\"id_number\":\"440704197506230039\",\"application_number\":\"JHJZ2026-0002\"}", NULL, &r);
	const cJSON *a = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r.json, "items"), 0);
	CHECK(r.status == 200 && strcmp(str_of(a, "state"), "under_review") == 0, "status by number %ld %s", r.status, r.body);
	reply_finish(&r);
	post("/v1/assistance/status", "{\"id_number\":\"440704199008150043\",\"phone\":\"13800000003\"}", NULL, &r);
	a = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r.json, "items"), 0);
	CHECK(r.status == 200 && strcmp(str_of(a, "state"), "documents_required") == 0, "status by phone %ld", r.status);
	reply_finish(&r);
	post("/v1/assistance/status", "{\"id_number\":\"440704199008150043\",\"phone\":\"13800000001\"}", NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "application_not_found") == 0, "wrong phone %ld", r.status);
	reply_finish(&r);
	post("/v1/assistance/status", "{\"id_number\":\"440704199008150043\"}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "application_number") == 0, "neither %ld", r.status);
	reply_finish(&r);
	post("/v1/help-requests", "{\"reason\":\"accessibility\",\"screen\":\"booking.review\",\"assisted_mode\":true}", NULL, &r);
	CHECK(r.status == 201 && strncmp(str_of(r.json, "reference"), "HR-", 3) == 0, "help %ld %s", r.status, r.body);
	reply_finish(&r);
	post("/v1/help-requests", "{\"reason\":\"coffee\"}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "reason") == 0, "help reason %ld", r.status);
	reply_finish(&r);
	/* Called off by the kiosk's own receipt number: once; a second time is a conflict; unknown is 404. */
	post("/v1/help-requests", "{\"reason\":\"assistance\",\"screen\":\"assist.q.income\",\"kiosk_reference\":\"HQ-0A1B2C3D\"}",
	     NULL, &r);
	CHECK(r.status == 201 && strcmp(str_of(r.json, "kiosk_reference"), "HQ-0A1B2C3D") == 0, "help with ref %ld %s",
	      r.status, r.body);
	reply_finish(&r);
	post("/v1/help-requests/cancel", "{\"kiosk_reference\":\"HQ-0A1B2C3D\",\"requested_at\":\"2026-11-28T10:00:00+08:00\"}",
	     NULL, &r);
	CHECK(r.status == 200 && strcmp(str_of(r.json, "status"), "cancelled") == 0, "help cancel %ld %s", r.status, r.body);
	reply_finish(&r);
	post("/v1/help-requests/cancel", "{\"kiosk_reference\":\"HQ-0A1B2C3D\"}", NULL, &r);
	CHECK(r.status == 409 && strcmp(reply_code(&r), "already_cancelled") == 0, "help cancel twice %ld", r.status);
	reply_finish(&r);
	post("/v1/help-requests/cancel", "{\"kiosk_reference\":\"HQ-FFFFFFFF\"}", NULL, &r);
	CHECK(r.status == 404 && strcmp(reply_code(&r), "help_request_not_found") == 0, "help cancel unknown %ld", r.status);
	reply_finish(&r);
	post("/v1/help-requests/cancel", "{\"kiosk_reference\":\"JC-0A1B2C3D\"}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "kiosk_reference") == 0, "help cancel format %ld", r.status);
	reply_finish(&r);
	post("/v1/heartbeat", "{\"app_version\":\"0.1.0\",\"uptime_s\":12,\"outbox_pending\":0}", NULL, &r);
	CHECK(r.status == 200 && strstr(str_of(r.json, "server_time"), "+08:00"), "heartbeat %ld %s", r.status, r.body);
	reply_finish(&r);
	post("/v1/heartbeat", "{\"uptime_s\":12}", NULL, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "app_version") == 0, "heartbeat field %ld", r.status);
	reply_finish(&r);
}

static void test_admin(void)
{
	struct reply r;
	admin("GET", "/v1/admin/records?type=booking", NULL, &r);
	CHECK(r.status == 401, "admin no token %ld", r.status);
	reply_finish(&r);
	admin("GET", "/v1/admin/records?type=booking", "wrong", &r);
	CHECK(r.status == 401, "admin wrong token %ld", r.status);
	reply_finish(&r);
	admin("GET", "/v1/admin/records?type=nothing", TEST_ADMIN, &r);
	CHECK(r.status == 400 && strcmp(field_of(&r), "type") == 0, "admin bad type %ld", r.status);
	reply_finish(&r);
	static const char *types[] = {"booking", "pledge", "help", "heartbeat"};
	for (int i = 0; i < 4; i++) {
		char path[64];
		snprintf(path, sizeof(path), "/v1/admin/records?type=%s", types[i]);
		admin("GET", path, TEST_ADMIN, &r);
		CHECK(r.status == 200 && cJSON_GetObjectItemCaseSensitive(r.json, "count")->valueint > 0, "records %s %ld",
		      types[i], r.status);
		reply_finish(&r);
	}
	admin("POST", "/v1/admin/reset", TEST_ADMIN, &r);
	CHECK(r.status == 200, "reset %ld", r.status);
	reply_finish(&r);
	admin("GET", "/v1/admin/records?type=booking", TEST_ADMIN, &r);
	CHECK(cJSON_GetObjectItemCaseSensitive(r.json, "count")->valueint == 0, "reset emptied bookings");
	reply_finish(&r);
	/* Without --admin-token the admin routes do not exist. */
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean stop");
	CHECK(stub_start(&S, NULL) == 0, "restart without admin");
	admin("GET", "/v1/admin/records?type=booking", TEST_ADMIN, &r);
	CHECK(r.status == 404, "admin disabled -> 404, got %ld", r.status);
	reply_finish(&r);
	admin("POST", "/v1/admin/reset", TEST_ADMIN, &r);
	CHECK(r.status == 404, "reset disabled -> 404, got %ld", r.status);
	reply_finish(&r);
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", "--admin-token", TEST_ADMIN, NULL};
	if (argc < 2 || stub_init(&S, argv[1], "contract") != 0 || stub_start(&S, args) != 0) {
		fprintf(stderr, "cannot start the stub\n");
		return 1;
	}
	H = curl_easy_init();
	test_signature_vector();
	test_reference();
	test_auth();
	test_envelope();
	test_slots();
	test_bookings();
	test_cancel_too_late();
	test_pledges();
	test_assistance_help_heartbeat();
	test_admin();
	curl_easy_cleanup(H);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit on SIGTERM");
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_contract: all checks passed\n");
	return test_failures ? 1 : 0;
}
