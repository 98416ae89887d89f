/* Screen chrome; see chrome.h. */
#include "screens/chrome.h"

#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/assisted_bar.h"
#include "screens/help_call.h"
#include "screens/flow.h"
#include "ui/keyboard.h"

static const char *const lang_ids[TEXT_LANG_COUNT] = {"lang.zh-Hans", "lang.zh-Hant", "lang.en"};
/* Each language by its own name (languages catalogue), what the voice and a screen reader say. */
static const char *const lang_name_keys[TEXT_LANG_COUNT] = {"lang.name.zh-Hans", "lang.name.zh-Hant", "lang.name.en"};
static const char *const lang_tags[TEXT_LANG_COUNT] = {"zh-Hans", "zh-Hant", "en"};

/* True when staff offer language i on this kiosk ([kiosk] languages). */
static bool offered(const struct screen_ctx *ctx, int i)
{
	const char *list = config_str(ctx->cfg, "kiosk", "languages");
	size_t len = strlen(lang_tags[i]);
	for (const char *p = list; *p; p += strcspn(p, " "), p += *p == ' ') {
		if (strcspn(p, " ") == len && strncmp(p, lang_tags[i], len) == 0)
			return true;
	}
	return false;
}

int chrome_language_count(const struct screen_ctx *ctx)
{
	int shown = 0;
	for (int i = 0; i < TEXT_LANG_COUNT; i++)
		shown += offered(ctx, i);
	return shown;
}

void chrome_languages(struct screen_ctx *ctx, struct rect r)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	int shown = chrome_language_count(ctx);
	for (int i = 0, cell = 0; shown > 1 && i < TEXT_LANG_COUNT; i++) {
		if (!offered(ctx, i))
			continue;
		bool on = ui->lang == (enum text_lang)i;
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
		if (on) {
			look.fill = look.fill_pressed = t->selected;
			look.text = t->on_selected;
			look.border_color = t->selected;
		}
		look.role_name = "option";
		look.selected = on;
		look.label = screen_text(ctx, lang_name_keys[i]);
		if (ui_button(ui, lang_ids[i], rect_cell(r, cell++, shown, t->gap / 2, true), screen_text(ctx, lang_ids[i]),
			      &look))
			ctx->request.lang = i;
	}
}

void chrome_contrast(struct screen_ctx *ctx, struct rect r)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const char *contrast_text = screen_text(ctx, "settings.contrast");
	char shown[UI_TEXT_MAX];
	snprintf(shown, sizeof(shown), "%s%s", t->kind == THEME_HIGH_CONTRAST ? "✓ " : "", contrast_text);
	struct ui_button_look look = ui_button_look(ui, t->kind == THEME_HIGH_CONTRAST ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
	look.role_name = "toggle";
	look.checked = t->kind == THEME_HIGH_CONTRAST;
	look.label = contrast_text;
	look.role = TEXT_HEADING;
	if (ui_button(ui, "settings.contrast", r, shown, &look))
		ctx->request.theme = t->kind == THEME_HIGH_CONTRAST ? THEME_LARGE : THEME_HIGH_CONTRAST;
}

/* The big 长辈版 switch, in r. */
static void large_switch(struct screen_ctx *ctx, struct rect r, const char *shown)
{
	struct ui *ui = ctx->ui;
	bool large = ui->theme.kind != THEME_STANDARD;
	struct ui_button_look look = ui_button_look(ui, large ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
	look.role_name = "toggle";
	look.checked = large;
	look.label = screen_text(ctx, "home.large_mode");
	if (ui_button(ui, "home.large_mode", r, shown, &look))
		ctx->request.theme = large ? THEME_STANDARD : THEME_LARGE;
}

void chrome_settings(struct screen_ctx *ctx, struct rect *area)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	bool large = t->kind != THEME_STANDARD;
	char large_shown[UI_TEXT_MAX];
	snprintf(large_shown, sizeof(large_shown), "%s%s", large ? "✓ " : "", screen_text(ctx, "home.large_mode"));
	int large_w = ui_button_width(ui, large_shown, NULL, TEXT_HEADING);
	if (large) {
		/* The assisted mode: the switch and the assisted controls (再听一次, 请工作人员帮忙, 设置: the
		 * languages and high contrast live in the 设置 panel), packed into as few rows as fit. */
		int w[4] = {large_w, 0, 0, 0};
		assisted_bar_widths(ctx, w + 1);
		int rows = 0;
		for (int first = 0; first < 4;) {
			int last = first, used = w[first];
			while (last + 1 < 4 && used + t->gap / 2 + w[last + 1] <= area->w)
				used += t->gap / 2 + w[++last];
			if (rows++)
				rect_cut_top(area, t->gap / 2);
			struct rect row = rect_cut_top(area, t->target);
			int spare = (area->w - used) / (last - first + 1);
			struct rect cells[4];
			for (int i = first; i <= last; i++) {
				cells[i] = rect_cut_left(&row, i == last ? row.w : w[i] + spare);
				rect_cut_left(&row, t->gap / 2);
			}
			for (int i = first; i <= last; i++) {
				if (i == 0)
					large_switch(ctx, cells[0], large_shown);
				else
					assisted_bar_control(ctx, i - 1, cells[i]);
			}
			first = last + 1;
		}
		return;
	}
	/* Standard: the languages on the left, the switch on the right (two rows when narrow). */
	int shown = chrome_language_count(ctx);
	int option_w = t->target * 3 / 2;
	int langs_w = shown > 1 ? option_w * shown + t->gap / 2 * (shown - 1) : 0; /* one language: no switch */
	bool one_row = langs_w + t->gap + large_w <= area->w;
	struct rect row = rect_cut_top(area, t->target);
	chrome_languages(ctx, rect_cut_left(&row, langs_w));
	if (!one_row) {
		rect_cut_top(area, t->gap / 2);
		row = rect_cut_top(area, t->target);
	}
	large_switch(ctx, one_row ? rect_cut_right(&row, large_w) : row, large_shown);
}

