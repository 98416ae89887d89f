/* Withdrawing a pledge: within 10 minutes of pledging, at a kiosk, with its reference. Opened from the
 * done screen (the pledge known) or from the projects screen, where the reference is typed: the kiosk's
 * "JC-…" is found in the local outbox, offline too; a "PL-…" the backend gave this kiosk is found
 * through the outbox's delivered answers; a reference from elsewhere gets a sentence saying to ask
 * staff or use the payment page. The pledge is shown (project, amount, when) with what can be done:
 * within the window (the kiosk's clock) "撤回认捐" asks twice, then stores the withdrawal in the outbox
 * (it travels behind its pledge) and says 已撤回 once the backend answered, 撤回待同步 until then, or why
 * the backend refused; after the window the kiosk says it cannot withdraw any more, and why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "charity/pledge_record.h"
#include "core/secure.h"
#include "core/template.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/charity_common.h"

void charity_withdraw_build(struct screen_ctx *ctx);

enum message { MSG_NONE, MSG_FORMAT, MSG_NOT_FOUND, MSG_FAILED, MSG_TOO_LATE };

#define CONFIRM_WAIT_MS 3000

/* True when a normalised reference has the form of a pledge reference: "JC-" and 8 hex digits, or
 * "PL-" and 8 letters and digits. */
