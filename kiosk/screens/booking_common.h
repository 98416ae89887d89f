/* What the booking screens share: the visitor's choices so far (kept in the session, so Back keeps
 * them and the session wipe clears them) and the booking step chrome. */
#ifndef KIOSK_SCREENS_BOOKING_COMMON_H
#define KIOSK_SCREENS_BOOKING_COMMON_H

#include "booking/booking_data.h"
#include "booking/booking_rules.h"
#include "screens/flow.h"

#define BOOKING_STEPS 6

struct booking_choice {
	const struct booking_catalog *catalog;
	const struct catalog_service *service; /* NULL until chosen */
	const struct catalog_office *office;
	struct civil_date day;
	bool has_day;
	const struct catalog_slot *slot; /* NULL until chosen */
	const struct catalog_slot *slots; /* of the office and service */
	int slot_count;
	struct civil_date today;
};

/* Reads the choices from the session and the cached data. */
void booking_choice_get(struct screen_ctx *ctx, struct booking_choice *c);
/* Reads the choices into *choice and opens the step's chrome ("预约登记", step n of BOOKING_STEPS);
 * returns the content area with the bottom bar cut off into *bar. */
struct rect booking_begin(struct screen_ctx *ctx, struct booking_choice *choice, struct chrome *c, int step,
			  struct rect *bar);
/* "19900506" as typed on the keypad into "1990-05-06"; "" unless it is eight digits. */
void booking_typed_date(const char *digits, char *out, size_t len);
/* How many parties the visitor filled in for the service: its minimum, plus an optional second one
 * once its name or number has been typed. */
int booking_party_count(struct screen_ctx *ctx, const struct catalog_service *service);
/* Puts the people of a stored booking payload (as sent to the backend) back into this visitor's
 * session, so a booking that needs another slot is not typed again. */
void booking_restore_people(struct screen_ctx *ctx, const char *payload, size_t len);

#endif
