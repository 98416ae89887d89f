/* The attract screen, shown while nobody is at the kiosk: the hall, what the kiosk does, and one
 * invitation to touch, in all three languages at once (the visitor has not chosen yet). The whole
 * screen is the target; one big button above the invitation starts in the assisted mode (长辈版: large
 * text, fewer choices a screen, voice). */
#include <stdio.h>

#include "screens/screen.h"

void attract_build(struct screen_ctx *ctx);

void attract_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect all = {0, 0, ui->width, ui->height};
	bool pressed = false;
	const char *start = strings_get(ctx->strings, TEXT_LANG_ZH_HANS, "attract.start");
	if (ui_area(ui, "attract.start", all, start, start, &pressed))
		ctx->request.nav = SCREEN_START;
	ui_panel(ui, all, t->header, 0, 0, t->header);
	ui_text_on(ui, t->header);

	struct rect in = rect_inset(all, t->pad * 2, t->pad * 2);
	const char *hall = config_str(ctx->cfg, "kiosk", "hall_name");
	if (!hall[0])
		hall = screen_text(ctx, "hall.name");
	int h = ui_text(ui, "hall.name", in, hall, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 2, t->on_header);
	rect_cut_top(&in, h + t->gap / 2);
	/* Staff may put their own line here ([kiosk] attract_text): a notice for the day, say. */
	const char *notice = config_str(ctx->cfg, "kiosk", "attract_text");
	h = ui_text(ui, "app.subtitle", in, notice[0] ? notice : screen_text(ctx, "app.subtitle"), TEXT_TITLE, TEXT_ALIGN_CENTER,
		    notice[0] ? 2 : 1, t->on_header);
	rect_cut_top(&in, h);

	/* The invitation, in the three languages, near the bottom where a hand reaches. */
	static const enum text_lang others[2] = {TEXT_LANG_ZH_HANT, TEXT_LANG_EN};
	int line = ui_line_height(ui, TEXT_DISPLAY), small = ui_line_height(ui, TEXT_TITLE);
	struct rect invite = rect_cut_bottom(&in, line + t->pad + t->gap + 2 * small);
	/* The assisted mode, right above the invitation: as big as a hand, in words, not hidden. */
	rect_cut_bottom(&in, t->gap);
	struct rect assisted = rect_cut_bottom(&in, t->target + t->pad / 2);
	const char *assisted_text = screen_text(ctx, "attract.large");
	int assisted_w = ui_button_width(ui, assisted_text, NULL, TEXT_TITLE) + 2 * t->pad;
	if (assisted_w > assisted.w)
		assisted_w = assisted.w;
	assisted.x += (assisted.w - assisted_w) / 2;
	assisted.w = assisted_w;
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
	look.fill = t->header;
	look.fill_pressed = t->primary_pressed;
	look.text = t->on_header;
	look.border_color = t->on_header;
	look.border = t->border * 2;
	look.role = TEXT_TITLE;
	look.role_name = "toggle";
	look.checked = t->kind != THEME_STANDARD;
	if (ui_button(ui, "attract.large", assisted, assisted_text, &look)) {
		ctx->request.theme = THEME_LARGE;
		ctx->request.nav = SCREEN_START;
	}
	struct rect button = rect_cut_top(&invite, line + t->pad);
	ui_panel(ui, button, pressed ? t->surface_pressed : t->surface, button.h / 2, 0, t->surface);
	ui_text_on(ui, t->surface);
	ui_text(ui, NULL, (struct rect){button.x, button.y + t->pad / 2, button.w, line}, start, TEXT_DISPLAY,
		TEXT_ALIGN_CENTER, 1, t->primary);
	ui_text_on(ui, t->header);
	rect_cut_top(&invite, t->gap);
	enum text_lang saved = ui->lang;
	for (int i = 0; i < 2; i++) {
		ui->lang = others[i];
		ui_text(ui, NULL, rect_cut_top(&invite, small), strings_get(ctx->strings, others[i], "attract.start"),
			TEXT_TITLE, TEXT_ALIGN_CENTER, 1, t->on_header);
	}
	ui->lang = saved;

	/* The three services, each with its seal, centred in the space between. */
	static const char *const keys[3] = {"home.booking", "home.assistance", "home.charity"};
	bool portrait = ui->height >= ui->width;
	int tile = t->target * 2;
	int block_h = portrait ? 3 * tile + 2 * t->pad : tile + t->gap + ui_line_height(ui, TEXT_DISPLAY);
	if (block_h > in.h)
		block_h = in.h;
	struct rect services = {in.x, in.y + (in.h - block_h) / 2, in.w, block_h};
	for (int i = 0; i < 3; i++) {
		char key[48];
		snprintf(key, sizeof(key), "%s.icon", keys[i]);
		const char *icon = screen_text(ctx, key);
		snprintf(key, sizeof(key), "%s.title", keys[i]);
		const char *title = screen_text(ctx, key);
		struct rect cell = rect_cell(services, i, 3, portrait ? t->pad : t->gap, !portrait);
		struct color seal = t->kind == THEME_HIGH_CONTRAST ? t->accents[i] : t->surface;
		struct color seal_fg = t->kind == THEME_HIGH_CONTRAST ? t->on_accent : t->accents[i];
		if (portrait) {
			int text_w = t->px[TEXT_DISPLAY] * 5;
			int left = cell.x + (cell.w - tile - t->pad - text_w) / 2;
			ui_icon(ui, (struct rect){left, cell.y, tile, tile}, icon, seal, seal_fg);
			int lh = ui_line_height(ui, TEXT_DISPLAY);
			ui_text(ui, NULL, (struct rect){left + tile + t->pad, cell.y + (tile - lh) / 2, text_w, lh}, title,
				TEXT_DISPLAY, TEXT_ALIGN_START, 1, t->on_header);
		} else {
			ui_icon(ui, (struct rect){cell.x + (cell.w - tile) / 2, cell.y, tile, tile}, icon, seal, seal_fg);
			ui_text(ui, NULL, (struct rect){cell.x, cell.y + tile + t->gap, cell.w, cell.h}, title, TEXT_DISPLAY,
				TEXT_ALIGN_CENTER, 1, t->on_header);
		}
	}
}
