/* Booking step 6: everything on one screen before it is sent, with personal data masked (ID numbers
 * first 4 and last 4), a change button per section, and the consent to how the data is used. Confirming
 * stores the booking durably in the outbox (only then is it "received") and wakes the sync thread. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "data/store.h"
#include "net/sync.h"
#include "core/utf8.h"
#include "screens/booking_common.h"

void booking_review_build(struct screen_ctx *ctx);

static const char *const doc_names[5] = {"resident_id", "hk_macau_permit", "taiwan_permit", "residence_permit", "passport"};

/* The booking as the backend contract wants it (API.md, POST /v1/bookings); malloc'd. */
static char *payload(struct screen_ctx *ctx, const struct booking_choice *c, int parties)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "service", c->service->id);
	cJSON_AddStringToObject(b, "office", c->office->id);
	cJSON_AddNumberToObject(b, "slot_id", (double)c->slot->id);
	cJSON_AddStringToObject(b, "phone", screen_value(ctx, "bk.phone"));
	cJSON_AddStringToObject(b, "language", text_lang_tag(ctx->ui->lang));
	cJSON *list = cJSON_AddArrayToObject(b, "parties");
	for (int i = 0; i < parties; i++) {
		char key[32], number[40];
		cJSON *p = cJSON_CreateObject();
		snprintf(key, sizeof(key), "bk.p%d.name", i);
		cJSON_AddStringToObject(p, "name", screen_value(ctx, key));
		snprintf(key, sizeof(key), "bk.p%d.type", i);
		int type = *session_int(ctx->session, key, 0);
		cJSON_AddStringToObject(p, "id_type", doc_names[type >= 0 && type < 5 ? type : 0]);
		snprintf(key, sizeof(key), "bk.p%d.id", i);
		utf8_upper_ascii(screen_value(ctx, key), number, sizeof(number));
		cJSON_AddStringToObject(p, "id_number", number);
		if (type != 0 && type != 3) {
			snprintf(key, sizeof(key), "bk.p%d.birth", i);
			char date[16];
			booking_typed_date(screen_value(ctx, key), date, sizeof(date));
			cJSON_AddStringToObject(p, "birth_date", date);
			snprintf(key, sizeof(key), "bk.p%d.sex", i);
			cJSON_AddStringToObject(p, "sex", *session_int(ctx->session, key, -1) == 1 ? "F" : "M");
		}
		cJSON_AddItemToArray(list, p);
	}
	if (strcmp(c->service->id, "divorce_certificate") == 0) {
		char date[16];
		booking_typed_date(screen_value(ctx, "bk.divorce"), date, sizeof(date));
		cJSON_AddStringToObject(b, "divorce_application_date", date);
	}
	char *json = cJSON_PrintUnformatted(b);
	cJSON_Delete(b);
	return json;
}

/* One section: a heading, lines of text, and a change button that goes back to a step. */
static void section(struct screen_ctx *ctx, struct rect *in, const char *id, const char *heading, const char *body,
		    const char *step)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const char *change = screen_text(ctx, "review.change");
	int bw = ui_button_width(ui, change, NULL, TEXT_BODY);
	if (bw < t->target * 3 / 2)
		bw = t->target * 3 / 2;
	struct rect row = {in->x, in->y, in->w, t->target};
	struct rect btn = rect_cut_right(&row, bw);
	ui_text(ui, NULL, (struct rect){row.x, row.y + (row.h - ui_line_height(ui, TEXT_HEADING)) / 2, row.w, row.h}, heading,
		TEXT_HEADING, TEXT_ALIGN_START, 1, t->text);
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role = TEXT_BODY;
	char bid[48];
	snprintf(bid, sizeof(bid), "review.change.%s", id);
	if (ui_button(ui, bid, btn, change, &look)) {
		ctx->request.nav = SCREEN_BACK_TO;
		ctx->request.go = step;
	}
	in->y += t->target + t->gap / 2;
	in->y += ui_text(ui, NULL, *in, body, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
}

