/* The staff entry gesture; see staff_gesture.h. */
#include "app/staff_gesture.h"

#include <string.h>

static bool in_corner(int x, int y)
{
	return x >= 0 && y >= 0 && (long)x * x + (long)y * y <= (long)STAFF_GESTURE_RADIUS_PX * STAFF_GESTURE_RADIUS_PX;
}

enum staff_gesture_verdict staff_gesture_event(struct staff_gesture *g, const struct ui_event *ev, bool on_attract,
						uint64_t now)
{
	if (g->fired) { /* the rest of the completed gesture's press */
		if (ev->kind == UI_EVENT_RELEASE)
			g->fired = false;
		return GESTURE_SWALLOW;
	}
	if (!g->holding) {
		if (ev->kind != UI_EVENT_PRESS || !on_attract || !in_corner(ev->x, ev->y))
			return GESTURE_PASS;
		g->holding = true;
		g->since = now;
		g->held = *ev;
		return GESTURE_SWALLOW;
	}
	if (ev->kind == UI_EVENT_MOVE && in_corner(ev->x, ev->y))
		return GESTURE_SWALLOW;
	/* Released early or moved away: it was a visitor's touch after all. */
	g->holding = false;
	return GESTURE_REPLAY;
}

uint64_t staff_gesture_deadline(const struct staff_gesture *g)
{
	return g->holding ? g->since + STAFF_GESTURE_HOLD_MS : 0;
}

bool staff_gesture_due(struct staff_gesture *g, uint64_t now)
{
	if (!g->holding || now < g->since + STAFF_GESTURE_HOLD_MS)
		return false;
	g->holding = false;
	g->fired = true;
	return true;
}

void staff_gesture_reset(struct staff_gesture *g)
{
	memset(g, 0, sizeof(*g));
}
