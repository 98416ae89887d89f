/* Timing and order statistics shared by the benchmarks. */
#ifndef KIOSK_BENCH_STATS_H
#define KIOSK_BENCH_STATS_H

#include <stddef.h>

/* Monotonic milliseconds. */
double bench_now_ms(void);
/* Sorts v ascending and returns its q-quantile (0.5: median, 0.99: p99). */
double bench_quantile(double *v, size_t n, double q);

#endif
