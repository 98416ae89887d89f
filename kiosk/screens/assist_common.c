/* Shared parts of the assistance screens; see assist_common.h. */
#include "screens/assist_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "core/template.h"

const struct assist_catalog *assist_catalog_now(struct screen_ctx *ctx)
{
	static const struct assist_catalog empty;
	const struct assist_catalog *c =
		ctx->kiosk->assistance ? assist_data_catalog(ctx->kiosk->assistance, clock_wall()) : NULL;
	return c ? c : &empty;
}

struct rect assist_begin(struct screen_ctx *ctx, struct chrome *c, int step, struct rect *bar)
{
	return flow_begin(ctx, c, screen_text(ctx, "home.assistance.title"), step, ASSIST_QUESTIONS, bar);
}

long long assist_income_fen(const char *typed)
{
	long long yuan = 0;
	if (!typed[0] || strlen(typed) > 9)
		return -1;
	for (const char *p = typed; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		yuan = yuan * 10 + (*p - '0');
	}
	return yuan * 100 <= SCREENER_INCOME_MAX_FEN ? yuan * 100 : -1;
}

void assist_answers_get(struct screen_ctx *ctx, struct screener_answers *a)
{
	memset(a, 0, sizeof(*a));
	int size = *session_int(ctx->session, "as.size", 0);
	if (size >= 10) { /* "10 or more": the exact number when typed */
		int more = atoi(screen_value(ctx, "as.size_more"));
		size = more >= 10 && more <= SCREENER_HOUSEHOLD_MAX ? more : 10;
	}
	a->household_size = size;
	long long income = assist_income_fen(screen_value(ctx, "as.income"));
	a->income_fen = income < 0 ? 0 : income;
	a->assets_over = *session_int(ctx->session, "as.assets", -1) == 1;
	if (*session_int(ctx->session, "as.m60", 0))
		a->members |= MEMBER_AGE_60_PLUS;
	if (*session_int(ctx->session, "as.m80", 0))
		a->members |= MEMBER_AGE_80_PLUS;
	if (*session_int(ctx->session, "as.mchild", 0))
		a->members |= MEMBER_CHILD_WITHOUT_CARER;
	int grade = *session_int(ctx->session, "as.dis", -1);
	a->disability_grade = grade > 0 ? grade : 0;
	if (*session_int(ctx->session, "as.hs_ill", 0))
		a->hardship |= HARDSHIP_ILLNESS;
	if (*session_int(ctx->session, "as.hs_acc", 0))
		a->hardship |= HARDSHIP_ACCIDENT;
	if (*session_int(ctx->session, "as.hs_dis", 0))
		a->hardship |= HARDSHIP_DISASTER;
}

