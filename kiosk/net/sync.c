/* The sync engine; see sync.h. Depends on data/store.h, net/http.h, cJSON and libsodium (jitter).
 * Limits: one request at a time (delivery order matters more than throughput); backoff timestamps
 * have one-second resolution; reference bodies are capped by the HTTP client and the store. */
#include "net/sync.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "core/log.h"
#include "data/data_health.h"
#include "data/ref_hant.h"
#include "net/link_state.h"
#include "net/sync_answer.h"

static const char *const reference_kinds[] = {"services", "offices", "programmes", "projects", "texts"};

struct sync {
	struct sync_options opts;
	char *data_dir, *base_url, *kiosk_id, *secret, *ca_file, *app_version; /* owned copies */
	struct store *store;
	struct http_client *http;
	pthread_t thread;
	bool thread_started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool stop, wake;
	struct sync_status status;
	int64_t started_at, next_refresh, next_heartbeat, next_purge;
	int settings_version; /* under lock */
	char *settings_mailbox; /* under lock: the newest document not yet taken, or NULL */
	bool heartbeat_soon; /* under lock: report now (a new settings version) */
	bool force; /* under lock: staff asked for a sync now (ignore backoff once) */
	int64_t hold_until; /* the store could not record an outcome (a full disk): no delivery before this */
	int hold_failures; /* outcomes in a row the store could not record */
};

enum delivery { DELIVERY_NONE, DELIVERY_DONE, DELIVERY_RETRY, DELIVERY_STOPPED };

static int64_t wall_now(void)
{
	return clock_wall();
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void note_error(struct sync *s, int64_t now, const char *what)
{
	pthread_mutex_lock(&s->lock);
	s->status.last_error_at = now;
	snprintf(s->status.last_error, sizeof(s->status.last_error), "%s", what);
	pthread_mutex_unlock(&s->lock);
	store_meta_put(s->store, "last_error", what);
}

static void note_success(struct sync *s, int64_t now)
{
	pthread_mutex_lock(&s->lock);
	s->status.last_success_at = now;
	s->status.backend_reachable = true;
	pthread_mutex_unlock(&s->lock);
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)now);
	store_meta_put(s->store, "last_success_at", buf);
}

static void note_unreachable(struct sync *s)
{
	pthread_mutex_lock(&s->lock);
	s->status.backend_reachable = false;
	pthread_mutex_unlock(&s->lock);
}

static int64_t backoff_at(const struct sync *s, int attempts, int64_t now)
{
	int64_t base = s->opts.retry_base_ms > 0 ? s->opts.retry_base_ms : 2000;
	int64_t cap = (int64_t)(s->opts.retry_max_s > 0 ? s->opts.retry_max_s : 300) * 1000;
	int64_t delay = base;
	for (int i = 1; i < attempts && delay < cap; i++)
		delay *= 2;
	if (delay > cap)
		delay = cap;
	/* Jitter: anywhere in the upper half, so kiosks that lost the network together do not return
	 * in step. */
	delay = delay / 2 + (int64_t)randombytes_uniform((uint32_t)(delay / 2 + 1));
	return now + (delay + 999) / 1000;
}

static bool retryable_status(long status)
{
	return status >= 500 || status == 408 || status == 429 || status == 401;
}

/* Whether the store recorded what an attempt came to. When it could not (a full disk), the
 * submission is still due, so the engine holds deliveries back for a backoff instead of sending it
 * again at once, in a loop: a full disk must not become a flood of requests and log lines. */
static void recorded(struct sync *s, bool ok, int64_t now)
{
	if (ok) {
		s->hold_failures = 0;
		return;
	}
	s->hold_failures++;
	s->hold_until = backoff_at(s, s->hold_failures, now);
}

