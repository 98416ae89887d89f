/* The receipt printer, through CUPS (libcups): whether the configured queue can print, and one job at
 * a time sent as raw bytes (a raw ESC/POS queue: `lpadmin -p receipt -v usb://… -m raw` or
 * `-v socket://printer:9100`). All CUPS calls run on the printer's own thread, started on first use,
 * so the UI never waits on cupsd; the UI reads the outcome and redraws (it polls while a job is
 * under way, and the kiosk idles at zero CPU otherwise).
 *
 * "Available" means CUPS knows the queue (by name, or its default destination when the name is
 * empty), it accepts jobs and is not stopped (a USB printer unplugged or out of paper stops its
 * queue). The answer is cached; printer_available asks for a fresh check in the background when the
 * cached one is older than PRINTER_RECHECK_S or for another queue. A job that CUPS has not finished
 * within PRINTER_JOB_TIMEOUT_S is cancelled, so a receipt never comes out later for the next visitor.
 * CUPS_SERVER in the environment picks another cupsd (tests). */
#ifndef KIOSK_PRINT_PRINTER_H
#define KIOSK_PRINT_PRINTER_H

#include <stdbool.h>
#include <stddef.h>

#define PRINTER_RECHECK_S 60
#define PRINTER_JOB_TIMEOUT_S 20

enum print_state {
	PRINT_NONE, /* no such job (another ticket, or none yet) */
	PRINT_SENDING, /* queued here or at CUPS, not finished */
	PRINT_DONE, /* CUPS completed the job: the printer took the bytes */
	PRINT_FAILED, /* refused, aborted, or not finished in time (then cancelled) */
};

struct printer;

/* A printer handle; no thread and no CUPS call until first used. NULL when out of memory. */
struct printer *printer_create(void);
/* Stops the thread, after the job in flight if any (at most PRINTER_JOB_TIMEOUT_S); NULL is a no-op. */
void printer_destroy(struct printer *p);

/* The cached answer for queue (borrowed; "" for CUPS's default), never blocking; a fresh check is
 * asked for when due. */
bool printer_available(struct printer *p, const char *queue);
/* Sends len bytes (copied) to queue as one raw job named "receipt"; returns a ticket > 0, or 0 when a
 * job is already under way or data is too large. */
unsigned printer_submit(struct printer *p, const char *queue, const void *data, size_t len);
/* The state of the job with that ticket. */
enum print_state printer_state(struct printer *p, unsigned ticket);

/* Blocking helpers for the command line and tests (the caller's thread). */
/* True when queue is available now; the reason when not, in why. */
bool printer_check_now(const char *queue, char *why, size_t whylen);
/* Prints data as a raw job and waits for CUPS to finish it (timeout_s at most, then cancels). */
bool printer_print_now(const char *queue, const void *data, size_t len, int timeout_s, char *why, size_t whylen);

#endif
