/* Screen chrome; see chrome.h. */
#include "screens/chrome.h"

#include <stdio.h>

#include "core/template.h"

static const char *const lang_ids[TEXT_LANG_COUNT] = {"lang.zh-Hans", "lang.zh-Hant", "lang.en"};
static const char *const lang_names[TEXT_LANG_COUNT] = {"简体中文", "繁體中文", "English"};

void chrome_settings(struct screen_ctx *ctx, struct rect *area)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	bool large = t->kind != THEME_STANDARD;
	const char *large_text = screen_text(ctx, "home.large_mode");
	char large_shown[UI_TEXT_MAX];
	snprintf(large_shown, sizeof(large_shown), "%s%s", large ? "✓ " : "", large_text);
	int large_w = ui_button_width(ui, large_shown, NULL, TEXT_HEADING);
	const char *contrast_text = screen_text(ctx, "settings.contrast");
	char contrast_shown[UI_TEXT_MAX];
	snprintf(contrast_shown, sizeof(contrast_shown), "%s%s", t->kind == THEME_HIGH_CONTRAST ? "✓ " : "",
		 contrast_text);
	int contrast_w = large ? ui_button_width(ui, contrast_shown, NULL, TEXT_HEADING) : 0;
	int switches_w = large_w + (large ? contrast_w + t->gap / 2 : 0);
	int option_w = t->target * 3 / 2;
	int langs_w = option_w * 3 + t->gap;
	bool one_row = langs_w + t->gap + switches_w <= area->w;

	struct rect row = rect_cut_top(area, t->target);
	struct rect langs = rect_cut_left(&row, langs_w);
	for (int i = 0; i < TEXT_LANG_COUNT; i++) {
		bool on = ui->lang == (enum text_lang)i;
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
		if (on) {
			look.fill = look.fill_pressed = t->selected;
			look.text = t->on_selected;
			look.border_color = t->selected;
		}
		look.role_name = "option";
		look.selected = on;
		look.label = lang_names[i];
		if (ui_button(ui, lang_ids[i], rect_cell(langs, i, TEXT_LANG_COUNT, t->gap / 2, true),
			      screen_text(ctx, lang_ids[i]), &look))
			ctx->request.lang = i;
	}
	if (!one_row) {
		rect_cut_top(area, t->gap / 2);
		row = rect_cut_top(area, t->target);
	}
	/* The large-text switch: big, never hidden; in large mode the high-contrast switch sits beside it. */
	struct rect switches = one_row ? rect_cut_right(&row, switches_w) : row;
	if (large) {
		int cw = contrast_w < switches.w / 2 ? contrast_w : switches.w / 2;
		struct rect contrast = rect_cut_right(&switches, cw);
		rect_cut_right(&switches, t->gap / 2);
		struct ui_button_look look = ui_button_look(ui, t->kind == THEME_HIGH_CONTRAST ? UI_BUTTON_PRIMARY
												 : UI_BUTTON_SECONDARY);
		look.role_name = "toggle";
		look.checked = t->kind == THEME_HIGH_CONTRAST;
		look.label = contrast_text;
		if (ui_button(ui, "settings.contrast", contrast, contrast_shown, &look))
			ctx->request.theme = t->kind == THEME_HIGH_CONTRAST ? THEME_LARGE : THEME_HIGH_CONTRAST;
	}
	struct ui_button_look look = ui_button_look(ui, large ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
	look.role_name = "toggle";
	look.checked = large;
	look.label = large_text;
	if (ui_button(ui, "home.large_mode", switches, large_shown, &look))
		ctx->request.theme = large ? THEME_STANDARD : THEME_LARGE;
}

struct rect chrome_begin(struct screen_ctx *ctx, struct chrome *c)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect area = {0, 0, ui->width, ui->height};

	/* The keyboard takes the bottom of the screen while a field is focused. */
	int kb = ui_keyboard_height(ui, ui->width);
	c->keyboard = rect_cut_bottom(&area, kb);

	struct rect bar = rect_cut_top(&area, t->target + t->pad / 2);
	ui_panel(ui, bar, t->header, 0, 0, t->header);
	struct rect in = rect_inset(bar, t->pad / 2, t->pad / 4);
	struct ui_button_look nav = ui_button_look(ui, UI_BUTTON_QUIET);
	nav.fill = t->header;
	nav.fill_pressed = t->primary_pressed;
	nav.text = t->on_header;
	nav.border_color = t->on_header;
	nav.role = TEXT_HEADING;
	const char *back = screen_text(ctx, "nav.back"), *home = screen_text(ctx, "nav.home");
	int nav_w = ui_button_width(ui, back, "‹", TEXT_HEADING);
	int home_w = ui_button_width(ui, home, "⌂", TEXT_HEADING);
	if (nav_w < t->target * 3 / 2)
		nav_w = t->target * 3 / 2;
	if (home_w < nav_w)
		home_w = nav_w;
	nav_w = home_w;
	nav.icon = "‹";
	if (ui_button(ui, "nav.back", rect_cut_left(&in, nav_w), back, &nav))
		ctx->request.nav = SCREEN_BACK;
	nav.icon = "⌂";
	if (ui_button(ui, "nav.home", rect_cut_right(&in, home_w), home, &nav))
		ctx->request.nav = SCREEN_HOME;
	struct text_style ts = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_CENTER, 1);
	const struct text_layout *tl = ui_measure(ui, c->title, &ts, in.w - t->gap);
	ui_text_on(ui, t->header);
	if (tl)
		ui_text(ui, "screen.title", (struct rect){in.x + t->gap / 2, in.y + (in.h - tl->height) / 2, in.w - t->gap, tl->height},
			c->title, TEXT_TITLE, TEXT_ALIGN_CENTER, 1, t->on_header);
	ui_text_on(ui, t->background);

	area = rect_inset(area, t->pad, 0);
	rect_cut_top(&area, t->gap);
	if (c->keyboard.h > 0) { /* typing: the field and the keys get the room, settings wait */
		rect_cut_bottom(&area, t->gap);
		return area;
	}
	chrome_settings(ctx, &area);
	rect_cut_top(&area, t->gap);
	if (c->steps > 0) {
		char step[64];
		const char *names[] = {"step", "steps"};
		long values[] = {c->step, c->steps};
		template_fill(step, sizeof(step), screen_text(ctx, "nav.step"), names, values, 2);
		area.y += ui_text(ui, "screen.step", area, step, TEXT_BODY, TEXT_ALIGN_START, 1, t->text_muted);
		area.h -= ui_line_height(ui, TEXT_BODY);
		rect_cut_top(&area, t->gap / 2);
	}
	rect_cut_bottom(&area, t->gap);
	return area;
}

void chrome_end(struct screen_ctx *ctx, struct chrome *c)
{
	if (c->keyboard.h > 0)
		ui_keyboard(ctx->ui, c->keyboard);
}
