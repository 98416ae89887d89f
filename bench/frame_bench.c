/* bench_frames: frame and text costs with the software renderer at 1080×1920, headless.
 *  - layout + draw of a 2,000-character Chinese policy text, the layout made anew each time
 *    (glyphs already in the atlas, as on any screen after its first frame);
 *  - a full redraw of the home screen (UI pass, draw, present), the steady state of the kiosk;
 *  - the same text drawn from the cache, showing what caching saves;
 *  - a full redraw of every screen (attract, home, the widget gallery pages) in both themes;
 *  - text layout throughput: shaping and line breaking alone (text_layout_create, no drawing) of the
 *    Chinese text and of an English one, in glyphs and lines per second.
 * Prints median and p99 of each over many repetitions. */
#include <stdio.h>

#include "bench_stats.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "platform/platform.h"
#include "render/renderer.h"
#include "text/text_cache.h"
#include "text/text_layout.h"

static void report(const char *what, double *v, int n)
{
	double median = bench_quantile(v, (size_t)n, 0.5), p99 = bench_quantile(v, (size_t)n, 0.99);
	printf("%-52s median %7.3f ms   p99 %7.3f ms   (%d runs)\n", what, median, p99, n);
}

static const char paragraph[] =
	"城乡最低生活保障：共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定条件的，"
	"可以申请最低生活保障。申请人应当向户籍所在地的街道办事处提出书面申请，如实申报家庭人口、收入和财产状况，"
	"并签署授权核对家庭经济状况的声明。街道办事处自受理之日起二十个工作日内完成调查核实，提出初审意见，"
	"在申请人所在村（社区）公示七天；区民政部门在十个工作日内作出审批决定。2020年本区城乡低保标准为每人每月900元，"
	"特困人员基本生活标准不低于低保标准的1.6倍。对不予批准的，应当书面说明理由。";

static const char english[] =
	"Minimum living allowance: a household whose income per member is below the local minimum living standard, "
	"and whose property meets the conditions, may apply. Apply in writing at the sub-district office where your "
	"household is registered, stating truthfully who lives with you, your income and your property, and sign "
	"the consent to the check of your household's finances. The office checks within twenty working days. ";

/* Lays text out anew RUNS times in max_width pixels; prints the time per layout and the throughput. */
static void layout_rate(const char *what, struct font_set *fs, const char *text, const struct text_style *st,
			int max_width)
{
	enum { RUNS = 200 };
	double t[RUNS];
	uint32_t glyphs = 0, lines = 0;
	for (int i = -5; i < RUNS; i++) {
		double t0 = bench_now_ms();
		struct text_layout *l = text_layout_create(fs, text, strlen(text), st, max_width);
		double ms = bench_now_ms() - t0;
		if (!l) {
			fprintf(stderr, "bench_frames: out of memory\n");
			exit(1);
		}
		glyphs = l->glyph_count;
		lines = l->line_count;
		text_layout_destroy(l);
		if (i >= 0)
			t[i] = ms;
	}
	double median = bench_quantile(t, RUNS, 0.5), p99 = bench_quantile(t, RUNS, 0.99);
	printf("%-52s median %7.3f ms   p99 %7.3f ms   (%d runs): %.0f glyphs/s, %.0f lines/s (%u glyphs, %u lines)\n",
	       what, median, p99, RUNS, glyphs / median * 1000, lines / median * 1000, glyphs, lines);
}

