/*
 * faults: injected network faults for kiosk tests. Each request arriving on a kiosk route
 * draws one decision from a counter-based generator (SplitMix64 of seed and arrival number),
 * so with --fault-seed a sequential client sees the same faults on every run. Admin routes
 * are never faulted. error: answer 503 (or 500) before doing anything; drop: do the work, then close
 * the connection without an answer (the "lost response" case idempotency exists for); garbage: do
 * the work, then answer 200 with a body that is not JSON (a confused proxy or server).
 */
#ifndef STUB_FAULTS_H
#define STUB_FAULTS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

struct faults {
	unsigned latency_ms;
	double error_rate;     /* 0..1 */
	double drop_rate;      /* 0..1 */
	double garbage_rate;   /* 0..1 */
	int error_status;      /* what an error answers: 503 (unavailable) or 500 (internal) */
	uint64_t seed;
	uint64_t counter;
	pthread_mutex_t lock;
};

struct fault_decision {
	bool error;
	bool drop;
	bool garbage;
};

/* Initialise with the given rates (their sum at most 1); seed_given false picks a random seed.
 * error_status is 503 or 500. 0 on success. */
int faults_init(struct faults *f, unsigned latency_ms, double error_rate, double drop_rate, double garbage_rate,
		int error_status, uint64_t seed, bool seed_given);

/* Release what faults_init took. */
void faults_finish(struct faults *f);

/* Draw the decision for the next request (thread-safe). */
struct fault_decision faults_draw(struct faults *f);

/* Sleep for the configured latency, if any. */
void faults_delay(const struct faults *f);

#endif
