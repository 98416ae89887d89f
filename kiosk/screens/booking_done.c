/* Booking, done: the reference large and as a QR code, the day, time, office and what to bring, and
 * the state in plain words. "已确认" once the backend confirmed (the sync thread usually manages within
 * a second or two); until then "已受理，待确认" with the kiosk's own receipt number, which is what
 * the visitor can quote. A printed receipt is offered where a printer is ready (screens/print_offer.h). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "data/store.h"
#include "screens/booking_common.h"
#include "screens/print_offer.h"

void booking_done_build(struct screen_ctx *ctx);

#define CONFIRM_WAIT_MS 3000

void booking_done_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 0, &bar);
	const char *key = screen_value(ctx, "bk.key");
	struct submission sub;
	bool found = ctx->kiosk->store && key[0] && store_find_key(ctx->kiosk->store, key, &sub);
	char reference[64] = "";
	char reason_key[96] = "";
	enum submission_state state = SUB_PENDING;
	if (found) {
		state = sub.state;
		/* Why the backend refused, in the visitor's words, when the catalogue has a sentence for it. */
		if (state == SUB_REJECTED && sub.error_code[0]) {
			snprintf(reason_key, sizeof(reason_key), "done.rejected.%s", sub.error_code);
			if (strcmp(screen_text(ctx, reason_key), reason_key) == 0)
				reason_key[0] = '\0';
		}
		cJSON *r = sub.response ? cJSON_Parse(sub.response) : NULL;
		const char *ref = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "reference"));
		if (ref && state == SUB_DELIVERED)
			snprintf(reference, sizeof(reference), "%s", ref);
		cJSON_Delete(r);
		submission_finish(&sub);
	}
	if (!reference[0]) /* the kiosk's own receipt number: from the key, the same at lookup */
		snprintf(reference, sizeof(reference), "JH-%.8s", key);
	for (char *p = reference; *p; p++)
		*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);

	/* Give the backend a moment to confirm before saying "provisional" (the app clock, in seconds,
	 * plus one so that 0 means "not yet shown"). */
	int *shown_at = session_int(ctx->session, "bk.done_at", 0);
	int now_s = (int)(ui->now_ms / 1000u) + 1;
	if (*shown_at == 0)
		*shown_at = now_s;
	bool waiting = state == SUB_PENDING && now_s - *shown_at < CONFIRM_WAIT_MS / 1000;
	if (waiting)
		ui_wake_at(ui, ui->now_ms + 250);

	const char *status_key = state == SUB_DELIVERED ? "done.confirmed"
				 : state == SUB_NEEDS_REBOOKING ? "done.rebook"
				 : state == SUB_REJECTED ? "done.rejected"
				 : waiting ? "done.sending"
					   : "done.provisional";
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.done.scroll",
					 (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	in.y += ui_text(ui, "done.status", in, screen_text(ctx, status_key), TEXT_TITLE, TEXT_ALIGN_CENTER, 0,
			state == SUB_DELIVERED ? t->primary : t->text) + t->gap;
	if (reason_key[0]) /* refused: why comes first; a reference for a refused booking helps nobody */
		in.y += ui_text(ui, "done.reason", in, screen_text(ctx, reason_key), TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text) +
			t->gap;
	if (waiting) {
		ui_spinner(ui, "done.spinner", (struct rect){in.x + (in.w - t->target) / 2, in.y, t->target, t->target}, NULL);
		in.y += t->target + t->gap;
	}
	if (state != SUB_REJECTED) {
		in.y += ui_text(ui, "done.reference.label", in, screen_text(ctx, "done.reference"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 1, t->text_muted);
		in.y += ui_text(ui, "done.reference", in, reference, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 1, t->text) + t->gap;
		int qr = t->target * 3;
		ui_qr(ui, "done.qr", (struct rect){in.x + (in.w - qr) / 2, in.y, qr, qr}, reference, reference);
		in.y += qr + t->gap;
	}
	if (state != SUB_REJECTED && !waiting) /* a receipt of what is on screen, where a printer is ready */
		in.y += print_offer_booking(ctx, in, reference, screen_text(ctx, status_key), &c);
	if (c.service && c.office && c.slot) {
		char day[96], text[UI_TEXT_MAX * 2];
		screen_format_date(ctx, c.day, true, day, sizeof(day));
		snprintf(text, sizeof(text), "%s\n%s %s–%s\n%s\n%s", screen_ref_text(ctx, &c.service->name), day, c.slot->start,
			 c.slot->end, screen_ref_text(ctx, &c.office->name), screen_ref_text(ctx, &c.office->address));
		in.y += ui_text(ui, "done.details", in, text, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text) + t->gap;
		in.y += ui_text(ui, "done.documents", in, screen_ref_text(ctx, &c.service->documents), TEXT_BODY, TEXT_ALIGN_CENTER,
				0, t->text_muted) + t->gap;
	}
	if (state == SUB_PENDING && !waiting)
		in.y += ui_text(ui, "done.explain", in, screen_text(ctx, "done.provisional.explain"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 0, t->text) + t->gap;

	ui_scroll_end(ui, &scroll, in.y);
	if (flow_next(ctx, bar, "done.finish", screen_text(ctx, "done.finish"), true))
		ctx->request.nav = SCREEN_HOME;
	chrome_end(ctx, &ch);
}
