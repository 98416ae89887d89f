/* CUPS printing on a worker thread; see printer.h. Depends on libcups 2.x (cupsGetNamedDest,
 * cupsCreateJob, cupsStartDocument/cupsWriteRequestData/cupsFinishDocument, cupsGetJobs2,
 * cupsCancelJob2) and pthreads. Log lines name the queue and CUPS's error, never what is printed. */
#include "print/printer.h"

#include <cups/cups.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "lazy/libraries.h"
#include "print/escpos.h"

#define QUEUE_MAX 128
#define POLL_MS 250

struct printer {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	bool started, stop;
	/* under lock: */
	char queue[QUEUE_MAX]; /* the queue the cached answer is for */
	bool known, available; /* a check has answered; its answer */
	int64_t checked_at; /* monotonic seconds of the last answer */
	bool check_wanted;
	unsigned ticket; /* the latest job */
	enum print_state state;
	unsigned char *job; /* bytes waiting for the thread (owned) */
	size_t job_len;
	char job_queue[QUEUE_MAX];
	bool logged_missing; /* "queue not available" logged once per queue */
};

static int64_t now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

bool printer_check_now(const char *queue, char *why, size_t whylen)
{
	if (!lazy_lib_open(lazy_cups, why, whylen))
		return false;
	cups_dest_t *dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue && queue[0] ? queue : NULL, NULL);
	if (!dest) {
		if (queue && queue[0])
			snprintf(why, whylen, "CUPS has no queue \"%s\" (%s)", queue, cupsLastErrorString());
		else
			snprintf(why, whylen, "CUPS has no default queue (%s)", cupsLastErrorString());
		return false;
	}
	const char *state = cupsGetOption("printer-state", dest->num_options, dest->options);
	const char *accepting = cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options);
	bool ok = true;
	if (state && strcmp(state, "5") == 0) {
		snprintf(why, whylen, "queue \"%s\" is stopped (printer offline, out of paper, or disabled)", dest->name);
		ok = false;
	} else if (accepting && strcmp(accepting, "true") != 0) {
		snprintf(why, whylen, "queue \"%s\" does not accept jobs (cupsreject)", dest->name);
		ok = false;
	}
	cupsFreeDests(1, dest);
	return ok;
}

/* CUPS's state of job id on queue: 0 unknown, else an ipp_jstate_t. */
static int job_state(const char *queue, int id)
{
	cups_job_t *jobs = NULL;
	int n = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, queue, 0, CUPS_WHICHJOBS_ALL);
	int state = 0;
	for (int i = 0; i < n; i++) {
		if (jobs[i].id == id)
			state = (int)jobs[i].state;
	}
	cupsFreeJobs(n, jobs);
	return state;
}

bool printer_print_now(const char *queue, const void *data, size_t len, int timeout_s, char *why, size_t whylen)
{
	bool ok = false;
	if (!lazy_lib_open(lazy_cups, why, whylen))
		return false;
	cups_dest_t *dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue && queue[0] ? queue : NULL, NULL);
	if (!dest) {
		snprintf(why, whylen, "no such queue (%s)", cupsLastErrorString());
		return false;
	}
	const char *name = dest->name;
	int id = cupsCreateJob(CUPS_HTTP_DEFAULT, name, "receipt", 0, NULL);
	if (id <= 0) {
		snprintf(why, whylen, "queue \"%s\": cannot create a job: %s", name, cupsLastErrorString());
		goto out;
	}
	if (cupsStartDocument(CUPS_HTTP_DEFAULT, name, id, "receipt", CUPS_FORMAT_RAW, 1) != HTTP_STATUS_CONTINUE ||
	    cupsWriteRequestData(CUPS_HTTP_DEFAULT, data, len) != HTTP_STATUS_CONTINUE) {
		snprintf(why, whylen, "queue \"%s\": cannot send the receipt: %s", name, cupsLastErrorString());
		cupsFinishDocument(CUPS_HTTP_DEFAULT, name);
		cupsCancelJob2(CUPS_HTTP_DEFAULT, name, id, 0);
		goto out;
	}
	if (cupsFinishDocument(CUPS_HTTP_DEFAULT, name) != IPP_STATUS_OK) {
		snprintf(why, whylen, "queue \"%s\": the job was refused: %s", name, cupsLastErrorString());
		goto out;
	}
	for (int waited = 0; waited <= timeout_s * 1000; waited += POLL_MS) {
		int state = job_state(name, id);
		if (state == IPP_JSTATE_COMPLETED) {
			ok = true;
			goto out;
		}
		if (state == IPP_JSTATE_ABORTED || state == IPP_JSTATE_CANCELED) {
			snprintf(why, whylen, "queue \"%s\": the job was %s", name,
				 state == IPP_JSTATE_ABORTED ? "aborted (printer error)" : "cancelled");
			goto out;
		}
		sleep_ms(POLL_MS);
	}
	/* Not printed in time: cancelled, so it never comes out for someone else. */
	cupsCancelJob2(CUPS_HTTP_DEFAULT, name, id, 0);
	snprintf(why, whylen, "queue \"%s\": not printed within %d s (printer offline?); the job was cancelled", name,
		 timeout_s);
