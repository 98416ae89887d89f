/* Assistance, the start: what this service does in one sentence and its three ways in: the guide to
 * the programmes, the "which help might fit me?" screener, and the application status. */
#include "screens/assist_common.h"

void assist_home_build(struct screen_ctx *ctx);

void assist_home_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "assist.home.scroll",
					 (struct rect){area.x, area.y, area.w, area.h + (bar.h ? bar.h + t->gap : 0)});
	in.y += ui_text(ui, "assist.home.prompt", in, screen_text(ctx, "assist.home.prompt"), TEXT_HEADING,
			TEXT_ALIGN_START, 0, t->text) + t->gap;
	static const struct {
		const char *id, *title, *desc, *go;
	} ways[] = {
		{"assist.guide", "assist.guide.title", "assist.guide.desc", "assist.guide"},
		{"assist.screener", "assist.screener.title", "assist.screener.desc", "assist.q.household"},
		{"assist.status", "assist.status.title", "assist.status.desc", "assist.status"},
	};
	for (int i = 0; i < 3; i++) {
		const char *title = screen_text(ctx, ways[i].title), *desc = screen_text(ctx, ways[i].desc);
		struct rect card = rect_cut_top(&in, assist_card_height(ctx, in.w, title, desc));
		rect_cut_top(&in, t->gap);
		if (assist_card(ctx, card, ways[i].id, title, desc, t->accents[1]))
			screen_push(ctx, ways[i].go);
	}
	ui_scroll_end(ui, &scroll, in.y);
	chrome_end(ctx, &ch);
}
