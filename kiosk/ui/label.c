/* Text, icons and panels: the non-interactive widgets. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

int ui_text(struct ui *ui, const char *id, struct rect r, const char *text, enum text_role role,
	    enum text_align align, int max_lines, struct color color)
{
	struct text_style st = ui_text_style(ui, role, align, max_lines);
	const struct text_layout *l = ui_measure(ui, text, &st, r.w);
	if (!l)
		return 0;
	draw_list_text(&ui->draw, l, r.x, r.y, color);
	struct ui_widget *w = ui_record(ui, id, role >= TEXT_HEADING ? "heading" : "label",
					(struct rect){r.x, r.y, r.w, l->height});
	if (w) {
		utf8_copy(w->text, sizeof(w->text), text);
		utf8_copy(w->label, sizeof(w->label), text);
		w->font_px = st.px;
		w->fg = color;
		w->truncated = l->truncated;
		w->ellipsis_ok = max_lines > 0;
	}
	return l->height;
}

void ui_panel(struct ui *ui, struct rect r, struct color fill, int radius, int border, struct color border_color)
{
	draw_list_rect(&ui->draw, r, fill, radius, border, border_color);
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