static enum delivery deliver_one(struct sync *s, int64_t select_now)
{
	struct submission sub;
	if (!store_next_due(s->store, select_now, &sub))
		return DELIVERY_NONE;
	enum delivery result = DELIVERY_RETRY;
	int64_t now = wall_now();
	struct http_response r;
	char code[64], msg[256];
	if (!sub.payload) { /* purged before delivery cannot happen; refuse rather than send nothing */
		recorded(s, store_mark_stopped(s->store, sub.id, SUB_REJECTED, NULL, "no_payload", "the payload is gone"),
			 now);
		submission_finish(&sub);
		return DELIVERY_STOPPED;
	}
	bool answered = http_post(s->http, submission_endpoint(sub.kind), sub.key, sub.payload, sub.payload_len, now, &r);
	if (!answered) {
		note_unreachable(s);
		note_error(s, now, r.error);
		recorded(s,
			 store_mark_retry(s->store, sub.id, backoff_at(s, sub.attempts + 1, now),
					  r.outcome == HTTP_TIMEOUT	? "timeout"
					  : r.outcome == HTTP_TOO_LARGE ? "too_large"
									: "network",
					  r.error),
			 now);
		goto out;
	}
	if (r.status >= 200 && r.status < 300) {
		char *kept = sync_answer_kept(r.body, r.len, true);
		if (!kept) { /* a 2xx that is not a JSON answer: the server is confused, try again later */
			note_error(s, now, "malformed success answer");
			recorded(s,
				 store_mark_retry(s->store, sub.id, backoff_at(s, sub.attempts + 1, now), "malformed_answer",
						  "the backend's answer was not a JSON object with a reference"),
				 now);
			goto out;
		}
		bool marked = store_mark_delivered(s->store, sub.id, kept, now);
		free(kept);
		recorded(s, marked, now);
		if (!marked) { /* delivered but not recorded: sent again later, the same key answers the same */
			note_error(s, now, "cannot record a delivery in the store");
			goto out;
		}
		note_success(s, now);
		result = DELIVERY_DONE;
		goto out;
	}
	sync_answer_error(r.status, r.body, r.len, code, sizeof(code), msg, sizeof(msg));
	if (retryable_status(r.status)) {
		note_error(s, now, msg);
		recorded(s, store_mark_retry(s->store, sub.id, backoff_at(s, sub.attempts + 1, now), code, msg), now);
		goto out;
	}
	/* Permanent: this record stops for staff; the ones behind it go on. */
	bool rebook = sub.kind == SUB_BOOKING && strcmp(code, "slot_full") == 0;
	char *kept = sync_answer_kept(r.body, r.len, false);
	bool marked = store_mark_stopped(s->store, sub.id, rebook ? SUB_NEEDS_REBOOKING : SUB_REJECTED, kept, code, msg);
	free(kept);
	recorded(s, marked, now);
	if (!marked) {
		note_error(s, now, "cannot record a stopped submission in the store");
		goto out;
	}
	kiosk_log(LOG_WARN, "%s %s stopped: %s (%ld)", submission_kind_name(sub.kind), sub.key, code, r.status);
	result = DELIVERY_STOPPED;
out:
	http_response_finish(&r);
	submission_finish(&sub);
	return result;
}

/* Fetches one kind of reference data from path if it changed; false when the backend could not be
 * asked. */
static bool refresh_path(struct sync *s, const char *kind, const char *path, int64_t now)
{
	char etag[128] = "";
	char *old = NULL;
	size_t old_len = 0;
	int64_t fetched_at = 0;
	bool have = store_ref_get(s->store, kind, &old, &old_len, etag, sizeof(etag), &fetched_at);
	struct http_response r;
	bool ok = false;
	if (!http_get(s->http, path, have ? etag : NULL, now, &r)) {
		note_unreachable(s);
		note_error(s, now, r.error);
		goto out;
	}
	char err[256];
	if (r.status == 304 && have) {
		ok = store_ref_put(s->store, kind, etag, old, old_len, now, err, sizeof(err));
	} else if (r.status == 200) {
		if (!sync_answer_reference_valid(r.body, r.len)) {
			note_error(s, now, "reference data answer was not valid JSON");
			kiosk_log(LOG_WARN, "reference %s: the backend's answer is not valid UTF-8 JSON; keeping the cache", kind);
			goto out;
		}
		/* Texts the backend has no Traditional for get it here, once (data/ref_hant.h). */
		size_t hant_len = 0;
		int filled = 0;
		char *hant = ref_hant_fill(r.body, r.len, &hant_len, &filled);
		if (hant)
			kiosk_log(LOG_INFO, "reference %s: %d texts without zh-Hant converted by OpenCC s2hk", kind, filled);
		ok = store_ref_put(s->store, kind, r.etag, hant ? hant : r.body, hant ? hant_len : r.len, now, err,
				   sizeof(err));
		free(hant);
	} else {
		char code[64], msg[256];
		sync_answer_error(r.status, r.body, r.len, code, sizeof(code), msg, sizeof(msg));
		note_error(s, now, msg);
		goto out;
	}
	if (ok)
		note_success(s, now);
	else
		kiosk_log(LOG_ERROR, "reference %s: %s", kind, err);
out:
	http_response_finish(&r);
	free(old);
	return ok;
}

