/* LRU layout cache; see text_cache.h. A chained hash table (FNV-1a over the text and the style)
 * plus a doubly linked recency list; the table doubles when it gets dense. A removed entry is wiped
 * before it is freed: its key is the text itself and its glyphs spell it, and the text may be what a
 * visitor typed. */
#include "text/text_cache.h"

#include <stdlib.h>
#include <string.h>

#include "core/secure.h"

struct entry {
	struct entry *next_in_bucket;
	struct entry *newer, *older;
	uint64_t hash;
	struct text_style style;
	int max_width;
	struct text_layout *layout;
	size_t text_len;
	char text[]; /* the key, NUL-terminated */
};

struct text_cache {
	struct font_set *fs;
	struct entry **buckets;
	size_t bucket_count;
	struct entry *newest, *oldest;
	size_t budget;
	struct text_cache_stats stats;
};

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t key_hash(const char *text, size_t len, const struct text_style *st, int max_width)
{
	uint64_t h = fnv1a(0xcbf29ce484222325ULL, text, len);
	int fields[] = {st->px, st->weight, st->lang, st->align, st->line_spacing_pct, st->max_lines, max_width};
	return fnv1a(h, fields, sizeof(fields));
}

static bool same_style(const struct text_style *a, const struct text_style *b)
{
	return a->px == b->px && a->weight == b->weight && a->lang == b->lang && a->align == b->align &&
	       a->line_spacing_pct == b->line_spacing_pct && a->max_lines == b->max_lines;
}

static size_t entry_bytes(const struct entry *e)
{
	return sizeof(*e) + e->text_len + 1 + e->layout->bytes;
}

struct text_cache *text_cache_create(struct font_set *fs, size_t budget_bytes)
{
	struct text_cache *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->bucket_count = 256;
	c->buckets = calloc(c->bucket_count, sizeof(*c->buckets));
	if (!c->buckets) {
		free(c);
		return NULL;
	}
	c->fs = fs;
	c->budget = budget_bytes;
	return c;
}

static void unlink_recency(struct text_cache *c, struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		c->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		c->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void push_newest(struct text_cache *c, struct entry *e)
{
	e->older = c->newest;
	e->newer = NULL;
	if (c->newest)
		c->newest->newer = e;
	c->newest = e;
	if (!c->oldest)
		c->oldest = e;
}

static void remove_entry(struct text_cache *c, struct entry *e)
{
	struct entry **slot = &c->buckets[e->hash % c->bucket_count];
	while (*slot != e)
		slot = &(*slot)->next_in_bucket;
	*slot = e->next_in_bucket;
	unlink_recency(c, e);
	c->stats.entries--;
	c->stats.bytes -= entry_bytes(e);
	secure_wipe(e->layout, e->layout->bytes);
	text_layout_destroy(e->layout);
	secure_wipe(e->text, e->text_len);
	free(e);
}

static void grow(struct text_cache *c)
{
	size_t count = c->bucket_count * 2;
	struct entry **buckets = calloc(count, sizeof(*buckets));
	if (!buckets)
		return; /* keep the denser table: slower, still correct */
	for (size_t i = 0; i < c->bucket_count; i++) {
		for (struct entry *e = c->buckets[i], *next; e; e = next) {
			next = e->next_in_bucket;
			e->next_in_bucket = buckets[e->hash % count];
			buckets[e->hash % count] = e;
		}
	}
	free(c->buckets);
	c->buckets = buckets;
	c->bucket_count = count;
}

const struct text_layout *text_cache_get(struct text_cache *c, const char *text, const struct text_style *style,
					 int max_width)
{
	size_t len = strlen(text);
	uint64_t h = key_hash(text, len, style, max_width);
	for (struct entry *e = c->buckets[h % c->bucket_count]; e; e = e->next_in_bucket) {
		if (e->hash == h && e->max_width == max_width && e->text_len == len && same_style(&e->style, style) &&
		    memcmp(e->text, text, len) == 0) {
			unlink_recency(c, e);
			push_newest(c, e);
			c->stats.hits++;
			return e->layout;
		}
	}
	c->stats.misses++;
	struct entry *e = malloc(sizeof(*e) + len + 1);
	if (!e)
		return NULL;
	e->layout = text_layout_create(c->fs, text, len, style, max_width);
	if (!e->layout) {
		free(e);
		return NULL;
	}
	e->hash = h;
	e->style = *style;
	e->max_width = max_width;
	e->text_len = len;
	memcpy(e->text, text, len + 1);
	if (c->stats.entries + 1 > c->bucket_count)
		grow(c);
	e->next_in_bucket = c->buckets[h % c->bucket_count];
	c->buckets[h % c->bucket_count] = e;
	e->newer = e->older = NULL;
	push_newest(c, e);
	c->stats.entries++;
	c->stats.bytes += entry_bytes(e);
	return e->layout;
}

void text_cache_trim(struct text_cache *c)
{
	while (c->stats.bytes > c->budget && c->oldest) {
		remove_entry(c, c->oldest);
		c->stats.evictions++;
	}
}

void text_cache_clear(struct text_cache *c)
{
	while (c->oldest)
		remove_entry(c, c->oldest);
}

void text_cache_destroy(struct text_cache *c)
{
	if (!c)
		return;
	text_cache_clear(c);
	free(c->buckets);
	free(c);
}

struct text_cache_stats text_cache_stats(const struct text_cache *c)
{
	return c->stats;
}
