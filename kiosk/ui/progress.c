/* Progress bar and spinner. The spinner asks for frames only while it is on screen, at 10 per second:
 * enough to show life, cheap on a software renderer. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

void ui_progress(struct ui *ui, const char *id, struct rect r, float fraction, const char *label)
{
	const struct theme *t = &ui->theme;
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	draw_list_rect(&ui->draw, r, t->surface, r.h / 2, t->border, t->border_color);
	int fill_w = (int)((float)(r.w - 2 * t->border) * fraction);
	if (fill_w > 0)
		draw_list_rect(&ui->draw, (struct rect){r.x + t->border, r.y + t->border, fill_w, r.h - 2 * t->border},
			       t->primary, (r.h - 2 * t->border) / 2, 0, t->primary);
	struct ui_widget *w = ui_record(ui, id, "progressbar", r);
	if (w) {
		snprintf(w->text, sizeof(w->text), "%d%%", (int)(fraction * 100.0f + 0.5f));
		char text[UI_TEXT_MAX * 2];
		snprintf(text, sizeof(text), "%s %d%%", label ? label : "", (int)(fraction * 100.0f + 0.5f));
		utf8_copy(w->label, sizeof(w->label), text);
		w->fg = t->primary;
		w->bg = t->surface;
	}
}

void ui_spinner(struct ui *ui, const char *id, struct rect r, const char *label)
{
	const struct theme *t = &ui->theme;
	int dots = 8;
	int step = (int)((ui->now_ms / 100) % (uint64_t)dots);
	int size = r.w < r.h ? r.w : r.h;
	int dot = size / 6;
	int cx = r.x + r.w / 2, cy = r.y + r.h / 2, rad = size / 2 - dot / 2;
	static const int unit[8][2] = {{0, -100}, {71, -71}, {100, 0}, {71, 71}, {0, 100}, {-71, 71}, {-100, 0}, {-71, -71}};
	for (int i = 0; i < dots; i++) {
		int age = (step - i + dots) % dots;
		struct color c = t->primary;
		c.a = (uint8_t)(255 - age * 28);
		draw_list_rect(&ui->draw,
			       (struct rect){cx + unit[i][0] * rad / 100 - dot / 2, cy + unit[i][1] * rad / 100 - dot / 2, dot, dot},
			       c, dot / 2, 0, c);
	}
	ui_wake_at(ui, (ui->now_ms / 100 + 1) * 100);
	struct ui_widget *w = ui_record(ui, id, "progressbar", r);
	if (w) {
		utf8_copy(w->label, sizeof(w->label), label ? label : "");
		w->fg = t->primary;
		w->bg = t->background;
	}
}
