/* Draw command list; see draw_list.h. Appending never fails visibly: on allocation failure the
 * command is dropped and the frame draws incompletely rather than crashing. */
#include "ui/draw_list.h"

#include <stdlib.h>

void draw_list_init(struct draw_list *list)
{
	list->cmds = NULL;
	list->len = list->cap = 0;
}

void draw_list_finish(struct draw_list *list)
{
	free(list->cmds);
	draw_list_init(list);
}

void draw_list_clear(struct draw_list *list)
{
	list->len = 0;
}

static struct draw_cmd *push(struct draw_list *list)
{
	if (list->len == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 256;
		struct draw_cmd *cmds = realloc(list->cmds, cap * sizeof(*cmds));
		if (!cmds)
			return NULL;
		list->cmds = cmds;
		list->cap = cap;
	}
	struct draw_cmd *c = &list->cmds[list->len++];
	*c = (struct draw_cmd){0};
	return c;
}

void draw_list_rect(struct draw_list *list, struct rect r, struct color fill, int radius, int border,
		    struct color border_color)
{
	struct draw_cmd *c = push(list);
	if (!c)
		return;
	c->kind = DRAW_RECT;
	c->rect = r;
	c->color = fill;
	c->radius = radius;
	c->border = border;
	c->border_color = border_color;
}

void draw_list_text(struct draw_list *list, const struct text_layout *layout, int x, int y, struct color color)
{
	if (!layout)
		return;
	struct draw_cmd *c = push(list);
	if (!c)
		return;
	c->kind = DRAW_TEXT;
	c->rect = (struct rect){x, y, layout->width, layout->height};
	c->color = color;
	c->layout = layout;
}

void draw_list_clip(struct draw_list *list, struct rect r)
{
	struct draw_cmd *c = push(list);
	if (!c)
		return;
	c->kind = DRAW_CLIP;
	c->rect = r;
}

void draw_list_line(struct draw_list *list, int x1, int y1, int x2, int y2, int width, struct color color)
{
	if (width <= 0)
		return;
	struct draw_cmd *c = push(list);
	if (!c)
		return;
	c->kind = DRAW_LINE;
	c->rect = (struct rect){x1, y1, 0, 0};
	c->x2 = x2;
	c->y2 = y2;
	c->border = width;
	c->color = color;
}
