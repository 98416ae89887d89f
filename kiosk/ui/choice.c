/* Radio groups: one choice of several, each option a full-size target with a visible mark, so the
 * choice never shows by colour alone. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

int ui_choice_height(const struct ui *ui, int n)
{
	return n * ui->theme.target + (n > 0 ? (n - 1) * ui->theme.gap / 2 : 0);
}

bool ui_choice(struct ui *ui, const char *id, struct rect r, const char *const *labels, int n, int *selected,
	       bool vertical)
{
	const struct theme *t = &ui->theme;
	bool changed = false;
	for (int i = 0; i < n; i++) {
		struct rect cell = vertical ? (struct rect){r.x, r.y + i * (t->target + t->gap / 2), r.w, t->target}
					    : rect_cell(r, i, n, t->gap / 2, true);
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
