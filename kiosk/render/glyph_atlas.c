/* Glyph atlas; see glyph_atlas.h. Pages are ARGB textures holding white with coverage in alpha, drawn
 * with colour modulation. The index is an open-addressing table rebuilt when a page is recycled. */
#include "render/glyph_atlas.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"

#define MAX_PAGES 16
#define PAD 1

struct slot {
	uint64_t key; /* 0: empty */
	int16_t page;
	uint16_t x, y, w, h;
	int16_t left, top;
};

struct page {
	SDL_Texture *texture;
	int shelf_y, shelf_h, cursor_x; /* current shelf */
	uint64_t last_used;
};

struct glyph_atlas {
	SDL_Renderer *renderer;
	struct font_set *fs;
	int page_size, max_pages, page_count;
	struct page pages[MAX_PAGES];
	struct slot *slots;
	size_t slot_cap, slot_used;
	uint64_t frame, rasterized;
	uint32_t *scratch; /* ARGB conversion buffer */
	size_t scratch_len;
};

static uint64_t make_key(uint16_t font, uint32_t glyph, int px)
{
	return ((uint64_t)(font + 1) << 48) | ((uint64_t)(px & 0xFFFF) << 32) | glyph;
}

static size_t hash_key(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)(key & (cap - 1));
}

struct glyph_atlas *glyph_atlas_create(SDL_Renderer *renderer, struct font_set *fs, int page_size, int max_pages)
{
	struct glyph_atlas *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->renderer = renderer;
	a->fs = fs;
	a->page_size = page_size;
	a->max_pages = max_pages < 1 ? 1 : max_pages > MAX_PAGES ? MAX_PAGES : max_pages;
	a->slot_cap = 4096;
	a->slots = calloc(a->slot_cap, sizeof(*a->slots));
	if (!a->slots) {
		free(a);
		return NULL;
	}
	return a;
}

void glyph_atlas_destroy(struct glyph_atlas *a)
{
	if (!a)
		return;
	for (int i = 0; i < a->page_count; i++)
		SDL_DestroyTexture(a->pages[i].texture);
	free(a->slots);
	free(a->scratch);
	free(a);
}

void glyph_atlas_next_frame(struct glyph_atlas *a)
{
	a->frame++;
}

uint64_t glyph_atlas_rasterized(const struct glyph_atlas *a)
{
	return a->rasterized;
}

static struct slot *find_slot(struct glyph_atlas *a, uint64_t key)
{
	size_t i = hash_key(key, a->slot_cap);
	while (a->slots[i].key && a->slots[i].key != key)
		i = (i + 1) & (a->slot_cap - 1);
	return &a->slots[i];
}

/* Rebuilds the index without the glyphs of page `dropped` (-1: none), at capacity cap. */
static bool rebuild(struct glyph_atlas *a, int dropped, size_t cap)
{
	struct slot *old = a->slots;
	size_t old_cap = a->slot_cap;
	struct slot *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return false;
	a->slots = slots;
	a->slot_cap = cap;
	a->slot_used = 0;
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key || old[i].page == dropped)
			continue;
		*find_slot(a, old[i].key) = old[i];
		a->slot_used++;
	}
	free(old);
	return true;
}

static int new_page(struct glyph_atlas *a)
{
	if (a->page_count < a->max_pages) {
		SDL_Texture *t = SDL_CreateTexture(a->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
						   a->page_size, a->page_size);
		if (!t) {
			kiosk_log(LOG_ERROR, "glyph atlas page: %s", SDL_GetError());
			return -1;
		}
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
		struct page *p = &a->pages[a->page_count];
		memset(p, 0, sizeof(*p));
		p->texture = t;
		return a->page_count++;
	}
	/* Every page is in use: recycle the least recently used one. */
	int lru = 0;
	for (int i = 1; i < a->page_count; i++) {
		if (a->pages[i].last_used < a->pages[lru].last_used)
			lru = i;
	}
	if (!rebuild(a, lru, a->slot_cap))
		return -1;
	struct page *p = &a->pages[lru];
	p->shelf_y = p->shelf_h = p->cursor_x = 0;
	return lru;
}

/* Finds room for w×h on a page (shelf packing); returns the page or -1. */
static int place(struct glyph_atlas *a, int w, int h, int *x, int *y)
{
	if (w + PAD > a->page_size || h + PAD > a->page_size)
		return -1;
	for (int attempt = 0; attempt < 2; attempt++) {
		int i = a->page_count - 1;
		if (i >= 0) {
			struct page *p = &a->pages[i];
			if (p->cursor_x + w + PAD > a->page_size) { /* next shelf */
				p->shelf_y += p->shelf_h;
				p->shelf_h = 0;
				p->cursor_x = 0;
			}
			if (p->shelf_y + h + PAD <= a->page_size) {
				*x = p->cursor_x;
				*y = p->shelf_y;
				p->cursor_x += w + PAD;
				if (h + PAD > p->shelf_h)
					p->shelf_h = h + PAD;
				return i;
			}
		}
		int fresh = new_page(a);
		if (fresh < 0)
			return -1;
		if (fresh != a->page_count - 1) { /* recycled: move it last so it is filled next */
			struct page tmp = a->pages[fresh];
			a->pages[fresh] = a->pages[a->page_count - 1];
			a->pages[a->page_count - 1] = tmp;
			for (size_t s = 0; s < a->slot_cap; s++) {
				if (a->slots[s].key && a->slots[s].page == a->page_count - 1)
					a->slots[s].page = (int16_t)fresh;
			}
		}
	}
	return -1;
}

bool glyph_atlas_get(struct glyph_atlas *a, uint16_t font, uint32_t glyph, int px, struct atlas_glyph *out)
{
	uint64_t key = make_key(font, glyph, px);
	struct slot *s = find_slot(a, key);
	if (!s->key) {
		struct glyph_bitmap bm;
		if (!font_set_rasterize(a->fs, font, glyph, px, &bm))
			return false;
		a->rasterized++;
		int x = 0, y = 0, page = -1;
		if (bm.width > 0 && bm.rows > 0) {
			page = place(a, bm.width, bm.rows, &x, &y);
			if (page < 0)
				return false;
			size_t need = (size_t)bm.width * (size_t)bm.rows;
			if (need > a->scratch_len) {
				uint32_t *buf = realloc(a->scratch, need * sizeof(*buf));
				if (!buf)
					return false;
				a->scratch = buf;
				a->scratch_len = need;
			}
			for (int r = 0; r < bm.rows; r++) {
				for (int c = 0; c < bm.width; c++)
					a->scratch[r * bm.width + c] = ((uint32_t)bm.pixels[r * bm.pitch + c] << 24) | 0xFFFFFFu;
			}
			SDL_Rect dst = {x, y, bm.width, bm.rows};
			SDL_UpdateTexture(a->pages[page].texture, &dst, a->scratch, bm.width * 4);
		}
		if ((a->slot_used + 1) * 4 > a->slot_cap * 3) {
			if (!rebuild(a, -1, a->slot_cap * 2))
				return false;
		}
		s = find_slot(a, key);
		*s = (struct slot){key, (int16_t)page, (uint16_t)x, (uint16_t)y, (uint16_t)bm.width, (uint16_t)bm.rows,
				   (int16_t)bm.left, (int16_t)bm.top};
		a->slot_used++;
	}
	if (s->page < 0 || s->w == 0)
		return false;
	a->pages[s->page].last_used = a->frame;
	out->page = a->pages[s->page].texture;
	out->src = (SDL_Rect){s->x, s->y, s->w, s->h};
	out->left = s->left;
	out->top = s->top;
	return true;
}
