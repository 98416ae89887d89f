/* One-line text fields: label, box, caret, placeholder, masking after entry, error sentence.
 * Editing is selection-free: a tap places the caret between characters, keys insert or delete at it.
 * Values live in caller-owned struct ui_field (the session) so they can be wiped in one place. */
#include <stdio.h>
#include <string.h>

#include "core/secure.h"
#include "core/utf8.h"
#include "ui/widgets.h"

size_t ui_field_insert(struct ui_field *f, const char *text)
{
	size_t taken = 0, in_len = strlen(text), used;
	size_t chars = utf8_count(f->text, f->len);
	while (taken < in_len) {
		utf8_decode(text + taken, in_len - taken, &used);
		if (f->len + used >= UI_FIELD_MAX || (f->max_chars && chars >= f->max_chars))
			break;
		memmove(f->text + f->caret + used, f->text + f->caret, f->len - f->caret);
		memcpy(f->text + f->caret, text + taken, used);
		f->len += used;
		f->caret += used;
		taken += used;
		chars++;
	}
	f->text[f->len] = '\0';
	return taken;
}

void ui_field_backspace(struct ui_field *f)
{
	if (f->caret == 0)
		return;
	size_t start = utf8_prev(f->text, f->caret);
	size_t gone = f->caret - start;
	memmove(f->text + start, f->text + f->caret, f->len - f->caret);
	f->len -= gone;
	f->caret = start;
	secure_wipe(f->text + f->len, gone);
	f->text[f->len] = '\0';
}

void ui_field_clear(struct ui_field *f)
{
	size_t max_chars = f->max_chars;
	secure_wipe(f, sizeof(*f));
	f->max_chars = max_chars;
}

void ui_mask_text(const char *text, enum ui_mask mask, char *out, size_t out_len)
{
	size_t len = strlen(text), n = utf8_count(text, len);
	size_t keep_head = 0, keep_tail = 0;
	switch (mask) {
	case UI_MASK_NONE:
		snprintf(out, out_len, "%s", text);
		return;
	case UI_MASK_ID:
		keep_head = 3, keep_tail = 4;
		break;
	case UI_MASK_PHONE:
		keep_head = 3, keep_tail = 4;
		break;
	case UI_MASK_NAME:
		keep_head = 1, keep_tail = 0;
		break;
	}
	if (n <= keep_head + keep_tail) { /* too short to show any of it safely */
		keep_head = mask == UI_MASK_NAME && n > 1 ? 1 : 0;
		keep_tail = 0;
	}
	size_t o = 0, at = 0, used;
	for (size_t i = 0; i < n && o + 5 < out_len; i++) {
		utf8_decode(text + at, len - at, &used);
		if (i < keep_head || i >= n - keep_tail) {
			memcpy(out + o, text + at, used);
			o += used;
		} else {
			out[o++] = '*';
		}
		at += used;
	}
	out[o] = '\0';
}

int ui_text_field_height(const struct ui *ui, bool with_error)
{
	const struct theme *t = &ui->theme;
	return ui_line_height(ui, TEXT_BODY) + t->gap / 2 + t->target + (with_error ? t->gap / 2 + ui_line_height(ui, TEXT_BODY) * 2 : 0);
}

void ui_focus(struct ui *ui, const char *id)
{
	ui->focus = ui_hash(id);
}

/* Byte offset of the character boundary nearest to x in a one-line layout. */
static size_t caret_at(const struct text_layout *l, size_t len, int x)
{
	if (!l || l->line_count == 0)
		return 0;
	size_t best = len;
	int best_d = 1 << 30;
	for (uint32_t i = 0; i <= l->glyph_count; i++) {
		int gx = i < l->glyph_count ? l->glyphs[i].x / 64 : l->width;
		size_t off = i < l->glyph_count ? l->glyphs[i].cluster : len;
		int d = gx > x ? gx - x : x - gx;
		if (d < best_d) {
			best_d = d;
			best = off;
		}
	}
	return best;
}

/* Pen x of the caret at byte offset `at`. */
static int caret_x(const struct text_layout *l, size_t at)
{
	if (!l || l->line_count == 0)
		return 0;
	for (uint32_t i = 0; i < l->glyph_count; i++) {
		if (l->glyphs[i].cluster >= at)
			return l->glyphs[i].x / 64;
	}
	return l->width;
}