struct slot_pass {
	struct sync *s;
	int64_t now;
};

static bool refresh_one_slots(void *ctx, const char *kind, const char *path)
{
	struct slot_pass *pass = ctx;
	return refresh_path(pass->s, kind, path, pass->now); /* the backend is away: stop here */
}

/* Slots of every bookable office for every service it offers, over its booking window (the
 * backend's default range), cached as "slots:OFFICE:SERVICE". */
static void refresh_slots(struct sync *s, int64_t now)
{
	char *offices = NULL;
	size_t len = 0;
	struct slot_pass pass = {s, now};
	if (!store_ref_get(s->store, "offices", &offices, &len, NULL, 0, NULL))
		return;
	sync_answer_slot_requests(offices, len, refresh_one_slots, &pass);
	free(offices);
}

static void refresh_reference(struct sync *s, int64_t now)
{
	for (size_t i = 0; i < sizeof(reference_kinds) / sizeof(reference_kinds[0]); i++) {
		char path[64];
		snprintf(path, sizeof(path), "/v1/%s", reference_kinds[i]);
		if (!refresh_path(s, reference_kinds[i], path, now))
			return; /* the backend is away: try the rest next time */
	}
	refresh_slots(s, now);
}

/* Health for the fleet: uptime, settings version, reference ages, disk, database, network link. */
static void add_health(struct sync *s, cJSON *hb, int64_t now)
{
	struct data_health dh;
	data_health_collect(s->store, s->data_dir, &dh);
	pthread_mutex_lock(&s->lock);
	int version = s->settings_version;
	pthread_mutex_unlock(&s->lock);
	cJSON_AddNumberToObject(hb, "settings_version", version);
	cJSON *ages = cJSON_AddObjectToObject(hb, "reference_age_s");
	for (int i = 0; ages && i < DATA_HEALTH_KINDS; i++) {
		if (dh.fetched_at[i])
			cJSON_AddNumberToObject(ages, data_health_kinds[i], (double)(now - dh.fetched_at[i]));
	}
	cJSON_AddNumberToObject(hb, "disk_free_bytes", (double)dh.disk_free_bytes);
	cJSON_AddNumberToObject(hb, "db_bytes", (double)dh.db_bytes);
	cJSON_AddBoolToObject(hb, "network_link", link_state_up(NULL, 0));
}

/* A heartbeat answer may offer a settings document newer than ours: keep it for the UI thread. */
static void take_settings_offer(struct sync *s, const struct http_response *r)
{
	pthread_mutex_lock(&s->lock);
	int current = s->settings_version;
	pthread_mutex_unlock(&s->lock);
	int version = 0;
	char *text = sync_answer_settings_offer(r->body, r->len, current, &version);
	bool fresh = false;
	if (text) {
		pthread_mutex_lock(&s->lock);
		if (version > s->settings_version) { /* still newer: the UI thread may have applied one meanwhile */
			free(s->settings_mailbox);
			s->settings_mailbox = text;
			text = NULL;
			fresh = true;
		}
		pthread_mutex_unlock(&s->lock);
	}
	free(text);
	if (fresh && s->opts.settings_ready)
		s->opts.settings_ready(s->opts.settings_ctx);
}

