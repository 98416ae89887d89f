/*
 * stub_bench: signed booking POSTs per second against a fresh backend-stub on loopback.
 * Starts the stub itself (temp dir, --seed demo, --slot-capacity 1000000 so capacity never
 * runs out), then times sequential requests on one keep-alive connection and concurrent
 * requests on N keep-alive connections (one thread each), R runs each, and prints the median.
 * Every request books a different couple (unique valid ID numbers) into the bookable slots in
 * turn, so each one is a full create: signature, idempotency, rules, capacity, insert, commit.
 * usage: stub_bench STUB_EXE [--requests N] [--runs R] [--connections C]
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

static struct stub S;
static long long *slots;
static int slot_count;
static long long next_person;
static pthread_mutex_t person_lock = PTHREAD_MUTEX_INITIALIZER;

struct worker {
	int requests;
	int ok;
	int failed;
};

static long long take_person(void)
{
	pthread_mutex_lock(&person_lock);
	long long p = next_person++;
	pthread_mutex_unlock(&person_lock);
	return p;
}

static void *run_worker(void *arg)
{
	struct worker *w = arg;
	CURL *h = curl_easy_init();
	for (int i = 0; i < w->requests; i++) {
		long long p = take_person();
		int seq = (int)(p % 500), day = 1 + (int)(p / 500 % 28), month = 1 + (int)(p / 14000 % 12);
		int year = 1950 + (int)(p / 168000);
		char m[19], f[19], body[1024];
		struct reply r;
		struct request rq = {0};
		test_resident_id(m, year, month, day, seq, 'M');
		test_resident_id(f, year + 1, month, day, seq, 'F');
		snprintf(body, sizeof(body),
			 "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":%lld,"
			 "\"phone\":\"13700000000\",\"parties\":[{\"name\":\"甲\",\"id_number\":\"%s\"},"
			 "{\"name\":\"乙\",\"id_number\":\"%s\"}]}",
			 slots[p % slot_count], m, f);
		rq.method = "POST";
		rq.path = "/v1/bookings";
		rq.body = body;
		stub_send(&S, h, &rq, &r);
		if (r.status == 201)
			w->ok++;
		else
			w->failed++;
		reply_finish(&r);
	}
	curl_easy_cleanup(h);
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Requests per second of one run with conns connections; *failed counts non-201 answers. */
static double run_once(int conns, int requests, int *failed)
{
	pthread_t threads[64];
	struct worker workers[64];
	double t0 = now_s();
	for (int i = 0; i < conns; i++) {
		workers[i] = (struct worker){requests / conns + (i < requests % conns), 0, 0};
		pthread_create(&threads[i], NULL, run_worker, &workers[i]);
	}
	for (int i = 0; i < conns; i++) {
		pthread_join(threads[i], NULL);
		*failed += workers[i].failed;
	}
	return requests / (now_s() - t0);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *mode, int conns, int requests, int runs, double *rates, int failed)
{
	double sorted[32];
	memcpy(sorted, rates, sizeof(double) * (size_t)runs);
	qsort(sorted, (size_t)runs, sizeof(double), cmp_double);
	printf("%-11s %5d %9d %13.0f   ", mode, conns, requests, sorted[runs / 2]);
	for (int i = 0; i < runs; i++)
		printf("%s%.0f", i ? " " : "", rates[i]);
	printf("   %d\n", failed);
}

static int load_slots(void)
{
	struct reply r;
	struct request rq = {0};
	const cJSON *it;
	rq.path = "/v1/slots?service=marriage_registration&office=jh_marriage_registry";
	if (stub_send(&S, NULL, &rq, &r) != 0 || r.status != 200) {
		reply_finish(&r);
		return -1;
	}
	slots = calloc((size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r.json, "items")) + 1, sizeof(*slots));
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
	{
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "bookable")))
			slots[slot_count++] = (long long)cJSON_GetObjectItemCaseSensitive(it, "id")->valuedouble;
	}
	reply_finish(&r);
	return slot_count > 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", "--slot-capacity", "1000000", NULL};
	int requests = 2000, runs = 5, conns = 8, failed_seq = 0, failed_con = 0;
	double seq[32], con[32];
	if (argc < 2) {
		fprintf(stderr, "usage: stub_bench STUB_EXE [--requests N] [--runs R] [--connections C]\n");
		return 2;
	}
	for (int i = 2; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--requests") == 0)
			requests = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--runs") == 0)
			runs = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--connections") == 0)
			conns = atoi(argv[i + 1]);
	}
	if (requests < 1 || runs < 1 || runs > 31 || conns < 1 || conns > 64) {
		fprintf(stderr, "stub_bench: requests >= 1, runs 1..31, connections 1..64\n");
		return 2;
	}
	if (stub_init(&S, argv[1], "bench") != 0 || stub_start(&S, args) != 0 || load_slots() != 0) {
		fprintf(stderr, "stub_bench: cannot start the stub\n");
		stub_cleanup(&S);
		return 1;
	}
	run_once(1, requests < 200 ? requests : 200, &failed_seq); /* warm-up */
	failed_seq = 0;
	for (int i = 0; i < runs; i++)
		seq[i] = run_once(1, requests, &failed_seq);
	for (int i = 0; i < runs; i++)
		con[i] = run_once(conns, requests, &failed_con);
	printf("signed POST /v1/bookings on loopback, %d runs, median requests/s\n", runs);
	printf("%-11s %5s %9s %13s   %s   %s\n", "mode", "conns", "requests", "median req/s", "each run", "non-201");
	report("sequential", 1, requests, runs, seq, failed_seq);
	report("concurrent", conns, requests, runs, con, failed_con);
	stub_stop(&S, SIGTERM);
	stub_cleanup(&S);
	free(slots);
	return failed_seq + failed_con == 0 ? 0 : 1;
}
