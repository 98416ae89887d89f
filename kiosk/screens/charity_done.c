/* Pledge, done: thanks, the state in plain words, the reference large, and a QR code for paying later.
 * Once the backend confirmed (usually within a second or two) the reference is its "PL-…" and the QR
 * code its payment link, with the date the link expires. Until then the pledge is "已受理，待同步": the
 * reference is the kiosk's own "JC-…", the QR code points at the charity's lookup page for that
 * reference on this kiosk (text pledge.lookup_url), and the screen says the payment link becomes active
 * once the kiosk has synced. Then what happens next, and the withdrawal note: for 10 minutes the pledge
 * can be withdrawn at this kiosk with its reference ("撤回认捐" here while that lasts). A pledge the backend
 * refused says why instead. The kiosk never takes payment. A printed receipt is offered where a printer
 * is ready (screens/print_offer.h). */
#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "charity/pledge_record.h"
#include "core/template.h"
#include "screens/charity_common.h"
#include "screens/print_offer.h"

void charity_done_build(struct screen_ctx *ctx);

#define CONFIRM_WAIT_MS 3000

/* The sentence for a refusal ("charity.rejected.project_closed"), or the general one. */
static const char *refusal(struct screen_ctx *ctx, const char *code, const char *fallback)
{
	char key[96];
	snprintf(key, sizeof(key), "charity.rejected.%s", code);
	const char *text = screen_text(ctx, key);
	return code[0] && strcmp(text, key) != 0 ? text : screen_text(ctx, fallback);
}

