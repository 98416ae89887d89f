/* faults: see faults.h. */
#include "faults.h"

#include <errno.h>
#include <time.h>

#include <sodium.h>

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static double unit(uint64_t x)
{
	return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

int faults_init(struct faults *f, unsigned latency_ms, double error_rate, double drop_rate, double garbage_rate,
		int error_status, uint64_t seed, bool seed_given)
{
	f->latency_ms = latency_ms;
	f->error_rate = error_rate;
	f->drop_rate = drop_rate;
	f->garbage_rate = garbage_rate;
	f->error_status = error_status;
	f->counter = 0;
	if (!seed_given)
		randombytes_buf(&seed, sizeof(seed));
	f->seed = seed;
	return pthread_mutex_init(&f->lock, NULL) == 0 ? 0 : -1;
}

void faults_finish(struct faults *f)
{
	pthread_mutex_destroy(&f->lock);
}

struct fault_decision faults_draw(struct faults *f)
{
	struct fault_decision d = {false, false, false};
	uint64_t n;
	if (f->error_rate <= 0 && f->drop_rate <= 0 && f->garbage_rate <= 0)
		return d;
	pthread_mutex_lock(&f->lock);
	n = f->counter++;
	pthread_mutex_unlock(&f->lock);
	/* One uniform draw split into disjoint bands, so each rate holds as a share of all requests. */
	double u = unit(splitmix64(f->seed ^ splitmix64(n)));
	d.error = u < f->error_rate;
	d.drop = !d.error && u < f->error_rate + f->drop_rate;
	d.garbage = !d.error && !d.drop && u < f->error_rate + f->drop_rate + f->garbage_rate;
	return d;
}

void faults_delay(const struct faults *f)
{
	struct timespec ts = {(time_t)(f->latency_ms / 1000), (long)(f->latency_ms % 1000) * 1000000L};
	if (f->latency_ms == 0)
		return;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}
