/* The home screen: the hall's name, the three services as large cards, the language switch and the
 * 长辈版 (large text) switch. Portrait stacks the cards; landscape sets them side by side.
 * All sizes come from the theme. */
#include <stdio.h>
#include <string.h>

#include "screens/chrome.h"
#include "screens/flow.h"
#include "screens/screen.h"

void home_build(struct screen_ctx *ctx);

struct service_entry {
	const char *id, *key, *go;
	bool submits; /* needs the outbox: unavailable when the kiosk cannot take submissions */
};

static const struct service_entry services[] = {
	{"home.booking", "home.booking", "booking.service", true},
	{"home.assistance", "home.assistance", "assist.home", false},
	{"home.charity", "home.charity", "charity.projects", true},
};


static int header(struct screen_ctx *ctx, struct rect area)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const char *hall = config_str(ctx->cfg, "kiosk", "hall_name");
	if (!hall[0])
		hall = screen_text(ctx, "hall.name");
	struct text_style title = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_START, 2);
	struct text_style sub = ui_text_style(ui, TEXT_CAPTION, TEXT_ALIGN_START, 1);
	int inner_w = area.w - 2 * t->pad;
	const struct text_layout *lt = ui_measure(ui, hall, &title, inner_w);
	const struct text_layout *ls = ui_measure(ui, screen_text(ctx, "app.subtitle"), &sub, inner_w);
	int h = t->pad + (lt ? lt->height : 0) + (ls ? ls->height : 0) + t->pad * 3 / 4;
	struct rect band = rect_cut_top(&area, h);
	ui_panel(ui, band, t->header, 0, 0, t->header);
	ui_text_on(ui, t->header);
	struct rect in = rect_inset(band, t->pad, 0);
	in.y += t->pad * 3 / 4;
	in.y += ui_text(ui, "hall.name", in, hall, TEXT_TITLE, TEXT_ALIGN_START, 2, t->on_header);
	ui_text(ui, "app.subtitle", in, screen_text(ctx, "app.subtitle"), TEXT_CAPTION, TEXT_ALIGN_START, 1,
		t->on_header);
	ui_text_on(ui, t->background);
	return h;
}

