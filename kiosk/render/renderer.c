/* Draw-list renderer; see renderer.h. Rounded corners are quarter-disc coverage masks (4×4 supersampled)
 * cached per radius and drawn flipped into each corner; straight parts are plain rectangles. */
#include "render/renderer.h"

#include <math.h>
#include <stdlib.h>

#include "core/log.h"
#include "render/glyph_atlas.h"

#define CORNER_CACHE 24

struct corner {
	int radius;
	SDL_Texture *texture;
	uint64_t last_used;
};

struct renderer {
	SDL_Renderer *sdl;
	struct glyph_atlas *atlas;
	struct corner corners[CORNER_CACHE];
	uint64_t frame;
};

struct renderer *renderer_create(SDL_Renderer *sdl, struct font_set *fs)
{
	struct renderer *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->sdl = sdl;
	/* Pages of 512² (1 MiB) up to 16 MiB in all: SDL clears a page as it makes it, so the first
	 * screen's glyphs wait for 1 MiB, not 4 (1.7 ms of the first frame at 1080x1920). A page holds a
	 * quarter of the short edge, far more than the largest glyph (a tile's sign, a tenth of it). */
	int w = 0, h = 0, side = 512;
	SDL_GetRendererOutputSize(sdl, &w, &h);
	while (side < (w < h ? w : h) / 4)
		side *= 2;
	int pages = (16 << 20) / (side * side * 4);
	r->atlas = glyph_atlas_create(sdl, fs, side, pages > 1 ? pages : 1);
	if (!r->atlas) {
		free(r);
		return NULL;
	}
	return r;
}

void renderer_destroy(struct renderer *r)
{
	if (!r)
		return;
	for (int i = 0; i < CORNER_CACHE; i++) {
		if (r->corners[i].texture)
			SDL_DestroyTexture(r->corners[i].texture);
	}
	glyph_atlas_destroy(r->atlas);
	free(r);
}

uint64_t renderer_glyphs_rasterized(const struct renderer *r)
{
	return glyph_atlas_rasterized(r->atlas);
}

/* A 2radius×2radius mask of a disc, whose quarters are the four corners of a rounded rectangle (plain
 * copies: a flipped copy costs SDL's software renderer a scratch surface each time). */
static SDL_Texture *corner_mask(struct renderer *r, int radius)
{
	int oldest = 0;
	for (int i = 0; i < CORNER_CACHE; i++) {
		if (r->corners[i].texture && r->corners[i].radius == radius) {
			r->corners[i].last_used = r->frame;
			return r->corners[i].texture;
		}
		if (!r->corners[i].texture || r->corners[i].last_used < r->corners[oldest].last_used)
			oldest = i;
	}
	int side = radius * 2;
	uint32_t *pixels = malloc((size_t)side * (size_t)side * sizeof(*pixels));
	if (!pixels)
		return NULL;
	for (int y = 0; y < side; y++) {
		for (int x = 0; x < side; x++) {
			int inside = 0;
			for (int sy = 0; sy < 4; sy++) {
				for (int sx = 0; sx < 4; sx++) {
					float dx = (float)radius - ((float)x + (sx + 0.5f) / 4.0f);
					float dy = (float)radius - ((float)y + (sy + 0.5f) / 4.0f);
					inside += dx * dx + dy * dy <= (float)radius * (float)radius;
				}
			}
			uint32_t alpha = (uint32_t)(inside * 255 / 16);
			pixels[y * side + x] = (alpha << 24) | 0xFFFFFFu;
		}
	}
	SDL_Texture *t = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, side, side);
	if (t) {
		SDL_UpdateTexture(t, NULL, pixels, side * 4);
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
		if (r->corners[oldest].texture)
			SDL_DestroyTexture(r->corners[oldest].texture);
		r->corners[oldest] = (struct corner){radius, t, r->frame};
	}
	free(pixels);
	return t;
}

/* The colour of fills and lines. An opaque one is written, not blended: the same pixels, but SDL's
 * software renderer blends every pixel of a fill in the blend mode, even at full alpha (about half of
 * a frame's drawing went to that: 8.4 ms of the attract screen's, now 3.9). */
