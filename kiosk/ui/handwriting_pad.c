/* The writing pad; see handwriting_pad.h. */
#include "ui/handwriting_pad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/secure.h"

#define PAD_INK_SHARE 36

/* The stroke under the finger, between passes (one pointer: one stroke at a time). */
static struct {
	unsigned owner; /* hash of the pad's id while a stroke is drawn, 0 otherwise */
	struct rect square; /* where the pad was when the stroke began */
	struct ui_point points[UI_PAD_STROKE_POINTS]; /* in ink units */
	int count;
	int last_x, last_y; /* the last kept point, in pixels */
} drawing;

/* Words of the pad in the interface language: from the screens layer, else built in. */
static void pad_words(const struct ui *ui, const char **undo, const char **rewrite, const char **write_here)
{
	static const char *const builtin[TEXT_LANG_COUNT][3] = {
		{"撤销一笔", "重写", "在格子里写一个字"},
		{"撤銷一筆", "重寫", "在格子裏寫一個字"},
		{"Undo stroke", "Start again", "Write one character here"},
	};
	const struct ui_keyboard_words *w = ui->keyboard_words;
	int lang = ui->lang < TEXT_LANG_COUNT ? (int)ui->lang : 0;
	*undo = w && w->undo_stroke ? w->undo_stroke : builtin[lang][0];
	*rewrite = w && w->rewrite ? w->rewrite : builtin[lang][1];
	*write_here = w && w->write_here ? w->write_here : builtin[lang][2];
}

static int buttons_width(struct ui *ui)
{
	const char *undo, *rewrite, *write_here;
	pad_words(ui, &undo, &rewrite, &write_here);
	int a = ui_button_width(ui, undo, NULL, TEXT_HEADING), b = ui_button_width(ui, rewrite, NULL, TEXT_HEADING);
	int w = a > b ? a : b;
	return w > ui->theme.target ? w : ui->theme.target;
}

int ui_handwriting_pad_height(struct ui *ui, int w)
{
	int side = w - buttons_width(ui) - ui->theme.gap;
	int cap = ui->height * (ui->theme.kind == THEME_STANDARD ? 30 : 40) / 100;
	if (side > cap)
		side = cap;
	int least = 2 * ui->theme.target + ui->theme.gap; /* the two buttons beside it */
	return side > least ? side : least;
}

static int to_ink(int v, int origin, int extent)
{
	int s = extent > 1 ? (v - origin) * UI_INK_SCALE / (extent - 1) : 0;
	return s < 0 ? 0 : s > UI_INK_SCALE ? UI_INK_SCALE : s;
}

static int to_px(int v, int origin, int extent)
{
	return origin + v * (extent - 1) / UI_INK_SCALE;
}

static void keep_point(int x, int y, bool force)
{
	const struct rect sq = drawing.square;
	int step = sq.w * UI_PAD_STEP_PCT / 1000;
	int dx = x - drawing.last_x, dy = y - drawing.last_y;
	if (!force && drawing.count > 0 && dx * dx + dy * dy < step * step)
		return;
	struct ui_point p = {(int16_t)to_ink(x, sq.x, sq.w), (int16_t)to_ink(y, sq.y, sq.h)};
	if (drawing.count == UI_PAD_STROKE_POINTS)
		drawing.points[drawing.count - 1] = p; /* full: the end follows the finger */
	else
		drawing.points[drawing.count++] = p;
	drawing.last_x = x;
	drawing.last_y = y;
}

/* Presses, moves and the release on the square become a stroke for m. */
static void track(struct ui *ui, struct rect sq, struct ui_input_method *m)
{
	unsigned h = ui_hash(UI_PAD_ID);
	const struct ui_event *ev = &ui->event;
	bool input = ui_layer_has_input(ui) && (ui->clip.w == 0 || rect_contains(ui->clip, ev->x, ev->y) ||
						ev->kind != UI_EVENT_PRESS);
	if (drawing.owner == h && ui->active != h && ev->kind != UI_EVENT_PRESS) {
		drawing.owner = 0; /* the press ended elsewhere (a reset, a dialog): the stroke is dropped */
		secure_wipe(drawing.points, sizeof(drawing.points)); /* part of a name being written */
		drawing.count = 0;
	}
	if (!input)
		return;
	if (ev->kind == UI_EVENT_PRESS && rect_contains(sq, ev->x, ev->y)) {
		ui->active = h;
		ui->press_taken = true; /* writing is not a tap outside the keyboard */
		drawing.owner = h;
		drawing.square = sq;
		drawing.count = 0;
		keep_point(ev->x, ev->y, true);
	} else if (ev->kind == UI_EVENT_MOVE && drawing.owner == h && ui->pointer_down) {
		keep_point(ev->x, ev->y, false);
	} else if (ev->kind == UI_EVENT_RELEASE && drawing.owner == h) {
		if (drawing.last_x != ev->x || drawing.last_y != ev->y) /* the stroke ends where the finger left */
			keep_point(ev->x, ev->y, true);
		drawing.owner = 0;
		m->stroke(m->ctx, drawing.points, drawing.count); /* copied by the method */
		secure_wipe(drawing.points, (size_t)drawing.count * sizeof(drawing.points[0]));
		drawing.count = 0;
	}
}

/* A dashed line: the guides are there to place strokes, not to be read. */
static void dashed(struct ui *ui, int x1, int y1, int x2, int y2, int dash)
{
	const struct theme *t = &ui->theme;
	int dx = x2 - x1, dy = y2 - y1;
	int len = (int)(abs(dx) > abs(dy) ? abs(dx) + abs(dy) / 2 : abs(dy) + abs(dx) / 2); /* near enough */
	for (int s = 0; len > 0 && s < len; s += 2 * dash) {
		int e = s + dash < len ? s + dash : len;
		draw_list_line(&ui->draw, x1 + dx * s / len, y1 + dy * s / len, x1 + dx * e / len, y1 + dy * e / len,
			       t->guide_width, t->guide);
	}
}