static void service_card(struct screen_ctx *ctx, struct rect r, int index, bool portrait)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const struct service_entry *s = &services[index];
	char key[64];
	snprintf(key, sizeof(key), "%s.title", s->key);
	const char *title = screen_text(ctx, key);
	/* The large-text theme says less: a short line instead of the full list. */
	snprintf(key, sizeof(key), "%s.%s", s->key, t->kind == THEME_STANDARD ? "desc" : "short");
	const char *desc = screen_text(ctx, key);
	snprintf(key, sizeof(key), "%s.icon", s->key);
	const char *icon = screen_text(ctx, key);

	bool pressed = false;
	char label[UI_TEXT_MAX];
	screen_colon(ctx, title, desc, label, sizeof(label));
	if (ui_area(ui, s->id, r, title, label, &pressed)) {
		if (s->submits && !ctx->kiosk->can_submit)
			screen_push(ctx, "unavailable");
		else
			screen_push(ctx, s->go);
	}
	ui_panel(ui, r, pressed ? t->surface_pressed : t->surface, t->radius, t->border,
		 pressed ? t->accents[index] : t->border_color);
	struct color accent = t->accents[index];
	ui_text_on(ui, pressed ? t->surface_pressed : t->surface);
	struct rect in = rect_inset(r, t->pad, t->pad);
	if (portrait) {
		int tile = in.h < t->target * 2 ? in.h : t->target * 2;
		struct rect icon_r = rect_cut_left(&in, tile);
		icon_r.y += (icon_r.h - tile) / 2;
		icon_r.h = tile;
		ui_icon(ui, icon_r, icon, accent, t->on_accent);
		rect_cut_left(&in, t->pad);
		struct rect chevron = rect_cut_right(&in, t->px[TEXT_TITLE]);
		struct text_style ts = ui_text_style(ui, TEXT_DISPLAY, TEXT_ALIGN_START, 2);
		struct text_style ds = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 4);
		const struct text_layout *lt = ui_measure(ui, title, &ts, in.w);
		/* As many description lines as the card holds; an ellipsis (flagged truncated) beyond. */
		int room = in.h - (lt ? lt->height : 0) - t->gap / 2;
		int line_h = t->px[TEXT_BODY] * t->line_spacing_pct / 100;
		ds.max_lines = room / line_h > 1 ? room / line_h : 1;
		const struct text_layout *ld = ui_measure(ui, desc, &ds, in.w);
		int block = (lt ? lt->height : 0) + t->gap / 2 + (ld ? ld->height : 0);
		struct rect text_r = in;
		text_r.y += (in.h - block) / 2;
		text_r.y += ui_text(ui, NULL, text_r, title, TEXT_DISPLAY, TEXT_ALIGN_START, 2, accent) + t->gap / 2;
		ui_text(ui, NULL, text_r, desc, TEXT_BODY, TEXT_ALIGN_START, ds.max_lines, t->text_muted);
		struct text_style cs = ui_text_style(ui, TEXT_DISPLAY, TEXT_ALIGN_END, 1);
		const struct text_layout *lc = ui_measure(ui, "›", &cs, chevron.w);
		if (lc)
			draw_list_text(&ui->draw, lc, chevron.x, chevron.y + (chevron.h - lc->height) / 2, t->text_muted);
	} else {
		/* Icon above, title and description below; the icon gives up size before text does. */
		struct text_style ts = ui_text_style(ui, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 2);
		const struct text_layout *lt = ui_measure(ui, title, &ts, in.w);
		int title_h = lt ? lt->height : 0;
		int line_h = t->px[TEXT_BODY] * t->line_spacing_pct / 100;
		int tile = in.h - title_h - line_h * 2 - t->gap * 3 / 2;
		tile = tile > t->target * 2 ? t->target * 2 : tile < t->target ? t->target : tile;
		struct rect top = rect_cut_top(&in, tile);
		ui_icon(ui, (struct rect){top.x + (top.w - tile) / 2, top.y, tile, tile}, icon, accent, t->on_accent);
		rect_cut_top(&in, t->gap);
		in.y += ui_text(ui, NULL, in, title, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 2, accent) + t->gap / 2;
		in.h -= title_h + t->gap / 2;
		int lines = in.h / line_h;
		if (lines > 0) /* a short card shows the title only; its label still says the rest */
			ui_text(ui, NULL, in, desc, TEXT_BODY, TEXT_ALIGN_CENTER, lines, t->text_muted);
	}
	ui_text_on(ui, t->background);
}

void home_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect area = {0, 0, ui->width, ui->height};
	bool portrait = ui->height >= ui->width;

	rect_cut_top(&area, header(ctx, area));
	area = rect_inset(area, t->pad, 0);
	rect_cut_top(&area, t->pad);
	chrome_settings(ctx, &area);
	rect_cut_top(&area, t->pad);

	struct text_style hs = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_START, 2);
	const struct text_layout *greet = ui_measure(ui, screen_text(ctx, "home.greeting"), &hs, area.w);
	struct rect greeting = rect_cut_top(&area, greet ? greet->height : 0);
	ui_text(ui, "home.greeting", greeting, screen_text(ctx, "home.greeting"), TEXT_HEADING, TEXT_ALIGN_START, 2,
		t->text);
	rect_cut_top(&area, t->gap);

	struct text_style fs = ui_text_style(ui, TEXT_CAPTION, TEXT_ALIGN_CENTER, 2);
	const struct text_layout *help = ui_measure(ui, screen_text(ctx, "home.help"), &fs, area.w);
	struct rect footer = rect_cut_bottom(&area, (help ? help->height : 0) + t->pad);
	ui_text(ui, "home.help", rect_inset(footer, 0, t->pad / 2), screen_text(ctx, "home.help"), TEXT_CAPTION,
		TEXT_ALIGN_CENTER, 2, t->text_muted);

	int count = (int)(sizeof(services) / sizeof(services[0]));
	for (int i = 0; i < count; i++) {
		service_card(ctx, rect_cell(area, i, count, t->gap, !portrait), i, portrait);
	}
}