static void send_heartbeat(struct sync *s, int64_t now)
{
	struct outbox_counts c;
	if (!store_outbox_counts(s->store, &c))
		memset(&c, 0, sizeof(c));
	pthread_mutex_lock(&s->lock);
	s->status.outbox = c;
	struct sync_status st = s->status;
	pthread_mutex_unlock(&s->lock);
	cJSON *hb = cJSON_CreateObject();
	cJSON_AddStringToObject(hb, "app_version", s->app_version ? s->app_version : "");
	cJSON_AddNumberToObject(hb, "uptime_s",
				(double)(now - (s->opts.process_started_at ? s->opts.process_started_at : s->started_at)));
	cJSON_AddNumberToObject(hb, "outbox_pending", c.by_state[SUB_PENDING]);
	cJSON_AddNumberToObject(hb, "outbox_delivered", c.by_state[SUB_DELIVERED]);
	cJSON_AddNumberToObject(hb, "outbox_rejected", c.by_state[SUB_REJECTED]);
	cJSON_AddNumberToObject(hb, "outbox_needs_rebooking", c.by_state[SUB_NEEDS_REBOOKING]);
	cJSON_AddNumberToObject(hb, "oldest_pending_age_s", c.oldest_pending_created ? (double)(now - c.oldest_pending_created) : 0);
	cJSON_AddNumberToObject(hb, "last_sync_success", (double)st.last_success_at);
	cJSON_AddStringToObject(hb, "last_sync_error", st.last_error);
	char health[256];
	cJSON_AddStringToObject(hb, "status", store_health(s->store, health, sizeof(health)) == STORE_HEALTHY ? "ok" : "degraded");
	add_health(s, hb, now);
	char *body = cJSON_PrintUnformatted(hb);
	cJSON_Delete(hb);
	if (!body)
		return;
	unsigned char raw[16];
	char key[37];
	randombytes_buf(raw, sizeof(raw));
	raw[6] = (raw[6] & 0x0F) | 0x40;
	raw[8] = (raw[8] & 0x3F) | 0x80;
	snprintf(key, sizeof(key), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", raw[0], raw[1],
		 raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14],
		 raw[15]);
	struct http_response r;
	if (http_post(s->http, "/v1/heartbeat", key, body, strlen(body), now, &r) && r.status < 300) {
		note_success(s, now);
		take_settings_offer(s, &r);
	} else {
		note_unreachable(s);
	}
	http_response_finish(&r);
	free(body);
}

static void free_sync(struct sync *s)
{
	if (!s)
		return;
	http_client_destroy(s->http);
	store_close(s->store);
	if (s->secret)
		sodium_memzero(s->secret, strlen(s->secret));
	free(s->data_dir);
	free(s->base_url);
	free(s->kiosk_id);
	free(s->secret);
	free(s->ca_file);
	free(s->app_version);
	free(s->settings_mailbox);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
}

static struct sync *create(const struct sync_options *o, bool create_store, char *err, size_t errlen)
{
	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium failed to initialise");
		return NULL;
	}
	struct sync *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&s->cond, &attr);
	pthread_condattr_destroy(&attr);
	s->opts = *o;
	s->data_dir = dup_or_null(o->data_dir);
	s->base_url = dup_or_null(o->http.base_url);
	s->kiosk_id = dup_or_null(o->http.kiosk_id);
	s->secret = dup_or_null(o->http.secret);
	s->ca_file = dup_or_null(o->http.ca_file);
	s->app_version = dup_or_null(o->app_version);
	s->settings_version = o->settings_version;
	s->opts.http.base_url = s->base_url;
	s->opts.http.kiosk_id = s->kiosk_id;
	s->opts.http.secret = s->secret;
	s->opts.http.ca_file = s->ca_file;
	struct store_options so = {.create = create_store};
	s->store = store_open(s->data_dir, &so, err, errlen);
	if (!s->store)
		goto fail;
	s->http = http_client_create(&s->opts.http, err, errlen);
	if (!s->http)
		goto fail;
	s->started_at = wall_now();
	return s;
fail:
	free_sync(s);
	return NULL;
}

