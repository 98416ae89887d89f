/* Rasterized glyphs packed into a few texture pages (shelf packing). When every page is full the least
 * recently used page is emptied and reused, so memory stays bounded (pages × side² × 4 bytes). */
#ifndef KIOSK_RENDER_GLYPH_ATLAS_H
#define KIOSK_RENDER_GLYPH_ATLAS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "text/font_set.h"

struct glyph_atlas;

struct atlas_glyph {
	SDL_Texture *page;
	SDL_Rect src;
	int left, top; /* bitmap offset from the pen, y up */
};

struct glyph_atlas *glyph_atlas_create(SDL_Renderer *renderer, struct font_set *fs, int page_size, int max_pages);
void glyph_atlas_destroy(struct glyph_atlas *atlas);
/* Finds or rasterizes a glyph; false for an empty glyph (space) or on failure. */
bool glyph_atlas_get(struct glyph_atlas *atlas, uint16_t font, uint32_t glyph, int px, struct atlas_glyph *out);
/* Marks the start of a frame (recency of pages). */
void glyph_atlas_next_frame(struct glyph_atlas *atlas);
/* Glyphs rasterized since creation (a redraw of an unchanged screen adds none). */
uint64_t glyph_atlas_rasterized(const struct glyph_atlas *atlas);

#endif
