/* Assistance: one programme's page from the cached reference data: what it is, who it is for, the
 * current standards with the year each applies to, the documents to bring, where to apply, a QR code
 * of the official page and the reminder that only the official assessment decides. Long texts wrap
 * and the page scrolls. */
#include <stdio.h>

#include "core/template.h"
#include "screens/assist_common.h"

void assist_programme_build(struct screen_ctx *ctx);

/* "900 元/人·月（2020年标准）" for a standard with an amount; "" without one. */
static void standard_figure(struct screen_ctx *ctx, const struct assist_standard *s, char *out, size_t len)
{
	static const char *const unit_keys[] = {
		[UNIT_NONE] = "assist.unit.none",
		[UNIT_YUAN_PER_PERSON_MONTH] = "assist.unit.month",
		[UNIT_YUAN_PER_PERSON_YEAR] = "assist.unit.year",
		[UNIT_PERCENT] = "assist.unit.percent",
		[UNIT_PERCENT_OF_MINIMUM_WAGE] = "assist.unit.minimum_wage",
	};
	out[0] = '\0';
	if (!s->has_amount)
		return;
	char amount[32], year[16];
	long long fen = (long long)(s->amount * 100.0 + 0.5);
	if (s->unit == UNIT_YUAN_PER_PERSON_MONTH || s->unit == UNIT_YUAN_PER_PERSON_YEAR)
		assist_format_yuan(fen, amount, sizeof(amount));
	else
		snprintf(amount, sizeof(amount), "%g", s->amount);
	snprintf(year, sizeof(year), "%d", s->year);
	char figure[96];
	template_fill_text(figure, sizeof(figure), screen_text(ctx, unit_keys[s->unit]), (const char *const[]){"amount"},
			   (const char *const[]){amount}, 1);
	template_fill_text(out, len, screen_text(ctx, s->year > 0 ? "assist.standard.year" : "assist.standard.no_year"),
			   (const char *const[]){"figure", "year"}, (const char *const[]){figure, year}, 2);
}

/* A titled section: the heading and its text; returns the height used. */
static int section(struct screen_ctx *ctx, struct rect in, const char *id, const char *heading, const char *text)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	if (!text[0])
		return 0;
	int y = in.y;
	char hid[64];
	snprintf(hid, sizeof(hid), "%s.heading", id);
	in.y += ui_text(ui, hid, in, heading, TEXT_HEADING, TEXT_ALIGN_START, 0, t->accents[1]) + t->gap / 3;
	in.y += ui_text(ui, id, in, text, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
	return in.y - y;
}

void assist_programme_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	const struct assist_programme *p = assist_programme_find(assist_catalog_now(ctx), screen_value(ctx, "as.programme"));
	if (!p) { /* the data changed under the visitor: say so, Back goes on */
		ui_text(ui, "assist.no_data", area, screen_text(ctx, "assist.no_data"), TEXT_BODY, TEXT_ALIGN_START, 0, t->text);
		chrome_end(ctx, &ch);
		return;
	}
	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "assist.programme.scroll", area, bar);
	in.y += ui_text(ui, "assist.programme.name", in, screen_ref_text(ctx, &p->name), TEXT_TITLE, TEXT_ALIGN_START, 0,
			t->text) + t->gap;
	in.y += section(ctx, in, "assist.programme.summary", screen_text(ctx, "assist.programme.what"),
			screen_ref_text(ctx, &p->summary));
	in.y += section(ctx, in, "assist.programme.who", screen_text(ctx, "assist.programme.who"),
			screen_ref_text(ctx, &p->eligibility));
	if (p->standard_count > 0) {
		char text[4096] = "";
		size_t o = 0;
		for (int i = 0; i < p->standard_count && o + 1 < sizeof(text); i++) {
			char figure[256];
			standard_figure(ctx, &p->standards[i], figure, sizeof(figure));
			int w = snprintf(text + o, sizeof(text) - o, "%s%s%s%s", i ? "\n" : "",
					 screen_ref_text(ctx, &p->standards[i].label), figure[0] ? screen_text(ctx, "assist.colon") : "",
					 figure);
			o += w > 0 ? (size_t)w : 0;
		}
		in.y += section(ctx, in, "assist.programme.standards", screen_text(ctx, "assist.programme.standards"), text);
	}
	in.y += section(ctx, in, "assist.programme.documents", screen_text(ctx, "assist.programme.documents"),
			screen_ref_text(ctx, &p->documents));
	in.y += section(ctx, in, "assist.programme.apply", screen_text(ctx, "assist.programme.apply"),
			screen_ref_text(ctx, &p->apply_at));
	if (p->official_url[0]) {
		int qr = t->target * 5 / 2;
		in.y += ui_text(ui, "assist.programme.qr.label", in, screen_text(ctx, "assist.programme.qr"), TEXT_BODY,
				TEXT_ALIGN_CENTER, 0, t->text_muted) + t->gap / 3;
		if (ui_qr(ui, "assist.programme.qr", (struct rect){in.x + (in.w - qr) / 2, in.y, qr, qr}, p->official_url,
			  screen_text(ctx, "assist.programme.qr")))
			in.y += qr + t->gap;
	}
	const char *disclaimer = screen_ref_text(ctx, &p->disclaimer);
	in.y += ui_text(ui, "assist.programme.disclaimer", in,
			disclaimer[0] ? disclaimer : screen_text(ctx, "assist.indication"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text_muted) + t->gap;
	ui_scroll_end(ui, &scroll, in.y);
	if (flow_next(ctx, bar, "assist.programme.screener", screen_text(ctx, "assist.screener.start"), true))
		screen_push(ctx, "assist.q.household");
	chrome_end(ctx, &ch);
}
