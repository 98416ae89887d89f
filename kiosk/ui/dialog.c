/* Modal dialogs and toasts. A dialog dims the screen and opens a layer: only its own widgets take
 * input until it is gone. */
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

struct rect ui_dialog_begin(struct ui *ui, const char *id, const char *title, const char *body, int button_rows)
{
	const struct theme *t = &ui->theme;
	ui_layer_push(ui);
	draw_list_rect(&ui->draw, (struct rect){0, 0, ui->width, ui->height}, t->scrim, 0, 0, t->scrim);
	int w = ui->width - 2 * t->pad;
	if (w > t->target * 8)
		w = t->target * 8;
	int inner = w - 2 * t->pad;
	struct text_style hs = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_CENTER, 0);
	struct text_style bs = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_CENTER, 0);
	const struct text_layout *hl = ui_measure(ui, title, &hs, inner);
	const struct text_layout *bl = body ? ui_measure(ui, body, &bs, inner) : NULL;
	int buttons_h = button_rows * t->target + (button_rows > 0 ? (button_rows - 1) * t->gap : 0);
	int h = t->pad + (hl ? hl->height : 0) + (bl ? t->gap + bl->height : 0) + t->pad + buttons_h + t->pad;
	/* Longer words (English) on a short screen: the room below the texts gives way, down to one row,
	 * rather than the card leaving the screen. */
	int room = ui->height - 2 * t->gap;
	if (h > room && buttons_h > t->target) {
		int cut = h - room < buttons_h - t->target ? h - room : buttons_h - t->target;
		buttons_h -= cut;
		h -= cut;
	}
	struct rect card = {(ui->width - w) / 2, (ui->height - h) / 2, w, h};
	draw_list_rect(&ui->draw, card, t->surface, t->radius, t->border, t->border_color);
	struct ui_widget *dw = ui_record(ui, id, "dialog", card);
	if (dw) {
		utf8_copy(dw->text, sizeof(dw->text), title);
		char label[UI_TEXT_MAX * 4];
		snprintf(label, sizeof(label), "%s%s%s", title, body ? "：" : "", body ? body : "");
		utf8_copy(dw->label, sizeof(dw->label), label);
		dw->bg = t->surface;
		dw->fg = t->text;
		dw->font_px = hs.px;
	}
	struct rect in = rect_inset(card, t->pad, t->pad);
	char wid[UI_ID_MAX + 8];
	snprintf(wid, sizeof(wid), "%s.title", id);
	in.y += ui_text(ui, wid, in, title, TEXT_TITLE, TEXT_ALIGN_CENTER, 0, t->text);
	if (body) {
		in.y += t->gap;
		snprintf(wid, sizeof(wid), "%s.body", id);
		in.y += ui_text(ui, wid, in, body, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text);
	}
	in.y += t->pad;
	return (struct rect){in.x, in.y, in.w, buttons_h};
}

void ui_dialog_end(struct ui *ui)
{
	ui_layer_pop(ui);
}

void ui_toast_draw(struct ui *ui, const char *text)
{
	const struct theme *t = &ui->theme;
	int w = ui->width - 2 * t->pad;
	struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_CENTER, 3);
	const struct text_layout *l = ui_measure(ui, text, &st, w - 2 * t->pad);
	if (!l)
		return;
	struct rect box = {t->pad, ui->height - t->pad * 3 - l->height, w, l->height + t->pad};
	draw_list_rect(&ui->draw, box, t->text, t->radius, 0, t->text);
	draw_list_text(&ui->draw, l, box.x + t->pad, box.y + t->pad / 2, t->background);
	struct ui_widget *wd = ui_record(ui, "toast", "status", box);
	if (wd) {
		utf8_copy(wd->text, sizeof(wd->text), text);
		utf8_copy(wd->label, sizeof(wd->label), text);
		wd->font_px = st.px;
		wd->fg = t->background;
		wd->bg = t->text;
		wd->truncated = l->truncated;
	}
}
