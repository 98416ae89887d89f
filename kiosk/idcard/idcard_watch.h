/* The card reader's own thread, so no frame ever waits on a reader: it opens the configured reader
 * (again every REOPEN_MS while it cannot: a reader unplugged and plugged back in comes back by
 * itself), sleeps in poll() on what the driver names (a serial line, an inotify descriptor, a socket)
 * and the driver's next deadline, and keeps at most one card for the UI. The UI arms it while a form
 * that takes a card is on screen: a card presented while none is, is wiped at once and never reaches
 * a later form (a card left on the reader by one visitor fills nothing for the next).
 * It logs "card read" and problems, never a field of a card. Functions are for one UI thread. */
#ifndef KIOSK_IDCARD_IDCARD_WATCH_H
#define KIOSK_IDCARD_IDCARD_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "idcard/idcard.h"

struct idcard_watch;

/* What idcard_watch_take hands over. */
enum idcard_event {
	IDCARD_EVENT_NONE,
	IDCARD_EVENT_CARD, /* a card: *out holds it */
	IDCARD_EVENT_UNREADABLE, /* a card was presented but could not be read */
};

/* Starts the thread for the reader spec names ([idcard] reader); notify(ctx) is called on that
 * thread whenever a card waits (the app wakes its loop). NULL with a reason in err when spec is
 * invalid or the thread cannot start; NULL with err "" for "none". A reader that cannot be opened
 * yet is not an error: the thread keeps trying and logs why once. */
struct idcard_watch *idcard_watch_start(const char *spec, void (*notify)(void *ctx), void *ctx, char *err,
					size_t errlen);
/* Stops the thread, closes the reader and wipes what it held; NULL is a no-op. */
void idcard_watch_stop(struct idcard_watch *w);
/* Whether a form takes a card now; disarming wipes a card not taken yet. */
void idcard_watch_arm(struct idcard_watch *w, bool armed);
/* True while the reader is open and answering (forms then invite the visitor to use it). */
bool idcard_watch_ready(struct idcard_watch *w);
/* Hands over what waits (copied into *out and wiped here). */
enum idcard_event idcard_watch_take(struct idcard_watch *w, struct idcard_record *out);

#endif
