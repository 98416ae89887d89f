/* Immediate-mode UI context; see ui.h. Widgets are in the other files of this folder. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/secure.h"
#include "ui/widgets.h"

unsigned ui_hash(const char *id)
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
	if (ui->widgets)
		secure_wipe(ui->widgets, ui->widget_cap * sizeof(*ui->widgets));
	free(ui->widgets);
	ui->widgets = NULL;
}

void ui_reset(struct ui *ui)
{
	ui->active = 0;
	ui->focus = 0;
	ui->focused_field = NULL;
	ui->pointer_down = false;
	ui->toast_until = 0;
	secure_wipe(ui->toast, sizeof(ui->toast));
	ui->hear_armed = 0;
	ui->hear_id[0] = '\0';
	ui->keyboard_field = 0; /* the next visitor's first field starts in its default mode */
	ui->keyboard_mode = 0;
	ui->candidate_page = 0;
	memset(ui->states, 0, sizeof(ui->states));
	/* The recorded widgets of the last pass hold what was on screen: wipe them too. */
	if (ui->widgets)
		secure_wipe(ui->widgets, ui->widget_cap * sizeof(*ui->widgets));
	ui->widget_count = 0;
}

void ui_begin(struct ui *ui, const struct theme *theme, enum text_lang lang, int w, int h, uint64_t now_ms,
	      const struct ui_event *ev)
{
	ui->theme = *theme;
	ui->lang = lang;
	ui->width = w;
	ui->height = h;
	ui->now_ms = now_ms;
	draw_list_clear(&ui->draw);
	ui->widget_count = 0;
	ui->hear_id[0] = '\0';
	ui->input_layer = ui->top_layer;
	ui->layer = ui->top_layer = 0;
	ui->clip = (struct rect){0, 0, 0, 0};
	ui->text_bg = theme->background;
	ui->focused_field = NULL;
	ui->press_taken = false;
	ui->keyboard_asked_staff = false;
	ui->animating = false;
	ui->relayout = false;
	ui->field_count = 0;
	ui->focus_rect = (struct rect){0, 0, 0, 0};
	ui->wake_at = 0;
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
	/* A press on anything but a field or a key closes the keyboard. */
	if (ui->event.kind == UI_EVENT_PRESS && !ui->press_taken && ui_layer_has_input(ui))
		ui->focus = 0;
	if (ui->event.kind == UI_EVENT_RELEASE) {
		ui->pointer_down = false;
		ui->active = 0;
	}
	if (ui->toast_until > ui->now_ms && ui->toast[0]) {
		ui_toast_draw(ui, ui->toast);
		ui_wake_at(ui, ui->toast_until);
	}
}

void ui_layer_push(struct ui *ui)
{
	ui->layer++;
	if (ui->layer > ui->top_layer)
		ui->top_layer = ui->layer;
}

void ui_layer_pop(struct ui *ui)
{
	if (ui->layer > 0)
		ui->layer--;
}

bool ui_layer_has_input(const struct ui *ui)
{
	return ui->layer >= ui->input_layer;
}

void ui_text_on(struct ui *ui, struct color bg)
{
	ui->text_bg = bg;
}

struct ui_widget *ui_record(struct ui *ui, const char *id, const char *role, struct rect r)
{
	/* Scrolled out of view: not on screen, not in the dump (unless a whole screen is being read). */
	bool hidden = ui->clip.w > 0 && (r.y + r.h <= ui->clip.y || r.y >= ui->clip.y + ui->clip.h ||
					 r.x + r.w <= ui->clip.x || r.x >= ui->clip.x + ui->clip.w);
	if (hidden && !ui->record_hidden)
		return NULL;
	struct rect shown = hidden ? r : rect_intersect(r, ui->clip); /* partly scrolled out: what shows */
	bool clipped = shown.w != r.w || shown.h != r.h;
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
	w->rect = shown;
	w->clipped = clipped && !hidden;
	w->hidden = hidden;
	w->enabled = true;
	w->bg = ui->text_bg;
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

int ui_line_height(const struct ui *ui, enum text_role role)
{
	int pct = role >= TEXT_TITLE ? 125 : ui->theme.line_spacing_pct;
	return (ui->theme.px[role] * pct + 50) / 100;
}

bool ui_track_tap(struct ui *ui, const char *id, struct rect r, bool enabled, bool *pressed)
{
	unsigned h = ui_hash(id);
	bool tapped = false;
	const struct ui_event *ev = &ui->event;
	bool input = enabled && ui_layer_has_input(ui) &&
		     (ui->clip.w == 0 || rect_contains(ui->clip, ev->x, ev->y) || ev->kind == UI_EVENT_RELEASE);
	if (input && ev->kind == UI_EVENT_PRESS && rect_contains(r, ev->x, ev->y))
		ui->active = h;
	if (input && ev->kind == UI_EVENT_RELEASE && ui->active == h)
		tapped = rect_contains(r, ev->x, ev->y);
	if (tapped && ui->touch_to_hear && strncmp(id, "key.", 4) != 0 && strncmp(id, "candidate.", 10) != 0) {
		if (ui->hear_armed != h) { /* first tap: say what it is */
			ui->hear_armed = h;
			snprintf(ui->hear_id, sizeof(ui->hear_id), "%s", id);
			tapped = false;
		} else { /* second tap: do it; the next control is heard first again */
			ui->hear_armed = 0;
		}
	}
	*pressed = input && ui->active == h && ui->pointer_down && ev->kind != UI_EVENT_RELEASE &&
		   rect_contains(r, ui->pointer_x, ui->pointer_y);
	return tapped;
}

struct ui_state *ui_state_for(struct ui *ui, const char *id)
{
	unsigned h = ui_hash(id);
	struct ui_state *oldest = &ui->states[0];
	for (int i = 0; i < UI_STATE_SLOTS; i++) {
		struct ui_state *s = &ui->states[i];
		if (s->key == h)
			return s;
		if (s->key == 0 || (oldest->key != 0 && s->stamp < oldest->stamp))
			oldest = s;
	}
	memset(oldest, 0, sizeof(*oldest));
	oldest->key = h;
	oldest->stamp = ui->now_ms;
	return oldest;
}

void ui_toast_show(struct ui *ui, const char *text, uint64_t ms)
{
	snprintf(ui->toast, sizeof(ui->toast), "%s", text);
	ui->toast_until = ui->now_ms + ms;
}

void ui_wake_at(struct ui *ui, uint64_t t)
{
	if (ui->wake_at == 0 || t < ui->wake_at)
		ui->wake_at = t;
}

const struct ui_widget *ui_find(const struct ui *ui, const char *id)
{
	for (size_t i = 0; i < ui->widget_count; i++) {
		if (!ui->widgets[i].hidden && strcmp(ui->widgets[i].id, id) == 0)
			return &ui->widgets[i];
	}
	return NULL;
}
