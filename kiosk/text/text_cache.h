/* A bounded LRU cache of text layouts, so that redrawing an unchanged screen shapes nothing.
 * Layouts returned by text_cache_get stay valid until the next text_cache_trim (call it once a frame,
 * after drawing): eviction happens only there. */
#ifndef KIOSK_TEXT_TEXT_CACHE_H
#define KIOSK_TEXT_TEXT_CACHE_H

#include <stddef.h>

#include "text/text_layout.h"

struct text_cache;

struct text_cache_stats {
	size_t entries, bytes, hits, misses, evictions;
};

/* budget_bytes bounds the memory the cached layouts and their keys hold. */
struct text_cache *text_cache_create(struct font_set *fs, size_t budget_bytes);
void text_cache_destroy(struct text_cache *cache);
/* The layout of text in style and width, from the cache or made now. NULL only when out of memory. */
const struct text_layout *text_cache_get(struct text_cache *cache, const char *text, const struct text_style *style,
					 int max_width);
/* Evicts least recently used layouts until the cache is within its budget. */
void text_cache_trim(struct text_cache *cache);
/* Drops every entry, wiping its text and glyphs: fonts changed, or a visitor's session ended (what
 * they typed must not stay in memory for the next one). */
void text_cache_clear(struct text_cache *cache);
struct text_cache_stats text_cache_stats(const struct text_cache *cache);

#endif
