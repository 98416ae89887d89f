/* Assistance: the application status query. The ID number, then the application number or the phone
 * given on the application; "查询" asks the backend through the query worker (polled each pass
 * while the spinner turns). Online only: without an answer the screen says so plainly and never
 * shows an old status. A wrong ID number and an unknown application get the same sentence, so
 * nothing is revealed; after LOOKUP_TRIES unsuccessful lookups the session may not try again
 * (enumeration). The answer goes into the session (as.answer) for assist.status_result. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "assistance/application_status.h"
#include "core/secure.h"
#include "core/utf8.h"
#include "net/query.h"
#include "rules/id_document.h"
#include "rules/phone.h"
#include "screens/assist_common.h"
#include "screens/form_pager.h"
#include "screens/idcard_fill.h"

void assist_status_build(struct screen_ctx *ctx);

#define POLL_MS 200
#define LOOKUP_TRIES 5 /* unsuccessful lookups a session may make */

enum message { MSG_NONE, MSG_NOT_FOUND, MSG_OFFLINE, MSG_LOCKED };

/* Sends the query; false when there is no backend or the queue is full. */
static bool ask(struct screen_ctx *ctx, const char *id, bool by_phone, const char *value)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "id_number", id);
	cJSON_AddStringToObject(b, by_phone ? "phone" : "application_number", value);
	uint32_t ticket = query_post_json(ctx->kiosk->query, "/v1/assistance/status", b);
	*session_int(ctx->session, "as.ticket", 0) = (int)ticket;
	return ticket != 0;
}

/* Looks at the answer in flight; returns the message to show. */
static enum message poll(struct screen_ctx *ctx, int *ticket, bool *waiting)
{
	struct query_result r;
	enum query_state st = query_take(ctx->kiosk->query, (uint32_t)*ticket, &r);
	*waiting = st == QUERY_PENDING;
	if (st == QUERY_PENDING)
		return MSG_NONE;
	*ticket = 0;
	enum message m = MSG_OFFLINE; /* no answer, or one the kiosk cannot read: never a guess */
	struct application_answer *answer = session_blob(ctx->session, "as.answer", sizeof(*answer));
	if (st == QUERY_ANSWERED && r.status == 200 && answer && application_answer_parse(r.body, answer)) {
		screen_push(ctx, "assist.status_result");
		m = MSG_NONE;
	} else if (st == QUERY_ANSWERED && (r.status == 404 || r.status == 422)) {
		int *fails = session_int(ctx->session, "as.fails", 0);
		*fails += 1;
		m = *fails >= LOOKUP_TRIES ? MSG_LOCKED : MSG_NOT_FOUND;
	}
	query_result_finish(&r);
	return m;
}

