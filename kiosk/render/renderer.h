/* Draws a draw list with an SDL_Renderer (hardware where the platform has it, the software renderer
 * headless). Owns the glyph atlas and the antialiased corner masks of rounded rectangles. */
#ifndef KIOSK_RENDER_RENDERER_H
#define KIOSK_RENDER_RENDERER_H

#include <SDL.h>

#include "text/font_set.h"
#include "ui/draw_list.h"

struct renderer;

/* Borrows sdl and fs; both must outlive the renderer. */
struct renderer *renderer_create(SDL_Renderer *sdl, struct font_set *fs);
void renderer_destroy(struct renderer *r);
/* Clears to `background` and draws every command. */
void renderer_draw(struct renderer *r, const struct draw_list *list, struct color background);
/* Glyphs rasterized so far (for cache tests and benchmarks). */
uint64_t renderer_glyphs_rasterized(const struct renderer *r);

#endif