void booking_review_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 6, &bar);
	if (!c.service || !c.office || !c.slot) {
		chrome_end(ctx, &ch);
		return;
	}
	struct ui_scroll scroll;
	struct rect view = {area.x, area.y, area.w, bar.y - area.y - t->gap};
	struct rect consent_row = flow_consent_row(ctx, &view);
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.review.scroll", view);
	char text[UI_TEXT_MAX * 2], day[96];
	section(ctx, &in, "service", screen_text(ctx, "review.service"), screen_ref_text(ctx, &c.service->name), "booking.service");
	snprintf(text, sizeof(text), "%s\n%s", screen_ref_text(ctx, &c.office->name), screen_ref_text(ctx, &c.office->address));
	section(ctx, &in, "office", screen_text(ctx, "review.office"), text, "booking.office");
	screen_format_date(ctx, c.day, true, day, sizeof(day));
	snprintf(text, sizeof(text), "%s %s–%s", day, c.slot->start, c.slot->end);
	section(ctx, &in, "time", screen_text(ctx, "review.time"), text, "booking.day");
	int parties = booking_party_count(ctx, c.service);
	size_t o = 0;
	text[0] = '\0';
	for (int i = 0; i < parties; i++) {
		char key[32], name[64], number[64];
		snprintf(key, sizeof(key), "bk.p%d.name", i);
		ui_mask_text(screen_value(ctx, key), UI_MASK_NAME, name, sizeof(name));
		snprintf(key, sizeof(key), "bk.p%d.id", i);
		id_document_mask(screen_value(ctx, key), number, sizeof(number));
		int w = snprintf(text + o, sizeof(text) - o, "%s%s  %s", i ? "\n" : "", name, number);
		o += w > 0 && (size_t)w < sizeof(text) - o ? (size_t)w : 0;
	}
	char phone[32];
	ui_mask_text(screen_value(ctx, "bk.phone"), UI_MASK_PHONE, phone, sizeof(phone));
	snprintf(text + o, sizeof(text) - o, "\n%s %s", screen_text(ctx, "people.phone"), phone);
	section(ctx, &in, "people", screen_text(ctx, "review.people"), text, "booking.people");
	in.y += ui_text(ui, NULL, in, screen_ref_text(ctx, &c.service->documents), TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) + t->gap;

	int *consent = session_int(ctx->session, "bk.consent", -1);
	/* The consent is a statement to read in full, then one choice to agree. */
	in.y += ui_text(ui, "review.consent.text", in, screen_text(ctx, "review.consent"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text) + t->gap / 2;
	const char *agree[1] = {screen_text(ctx, "review.agree")};
	if (!consent_row.h) {
		ui_choice(ui, "review.consent", (struct rect){in.x, in.y, in.w, t->target}, agree, 1, consent, true);
		in.y += t->target + t->gap;
	}
	ui_scroll_end(ui, &scroll, in.y);
	if (consent_row.h)
		ui_choice(ui, "review.consent", consent_row, agree, 1, consent, true);

	bool ready = *consent == 0 && ctx->kiosk->store && ctx->kiosk->can_submit;
	if (flow_next(ctx, bar, "booking.confirm", screen_text(ctx, "review.confirm"), ready)) {
		char *json = payload(ctx, &c, parties);
		char key[37], err[256];
		int64_t id = 0;
		if (json && store_submit(ctx->kiosk->store, SUB_BOOKING, json, clock_wall(), key, &id, err, sizeof(err))) {
			screen_set(ctx, "bk.key", key);
			sync_wake(ctx->kiosk->sync);
			screen_push(ctx, "booking.done");
		} else {
			ui_toast_show(ui, screen_text(ctx, "review.failed"), 6000);
		}
		if (json) {
			memset(json, 0, strlen(json));
			free(json);
		}
	}
	chrome_end(ctx, &ch);
}
