/* Pledge step 4: everything on one screen before it is pledged: the project, the amount in figures and
 * in words (as a receipt writes it), the donor (or 匿名) with the phone masked, the receipt; a change
 * button per section; then the terms (text pledge.terms from the backend) with the kiosk's own
 * sentence that a pledge to a named charitable purpose may be binding and that the kiosk takes no
 * payment, and one choice to agree. "确认认捐" stays off until then. Confirming stores the pledge
 * durably in the outbox (only then is it "received") under a key made here, whose first 8 digits are
 * the kiosk reference the pledge carries, and wakes the sync thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "charity/pledge_record.h"
#include "core/secure.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/charity_common.h"

void charity_review_build(struct screen_ctx *ctx);

/* One section: a heading, its body, and a change button that goes back to a step. */
static void section(struct screen_ctx *ctx, struct rect *in, const char *id, const char *heading, const char *body,
		    enum text_role role, const char *step)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const char *change = screen_text(ctx, "review.change");
	int bw = ui_button_width(ui, change, NULL, TEXT_BODY);
	if (bw < t->target * 3 / 2)
		bw = t->target * 3 / 2;
	struct rect row = {in->x, in->y, in->w, t->target};
	rect_cut_right(&row, t->border * 3); /* clear of the scroll indicator */
	struct rect btn = rect_cut_right(&row, bw);
	rect_cut_right(&row, t->gap);
	ui_text(ui, NULL, (struct rect){row.x, row.y + (row.h - ui_line_height(ui, TEXT_HEADING)) / 2, row.w, row.h}, heading,
		TEXT_HEADING, TEXT_ALIGN_START, 1, t->text_muted);
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role = TEXT_BODY;
	char bid[48], tid[48];
	snprintf(bid, sizeof(bid), "charity.review.change.%s", id);
	if (ui_button(ui, bid, btn, change, &look)) {
		ctx->request.nav = SCREEN_BACK_TO;
		ctx->request.go = step;
	}
	in->y += t->target + t->gap / 2;
	snprintf(tid, sizeof(tid), "charity.review.%s", id);
	in->y += ui_text(ui, tid, *in, body, role, TEXT_ALIGN_START, 0, t->text) + t->gap;
}

/* Stores the pledge; true when it is in the outbox (its key then in ch.key). */
static bool submit(struct screen_ctx *ctx, const struct charity_project *p, long long fen)
{
	char key[37], reference[12], name[UI_FIELD_MAX], err[256];
	secure_uuid4(key);
	pledge_kiosk_reference(key, reference);
	charity_trimmed(screen_value(ctx, "ch.name"), name, sizeof(name));
	char receipt_name[UI_FIELD_MAX];
	charity_trimmed(screen_value(ctx, "ch.receipt_name"), receipt_name, sizeof(receipt_name));
	int64_t now = clock_wall();
	struct pledge_request r = {
		.project_id = p->id,
		.amount_fen = fen,
		.anonymous = *session_int(ctx->session, "ch.anonymous", 0) == 1,
		.donor_name = name,
		.phone = screen_value(ctx, "ch.phone"),
		.receipt_requested = *session_int(ctx->session, "ch.receipt", 0) == 1,
		.receipt_name = receipt_name,
		.language = text_lang_tag(ctx->ui->lang),
		.kiosk_reference = reference,
		.pledged_at = now,
	};
	char *json = pledge_request_json(&r);
	int64_t id = 0;
	bool ok = json && store_submit_keyed(ctx->kiosk->store, SUB_PLEDGE, json, now, key, &id, err, sizeof(err));
	if (ok) {
		screen_set(ctx, "ch.key", key);
		*session_int(ctx->session, "ch.done_at", 0) = 0;
		*session_int(ctx->session, "ch.consent", -1) = -1; /* Back from the done screen: agree again to pledge again */
		sync_wake(ctx->kiosk->sync);
	}
	if (json) {
		secure_wipe(json, strlen(json));
		free(json);
	}
	secure_wipe(name, sizeof(name));
	return ok;
}

