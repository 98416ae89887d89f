/* bench_ime [DEPLOY_DIR [SURNAMES]]: what pinyin input costs, through the keyboard's method as the UI
 * thread uses it.
 *   - loading: pinyin_create to ready (Rime's initialisation and both schemas, on the loader thread),
 *     and how long pinyin_create itself holds the caller (what the kiosk's start pays);
 *   - the first key after loading (Rime's first lookups, OpenCC's tables for Simplified);
 *   - per key → the candidates of the first page and the one after (what a keyboard pass asks for),
 *     over a few hundred keys typing names (in a name field, surnames first, and in plain text),
 *     Simplified and Traditional: median and p99. The budget is 10 ms per key (a frame is 16 ms).
 *   - choosing a candidate, and the session wipe.
 * Defaults: the build tree's deployment and the source tree's surname table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_stats.h"
#include "ime/pinyin.h"

#define KEYS_MAX 4096
#define PAGE 24 /* two pages of candidates in the standard theme at 1080 px */

static const char *const names[] = {
	"zhangsan", "wangxiaoming", "lisi", "chendawen", "huangxiaomei", "liuyang", "zhaolei", "zhoufang",
	"wujianguo", "xuhui", "sunli", "mayun", "zhujie", "hujun", "guoxiaoyan", "hewei", "gaoming", "linfeng",
	"luoqiang", "zhengshuang", "liangqichao", "xiexin", "songjia", "tangwei", "situming", "ouyangxiaoming",
	"zs", "wxm", "ldw", "chenkun", "wangzhe", "limiao", "zhenxiaoli", "guanyu", "wuzetian", "meilanfang",
};

struct run {
	double key[KEYS_MAX];
	size_t keys;
	double pick[64];
	size_t picks;
};

static void type_names(struct ui_input_method *m, struct ui_input_hints *h, struct run *r)
{
	const char *c[PAGE];
	struct ui_field f = {.max_chars = 0};
	for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
		h->at_start = true;
		m->hints(m->ctx, h);
		for (const char *s = names[n]; *s && r->keys < KEYS_MAX; s++) {
			char key[2] = {*s, 0};
			double t0 = bench_now_ms();
			m->hints(m->ctx, h);
			m->key(m->ctx, key, &f);
			m->candidates(m->ctx, c, PAGE);
			r->key[r->keys++] = bench_now_ms() - t0;
		}
		double t0 = bench_now_ms();
		m->pick(m->ctx, 0, &f);
		if (r->picks < sizeof(r->pick) / sizeof(r->pick[0]))
			r->pick[r->picks++] = bench_now_ms() - t0;
		m->cancel(m->ctx);
		f = (struct ui_field){.max_chars = 0};
	}
}

/* One line per figure, "median N ms" first: bench/run.sh reads them by that shape. */
static void report(const char *what, struct run *r)
{
	printf("key to candidates, %-24s median %6.3f ms  p99 %6.3f ms  max %6.3f ms  (%zu keys)\n", what,
	       bench_quantile(r->key, r->keys, 0.5), bench_quantile(r->key, r->keys, 0.99),
	       bench_quantile(r->key, r->keys, 1.0), r->keys);
	printf("choosing a candidate, %-21s median %6.3f ms  p99 %6.3f ms\n", what, bench_quantile(r->pick, r->picks, 0.5),
	       bench_quantile(r->pick, r->picks, 0.99));
}

int main(int argc, char **argv)
{
	char err[512], deploy[1024];
	snprintf(deploy, sizeof(deploy), "%s", argc > 1 ? argv[1] : IME_DIR "/rime");
	struct pinyin_options o = {.deploy_dir = deploy, .surnames_path = argc > 2 ? argv[2] : SURNAMES_PATH};
	double t0 = bench_now_ms();
	struct pinyin *p = pinyin_create(&o, err, sizeof(err));
	double created = bench_now_ms() - t0;
	if (!p) {
		fprintf(stderr, "bench_ime: %s\n", err);
		return 1;
	}
	if (!pinyin_ready(p)) {
		fprintf(stderr, "bench_ime: the engine did not load\n");
		pinyin_destroy(p);
		return 1;
	}
	double ready = bench_now_ms() - t0;
	printf("pinyin_create (the caller's share)   %7.2f ms\n", created);
	printf("create to ready (loader thread)      %7.2f ms  (Rime's own measure %.2f ms)\n", ready, pinyin_load_ms(p));

	struct ui_input_method *m = pinyin_method(p);
	struct ui_input_hints h = {TEXT_LANG_ZH_HANS, true, true};
	struct ui_field f = {.max_chars = 0};
	const char *c[PAGE];
	m->hints(m->ctx, &h);
	t0 = bench_now_ms();
	m->key(m->ctx, "z", &f);
	m->candidates(m->ctx, c, PAGE);
	printf("first key, Simplified (cold)         %7.2f ms\n", bench_now_ms() - t0);
	m->cancel(m->ctx);
	h.lang = TEXT_LANG_ZH_HANT;
	m->hints(m->ctx, &h);
	t0 = bench_now_ms();
	m->key(m->ctx, "z", &f);
	m->candidates(m->ctx, c, PAGE);
	printf("first key, Traditional (cold)        %7.2f ms\n", bench_now_ms() - t0);
	m->cancel(m->ctx);

	static struct run runs[4];
	const struct {
		const char *what;
		enum text_lang lang;
		bool name;
	} cases[] = {{"name field, Simplified", TEXT_LANG_ZH_HANS, true},
		     {"plain text, Simplified", TEXT_LANG_ZH_HANS, false},
		     {"name field, Traditional", TEXT_LANG_ZH_HANT, true},
		     {"plain text, Traditional", TEXT_LANG_ZH_HANT, false}};
	for (int i = 0; i < 4; i++) {
		h = (struct ui_input_hints){cases[i].lang, cases[i].name, true};
		for (int rep = 0; rep < 3; rep++) /* a few hundred keys each */
			type_names(m, &h, &runs[i]);
		report(cases[i].what, &runs[i]);
	}
	double wipe[10];
	for (int i = 0; i < 10; i++) {
		m->key(m->ctx, "w", &f);
		t0 = bench_now_ms();
		pinyin_wipe(p);
		wipe[i] = bench_now_ms() - t0;
	}
	printf("session wipe                              median %6.2f ms  max %6.2f ms\n", bench_quantile(wipe, 10, 0.5),
	       bench_quantile(wipe, 10, 1.0));
	int status = bench_quantile(runs[0].key, runs[0].keys, 0.5) <= 10.0 ? 0 : 3;
	if (status)
		printf("over budget: the median key takes more than 10 ms\n");
	pinyin_destroy(p);
	return status;
}
