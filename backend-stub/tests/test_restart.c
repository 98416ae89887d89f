/*
 * test_restart: data survives a clean SIGTERM restart and a kill -9 (WAL, committed before the
 * answer); --seed demo on a seeded database adds nothing; idempotency records survive too.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct stub S;

static int count_items(const char *path)
{
	struct reply r;
	struct request rq = {0};
	rq.path = path;
	stub_send(&S, NULL, &rq, &r);
	int n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r.json, "items"));
	reply_finish(&r);
	return n;
}

static const char *ref_of(const struct reply *r)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->json, "reference"));
	return v ? v : "";
}

static long book(long long slot, int seq, const char *key, char ref[32], char idn[19], char **body_out)
{
	static char body[1024];
	char w[19];
	struct reply r;
	struct request rq = {0};
	long status;
	test_resident_id(idn, 1979, 9, 9, seq, 'M');
	test_resident_id(w, 1981, 9, 9, seq, 'F');
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,"
		 "\"phone\":\"13700000000\",\"parties\":[{\"name\":\"甲\",\"id_number\":\"%s\"},{\"name\":\"乙\",\"id_number\":\"%s\"}]}",
		 slot, idn, w);
	rq.method = "POST";
	rq.path = "/v1/bookings";
	rq.body = body;
	rq.idem_key = key;
	stub_send(&S, NULL, &rq, &r);
	status = r.status;
	if (body_out != NULL)
		*body_out = strdup(r.body);
	snprintf(ref, 32, "%s", ref_of(&r));
	reply_finish(&r);
	return status;
}

static long lookup(const char *ref, const char *idn)
{
	char body[256];
	struct reply r;
	struct request rq = {0};
	snprintf(body, sizeof(body), "{\"reference\":\"%s\",\"id_number\":\"%s\"}", ref, idn);
	rq.method = "POST";
	rq.path = "/v1/bookings/lookup";
	rq.body = body;
	stub_send(&S, NULL, &rq, &r);
	long status = r.status;
	reply_finish(&r);
	return status;
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", NULL};
	char date[11], ref1[32], ref2[32], id1[19], id2[19], key2[37];
	char *first = NULL, *again = NULL;
	long long slot;
	const char *slots_path = "/v1/slots?service=family_counselling&office=waihai_street";
	if (argc < 2 || stub_init(&S, argv[1], "restart") != 0 || stub_start(&S, args) != 0) {
		fprintf(stderr, "cannot start the stub\n");
		return 1;
	}
	int services = count_items("/v1/services"), slots = count_items(slots_path), projects = count_items("/v1/projects");
	CHECK(services > 0 && slots > 0 && projects > 0, "seeded %d %d %d", services, slots, projects);
	CHECK(test_find_slot(&S, "marriage_registration", "jh_marriage_registry", 2, 0, &slot, date) == 0, "slot");
	CHECK(book(slot, 1, NULL, ref1, id1, NULL) == 201, "first booking");

	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit on SIGTERM");
	CHECK(stub_start(&S, args) == 0, "restart");
	CHECK(count_items("/v1/services") == services, "services not duplicated");
	CHECK(count_items(slots_path) == slots, "slots not duplicated");
	CHECK(count_items("/v1/projects") == projects, "projects not duplicated");
	CHECK(lookup(ref1, id1) == 200, "booking survived SIGTERM");

	test_uuid(key2);
	CHECK(book(slot, 2, key2, ref2, id2, &first) == 201, "second booking");
	CHECK(stub_stop(&S, SIGKILL) == 128 + SIGKILL, "killed");
	CHECK(stub_start(&S, args) == 0, "restart after kill -9");
	CHECK(lookup(ref2, id2) == 200, "booking acknowledged before kill -9 survived");
	CHECK(lookup(ref1, id1) == 200, "older booking survived");
	CHECK(book(slot, 2, key2, ref2, id2, &again) == 201 && first && again && strcmp(first, again) == 0,
	      "idempotent replay after kill -9 returns the first answer");
	free(first);
	free(again);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_restart: all checks passed\n");
	return test_failures ? 1 : 0;
}
