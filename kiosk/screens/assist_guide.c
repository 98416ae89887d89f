/* Assistance: the guide, one card per programme (its name and who it is for, from the cached
 * reference data), paged with big 上一页/下一页 in the large themes. A programme opens its page. */
#include <stdio.h>

#include "screens/assist_common.h"

void assist_guide_build(struct screen_ctx *ctx);

void assist_guide_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	const struct assist_catalog *c = assist_catalog_now(ctx);
	area.y += ui_text(ui, "assist.guide.prompt", area, screen_text(ctx, "assist.guide.prompt"), TEXT_HEADING,
			  TEXT_ALIGN_START, 2, t->text) + t->gap;
	area.h = (bar.h ? bar.y - t->gap : area.y + area.h) - area.y;
	if (c->count == 0) {
		ui_text(ui, "assist.no_data", area, screen_text(ctx, "assist.no_data"), TEXT_BODY, TEXT_ALIGN_START, 0, t->text);
	} else {
		/* Every card the same height: a title line and two lines of summary. */
		int item_h = 2 * t->pad + ui_line_height(ui, TEXT_TITLE) + t->gap / 2 + 2 * ui_line_height(ui, TEXT_BODY);
		int room = area.h - t->target - t->gap; /* a page of one when it must, with its 上一页/下一页 row */
		if (item_h > room && room >= t->target)
			item_h = room;
		struct ui_list list;
		ui_list_begin(ui, &list, "assist.guide.list", area, c->count, item_h, screen_text(ctx, "list.prev"),
			      screen_text(ctx, "list.next"));
		for (int i = list.first; i < list.last; i++) {
			const struct assist_programme *p = &c->programmes[i];
			struct rect r = ui_list_item_rect(&list, i);
			char id[96];
			snprintf(id, sizeof(id), "programme.%s", p->id);
			if (assist_card(ctx, r, id, screen_ref_text(ctx, &p->name), screen_ref_text(ctx, &p->summary),
					t->accents[1])) {
				screen_set(ctx, "as.programme", p->id);
				screen_push(ctx, "assist.programme");
			}
		}
		ui_list_end(ui, &list);
	}
	if (flow_next(ctx, bar, "assist.guide.screener", screen_text(ctx, "assist.screener.start"), true))
		screen_push(ctx, "assist.q.household");
	chrome_end(ctx, &ch);
}