out:
	cupsFreeDests(1, dest);
	return ok;
}

static void *run(void *arg)
{
	struct printer *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		if (p->job) {
			unsigned char *job = p->job;
			size_t len = p->job_len;
			char queue[QUEUE_MAX];
			snprintf(queue, sizeof(queue), "%s", p->job_queue);
			p->job = NULL;
			pthread_mutex_unlock(&p->lock);
			char why[512];
			bool ok = printer_print_now(queue, job, len, PRINTER_JOB_TIMEOUT_S, why, sizeof(why));
			if (ok)
				kiosk_log(LOG_INFO, "receipt printed (%zu bytes)", len);
			else
				kiosk_log(LOG_WARN, "receipt not printed: %s", why);
			free(job);
			pthread_mutex_lock(&p->lock);
			p->state = ok ? PRINT_DONE : PRINT_FAILED;
			if (!ok)
				p->check_wanted = true; /* it may be offline now: the button goes until it is back */
			continue;
		}
		if (p->check_wanted) {
			char queue[QUEUE_MAX];
			snprintf(queue, sizeof(queue), "%s", p->queue);
			p->check_wanted = false;
			pthread_mutex_unlock(&p->lock);
			char why[512];
			bool ok = printer_check_now(queue, why, sizeof(why));
			pthread_mutex_lock(&p->lock);
			if (strcmp(queue, p->queue) == 0) {
				if (!ok && !p->logged_missing)
					kiosk_log(LOG_WARN, "printing is enabled, but %s: the kiosk offers no receipts", why);
				else if (ok && p->known && !p->available)
					kiosk_log(LOG_INFO, "receipt printer available again");
				p->logged_missing = !ok;
				p->available = ok;
				p->known = true;
				p->checked_at = now_s();
			}
			continue;
		}
		pthread_cond_wait(&p->wake, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct printer *printer_create(void)
{
	struct printer *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->wake, NULL);
	return p;
}

/* Under lock: starts the thread on first use; false when it cannot. */
static bool ensure_thread(struct printer *p)
{
	if (p->started)
		return true;
	if (pthread_create(&p->thread, NULL, run, p) != 0) {
		kiosk_log(LOG_ERROR, "printer thread: cannot start");
		return false;
	}
	p->started = true;
	return true;
}

void printer_destroy(struct printer *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_signal(&p->wake);
	bool started = p->started;
	pthread_mutex_unlock(&p->lock);
	if (started)
		pthread_join(p->thread, NULL);
	free(p->job);
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

bool printer_available(struct printer *p, const char *queue)
{
	if (!p)
		return false;
	const char *q = queue ? queue : "";
	pthread_mutex_lock(&p->lock);
	if (strcmp(q, p->queue) != 0) {
		snprintf(p->queue, sizeof(p->queue), "%s", q);
		p->known = p->available = false;
		p->logged_missing = false;
		p->check_wanted = true;
	} else if (!p->known || now_s() - p->checked_at >= PRINTER_RECHECK_S) {
		p->check_wanted = true;
	}
	if (p->check_wanted && ensure_thread(p))
		pthread_cond_signal(&p->wake);
	bool available = p->known && p->available;
	pthread_mutex_unlock(&p->lock);
	return available;
}

unsigned printer_submit(struct printer *p, const char *queue, const void *data, size_t len)
{
	if (!p || len == 0 || len > ESCPOS_MAX)
		return 0;
	unsigned ticket = 0;
	unsigned char *copy = malloc(len);
	if (!copy)
		return 0;
	memcpy(copy, data, len);
	pthread_mutex_lock(&p->lock);
	if (p->state != PRINT_SENDING && ensure_thread(p)) {
		snprintf(p->job_queue, sizeof(p->job_queue), "%s", queue ? queue : "");
		p->job = copy;
		p->job_len = len;
		copy = NULL;
		p->state = PRINT_SENDING;
		ticket = ++p->ticket;
		if (ticket == 0)
			ticket = ++p->ticket;
		pthread_cond_signal(&p->wake);
	}
	pthread_mutex_unlock(&p->lock);
	free(copy);
	return ticket;
}

enum print_state printer_state(struct printer *p, unsigned ticket)
{
	if (!p || ticket == 0)
		return PRINT_NONE;
	pthread_mutex_lock(&p->lock);
	enum print_state s = ticket == p->ticket ? p->state : PRINT_NONE;
	pthread_mutex_unlock(&p->lock);
	return s;
}
