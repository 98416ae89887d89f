/* The calm screen a visitor sees when the kiosk cannot take submissions (its storage is full,
 * read-only or damaged): no error codes, no blame, where to go instead, and that the query services
 * still work. The cause is in the log and on the staff screen, never here. */
#include "screens/chrome.h"
#include "screens/screen.h"

void unavailable_build(struct screen_ctx *ctx);

void unavailable_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome c = {.title = screen_text(ctx, "unavailable.title")};
	struct rect area = chrome_begin(ctx, &c);
	rect_cut_top(&area, t->pad);
	int tile = t->target * 2;
	ui_icon(ui, (struct rect){area.x + (area.w - tile) / 2, area.y, tile, tile}, screen_text(ctx, "unavailable.icon"),
		t->surface, t->primary);
	rect_cut_top(&area, tile + t->pad);
	int h = ui_text(ui, "unavailable.heading", area, screen_text(ctx, "unavailable.heading"), TEXT_TITLE,
			TEXT_ALIGN_CENTER, 0, t->text);
	rect_cut_top(&area, h + t->gap);
	h = ui_text(ui, "unavailable.body", area, screen_text(ctx, "unavailable.body"), TEXT_BODY, TEXT_ALIGN_CENTER, 0,
		    t->text);
	rect_cut_top(&area, h + t->pad);
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_PRIMARY);
	look.role = TEXT_TITLE;
	if (ui_button(ui, "unavailable.home", rect_cut_top(&area, t->target), screen_text(ctx, "nav.home"), &look))
		ctx->request.nav = SCREEN_HOME;
	chrome_end(ctx, &c);
}
