/* Assistance: the screener's questions, one per screen with big answers: household size, monthly
 * household income, assets, who lives in the household, disability certificate, sudden hardship.
 * Answers live only in the session (as.*): nothing is stored or sent. Each screen moves on once
 * answered; the last one opens the result. */
#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/assist_common.h"

void assist_q_household_build(struct screen_ctx *ctx);
void assist_q_income_build(struct screen_ctx *ctx);
void assist_q_assets_build(struct screen_ctx *ctx);
void assist_q_members_build(struct screen_ctx *ctx);
void assist_q_disability_build(struct screen_ctx *ctx);
void assist_q_hardship_build(struct screen_ctx *ctx);

/* A question screen: the chrome, the question and its hint; returns the content area (scrolling).
 * The question stays above the scrolling part: on a short screen, typing an answer scrolls the field
 * into view, and the visitor must still see what is asked. */
static struct rect question_begin(struct screen_ctx *ctx, struct chrome *ch, struct ui_scroll *scroll, int step,
				  const char *key, const char *question, struct rect *bar)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect area = assist_begin(ctx, ch, step, bar);
	int h = ui_text(ui, "assist.q.question", area, question, TEXT_HEADING, TEXT_ALIGN_START, 0, t->text);
	rect_cut_top(&area, h + t->gap / 2);
	struct rect in = flow_scroll_begin(ctx, scroll, "assist.q.scroll", area, *bar);
	char hint[64];
	snprintf(hint, sizeof(hint), "%s.hint", key);
	in.y += ui_text(ui, "assist.q.hint", in, screen_text(ctx, hint), TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) +
		t->gap;
	return in;
}

/* The bar's button: "下一题", or "查看结果" on the last question. */
static void question_end(struct screen_ctx *ctx, struct chrome *ch, struct ui_scroll *scroll, struct rect in,
			 struct rect bar, bool answered, const char *next)
{
	ui_scroll_end(ctx->ui, scroll, in.y);
	bool last = strcmp(next, "assist.result") == 0;
	if (flow_next(ctx, bar, "assist.q.next", screen_text(ctx, last ? "assist.q.finish" : "assist.q.next"), answered))
		screen_push(ctx, next);
	chrome_end(ctx, ch);
}

/* A full-width answer that is on or off; returns the height used. */
static int toggle(struct screen_ctx *ctx, struct rect in, const char *id, const char *label, int *value)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role_name = "toggle";
	look.checked = look.selected = *value != 0;
	look.icon = *value ? "☑" : "☐";
	look.role = TEXT_TITLE;
	if (ui_button(ui, id, (struct rect){in.x, in.y, in.w, t->target}, label, &look))
		*value = !*value;
	return t->target + t->gap / 2;
}

void assist_q_household_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in = question_begin(ctx, &ch, &scroll, 1, "assist.q.household",
					screen_text(ctx, "assist.q.household"), &bar);
	int *size = session_int(ctx->session, "as.size", 0);
	/* 1 … 9 and "10+", five to a row. */
	int cols = 5, cell_w = (in.w - (cols - 1) * t->gap) / cols;
	for (int n = 1; n <= 10; n++) {
		int row = (n - 1) / cols, col = (n - 1) % cols;
		struct rect r = {in.x + col * (cell_w + t->gap), in.y + row * (t->target + t->gap), cell_w, t->target};
		char id[32], label[16];
		snprintf(id, sizeof(id), "household.%d", n);
		snprintf(label, sizeof(label), n < 10 ? "%d" : "%d+", n);
		struct ui_button_look look = ui_button_look(ui, *size == n ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
		look.role_name = "option";
		look.selected = *size == n;
		look.role = TEXT_TITLE;
		char spoken[64];
		template_fill(spoken, sizeof(spoken), screen_text(ctx, n < 10 ? "assist.q.household.n" : "assist.q.household.more"),
			      (const char *const[]){"n"}, (const long[]){n}, 1);
		look.label = spoken;
		if (ui_button(ui, id, r, label, &look))
			*size = n;
	}
	in.y += 2 * (t->target + t->gap);
	bool answered = *size > 0 && *size < 10;
	if (*size == 10) {
		struct ui_field *more = session_field(ctx->session, "as.size_more", 2);
		int n = 0;
		sscanf(more ? more->text : "", "%d", &n);
		bool ok = n >= 10 && n <= SCREENER_HOUSEHOLD_MAX;
		struct ui_text_field_opts o = {.label = screen_text(ctx, "assist.q.household.exact"),
					       .keyboard = KEYBOARD_NUMERIC,
					       .error = more && more->len && !ok ? screen_text(ctx, "assist.q.household.range") : NULL};
		if (more)
			in.y += ui_text_field(ui, "assist.q.household.exact", in, more, &o) + t->gap;
		answered = ok;
	}
	question_end(ctx, &ch, &scroll, in, bar, answered, "assist.q.income");
}

