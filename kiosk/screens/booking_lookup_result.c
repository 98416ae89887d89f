/* Booking lookup, the result: the state in words, the day, time and office, the ID number masked, and
 * what can be done: choose another time when the slot filled while the kiosk was offline, or cancel
 * a confirmed booking up to the day before. Cancelling asks twice (a dialog, then a second explicit
 * confirmation) and is itself an outbox submission, stored durably before "已受理取消" is said. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/booking_common.h"
#include "screens/booking_lookup_common.h"

void booking_lookup_result_build(struct screen_ctx *ctx);

/* Stores the cancellation in the outbox and wakes the sync thread; false when it cannot be stored. */
static bool submit_cancellation(struct screen_ctx *ctx)
{
	char id[40];
	size_t i = 0;
	for (const char *p = screen_value(ctx, "lk.id"); *p && i + 1 < sizeof(id); p++)
		id[i++] = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
	id[i] = '\0';
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "reference", screen_value(ctx, "lk.reference"));
	cJSON_AddStringToObject(b, "id_number", id);
	char *json = cJSON_PrintUnformatted(b);
	cJSON_Delete(b);
	char key[37], err[256];
	int64_t sub_id = 0;
	bool ok = json && ctx->kiosk->store && ctx->kiosk->can_submit &&
		  store_submit(ctx->kiosk->store, SUB_CANCELLATION, json, clock_wall(), key, &sub_id, err, sizeof(err));
	if (ok)
		sync_wake(ctx->kiosk->sync);
	if (json) {
		memset(json, 0, strlen(json));
		free(json);
	}
	memset(id, 0, sizeof(id));
	return ok;
}

/* The two confirmations; *dialog is 1 or 2 while one is up. */
static void confirm_dialogs(struct screen_ctx *ctx, int *dialog)
{
	struct ui *ui = ctx->ui;
	bool second = *dialog == 2;
	struct rect buttons = ui_dialog_begin(ui, second ? "lookup.confirm2" : "lookup.confirm1",
					     screen_text(ctx, second ? "lookup.confirm2.title" : "lookup.confirm1.title"),
					     screen_text(ctx, second ? "lookup.confirm2.body" : "lookup.confirm1.body"), 2);
	struct ui_button_look go = ui_button_look(ui, UI_BUTTON_PRIMARY), keep = ui_button_look(ui, UI_BUTTON_SECONDARY);
	go.role = keep.role = TEXT_TITLE;
	if (ui_button(ui, second ? "lookup.confirm2.yes" : "lookup.confirm1.yes", rect_cell(buttons, 0, 2, ui->theme.gap, false),
		      screen_text(ctx, second ? "lookup.confirm2.yes" : "lookup.continue"), &go)) {
		if (!second) {
			*dialog = 2;
		} else {
			*dialog = 0;
			if (submit_cancellation(ctx))
				*session_int(ctx->session, "lk.cancelled", 0) = 1;
			else
				ui_toast_show(ui, screen_text(ctx, "lookup.cancel.failed"), 6000);
		}
	}
	if (ui_button(ui, "lookup.keep", rect_cell(buttons, 1, 2, ui->theme.gap, false), screen_text(ctx, "lookup.keep"),
		      &keep))
		*dialog = 0;
	ui_dialog_end(ui);
}

