/* Pledge step 2: how much. Four preset amounts as big buttons, or another amount typed on the keypad
 * (with a decimal point only when the project takes 角 and 分). A typed amount is checked when the
 * keypad closes and any problem is said in a sentence under the field (zero, too small, too large,
 * too many decimals, not a number); the amount chosen is read back in words. Next stays off until the
 * amount is one the project takes. */
#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/charity_common.h"

void charity_amount_build(struct screen_ctx *ctx);

#define CUSTOM_ID "charity.amount.custom"

/* The amount chosen, read back in figures and in words (or how to choose one) at the top of r;
 * returns the y below it. */
static int read_back(struct screen_ctx *ctx, struct rect r, enum amount_error verdict, long long fen, bool typed)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	if (verdict == AMOUNT_OK) { /* as it is typed, too: the words confirm the digits */
		char money[64], line[UI_TEXT_MAX], words[UI_TEXT_MAX], said[UI_TEXT_MAX * 2];
		charity_money(ctx, fen, true, money, sizeof(money));
		charity_line(ctx, "charity.amount.chosen", "amount", money, line, sizeof(line));
		charity_words_line(ctx, fen, words, sizeof(words));
		snprintf(said, sizeof(said), "%s\n%s", line, words);
		r.y += ui_text(ui, "charity.amount.chosen", r, said, TEXT_HEADING, TEXT_ALIGN_START, 0, t->primary) + t->gap;
	} else if (!typed) {
		r.y += ui_text(ui, "charity.amount.help", r, screen_text(ctx, "charity.amount.help"), TEXT_BODY,
			       TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	}
	return r.y;
}

void charity_amount_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 2, &bar);
	const struct charity_project *p = c.project;
	struct ui_field *custom = session_field(ctx->session, "ch.custom", 12);
	int *preset = session_int(ctx->session, "ch.preset", -1);
	if (!p || !custom) {
		ui_text(ui, "charity.no_project", area, screen_text(ctx, "charity.no_project"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text);
		chrome_end(ctx, &ch);
		return;
	}
	struct ui_scroll scroll;
	struct rect view = area;
	if (bar.h)
		view.h = bar.y - area.y - t->gap;
	/* Landscape: the amount chosen, in figures and in words, stays in view in a column of its own. */
	bool wide = ui->width > ui->height;
	struct rect side = {0, 0, 0, 0};
	if (wide) {
		side = rect_cut_right(&view, view.w * 2 / 5);
		rect_cut_right(&view, t->gap);
	}
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.amount.scroll", view);
	in.y += ui_text(ui, "charity.amount.prompt", in, screen_text(ctx, "charity.amount.prompt"), TEXT_HEADING,
			TEXT_ALIGN_START, 0, t->text) + t->gap / 2;
	in.y += ui_text(ui, "charity.amount.project", in, screen_ref_text(ctx, &p->name), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text_muted) + t->gap;

	/* The presets: two rows of two. */
	int cols = 2, rows = CHARITY_PRESETS / cols;
	int cell_h = t->target * 5 / 4;
	struct rect grid = {in.x, in.y, in.w, rows * cell_h + (rows - 1) * t->gap / 2};
	for (int i = 0; i < CHARITY_PRESETS; i++) {
		struct rect row = {grid.x, grid.y + (i / cols) * (cell_h + t->gap / 2), grid.w, cell_h};
		struct rect cell = rect_cell(row, i % cols, cols, t->gap / 2, true);
		long long fen = (long long)charity_presets[i] * 100;
		bool allowed = fen >= p->amount_min_fen && fen <= p->amount_max_fen;
		bool on = *preset == i;
		char text[64], id[48];
		charity_money(ctx, fen, false, text, sizeof(text));
		snprintf(id, sizeof(id), "charity.amount.preset.%d", charity_presets[i]);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		if (on) {
			look.fill = look.fill_pressed = t->selected;
			look.text = t->on_selected;
			look.border_color = t->selected;
		}
		look.role = TEXT_TITLE;
		look.role_name = "option";
		look.selected = look.checked = on;
		look.disabled = !allowed;
		if (ui_button(ui, id, cell, text, &look)) {
			*preset = i;
			ui->focus = 0;
		}
	}
	in.y += grid.h + t->gap;

	/* Another amount: typing it takes over from a preset. */
	bool decimals = p->amount_decimals > 0;
	char hint[96], min[48], max[48];
	amount_format(p->amount_min_fen, false, min, sizeof(min));
	amount_format(p->amount_max_fen, false, max, sizeof(max));
	const char *hn[2] = {"min", "max"}, *hv[2] = {min, max};
	template_fill_text(hint, sizeof(hint), screen_text(ctx, "charity.amount.custom.hint"), hn, hv, 2);
	bool focused = ui->focus == ui_hash(CUSTOM_ID);
	long long fen = 0;
	enum amount_error verdict = charity_amount(ctx, p, &fen);
	char message[UI_TEXT_MAX] = "";
	if (*preset < 0 && !focused && custom->len > 0)
		charity_amount_message(ctx, p, verdict, message, sizeof(message));
	struct ui_text_field_opts fo = {
		.label = screen_text(ctx, p->amount_decimals >= 2   ? "charity.amount.custom"
					  : p->amount_decimals == 1 ? "charity.amount.custom.jiao"
								    : "charity.amount.custom.whole"),
		.placeholder = hint,
		.error = message,
		.keyboard = decimals ? KEYBOARD_DECIMAL : KEYBOARD_NUMERIC,
	};
	in.y += ui_text_field(ui, CUSTOM_ID, in, custom, &fo) + t->gap;
	if (ui->focus == ui_hash(CUSTOM_ID))
		*preset = -1;

	if (!wide)
		in.y = read_back(ctx, in, verdict, fen, custom->len > 0);
	ui_scroll_end(ui, &scroll, in.y);
	if (wide)
		read_back(ctx, side, verdict, fen, custom->len > 0);
	if (flow_next(ctx, bar, "charity.next", screen_text(ctx, "charity.next"), verdict == AMOUNT_OK))
		screen_push(ctx, "charity.donor");
	chrome_end(ctx, &ch);
}
