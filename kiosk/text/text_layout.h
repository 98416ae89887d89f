/* Paragraph layout: per-character font fallback, HarfBuzz shaping, line breaking into a width,
 * alignment, line spacing, and a maximum number of lines ending in an ellipsis.
 * A layout is an immutable value; text_cache.h keeps them so unchanged text is never shaped twice. */
#ifndef KIOSK_TEXT_TEXT_LAYOUT_H
#define KIOSK_TEXT_TEXT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/font_set.h"

enum text_align { TEXT_ALIGN_START, TEXT_ALIGN_CENTER, TEXT_ALIGN_END };

struct text_style {
	int px; /* pixels per em */
	enum text_weight weight;
	enum text_lang lang;
	enum text_align align;
	int line_spacing_pct; /* line height as a percentage of px; ≥ 130 for paragraphs */
	int max_lines; /* 0: as many as the text needs */
};

struct text_glyph {
	uint32_t id; /* glyph index in its font */
	uint32_t cluster; /* byte offset of the source character */
	int32_t x; /* pen position from the line's left edge, 26.6 pixels */
	int32_t y_offset; /* 26.6 pixels, down */
	uint16_t font;
};

struct text_line {
	uint32_t first_glyph, glyph_count;
	uint32_t byte_start, byte_end; /* source range shown on this line */
	int32_t width; /* pixels, without trailing spaces */
	int32_t x; /* left edge after alignment, pixels from the layout's left */
};

struct text_layout {
	struct text_style style;
	int max_width; /* width it was laid into; 0 for unlimited */
	int width, height; /* pixels: widest line, all lines */
	int line_height, baseline; /* pixels; baseline of the first line from the top */
	bool truncated; /* text did not fit in max_lines and ends in an ellipsis */
	uint32_t line_count, glyph_count;
	uint32_t missing_count; /* characters no installed font has (drawn as .notdef) */
	struct text_line *lines;
	struct text_glyph *glyphs;
	size_t bytes; /* memory held, for cache budgets */
};

/* Lays out text[0..len) in at most max_width pixels (0: no wrapping). Returns NULL only when out of
 * memory. Invalid UTF-8 shows as U+FFFD. */
struct text_layout *text_layout_create(struct font_set *fs, const char *text, size_t len,
				       const struct text_style *style, int max_width);
void text_layout_destroy(struct text_layout *layout);

/* The font that drew the character at byte offset `cluster`, or FONT_NONE when it is not shown. */
uint16_t text_layout_font_at(const struct text_layout *layout, uint32_t cluster);

#endif
