/* Font loading and fallback; see font_set.h.
 * Faces are matched by family name inside each file (a .ttc holds JP/KR/SC/TC/HK faces: the index is
 * never trusted), read by HarfBuzz from the mapped file. Shaping and glyph coverage use HarfBuzz's own
 * OpenType functions at font-unit scale, so one hb_font serves every pixel size; FreeType rasterizes
 * with light hinting, which keeps the advances HarfBuzz gave, and opens a face only when its first
 * glyph is drawn (a CJK face costs a millisecond to open, and most of the chain is rarely drawn). */
#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/utf8.h"

#define FACE_MAX 12
#define FONT_MAX (FACE_MAX * TEXT_WEIGHT_COUNT)
#define NAME_MAX_LEN 64
#define PATHS_MAX_LEN 512

struct font {
	FT_Face ft; /* opened for the first glyph drawn (NULL before, or when FreeType refused the face) */
	bool ft_tried;
	char path[PATHS_MAX_LEN];
	unsigned index; /* the face's index in its file */
	hb_font_t *hb;
	int upem;
	int px; /* size FT_Set_Pixel_Sizes was last called with */
	char name[NAME_MAX_LEN * 2 + 2]; /* family and style */
};

struct manifest_face {
	char name[NAME_MAX_LEN];
	char family[NAME_MAX_LEN];
	char paths[TEXT_WEIGHT_COUNT][PATHS_MAX_LEN];
	uint16_t font[TEXT_WEIGHT_COUNT];
	bool tried[TEXT_WEIGHT_COUNT]; /* loaded or found missing (and said so) once, for every chain */
};

struct font_set {
	FT_Library ft;
	struct font fonts[FONT_MAX];
	int font_count;
	struct manifest_face faces[FACE_MAX];
	int face_count;
	char chain_names[TEXT_LANG_COUNT][PATHS_MAX_LEN];
	uint16_t chain[TEXT_LANG_COUNT][TEXT_WEIGHT_COUNT][FONT_CHAIN_MAX];
	int chain_len[TEXT_LANG_COUNT][TEXT_WEIGHT_COUNT];
};

static const char *const lang_tags[TEXT_LANG_COUNT] = {"zh-Hans", "zh-Hant", "en"};

int text_lang_parse(const char *tag)
{
	for (int i = 0; i < TEXT_LANG_COUNT; i++) {
		if (strcmp(tag, lang_tags[i]) == 0)
			return i;
	}
	return -1;
}

const char *text_lang_tag(enum text_lang lang)
{
	return lang_tags[lang];
}

static struct manifest_face *face_named(struct font_set *fs, const char *name, bool create)
{
	for (int i = 0; i < fs->face_count; i++) {
		if (strcmp(fs->faces[i].name, name) == 0)
			return &fs->faces[i];
	}
	if (!create || fs->face_count == FACE_MAX)
		return NULL;
	struct manifest_face *f = &fs->faces[fs->face_count++];
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->font[0] = f->font[1] = FONT_NONE;
	return f;
}

static int on_manifest(void *user, const char *section, const char *key, const char *value)
{
	struct font_set *fs = user;
	if (strncmp(section, "face.", 5) == 0) {
		struct manifest_face *f = face_named(fs, section + 5, true);
		if (!f)
			return 0;
		if (strcmp(key, "family") == 0)
			snprintf(f->family, sizeof(f->family), "%s", value);
		else if (strcmp(key, "regular") == 0)
			snprintf(f->paths[TEXT_REGULAR], PATHS_MAX_LEN, "%s", value);
		else if (strcmp(key, "bold") == 0)
			snprintf(f->paths[TEXT_BOLD], PATHS_MAX_LEN, "%s", value);
		else
			return 0;
		return 1;
	}
	if (strcmp(section, "chain") == 0) {
		int lang = text_lang_parse(key);
		if (lang < 0)
			return 0;
		snprintf(fs->chain_names[lang], PATHS_MAX_LEN, "%s", value);
		return 1;
	}
	return 0;
}

/* Opens the face of `family` in one of the space-separated candidate files. */
/* Whether face is the family: its typographic family name (name ID 16) when it has one, as FreeType
 * reads it, else its family name (ID 1). Read by HarfBuzz from the mapped file, without parsing any
 * outlines: a .ttc of ten CJK faces is searched in well under a millisecond. */
static bool face_name(hb_face_t *face, hb_ot_name_id_t typographic, hb_ot_name_id_t plain, char *out, unsigned cap)
{
	unsigned len = cap;
	if (hb_ot_name_get_utf8(face, typographic, HB_LANGUAGE_INVALID, &len, out) > 0)
		return true;
	len = cap;
	return hb_ot_name_get_utf8(face, plain, HB_LANGUAGE_INVALID, &len, out) > 0;
}