void charity_done_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 0, &bar);
	struct pledge_record rec;
	bool found = ctx->kiosk->store && pledge_record_by_key(ctx->kiosk->store, screen_value(ctx, "ch.key"), &rec);
	if (!found) { /* cannot happen after a stored pledge; said calmly all the same */
		ui_text(ui, "charity.done.status", area, screen_text(ctx, "charity.review.failed"), TEXT_BODY, TEXT_ALIGN_START,
			0, t->text);
		chrome_end(ctx, &ch);
		return;
	}
	const struct charity_project *p = charity_project_find(c.catalog, rec.project_id);

	/* Give the backend a moment to confirm before saying "待同步" (app clock seconds, plus one so that
	 * 0 means "not yet shown"). */
	int *shown_at = session_int(ctx->session, "ch.done_at", 0);
	int now_s = (int)(ui->now_ms / 1000u) + 1;
	if (*shown_at == 0)
		*shown_at = now_s;
	bool waiting = rec.state == SUB_PENDING && now_s - *shown_at < CONFIRM_WAIT_MS / 1000;
	if (waiting)
		ui_wake_at(ui, ui->now_ms + 250);
	bool confirmed = rec.state == SUB_DELIVERED && rec.reference[0];
	bool refused = rec.state == SUB_REJECTED || rec.state == SUB_NEEDS_REBOOKING;
	bool withdrawn = rec.withdrawal == PLEDGE_WITHDRAWN || rec.withdrawal == PLEDGE_WITHDRAWAL_PENDING;
	const char *status = withdrawn ? (rec.withdrawal == PLEDGE_WITHDRAWN ? "charity.state.withdrawn"
									      : "charity.state.withdrawal_pending")
			     : refused	 ? "charity.done.refused"
			     : confirmed ? "charity.done.confirmed"
			     : waiting	 ? "charity.done.sending"
					 : "charity.done.provisional";

	struct ui_scroll scroll;
	/* Landscape: the QR code in a column of its own, in view without scrolling. */
	struct rect view = {area.x, area.y, area.w, bar.y - area.y - t->gap};
	bool wide = ui->width > ui->height;
	struct rect side = {0, 0, 0, 0};
	if (wide) {
		int qr_w = view.h < view.w / 3 ? view.h : view.w / 3;
		side = rect_cut_right(&view, qr_w);
		rect_cut_right(&view, t->gap);
	}
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.done.scroll", view);
	char side_url[PLEDGE_URL_MAX] = "";
	const char *side_label = NULL;
	if (!refused && !withdrawn) {
		const char *thanks = screen_ref_text(ctx, &c.catalog->thanks);
		in.y += ui_text(ui, "charity.done.thanks", in, thanks[0] ? thanks : screen_text(ctx, "charity.done.thanks"),
				TEXT_HEADING, TEXT_ALIGN_CENTER, 0, t->accents[2]) + t->gap / 2;
	}
	in.y += ui_text(ui, "charity.done.status", in, screen_text(ctx, status), TEXT_TITLE, TEXT_ALIGN_CENTER, 0,
			confirmed && !withdrawn ? t->primary : t->text) + t->gap;
	if (refused)
		in.y += ui_text(ui, "charity.done.reason", in, refusal(ctx, rec.error_code, "charity.rejected.other"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 0, t->text) + t->gap;
	if (waiting) {
		ui_spinner(ui, "charity.done.spinner", (struct rect){in.x + (in.w - t->target) / 2, in.y, t->target, t->target},
			   screen_text(ctx, "charity.done.sending"));
		in.y += t->target + t->gap;
	}
	const char *reference = confirmed ? rec.reference : rec.kiosk_reference;
	if (!refused) {
		in.y += ui_text(ui, "charity.done.reference.label", in, screen_text(ctx, "charity.done.reference"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 0, t->text_muted);
		in.y += ui_text(ui, "charity.done.reference", in, reference, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 1, t->text) +
			t->gap / 2;
		if (confirmed) { /* the kiosk's own number too: either one finds the pledge at a kiosk */
			char line[UI_TEXT_MAX];
			charity_line(ctx, "charity.done.kiosk_reference", "value", rec.kiosk_reference, line, sizeof(line));
			in.y += ui_text(ui, "charity.done.kiosk_reference", in, line, TEXT_BODY, TEXT_ALIGN_CENTER, 0,
					t->text_muted) + t->gap / 2;
		}
		char money[64], line[UI_TEXT_MAX * 2];
		charity_money(ctx, rec.amount_fen, true, money, sizeof(money));
		snprintf(line, sizeof(line), "%s\n%s", p ? screen_ref_text(ctx, &p->name) : rec.project_id, money);
		in.y += ui_text(ui, "charity.done.details", in, line, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text) + t->gap;
	}
	if (!refused && !withdrawn && !waiting) /* a receipt of what is on screen, where a printer is ready */
		in.y += print_offer_pledge(ctx, in, &rec, reference, screen_text(ctx, status), &c);
	if (!refused && !withdrawn && !waiting) {
		/* The QR code: the payment link once confirmed; until then the charity's lookup page for the
		 * kiosk reference, which starts to work once this kiosk has synced. */
		char url[PLEDGE_URL_MAX] = "";
		if (confirmed && rec.payment_url[0]) {
			snprintf(url, sizeof(url), "%s", rec.payment_url);
		} else if (c.catalog->lookup_url[0]) {
			pledge_lookup_url(c.catalog->lookup_url, config_str(ctx->cfg, "kiosk", "id"), rec.kiosk_reference, url,
					  sizeof(url));
		}
		if (url[0]) {
			const char *label = screen_text(ctx, confirmed ? "charity.done.qr.pay" : "charity.done.qr.lookup");
			int qr = t->target * 3;
			if (wide) { /* drawn after the scroll view, outside its clip */
				snprintf(side_url, sizeof(side_url), "%s", url);
				side_label = label;
			} else if (ui_qr(ui, "charity.done.qr", (struct rect){in.x + (in.w - qr) / 2, in.y, qr, qr}, url,
					 label)) {
				in.y += qr + t->gap;
			}
		}
		char explain[UI_TEXT_MAX * 2];
		if (confirmed) {
			char expires[40];
			charity_time(ctx, rec.payment_expires_at, expires, sizeof(expires));
			const char *names[1] = {"expires"}, *values[1] = {expires[0] ? expires : "—"};
			template_fill_text(explain, sizeof(explain), screen_text(ctx, "charity.done.next"), names, values, 1);
		} else {
			snprintf(explain, sizeof(explain), "%s", screen_text(ctx, url[0] ? "charity.done.provisional.explain"
										: "charity.done.provisional.no_link"));
		}
		in.y += ui_text(ui, "charity.done.explain", in, explain, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
		in.y += ui_text(ui, "charity.done.withdraw_note", in, screen_text(ctx, "charity.done.withdraw_note"), TEXT_BODY,
				TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
		in.y += ui_text(ui, "charity.done.no_payment", in, screen_text(ctx, "charity.done.no_payment"), TEXT_BODY,
				TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	}
	ui_scroll_end(ui, &scroll, in.y);
	if (side_url[0])
		ui_qr(ui, "charity.done.qr", side, side_url, side_label);

	bool can_withdraw = !refused && !withdrawn && !waiting && pledge_withdraw_seconds_left(&rec, clock_wall()) > 0;
	struct rect finish = bar;
	if (can_withdraw && bar.h) {
		struct rect left = rect_cut_left(&finish, (bar.w - t->gap) / 2);
		rect_cut_left(&finish, t->gap);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_TITLE;
		if (ui_button(ui, "charity.done.withdraw", left, screen_text(ctx, "charity.done.withdraw"), &look)) {
			screen_set(ctx, "ch.wd.key", rec.key);
			*session_int(ctx->session, "ch.wd.message", 0) = 0;
			*session_int(ctx->session, "ch.wd.dialog", 0) = 0;
			*session_int(ctx->session, "ch.wd.done_at", 0) = 0;
			screen_push(ctx, "charity.withdraw");
		}
	}
	if (flow_next(ctx, finish, "charity.done.finish", screen_text(ctx, "done.finish"), true))
		ctx->request.nav = SCREEN_HOME;
	chrome_end(ctx, &ch);
}
