/* staff.record: one stopped submission: what it is, when it was made, how often it was tried, why it
 * stopped (the backend's status and error code, never its free text) and its payload with personal
 * data masked. "重试" sends it again under the same idempotency key; "丢弃" asks twice: a dialog, then
 * a typed reason (at least 4 characters) and a last confirmation; both are audited with the record's
 * kind, the first 8 characters of its key and the error code (the reason as typed, long digit runs
 * starred). */
#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "core/utf8.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/staff_common.h"
#include "staff/audit.h"
#include "staff/masked_payload.h"

void staff_record_build(struct screen_ctx *ctx);

enum step { STEP_VIEW, STEP_CONFIRM, STEP_REASON, STEP_DONE_RETRY, STEP_DONE_DISCARD, STEP_FAILED };

#define REASON_MIN_CHARS 4

static void describe(const struct submission *sub, char *out, size_t len)
{
	snprintf(out, len, "%s %.8s (%s)", submission_kind_name(sub->kind), sub->key,
		 sub->error_code[0] ? sub->error_code : "no error code");
}

/* The record's facts and masked payload from the top of r; returns the height. */
static int details(struct screen_ctx *ctx, struct rect r, const struct submission *sub)
{
	const struct theme *t = &ctx->ui->theme;
	int y0 = r.y;
	char kind_key[48], state_key[48], value[UI_TEXT_MAX];
	snprintf(kind_key, sizeof(kind_key), "staff.kind.%s", submission_kind_name(sub->kind));
	snprintf(state_key, sizeof(state_key), "staff.state.%s", submission_state_name(sub->state));
	r.y += staff_row(ctx, "staff.record.kind", r, screen_text(ctx, "staff.record.kind"), screen_text(ctx, kind_key), t->text);
	r.y += staff_row(ctx, "staff.record.state", r, screen_text(ctx, "staff.record.state"), screen_text(ctx, state_key),
			 sub->state == SUB_DELIVERED ? t->text : t->error);
	snprintf(value, sizeof(value), "%.8s", sub->key);
	r.y += staff_row(ctx, "staff.record.key", r, screen_text(ctx, "staff.record.key"), value, t->text);
	staff_format_time(sub->created_at, value, sizeof(value));
	r.y += staff_row(ctx, "staff.record.created", r, screen_text(ctx, "staff.record.created"), value, t->text);
	snprintf(value, sizeof(value), "%d", sub->attempts);
	r.y += staff_row(ctx, "staff.record.attempts", r, screen_text(ctx, "staff.record.attempts"), value, t->text);
	snprintf(value, sizeof(value), "%s", sub->error_message[0] ? sub->error_message : "—");
	r.y += staff_row(ctx, "staff.record.reason", r, screen_text(ctx, "staff.record.reason"), value, t->error) + t->gap;
	r.y += staff_heading(ctx, "staff.record.payload", r, screen_text(ctx, "staff.record.payload")) + t->gap / 2;
	char lines[16][MASKED_LINE_MAX];
	int n = sub->payload ? masked_payload_lines(sub->payload, lines, 16) : 0;
	if (n == 0)
		r.y += ui_text(ctx->ui, "staff.record.payload.none", r, screen_text(ctx, "staff.record.purged"), TEXT_BODY,
			       TEXT_ALIGN_START, 0, t->text_muted);
	for (int i = 0; i < n; i++) {
		char id[UI_ID_MAX];
		snprintf(id, sizeof(id), "staff.record.line.%d", i);
		r.y += ui_text(ctx->ui, id, r, lines[i], TEXT_BODY, TEXT_ALIGN_START, 2, t->text);
	}
	return r.y - y0;
}

