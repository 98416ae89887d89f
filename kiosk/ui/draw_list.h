/* What to draw, independent of how: the UI appends commands, a renderer (render/renderer.c) consumes
 * them. Text commands borrow layouts from the text cache, valid until the frame's end. */
#ifndef KIOSK_UI_DRAW_LIST_H
#define KIOSK_UI_DRAW_LIST_H

#include <stddef.h>

#include "text/text_layout.h"
#include "ui/geometry.h"

enum draw_kind { DRAW_RECT, DRAW_TEXT, DRAW_CLIP, DRAW_LINE };

struct draw_cmd {
	enum draw_kind kind;
	struct rect rect; /* RECT: the box; TEXT: layout's top-left and box; CLIP: w = 0 ends clipping */
	struct color color; /* fill or text colour */
	struct color border_color;
	int radius, border;
	const struct text_layout *layout;
	int x2, y2; /* LINE: from (rect.x, rect.y) to (x2, y2), border pixels wide with round ends */
};

struct draw_list {
	struct draw_cmd *cmds;
	size_t len, cap;
};

void draw_list_init(struct draw_list *list);
void draw_list_finish(struct draw_list *list);
/* Empties the list, keeping its memory. */
void draw_list_clear(struct draw_list *list);
/* A filled rectangle, rounded by radius, with an optional border (border = 0 for none). */
void draw_list_rect(struct draw_list *list, struct rect r, struct color fill, int radius, int border,
		    struct color border_color);
/* A text layout with its top-left corner at (x, y). */
void draw_list_text(struct draw_list *list, const struct text_layout *layout, int x, int y, struct color color);
/* Clip following commands to r; a zero-size rect ends clipping. */
void draw_list_clip(struct draw_list *list, struct rect r);
/* A straight line width pixels wide with round ends (handwriting ink, guide lines). */
void draw_list_line(struct draw_list *list, int x1, int y1, int x2, int y2, int width, struct color color);

#endif