void assist_status_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	struct ui_field *id = session_field(ctx->session, "as.id", 18);
	struct ui_field *number = session_field(ctx->session, "as.number", 16);
	struct ui_field *phone = session_field(ctx->session, "as.phone", 11);
	int *by_phone = session_int(ctx->session, "as.by_phone", 0);
	int *ticket = session_int(ctx->session, "as.ticket", 0);
	int *message = session_int(ctx->session, "as.message", MSG_NONE);
	if (!id || !number || !phone) {
		chrome_end(ctx, &ch);
		return;
	}
	bool waiting = false;
	if (*ticket)
		*message = (int)poll(ctx, ticket, &waiting);
	if (waiting)
		ui_wake_at(ui, ui->now_ms + POLL_MS);
	bool locked = *session_int(ctx->session, "as.fails", 0) >= LOOKUP_TRIES;
	if (locked)
		*message = MSG_LOCKED;

	char upper[24];
	utf8_upper_ascii(id->text, upper, sizeof(upper));
	bool id_ok = id_document_validate(ID_DOCUMENT_RESIDENT_ID, upper, NULL) == ID_DOCUMENT_OK;
	bool phone_ok = phone_mobile_valid(phone->text);
	bool number_ok = number->len >= 4;

	/* The large themes ask one question per screen: the ID number, then how to check it. */
	struct form_pager pg;
	form_pager_begin(ctx, &pg, "as.status");
	form_pager_counter(&pg, &ch, &area);
	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "assist.status.scroll", area, bar);
	const char *id_err = id_ok ? NULL : screen_text(ctx, "assist.status.id.invalid");
	if (form_question(&pg, screen_text(ctx, "assist.status.prompt"), id_err)) {
		in.y += ui_text(ui, "assist.status.prompt", in, screen_text(ctx, "assist.status.prompt"), TEXT_HEADING,
				TEXT_ALIGN_START, 0, t->text) + t->gap;
		in.y += idcard_fill_offer(ctx, in, IDCARD_FILLS_NUMBER, 1);
		struct ui_text_field_opts io = {.label = screen_text(ctx, "assist.status.id"),
						.keyboard = KEYBOARD_ID,
						.mask = UI_MASK_ID,
						.error = id->len >= 18 || form_tried(&pg) ? id_err : NULL};
		in.y += ui_text_field(ui, "assist.status.id", in, id, &io) + t->gap;
	}
	const char *check_err = *by_phone ? (phone_ok ? NULL : screen_text(ctx, "assist.status.phone.invalid"))
					  : (number_ok ? NULL : screen_text(ctx, "assist.status.number.missing"));
	if (form_question(&pg, screen_text(ctx, "assist.status.with"), check_err)) {
		const char *modes[] = {screen_text(ctx, "assist.status.by_number"), screen_text(ctx, "assist.status.by_phone")};
		in.y += ui_text(ui, "assist.status.with", in, screen_text(ctx, "assist.status.with"),
				pg.paged ? TEXT_HEADING : TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap / 3;
		ui_choice(ui, "assist.status.mode", (struct rect){in.x, in.y, in.w, t->target}, modes, 2, by_phone, false);
		in.y += t->target + t->gap;
		if (*by_phone) {
			struct ui_text_field_opts po = {.label = screen_text(ctx, "assist.status.phone"),
							.keyboard = KEYBOARD_NUMERIC,
							.mask = UI_MASK_PHONE,
							.error = phone->len >= 11 || form_tried(&pg) ? check_err : NULL};
			in.y += ui_text_field(ui, "assist.status.phone", in, phone, &po) + t->gap;
		} else {
			struct ui_text_field_opts no = {.label = screen_text(ctx, "assist.status.number"),
							.placeholder = screen_text(ctx, "assist.status.number.hint"),
							.keyboard = KEYBOARD_ALNUM,
							.error = form_tried(&pg) ? check_err : NULL};
			in.y += ui_text_field(ui, "assist.status.number", in, number, &no) + t->gap;
		}
	}
	if (waiting) {
		ui_spinner(ui, "assist.status.spinner", (struct rect){in.x + (in.w - t->target) / 2, in.y, t->target, t->target},
			   screen_text(ctx, "assist.status.searching"));
		in.y += t->target + t->gap / 2;
		in.y += ui_text(ui, "assist.status.message", in, screen_text(ctx, "assist.status.searching"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 0, t->text) + t->gap;
	} else if (*message != MSG_NONE) {
		static const char *const keys[] = {[MSG_NOT_FOUND] = "assist.status.not_found",
						   [MSG_OFFLINE] = "assist.status.offline",
						   [MSG_LOCKED] = "assist.status.locked"};
		in.y += ui_text(ui, "assist.status.message", in, screen_text(ctx, keys[*message]), TEXT_BODY, TEXT_ALIGN_START,
				0, *message == MSG_OFFLINE ? t->text : t->error) + t->gap;
	}
	ui_scroll_end(ui, &scroll, in.y);
	idcard_fill_apply(ctx, &(struct idcard_person){.number_id = "assist.status.id", .number = id}, 1);
	bool ready = id_ok && (*by_phone ? phone_ok : number_ok) && !waiting && !locked;
	if (form_pager_end(&pg, bar, "assist.status.search", screen_text(ctx, "assist.status.search"), ready)) {
		ui->focus = 0;
		char value[24];
		utf8_upper_ascii(*by_phone ? phone->text : number->text, value, sizeof(value));
		*message = ask(ctx, upper, *by_phone != 0, value) ? MSG_NONE : MSG_OFFLINE;
		secure_wipe(value, sizeof(value));
		if (*ticket)
			ui_wake_at(ui, ui->now_ms + POLL_MS);
	}
	secure_wipe(upper, sizeof(upper));
	chrome_end(ctx, &ch);
}
