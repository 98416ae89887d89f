/*
 * test_concurrency: 50 clients, each on its own connection and thread, book the same slot of
 * capacity 5 at the same moment. Exactly 5 must get 201 and 45 must get 409 slot_full, and
 * the slot and the admin records must agree.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define CLIENTS 50

static struct stub S;
static pthread_barrier_t barrier;
static long long slot_id;

struct client {
	int index;
	long status;
	char code[32];
};

static void *run_client(void *arg)
{
	struct client *c = arg;
	char body[1024], m[19], w[19];
	struct reply r;
	struct request rq = {0};
	CURL *h = curl_easy_init();
	test_resident_id(m, 1980 + c->index % 10, 1, 1 + c->index % 28, c->index, 'M');
	test_resident_id(w, 1982 + c->index % 10, 2, 1 + c->index % 28, c->index, 'F');
	snprintf(body, sizeof(body),
		 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,"
		 "\"phone\":\"13700000000\",\"parties\":[{\"name\":\"甲\",\"id_number\":\"%s\"},{\"name\":\"乙\",\"id_number\":\"%s\"}]}",
		 slot_id, m, w);
	rq.method = "POST";
	rq.path = "/v1/bookings";
	rq.body = body;
	pthread_barrier_wait(&barrier);
	stub_send(&S, h, &rq, &r);
	c->status = r.status;
	snprintf(c->code, sizeof(c->code), "%s", reply_code(&r));
	reply_finish(&r);
	curl_easy_cleanup(h);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", "--admin-token", TEST_ADMIN, NULL};
	struct client clients[CLIENTS];
	pthread_t threads[CLIENTS];
	char date[11], path[256];
	int created = 0, full = 0, other = 0;
	struct reply r;
	struct request rq = {0};
	if (argc < 2 || stub_init(&S, argv[1], "concurrency") != 0 || stub_start(&S, args) != 0) {
		fprintf(stderr, "cannot start the stub\n");
		return 1;
	}
	CHECK(test_find_slot(&S, "marriage_registration", "jh_marriage_registry", 5, 0, &slot_id, date) == 0, "slot");
	pthread_barrier_init(&barrier, NULL, CLIENTS);
	for (int i = 0; i < CLIENTS; i++) {
		clients[i].index = i;
		pthread_create(&threads[i], NULL, run_client, &clients[i]);
	}
	for (int i = 0; i < CLIENTS; i++) {
		pthread_join(threads[i], NULL);
		if (clients[i].status == 201)
			created++;
		else if (clients[i].status == 409 && strcmp(clients[i].code, "slot_full") == 0)
			full++;
		else
			other++;
	}
	pthread_barrier_destroy(&barrier);
	CHECK(created == 5, "created %d", created);
	CHECK(full == 45, "slot_full %d", full);
	CHECK(other == 0, "other outcomes %d", other);

	snprintf(path, sizeof(path), "/v1/slots?service=marriage_registration&office=jh_marriage_registry&from=%s&to=%s",
		 date, date);
	rq.path = path;
	stub_send(&S, NULL, &rq, &r);
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
	{
		if ((long long)cJSON_GetObjectItemCaseSensitive(it, "id")->valuedouble == slot_id)
			CHECK(cJSON_GetObjectItemCaseSensitive(it, "free")->valueint == 0, "slot shows 0 free");
	}
	reply_finish(&r);
	memset(&rq, 0, sizeof(rq));
	rq.path = "/v1/admin/records?type=booking";
	rq.bearer = TEST_ADMIN;
	stub_send(&S, NULL, &rq, &r);
	CHECK(cJSON_GetObjectItemCaseSensitive(r.json, "count")->valueint == 5, "5 booking records: %s", r.body);
	reply_finish(&r);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit");
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_concurrency: 50 clients, 5 booked, 45 slot_full\n");
	return test_failures ? 1 : 0;
}