void booking_lookup_result_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	booking_choice_get(ctx, &c);
	struct chrome ch = {.title = screen_text(ctx, "lookup.title")};
	struct rect area = chrome_begin(ctx, &ch);
	struct rect bar = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	enum lookup_state state = lookup_state_get(ctx);
	int *dialog = session_int(ctx->session, "lk.dialog", 0);
	bool cancelled_here = *session_int(ctx->session, "lk.cancelled", 0) != 0;

	const char *service_id = screen_value(ctx, "lk.service"), *office_id = screen_value(ctx, "lk.office");
	const struct catalog_service *service = catalog_service_find(c.catalog, service_id);
	const struct catalog_office *office = catalog_office_find(c.catalog, office_id);
	struct civil_date day = {0, 0, 0};
	bool has_day = date_parse(screen_value(ctx, "lk.date"), &day) == 0;
	bool can_cancel = state == LOOKUP_BOOKED && has_day && lookup_can_cancel(day, c.today);

	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.lookup_result.scroll",
					 (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	const char *status = screen_text(ctx, cancelled_here ? "lookup.cancel.done" : lookup_state_key(state));
	in.y += ui_text(ui, "lookup.state", in, status, TEXT_TITLE, TEXT_ALIGN_START, 0,
			state == LOOKUP_BOOKED && !cancelled_here ? t->primary : t->text) + t->gap;
	char text[UI_TEXT_MAX * 2], when[96] = "", masked[64];
	if (has_day)
		screen_format_date(ctx, day, true, when, sizeof(when));
	id_document_mask(screen_value(ctx, "lk.id"), masked, sizeof(masked));
	snprintf(text, sizeof(text), "%s %s\n%s\n%s %s–%s\n%s\n%s %s", screen_text(ctx, "done.reference"),
		 screen_value(ctx, "lk.reference"), service ? screen_ref_text(ctx, &service->name) : service_id, when,
		 screen_value(ctx, "lk.start"), screen_value(ctx, "lk.end"), office ? screen_ref_text(ctx, &office->name) : office_id,
		 screen_text(ctx, "lookup.id"), masked);
	in.y += ui_text(ui, "lookup.details", in, text, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
	const char *explain = cancelled_here		     ? "lookup.cancel.done.explain"
			      : state == LOOKUP_PROVISIONAL  ? "lookup.explain.provisional"
			      : state == LOOKUP_REBOOK	     ? "lookup.explain.rebook"
			      : state == LOOKUP_BOOKED && !can_cancel ? "lookup.cancel.too_late"
								     : NULL;
	if (explain)
		in.y += ui_text(ui, "lookup.explain", in, screen_text(ctx, explain), TEXT_BODY, TEXT_ALIGN_START, 0, t->text) +
			t->gap;
	ui_scroll_end(ui, &scroll, in.y);

	if (state == LOOKUP_REBOOK && service && office) {
		/* Back into the flow with the service and office kept: the visitor picks another day and time. */
		if (flow_next(ctx, bar, "lookup.rebook", screen_text(ctx, "lookup.rebook"), true)) {
			screen_set(ctx, "bk.service", service->id);
			screen_set(ctx, "bk.office", office->id);
			*session_int(ctx->session, "bk.day", 0) = 0;
			*session_int(ctx->session, "bk.slot", 0) = 0;
			/* the people as stored on this kiosk, so nothing is typed twice */
			const char *ref = screen_value(ctx, "lk.reference");
			struct submission sub;
			if (ctx->kiosk->store && strncmp(ref, "JH-", 3) == 0 &&
			    store_find_booking_prefix(ctx->kiosk->store, ref + 3, &sub)) {
				booking_restore_people(ctx, sub.payload, sub.payload_len);
				submission_finish(&sub);
			}
			*session_int(ctx->session, "bk.day_placed", 0) = 0;
			screen_push(ctx, "booking.day");
		}
	} else if (state == LOOKUP_BOOKED && !cancelled_here) {
		bool enabled = can_cancel && ctx->kiosk->store && ctx->kiosk->can_submit;
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_TITLE;
		look.disabled = !enabled;
		if (ui_button(ui, "lookup.cancel", bar, screen_text(ctx, "lookup.cancel"), &look))
			*dialog = 1;
	} else if (flow_next(ctx, bar, "lookup.finish", screen_text(ctx, "done.finish"), true)) {
		ctx->request.nav = SCREEN_HOME;
	}
	chrome_end(ctx, &ch);
	if (*dialog)
		confirm_dialogs(ctx, dialog);
}
