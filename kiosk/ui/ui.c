/* Immediate-mode UI context; see ui.h. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned hash_id(const char *id)
{
	unsigned h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1;
}

void ui_init(struct ui *ui, struct text_cache *texts)
{
	memset(ui, 0, sizeof(*ui));
	ui->texts = texts;
	draw_list_init(&ui->draw);
}

void ui_finish(struct ui *ui)
{
	draw_list_finish(&ui->draw);
	free(ui->widgets);
	ui->widgets = NULL;
}

void ui_begin(struct ui *ui, const struct theme *theme, enum text_lang lang, int w, int h, const struct ui_event *ev)
{
	ui->theme = *theme;
	ui->lang = lang;
	ui->width = w;
	ui->height = h;
	draw_list_clear(&ui->draw);
	ui->widget_count = 0;
	ui->event = ev ? *ev : (struct ui_event){UI_EVENT_NONE, 0, 0};
	if (ev && ev->kind != UI_EVENT_NONE) {
		ui->pointer_x = ev->x;
		ui->pointer_y = ev->y;
		if (ev->kind == UI_EVENT_PRESS)
			ui->pointer_down = true;
	}
}

void ui_end(struct ui *ui)
{
	if (ui->event.kind == UI_EVENT_RELEASE) {
		ui->pointer_down = false;
		ui->active = 0;
	}
}

static struct ui_widget *record(struct ui *ui, const char *id, const char *role, struct rect r)
{
	if (ui->widget_count == ui->widget_cap) {
		size_t cap = ui->widget_cap ? ui->widget_cap * 2 : 64;
		struct ui_widget *w = realloc(ui->widgets, cap * sizeof(*w));
		if (!w)
			return NULL;
		ui->widgets = w;
		ui->widget_cap = cap;
	}
	struct ui_widget *w = &ui->widgets[ui->widget_count++];
	memset(w, 0, sizeof(*w));
	snprintf(w->id, sizeof(w->id), "%s", id ? id : "");
	w->role = role;
	w->rect = r;
	w->enabled = true;
	return w;
}

struct text_style ui_text_style(const struct ui *ui, enum text_role role, enum text_align align, int max_lines)
{
	return (struct text_style){
		.px = ui->theme.px[role],
		.weight = role >= TEXT_HEADING ? TEXT_BOLD : TEXT_REGULAR,
		.lang = ui->lang,
		.align = align,
		.line_spacing_pct = role >= TEXT_TITLE ? 125 : ui->theme.line_spacing_pct,
		.max_lines = max_lines,
	};
}

const struct text_layout *ui_measure(struct ui *ui, const char *text, const struct text_style *style, int max_width)
{
	return text_cache_get(ui->texts, text, style, max_width);
}

int ui_text(struct ui *ui, const char *id, struct rect r, const char *text, enum text_role role,
	    enum text_align align, int max_lines, struct color color)
{
	struct text_style st = ui_text_style(ui, role, align, max_lines);
	const struct text_layout *l = ui_measure(ui, text, &st, r.w);
	if (!l)
		return 0;
	draw_list_text(&ui->draw, l, r.x, r.y, color);
	struct ui_widget *w = record(ui, id, role >= TEXT_HEADING ? "heading" : "label",
				     (struct rect){r.x, r.y, r.w, l->height});
	if (w) {
		snprintf(w->text, sizeof(w->text), "%s", text);
		snprintf(w->label, sizeof(w->label), "%s", text);
		w->font_px = st.px;
		w->fg = color;
		w->bg = ui->theme.background;
		w->truncated = l->truncated;
	}
	return l->height;
}

void ui_panel(struct ui *ui, struct rect r, struct color fill, int radius, int border, struct color border_color)
{
	draw_list_rect(&ui->draw, r, fill, radius, border, border_color);
}

/* Press/release bookkeeping shared by every interactive widget. */
static bool track_tap(struct ui *ui, unsigned h, struct rect r, bool enabled, bool *pressed)
{
	bool tapped = false;
	const struct ui_event *ev = &ui->event;
	if (enabled && ev->kind == UI_EVENT_PRESS && rect_contains(r, ev->x, ev->y))
		ui->active = h;
	if (enabled && ev->kind == UI_EVENT_RELEASE && ui->active == h)
		tapped = rect_contains(r, ev->x, ev->y);
	*pressed = enabled && ui->active == h && ui->pointer_down && ev->kind != UI_EVENT_RELEASE &&
		   rect_contains(r, ui->pointer_x, ui->pointer_y);
	return tapped;
}

bool ui_area(struct ui *ui, const char *id, struct rect r, const char *text, const char *label, bool *pressed)
{
	bool tapped = track_tap(ui, hash_id(id), r, true, pressed);
	struct ui_widget *w = record(ui, id, "button", r);
	if (w) {
		snprintf(w->text, sizeof(w->text), "%s", text);
		snprintf(w->label, sizeof(w->label), "%s", label ? label : text);
		w->font_px = ui->theme.px[TEXT_TITLE];
		w->fg = ui->theme.text;
		w->bg = ui->theme.surface;
	}
	return tapped;
}

bool ui_button(struct ui *ui, const char *id, struct rect r, const char *text, const struct ui_button_look *look)
{
	bool pressed = false;
	bool tapped = track_tap(ui, hash_id(id), r, !look->disabled, &pressed);
	struct color fill = pressed ? look->fill_pressed : look->fill;
	draw_list_rect(&ui->draw, r, fill, ui->theme.radius, look->border, look->border_color);
	struct text_style st = ui_text_style(ui, look->role, TEXT_ALIGN_CENTER, 1);
	int inner_w = r.w - 2 * ui->theme.gap / 2;
	const struct text_layout *l = ui_measure(ui, text, &st, inner_w > 0 ? inner_w : r.w);
	if (l)
		draw_list_text(&ui->draw, l, r.x + (r.w - (inner_w > 0 ? inner_w : r.w)) / 2, r.y + (r.h - l->height) / 2,
			       look->text);
	struct ui_widget *w = record(ui, id, look->role_name ? look->role_name : "button", r);
	if (w) {
		snprintf(w->text, sizeof(w->text), "%s", text);
		snprintf(w->label, sizeof(w->label), "%s", look->label ? look->label : text);
		w->enabled = !look->disabled;
		w->selected = look->selected;
		w->checked = look->checked;
		w->font_px = st.px;
		w->fg = look->text;
		w->bg = look->fill;
		w->truncated = l && l->truncated;
	}
	return tapped;
}

const struct ui_widget *ui_find(const struct ui *ui, const char *id)
{
	for (size_t i = 0; i < ui->widget_count; i++) {
		if (strcmp(ui->widgets[i].id, id) == 0)
			return &ui->widgets[i];
	}
	return NULL;
}

void ui_icon(struct ui *ui, struct rect r, const char *glyph, struct color fill, struct color fg)
{
	draw_list_rect(&ui->draw, r, fill, ui->theme.radius, 0, fill);
	struct text_style st = ui_text_style(ui, TEXT_DISPLAY, TEXT_ALIGN_CENTER, 1);
	st.px = r.h * 56 / 100;
	st.line_spacing_pct = 100;
	const struct text_layout *l = ui_measure(ui, glyph, &st, r.w);
	if (l)
		draw_list_text(&ui->draw, l, r.x, r.y + (r.h - l->height) / 2, fg);
}
