/* Asynchronous backend queries for the UI (booking lookup, cancellation checks): a worker thread with
 * its own HTTP client runs one request at a time, so the UI never waits on the network. The UI submits
 * a request and gets a ticket; each pass it polls the ticket; an answer is kept until taken (or the
 * ticket is dropped). The queue is bounded (QUERY_MAX tickets alive at once). While nothing is
 * pending the thread sleeps on a condition variable: no CPU is used.
 *
 * Personal data: request bodies (ID numbers) and answers are wiped from memory when freed; nothing
 * of a body or an answer is logged. Threads: every function may be called from any one thread (the
 * UI's); the worker is internal. */
#ifndef KIOSK_NET_QUERY_H
#define KIOSK_NET_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "net/http.h"

#define QUERY_MAX 8 /* tickets alive (queued, running or answered and not taken) at once */
#define QUERY_BODY_MAX 4096 /* bytes of one request body */

struct query;
struct cJSON;

enum query_state {
	QUERY_UNKNOWN, /* no such ticket (never issued, taken or dropped) */
	QUERY_PENDING, /* queued or in flight */
	QUERY_ANSWERED, /* the backend answered: status and body */
	QUERY_FAILED, /* no answer: outcome says why (network, timeout, too large) */
};

struct query_result {
	enum query_state state;
	long status; /* HTTP status when answered */
	enum http_outcome outcome;
	char *body; /* malloc'd, NUL-terminated, or NULL; free with query_result_finish */
	size_t len;
};

/* Starts the worker with a client made from http (copied); NULL with a reason in err. */
struct query *query_start(const struct http_options *http, char *err, size_t errlen);
/* Stops the worker (waiting for the request in flight) and wipes what is queued; NULL is a no-op. */
void query_stop(struct query *q);
/* Queues a request: method "GET" or "POST", path "/v1/...", a JSON body (copied; NULL for GET) and,
 * for POST, its idempotency key (copied; NULL: a fresh one, for a POST that only asks). Returns a ticket (> 0), or 0 when the queue is full, the
 * arguments are bad or q is NULL. */
uint32_t query_submit(struct query *q, const char *method, const char *path, const char *body, const char *key);
/* Queues a POST of a JSON body that only asks (a lookup): printed, sent with a fresh idempotency
 * key, the printed copy wiped; body is deleted in every case. Returns a ticket, or 0. */
uint32_t query_post_json(struct query *q, const char *path, struct cJSON *body);
/* The ticket's state. When answered or failed, the result is handed over into *out and the ticket is
 * forgotten; otherwise *out only gets the state. */
enum query_state query_take(struct query *q, uint32_t ticket, struct query_result *out);
/* Forgets a ticket (the screen went away); a request in flight finishes and its answer is wiped. */
void query_drop(struct query *q, uint32_t ticket);
/* Wipes and frees a result's body. */
void query_result_finish(struct query_result *r);

#endif