struct rect chrome_header(struct screen_ctx *ctx, struct rect *area, struct ui_button_look *nav)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect bar = rect_cut_top(area, t->target + t->pad / 2);
	ui_panel(ui, bar, t->header, 0, 0, t->header);
	*nav = ui_button_look(ui, UI_BUTTON_QUIET);
	nav->fill = t->header;
	nav->fill_pressed = t->primary_pressed;
	nav->text = t->on_header;
	nav->border_color = t->on_header;
	nav->role = TEXT_HEADING;
	return rect_inset(bar, t->pad / 2, t->pad / 4);
}

struct rect chrome_begin(struct screen_ctx *ctx, struct chrome *c)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect area = {0, 0, ui->width, ui->height};
	c->step_row = (struct rect){0}; /* set below when there is a step line */

	/* The keyboard takes the bottom of the screen while a field is focused. */
	int kb = ui_keyboard_height(ui, ui->width);
	c->keyboard = rect_cut_bottom(&area, kb);

	struct ui_button_look nav;
	struct rect in = chrome_header(ctx, &area, &nav);
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
	if (tl && tl->truncated) {
		/* A title longer than the room between Back and Home (English in the large themes) gets a band
		 * of its own under them, the whole width, on two lines if need be: never cut. */
		struct text_style two = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_CENTER, 2);
		int w = area.w - t->pad;
		const struct text_layout *wl = ui_measure(ui, c->title, &two, w);
		if (wl) {
			struct rect band = rect_cut_top(&area, wl->height + t->pad / 4);
			ui_panel(ui, band, t->header, 0, 0, t->header);
			ui_text(ui, "screen.title", (struct rect){band.x + t->pad / 2, band.y, w, wl->height}, c->title, TEXT_TITLE,
				TEXT_ALIGN_CENTER, 2, t->on_header);
		}
	} else if (tl) {
		ui_text(ui, "screen.title", (struct rect){in.x + t->gap / 2, in.y + (in.h - tl->height) / 2, in.w - t->gap, tl->height},
			c->title, TEXT_TITLE, TEXT_ALIGN_CENTER, 1, t->on_header);
	}
	ui_text_on(ui, t->background);

	area = rect_inset(area, t->pad, 0);
	rect_cut_top(&area, t->gap);
	if (c->keyboard.h > 0) { /* typing: the field and the keys get the room, settings wait */
		rect_cut_bottom(&area, t->gap);
		return area;
	}
	chrome_settings(ctx, &area);
	/* a short landscape screen in a large theme keeps a half gap: its rows are dear */
	rect_cut_top(&area, ui->width > ui->height && t->kind != THEME_STANDARD ? t->gap / 2 : t->gap);
	if (c->steps > 0) {
		char step[64];
		const char *names[] = {"step", "steps"};
		long values[] = {c->step, c->steps};
		template_fill(step, sizeof(step), screen_text(ctx, "nav.step"), names, values, 2);
		c->step_row = (struct rect){area.x, area.y, area.w, ui_line_height(ui, TEXT_BODY)};
		area.y += ui_text(ui, "screen.step", area, step, TEXT_BODY, TEXT_ALIGN_START, 1, t->text_muted);
		area.h -= ui_line_height(ui, TEXT_BODY);
		rect_cut_top(&area, t->gap / 2);
	}
	if (screen_ref_note_due(ctx)) { /* once per screen, above what it concerns */
		char note[UI_TEXT_MAX];
		snprintf(note, sizeof(note), "ⓘ %s", screen_text(ctx, "ref.no_english"));
		int h = ui_text(ui, "screen.ref_note", area, note, TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted);
		area.y += h;
		area.h -= h;
		rect_cut_top(&area, t->gap / 2);
	}
	rect_cut_bottom(&area, t->gap);
	return area;
}

void chrome_end(struct screen_ctx *ctx, struct chrome *c)
{
	if (c->keyboard.h > 0)
		ui_keyboard(ctx->ui, c->keyboard);
	/* "找不到这个字？请工作人员帮忙" on the keyboard of a name field */
	if (ui_keyboard_asked_staff(ctx->ui))
		help_call_request(ctx, "character_input");
}
