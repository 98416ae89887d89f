/* Benchmark statistics; see bench_stats.h. */
#include "bench_stats.h"

#include <stdlib.h>
#include <time.h>

double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_quantile(double *v, size_t n, double q)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), by_value);
	size_t i = (size_t)(q * (double)n);
	return v[i < n ? i : n - 1];
}
