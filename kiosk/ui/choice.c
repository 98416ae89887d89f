/* Radio groups: one choice of several, each option a full-size target with a visible mark, so the
 * choice never shows by colour alone; options in rows of one (a column), of all (a line) or in a grid. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

/* Rows of a grid sit closer than a column's: its columns already set the options apart. */
static int row_gap(const struct ui *ui, int cols)
{
	return cols > 1 ? ui->theme.gap / 4 : ui->theme.gap / 2;
}

int ui_choice_height(const struct ui *ui, int n)
{
	return ui_choice_grid_height(ui, n, 1);
}

int ui_choice_grid_height(const struct ui *ui, int n, int cols)
{
	int rows = cols > 0 ? (n + cols - 1) / cols : n;
	return rows * ui->theme.target + (rows > 0 ? (rows - 1) * row_gap(ui, cols) : 0);
}

bool ui_choice(struct ui *ui, const char *id, struct rect r, const char *const *labels, int n, int *selected,
	       bool vertical)
{
	return ui_choice_grid(ui, id, r, labels, n, selected, vertical ? 1 : n);
}

bool ui_choice_grid(struct ui *ui, const char *id, struct rect r, const char *const *labels, int n, int *selected,
		    int cols)
{
	const struct theme *t = &ui->theme;
	bool changed = false;
	if (cols < 1)
		cols = 1;
	for (int i = 0; i < n; i++) {
		struct rect row = {r.x, r.y + i / cols * (t->target + row_gap(ui, cols)), r.w, t->target};
		struct rect cell = rect_cell(row, i % cols, cols, t->gap / 2, true);
		char oid[UI_ID_MAX];
		snprintf(oid, sizeof(oid), "%s.%d", id, i);
		bool on = *selected == i;
		bool pressed = false;
		if (ui_track_tap(ui, oid, cell, true, &pressed) && !on) {
			*selected = i;
			on = true;
			changed = true;
		}
		struct color fill = pressed ? t->surface_pressed : on ? t->selected : t->surface;
		struct color fg = on ? t->on_selected : t->text;
		draw_list_rect(&ui->draw, cell, fill, t->radius / 2, t->border, on ? t->selected : t->border_color);
		/* The radio mark: a ring, filled when chosen. */
		int d = t->px[TEXT_BODY];
		struct rect ring = {cell.x + t->pad / 2, cell.y + (cell.h - d) / 2, d, d};
		draw_list_rect(&ui->draw, ring, on ? t->on_selected : t->surface, d / 2, t->border,
			       on ? t->on_selected : t->text_muted);
		if (on)
			draw_list_rect(&ui->draw, rect_inset(ring, d / 4, d / 4), t->selected, d / 4, 0, t->selected);
		struct rect text_r = cell;
		rect_cut_left(&text_r, t->pad / 2 + d + t->gap / 2);
		struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 1);
		const struct text_layout *l = ui_measure(ui, labels[i], &st, text_r.w - t->gap / 2);
		if (l)
			draw_list_text(&ui->draw, l, text_r.x, cell.y + (cell.h - l->height) / 2, fg);
		struct ui_widget *w = ui_record(ui, oid, "option", cell);
		if (w) {
			utf8_copy(w->text, sizeof(w->text), labels[i]);
			utf8_copy(w->label, sizeof(w->label), labels[i]);
			w->selected = w->checked = on;
			w->font_px = st.px;
			w->fg = fg;
			w->bg = on ? t->selected : t->surface;
			w->truncated = l && l->truncated;
		}
	}
	return changed;
}