static bool face_is_family(hb_face_t *face, const char *family)
{
	char name[NAME_MAX_LEN * 2];
	return face_name(face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY, name, sizeof(name)) &&
	       strcmp(name, family) == 0;
}

/* Finds family in the first of paths (space-separated) that holds it: the face, its file and index. */
static hb_face_t *open_face(const char *paths, const char *family, char *found_path, size_t found_len,
			    unsigned *found_index)
{
	char list[PATHS_MAX_LEN];
	snprintf(list, sizeof(list), "%s", paths);
	char *save = NULL;
	for (char *path = strtok_r(list, " \t", &save); path; path = strtok_r(NULL, " \t", &save)) {
		hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
		if (!blob)
			continue;
		unsigned count = hb_face_count(blob);
		for (unsigned i = 0; i < count; i++) {
			hb_face_t *face = hb_face_create(blob, i);
			if (face_is_family(face, family)) {
				hb_blob_destroy(blob); /* the face holds it */
				snprintf(found_path, found_len, "%s", path);
				*found_index = i;
				return face;
			}
			hb_face_destroy(face);
		}
		hb_blob_destroy(blob);
	}
	return NULL;
}

static uint16_t load_font(struct font_set *fs, struct manifest_face *mf, enum text_weight weight)
{
	if (mf->tried[weight])
		return mf->font[weight];
	mf->tried[weight] = true;
	if (!mf->paths[weight][0] || fs->font_count == FONT_MAX)
		return FONT_NONE;
	struct font *f = &fs->fonts[fs->font_count];
	hb_face_t *face = open_face(mf->paths[weight], mf->family, f->path, sizeof(f->path), &f->index);
	if (!face) {
		kiosk_log(LOG_WARN, "font \"%s\" (%s) not found in %s", mf->family,
			  weight == TEXT_BOLD ? "bold" : "regular", mf->paths[weight]);
		return FONT_NONE;
	}
	mf->font[weight] = (uint16_t)fs->font_count;
	/* HarfBuzz reads the file (mapped, shared) with its own OpenType functions at font-unit scale:
	 * shaping is size-independent and one hb_font serves every pixel size. FreeType, which draws,
	 * opens the face when its first glyph is drawn. */
	char style[NAME_MAX_LEN];
	if (!face_name(face, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY, HB_OT_NAME_ID_FONT_SUBFAMILY, style, sizeof(style)))
		snprintf(style, sizeof(style), "%s", weight == TEXT_BOLD ? "Bold" : "Regular");
	snprintf(f->name, sizeof(f->name), "%s %s", mf->family, style);
	f->hb = hb_font_create(face);
	f->upem = (int)hb_face_get_upem(face);
	if (f->upem <= 0)
		f->upem = 1000;
	hb_face_destroy(face);
	hb_font_set_scale(f->hb, f->upem, f->upem);
	f->px = 0;
	return (uint16_t)fs->font_count++;
}

/* The FreeType face of font, opened the first time a glyph of it is drawn; NULL when FreeType cannot
 * read it (logged once). */
static FT_Face font_ft(struct font_set *fs, struct font *f)
{
	if (!f->ft_tried) {
		f->ft_tried = true;
		if (FT_New_Face(fs->ft, f->path, (FT_Long)f->index, &f->ft) != 0) {
			f->ft = NULL;
			kiosk_log(LOG_ERROR, "font %s (%s, face %u): FreeType cannot read it; its characters stay blank",
				  f->name, f->path, f->index);
		}
	}
	return f->ft;
}

