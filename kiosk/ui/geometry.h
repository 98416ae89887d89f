/* Rectangles, colours and rect-cut layout: a screen carves its area from the edges inward, with sizes
 * taken from the theme, so one layout code adapts to portrait, landscape and small tablets. */
#ifndef KIOSK_UI_GEOMETRY_H
#define KIOSK_UI_GEOMETRY_H

#include <stdbool.h>
#include <stdint.h>

struct rect {
	int x, y, w, h;
};

struct color {
	uint8_t r, g, b, a;
};

#define COLOR_HEX(v) ((struct color){(uint8_t)((v) >> 16), (uint8_t)((v) >> 8), (uint8_t)(v), 255})

static inline bool rect_contains(struct rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static inline struct rect rect_inset(struct rect r, int dx, int dy)
{
	return (struct rect){r.x + dx, r.y + dy, r.w - 2 * dx > 0 ? r.w - 2 * dx : 0, r.h - 2 * dy > 0 ? r.h - 2 * dy : 0};
}

/* The overlap of a and b; an empty b (w = 0) means "no limit" and returns a. */
static inline struct rect rect_intersect(struct rect a, struct rect b)
{
	if (b.w <= 0)
		return a;
	int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
	int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
	int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
	return (struct rect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

/* Cuts h pixels off the top of *r and returns them. */
static inline struct rect rect_cut_top(struct rect *r, int h)
{
	if (h > r->h)
		h = r->h;
	struct rect top = {r->x, r->y, r->w, h};
	r->y += h;
	r->h -= h;
	return top;
}

static inline struct rect rect_cut_bottom(struct rect *r, int h)
{
	if (h > r->h)
		h = r->h;
	r->h -= h;
	return (struct rect){r->x, r->y + r->h, r->w, h};
}

static inline struct rect rect_cut_left(struct rect *r, int w)
{
	if (w > r->w)
		w = r->w;
	struct rect left = {r->x, r->y, w, r->h};
	r->x += w;
	r->w -= w;
	return left;
}

static inline struct rect rect_cut_right(struct rect *r, int w)
{
	if (w > r->w)
		w = r->w;
	r->w -= w;
	return (struct rect){r->x + r->w, r->y, w, r->h};
}

/* The i-th of n equal cells along a row (horizontal) or column, with gap pixels between cells. */
static inline struct rect rect_cell(struct rect r, int i, int n, int gap, bool horizontal)
{
	int span = horizontal ? r.w : r.h;
	int cell = (span - gap * (n - 1)) / n;
	if (horizontal)
		return (struct rect){r.x + i * (cell + gap), r.y, cell, r.h};
	return (struct rect){r.x, r.y + i * (cell + gap), r.w, cell};
}

#endif
