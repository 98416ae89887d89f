/* text_specimen OUT.png: renders the text engine's specimen sheet headless: Simplified and
 * Traditional paragraphs wrapped under the punctuation rules, mixed scripts and symbols through
 * fallback, English, an ellipsized paragraph, and the large-text sizes. Used by the screenshot test. */
#include <stdio.h>
#include <stdlib.h>

#include "platform/platform.h"
#include "render/png_io.h"
#include "render/renderer.h"
#include "text/text_cache.h"

struct sample {
	const char *text;
	int px;
	enum text_lang lang;
	enum text_weight weight;
	int max_lines;
};

static const struct sample samples[] = {
	{"文字样张 · Text specimen", 44, TEXT_LANG_ZH_HANS, TEXT_BOLD, 0},
	{"最低生活保障：家庭月人均收入低于当地低保标准（2020年为每人每月900元），且家庭财产状况符合规定的，"
	 "可以申请。申请时请携带：身份证、户口簿、收入证明。「审核」约需20个工作日；结果以书面通知为准。",
	 32, TEXT_LANG_ZH_HANS, TEXT_REGULAR, 0},
	{"最低生活保障：家庭月人均收入低於當地低保標準（2020年為每人每月900元），且家庭財產狀況符合規定的，"
	 "可以申請。「審核」約需20個工作日。骨、户、說",
	 32, TEXT_LANG_ZH_HANT, TEXT_REGULAR, 0},
	{"简体：骨 户 说 次 直　繁體：骨 戶 說 次 直", 40, TEXT_LANG_ZH_HANS, TEXT_REGULAR, 0},
	{"混排 Mixed: ¥1,000 元 · 25℃ · ①②③ · —— · ☃ ♿ ✓ · №12 · ½", 32, TEXT_LANG_ZH_HANS, TEXT_REGULAR, 0},
	{"Please bring your resident identity card, household register and proof of income. "
	 "Supercalifragilisticexpialidocious-words are cut between letters only when they do not fit.",
	 32, TEXT_LANG_EN, TEXT_REGULAR, 0},
	{"省略号：这段文字很长，只允许显示两行，超出的部分以省略号结束，而且省略号不会出现在行首，也不会把标点挤出边界。"
	 "后面还有很多很多内容。",
	 32, TEXT_LANG_ZH_HANS, TEXT_REGULAR, 2},
	{"长辈版 48 像素：预约登记　救助查询　慈善认捐", 48, TEXT_LANG_ZH_HANS, TEXT_BOLD, 0},
};

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: text_specimen OUT.png\n");
		return 2;
	}
	char err[512];
	int status = 1;
	struct platform_options po = {.headless = true, .width = 1080, .height = 1600};
	struct font_set *fs = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	struct platform *p = fs ? platform_create(&po, err, sizeof(err)) : NULL;
	struct renderer *r = p ? renderer_create(platform_renderer(p), fs) : NULL;
	struct text_cache *cache = fs ? text_cache_create(fs, 1 << 20) : NULL;
	if (!r || !cache) {
		fprintf(stderr, "text_specimen: %s\n", err);
		goto out;
	}
	struct draw_list list;
	draw_list_init(&list);
	int y = 40, margin = 48, width = 1080 - 2 * margin;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const struct sample *s = &samples[i];
		struct text_style st = {s->px, s->weight, s->lang, TEXT_ALIGN_START, 140, s->max_lines};
		const struct text_layout *l = text_cache_get(cache, s->text, &st, width);
		/* A faint box shows the width the text was laid into. */
		draw_list_rect(&list, (struct rect){margin - 8, y - 4, width + 16, l->height + 8}, COLOR_HEX(0xFFFFFF), 8, 1,
			       COLOR_HEX(0xC8C8C8));
		draw_list_text(&list, l, margin, y, COLOR_HEX(0x1C1F23));
		y += l->height + 32;
	}
	renderer_draw(r, &list, COLOR_HEX(0xF5F1EA));
	uint32_t *pixels;
	int w, h;
	if (platform_read_pixels(p, &pixels, &w, &h)) {
		if (png_write_argb(argv[1], pixels, w, h, w * 4, err, sizeof(err)))
			status = 0;
		else
			fprintf(stderr, "text_specimen: %s\n", err);
		free(pixels);
	}
	draw_list_finish(&list);
out:
	text_cache_destroy(cache);
	renderer_destroy(r);
	platform_destroy(p);
	font_set_destroy(fs);
	return status;
}
