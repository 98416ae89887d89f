/* Buttons and tappable areas. The pressed state shows on the pass of the press itself. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

struct ui_button_look ui_button_look(const struct ui *ui, enum ui_button_kind kind)
{
	const struct theme *t = &ui->theme;
	switch (kind) {
	case UI_BUTTON_PRIMARY:
		return (struct ui_button_look){.fill = t->primary, .fill_pressed = t->primary_pressed,
					       .text = t->on_primary, .border_color = t->primary, .role = TEXT_HEADING};
	case UI_BUTTON_SECONDARY:
		return (struct ui_button_look){.fill = t->surface, .fill_pressed = t->surface_pressed,
					       .text = t->primary, .border = t->border, .border_color = t->primary,
					       .role = TEXT_HEADING};
	case UI_BUTTON_QUIET:
	default:
		return (struct ui_button_look){.fill = t->surface, .fill_pressed = t->surface_pressed,
					       .text = t->text, .border = t->border, .border_color = t->border_color,
					       .role = TEXT_BODY};
	}
}

bool ui_area(struct ui *ui, const char *id, struct rect r, const char *text, const char *label, bool *pressed)
{
	bool tapped = ui_track_tap(ui, id, r, true, pressed);
	struct ui_widget *w = ui_record(ui, id, "button", r);
	if (w) {
		utf8_copy(w->text, sizeof(w->text), text);
		utf8_copy(w->label, sizeof(w->label), label ? label : text);
		w->font_px = ui->theme.px[TEXT_TITLE];
		w->fg = ui->theme.text;
		w->bg = ui->theme.surface;
	}
	return tapped;
}

static void compose(char *out, size_t len, const char *icon, const char *text)
{
	snprintf(out, len, "%s%s%s", icon ? icon : "", icon ? " " : "", text);
}

int ui_button_width(struct ui *ui, const char *text, const char *icon, enum text_role role)
{
	char shown[UI_TEXT_MAX];
	compose(shown, sizeof(shown), icon, text);
	struct text_style st = ui_text_style(ui, role, TEXT_ALIGN_CENTER, 1);
	const struct text_layout *l = ui_measure(ui, shown, &st, 0);
	return (l ? l->width : 0) + ui->theme.gap + ui->theme.pad; /* the inner margin and some air */
}

bool ui_button(struct ui *ui, const char *id, struct rect r, const char *text, const struct ui_button_look *look)
{
	bool pressed = false;
	bool tapped = ui_track_tap(ui, id, r, !look->disabled, &pressed);
	const struct theme *t = &ui->theme;
	struct color fill = pressed ? look->fill_pressed : look->fill;
	struct color fg = look->text;
	if (look->disabled) { /* disabled: outlined, muted text, never a colour alone */
		fill = t->background;
		fg = t->text_muted;
	}
	int radius = look->role_name && look->role_name[0] == 'k' ? t->radius / 2 : t->radius;
	draw_list_rect(&ui->draw, r, fill, radius, look->border ? look->border : (look->disabled ? t->border : 0),
		       look->disabled ? t->border_color : look->border_color);
	char shown[UI_TEXT_MAX];
	compose(shown, sizeof(shown), look->icon, text);
	struct text_style st = ui_text_style(ui, look->role, TEXT_ALIGN_CENTER, 2);
	int inner_w = r.w - t->gap > 0 ? r.w - t->gap : r.w;
	const struct text_layout *l = ui_measure(ui, shown, &st, inner_w);
	if (l && l->height > r.h - t->border * 2 && l->line_count > 1) { /* two lines do not fit: one, ellipsized */
		st.max_lines = 1;
		l = ui_measure(ui, shown, &st, inner_w);
	}
	if (l)
		draw_list_text(&ui->draw, l, r.x + (r.w - inner_w) / 2, r.y + (r.h - l->height) / 2, fg);
	struct ui_widget *w = ui_record(ui, id, look->role_name ? look->role_name : "button", r);
	if (w) {
		utf8_copy(w->text, sizeof(w->text), shown);
		utf8_copy(w->label, sizeof(w->label), look->label ? look->label : text);
		w->enabled = !look->disabled;
		w->selected = look->selected;
		w->checked = look->checked;
		w->primary = look->primary;
		w->font_px = st.px;
		w->fg = fg;
		w->bg = fill;
		w->truncated = l && l->truncated;
	}
	return tapped;
}