void assist_q_income_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in = question_begin(ctx, &ch, &scroll, 2, "assist.q.income", screen_text(ctx, "assist.q.income"), &bar);
	struct ui_field *income = session_field(ctx->session, "as.income", 9);
	if (!income) {
		question_end(ctx, &ch, &scroll, in, bar, false, "assist.q.assets");
		return;
	}
	bool valid = assist_income_fen(income->text) >= 0;
	bool digits = strspn(income->text, "0123456789") == income->len;
	struct ui_text_field_opts o = {
		.label = screen_text(ctx, "assist.q.income.field"),
		.placeholder = screen_text(ctx, "assist.q.income.placeholder"),
		.keyboard = KEYBOARD_NUMERIC,
		.error = income->len && !valid ? screen_text(ctx, digits ? "assist.q.income.too_large" : "assist.q.income.invalid")
					       : NULL};
	in.y += ui_text_field(ui, "assist.q.income.field", in, income, &o) + t->gap;
	/* "No income" is the field set to 0; tapping it again empties the field. */
	int none = strcmp(income->text, "0") == 0, was = none;
	in.y += toggle(ctx, in, "assist.q.income.none", screen_text(ctx, "assist.q.income.none"), &none) + t->gap;
	if (none != was) {
		ui_field_clear(income);
		if (none)
			ui_field_insert(income, "0");
	}
	question_end(ctx, &ch, &scroll, in, bar, valid, "assist.q.assets");
}

void assist_q_assets_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	char limit[32], question[512];
	long long fen = assist_catalog_assets_limit(assist_catalog_now(ctx));
	assist_format_yuan(fen, limit, sizeof(limit));
	template_fill_text(question, sizeof(question),
			   screen_text(ctx, fen > 0 ? "assist.q.assets" : "assist.q.assets.no_limit"),
			   (const char *const[]){"limit"}, (const char *const[]){limit}, 1);
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in = question_begin(ctx, &ch, &scroll, 3, "assist.q.assets", question, &bar);
	int *assets = session_int(ctx->session, "as.assets", -1);
	const char *labels[] = {screen_text(ctx, "assist.q.assets.no"), screen_text(ctx, "assist.q.assets.yes")};
	ui_choice(ui, "assist.q.assets.choice", (struct rect){in.x, in.y, in.w, ui_choice_height(ui, 2)}, labels, 2, assets,
		  true);
	in.y += ui_choice_height(ui, 2) + t->gap;
	question_end(ctx, &ch, &scroll, in, bar, *assets >= 0, "assist.q.members");
}

/* Toggles with a "none of these" that clears the others (and is cleared by them). */
static bool several(struct screen_ctx *ctx, struct rect *in, const char *const *keys, const char *const *values, int n,
		    const char *none_key, const char *none_value)
{
	int *none = session_int(ctx->session, none_value, 0);
	int before = *none;
	bool any = false;
	for (int i = 0; i < n; i++) {
		int *v = session_int(ctx->session, values[i], 0);
		int was = *v;
		in->y += toggle(ctx, *in, keys[i], screen_text(ctx, keys[i]), v);
		if (*v && !was)
			*none = 0;
		any |= *v != 0;
	}
	in->y += toggle(ctx, *in, none_key, screen_text(ctx, none_key), none);
	if (*none && !before) {
		for (int i = 0; i < n; i++)
			*session_int(ctx->session, values[i], 0) = 0;
		any = false;
	}
	return any || *none;
}

void assist_q_members_build(struct screen_ctx *ctx)
{
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in = question_begin(ctx, &ch, &scroll, 4, "assist.q.members", screen_text(ctx, "assist.q.members"), &bar);
	static const char *const keys[] = {"assist.q.members.age80", "assist.q.members.age60", "assist.q.members.child"};
	static const char *const values[] = {"as.m80", "as.m60", "as.mchild"};
	bool answered = several(ctx, &in, keys, values, 3, "assist.q.members.none", "as.mnone");
	question_end(ctx, &ch, &scroll, in, bar, answered, "assist.q.disability");
}

void assist_q_disability_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in =
		question_begin(ctx, &ch, &scroll, 5, "assist.q.disability", screen_text(ctx, "assist.q.disability"), &bar);
	int *grade = session_int(ctx->session, "as.dis", -1);
	const char *labels[] = {screen_text(ctx, "assist.q.disability.none"), screen_text(ctx, "assist.q.disability.1"),
				screen_text(ctx, "assist.q.disability.2"), screen_text(ctx, "assist.q.disability.3"),
				screen_text(ctx, "assist.q.disability.4")};
	ui_choice(ui, "assist.q.disability.choice", (struct rect){in.x, in.y, in.w, ui_choice_height(ui, 5)}, labels, 5,
		  grade, true);
	in.y += ui_choice_height(ui, 5) + t->gap;
	question_end(ctx, &ch, &scroll, in, bar, *grade >= 0, "assist.q.hardship");
}

void assist_q_hardship_build(struct screen_ctx *ctx)
{
	struct chrome ch;
	struct ui_scroll scroll;
	struct rect bar;
	struct rect in = question_begin(ctx, &ch, &scroll, 6, "assist.q.hardship", screen_text(ctx, "assist.q.hardship"), &bar);
	static const char *const keys[] = {"assist.q.hardship.illness", "assist.q.hardship.accident",
					   "assist.q.hardship.disaster"};
	static const char *const values[] = {"as.hs_ill", "as.hs_acc", "as.hs_dis"};
	bool answered = several(ctx, &in, keys, values, 3, "assist.q.hardship.none", "as.hs_none");
	question_end(ctx, &ch, &scroll, in, bar, answered, "assist.result");
}
