/* Every screen of the kiosk, by name. */
#include "screens/screen.h"

#include <string.h>

void attract_build(struct screen_ctx *ctx);
void home_build(struct screen_ctx *ctx);
void gallery_form_build(struct screen_ctx *ctx);
void gallery_calendar_build(struct screen_ctx *ctx);
void gallery_list_build(struct screen_ctx *ctx);
void gallery_misc_build(struct screen_ctx *ctx);
void unavailable_build(struct screen_ctx *ctx);
void booking_service_build(struct screen_ctx *ctx);
void booking_office_build(struct screen_ctx *ctx);
void booking_day_build(struct screen_ctx *ctx);
void booking_slot_build(struct screen_ctx *ctx);
void booking_people_build(struct screen_ctx *ctx);
void booking_review_build(struct screen_ctx *ctx);
void booking_done_build(struct screen_ctx *ctx);
void booking_lookup_build(struct screen_ctx *ctx);
void booking_lookup_result_build(struct screen_ctx *ctx);

static const struct screen_desc screens[] = {
	{"attract", attract_build, false},
	{"home", home_build, false},
	{"gallery", gallery_form_build, true},
	{"gallery.calendar", gallery_calendar_build, true},
	{"gallery.list", gallery_list_build, true},
	{"gallery.misc", gallery_misc_build, true},
	{"unavailable", unavailable_build, false},
	{"booking.service", booking_service_build, false},
	{"booking.office", booking_office_build, false},
	{"booking.day", booking_day_build, false},
	{"booking.slot", booking_slot_build, false},
	{"booking.people", booking_people_build, false},
	{"booking.review", booking_review_build, false},
	{"booking.done", booking_done_build, false},
	{"booking.lookup", booking_lookup_build, false},
	{"booking.lookup_result", booking_lookup_result_build, false},
};

const struct screen_desc *screen_find(const char *name)
{
	for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
		if (strcmp(screens[i].name, name) == 0)
			return &screens[i];
	}
	return NULL;
}
