/* Assistance: the screener's answer. The programmes that may fit, each with why (in figures: "家庭月
 * 人均收入 750 元，低于低保标准 900 元"), the documents to bring and where to apply; or, when none
 * fits, where to ask anyway. Always the reminder that this is an indication, not a decision, and
 * where the decision is made. The visitor may take the list away as a QR code (names and official
 * pages only, none of their answers); nothing is stored or sent. */
#include <stdio.h>
#include <string.h>

#include "screens/assist_common.h"

void assist_result_build(struct screen_ctx *ctx);

#define QR_TEXT_MAX 1200

/* One programme that may fit: its name, the reasons, documents, where to apply, its page; returns
 * the height used. */
static int match_card(struct screen_ctx *ctx, struct rect in, int index, const struct screener_match *m)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const struct assist_programme *p = m->programme;
	char why[2048], documents[CATALOG_TEXT_MAX + 64], apply[CATALOG_TEXT_MAX + 64];
	size_t o = 0;
	why[0] = '\0';
	for (int r = 0; r < m->reason_count && o + 1 < sizeof(why); r++) {
		char one[512];
		assist_reason_text(ctx, &m->reasons[r], one, sizeof(one));
		int w = snprintf(why + o, sizeof(why) - o, "%s• %s", r ? "\n" : "", one);
		o += w > 0 ? (size_t)w : 0;
	}
	snprintf(documents, sizeof(documents), "%s%s%s", screen_text(ctx, "assist.programme.documents"),
		 screen_text(ctx, "assist.colon"), screen_ref_text(ctx, &p->documents));
	snprintf(apply, sizeof(apply), "%s%s%s", screen_text(ctx, "assist.programme.apply"), screen_text(ctx, "assist.colon"),
		 screen_ref_text(ctx, &p->apply_at));
	const struct assist_part parts[] = {
		{"", screen_ref_text(ctx, &p->name), TEXT_TITLE, t->accents[1]},
		{".why", why, TEXT_BODY, t->text},
		{".documents", documents, TEXT_BODY, t->text},
		{".apply", apply, TEXT_BODY, t->text},
	};
	char id[64];
	snprintf(id, sizeof(id), "assist.result.%d", index + 1);
	int y = 0, h = assist_text_card(ctx, in, id, parts, (int)(sizeof(parts) / sizeof(parts[0])), t->target, &y);
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	snprintf(id, sizeof(id), "assist.result.%d.more", index + 1);
	if (ui_button(ui, id, (struct rect){in.x + t->pad, y, in.w - 2 * t->pad, t->target},
		      screen_text(ctx, "assist.result.more"), &look)) {
		screen_set(ctx, "as.programme", p->id);
		screen_push(ctx, "assist.programme");
	}
	return h;
}

/* The list to take away: the programmes' names and official pages. */
static void qr_text(struct screen_ctx *ctx, const struct screener_match *m, int n, char *out, size_t len)
{
	size_t o = (size_t)snprintf(out, len, "%s", screen_text(ctx, "assist.result.qr.heading"));
	for (int i = 0; i < n && o + 1 < len; i++) {
		int w = snprintf(out + o, len - o, "\n%s %s", screen_ref_text(ctx, &m[i].programme->name),
				 m[i].programme->official_url);
		o += w > 0 ? (size_t)w : 0;
	}
}

/* The dialog with the list as a QR code: three rows of the dialog's button area for the code, the
 * last one for 关闭. */
static void take_away(struct screen_ctx *ctx, const struct screener_match *m, int n, int *show)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	char text[QR_TEXT_MAX];
	qr_text(ctx, m, n, text, sizeof(text));
	struct rect area = ui_dialog_begin(ui, "assist.result.dialog", screen_text(ctx, "assist.result.qr.title"),
					   screen_text(ctx, "assist.result.qr.note"), 4);
	struct rect close = rect_cut_bottom(&area, t->target);
	int qr = area.h < area.w ? area.h : area.w;
	ui_qr(ui, "assist.result.qr", (struct rect){area.x + (area.w - qr) / 2, area.y, qr, qr}, text,
	      screen_text(ctx, "assist.result.qr.title"));
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_PRIMARY);
	look.role = TEXT_TITLE;
	if (ui_button(ui, "assist.result.qr.close", close, screen_text(ctx, "assist.result.qr.close"), &look))
		*show = 0;
	ui_dialog_end(ui);
}

void assist_result_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	const struct assist_catalog *c = assist_catalog_now(ctx);
	struct screener_answers a;
	assist_answers_get(ctx, &a);
	struct screener_match matches[ASSIST_PROGRAMMES_MAX];
	int n = screener_run(c, &a, matches, ASSIST_PROGRAMMES_MAX);

	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "assist.result.scroll", area, bar);
	/* The reminder first: it is what the visitor must not miss. */
	const char *disclaimer = screen_ref_text(ctx, &c->screener_disclaimer);
	in.y += ui_text(ui, "assist.result.heading", in, screen_text(ctx, n ? "assist.result.some" : "assist.result.none"),
			TEXT_HEADING, TEXT_ALIGN_START, 0, t->text) + t->gap / 2;
	in.y += ui_text(ui, "assist.result.disclaimer", in, disclaimer[0] ? disclaimer : screen_text(ctx, "assist.indication"),
			TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
	for (int i = 0; i < n; i++)
		in.y += match_card(ctx, in, i, &matches[i]) + t->gap;
	in.y += ui_text(ui, "assist.result.where", in, screen_text(ctx, n ? "assist.result.decides" : "assist.result.ask"),
			TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap;
	ui_scroll_end(ui, &scroll, in.y);
	/* The bar: take the list away (when there is one) beside "done". */
	int *show_qr = session_int(ctx->session, "as.qr", 0);
	struct rect done = bar;
	if (n > 0 && bar.h) {
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_TITLE;
		if (ui_button(ui, "assist.result.take", rect_cell(bar, 0, 2, t->gap, true), screen_text(ctx, "assist.result.take"),
			      &look))
			*show_qr = 1;
		done = rect_cell(bar, 1, 2, t->gap, true);
	}
	if (flow_next(ctx, done, "assist.result.done", screen_text(ctx, "assist.result.done"), true))
		ctx->request.nav = SCREEN_HOME;
	if (*show_qr && n > 0)
		take_away(ctx, matches, n, show_qr);
	chrome_end(ctx, &ch);
}
