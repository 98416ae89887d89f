/* The out-of-service notice, instead of the attract screen, when the kiosk cannot show its
 * interface: no installed font draws one of the languages it offers (fonts-noto-cjk missing, a
 * broken fonts.ini), so visitors would meet empty boxes where words should be. app.c decides, logs
 * the cause once and picks the language the notice can be drawn in. Calm words and where to go
 * instead, one line for the technician who walks up, and nothing to touch. */
#include "screens/screen.h"

void outage_build(struct screen_ctx *ctx);

void outage_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect all = {0, 0, ui->width, ui->height};
	ui_panel(ui, all, t->background, 0, 0, t->background);
	ui_text_on(ui, t->background);
	struct rect in = rect_inset(all, t->pad * 2, t->pad * 2);
	/* The technician's line at the foot, the visitor's words in the middle of what is left. */
	const char *staff = screen_text(ctx, "outage.staff");
	struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_CENTER, 0);
	const struct text_layout *foot = ui_measure(ui, staff, &st, in.w);
	struct rect bottom = rect_cut_bottom(&in, foot ? foot->height : ui_line_height(ui, TEXT_BODY));
	ui_text(ui, "outage.staff", bottom, staff, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text_muted);
	const char *title = screen_text(ctx, "outage.title"), *body = screen_text(ctx, "outage.body");
	st = ui_text_style(ui, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 0);
	const struct text_layout *l = ui_measure(ui, title, &st, in.w);
	int title_h = l ? l->height : ui_line_height(ui, TEXT_DISPLAY);
	st = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_CENTER, 0);
	l = ui_measure(ui, body, &st, in.w);
	int body_h = l ? l->height : ui_line_height(ui, TEXT_TITLE);
	int block = title_h + t->pad + body_h;
	if (block < in.h)
		rect_cut_top(&in, (in.h - block) / 2);
	ui_text(ui, "outage.title", rect_cut_top(&in, title_h + t->pad), title, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 0,
		t->text);
	ui_text(ui, "outage.body", in, body, TEXT_TITLE, TEXT_ALIGN_CENTER, 0, t->text);
}
