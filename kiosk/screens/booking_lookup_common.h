/* What the lookup screens share: the booking found (kept in the session as lk.* values, so the session
 * wipe clears it), how its state is named, and the local "cancel up to the day before" rule. The
 * lookup screen fills it; the result screen shows it and acts on it. */
#ifndef KIOSK_SCREENS_BOOKING_LOOKUP_COMMON_H
#define KIOSK_SCREENS_BOOKING_LOOKUP_COMMON_H

#include <stdbool.h>

#include "rules/civil_date.h"
#include "screens/screen.h"

enum lookup_state {
	LOOKUP_NONE,
	LOOKUP_PROVISIONAL, /* stored on this kiosk, not yet confirmed by the backend */
	LOOKUP_BOOKED, /* confirmed */
	LOOKUP_REBOOK, /* the slot filled while the kiosk was offline */
	LOOKUP_CANCELLED,
	LOOKUP_PAST, /* the day is over (attended or not) */
	LOOKUP_REJECTED, /* the backend refused the provisional booking for another reason */
};

/* The booking found, by value (all copied into the session). */
struct lookup_booking {
	enum lookup_state state;
	const char *reference, *service, *office; /* service and office ids */
	const char *date, *start, *end; /* "2026-12-03", "09:00", "09:30" */
};

/* Stores a found booking in the session. */
void lookup_record(struct screen_ctx *ctx, const struct lookup_booking *b);
/* Fills a booking from the backend's answer (API.md, POST /v1/bookings/lookup); false when the answer
 * is not a booking. The strings point into session-owned storage once recorded: record right away. */
bool lookup_record_json(struct screen_ctx *ctx, const char *json);
/* The state of the booking in the session (LOOKUP_NONE when none). */
enum lookup_state lookup_state_get(struct screen_ctx *ctx);
/* The string key naming a state ("lookup.state.booked"). */
const char *lookup_state_key(enum lookup_state s);
/* True when a booking on day may still be cancelled on today: up to the day before. */
bool lookup_can_cancel(struct civil_date day, struct civil_date today);
/* The reference typed by a visitor, normalised: upper case, spaces dropped, "BK7K3M9Q2P" → "BK-7K3M9Q2P". */
void lookup_normalise_reference(const char *in, char *out, size_t len);

#endif