struct font_set *font_set_create(const char *manifest_path, char *err, size_t errlen)
{
	struct font_set *fs = calloc(1, sizeof(*fs));
	if (!fs) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (FT_Init_FreeType(&fs->ft) != 0) {
		snprintf(err, errlen, "FreeType failed to initialise");
		goto fail;
	}
	int rc = ini_parse(manifest_path, on_manifest, fs);
	if (rc != 0) {
		snprintf(err, errlen, rc < 0 ? "%s: cannot read font manifest" : "%s:%d: bad font manifest line",
			 manifest_path, rc);
		goto fail;
	}
	for (int lang = 0; lang < TEXT_LANG_COUNT; lang++) {
		for (int w = 0; w < TEXT_WEIGHT_COUNT; w++) {
			char list[PATHS_MAX_LEN];
			snprintf(list, sizeof(list), "%s", fs->chain_names[lang]);
			char *save = NULL;
			for (char *name = strtok_r(list, " \t", &save); name; name = strtok_r(NULL, " \t", &save)) {
				struct manifest_face *mf = face_named(fs, name, false);
				if (!mf) {
					snprintf(err, errlen, "%s: chain %s names unknown face \"%s\"", manifest_path,
						 lang_tags[lang], name);
					goto fail;
				}
				uint16_t font = load_font(fs, mf, (enum text_weight)w);
				if (font == FONT_NONE && w == TEXT_BOLD) /* no bold cut: regular keeps coverage */
					font = load_font(fs, mf, TEXT_REGULAR);
				if (font != FONT_NONE && fs->chain_len[lang][w] < FONT_CHAIN_MAX)
					fs->chain[lang][w][fs->chain_len[lang][w]++] = font;
			}
			if (fs->chain_len[lang][w] == 0) {
				snprintf(err, errlen, "%s: no font of the %s chain is installed (fonts-noto-cjk?)",
					 manifest_path, lang_tags[lang]);
				goto fail;
			}
		}
	}
	return fs;
fail:
	font_set_destroy(fs);
	return NULL;
}

void font_set_destroy(struct font_set *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < fs->font_count; i++) {
		hb_font_destroy(fs->fonts[i].hb);
		if (fs->fonts[i].ft)
			FT_Done_Face(fs->fonts[i].ft);
	}
	if (fs->ft)
		FT_Done_FreeType(fs->ft);
	free(fs);
}

bool font_set_has_glyph(struct font_set *fs, uint16_t font, uint32_t cp)
{
	hb_codepoint_t glyph;
	return hb_font_get_nominal_glyph(fs->fonts[font].hb, cp, &glyph) && glyph != 0;
}

bool font_set_draws(struct font_set *fs, enum text_lang lang, const char *utf8)
{
	size_t len = strlen(utf8);
	for (size_t at = 0, used = 0; at < len; at += used) {
		uint32_t cp = utf8_decode(utf8 + at, len - at, &used);
		if (cp <= 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x3000)
			continue;
		for (int w = 0; w < TEXT_WEIGHT_COUNT; w++) {
			uint16_t font = font_set_font_for(fs, lang, (enum text_weight)w, cp);
			if (!font_set_has_glyph(fs, font, cp))
				return false;
		}
	}
	return true;
}

uint16_t font_set_font_for(struct font_set *fs, enum text_lang lang, enum text_weight weight, uint32_t cp)
{
	const uint16_t *chain = fs->chain[lang][weight];
	for (int i = 0; i < fs->chain_len[lang][weight]; i++) {
		if (font_set_has_glyph(fs, chain[i], cp))
			return chain[i];
	}
	return chain[0];
}

uint16_t font_set_primary(const struct font_set *fs, enum text_lang lang, enum text_weight weight)
{
	return fs->chain[lang][weight][0];
}

const char *font_set_font_name(const struct font_set *fs, uint16_t font)
{
	return fs->fonts[font].name;
}

hb_font_t *font_set_hb_font(const struct font_set *fs, uint16_t font)
{
	return fs->fonts[font].hb;
}

int font_set_units_per_em(const struct font_set *fs, uint16_t font)
{
	return fs->fonts[font].upem;
}

void font_set_v_metrics(const struct font_set *fs, uint16_t font, int px, int32_t *ascender, int32_t *descender)
{
	hb_font_extents_t ext;
	hb_font_get_h_extents(fs->fonts[font].hb, &ext);
	int upem = fs->fonts[font].upem;
	*ascender = (int32_t)((int64_t)ext.ascender * px * 64 / upem);
	*descender = (int32_t)((int64_t)-ext.descender * px * 64 / upem);
}

bool font_set_rasterize(struct font_set *fs, uint16_t font, uint32_t glyph, int px, struct glyph_bitmap *out)
{
	struct font *f = &fs->fonts[font];
	FT_Face ft = font_ft(fs, f);
	if (!ft)
		return false;
	if (f->px != px) {
		if (FT_Set_Pixel_Sizes(ft, 0, (FT_UInt)px) != 0)
			return false;
		f->px = px;
	}
	if (FT_Load_Glyph(ft, glyph, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT) != 0)
		return false;
	if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_LIGHT) != 0)
		return false;
	FT_GlyphSlot slot = ft->glyph;
	if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
		return false;
	out->pixels = slot->bitmap.buffer;
	out->width = (int)slot->bitmap.width;
	out->rows = (int)slot->bitmap.rows;
	out->pitch = slot->bitmap.pitch;
	out->left = slot->bitmap_left;
	out->top = slot->bitmap_top;
	return true;
}
