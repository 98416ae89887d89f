/* Text layout: per-character fallback (which face rendered which character), the SC/TC faces,
 * measurement, wrapping that keeps the Chinese punctuation rules, Latin words kept whole, over-long
 * words cut, ellipsis and the truncated flag, alignment, the layout cache, and whether a language
 * can be drawn at all. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "core/utf8.h"
#include "text/font_set.h"
#include "text/text_cache.h"
#include "text/text_layout.h"

static struct font_set *fs;

static struct text_style style(int px, enum text_lang lang, int max_lines)
{
	return (struct text_style){px, TEXT_REGULAR, lang, TEXT_ALIGN_START, 140, max_lines};
}

/* Font family that drew the character at the n-th code point of text. */
static const char *font_of(const char *text, enum text_lang lang, size_t nth)
{
	struct text_style st = style(32, lang, 0);
	struct text_layout *l = text_layout_create(fs, text, strlen(text), &st, 0);
	size_t at = 0, used;
	for (size_t i = 0; i < nth; i++) {
		utf8_decode(text + at, strlen(text) - at, &used);
		at += used;
	}
	uint16_t font = text_layout_font_at(l, (uint32_t)at);
	static char name[96];
	snprintf(name, sizeof(name), "%s", font == FONT_NONE ? "(none)" : font_set_font_name(fs, font));
	text_layout_destroy(l);
	return name;
}

/* The first character of every line after the first, as a string of code points. */
static void line_starts(const struct text_layout *l, const char *text, char *out, size_t len)
{
	size_t o = 0;
	for (uint32_t i = 1; i < l->line_count && o + 5 < len; i++) {
		size_t used;
		uint32_t cp = utf8_decode(text + l->lines[i].byte_start, strlen(text) - l->lines[i].byte_start, &used);
		o += utf8_encode(cp, out + o);
	}
	out[o] = '\0';
}

static void check_wrapping_rules(void)
{
	const char *text = "低保对象须同时具备以下条件：家庭成员中至少一人具有本区户籍，且在本区居住满一年；"
			   "家庭月人均收入低于当地最低生活保障标准（2020年为每人每月900元），"
			   "家庭财产符合规定。申请人应当如实申报家庭收入、财产状况，并签署授权书。";
	/* At every width from 3 to 30 characters, no line may start with closing punctuation and no line
	 * may end with an opening bracket. */
	for (int chars = 3; chars <= 30; chars++) {
		struct text_style st = style(32, TEXT_LANG_ZH_HANS, 0);
		struct text_layout *l = text_layout_create(fs, text, strlen(text), &st, chars * 32);
		char starts[512];
		line_starts(l, text, starts, sizeof(starts));
		const char *closing[] = {"，", "。", "、", "；", "：", "）", NULL};
		for (int c = 0; closing[c]; c++) {
			if (!CHECK(strstr(starts, closing[c]) == NULL))
				fprintf(stderr, "  width %d chars: a line starts with %s\n", chars, closing[c]);
		}
		for (uint32_t i = 0; i < l->line_count; i++) {
			const struct text_line *line = &l->lines[i];
			CHECK(line->width <= chars * 32);
			size_t prev = utf8_prev(text, line->byte_end);
			CHECK(strncmp(text + prev, "（", 3) != 0);
		}
		text_layout_destroy(l);
	}
}

static void check_latin(void)
{
	const char *text = "Please bring your identity card and household register";
	struct text_style st = style(32, TEXT_LANG_EN, 0);
	struct text_layout *l = text_layout_create(fs, text, strlen(text), &st, 400);
	CHECK(l->line_count >= 3);
	for (uint32_t i = 1; i < l->line_count; i++) {
		/* every line starts a word: the previous byte is a space */
		CHECK(text[l->lines[i].byte_start - 1] == ' ');
	}
	text_layout_destroy(l);

	/* A word longer than the line is cut between characters rather than overflowing. */
	const char *word = "Supercalifragilisticexpialidocious";
	l = text_layout_create(fs, word, strlen(word), &st, 200);
	CHECK(l->line_count >= 3);
	for (uint32_t i = 0; i < l->line_count; i++)
		CHECK(l->lines[i].width <= 200);
	text_layout_destroy(l);
}

