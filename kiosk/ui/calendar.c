/* The date picker: one month as a 7-column grid, Monday first, fitted into the height it is given
 * (rows no shorter than a touch target: give it ui_calendar_height). Days that cannot be chosen (closed,
 * holiday, full, outside the booking window) are greyed and marked in words; tapping one says why
 * instead of doing nothing (it is a disabled choice that still explains itself). */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

/* The height of a row of days when the month is given height pixels. */
static int cell_height(const struct ui *ui, const struct ui_month *m, int height)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 4;
	int weeks = (m->first_weekday + m->days + 6) / 7;
	int rows_h = height - (ui_line_height(ui, TEXT_HEADING) + t->gap / 2) - (ui_line_height(ui, TEXT_BODY) + gap);
	int cell_h = (rows_h - (weeks - 1) * gap) / weeks;
	if (cell_h > t->target * 3 / 2)
		cell_h = t->target * 3 / 2;
	if (cell_h < t->target)
		cell_h = t->target;
	return cell_h;
}

int ui_calendar_day_top(const struct ui *ui, const struct ui_month *m, int height, int day)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 4;
	int row = (m->first_weekday + day - 1) / 7;
	return ui_line_height(ui, TEXT_HEADING) + t->gap / 2 + ui_line_height(ui, TEXT_BODY) + gap +
	       row * (cell_height(ui, m, height) + gap);
}

bool ui_calendar(struct ui *ui, const char *id, struct rect r, const struct ui_month *m, int *selected_day)
{
	const struct theme *t = &ui->theme;
	bool changed = false;
	char wid[UI_ID_MAX];
	snprintf(wid, sizeof(wid), "%s.title", id);
	int title_h = ui_text(ui, wid, r, m->title, TEXT_HEADING, TEXT_ALIGN_CENTER, 1, t->text) + t->gap / 2;
	r.y += title_h;
	r.h -= title_h;
	int gap = t->gap / 4;
	int cell_w = (r.w - 6 * gap) / 7;
	int head_h = ui_line_height(ui, TEXT_BODY);
	for (int i = 0; i < 7; i++) {
		snprintf(wid, sizeof(wid), "%s.wd%d", id, i);
		ui_text(ui, wid, (struct rect){r.x + i * (cell_w + gap), r.y, cell_w, head_h}, m->weekdays[i], TEXT_BODY,
			TEXT_ALIGN_CENTER, 1, i >= 5 ? t->text_muted : t->text);
	}
	r.y += head_h + gap;
	r.h -= head_h + gap;
	int cell_h = cell_height(ui, m, r.h + title_h + head_h + gap);
	for (int d = 1; d <= m->days; d++) {
		int slot = m->first_weekday + d - 1;
		struct rect cell = {r.x + (slot % 7) * (cell_w + gap), r.y + (slot / 7) * (cell_h + gap), cell_w, cell_h};
		enum ui_day_status st = m->status[d - 1];
		bool open = st == UI_DAY_OPEN;
		bool on = open && *selected_day == d;
		snprintf(wid, sizeof(wid), "%s.%d", id, d);
		bool pressed = false;
		if (ui_track_tap(ui, wid, cell, true, &pressed)) {
			if (open && !on) {
				*selected_day = d;
				on = true;
				changed = true;
			} else if (!open && m->reason[d - 1]) {
				ui_toast_show(ui, m->reason[d - 1], 4000);
			}
		}
		struct color fill = on ? t->selected : open ? (pressed ? t->surface_pressed : t->surface) : t->background;
		struct color fg = on ? t->on_selected : open ? t->text : t->text_muted;
		draw_list_rect(&ui->draw, cell, fill, t->radius / 3, open ? t->border : 0, on ? t->selected : t->border_color);
		char num[16];
		snprintf(num, sizeof(num), "%d", d);
		struct text_style ns = ui_text_style(ui, open ? TEXT_HEADING : TEXT_BODY, TEXT_ALIGN_CENTER, 1);
		const struct text_layout *nl = ui_measure(ui, num, &ns, cell.w);
		const char *mark = st == UI_DAY_FULL ? m->full_mark : st == UI_DAY_CLOSED ? "—" : NULL;
		struct text_style ms = ui_text_style(ui, TEXT_CAPTION, TEXT_ALIGN_CENTER, 1);
		const struct text_layout *ml = mark ? ui_measure(ui, mark, &ms, cell.w) : NULL;
		int block = (nl ? nl->height : 0) + (ml ? ml->height * 3 / 4 : 0);
		int y = cell.y + (cell.h - block) / 2;
		if (nl) {
			draw_list_text(&ui->draw, nl, cell.x, y, fg);
			y += nl->height * 3 / 4;
		}
		if (ml)
			draw_list_text(&ui->draw, ml, cell.x, y, fg);
		struct ui_widget *w = ui_record(ui, wid, "day", cell);
		if (w) {
			snprintf(w->text, sizeof(w->text), "%d", d);
			char label[UI_TEXT_MAX * 2];
			snprintf(label, sizeof(label), "%s %d%s%s", m->title, d, m->reason[d - 1] ? " " : "",
				 m->reason[d - 1] ? m->reason[d - 1] : "");
			utf8_copy(w->label, sizeof(w->label), label);
			w->enabled = open; /* a closed day still answers a touch, with its reason */
			w->selected = on;
			w->font_px = ns.px;
			w->fg = fg;
			w->bg = fill;
		}
	}
	return changed;
}

int ui_calendar_height(const struct ui *ui, const struct ui_month *m)
{
	const struct theme *t = &ui->theme;
	int weeks = (m->first_weekday + m->days + 6) / 7;
	return ui_line_height(ui, TEXT_HEADING) + t->gap / 2 + ui_line_height(ui, TEXT_BODY) + t->gap / 4 +
	       weeks * t->target + (weeks - 1) * (t->gap / 4);
}