int main(void)
{
	/* 2,000 characters of policy text. */
	char *text = malloc(16384);
	if (!text)
		return 1;
	text[0] = '\0';
	size_t chars = 0;
	while (chars < 2000) {
		strcat(text, paragraph);
		chars = 0;
		for (const unsigned char *p = (const unsigned char *)text; *p; p++)
			chars += (*p & 0xC0) != 0x80;
	}
	char err[512];
	struct platform_options po = {.headless = true, .width = 1080, .height = 1920};
	struct font_set *fs = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	struct platform *p = fs ? platform_create(&po, err, sizeof(err)) : NULL;
	struct renderer *r = p ? renderer_create(platform_renderer(p), fs) : NULL;
	struct text_cache *cache = r ? text_cache_create(fs, 8u << 20) : NULL;
	if (!cache) {
		fprintf(stderr, "bench_frames: %s\n", err);
		return 1;
	}
	printf("policy text: %zu characters\n", chars);
	struct text_style st = {32, TEXT_REGULAR, TEXT_LANG_ZH_HANS, TEXT_ALIGN_START, 140, 0};
	struct draw_list list;
	draw_list_init(&list);
	enum { RUNS = 200 };
	double cold[RUNS], warm[RUNS];
	for (int i = -5; i < RUNS; i++) {
		double t0 = bench_now_ms();
		text_cache_clear(cache);
		const struct text_layout *l = text_cache_get(cache, text, &st, 1000);
		draw_list_clear(&list);
		draw_list_text(&list, l, 40, 40, COLOR_HEX(0x1C1F23));
		renderer_draw(r, &list, COLOR_HEX(0xFFFFFF));
		platform_present(p);
		if (i >= 0)
			cold[i] = bench_now_ms() - t0;
	}
	for (int i = 0; i < RUNS; i++) {
		double t0 = bench_now_ms();
		const struct text_layout *l = text_cache_get(cache, text, &st, 1000);
		draw_list_clear(&list);
		draw_list_text(&list, l, 40, 40, COLOR_HEX(0x1C1F23));
		renderer_draw(r, &list, COLOR_HEX(0xFFFFFF));
		platform_present(p);
		warm[i] = bench_now_ms() - t0;
	}
	report("2,000-char text: layout + draw (layout anew)", cold, RUNS);
	report("2,000-char text: draw from the layout cache", warm, RUNS);
	layout_rate("text layout, Chinese 2,000 chars in 1000 px", fs, text, &st, 1000);
	struct text_style en = st;
	en.lang = TEXT_LANG_EN;
	char *english_text = malloc(sizeof(english) * 5);
	if (!english_text)
		return 1;
	english_text[0] = '\0';
	for (int i = 0; i < 5; i++)
		strcat(english_text, english);
	layout_rate("text layout, English 2,090 chars in 1000 px", fs, english_text, &en, 1000);
	free(english_text);
	draw_list_finish(&list);
	text_cache_destroy(cache);
	renderer_destroy(r);
	platform_destroy(p);
	font_set_destroy(fs);

	struct app_options ao = {.headless = true, .width = 1080, .height = 1920};
	struct app *app = app_create(&ao, err, sizeof(err));
	if (!app) {
		fprintf(stderr, "bench_frames: %s\n", err);
		return 1;
	}
	app_goto(app, "home");
	app_draw(app, true);
	size_t layouts_before;
	uint64_t glyphs_before;
	app_text_stats(app, &layouts_before, &glyphs_before);
	double home[RUNS * 2];
	for (int i = 0; i < RUNS * 2; i++) {
		double t0 = bench_now_ms();
		app_draw(app, true);
		home[i] = bench_now_ms() - t0;
	}
	size_t layouts_after;
	uint64_t glyphs_after;
	app_text_stats(app, &layouts_after, &glyphs_after);
	report("home screen full redraw (1080x1920, software)", home, RUNS * 2);
	printf("redraws shaped %zu new layouts and rasterized %llu new glyphs\n", layouts_after - layouts_before,
	       (unsigned long long)(glyphs_after - glyphs_before));
	app_destroy(app);
	free(text);

	static const char *const screens[] = {"attract", "home", "gallery", "gallery.calendar", "gallery.list",
					      "gallery.misc"};
	static const char *const themes[] = {"standard", "large"};
	for (int t = 0; t < 2; t++) {
		char cfg[] = "/tmp/bench-frames-XXXXXX";
		int fd = mkstemp(cfg);
		if (fd < 0)
			return 1;
		dprintf(fd, "[kiosk]\ntheme = %s\n", themes[t]);
		close(fd);
		struct app_options so = {.headless = true, .width = 1080, .height = 1920, .config_path = cfg};
		struct app *a = app_create(&so, err, sizeof(err));
		unlink(cfg);
		if (!a) {
			fprintf(stderr, "bench_frames: %s\n", err);
			return 1;
		}
		for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
			app_goto(a, screens[i]);
			app_draw(a, true);
			double v[RUNS];
			for (int k = 0; k < RUNS; k++) {
				double t0 = bench_now_ms();
				app_draw(a, true);
				v[k] = bench_now_ms() - t0;
			}
			char what[96];
			snprintf(what, sizeof(what), "screen %s, %s theme", screens[i], themes[t]);
			report(what, v, RUNS);
		}
		app_destroy(a);
	}
	return 0;
}
