/* Booking lookup: the reference and the ID number used for the booking, then "查询". A kiosk receipt
 * number ("JH-" and 8 characters, a provisional booking made here) is found in the local outbox, offline too; a
 * backend reference (BK-…) is asked of the backend through the query worker, polled each pass while
 * the spinner turns. A wrong ID number and an unknown reference get the same sentence, so nothing is
 * revealed; no network is said honestly. The booking found goes to booking.lookup_result. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"
#include "data/store.h"
#include "net/query.h"
#include "core/utf8.h"
#include "screens/booking_common.h"
#include "screens/booking_lookup_common.h"
#include "screens/form_pager.h"
#include "screens/idcard_fill.h"

void booking_lookup_build(struct screen_ctx *ctx);

enum message { MSG_NONE, MSG_NOT_FOUND, MSG_OFFLINE };

#define POLL_MS 200

/* True when id is one of the parties' ID numbers in a booking payload. */
static bool payload_has_id(const char *payload, const char *id)
{
	cJSON *b = payload ? cJSON_Parse(payload) : NULL;
	const cJSON *p;
	bool found = false;
	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(b, "parties"))
	{
		const char *n = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "id_number"));
		char number[40];
		utf8_upper_ascii(n ? n : "", number, sizeof(number));
		if (id[0] && strcmp(number, id) == 0)
			found = true;
	}
	cJSON_Delete(b);
	return found;
}

/* A provisional (or stopped) booking made on this kiosk: the day and time from the cached slots. */
static void record_local(struct screen_ctx *ctx, const struct submission *sub, const char *reference)
{
	cJSON *b = cJSON_Parse(sub->payload);
	const char *service = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "service"));
	const char *office = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(b, "office"));
	double slot_id = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(b, "slot_id"));
	struct lookup_booking lb = {
		.state = sub->state == SUB_NEEDS_REBOOKING ? LOOKUP_REBOOK
			 : sub->state == SUB_REJECTED      ? LOOKUP_REJECTED
							   : LOOKUP_PROVISIONAL,
		.reference = reference, .service = service, .office = office};
	char date[16] = "";
	const struct catalog_slot *slots = NULL;
	int n = ctx->kiosk->booking && service && office
			? booking_data_slots(ctx->kiosk->booking, office, service, clock_wall(), &slots)
			: 0;
	for (int i = 0; i < n; i++) {
		if ((double)slots[i].id == slot_id) {
			snprintf(date, sizeof(date), "%04d-%02d-%02d", slots[i].date.year, slots[i].date.month, slots[i].date.day);
			lb.date = date;
			lb.start = slots[i].start;
			lb.end = slots[i].end;
		}
	}
	lookup_record(ctx, &lb);
	cJSON_Delete(b);
}

/* Sends the lookup to the backend; false when there is no backend or the queue is full. */
static bool ask_backend(struct screen_ctx *ctx, const char *reference, const char *id)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "reference", reference);
	cJSON_AddStringToObject(b, "id_number", id);
	uint32_t ticket = query_post_json(ctx->kiosk->query, "/v1/bookings/lookup", b);
	*session_int(ctx->session, "lk.ticket", 0) = (int)ticket;
	return ticket != 0;
}

/* Starts a lookup; returns the message to show (MSG_NONE while waiting or when found). */
static enum message start(struct screen_ctx *ctx)
{
	char reference[32], id[40];
	lookup_normalise_reference(screen_value(ctx, "lk.ref"), reference, sizeof(reference));
	utf8_upper_ascii(screen_value(ctx, "lk.id"), id, sizeof(id));
	query_drop(ctx->kiosk->query, (uint32_t)*session_int(ctx->session, "lk.ticket", 0));
	*session_int(ctx->session, "lk.ticket", 0) = 0;
	if (strncmp(reference, "JH-", 3) == 0) {
		struct submission sub;
		if (!ctx->kiosk->store || !store_find_booking_prefix(ctx->kiosk->store, reference + 3, &sub))
			return MSG_NOT_FOUND;
		enum message m = MSG_NOT_FOUND;
		if (payload_has_id(sub.payload, id)) {
			cJSON *r = sub.state == SUB_DELIVERED && sub.response ? cJSON_Parse(sub.response) : NULL;
			const char *bk = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "reference"));
			if (bk) { /* confirmed since: the backend has the current state */
				m = ask_backend(ctx, bk, id) ? MSG_NONE : MSG_OFFLINE;
			} else {
				record_local(ctx, &sub, reference);
				screen_push(ctx, "booking.lookup_result");
				m = MSG_NONE;
			}
			cJSON_Delete(r);
		}
		submission_finish(&sub);
		return m;
	}
	return ask_backend(ctx, reference, id) ? MSG_NONE : MSG_OFFLINE;
}