static void set_draw_color(struct renderer *r, struct color c)
{
	SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
	SDL_SetRenderDrawBlendMode(r->sdl, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static void fill_rounded(struct renderer *r, struct rect b, int radius, struct color c)
{
	if (b.w <= 0 || b.h <= 0)
		return;
	if (radius * 2 > b.w)
		radius = b.w / 2;
	if (radius * 2 > b.h)
		radius = b.h / 2;
	set_draw_color(r, c);
	SDL_Texture *mask = radius > 0 ? corner_mask(r, radius) : NULL;
	if (!mask) {
		SDL_RenderFillRect(r->sdl, &(SDL_Rect){b.x, b.y, b.w, b.h});
		return;
	}
	SDL_Rect rects[3] = {
		{b.x + radius, b.y, b.w - 2 * radius, b.h},
		{b.x, b.y + radius, radius, b.h - 2 * radius},
		{b.x + b.w - radius, b.y + radius, radius, b.h - 2 * radius},
	};
	SDL_RenderFillRects(r->sdl, rects, 3);
	SDL_SetTextureColorMod(mask, c.r, c.g, c.b);
	SDL_SetTextureAlphaMod(mask, c.a);
	for (int i = 0; i < 4; i++) {
		int right = i & 1, bottom = i >> 1;
		SDL_RenderCopy(r->sdl, mask, &(SDL_Rect){right * radius, bottom * radius, radius, radius},
			       &(SDL_Rect){right ? b.x + b.w - radius : b.x, bottom ? b.y + b.h - radius : b.y, radius, radius});
	}
}

/* A line as a quad of two triangles, with a disc at each end for round ends and joins. */
static void draw_line(struct renderer *r, const struct draw_cmd *cmd)
{
	float x1 = (float)cmd->rect.x, y1 = (float)cmd->rect.y, x2 = (float)cmd->x2, y2 = (float)cmd->y2;
	float half = (float)cmd->border / 2.0f;
	float dx = x2 - x1, dy = y2 - y1, len = sqrtf(dx * dx + dy * dy);
	struct color c = cmd->color;
	if (len > 0.5f) {
		float nx = -dy / len * half, ny = dx / len * half;
		set_draw_color(r, c);
		SDL_Color sc = {c.r, c.g, c.b, c.a};
		SDL_Vertex v[4] = {{{x1 + nx, y1 + ny}, sc, {0, 0}}, {{x2 + nx, y2 + ny}, sc, {0, 0}},
				   {{x2 - nx, y2 - ny}, sc, {0, 0}}, {{x1 - nx, y1 - ny}, sc, {0, 0}}};
		const int indices[6] = {0, 1, 2, 0, 2, 3};
		SDL_RenderGeometry(r->sdl, NULL, v, 4, indices, 6);
	}
	int w = cmd->border;
	fill_rounded(r, (struct rect){cmd->rect.x - w / 2, cmd->rect.y - w / 2, w, w}, w / 2, c);
	if (len > 0.5f)
		fill_rounded(r, (struct rect){cmd->x2 - w / 2, cmd->y2 - w / 2, w, w}, w / 2, c);
}

static void draw_text(struct renderer *r, const struct draw_cmd *cmd)
{
	const struct text_layout *l = cmd->layout;
	int px = l->style.px;
	for (uint32_t li = 0; li < l->line_count; li++) {
		const struct text_line *line = &l->lines[li];
		int base_x = cmd->rect.x + line->x;
		int base_y = cmd->rect.y + (int)li * l->line_height + l->baseline;
		for (uint32_t gi = line->first_glyph; gi < line->first_glyph + line->glyph_count; gi++) {
			const struct text_glyph *g = &l->glyphs[gi];
			struct atlas_glyph ag;
			if (!glyph_atlas_get(r->atlas, g->font, g->id, px, &ag))
				continue;
			SDL_SetTextureColorMod(ag.page, cmd->color.r, cmd->color.g, cmd->color.b);
			SDL_SetTextureAlphaMod(ag.page, cmd->color.a);
			SDL_Rect dst = {base_x + (g->x + 32) / 64 + ag.left, base_y + (g->y_offset + 32) / 64 - ag.top,
					ag.src.w, ag.src.h};
			SDL_RenderCopy(r->sdl, ag.page, &ag.src, &dst);
		}
	}
}

/* Glyphs new to the atlas are rasterized and uploaded before anything is drawn: SDL carries out every
 * queued draw before an upload into a page those draws use, so a screen of new text drawn as it comes
 * would run the queue once per new glyph (two thirds of the first frame's time). */
static void upload_new_glyphs(struct renderer *r, const struct draw_list *list)
{
	for (size_t i = 0; i < list->len; i++) {
		const struct draw_cmd *c = &list->cmds[i];
		if (c->kind != DRAW_TEXT)
			continue;
		const struct text_layout *l = c->layout;
		for (uint32_t gi = 0; gi < l->glyph_count; gi++) {
			struct atlas_glyph ag;
			glyph_atlas_get(r->atlas, l->glyphs[gi].font, l->glyphs[gi].id, l->style.px, &ag);
		}
	}
}

/* Is cmd a plain opaque rectangle over the whole w×h frame? */
static bool covers_frame(const struct draw_cmd *cmd, int w, int h)
{
	const struct rect *b = &cmd->rect;
	return cmd->kind == DRAW_RECT && cmd->color.a == 255 && cmd->border == 0 && cmd->radius == 0 && b->x <= 0 &&
	       b->y <= 0 && b->x + b->w >= w && b->y + b->h >= h;
}

void renderer_draw(struct renderer *r, const struct draw_list *list, struct color bg)
{
	r->frame++;
	glyph_atlas_next_frame(r->atlas);
	upload_new_glyphs(r, list);
	SDL_RenderSetClipRect(r->sdl, NULL);
	/* A screen that starts with an opaque backdrop over the whole frame is cleared to it instead of
	 * being filled twice: each fill of the frame writes 8 MiB at 1080x1920. */
	size_t first = 0;
	int out_w = 0, out_h = 0;
	SDL_GetRendererOutputSize(r->sdl, &out_w, &out_h);
	if (list->len > 0 && covers_frame(&list->cmds[0], out_w, out_h)) {
		bg = list->cmds[0].color;
		first = 1;
	}
	SDL_SetRenderDrawColor(r->sdl, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(r->sdl);
	for (size_t i = first; i < list->len; i++) {
		const struct draw_cmd *c = &list->cmds[i];
		switch (c->kind) {
		case DRAW_RECT:
			if (c->border > 0) {
				fill_rounded(r, c->rect, c->radius, c->border_color);
				int inner = c->radius - c->border > 0 ? c->radius - c->border : 0;
				fill_rounded(r, rect_inset(c->rect, c->border, c->border), inner, c->color);
			} else {
				fill_rounded(r, c->rect, c->radius, c->color);
			}
			break;
		case DRAW_TEXT:
			draw_text(r, c);
			break;
		case DRAW_LINE:
			draw_line(r, c);
			break;
		case DRAW_CLIP:
			if (c->rect.w > 0 && c->rect.h > 0)
				SDL_RenderSetClipRect(r->sdl, &(SDL_Rect){c->rect.x, c->rect.y, c->rect.w, c->rect.h});
			else
				SDL_RenderSetClipRect(r->sdl, NULL);
			break;
		}
	}
}
