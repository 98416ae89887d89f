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
void outage_build(struct screen_ctx *ctx);
void booking_service_build(struct screen_ctx *ctx);
void booking_office_build(struct screen_ctx *ctx);
void booking_day_build(struct screen_ctx *ctx);
void booking_slot_build(struct screen_ctx *ctx);
void booking_people_build(struct screen_ctx *ctx);
void booking_review_build(struct screen_ctx *ctx);
void booking_done_build(struct screen_ctx *ctx);
void booking_lookup_build(struct screen_ctx *ctx);
void booking_lookup_result_build(struct screen_ctx *ctx);
void charity_projects_build(struct screen_ctx *ctx);
void charity_project_build(struct screen_ctx *ctx);
void charity_amount_build(struct screen_ctx *ctx);
void charity_donor_build(struct screen_ctx *ctx);
void charity_review_build(struct screen_ctx *ctx);
void charity_done_build(struct screen_ctx *ctx);
void charity_withdraw_build(struct screen_ctx *ctx);

void assist_home_build(struct screen_ctx *ctx);
void assist_guide_build(struct screen_ctx *ctx);
void assist_programme_build(struct screen_ctx *ctx);
void assist_q_household_build(struct screen_ctx *ctx);
void assist_q_income_build(struct screen_ctx *ctx);
void assist_q_assets_build(struct screen_ctx *ctx);
void assist_q_members_build(struct screen_ctx *ctx);
void assist_q_disability_build(struct screen_ctx *ctx);
void assist_q_hardship_build(struct screen_ctx *ctx);
void assist_result_build(struct screen_ctx *ctx);
void assist_status_build(struct screen_ctx *ctx);
void assist_status_result_build(struct screen_ctx *ctx);

void staff_pin_build(struct screen_ctx *ctx);
void staff_home_build(struct screen_ctx *ctx);
void staff_outbox_build(struct screen_ctx *ctx);
void staff_record_build(struct screen_ctx *ctx);
void staff_editor_build(struct screen_ctx *ctx);
void staff_pin_change_build(struct screen_ctx *ctx);
void staff_tools_build(struct screen_ctx *ctx);
void staff_help_build(struct screen_ctx *ctx);

static const struct screen_desc screens[] = {
	{"attract", attract_build, false},
	{"home", home_build, false},
	{"gallery", gallery_form_build, true},
	{"gallery.calendar", gallery_calendar_build, true},
	{"gallery.list", gallery_list_build, true},
	{"gallery.misc", gallery_misc_build, true},
	{"unavailable", unavailable_build, false},
	{"outage", outage_build, false},
	{"booking.service", booking_service_build, false},
	{"booking.office", booking_office_build, false},
	{"booking.day", booking_day_build, false},
	{"booking.slot", booking_slot_build, false},
	{"booking.people", booking_people_build, false},
	{"booking.review", booking_review_build, false},
	{"booking.done", booking_done_build, false},
	{"booking.lookup", booking_lookup_build, false},
	{"booking.lookup_result", booking_lookup_result_build, false},
	{"charity.projects", charity_projects_build, false},
	{"charity.project", charity_project_build, false},
	{"charity.amount", charity_amount_build, false},
	{"charity.donor", charity_donor_build, false},
	{"charity.review", charity_review_build, false},
	{"charity.done", charity_done_build, false},
	{"charity.withdraw", charity_withdraw_build, false},
	{"assist.home", assist_home_build, false},
	{"assist.guide", assist_guide_build, false},
	{"assist.programme", assist_programme_build, false},
	{"assist.q.household", assist_q_household_build, false},
	{"assist.q.income", assist_q_income_build, false},
	{"assist.q.assets", assist_q_assets_build, false},
	{"assist.q.members", assist_q_members_build, false},
	{"assist.q.disability", assist_q_disability_build, false},
	{"assist.q.hardship", assist_q_hardship_build, false},
	{"assist.result", assist_result_build, false},
	{"assist.status", assist_status_build, false},
	{"assist.status_result", assist_status_result_build, false},
	{"staff.pin", staff_pin_build, false},
	{"staff.home", staff_home_build, false},
	{"staff.outbox", staff_outbox_build, false},
	{"staff.record", staff_record_build, false},
	{"staff.settings", staff_editor_build, false},
	{"staff.pin_change", staff_pin_change_build, false},
	{"staff.tools", staff_tools_build, false},
	{"staff.help", staff_help_build, false},
};

const struct screen_desc *screen_find(const char *name)
{
	for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
		if (strcmp(screens[i].name, name) == 0)
			return &screens[i];
	}
	return NULL;
}
