/* The hidden way into staff mode: on the attract screen, a press held still for 3 seconds within
 * 150 px of the top-left corner. Nothing on screen hints at it. The press is held back from the UI
 * while it might be the gesture: released early (or moved out of the corner) it is handed on as if
 * nothing happened, so a visitor's quick tap in the corner still starts a session; held to the end
 * it opens the PIN screen and nothing else sees the press. */
#ifndef KIOSK_APP_STAFF_GESTURE_H
#define KIOSK_APP_STAFF_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/ui.h"

#define STAFF_GESTURE_HOLD_MS 3000
#define STAFF_GESTURE_RADIUS_PX 150

enum staff_gesture_verdict {
	GESTURE_PASS, /* not ours: handle the event as usual */
	GESTURE_SWALLOW, /* held back (or the end of a completed gesture): nothing to do */
	GESTURE_REPLAY, /* not the gesture after all: handle `held` first, then the event */
};

struct staff_gesture {
	bool holding; /* a press in the corner is being held back */
	bool fired; /* the hold completed: swallow until the release */
	uint64_t since;
	struct ui_event held; /* the press held back */
};

/* Looks at an input event; on_attract says whether the attract screen is up. */
enum staff_gesture_verdict staff_gesture_event(struct staff_gesture *g, const struct ui_event *ev, bool on_attract,
						uint64_t now);
/* When the held press completes the gesture (0: none pending), for the app's timer. */
uint64_t staff_gesture_deadline(const struct staff_gesture *g);
/* True once when the hold has lasted long enough at now. */
bool staff_gesture_due(struct staff_gesture *g, uint64_t now);
/* Forgets a press in progress (the session ended under it). */
void staff_gesture_reset(struct staff_gesture *g);

#endif
