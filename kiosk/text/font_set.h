/* The fonts the kiosk draws with: faces loaded from the fonts/ manifest, the per-language fallback
 * chains, glyph coverage and rasterization (FreeType) and shaping fonts (HarfBuzz).
 * Not thread-safe: one font set belongs to the UI thread. */
#ifndef KIOSK_TEXT_FONT_SET_H
#define KIOSK_TEXT_FONT_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hb.h>

enum text_lang { TEXT_LANG_ZH_HANS, TEXT_LANG_ZH_HANT, TEXT_LANG_EN, TEXT_LANG_COUNT };
enum text_weight { TEXT_REGULAR, TEXT_BOLD, TEXT_WEIGHT_COUNT };

#define FONT_CHAIN_MAX 8
#define FONT_NONE 0xFFFF

struct font_set;

/* A rasterized glyph: 8-bit coverage, borrowed until the next rasterize call. */
struct glyph_bitmap {
	const uint8_t *pixels;
	int width, rows, pitch;
	int left, top; /* offset of the bitmap from the pen position, y up */
};

/* Finds the faces a manifest names; returns NULL with a reason in err when no chain has a face. A face
 * is drawn by FreeType from its first glyph on; one FreeType cannot read draws nothing (logged once). */
struct font_set *font_set_create(const char *manifest_path, char *err, size_t errlen);
void font_set_destroy(struct font_set *fs);

/* Parses "zh-Hans", "zh-Hant" or "en"; returns -1 otherwise. */
int text_lang_parse(const char *tag);
/* BCP 47 tag of a language. */
const char *text_lang_tag(enum text_lang lang);

/* The font that should render cp in this language and weight: the first in the chain with a glyph,
 * or the chain's first font when none has it. */
uint16_t font_set_font_for(struct font_set *fs, enum text_lang lang, enum text_weight weight, uint32_t cp);
/* The chain's primary font (its metrics set the line). */
uint16_t font_set_primary(const struct font_set *fs, enum text_lang lang, enum text_weight weight);
/* True when the font has a glyph for cp. */
bool font_set_has_glyph(struct font_set *fs, uint16_t font, uint32_t cp);
/* True when every character of utf8 (spaces and controls aside) has a glyph in some font of the
 * language's chain, in both weights: the language can be shown without empty boxes. */
bool font_set_draws(struct font_set *fs, enum text_lang lang, const char *utf8);
/* "Noto Sans CJK SC Bold" and the like. */
const char *font_set_font_name(const struct font_set *fs, uint16_t font);
/* HarfBuzz font scaled to font units (scale = units per em). */
hb_font_t *font_set_hb_font(const struct font_set *fs, uint16_t font);
int font_set_units_per_em(const struct font_set *fs, uint16_t font);
/* Ascender and descender (positive, down) in 26.6 pixels at size px. */
void font_set_v_metrics(const struct font_set *fs, uint16_t font, int px, int32_t *ascender, int32_t *descender);
/* Rasterizes one glyph at px pixels per em; false when FreeType fails. */
bool font_set_rasterize(struct font_set *fs, uint16_t font, uint32_t glyph, int px, struct glyph_bitmap *out);

#endif
