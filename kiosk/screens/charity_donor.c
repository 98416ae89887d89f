/* Pledge step 3: who gives. With a name or anonymously (the name then is neither sent nor shown);
 * a phone number for the receipt, optional (a mainland mobile, checked by the shared rule in
 * rules/phone.h); and whether a donation receipt (捐赠票据) is wanted, with the name to put on it
 * (a person or an organisation; the donor's name when left empty, required for an anonymous gift).
 * Each field is checked as it is left and a problem is said in a sentence; Next tapped too early
 * marks what is missing instead of moving on. */
#include <stdio.h>
#include <string.h>

#include "rules/person_name.h"
#include "rules/phone.h"
#include "screens/charity_common.h"
#include "screens/form_pager.h"
#include "screens/idcard_fill.h"

void charity_donor_build(struct screen_ctx *ctx);

/* True when two options fit side by side in width w on one line each (their mark and padding too). */
static bool side_by_side(struct ui *ui, const char *const *labels, int w)
{
	const struct theme *t = &ui->theme;
	int cell = (w - t->gap / 2) / 2 - (t->pad / 2 + t->px[TEXT_BODY] + t->gap);
	for (int i = 0; i < 2; i++) {
		struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
		const struct text_layout *l = ui_measure(ui, labels[i], &st, 0);
		if (!l || l->width > cell)
			return false;
	}
	return true;
}