void staff_record_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.record.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	int *step = session_int(ctx->session, "st.record.step", STEP_VIEW);
	int id = *session_int(ctx->session, "st.record", 0);
	struct ui_field *reason = session_field(ctx->session, "st.record.reason", 60);
	struct submission sub;
	memset(&sub, 0, sizeof(sub));
	bool found = sm && sm->active && ctx->kiosk->store && store_get(ctx->kiosk->store, id, &sub);
	if (!sm || !sm->active || !reason) {
		staff_end(ctx, &c);
		return;
	}
	if (*step == STEP_DONE_RETRY || *step == STEP_DONE_DISCARD || *step == STEP_FAILED || !found) {
		const char *key = *step == STEP_DONE_RETRY ? "staff.record.retried"
				  : *step == STEP_DONE_DISCARD ? "staff.record.discarded"
				  : *step == STEP_FAILED	 ? "staff.record.failed"
								 : "staff.record.gone";
		rect_cut_top(&area, ui_text(ui, "staff.record.result", area, screen_text(ctx, key), TEXT_HEADING,
					    TEXT_ALIGN_START, 0, *step == STEP_FAILED ? t->error : t->text) + t->pad);
		if (staff_button(ctx, "staff.record.back", rect_cut_top(&area, t->target), screen_text(ctx, "staff.record.to_outbox"),
				 UI_BUTTON_PRIMARY, true))
			ctx->request.nav = SCREEN_BACK;
		submission_finish(&sub);
		staff_end(ctx, &c);
		return;
	}
	bool stopped = sub.state == SUB_REJECTED || sub.state == SUB_NEEDS_REBOOKING;
	char what[128], detail[AUDIT_DETAIL_MAX];
	describe(&sub, what, sizeof(what));

	if (*step == STEP_REASON) { /* the second confirmation: a reason, typed */
		struct rect bar = c.keyboard.h ? (struct rect){0} : rect_cut_bottom(&area, t->target);
		if (bar.h)
			rect_cut_bottom(&area, t->gap);
		rect_cut_top(&area, ui_text(ui, "staff.record.reason_prompt", area, screen_text(ctx, "staff.record.reason_prompt"),
					    TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap);
		size_t chars = utf8_count(reason->text, reason->len);
		bool left = ui->focus != ui_hash("staff.record.reason") && reason->len > 0;
		struct ui_text_field_opts o = {.label = screen_text(ctx, "staff.record.reason_label"),
					       .keyboard = KEYBOARD_CHINESE,
					       .error = left && chars < REASON_MIN_CHARS ? screen_text(ctx, "staff.record.reason_short") : NULL};
		ui_text_field(ui, "staff.record.reason", area, reason, &o);
		if (bar.h) {
			struct rect cancel = rect_cut_left(&bar, bar.w / 3);
			rect_cut_left(&bar, t->gap);
			if (staff_button(ctx, "staff.record.keep", cancel, screen_text(ctx, "staff.no"), UI_BUTTON_SECONDARY, true)) {
				ui_field_clear(reason);
				*step = STEP_VIEW;
			}
			if (staff_button(ctx, "staff.record.discard_final", bar, screen_text(ctx, "staff.record.discard_final"),
					 UI_BUTTON_PRIMARY, stopped && chars >= REASON_MIN_CHARS)) {
				snprintf(detail, sizeof(detail), "%s; reason: %s", what, reason->text);
				if (store_discard(ctx->kiosk->store, sub.id)) {
					audit_write(sm->data_dir, "record_discarded", "ok", detail);
					*step = STEP_DONE_DISCARD;
				} else {
					audit_write(sm->data_dir, "record_discarded", "failed", detail);
					*step = STEP_FAILED;
				}
				ui_field_clear(reason);
			}
		}
		submission_finish(&sub);
		staff_end(ctx, &c);
		return;
	}

	struct rect actions = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "staff.record.scroll", area);
	ui_scroll_end(ui, &scroll, in.y + details(ctx, in, &sub));
	bool can_retry = stopped && sub.payload;
	if (staff_button(ctx, "staff.record.retry", rect_cell(actions, 0, 2, t->gap, true), screen_text(ctx, "staff.record.retry"),
			 UI_BUTTON_PRIMARY, can_retry)) {
		if (store_retry(ctx->kiosk->store, sub.id, clock_wall())) {
			audit_write(sm->data_dir, "record_retry", "ok", what);
			sync_wake(ctx->kiosk->sync);
			*step = STEP_DONE_RETRY;
		} else {
			audit_write(sm->data_dir, "record_retry", "failed", what);
			*step = STEP_FAILED;
		}
	}
	if (staff_button(ctx, "staff.record.discard", rect_cell(actions, 1, 2, t->gap, true),
			 screen_text(ctx, "staff.record.discard"), UI_BUTTON_SECONDARY, stopped))
		*step = STEP_CONFIRM;
	if (*step == STEP_CONFIRM) {
		struct rect buttons = ui_dialog_begin(ui, "staff.record.confirm", screen_text(ctx, "staff.record.confirm"),
						      screen_text(ctx, "staff.record.confirm_body"), 1);
		if (staff_button(ctx, "staff.record.confirm.yes", rect_cell(buttons, 0, 2, t->gap, true),
				 screen_text(ctx, "staff.record.confirm_yes"), UI_BUTTON_PRIMARY, true)) {
			ui_field_clear(reason);
			*step = STEP_REASON;
			ui_focus(ui, "staff.record.reason");
		}
		if (staff_button(ctx, "staff.record.confirm.no", rect_cell(buttons, 1, 2, t->gap, true), screen_text(ctx, "staff.no"),
				 UI_BUTTON_SECONDARY, true))
			*step = STEP_VIEW;
		ui_dialog_end(ui);
	}
	submission_finish(&sub);
	staff_end(ctx, &c);
}