/* Looks at the answer to the lookup in flight; returns the message to show. */
static enum message poll(struct screen_ctx *ctx, int *ticket, bool *waiting)
{
	struct query_result r;
	enum query_state st = query_take(ctx->kiosk->query, (uint32_t)*ticket, &r);
	*waiting = st == QUERY_PENDING;
	if (st == QUERY_PENDING)
		return MSG_NONE;
	*ticket = 0;
	enum message m = MSG_OFFLINE;
	if (st == QUERY_ANSWERED && r.status == 200 && lookup_record_json(ctx, r.body)) {
		screen_push(ctx, "booking.lookup_result");
		m = MSG_NONE;
	} else if (st == QUERY_ANSWERED && (r.status == 404 || r.status == 422)) {
		m = MSG_NOT_FOUND; /* unknown reference, wrong or malformed ID number: the same words */
	}
	query_result_finish(&r);
	return m;
}

void booking_lookup_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch = {.title = screen_text(ctx, "lookup.title")};
	struct rect area = chrome_begin(ctx, &ch);
	struct rect bar = ch.keyboard.h ? (struct rect){0} : rect_cut_bottom(&area, t->target);
	if (bar.h)
		rect_cut_bottom(&area, t->gap);
	struct ui_field *ref = session_field(ctx->session, "lk.ref", 20);
	struct ui_field *id = session_field(ctx->session, "lk.id", 18);
	int *ticket = session_int(ctx->session, "lk.ticket", 0);
	int *message = session_int(ctx->session, "lk.message", MSG_NONE);
	if (!ref || !id) {
		chrome_end(ctx, &ch);
		return;
	}
	bool waiting = false;
	if (*ticket)
		*message = (int)poll(ctx, ticket, &waiting);
	if (waiting)
		ui_wake_at(ui, ui->now_ms + POLL_MS);

	struct form_pager pg;
	form_pager_begin(ctx, &pg, "lk.form");
	form_pager_counter(&pg, &ch, &area);
	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "booking.lookup.scroll", area, bar);
	in.y += ui_text(ui, "lookup.prompt", in, screen_text(ctx, "lookup.prompt"), TEXT_HEADING, TEXT_ALIGN_START, 0,
			t->text) + t->gap;
	/* The large themes ask one question per screen: the reference, then the document number. */
	const char *ref_err = ref->len ? NULL : screen_text(ctx, "lookup.reference.missing");
	if (form_question(&pg, screen_text(ctx, "lookup.reference"), ref_err)) {
		struct ui_text_field_opts ro = {.label = screen_text(ctx, "lookup.reference"),
						.placeholder = screen_text(ctx, "lookup.reference.hint"),
						.keyboard = KEYBOARD_ALNUM,
						.error = form_tried(&pg) ? ref_err : NULL};
		in.y += ui_text_field(ui, "lookup.ref", in, ref, &ro) + t->gap;
	}
	const char *id_err = id->len ? NULL : screen_text(ctx, "lookup.id.missing");
	if (form_question(&pg, screen_text(ctx, "lookup.id"), id_err)) {
		in.y += idcard_fill_offer(ctx, in, IDCARD_FILLS_NUMBER, 1);
		struct ui_text_field_opts io = {.label = screen_text(ctx, "lookup.id"),
						.keyboard = KEYBOARD_ID,
						.mask = UI_MASK_ID,
						.error = form_tried(&pg) ? id_err : NULL};
		in.y += ui_text_field(ui, "lookup.id", in, id, &io) + t->gap;
	}
	if (waiting) {
		ui_spinner(ui, "lookup.spinner", (struct rect){in.x + (in.w - t->target) / 2, in.y, t->target, t->target},
			   screen_text(ctx, "lookup.searching"));
		in.y += t->target + t->gap / 2;
		in.y += ui_text(ui, "lookup.status", in, screen_text(ctx, "lookup.searching"), TEXT_BODY, TEXT_ALIGN_CENTER, 0,
				t->text) + t->gap;
	} else if (*message != MSG_NONE) {
		const char *key = *message == MSG_NOT_FOUND ? "lookup.not_found" : "lookup.offline";
		in.y += ui_text(ui, "lookup.message", in, screen_text(ctx, key), TEXT_BODY, TEXT_ALIGN_START, 0,
				*message == MSG_NOT_FOUND ? t->error : t->text) + t->gap;
	}
	ui_scroll_end(ui, &scroll, in.y);
	idcard_fill_apply(ctx, &(struct idcard_person){.number_id = "lookup.id", .number = id}, 1);
	bool ready = ref->len > 0 && id->len > 0 && !waiting;
	if (form_pager_end(&pg, bar, "lookup.search", screen_text(ctx, "lookup.search"), ready)) {
		ui->focus = 0;
		*message = (int)start(ctx);
		if (*ticket)
			ui_wake_at(ui, ui->now_ms + POLL_MS);
	}
	chrome_end(ctx, &ch);
}