/* The theme's ink, thinner on a small pad (a landscape tablet): at most PAD_INK_SHARE of its edge, like a
 * pen on a practice grid, so a character of many strokes does not fill in. */
static int ink_width(const struct theme *t, int side)
{
	int w = side / PAD_INK_SHARE < t->ink_width ? side / PAD_INK_SHARE : t->ink_width;
	return w > 2 * t->guide_width ? w : 2 * t->guide_width;
}

static void draw_stroke(struct ui *ui, struct rect sq, const struct ui_point *p, int n)
{
	const struct theme *t = &ui->theme;
	int width = ink_width(t, sq.w);
	for (int i = 0; i < n; i++) {
		int x = to_px(p[i].x, sq.x, sq.w), y = to_px(p[i].y, sq.y, sq.h);
		int px = i ? to_px(p[i - 1].x, sq.x, sq.w) : x, py = i ? to_px(p[i - 1].y, sq.y, sq.h) : y;
		draw_list_line(&ui->draw, px, py, x, y, width, t->ink);
	}
}

void ui_handwriting_pad(struct ui *ui, struct rect r, struct ui_input_method *m)
{
	if (!m || !m->stroke || !m->ink)
		return;
	const struct theme *t = &ui->theme;
	const char *undo, *rewrite, *write_here;
	pad_words(ui, &undo, &rewrite, &write_here);

	/* The square as large as r allows, the buttons in a column beside it or in a row below it. */
	int bw = buttons_width(ui), bh = t->target;
	int side_beside = r.w - bw - t->gap < r.h ? r.w - bw - t->gap : r.h;
	int side_below = r.h - bh - t->gap < r.w ? r.h - bh - t->gap : r.w;
	bool beside = side_beside >= side_below || 2 * bw + t->gap > r.w;
	int side = beside ? side_beside : side_below;
	if (side < 0)
		side = 0;
	struct rect sq, b1, b2;
	if (beside) {
		int total = side + t->gap + bw;
		sq = (struct rect){r.x + (r.w - total) / 2, r.y + (r.h - side) / 2, side, side};
		int col_h = 2 * bh + t->gap;
		b1 = (struct rect){sq.x + side + t->gap, sq.y + (side - col_h) / 2, bw, bh};
		b2 = (struct rect){b1.x, b1.y + bh + t->gap, bw, bh};
	} else {
		int total = side + t->gap + bh;
		sq = (struct rect){r.x + (r.w - side) / 2, r.y + (r.h - total) / 2, side, side};
		int row_w = 2 * bw + t->gap;
		b1 = (struct rect){r.x + (r.w - row_w) / 2, sq.y + side + t->gap, bw, bh};
		b2 = (struct rect){b1.x + bw + t->gap, b1.y, bw, bh};
	}

	track(ui, sq, m);

	/* Paper, guides, ink. */
	draw_list_rect(&ui->draw, sq, t->surface, t->radius / 2, t->border, t->border_color);
	draw_list_clip(&ui->draw, rect_intersect(rect_inset(sq, t->border, t->border), ui->clip));
	int dash = side / 40 > t->guide_width * 2 ? side / 40 : t->guide_width * 2;
	int x0 = sq.x, y0 = sq.y, x1 = sq.x + side - 1, y1 = sq.y + side - 1, cx = sq.x + side / 2, cy = sq.y + side / 2;
	dashed(ui, x0, cy, x1, cy, dash);
	dashed(ui, cx, y0, cx, y1, dash);
	dashed(ui, x0, y0, x1, y1, dash);
	dashed(ui, x1, y0, x0, y1, dash);
	int strokes = 0, n;
	for (const struct ui_point *p; (p = m->ink(m->ctx, strokes, &n)) != NULL; strokes++)
		draw_stroke(ui, sq, p, n);
	bool writing = drawing.owner == ui_hash(UI_PAD_ID) && drawing.count > 0;
	if (writing)
		draw_stroke(ui, sq, drawing.points, drawing.count);
	draw_list_clip(&ui->draw, ui->clip);

	struct ui_widget *w = ui_record(ui, UI_PAD_ID, "canvas", sq);
	if (w)
		snprintf(w->label, sizeof(w->label), "%s", write_here);
	if (strokes == 0 && !writing) { /* what to do, on a patch of paper over the guides */
		struct color saved = ui->text_bg;
		ui_text_on(ui, t->surface);
		struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_CENTER, 0);
		const struct text_layout *tl = ui_measure(ui, write_here, &st, side - 2 * t->pad);
		int tw = tl ? tl->width : 0, th = tl ? tl->height : 0;
		struct rect patch = {cx - tw / 2 - t->gap / 2, cy - th / 2 - t->gap / 4, tw + t->gap, th + t->gap / 2};
		draw_list_rect(&ui->draw, patch, t->surface, t->radius / 2, 0, t->surface);
		ui_text(ui, UI_PAD_ID ".hint", (struct rect){sq.x + t->pad, patch.y + t->gap / 4, side - 2 * t->pad, th},
			write_here, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->text_muted);
		ui_text_on(ui, saved);
	}

	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role = TEXT_HEADING;
	look.role_name = "key";
	look.disabled = strokes == 0;
	if (ui_button(ui, "key.undo_stroke", b1, undo, &look) && m->undo)
		m->undo(m->ctx);
	if (ui_button(ui, "key.rewrite", b2, rewrite, &look) && m->clear)
		m->clear(m->ctx);
}