void charity_review_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 4, &bar);
	const struct charity_project *p = c.project;
	long long fen = 0;
	enum amount_error verdict = charity_amount(ctx, p, &fen);
	if (!p || verdict != AMOUNT_OK) {
		ui_text(ui, "charity.no_project", area, screen_text(ctx, "charity.no_project"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text);
		chrome_end(ctx, &ch);
		return;
	}
	/* Portrait: one column; landscape: what is pledged on the left, the terms and the consent on the
	 * right, each scrolling on its own, so the consent is never far down a short screen. */
	bool wide = ui->width > ui->height;
	struct rect view = {area.x, area.y, area.w, bar.y - area.y - t->gap};
	struct rect consent_row = flow_consent_row(ctx, &view);
	struct rect terms_view = {0, 0, 0, 0};
	if (wide) {
		terms_view = rect_cut_right(&view, (view.w - t->gap) / 2);
		rect_cut_right(&view, t->gap);
	}
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.review.scroll", view);
	char text[UI_TEXT_MAX * 4];
	section(ctx, &in, "project", screen_text(ctx, "charity.review.project"), screen_ref_text(ctx, &p->name), TEXT_TITLE,
		"charity.projects");

	char money[64];
	charity_money(ctx, fen, true, money, sizeof(money));
	section(ctx, &in, "amount", screen_text(ctx, "charity.review.amount"), money, TEXT_DISPLAY, "charity.amount");
	in.y -= t->gap / 2;
	charity_words_line(ctx, fen, text, sizeof(text));
	in.y += ui_text(ui, "charity.review.words", in, text, TEXT_HEADING, TEXT_ALIGN_START, 0, t->text) + t->gap;

	bool anonymous = *session_int(ctx->session, "ch.anonymous", 0) == 1;
	bool receipt = *session_int(ctx->session, "ch.receipt", 0) == 1;
	char name[UI_FIELD_MAX], masked[UI_FIELD_MAX * 2], phone[32];
	charity_trimmed(screen_value(ctx, "ch.name"), name, sizeof(name));
	ui_mask_text(name, UI_MASK_NAME, masked, sizeof(masked));
	secure_wipe(name, sizeof(name));
	const char *ph = screen_value(ctx, "ch.phone");
	if (ph[0])
		ui_mask_text(ph, UI_MASK_PHONE, phone, sizeof(phone));
	else
		snprintf(phone, sizeof(phone), "%s", screen_text(ctx, "charity.review.no_phone"));
	char receipt_line[UI_TEXT_MAX], phone_line[UI_TEXT_MAX];
	if (receipt) { /* made out to the name given for it, else the donor's */
		char on_receipt[UI_FIELD_MAX], masked_receipt[UI_FIELD_MAX * 2];
		charity_trimmed(screen_value(ctx, "ch.receipt_name"), on_receipt, sizeof(on_receipt));
		ui_mask_text(on_receipt, UI_MASK_NAME, masked_receipt, sizeof(masked_receipt));
		secure_wipe(on_receipt, sizeof(on_receipt));
		charity_line(ctx, "charity.review.receipt.yes", "name", masked_receipt[0] ? masked_receipt : masked,
			     receipt_line, sizeof(receipt_line));
	} else {
		snprintf(receipt_line, sizeof(receipt_line), "%s", screen_text(ctx, "charity.review.receipt.no"));
	}
	charity_line(ctx, "charity.review.phone", "phone", phone, phone_line, sizeof(phone_line));
	snprintf(text, sizeof(text), "%s\n%s\n%s", anonymous ? screen_text(ctx, "charity.review.anonymous") : masked,
		 phone_line, receipt_line);
	section(ctx, &in, "donor", screen_text(ctx, "charity.review.donor"), text, TEXT_BODY, "charity.donor");

	struct ui_scroll terms_scroll;
	if (wide) {
		ui_scroll_end(ui, &scroll, in.y);
		in = ui_scroll_begin(ui, &terms_scroll, "charity.review.terms.scroll", terms_view);
	}
	/* The terms to read in full, then one choice to agree. */
	const char *terms = screen_ref_text(ctx, &c.catalog->terms);
	snprintf(text, sizeof(text), "%s%s%s", terms, terms[0] ? "\n" : "", screen_text(ctx, "charity.review.binding"));
	in.y += ui_text(ui, "charity.review.terms", in, text, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap / 2;
	int *consent = session_int(ctx->session, "ch.consent", -1);
	const char *agree[1] = {screen_text(ctx, "charity.review.agree")};
	if (!consent_row.h) {
		ui_choice(ui, "charity.review.consent", (struct rect){in.x, in.y, in.w, t->target}, agree, 1, consent, true);
		in.y += t->target + t->gap;
	}
	ui_scroll_end(ui, wide ? &terms_scroll : &scroll, in.y);
	if (consent_row.h)
		ui_choice(ui, "charity.review.consent", consent_row, agree, 1, consent, true);

	bool ready = *consent == 0 && c.pledgeable && ctx->kiosk->store && ctx->kiosk->can_submit;
	if (flow_next(ctx, bar, "charity.confirm", screen_text(ctx, "charity.confirm"), ready)) {
		if (submit(ctx, p, fen))
			screen_push(ctx, "charity.done");
		else
			ui_toast_show(ui, screen_text(ctx, "charity.review.failed"), 6000);
	}
	chrome_end(ctx, &ch);
}
