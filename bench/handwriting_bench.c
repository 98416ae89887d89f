/* Handwriting input: how long from the end of a stroke to its candidates, over the recorded strokes in
 * tests/unit/fixtures/strokes (every character written stroke by stroke, ROUNDS times), at a writer's
 * pace (each stroke after the last one's candidates): to the first candidates (the strokes as drawn)
 * and to the final ones (after other stroke orders were tried, when the model was unsure), in wall
 * clock and in CPU time (what an idle machine would take). Also what the UI thread itself spends: handing a
 * stroke over (stroke()) and laying the candidates out (candidates(), Simplified and Traditional), and
 * opening the model. The budget is 50 ms from stroke to the first candidates (median and p99); exit 1
 * above it.
 * usage: bench_handwriting [ROUNDS]   (default 5) */
#include <dirent.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_stats.h"
#include "ime/handwriting.h"
#include "ime/ink_file.h"

#define BUDGET_MS 50.0
#define SAMPLES_MAX 20000

static double first[SAMPLES_MAX], to_candidates[SAMPLES_MAX], cpu[SAMPLES_MAX];
static double in_stroke[SAMPLES_MAX], in_candidates[SAMPLES_MAX];
static size_t n_to, n_stroke, n_cand;

/* When the first candidates of the current stroke were ready, in µs of bench_now_ms (0: not yet). */
static atomic_llong first_ready_us;

/* The worker's ready callback: candidates are there (the first ones, or better ones after them). */
static void on_ready(void *ctx)
{
	(void)ctx;
	long long none = 0;
	atomic_compare_exchange_strong(&first_ready_us, &none, (long long)(bench_now_ms() * 1000.0));
}

/* CPU time of the whole process: while the main thread waits, it is the worker's recognition. On a
 * machine busy with other work the wall time grows, this does not: it is the latency on an idle one. */
static double cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void report(const char *what, double *v, size_t n)
{
	double median = bench_quantile(v, n, 0.5), p99 = bench_quantile(v, n, 0.99), max = bench_quantile(v, n, 1.0);
	printf("%-44s median %7.3f ms   p99 %7.3f ms   max %7.3f ms   (%zu)\n", what, median, p99, max, n);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 5;
	if (rounds < 1)
		rounds = 1;
	char err[512];
	double t0 = bench_now_ms();
	struct handwriting_options o = {.ready = on_ready};
	struct handwriting *hw = handwriting_create(&o, err, sizeof(err));
	double load = bench_now_ms() - t0;
	if (!hw) {
		fprintf(stderr, "bench_handwriting: %s\n", err);
		return 2;
	}
	struct ui_input_method *m = handwriting_method(hw);
	printf("worker started in %.1f ms\n", load);
	/* The model is opened for the first stroke ever written: timed apart from the others. */
	struct ui_point dot = {500, 500};
	t0 = bench_now_ms();
	m->stroke(m->ctx, &dot, 1);
	bool opened = handwriting_wait(hw, 5000);
	printf("first stroke ever (opens the model): candidates in %.1f ms%s\n", bench_now_ms() - t0,
	       opened ? "" : " (timed out)");
	m->clear(m->ctx);
	struct ink *ink = malloc(sizeof(*ink));
	DIR *d = opendir(STROKES_DIR);
	if (!ink || !d) {
		fprintf(stderr, "bench_handwriting: cannot read %s\n", STROKES_DIR);
		return 2;
	}
	int chars = 0, strokes = 0, timeouts = 0;
	for (int round = 0; round < rounds; round++) {
		rewinddir(d);
		for (struct dirent *e; (e = readdir(d)) != NULL;) {
			size_t len = strlen(e->d_name);
			if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
				continue;
			char path[1024];
			snprintf(path, sizeof(path), "%s/%s", STROKES_DIR, e->d_name);
			if (!ink_load(path, ink, err, sizeof(err))) {
				fprintf(stderr, "bench_handwriting: %s\n", err);
				return 2;
			}
			chars++;
			m->clear(m->ctx);
			for (int s = 0; s < ink->count; s++) {
				strokes++;
				atomic_store(&first_ready_us, 0);
				double a = bench_now_ms(), ca = cpu_ms();
				m->stroke(m->ctx, ink->strokes[s].points, ink->strokes[s].count);
				double b = bench_now_ms();
				if (!handwriting_wait(hw, 5000))
					timeouts++;
				double c = bench_now_ms(), cc = cpu_ms();
				const char *out[HANDWRITING_MAX_CANDIDATES];
				for (int lang = 0; lang < 2; lang++) {
					struct ui_input_hints hints = {.lang = lang ? TEXT_LANG_ZH_HANT : TEXT_LANG_ZH_HANS};
					m->hints(m->ctx, &hints);
					double x = bench_now_ms();
					m->candidates(m->ctx, out, 16);
					if (n_cand < SAMPLES_MAX)
						in_candidates[n_cand++] = bench_now_ms() - x;
				}
				if (n_to < SAMPLES_MAX) {
					cpu[n_to] = cc - ca;
					first[n_to] = (double)atomic_load(&first_ready_us) / 1000.0 - a;
					to_candidates[n_to++] = c - a;
					in_stroke[n_stroke++] = b - a;
				}
			}
		}
	}
	closedir(d);
	free(ink);
	printf("%d characters, %d strokes (%d rounds over %s)\n", chars, strokes, rounds, STROKES_DIR);
	double loadavg[3] = {0};
	FILE *f = fopen("/proc/loadavg", "r");
	if (f) {
		if (fscanf(f, "%lf %lf %lf", &loadavg[0], &loadavg[1], &loadavg[2]) != 3)
			loadavg[0] = 0;
		fclose(f);
	}
	printf("machine load (1 min) %.1f on %ld cores: wall times include waiting for a CPU\n", loadavg[0],
	       sysconf(_SC_NPROCESSORS_ONLN));
	double median = bench_quantile(first, n_to, 0.5), p99 = bench_quantile(first, n_to, 0.99);
	report("stroke end -> first candidates (wall clock)", first, n_to);
	report("stroke end -> final candidates (wall clock)", to_candidates, n_to);
	report("stroke end -> final candidates (CPU time)", cpu, n_to);
	report("UI thread: stroke() hand-over", in_stroke, n_stroke);
	report("UI thread: candidates() layout (Hans, Hant)", in_candidates, n_cand);
	handwriting_destroy(hw);
	bool ok = timeouts == 0 && median <= BUDGET_MS && p99 <= BUDGET_MS;
	printf("budget %.0f ms to the first candidates (median and p99): %s%s\n", BUDGET_MS, ok ? "met" : "NOT MET",
	       timeouts ? " (some strokes got no candidates within 5 s)" : "");
	return ok ? 0 : 1;
}