static bool well_formed(const char *ref)
{
	if (strlen(ref) != 11 || ref[2] != '-')
		return false;
	if (strncmp(ref, "JC", 2) == 0)
		return strspn(ref + 3, "0123456789ABCDEF") == 8;
	return strncmp(ref, "PL", 2) == 0 && strspn(ref + 3, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 8;
}

/* Looks the typed reference up; returns the message to show (MSG_NONE when found). */
static enum message find(struct screen_ctx *ctx)
{
	char reference[32];
	pledge_reference_normalise(screen_value(ctx, "ch.wd.ref"), reference, sizeof(reference));
	if (!well_formed(reference))
		return MSG_FORMAT;
	struct pledge_record rec;
	if (!ctx->kiosk->store || !pledge_record_find(ctx->kiosk->store, reference, &rec))
		return MSG_NOT_FOUND;
	screen_set(ctx, "ch.wd.key", rec.key);
	*session_int(ctx->session, "ch.wd.done_at", 0) = 0;
	return MSG_NONE;
}

/* Stores the withdrawal; the message to show (MSG_NONE when stored). */
static enum message submit(struct screen_ctx *ctx, const struct pledge_record *rec)
{
	int64_t now = clock_wall();
	if (pledge_withdraw_seconds_left(rec, now) <= 0)
		return MSG_TOO_LATE;
	char *json = pledge_withdrawal_json(rec, now, text_lang_tag(ctx->ui->lang));
	char key[37], err[256];
	int64_t id = 0;
	bool ok = json && ctx->kiosk->store && ctx->kiosk->can_submit &&
		  store_submit(ctx->kiosk->store, SUB_PLEDGE_WITHDRAWAL, json, now, key, &id, err, sizeof(err));
	if (ok) {
		sync_wake(ctx->kiosk->sync);
		*session_int(ctx->session, "ch.wd.done_at", 0) = 0;
	}
	if (json) {
		secure_wipe(json, strlen(json));
		free(json);
	}
	return ok ? MSG_NONE : MSG_FAILED;
}

/* The two confirmations; *dialog is 1 or 2 while one is up. */
static void confirm_dialogs(struct screen_ctx *ctx, int *dialog, const struct pledge_record *rec, int *message)
{
	struct ui *ui = ctx->ui;
	bool second = *dialog == 2;
	struct rect buttons = ui_dialog_begin(
		ui, second ? "charity.withdraw.confirm2" : "charity.withdraw.confirm1",
		screen_text(ctx, second ? "charity.withdraw.confirm2.title" : "charity.withdraw.confirm1.title"),
		screen_text(ctx, second ? "charity.withdraw.confirm2.body" : "charity.withdraw.confirm1.body"), 2);
	struct ui_button_look go = ui_button_look(ui, UI_BUTTON_PRIMARY), keep = ui_button_look(ui, UI_BUTTON_SECONDARY);
	go.role = keep.role = TEXT_TITLE;
	if (ui_button(ui, second ? "charity.withdraw.confirm2.yes" : "charity.withdraw.confirm1.yes",
		      rect_cell(buttons, 0, 2, ui->theme.gap, false),
		      screen_text(ctx, second ? "charity.withdraw.confirm2.yes" : "charity.withdraw.confirm1.yes"), &go)) {
		if (!second) {
			*dialog = 2;
		} else {
			*dialog = 0;
			*message = (int)submit(ctx, rec);
		}
	}
	if (ui_button(ui, "charity.withdraw.keep", rect_cell(buttons, 1, 2, ui->theme.gap, false),
		      screen_text(ctx, "charity.withdraw.keep"), &keep))
		*dialog = 0;
	ui_dialog_end(ui);
}

static const char *message_key(enum message m)
{
	switch (m) {
	case MSG_FORMAT:
		return "charity.withdraw.err.format";
	case MSG_NOT_FOUND:
		return "charity.withdraw.err.not_found";
	case MSG_FAILED:
		return "charity.withdraw.err.failed";
	case MSG_TOO_LATE:
		return "charity.withdraw.too_late";
	case MSG_NONE:
		break;
	}
	return NULL;
}

/* Typing the reference. */
static void entry(struct screen_ctx *ctx, struct rect area, struct rect bar, int *message)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct ui_field *ref = session_field(ctx->session, "ch.wd.ref", 12);
	if (!ref)
		return;
	struct ui_scroll scroll;
	struct rect view = area;
	if (bar.h)
		view.h = bar.y - area.y - t->gap;
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.withdraw.scroll", view);
	in.y += ui_text(ui, "charity.withdraw.prompt", in, screen_text(ctx, "charity.withdraw.prompt"), TEXT_HEADING,
			TEXT_ALIGN_START, 0, t->text) + t->gap;
	const char *error = *message == MSG_FORMAT ? screen_text(ctx, message_key(MSG_FORMAT)) : NULL;
	struct ui_text_field_opts ro = {.label = screen_text(ctx, "charity.withdraw.reference"),
					.placeholder = screen_text(ctx, "charity.withdraw.reference.hint"),
					.error = error,
					.keyboard = KEYBOARD_ALNUM};
	in.y += ui_text_field(ui, "charity.withdraw.ref", in, ref, &ro) + t->gap;
	if (*message == MSG_NOT_FOUND)
		in.y += ui_text(ui, "charity.withdraw.message", in, screen_text(ctx, message_key(MSG_NOT_FOUND)), TEXT_BODY,
				TEXT_ALIGN_START, 0, t->error) + t->gap;
	in.y += ui_text(ui, "charity.withdraw.rule", in, screen_text(ctx, "charity.withdraw.rule"), TEXT_BODY,
			TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	ui_scroll_end(ui, &scroll, in.y);
	if (flow_next(ctx, bar, "charity.withdraw.find", screen_text(ctx, "charity.withdraw.find"), ref->len > 0)) {
		ui->focus = 0;
		*message = (int)find(ctx);
	}
}

void charity_withdraw_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	charity_choice_get(ctx, &c);
	struct chrome ch;
	struct rect bar;
	struct rect area = flow_begin(ctx, &ch, screen_text(ctx, "charity.withdraw.title"), 0, 0, &bar);
	int *message = session_int(ctx->session, "ch.wd.message", MSG_NONE);
	int *dialog = session_int(ctx->session, "ch.wd.dialog", 0);
	struct pledge_record rec;
	const char *key = screen_value(ctx, "ch.wd.key");
	if (!key[0] || !ctx->kiosk->store || !pledge_record_by_key(ctx->kiosk->store, key, &rec)) {
		entry(ctx, area, bar, message);
		chrome_end(ctx, &ch);
		return;
	}
	const struct charity_project *p = charity_project_find(c.catalog, rec.project_id);
	int64_t now = clock_wall();
	int left = pledge_withdraw_seconds_left(&rec, now);
	bool refused = rec.state == SUB_REJECTED || rec.state == SUB_NEEDS_REBOOKING;

	/* A withdrawal just stored: a moment for the backend before saying "待同步". */
	int *shown_at = session_int(ctx->session, "ch.wd.done_at", 0);
	int now_s = (int)(ui->now_ms / 1000u) + 1;
	bool waiting = false;
	if (rec.withdrawal == PLEDGE_WITHDRAWAL_PENDING) {
		if (*shown_at == 0)
			*shown_at = now_s;
		waiting = now_s - *shown_at < CONFIRM_WAIT_MS / 1000;
		if (waiting)
			ui_wake_at(ui, ui->now_ms + 250);
	}
	const char *state_key = refused				      ? "charity.withdraw.state.refused_pledge"
				: rec.withdrawal == PLEDGE_WITHDRAWN  ? "charity.state.withdrawn"
				: waiting			      ? "charity.withdraw.sending"
				: rec.withdrawal == PLEDGE_WITHDRAWAL_PENDING ? "charity.state.withdrawal_pending"
				: rec.withdrawal == PLEDGE_WITHDRAWAL_REFUSED ? "charity.withdraw.state.refused"
				: left > 0				      ? "charity.withdraw.state.open"
									      : "charity.withdraw.state.closed";

	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.withdraw.scroll",
					 (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	in.y += ui_text(ui, "charity.withdraw.state", in, screen_text(ctx, state_key), TEXT_TITLE, TEXT_ALIGN_START, 0,
			rec.withdrawal == PLEDGE_WITHDRAWN ? t->primary : t->text) + t->gap;
	if (waiting) {
		ui_spinner(ui, "charity.withdraw.spinner", (struct rect){in.x + (in.w - t->target) / 2, in.y, t->target, t->target},
			   screen_text(ctx, "charity.withdraw.sending"));
		in.y += t->target + t->gap;
	}
	char money[64], when[40], details[UI_TEXT_MAX * 4 + 4], lines[4][UI_TEXT_MAX];
	charity_money(ctx, rec.amount_fen, true, money, sizeof(money));
	charity_time_of(ctx, rec.created_at, when, sizeof(when));
	char refs[64];
	if (rec.reference[0])
		screen_paren(ctx, rec.reference, rec.kiosk_reference, refs, sizeof(refs));
	else
		snprintf(refs, sizeof(refs), "%s", rec.kiosk_reference);
	charity_line(ctx, "charity.withdraw.line.reference", "value", refs, lines[0], sizeof(lines[0]));
	charity_line(ctx, "charity.withdraw.line.project", "value", p ? screen_ref_text(ctx, &p->name) : rec.project_id,
		     lines[1], sizeof(lines[1]));
	charity_line(ctx, "charity.withdraw.line.amount", "value", money, lines[2], sizeof(lines[2]));
	charity_line(ctx, "charity.withdraw.line.when", "value", when, lines[3], sizeof(lines[3]));
	snprintf(details, sizeof(details), "%s\n%s\n%s\n%s", lines[0], lines[1], lines[2], lines[3]);
	in.y += ui_text(ui, "charity.withdraw.details", in, details, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;

	char explain[UI_TEXT_MAX * 2] = "";
	if (refused) {
		snprintf(explain, sizeof(explain), "%s", screen_text(ctx, "charity.withdraw.explain.refused_pledge"));
	} else if (rec.withdrawal == PLEDGE_WITHDRAWN) {
		snprintf(explain, sizeof(explain), "%s", screen_text(ctx, "charity.withdraw.explain.withdrawn"));
	} else if (rec.withdrawal == PLEDGE_WITHDRAWAL_PENDING && !waiting) {
		snprintf(explain, sizeof(explain), "%s", screen_text(ctx, "charity.withdraw.explain.pending"));
	} else if (rec.withdrawal == PLEDGE_WITHDRAWAL_REFUSED) {
		char rk[96];
		snprintf(rk, sizeof(rk), "charity.withdraw.refused.%s", rec.withdrawal_error);
		const char *why = screen_text(ctx, rk);
		snprintf(explain, sizeof(explain), "%s",
			 rec.withdrawal_error[0] && strcmp(why, rk) != 0 ? why : screen_text(ctx, "charity.withdraw.refused.other"));
	} else if (rec.withdrawal == PLEDGE_NOT_WITHDRAWN && left > 0) {
		char minutes[16];
		snprintf(minutes, sizeof(minutes), "%d", (left + 59) / 60);
		const char *mn[1] = {"minutes"}, *mv[1] = {minutes};
		template_fill_text(explain, sizeof(explain), screen_text(ctx, "charity.withdraw.explain.open"), mn, mv, 1);
	} else if (rec.withdrawal == PLEDGE_NOT_WITHDRAWN) {
		snprintf(explain, sizeof(explain), "%s", screen_text(ctx, "charity.withdraw.too_late"));
	}
	if (explain[0])
		in.y += ui_text(ui, "charity.withdraw.explain", in, explain, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
	if (*message == MSG_FAILED || *message == MSG_TOO_LATE)
		in.y += ui_text(ui, "charity.withdraw.message", in, screen_text(ctx, message_key((enum message)*message)),
				TEXT_BODY, TEXT_ALIGN_START, 0, t->error) + t->gap;
	ui_scroll_end(ui, &scroll, in.y);

	bool can = !refused && rec.withdrawal == PLEDGE_NOT_WITHDRAWN && left > 0;
	if (can) {
		bool enabled = ctx->kiosk->can_submit;
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_TITLE;
		look.disabled = !enabled;
		if (bar.h && ui_button(ui, "charity.withdraw.go", bar, screen_text(ctx, "charity.withdraw.go"), &look)) {
			*message = MSG_NONE;
			*dialog = 1;
		}
	} else if (flow_next(ctx, bar, "charity.withdraw.finish", screen_text(ctx, "done.finish"), true)) {
		ctx->request.nav = SCREEN_HOME;
	}
	chrome_end(ctx, &ch);
	if (*dialog && can)
		confirm_dialogs(ctx, dialog, &rec, message);
	else
		*dialog = 0;
}