static void check_measure_and_truncate(void)
{
	struct text_style st = style(40, TEXT_LANG_ZH_HANS, 0);
	/* CJK ideographs are one em wide. */
	struct text_layout *l = text_layout_create(fs, "预约登记", strlen("预约登记"), &st, 0);
	CHECK_INT(l->line_count, 1);
	CHECK_INT(l->width, 160);
	CHECK_INT(l->line_height, 56);
	CHECK_INT(l->height, 56);
	CHECK(!l->truncated);
	CHECK_INT(l->missing_count, 0);
	text_layout_destroy(l);

	/* Ten characters into four: two lines allowed, the second ends in an ellipsis. */
	st.max_lines = 2;
	const char *ten = "一二三四五六七八九十";
	l = text_layout_create(fs, ten, strlen(ten), &st, 160);
	CHECK_INT(l->line_count, 2);
	CHECK(l->truncated);
	CHECK(l->lines[1].width <= 160);
	const struct text_glyph *last = &l->glyphs[l->glyph_count - 1];
	CHECK(strstr(font_set_font_name(fs, last->font), "CJK") != NULL);
	text_layout_destroy(l);

	/* The same text with room for it is not truncated. */
	st.max_lines = 3;
	l = text_layout_create(fs, ten, strlen(ten), &st, 160);
	CHECK_INT(l->line_count, 3);
	CHECK(!l->truncated);
	text_layout_destroy(l);

	/* Centred lines are placed in the middle of the box. */
	st = style(40, TEXT_LANG_ZH_HANS, 0);
	st.align = TEXT_ALIGN_CENTER;
	l = text_layout_create(fs, "好", 3, &st, 200);
	CHECK_INT(l->lines[0].x, 80);
	text_layout_destroy(l);

	/* Hard line breaks and invalid UTF-8. */
	st = style(32, TEXT_LANG_ZH_HANS, 0);
	l = text_layout_create(fs, "甲\n乙\n丙", strlen("甲\n乙\n丙"), &st, 0);
	CHECK_INT(l->line_count, 3);
	text_layout_destroy(l);
	l = text_layout_create(fs, "a\xff\xfe b", 5, &st, 0);
	CHECK(l != NULL && l->line_count == 1);
	text_layout_destroy(l);
}

static void check_fallback(void)
{
	/* Chinese, Latin, digits, full-width punctuation and symbols each from a face that has them. */
	const char *mixed = "低保900元，¥100 ℃ ① — ⚖ ♿";
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 0), "Noto Sans CJK SC Regular");
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 2), "Noto Sans CJK SC Regular"); /* 9 */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 6), "Noto Sans CJK SC Regular"); /* ， */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 7), "Noto Sans CJK SC Regular"); /* ¥ */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 12), "Noto Sans CJK SC Regular"); /* ℃ */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 14), "Noto Sans CJK SC Regular"); /* ① */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 18), "DejaVu Sans Book"); /* ⚖: not in Noto CJK */
	CHECK_STR(font_of(mixed, TEXT_LANG_ZH_HANS, 20), "DejaVu Sans Book"); /* ♿ */
	/* English text is set in Noto Sans; its Chinese falls back to the CJK face. */
	CHECK_STR(font_of("Hi 好", TEXT_LANG_EN, 0), "Noto Sans Regular");
	CHECK_STR(font_of("Hi 好", TEXT_LANG_EN, 3), "Noto Sans CJK SC Regular");
	/* Traditional picks the TC face (骨 and 户 differ from the SC forms). */
	CHECK_STR(font_of("骨户", TEXT_LANG_ZH_HANT, 0), "Noto Sans CJK TC Regular");
	CHECK_STR(font_of("骨户", TEXT_LANG_ZH_HANS, 1), "Noto Sans CJK SC Regular");

	/* Nothing in this specimen is missing from every installed face. */
	struct text_style st = style(32, TEXT_LANG_ZH_HANS, 0);
	struct text_layout *l = text_layout_create(fs, mixed, strlen(mixed), &st, 0);
	CHECK_INT(l->missing_count, 0);
	text_layout_destroy(l);

	/* SC and TC shape 骨 with different glyphs. */
	struct text_style tc = style(32, TEXT_LANG_ZH_HANT, 0);
	struct text_layout *a = text_layout_create(fs, "骨", 3, &st, 0);
	struct text_layout *b = text_layout_create(fs, "骨", 3, &tc, 0);
	CHECK(a->glyphs[0].font != b->glyphs[0].font);
	text_layout_destroy(a);
	text_layout_destroy(b);
}

