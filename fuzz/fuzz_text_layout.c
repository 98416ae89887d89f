/* Fuzz target: laying out arbitrary UTF-8 (backend texts, typed names, catalogue strings) with the
 * real fonts of fonts/fonts.ini: line breaking (UAX #14 with the Chinese rules), per-character font
 * fallback, HarfBuzz shaping, wrapping into a width, the ellipsis past max_lines, alignment.
 * Input: 4 bytes of style (size, language and weight and alignment, max lines, width), then the text
 * (at most 4 KiB: longer texts only cost time).
 * Invariants: every line and glyph points inside the text, lines follow each other, a truncated
 * layout has exactly max_lines lines, no line is placed left of the box, and a line of more than one
 * character fits the width it was laid into. */
#include <hb.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "fuzz_common.h"
#include "text/font_set.h"
#include "text/line_break.h"
#include "text/text_layout.h"

static struct font_set *fonts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[256];
	fonts = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	if (!fonts) {
		fprintf(stderr, "fuzz_text_layout: no fonts: %s\n", err);
		abort();
	}
	return 0;
}

/* Characters in text[a..b) that take room of their own: not spaces or controls, and not marks or
 * joiners (they sit on the character before, and the layout never cuts before them). */
static size_t spacing_chars(const char *text, uint32_t a, uint32_t b)
{
	size_t n = 0, used;
	hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
	for (uint32_t at = a; at < b; at += (uint32_t)used) {
		uint32_t cp = utf8_decode(text + at, b - at, &used);
		hb_unicode_general_category_t cat = hb_unicode_general_category(uf, cp);
		bool space = cp == ' ' || cp == 0x3000 || cp == 0xA0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			     cp == 0x2028 || cp == 0x2029;
		bool joins = cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
			     cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
			     cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
			     cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
		n += !space && !joins;
	}
	return n;
}

static void check_layout(const struct text_layout *l, const char *text, size_t len, const struct text_style *st,
			 int max_width)
{
	FUZZ_CHECK(l->line_count == 0 || l->lines != NULL);
	if (st->max_lines > 0)
		FUZZ_CHECK(l->line_count <= (uint32_t)st->max_lines);
	if (l->truncated)
		FUZZ_CHECK(st->max_lines > 0 && l->line_count == (uint32_t)st->max_lines);
	FUZZ_CHECK(l->height == (int)l->line_count * l->line_height);
	uint32_t prev_end = 0, glyphs = 0;
	for (uint32_t i = 0; i < l->line_count; i++) {
		const struct text_line *line = &l->lines[i];
		FUZZ_CHECK(line->byte_start <= line->byte_end && line->byte_end <= len);
		FUZZ_CHECK(line->byte_start >= prev_end);
		FUZZ_CHECK(line->first_glyph == glyphs);
		FUZZ_CHECK(line->x >= 0 && line->width <= l->width);
		glyphs += line->glyph_count;
		prev_end = line->byte_end;
		bool last_truncated = l->truncated && i + 1 == l->line_count;
		if (max_width > 0 && !last_truncated && spacing_chars(text, line->byte_start, line->byte_end) > 1)
			FUZZ_CHECK(line->width <= max_width);
	}
	FUZZ_CHECK(glyphs == l->glyph_count);
	for (uint32_t g = 0; g < l->glyph_count; g++)
		FUZZ_CHECK(l->glyphs[g].cluster <= len);
	for (uint32_t at = 0; at < len; at++)
		text_layout_font_at(l, at);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096 + 4)
		return 0;
	uint8_t b0 = fuzz_take_byte(&data, &size), b1 = fuzz_take_byte(&data, &size);
	uint8_t b2 = fuzz_take_byte(&data, &size), b3 = fuzz_take_byte(&data, &size);
	struct text_style st = {
		.px = 8 + b0 % 120,
		.weight = (b1 >> 2) & 1 ? TEXT_BOLD : TEXT_REGULAR,
		.lang = (enum text_lang)(b1 % TEXT_LANG_COUNT),
		.align = (enum text_align)((b1 >> 3) % 3),
		.line_spacing_pct = 100 + (b1 >> 5) * 10,
		.max_lines = b2 % 5,
	};
	int max_width = b3 * 8;
	/* A copy of exactly size bytes, so ASan sees any read past the text. */
	char *text = malloc(size ? size : 1);
	if (!text)
		abort();
	memcpy(text, data, size);

	size_t n = utf8_count(text, size);
	uint8_t *brk = malloc(n + 1);
	if (!brk)
		abort();
	line_break_compute(text, size, text_lang_tag(st.lang), brk);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(brk[i] == LINE_BREAK_MUST || brk[i] == LINE_BREAK_ALLOW || brk[i] == LINE_BREAK_NONE);
	free(brk);

	struct text_layout *l = text_layout_create(fonts, text, size, &st, max_width);
	FUZZ_CHECK(l != NULL);
	check_layout(l, text, size, &st, max_width);
	text_layout_destroy(l);
	free(text);
	return 0;
}