void charity_donor_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 3, &bar);
	struct ui_field *name = session_field(ctx->session, "ch.name", CHARITY_NAME_MAX);
	struct ui_field *phone = session_field(ctx->session, "ch.phone", 11);
	struct ui_field *receipt_name = session_field(ctx->session, "ch.receipt_name", CHARITY_NAME_MAX);
	int *anonymous = session_int(ctx->session, "ch.anonymous", 0);
	int *receipt = session_int(ctx->session, "ch.receipt", 0);
	int *tried = session_int(ctx->session, "ch.donor_tried", 0); /* Next was tapped with something missing */
	if (!name || !phone || !receipt_name) {
		chrome_end(ctx, &ch);
		return;
	}
	/* Standard portrait: one column; standard landscape: who gives on the left, phone and receipt on
	 * the right, each scrolling on its own, so the short screen shows both at once. The assisted mode
	 * asks one question per screen. */
	struct form_pager pg;
	form_pager_begin(ctx, &pg, "ch.donor");
	form_pager_counter(&pg, &ch, &area);
	bool wide = ui->width > ui->height && !pg.paged;
	struct rect view = area;
	if (bar.h)
		view.h = bar.y - area.y - t->gap;
	struct rect right_view = {0, 0, 0, 0};
	if (wide) {
		right_view = rect_cut_right(&view, (view.w - t->gap) / 2);
		rect_cut_right(&view, t->gap);
	}
	struct ui_scroll scroll, right_scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.donor.scroll", view);
	bool named = *anonymous == 0;
	char trimmed[UI_FIELD_MAX];
	charity_trimmed(name->text, trimmed, sizeof(trimmed));
	bool name_ok = !named || (trimmed[0] && person_name_check(trimmed) == PERSON_NAME_OK);
	bool phone_ok = phone->len == 0 || phone_mobile_valid(phone->text);
	char on_receipt[UI_FIELD_MAX];
	charity_trimmed(receipt_name->text, on_receipt, sizeof(on_receipt));
	bool receipt_ok = *receipt != 1 || named || on_receipt[0];

	const char *who[2] = {screen_text(ctx, "charity.donor.named"), screen_text(ctx, "charity.donor.anonymous")};
	if (form_question(&pg, screen_text(ctx, "charity.donor.prompt"), NULL)) {
		in.y += ui_text(ui, "charity.donor.prompt", in, screen_text(ctx, "charity.donor.prompt"), TEXT_HEADING,
				TEXT_ALIGN_START, 0, t->text) + t->gap;
		/* side by side in landscape, where the screen is short, when the words fit */
		bool across = ui->width > ui->height && side_by_side(ui, who, in.w);
		int choice_h = across ? t->target : ui_choice_height(ui, 2);
		ui_choice(ui, "charity.donor.who", (struct rect){in.x, in.y, in.w, choice_h}, who, 2, anonymous, !across);
		in.y += choice_h + t->gap;
		if (!named)
			in.y += ui_text(ui, "charity.donor.anonymous.note", in, screen_text(ctx, "charity.donor.anonymous.note"),
					TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	}
	const char *name_err = name_ok ? NULL : screen_text(ctx, trimmed[0] ? "err.name.invalid" : "charity.donor.err.name");
	if (named && form_question(&pg, screen_text(ctx, "charity.donor.name"), name_err)) {
		in.y += idcard_fill_offer(ctx, in, IDCARD_FILLS_NAME, 1);
		bool left = *tried || form_tried(&pg) || (ui->focus != ui_hash("charity.donor.name") && name->len > 0);
		struct ui_text_field_opts no = {.label = screen_text(ctx, "charity.donor.name"),
						.placeholder = screen_text(ctx, "charity.donor.name.hint"),
						.error = left ? name_err : NULL,
						.keyboard = KEYBOARD_NAME,
						.mask = UI_MASK_NAME};
		in.y += ui_text_field(ui, "charity.donor.name", in, name, &no) + t->gap;
		idcard_fill_apply(ctx, &(struct idcard_person){.name_id = "charity.donor.name", .name = name}, 1);
	}

	if (wide) {
		ui_scroll_end(ui, &scroll, in.y);
		in = ui_scroll_begin(ui, &right_scroll, "charity.donor.scroll.right", right_view);
	}
	const char *phone_err = phone_ok ? NULL : screen_text(ctx, "err.phone");
	if (form_question(&pg, screen_text(ctx, "charity.donor.phone"), phone_err)) {
		bool phone_left = form_tried(&pg) || (ui->focus != ui_hash("charity.donor.phone") && phone->len > 0);
		struct ui_text_field_opts po = {.label = screen_text(ctx, "charity.donor.phone"),
						.placeholder = screen_text(ctx, "charity.donor.phone.hint"),
						.error = phone_left ? phone_err : NULL,
						.keyboard = KEYBOARD_NUMERIC,
						.mask = UI_MASK_PHONE};
		in.y += ui_text_field(ui, "charity.donor.phone", in, phone, &po) + t->gap;
	}

	const char *receipt_choice[2] = {screen_text(ctx, "charity.donor.receipt.no"),
					 screen_text(ctx, "charity.donor.receipt.yes")};
	if (form_question(&pg, screen_text(ctx, "charity.donor.receipt"), NULL)) {
		in.y += ui_text(ui, "charity.donor.receipt", in, screen_text(ctx, "charity.donor.receipt"),
				pg.paged ? TEXT_HEADING : TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap / 2;
		bool across = wide && side_by_side(ui, receipt_choice, in.w);
		int choice_h = across ? t->target : ui_choice_height(ui, 2);
		ui_choice(ui, "charity.donor.receipt", (struct rect){in.x, in.y, in.w, choice_h}, receipt_choice, 2, receipt,
			  !across);
		in.y += choice_h + t->gap;
	}
	const char *receipt_err = receipt_ok ? NULL : screen_text(ctx, "charity.donor.err.receipt_name");
	if (*receipt == 1 && form_question(&pg, screen_text(ctx, "charity.donor.receipt_name"), receipt_err)) {
		bool left = *tried || form_tried(&pg) || (ui->focus != ui_hash("charity.donor.receipt_name") && receipt_name->len > 0);
		struct ui_text_field_opts ro = {
			.label = screen_text(ctx, "charity.donor.receipt_name"),
			.placeholder = screen_text(ctx, named ? "charity.donor.receipt_name.named" : "charity.donor.receipt_name.hint"),
			.error = left ? receipt_err : NULL,
			.keyboard = KEYBOARD_NAME,
			.mask = UI_MASK_NAME};
		in.y += ui_text_field(ui, "charity.donor.receipt_name", in, receipt_name, &ro) + t->gap;
		in.y += ui_text(ui, "charity.donor.receipt.note", in, screen_text(ctx, "charity.donor.receipt.note"), TEXT_BODY,
				TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	}
	ui_scroll_end(ui, wide ? &right_scroll : &scroll, pg.paged ? in.y - t->gap : in.y);

	/* Standard: the button is always there and says what is missing; paged: each question must be
	 * answered to move on, so the last one's button waits for the whole form. */
	bool all_ok = name_ok && phone_ok && receipt_ok;
	if (form_pager_end(&pg, bar, "charity.next", screen_text(ctx, "charity.next"), !pg.paged || all_ok)) {
		if (name_ok && phone_ok && receipt_ok) {
			screen_push(ctx, "charity.review");
		} else {
			*tried = 1;
			ui->focus = 0;
			ui_toast_show(ui, screen_text(ctx, "charity.donor.err.incomplete"), 5000);
		}
	}
	chrome_end(ctx, &ch);
}
