/* Time slots of one day as a grid: each cell shows the time and the free places; full slots are
 * disabled and say so in words. */
#include <stdio.h>

#include "core/template.h"

#include "core/utf8.h"
#include "ui/widgets.h"

static void grid_shape(const struct ui *ui, int w, int *cols, int *cell_w, int *cell_h)
{
	const struct theme *t = &ui->theme;
	int min_w = t->px[TEXT_HEADING] * 7; /* "09:00–09:30" on one line */
	*cols = (w + t->gap / 2) / (min_w + t->gap / 2);
	if (*cols < 1)
		*cols = 1;
	if (*cols > 4)
		*cols = 4;
	*cell_w = (w - (*cols - 1) * t->gap / 2) / *cols;
	*cell_h = ui_line_height(ui, TEXT_HEADING) + ui_line_height(ui, TEXT_BODY) + t->gap / 2;
	if (*cell_h < t->target)
		*cell_h = t->target;
}

int ui_slot_grid_height(const struct ui *ui, int w, int n)
{
	int cols, cell_w, cell_h;
	grid_shape(ui, w, &cols, &cell_w, &cell_h);
	int rows = (n + cols - 1) / cols;
	return rows * cell_h + (rows > 0 ? (rows - 1) * ui->theme.gap / 2 : 0);
}

bool ui_slot_grid(struct ui *ui, const char *id, struct rect r, const struct ui_slot *slots, int n, int *selected,
		  const char *free_fmt, const char *full_text)
{
	const struct theme *t = &ui->theme;
	int cols, cell_w, cell_h;
	grid_shape(ui, r.w, &cols, &cell_w, &cell_h);
	bool changed = false;
	for (int i = 0; i < n; i++) {
		struct rect cell = {r.x + (i % cols) * (cell_w + t->gap / 2), r.y + (i / cols) * (cell_h + t->gap / 2),
				    cell_w, cell_h};
		bool full = slots[i].free <= 0;
		bool on = !full && *selected == i;
		char sid[UI_ID_MAX], avail[64];
		snprintf(sid, sizeof(sid), "%s.%d", id, i);
		if (full)
			snprintf(avail, sizeof(avail), "%s", full_text);
		else
			template_fill(avail, sizeof(avail), free_fmt, (const char *const[]){"n"}, (const long[]){slots[i].free}, 1);
		bool pressed = false;
		if (ui_track_tap(ui, sid, cell, !full, &pressed) && !on) {
			*selected = i;
			on = true;
			changed = true;
		}
		struct color fill = on ? t->selected : full ? t->background : pressed ? t->surface_pressed : t->surface;
		struct color fg = on ? t->on_selected : full ? t->text_muted : t->text;
		draw_list_rect(&ui->draw, cell, fill, t->radius / 2, t->border, on ? t->selected : t->border_color);
		struct text_style ts = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_CENTER, 1);
		struct text_style as = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_CENTER, 1);
		const struct text_layout *tl = ui_measure(ui, slots[i].time, &ts, cell.w - t->gap / 2);
		const struct text_layout *al = ui_measure(ui, avail, &as, cell.w - t->gap / 2);
		int block = (tl ? tl->height : 0) + (al ? al->height : 0);
		int y = cell.y + (cell.h - block) / 2;
		if (tl) {
			draw_list_text(&ui->draw, tl, cell.x + t->gap / 4, y, fg);
			y += tl->height;
		}
		if (al)
			draw_list_text(&ui->draw, al, cell.x + t->gap / 4, y, fg);
		struct ui_widget *w = ui_record(ui, sid, "slot", cell);
		if (w) {
			utf8_copy(w->text, sizeof(w->text), slots[i].time);
			char label[UI_TEXT_MAX * 2];
			snprintf(label, sizeof(label), "%s %s", slots[i].time, avail);
			utf8_copy(w->label, sizeof(w->label), label);
			w->enabled = !full;
			w->selected = on;
			w->font_px = as.px;
			w->fg = fg;
			w->bg = fill;
			w->truncated = (tl && tl->truncated) || (al && al->truncated);
		}
	}
	return changed;
}
