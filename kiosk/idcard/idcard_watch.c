/* The reader thread; see idcard_watch.h. A self-pipe wakes the thread for stop and arm changes; the
 * thread sleeps in poll() otherwise (no CPU while nothing happens, but for a serial reader's "find"
 * every half second, which that protocol needs). Depends on idcard.h, core/log.h, core/secure.h. */
#include "idcard/idcard_watch.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/secure.h"

#define REOPEN_MS 5000 /* between attempts to open a reader that is not there */
#define FAULT_PAUSE_MS 1000 /* the descriptor is not watched this long after a fault (no busy loop) */

struct idcard_watch {
	char spec[256];
	void (*notify)(void *ctx);
	void *ctx;
	pthread_t thread;
	int wake[2]; /* self-pipe: [0] polled by the thread, [1] written by the UI */
	pthread_mutex_t lock;
	/* under lock */
	bool stop, armed, ready;
	enum idcard_event pending;
	struct idcard_record card;
};

static uint64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void poke(struct idcard_watch *w)
{
	char c = 1;
	ssize_t n = write(w->wake[1], &c, 1); /* a full pipe already wakes the thread */
	(void)n;
}

static void set_ready(struct idcard_watch *w, bool ready)
{
	pthread_mutex_lock(&w->lock);
	w->ready = ready;
	pthread_mutex_unlock(&w->lock);
}

/* A card or an unreadable card from the reader: kept for the UI while armed, wiped otherwise. */
static void deliver(struct idcard_watch *w, enum idcard_event ev, struct idcard_record *card)
{
	pthread_mutex_lock(&w->lock);
	bool armed = w->armed;
	if (armed) {
		idcard_record_wipe(&w->card);
		if (ev == IDCARD_EVENT_CARD)
			w->card = *card;
		w->pending = ev;
	}
	pthread_mutex_unlock(&w->lock);
	idcard_record_wipe(card);
	if (ev == IDCARD_EVENT_CARD)
		kiosk_log(LOG_INFO, armed ? "identity card read" : "identity card read while no form takes one: not used");
	if (armed)
		w->notify(w->ctx);
}

static void *run(void *arg)
{
	struct idcard_watch *w = arg;
	struct idcard_reader *reader = NULL;
	struct idcard_record card;
	char why[256], err[256];
	bool open_failed_said = false;
	uint64_t retry_at = 0, fault_until = 0;
	memset(&card, 0, sizeof(card));
	for (;;) {
		pthread_mutex_lock(&w->lock);
		bool stop = w->stop;
		pthread_mutex_unlock(&w->lock);
		if (stop)
			break;
		uint64_t now = monotonic_ms();
		if (!reader && now >= retry_at) {
			reader = idcard_reader_open(w->spec, err, sizeof(err));
			if (reader && open_failed_said)
				kiosk_log(LOG_INFO, "identity card reader: open again");
			if (!reader && !open_failed_said)
				kiosk_log(LOG_WARN, "identity card reader: %s (trying again every %d s)", err, REOPEN_MS / 1000);
			open_failed_said = !reader;
			retry_at = now + REOPEN_MS;
		}
		set_ready(w, reader && idcard_reader_live(reader));
		struct pollfd fds[2] = {{.fd = w->wake[0], .events = POLLIN}, {.fd = -1, .events = POLLIN}};
		int timeout = (int)(retry_at - now);
		if (reader) {
			fds[1].fd = idcard_reader_wait(reader, now, &timeout);
			if (now < fault_until) {
				fds[1].fd = -1;
				timeout = timeout < 0 || (uint64_t)timeout > fault_until - now ? (int)(fault_until - now) : timeout;
			}
		}
		if (poll(fds, 2, timeout) < 0 && errno != EINTR) {
			kiosk_log_errno(LOG_ERROR, "identity card reader: poll");
			break;
		}
		if (fds[0].revents & POLLIN) {
			char drain[64];
			while (read(w->wake[0], drain, sizeof(drain)) > 0) {
			}
		}
		if (!reader)
			continue;
		why[0] = '\0';
		switch (idcard_reader_poll(reader, monotonic_ms(), &card, why, sizeof(why))) {
		case IDCARD_POLL_NONE:
			break;
		case IDCARD_POLL_CARD:
			deliver(w, IDCARD_EVENT_CARD, &card);
			break;
		case IDCARD_POLL_UNREADABLE:
			kiosk_log(LOG_WARN, "identity card could not be read: %s", why);
			deliver(w, IDCARD_EVENT_UNREADABLE, &card);
			break;
		case IDCARD_POLL_FAULT:
			kiosk_log(LOG_WARN, "identity card reader: %s", why);
			fault_until = monotonic_ms() + FAULT_PAUSE_MS;
			break;
		case IDCARD_POLL_GONE:
			kiosk_log(LOG_WARN, "identity card reader: %s", why);
			idcard_reader_close(reader);
			reader = NULL;
			open_failed_said = false;
			retry_at = monotonic_ms() + REOPEN_MS;
			break;
		}
	}
	idcard_reader_close(reader);
	idcard_record_wipe(&card);
	return NULL;
}

