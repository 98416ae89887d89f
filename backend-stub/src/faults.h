/*
 * faults: injected network faults for kiosk tests. Each request arriving on a kiosk route
 * draws one decision from a counter-based generator (SplitMix64 of seed and arrival number),
 * so with --fault-seed a sequential client sees the same faults on every run. Admin routes
 * are never faulted. error: answer 503 before doing anything; drop: do the work, then close
 * the connection without an answer (the "lost response" case idempotency exists for).
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
	uint64_t seed;
	uint64_t counter;
	pthread_mutex_t lock;
};

struct fault_decision {
	bool error;
	bool drop;
};

/* Initialise with the given rates; seed_given false picks a random seed. 0 on success. */
int faults_init(struct faults *f, unsigned latency_ms, double error_rate, double drop_rate, uint64_t seed,
		bool seed_given);

/* Release what faults_init took. */
void faults_finish(struct faults *f);

/* Draw the decision for the next request (thread-safe). */
struct fault_decision faults_draw(struct faults *f);

/* Sleep for the configured latency, if any. */
void faults_delay(const struct faults *f);

#endif