void assist_format_yuan(long long fen, char *out, size_t len)
{
	char digits[32];
	long long yuan = fen / 100, cents = fen % 100;
	int n = snprintf(digits, sizeof(digits), "%lld", yuan);
	size_t o = 0;
	for (int i = 0; i < n && o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	if (cents && o + 4 < len)
		snprintf(out + o, len - o, ".%02lld", cents);
}

void assist_reason_text(struct screen_ctx *ctx, const struct screener_reason *r, char *out, size_t len)
{
	const struct screener_node *n = r->node;
	char a[32] = "", b[32] = "", year[16] = "";
	const char *key = "assist.why.other";
	const char *name = "";
	switch (r->test) {
	case TEST_INCOME_BELOW:
		key = n->year > 0 ? "assist.why.income" : "assist.why.income_no_year";
		assist_format_yuan(r->per_person_fen, a, sizeof(a));
		assist_format_yuan(n->limit_fen, b, sizeof(b));
		snprintf(year, sizeof(year), "%d", n->year);
		name = n->name[ctx->ui->lang][0] ? n->name[ctx->ui->lang] : n->name[TEXT_LANG_ZH_HANS];
		break;
	case TEST_ASSETS_WITHIN:
		key = "assist.why.assets";
		break;
	case TEST_HOUSEHOLD_AT_MOST:
		key = n->value <= 1 ? "assist.why.alone" : "assist.why.household";
		snprintf(a, sizeof(a), "%d", n->value);
		break;
	case TEST_MEMBER:
		key = (n->mask & MEMBER_CHILD_WITHOUT_CARER) && !(n->mask & (MEMBER_AGE_60_PLUS | MEMBER_AGE_80_PLUS))
			      ? "assist.why.child"
		      : (n->mask & MEMBER_AGE_80_PLUS) && !(n->mask & MEMBER_AGE_60_PLUS) ? "assist.why.age80"
											   : "assist.why.member";
		break;
	case TEST_DISABILITY:
		key = "assist.why.disability";
		snprintf(a, sizeof(a), "%d", n->value);
		break;
	case TEST_HARDSHIP:
		key = "assist.why.hardship";
		break;
	case TEST_ALL:
	case TEST_ANY:
		break;
	}
	template_fill_text(out, len, screen_text(ctx, key), (const char *const[]){"a", "b", "name", "year"},
			   (const char *const[]){a, b, name, year}, 4);
}

int assist_text_card(struct screen_ctx *ctx, struct rect in, const char *prefix, const struct assist_part *parts,
		     int n, int room_h, int *room_y)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect inner = rect_inset(in, t->pad, 0);
	/* Measure first, so the card's surface goes under its text. */
	int h = 2 * t->pad + room_h;
	for (int i = 0; i < n; i++) {
		if (!parts[i].text[0])
			continue;
		struct text_style st = ui_text_style(ui, parts[i].role, TEXT_ALIGN_START, 0);
		const struct text_layout *l = ui_measure(ui, parts[i].text, &st, inner.w);
		h += (l ? l->height : 0) + t->gap / 2;
	}
	ui_panel(ui, (struct rect){in.x, in.y, in.w, h}, t->surface, t->radius, t->border, t->border_color);
	ui_text_on(ui, t->surface);
	inner.y += t->pad;
	for (int i = 0; i < n; i++) {
		if (!parts[i].text[0])
			continue;
		char id[96];
		snprintf(id, sizeof(id), "%s%s", prefix, parts[i].suffix);
		inner.y += ui_text(ui, id, inner, parts[i].text, parts[i].role, TEXT_ALIGN_START, 0, parts[i].color) + t->gap / 2;
	}
	ui_text_on(ui, t->background);
	if (room_y)
		*room_y = inner.y;
	return h;
}

int assist_card_height(struct screen_ctx *ctx, int w, const char *title, const char *text)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct text_style ts = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_START, 2);
	struct text_style ds = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 3);
	const struct text_layout *lt = ui_measure(ui, title, &ts, w - 2 * t->pad);
	const struct text_layout *ld = text && text[0] ? ui_measure(ui, text, &ds, w - 2 * t->pad) : NULL;
	int h = t->pad + (lt ? lt->height : 0) + (ld ? t->gap / 2 + ld->height : 0) + t->pad;
	return h < t->target ? t->target : h;
}

bool assist_card(struct screen_ctx *ctx, struct rect card, const char *id, const char *title, const char *text,
		 struct color accent)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	bool pressed = false;
	bool tapped = ui_area(ui, id, card, title, text && text[0] ? text : title, &pressed);
	ui_panel(ui, card, pressed ? t->surface_pressed : t->surface, t->radius, t->border, t->border_color);
	ui_text_on(ui, pressed ? t->surface_pressed : t->surface);
	struct rect in = rect_inset(card, t->pad, t->pad);
	int title_h = ui_text(ui, NULL, in, title, TEXT_TITLE, TEXT_ALIGN_START, 2, accent);
	int lines = (in.h - title_h - t->gap / 2) / ui_line_height(ui, TEXT_BODY);
	if (text && text[0] && lines > 0)
		ui_text(ui, NULL, (struct rect){in.x, in.y + title_h + t->gap / 2, in.w, in.h - title_h}, text, TEXT_BODY,
			TEXT_ALIGN_START, lines, t->text_muted);
	ui_text_on(ui, t->background);
	return tapped;
}