static void check_cache(void)
{
	struct text_cache *cache = text_cache_create(fs, 64 * 1024);
	struct text_style st = style(32, TEXT_LANG_ZH_HANS, 0);
	const struct text_layout *a = text_cache_get(cache, "救助查询", &st, 0);
	const struct text_layout *b = text_cache_get(cache, "救助查询", &st, 0);
	CHECK(a == b);
	CHECK_INT(text_cache_stats(cache).misses, 1);
	CHECK_INT(text_cache_stats(cache).hits, 1);
	st.px = 48; /* another size is another layout */
	CHECK(text_cache_get(cache, "救助查询", &st, 0) != a);
	/* The budget holds: filling past it and trimming evicts the oldest. */
	char buf[64];
	for (int i = 0; i < 2000; i++) {
		snprintf(buf, sizeof(buf), "第%d行", i);
		text_cache_get(cache, buf, &st, 0);
		text_cache_trim(cache);
	}
	CHECK(text_cache_stats(cache).bytes <= 64 * 1024);
	CHECK(text_cache_stats(cache).evictions > 0);
	text_cache_destroy(cache);
}

/* Whether a language can be shown at all: with the CJK faces, Chinese can; a manifest whose CJK
 * files are missing (fonts-noto-cjk not installed) still draws English, not Chinese (the kiosk then
 * shows its out-of-service notice instead of empty boxes). */
static void check_draws(void)
{
	CHECK(font_set_draws(fs, TEXT_LANG_ZH_HANS, "您好，请选择要办理的业务"));
	CHECK(font_set_draws(fs, TEXT_LANG_ZH_HANT, "預約登記 · 救助查詢"));
	CHECK(font_set_draws(fs, TEXT_LANG_EN, "Out of service"));
	CHECK(!font_set_draws(fs, TEXT_LANG_EN, "a \xee\x80\x80 b")); /* U+E000: private use, in no face */
	char dir[] = "/tmp/kiosk-fonts-XXXXXX", path[64], line[600], err[512];
	if (!CHECK(mkdtemp(dir) != NULL))
		return;
	snprintf(path, sizeof(path), "%s/fonts.ini", dir);
	FILE *in = fopen(KIOSK_FONTS_DIR "/fonts.ini", "r"), *out = fopen(path, "w");
	while (in && out && fgets(line, sizeof(line), in)) { /* the CJK and fallback files lead nowhere */
		if (strstr(line, "NotoSansCJK") || strstr(line, "DroidSansFallback"))
			fprintf(out, "%.*s= /nonexistent/font.ttc\n", (int)(strchr(line, '=') - line), line);
		else
			fputs(line, out);
	}
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	struct font_set *latin_only = font_set_create(path, err, sizeof(err));
	if (CHECK(latin_only != NULL)) {
		CHECK(font_set_draws(latin_only, TEXT_LANG_EN, "This kiosk cannot show its screens properly right now."));
		CHECK(!font_set_draws(latin_only, TEXT_LANG_ZH_HANS, "暂停服务"));
		CHECK(!font_set_draws(latin_only, TEXT_LANG_ZH_HANT, "暫停服務"));
		font_set_destroy(latin_only);
	}
	unlink(path);
	rmdir(dir);
}

/* Text with damaged UTF-8 (a backend text cut inside a character) lays out on one line when it fits,
 * and a narrow box never gets a line of two characters wider than the box. */
static void check_damaged_utf8(void)
{
	struct text_style st = style(32, TEXT_LANG_EN, 0);
	struct text_layout *l = text_layout_create(fs, "ab\xe4\xb8", 4, &st, 0);
	CHECK_INT(l->line_count, 1);
	text_layout_destroy(l);
	st = (struct text_style){18, TEXT_BOLD, TEXT_LANG_EN, TEXT_ALIGN_END, 120, 0};
	l = text_layout_create(fs, "\xc3" "fr\xe0", 4, &st, 8);
	for (uint32_t i = 0; i < l->line_count; i++)
		CHECK(l->lines[i].byte_end - l->lines[i].byte_start <= 1 || l->lines[i].width <= 8);
	text_layout_destroy(l);
}

int main(void)
{
	char err[512];
	fs = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	if (!CHECK(fs != NULL)) {
		fprintf(stderr, "%s\n", err);
		return check_exit();
	}
	check_fallback();
	check_measure_and_truncate();
	check_wrapping_rules();
	check_latin();
	check_cache();
	check_damaged_utf8();
	check_draws();
	font_set_destroy(fs);
	return check_exit();
}
