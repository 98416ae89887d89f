/* Paragraph layout; see text_layout.h.
 * Steps: decode → pick a font per character (fallback chain) → break opportunities (line_break.c) →
 * shape each run of one font with HarfBuzz → fill lines greedily at break opportunities (a word longer
 * than the line breaks between characters) → ellipsize past max_lines → position glyphs.
 * Shaping happens once per paragraph, not per line: CJK and Latin shaping does not change across a
 * break, and it keeps layout linear in the text's length. Left-to-right scripts only. */
#include "text/text_layout.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "text/line_break.h"

struct cp_info {
	uint32_t cp;
	uint32_t off;
	uint16_t font;
	uint8_t brk;
	uint8_t shaped; /* 0 for control characters, which take no glyph */
	int32_t adv; /* 26.6 pixels */
};

struct glyph_buf {
	struct text_glyph *glyphs;
	int32_t *adv;
	size_t len, cap;
};

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == 0xA0 || cp == '\t' || is_control(cp);
}

static bool joins_previous(uint32_t cp)
{
	if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF))
		return true;
	hb_unicode_general_category_t cat = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
	return cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
	       cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
	       cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

/* Characters that must not begin a line when an over-long word is cut between characters. */
static bool no_line_start(uint32_t cp)
{
	static const uint32_t list[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
					0xFF09, 0x300D, 0x300F, 0x300B, 0x2026, ',', '.', ';', ':', '!', '?', ')'};
	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
		if (list[i] == cp)
			return true;
	}
	return false;
}

static bool glyphs_reserve(struct glyph_buf *gb, size_t more)
{
	if (gb->len + more <= gb->cap)
		return true;
	size_t cap = gb->cap ? gb->cap * 2 : 64;
	while (cap < gb->len + more)
		cap *= 2;
	struct text_glyph *g = realloc(gb->glyphs, cap * sizeof(*g));
	if (!g)
		return false;
	gb->glyphs = g;
	int32_t *a = realloc(gb->adv, cap * sizeof(*a));
	if (!a)
		return false;
	gb->adv = a;
	gb->cap = cap;
	return true;
}