int ui_text_field(struct ui *ui, const char *id, struct rect r, struct ui_field *field,
		  const struct ui_text_field_opts *opts)
{
	const struct theme *t = &ui->theme;
	int y0 = r.y;
	char label_id[UI_ID_MAX + 8];
	snprintf(label_id, sizeof(label_id), "%s.label", id);
	if (opts->label)
		r.y += ui_text(ui, label_id, r, opts->label, TEXT_BODY, TEXT_ALIGN_START, 1, t->text) + t->gap / 2;
	struct rect box = {r.x, r.y, r.w, t->target};
	unsigned h = ui_hash(id);
	bool focused = ui->focus == h;
	if (ui->field_count < (int)(sizeof(ui->fields) / sizeof(ui->fields[0])))
		ui->fields[ui->field_count++] = h;
	bool pressed = false;
	if (ui_track_tap(ui, id, box, true, &pressed) || (ui->event.kind == UI_EVENT_PRESS && ui->active == h))
		ui->press_taken = true;

	/* What the box shows: the value, masked when not being edited; or the placeholder. */
	char shown[UI_FIELD_MAX * 2];
	bool empty = field->len == 0;
	if (empty)
		snprintf(shown, sizeof(shown), "%s", opts->placeholder ? opts->placeholder : "");
	else if (!focused && opts->mask != UI_MASK_NONE)
		ui_mask_text(field->text, opts->mask, shown, sizeof(shown));
	else
		snprintf(shown, sizeof(shown), "%s", field->text);
	struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
	const struct text_layout *l = ui_measure(ui, shown, &st, 0);
	int inner_x = box.x + t->pad / 2, inner_w = box.w - t->pad;
	int scroll = 0;
	if (focused && !empty) {
		int cx = caret_x(l, field->caret);
		if (cx > inner_w - 4)
			scroll = cx - (inner_w - 4);
	}
	if (ui->event.kind == UI_EVENT_RELEASE && ui->active == h && rect_contains(box, ui->event.x, ui->event.y)) {
		ui->focus = h;
		focused = true;
		field->caret = empty ? 0 : caret_at(l, field->len, ui->event.x - inner_x + scroll);
	}
	bool has_error = opts->error && opts->error[0];
	struct color edge = has_error ? t->error : focused ? t->primary : t->border_color;
	draw_list_rect(&ui->draw, box, pressed ? t->surface_pressed : t->surface, t->radius / 2,
		       focused || has_error ? t->border * 2 : t->border, edge);
	int ty = box.y + (box.h - (l ? l->height : 0)) / 2;
	struct rect inner_clip = rect_intersect(rect_inset(box, t->border * 2, t->border * 2), ui->clip);
	if (inner_clip.w == 0 || inner_clip.h == 0)
		inner_clip = (struct rect){box.x, box.y, 1, 1}; /* scrolled out: clip everything away */
	draw_list_clip(&ui->draw, inner_clip);
	if (l)
		draw_list_text(&ui->draw, l, inner_x - scroll, ty, empty ? t->text_muted : t->text);
	if (focused) {
		int cx = empty ? 0 : caret_x(l, field->caret);
		int caret_w = t->border > 2 ? t->border : 3;
		draw_list_rect(&ui->draw, (struct rect){inner_x - scroll + cx, box.y + box.h / 5, caret_w, box.h * 3 / 5},
			       t->primary, 0, 0, t->primary);
		ui->focused_field = field;
		if (ui->keyboard_kind != (int)opts->keyboard)
			ui->relayout = true; /* the screen made room for the last field's keyboard: lay out again */
		ui->keyboard_kind = opts->keyboard;
		ui->focus_rect = box;
	}
	draw_list_clip(&ui->draw, ui->clip);
	struct ui_widget *w = ui_record(ui, id, "textbox", box);
	if (w) {
		utf8_copy(w->text, sizeof(w->text), empty ? "" : shown);
		utf8_copy(w->label, sizeof(w->label), opts->label ? opts->label : (opts->placeholder ? opts->placeholder : ""));
		w->focused = focused;
		w->font_px = st.px;
		w->fg = t->text;
		w->bg = t->surface;
	}
	r.y = box.y + box.h;
	if (has_error) {
		char sentence[UI_TEXT_MAX];
		snprintf(sentence, sizeof(sentence), "⚠ %s", opts->error);
		char err_id[UI_ID_MAX + 8];
		snprintf(err_id, sizeof(err_id), "%s.error", id);
		r.y += t->gap / 2;
		r.y += ui_text(ui, err_id, r, sentence, TEXT_BODY, TEXT_ALIGN_START, 2, t->error);
	}
	return r.y - y0;
}
