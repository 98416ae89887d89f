/* bench_outbox DATA_DIR CONFIG COUNT: the outbox's costs, with the real kiosk code.
 *  1. Stores COUNT help requests through the store as the UI does, timing each durable commit
 *     (submit tap to "received": median and p99).
 *  2. Starts the app headless on that data directory with the backend of CONFIG: its sync thread
 *     drains the outbox while the UI thread redraws the home screen as fast as it can; reports the
 *     drain rate (records/s) and the frame times during the drain and afterwards, idle.
 * The backend (the stub) must be running; bench/outbox.sh sets everything up. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app/app.h"
#include "bench_stats.h"
#include "data/store.h"

#define MAX_FRAMES 200000

static int pending(struct store *s)
{
	struct outbox_counts c;
	return store_outbox_counts(s, &c) ? c.by_state[SUB_PENDING] : -1;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_outbox DATA_DIR CONFIG COUNT\n");
		return 2;
	}
	int count = atoi(argv[3]);
	char err[512];
	struct store_options so = {.create = true};
	struct store *s = store_open(argv[1], &so, err, sizeof(err));
	double *commit = calloc((size_t)count, sizeof(*commit));
	double *busy = calloc(MAX_FRAMES, sizeof(*busy)), *idle = calloc(400, sizeof(*idle));
	if (!s || !commit || !busy || !idle) {
		fprintf(stderr, "bench_outbox: %s\n", s ? "out of memory" : err);
		return 1;
	}
	for (int i = 0; i < count; i++) {
		char payload[160], key[37];
		int64_t id;
		snprintf(payload, sizeof(payload), "{\"reason\":\"assistance\",\"screen\":\"bench.%d\",\"assisted_mode\":false}", i);
		double t0 = bench_now_ms();
		if (!store_submit(s, SUB_HELP_REQUEST, payload, (int64_t)time(NULL), key, &id, err, sizeof(err))) {
			fprintf(stderr, "bench_outbox: %s\n", err);
			return 1;
		}
		commit[i] = bench_now_ms() - t0;
	}
	printf("commit (submit to durable)  median %.3f ms  p99 %.3f ms  over %d submissions\n",
	       bench_quantile(commit, (size_t)count, 0.5), bench_quantile(commit, (size_t)count, 0.99), count);

	struct app_options ao = {.headless = true, .width = 1080, .height = 1920, .config_path = argv[2],
				 .data_dir = argv[1]};
	double start = bench_now_ms();
	struct app *app = app_create(&ao, err, sizeof(err));
	if (!app) {
		fprintf(stderr, "bench_outbox: %s\n", err);
		return 1;
	}
	app_goto(app, "home");
	int frames = 0, left = count;
	while (left > 0 && frames < MAX_FRAMES) {
		double t0 = bench_now_ms();
		app_draw(app, true);
		busy[frames++] = bench_now_ms() - t0;
		if (frames % 20 == 0)
			left = pending(s);
		if (bench_now_ms() - start > 600000) {
			fprintf(stderr, "bench_outbox: the drain did not finish in 10 minutes (%d left)\n", left);
			return 1;
		}
	}
	double drain_s = (bench_now_ms() - start) / 1000.0;
	for (int i = 0; i < 400; i++) {
		double t0 = bench_now_ms();
		app_draw(app, true);
		idle[i] = bench_now_ms() - t0;
	}
	printf("drain %d records in %.2f s: %.0f records/s\n", count, drain_s, count / drain_s);
	printf("home frame while draining  median %.2f ms  p99 %.2f ms  (%d frames)\n", bench_quantile(busy, (size_t)frames, 0.5),
	       bench_quantile(busy, (size_t)frames, 0.99), frames);
	printf("home frame idle            median %.2f ms  p99 %.2f ms  (400 frames)\n", bench_quantile(idle, 400, 0.5),
	       bench_quantile(idle, 400, 0.99));
	app_destroy(app);
	store_close(s);
	free(commit);
	free(busy);
	free(idle);
	return 0;
}