struct idcard_watch *idcard_watch_start(const char *spec, void (*notify)(void *ctx), void *ctx, char *err,
					size_t errlen)
{
	err[0] = '\0';
	if (idcard_spec_is_none(spec))
		return NULL;
	if (!idcard_spec_check(spec, err, errlen))
		return NULL;
	struct idcard_watch *w = calloc(1, sizeof(*w));
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	snprintf(w->spec, sizeof(w->spec), "%s", spec);
	w->notify = notify;
	w->ctx = ctx;
	w->wake[0] = w->wake[1] = -1;
	if (pipe(w->wake) != 0 || fcntl(w->wake[0], F_SETFL, O_NONBLOCK) != 0 || fcntl(w->wake[1], F_SETFL, O_NONBLOCK) != 0 ||
	    fcntl(w->wake[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(w->wake[1], F_SETFD, FD_CLOEXEC) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto fail;
	}
	pthread_mutex_init(&w->lock, NULL);
	int rc = pthread_create(&w->thread, NULL, run, w);
	if (rc != 0) {
		snprintf(err, errlen, "cannot start the reader thread: %s", strerror(rc));
		pthread_mutex_destroy(&w->lock);
		goto fail;
	}
	return w;
fail:
	if (w->wake[0] >= 0)
		close(w->wake[0]);
	if (w->wake[1] >= 0)
		close(w->wake[1]);
	free(w);
	return NULL;
}

void idcard_watch_stop(struct idcard_watch *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_mutex_unlock(&w->lock);
	poke(w);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->lock);
	close(w->wake[0]);
	close(w->wake[1]);
	secure_wipe(w, sizeof(*w));
	free(w);
}

void idcard_watch_arm(struct idcard_watch *w, bool armed)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->armed = armed;
	if (!armed && w->pending != IDCARD_EVENT_NONE) {
		idcard_record_wipe(&w->card);
		w->pending = IDCARD_EVENT_NONE;
	}
	pthread_mutex_unlock(&w->lock);
}

bool idcard_watch_ready(struct idcard_watch *w)
{
	if (!w)
		return false;
	pthread_mutex_lock(&w->lock);
	bool ready = w->ready;
	pthread_mutex_unlock(&w->lock);
	return ready;
}

enum idcard_event idcard_watch_take(struct idcard_watch *w, struct idcard_record *out)
{
	if (!w)
		return IDCARD_EVENT_NONE;
	pthread_mutex_lock(&w->lock);
	enum idcard_event ev = w->pending;
	if (ev == IDCARD_EVENT_CARD)
		*out = w->card;
	idcard_record_wipe(&w->card);
	w->pending = IDCARD_EVENT_NONE;
	pthread_mutex_unlock(&w->lock);
	return ev;
}
