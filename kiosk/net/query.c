/* The query worker; see query.h. A fixed table of QUERY_MAX slots under one mutex: the UI fills a
 * free slot, the worker takes the oldest queued one, runs it without the lock and files the answer.
 * Tickets grow monotonically, so a dropped ticket's late answer can never be mistaken for a new one. */
#include "net/query.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "core/log.h"
#include "core/secure.h"

#include <cjson/cJSON.h>

enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

struct slot {
	enum slot_state state;
	uint32_t ticket;
	bool dropped; /* forgotten while running: the worker frees the answer */
	bool post;
	char path[512];
	char key[64];
	char *body;
	size_t body_len;
	struct query_result result;
};

struct query {
	struct http_client *http;
	pthread_t thread;
	bool thread_started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool stop;
	uint32_t next_ticket;
	struct slot slots[QUERY_MAX];
};

static void wipe_free(char *p, size_t len)
{
	if (!p)
		return;
	secure_wipe(p, len);
	free(p);
}

void query_result_finish(struct query_result *r)
{
	if (!r)
		return;
	wipe_free(r->body, r->len);
	memset(r, 0, sizeof(*r));
}

static void slot_clear(struct slot *s)
{
	wipe_free(s->body, s->body_len);
	query_result_finish(&s->result);
	secure_wipe(s, sizeof(*s));
}

/* The oldest queued slot (lowest ticket), or NULL. */
static struct slot *next_queued(struct query *q)
{
	struct slot *best = NULL;
	for (int i = 0; i < QUERY_MAX; i++) {
		struct slot *s = &q->slots[i];
		if (s->state == SLOT_QUEUED && (!best || s->ticket < best->ticket))
			best = s;
	}
	return best;
}

static struct slot *find(struct query *q, uint32_t ticket)
{
	for (int i = 0; ticket && i < QUERY_MAX; i++) {
		if (q->slots[i].state != SLOT_FREE && q->slots[i].ticket == ticket)
			return &q->slots[i];
	}
	return NULL;
}

static void *worker(void *arg)
{
	struct query *q = arg;
	pthread_mutex_lock(&q->lock);
	for (;;) {
		struct slot *s = NULL;
		while (!q->stop && !(s = next_queued(q)))
			pthread_cond_wait(&q->cond, &q->lock);
		if (q->stop)
			break;
		s->state = SLOT_RUNNING;
		/* The slot is ours while RUNNING: the UI only marks it dropped. */
		pthread_mutex_unlock(&q->lock);
		struct http_response r;
		int64_t now = clock_wall();
		if (s->post)
			http_post(q->http, s->path, s->key, s->body ? s->body : "", s->body_len, now, &r);
		else
			http_get(q->http, s->path, NULL, now, &r);
		if (r.outcome != HTTP_OK)
			kiosk_log(LOG_WARN, "query %s: %s", s->path, r.error);
		pthread_mutex_lock(&q->lock);
		s->result.state = r.outcome == HTTP_OK ? QUERY_ANSWERED : QUERY_FAILED;
		s->result.status = r.status;
		s->result.outcome = r.outcome;
		s->result.body = r.body;
		s->result.len = r.len;
		r.body = NULL; /* handed over */
		wipe_free(s->body, s->body_len);
		s->body = NULL;
		if (s->dropped)
			slot_clear(s);
		else
			s->state = SLOT_DONE;
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

struct query *query_start(const struct http_options *http, char *err, size_t errlen)
{
	struct query *q = calloc(1, sizeof(*q));
	if (!q) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	q->next_ticket = 1;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	q->http = http_client_create(http, err, errlen);
	if (!q->http)
		goto fail;
	if (pthread_create(&q->thread, NULL, worker, q) != 0) {
		snprintf(err, errlen, "cannot start the query thread");
		goto fail;
	}
	q->thread_started = true;
	return q;
fail:
	query_stop(q);
	return NULL;
}

void query_stop(struct query *q)
{
	if (!q)
		return;
	if (q->thread_started) {
		pthread_mutex_lock(&q->lock);
		q->stop = true;
		pthread_cond_signal(&q->cond);
		pthread_mutex_unlock(&q->lock);
		pthread_join(q->thread, NULL);
	}
	for (int i = 0; i < QUERY_MAX; i++)
		slot_clear(&q->slots[i]);
	http_client_destroy(q->http);
	pthread_cond_destroy(&q->cond);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

uint32_t query_submit(struct query *q, const char *method, const char *path, const char *body, const char *key)
{
	if (!q || !method || !path || path[0] != '/' || strlen(path) >= sizeof(q->slots[0].path))
		return 0;
	bool post = strcmp(method, "POST") == 0;
	if (!post && strcmp(method, "GET") != 0)
		return 0;
	size_t body_len = body ? strlen(body) : 0;
	char fresh[37];
	if (post && !key) { /* a question that changes nothing: a new key each time */
		secure_uuid4(fresh);
		key = fresh;
	}
	if (body_len > QUERY_BODY_MAX || (post && (!key[0] || strlen(key) >= sizeof(q->slots[0].key))))
		return 0;
	char *copy = NULL;
	if (post && body) {
		copy = malloc(body_len + 1);
		if (!copy)
			return 0;
		memcpy(copy, body, body_len + 1);
	}
	uint32_t ticket = 0;
	pthread_mutex_lock(&q->lock);
	for (int i = 0; i < QUERY_MAX; i++) {
		struct slot *s = &q->slots[i];
		if (s->state != SLOT_FREE)
			continue;
		s->state = SLOT_QUEUED;
		s->ticket = ticket = q->next_ticket++;
		if (q->next_ticket == 0)
			q->next_ticket = 1;
		s->post = post;
		snprintf(s->path, sizeof(s->path), "%s", path);
		snprintf(s->key, sizeof(s->key), "%s", post ? key : "");
		s->body = copy;
		s->body_len = copy ? body_len : 0;
		copy = NULL;
		pthread_cond_signal(&q->cond);
		break;
	}
	pthread_mutex_unlock(&q->lock);
	if (copy) {
		kiosk_log(LOG_WARN, "query: queue full, request refused");
		wipe_free(copy, body_len);
	}
	return ticket;
}

uint32_t query_post_json(struct query *q, const char *path, struct cJSON *body)
{
	char *json = body ? cJSON_PrintUnformatted(body) : NULL;
	cJSON_Delete(body);
	uint32_t ticket = json ? query_submit(q, "POST", path, json, NULL) : 0;
	if (json) {
		secure_wipe(json, strlen(json));
		cJSON_free(json);
	}
	return ticket;
}

enum query_state query_take(struct query *q, uint32_t ticket, struct query_result *out)
{
	memset(out, 0, sizeof(*out));
	if (!q)
		return QUERY_UNKNOWN;
	pthread_mutex_lock(&q->lock);
	struct slot *s = find(q, ticket);
	if (!s || s->dropped) {
		out->state = QUERY_UNKNOWN;
	} else if (s->state != SLOT_DONE) {
		out->state = QUERY_PENDING;
	} else {
		*out = s->result;
		s->result.body = NULL; /* handed over */
		slot_clear(s);
	}
	pthread_mutex_unlock(&q->lock);
	return out->state;
}

void query_drop(struct query *q, uint32_t ticket)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->lock);
	struct slot *s = find(q, ticket);
	if (s && s->state == SLOT_RUNNING)
		s->dropped = true;
	else if (s)
		slot_clear(s);
	pthread_mutex_unlock(&q->lock);
}