static void *run(void *arg)
{
	struct sync *s = arg;
	pthread_mutex_lock(&s->lock);
	while (!s->stop) {
		bool force = s->force;
		s->force = false;
		pthread_mutex_unlock(&s->lock);
		int64_t now = wall_now();
		if (force) {
			s->next_refresh = 0;
			s->next_heartbeat = 0;
		}
		if (now >= s->next_refresh) {
			refresh_reference(s, now);
			s->next_refresh = now + s->opts.reference_refresh_s;
		}
		int delivered = 0;
		/* Drain, yielding now and then to the schedule; held back while outcomes cannot be recorded. */
		while (!s->stop && delivered < 100 && (force || wall_now() >= s->hold_until)) {
			/* Forced: every pending submission is due once, backoff or not. */
			enum delivery d = deliver_one(s, force ? INT64_MAX : wall_now());
			if (d == DELIVERY_NONE || d == DELIVERY_RETRY)
				break;
			delivered++;
		}
		now = wall_now();
		if (now >= s->next_heartbeat) {
			send_heartbeat(s, now);
			s->next_heartbeat = now + s->opts.heartbeat_s;
		}
		if (now >= s->next_purge) {
			int purged = store_purge(s->store, now, s->opts.retention_s);
			if (purged > 0)
				kiosk_log(LOG_INFO, "erased the personal data of %d delivered submissions", purged);
			s->next_purge = now + 3600;
		}
		struct outbox_counts c;
		if (store_outbox_counts(s->store, &c)) {
			pthread_mutex_lock(&s->lock);
			s->status.outbox = c;
			pthread_mutex_unlock(&s->lock);
		}
		/* Sleep until the next thing is due, or a wake-up. */
		int64_t next = s->next_refresh < s->next_heartbeat ? s->next_refresh : s->next_heartbeat;
		int64_t attempt = store_next_attempt_at(s->store);
		if (attempt && attempt < s->hold_until) /* due, but its last outcome could not be recorded */
			attempt = s->hold_until;
		if (attempt && attempt < next)
			next = attempt;
		if (delivered >= 100)
			next = now;
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += next > now ? (time_t)(next - now) : 0;
		pthread_mutex_lock(&s->lock);
		while (!s->stop && !s->wake && next > now) {
			if (pthread_cond_timedwait(&s->cond, &s->lock, &until) == ETIMEDOUT)
				break;
		}
		s->wake = false;
		if (s->heartbeat_soon) {
			s->heartbeat_soon = false;
			s->next_heartbeat = 0;
		}
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

struct sync *sync_start(const struct sync_options *opts, char *err, size_t errlen)
{
	struct sync *s = create(opts, false, err, errlen);
	if (!s)
		return NULL;
	if (pthread_create(&s->thread, NULL, run, s) != 0) {
		snprintf(err, errlen, "cannot start the sync thread");
		free_sync(s);
		return NULL;
	}
	s->thread_started = true;
	return s;
}

void sync_wake(struct sync *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->wake = true;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

void sync_now(struct sync *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->force = true;
	s->wake = true;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

void sync_stop(struct sync *s)
{
	if (!s)
		return;
	if (s->thread_started) {
		pthread_mutex_lock(&s->lock);
		s->stop = true;
		pthread_cond_signal(&s->cond);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->thread, NULL);
	}
	free_sync(s);
}

bool sync_take_settings(struct sync *s, char **json)
{
	*json = NULL;
	if (!s)
		return false;
	pthread_mutex_lock(&s->lock);
	*json = s->settings_mailbox;
	s->settings_mailbox = NULL;
	pthread_mutex_unlock(&s->lock);
	return *json != NULL;
}

void sync_set_settings_version(struct sync *s, int version)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->settings_version = version;
	s->heartbeat_soon = true; /* tell the backend soon */
	s->wake = true;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

void sync_get_status(struct sync *s, struct sync_status *out)
{
	pthread_mutex_lock(&s->lock);
	*out = s->status;
	pthread_mutex_unlock(&s->lock);
}

bool sync_run_once(const struct sync_options *opts, int max_failures, struct outbox_counts *after, char *err,
		   size_t errlen)
{
	struct sync *s = create(opts, true, err, errlen);
	if (!s)
		return false;
	int64_t now = wall_now();
	refresh_reference(s, now);
	int failures = 0;
	for (;;) {
		/* Backoff is for a kiosk that runs on; a one-off drain tries what is pending now. */
		enum delivery d = deliver_one(s, INT64_MAX);
		if (d == DELIVERY_NONE)
			break;
		if (d == DELIVERY_RETRY && ++failures >= max_failures)
			break;
		if (d != DELIVERY_RETRY)
			failures = 0;
	}
	store_purge(s->store, wall_now(), s->opts.retention_s);
	bool ok = store_outbox_counts(s->store, after);
	if (!ok)
		snprintf(err, errlen, "cannot count the outbox");
	free_sync(s);
	return ok;
}