static size_t cp_index_of(const struct cp_info *cps, size_t lo, size_t hi, uint32_t off)
{
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (cps[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Shapes text[cps[a].off .. end_off) with one font, appending glyphs and per-character advances. */
static bool shape_run(struct font_set *fs, hb_buffer_t *buf, const char *text, size_t len, struct cp_info *cps,
		      size_t a, size_t b, uint32_t end_off, const struct text_style *st, struct glyph_buf *gb)
{
	uint16_t font = cps[a].font;
	hb_buffer_clear_contents(buf);
	hb_buffer_add_utf8(buf, text, (int)len, cps[a].off, (int)(end_off - cps[a].off));
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_language(buf, hb_language_from_string(text_lang_tag(st->lang), -1));
	hb_buffer_guess_segment_properties(buf);
	hb_shape(font_set_hb_font(fs, font), buf, NULL, 0);

	unsigned count = 0;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
	if (!glyphs_reserve(gb, count))
		return false;
	int64_t scale = (int64_t)st->px * 64;
	int upem = font_set_units_per_em(fs, font);
	for (unsigned i = 0; i < count; i++) {
		struct text_glyph *g = &gb->glyphs[gb->len];
		int32_t adv = (int32_t)(pos[i].x_advance * scale / upem);
		g->id = info[i].codepoint;
		g->cluster = info[i].cluster;
		g->font = font;
		g->x = (int32_t)(pos[i].x_offset * scale / upem);
		g->y_offset = (int32_t)(-pos[i].y_offset * scale / upem);
		gb->adv[gb->len++] = adv;
		cps[cp_index_of(cps, a, b, info[i].cluster)].adv += adv;
	}
	return true;
}

struct line_range {
	size_t start, end; /* code point indices */
};

static size_t fill_line(const struct cp_info *cps, size_t n, size_t start, int64_t max_w)
{
	int64_t w = 0;
	size_t last_ok = SIZE_MAX;
	for (size_t i = start; i < n; i++) {
		if (cps[i].brk == LINE_BREAK_MUST)
			return i + 1;
		int64_t next = w + cps[i].adv;
		if (max_w > 0 && next > max_w && i > start && !is_space(cps[i].cp)) {
			if (last_ok != SIZE_MAX)
				return last_ok + 1;
			/* A word longer than the line: cut between characters, never before a closing mark. */
			size_t cut = i;
			while (cut > start + 1 && no_line_start(cps[cut].cp))
				cut--;
			while (cut > start + 1 && joins_previous(cps[cut].cp))
				cut--;
			return cut;
		}
		w = next;
		if (cps[i].brk == LINE_BREAK_ALLOW)
			last_ok = i;
	}
	return n;
}

static int32_t range_width(const struct cp_info *cps, size_t start, size_t end)
{
	while (end > start && is_space(cps[end - 1].cp))
		end--;
	int64_t w = 0;
	for (size_t i = start; i < end; i++)
		w += cps[i].adv;
	return (int32_t)w;
}

struct text_layout *text_layout_create(struct font_set *fs, const char *text, size_t len,
				       const struct text_style *style, int max_width)
{
	struct text_layout *layout = NULL;
	struct cp_info *cps = NULL;
	uint8_t *brk = NULL;
	struct line_range *ranges = NULL;
	struct glyph_buf gb = {0};
	hb_buffer_t *buf = NULL;

	size_t n = utf8_count(text, len);
	cps = calloc(n + 1, sizeof(*cps));
	brk = malloc(n + 1);
	ranges = malloc((n + 1) * sizeof(*ranges));
	buf = hb_buffer_create();
	if (!cps || !brk || !ranges || !hb_buffer_allocation_successful(buf))
		goto out;

	uint16_t primary = font_set_primary(fs, style->lang, style->weight);
	uint32_t missing = 0;
	size_t at = 0, used;
	for (size_t i = 0; i < n; i++) {
		struct cp_info *c = &cps[i];
		c->cp = utf8_decode(text + at, len - at, &used);
		c->off = (uint32_t)at;
		c->shaped = !is_control(c->cp);
		at += used;
		if (i > 0 && (joins_previous(c->cp) || is_space(c->cp))) {
			c->font = cps[i - 1].font;
			if (!is_space(c->cp) || font_set_has_glyph(fs, c->font, c->cp))
				continue;
		}
		c->font = font_set_font_for(fs, style->lang, style->weight, c->cp);
		if (c->shaped && !font_set_has_glyph(fs, c->font, c->cp))
			missing++;
	}
	line_break_compute(text, len, text_lang_tag(style->lang), brk);
	for (size_t i = 0; i < n; i++)
		cps[i].brk = brk[i];

	/* Shape runs of one font between control characters. */
	for (size_t a = 0; a < n;) {
		if (!cps[a].shaped) {
			a++;
			continue;
		}
		size_t b = a + 1;
		while (b < n && cps[b].shaped && cps[b].font == cps[a].font)
			b++;
		uint32_t end_off = b < n ? cps[b].off : (uint32_t)len;
		if (!shape_run(fs, buf, text, len, cps, a, b, end_off, style, &gb))
			goto out;
		a = b;
	}

	/* Lines. */
	int64_t max_w = (int64_t)max_width * 64;
	size_t line_count = 0;
	for (size_t start = 0; start < n;) {
		size_t end = fill_line(cps, n, start, max_w);
		ranges[line_count++] = (struct line_range){start, end};
		bool hard = cps[end - 1].brk == LINE_BREAK_MUST;
		start = end;
		while (!hard && start < n && is_space(cps[start].cp) && cps[start].brk != LINE_BREAK_MUST)
			start++;
	}

	/* Ellipsis past max_lines. */
	bool truncated = style->max_lines > 0 && line_count > (size_t)style->max_lines;
	struct text_glyph ellipsis = {0};
	int32_t ellipsis_adv = 0;
	size_t glyph_total = gb.len;
	if (truncated) {
		line_count = (size_t)style->max_lines;
		uint16_t efont = font_set_font_for(fs, style->lang, style->weight, 0x2026);
		hb_buffer_clear_contents(buf);
		hb_buffer_add_utf8(buf, "\xE2\x80\xA6", 3, 0, 3);
		hb_buffer_guess_segment_properties(buf);
		hb_shape(font_set_hb_font(fs, efont), buf, NULL, 0);
		unsigned count = 0;
		hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
		hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
		if (count > 0) {
			ellipsis.id = info[0].codepoint;
			ellipsis.font = efont;
			ellipsis_adv = (int32_t)((int64_t)pos[0].x_advance * style->px * 64 /
						 font_set_units_per_em(fs, efont));
		}
		struct line_range *last = &ranges[line_count - 1];
		while (last->end > last->start &&
		       (is_space(cps[last->end - 1].cp) ||
			(max_w > 0 && range_width(cps, last->start, last->end) + ellipsis_adv > max_w)))
			last->end--;
		ellipsis.cluster = last->end < n ? cps[last->end].off : (uint32_t)len;
		glyph_total++;
	}

	size_t bytes = sizeof(*layout) + line_count * sizeof(struct text_line) + glyph_total * sizeof(struct text_glyph);
	layout = calloc(1, bytes);
	if (!layout)
		goto out;
	layout->lines = (struct text_line *)(layout + 1);
	layout->glyphs = (struct text_glyph *)(layout->lines + line_count);
	layout->bytes = bytes;
	layout->style = *style;
	layout->max_width = max_width;
	layout->truncated = truncated;
	layout->missing_count = missing;
	layout->line_count = (uint32_t)line_count;

	/* Place glyphs line by line; glyphs are in logical order, so each line takes a contiguous run. */
	size_t g = 0;
	uint32_t out_g = 0;
	int widest = 0;
	for (size_t l = 0; l < line_count; l++) {
		struct line_range r = ranges[l];
		uint32_t start_off = cps[r.start].off;
		uint32_t end_off = r.end < n ? cps[r.end].off : (uint32_t)len;
		while (g < gb.len && gb.glyphs[g].cluster < start_off)
			g++;
		struct text_line *line = &layout->lines[l];
		line->first_glyph = out_g;
		line->byte_start = start_off;
		line->byte_end = end_off;
		int32_t pen = 0;
		for (; g < gb.len && gb.glyphs[g].cluster < end_off; g++) {
			struct text_glyph og = gb.glyphs[g];
			og.x += pen;
			pen += gb.adv[g];
			layout->glyphs[out_g++] = og;
		}
		int32_t w = range_width(cps, r.start, r.end);
		if (truncated && l == line_count - 1) {
			ellipsis.x = w;
			layout->glyphs[out_g++] = ellipsis;
			w += ellipsis_adv;
		}
		line->glyph_count = out_g - line->first_glyph;
		line->width = (w + 63) / 64;
		if (line->width > widest)
			widest = line->width;
	}
	layout->glyph_count = out_g;
	layout->width = widest;

	int32_t asc, desc;
	font_set_v_metrics(fs, primary, style->px, &asc, &desc);
	int pct = style->line_spacing_pct > 0 ? style->line_spacing_pct : 100;
	layout->line_height = (style->px * pct + 50) / 100;
	int content = (asc + desc + 63) / 64;
	layout->baseline = (layout->line_height - content) / 2 + (asc + 32) / 64;
	layout->height = (int)line_count * layout->line_height;
	int box = max_width > 0 ? max_width : widest;
	for (size_t l = 0; l < line_count; l++) {
		struct text_line *line = &layout->lines[l];
		int slack = box - line->width;
		line->x = style->align == TEXT_ALIGN_CENTER ? slack / 2 : style->align == TEXT_ALIGN_END ? slack : 0;
		if (line->x < 0)
			line->x = 0;
	}
out:
	hb_buffer_destroy(buf);
	free(gb.glyphs);
	free(gb.adv);
	free(ranges);
	free(brk);
	free(cps);
	return layout;
}

void text_layout_destroy(struct text_layout *layout)
{
	free(layout);
}

uint16_t text_layout_font_at(const struct text_layout *layout, uint32_t cluster)
{
	for (uint32_t i = 0; i < layout->glyph_count; i++) {
		if (layout->glyphs[i].cluster == cluster)
			return layout->glyphs[i].font;
	}
	return FONT_NONE;
}
