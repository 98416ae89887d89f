/* The booking reference data as the screens need it, read from the store's cache (the backend's
 * JSON as cached by the sync engine: kinds "services", "offices" and "slots:OFFICE:SERVICE"; see
 * backend-stub/API.md). Parsing is bounded and defensive: a malformed cache yields an empty catalog,
 * never a crash. Texts come in the three interface languages. */
#ifndef KIOSK_BOOKING_BOOKING_CATALOG_H
#define KIOSK_BOOKING_BOOKING_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "civil_date.h"
#include "data/ref_json.h"
#include "text/font_set.h"
#include "ui/widgets.h"

#define CATALOG_SERVICES_MAX 8
#define CATALOG_OFFICES_MAX 8
#define CATALOG_SLOTS_MAX 2048

struct catalog_service {
	char id[CATALOG_ID_MAX];
	struct catalog_text name, description, documents;
	int parties_min, parties_max;
};

struct catalog_office {
	char id[CATALOG_ID_MAX];
	struct catalog_text name, address, hours;
	char phone[64];
	bool bookable, designated; /* role designated_cross_border_registry */
	int window_days;
	bool open_on[7]; /* by weekday, 0 = Sunday: has opening hours that day */
	char services[CATALOG_SERVICES_MAX][CATALOG_ID_MAX];
	int service_count;
};

struct catalog_slot {
	int64_t id;
	struct civil_date date;
	char start[6], end[6]; /* "09:00" Beijing time */
	char label[16]; /* "09:00–09:30", filled by booking_slots_parse; booking_day_slots points at it */
	int capacity, free;
	bool bookable;
};

struct booking_catalog {
	struct catalog_service services[CATALOG_SERVICES_MAX];
	int service_count;
	struct catalog_office offices[CATALOG_OFFICES_MAX];
	int office_count;
};

/* Parses the cached services and offices JSON (either may be NULL: then that part is empty). */
void booking_catalog_parse(struct booking_catalog *c, const char *services_json, const char *offices_json);
/* The service or office with that id, or NULL (borrowed from c). */
const struct catalog_service *catalog_service_find(const struct booking_catalog *c, const char *id);
const struct catalog_office *catalog_office_find(const struct booking_catalog *c, const char *id);
/* True when the office offers the service. */
bool catalog_office_offers(const struct catalog_office *o, const char *service_id);

/* Parses a cached slots answer into out (at most max); returns how many. */
int booking_slots_parse(const char *slots_json, struct catalog_slot *out, int max);

/* Day statuses for a month grid: outside the window (tomorrow … today + window_days), closed (the
 * office does not open that weekday, or it has no slots in the window: a holiday), full (slots but
 * none free), open. reasons point at the given sentences (from the string catalogue). */
/* A day with slots counts as open (or full) even on a weekday the office normally closes: an official
 * make-up working day. A slot is free when free > 0 and the backend marked it bookable. title,
 * weekdays and full_mark are left NULL for the caller; reasons (may be NULL) are borrowed. */
struct booking_day_reasons {
	const char *outside, *closed_weekday, *holiday, *full;
};
void booking_month(const struct catalog_office *o, const struct catalog_slot *slots, int slot_count,
		   struct civil_date today, int year, int month, const struct booking_day_reasons *reasons,
		   struct ui_month *out);
/* The slots of one day, in time order, as grid cells; labels point into the slots (their label, or
 * start when empty); a slot not bookable shows no free place. slot_index (may be NULL) gets each
 * cell's index into slots. Returns count (at most max). */
int booking_day_slots(const struct catalog_slot *slots, int slot_count, struct civil_date day, struct ui_slot *out,
		      int max, int *slot_index);

#endif
