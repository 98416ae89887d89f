/* Handwriting input (kiosk/ime/handwriting.h) with Debian's zinnia model, fed the recorded strokes in
 * fixtures/strokes/ (written point by point in stroke order, one file per character) through the input
 * method exactly as the pad hands them over, stroke by stroke:
 *   - candidates after every stroke, and the written character in the top 5 at the end (the number in
 *     first place is printed);
 *   - 口 drawn gives 口, not the enclosure radical 囗, and components come after real characters;
 *   - undo takes the last stroke away (and its candidates), clear empties the pad, picking commits into
 *     the field and clears the pad;
 *   - a Traditional interface offers 張 first for 张 with 张 still offered (于 → 於 and 于), and switching
 *     back needs no new strokes;
 *   - nothing breaks on empty, one-point, huge, off-pad or too many strokes, and stroke() returns long
 *     before the candidates (the recogniser runs on its worker);
 *   - the Traditional tables (ime/hant_forms.h) and the stroke files (ime/ink_file.h) parse what they
 *     should and refuse the rest. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/install_paths.h"
#include "core/utf8.h"
#include "ime/handwriting.h"
#include "ime/hant_forms.h"
#include "ime/ink_file.h"

#ifndef FIXTURES_DIR
#error "FIXTURES_DIR must name tests/unit/fixtures"
#endif

#define WAIT_MS 5000

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static struct ink *load(const char *ch)
{
	static struct ink ink;
	char path[512], err[256];
	snprintf(path, sizeof(path), "%s/strokes/%s.txt", FIXTURES_DIR, ch);
	if (!CHECK(ink_load(path, &ink, err, sizeof(err))))
		fprintf(stderr, "  %s\n", err);
	return &ink;
}

static void set_lang(struct ui_input_method *m, enum text_lang lang)
{
	struct ui_input_hints hints = {.lang = lang, .name = true, .at_start = true};
	m->hints(m->ctx, &hints);
}

/* Candidates as one string "a b c …" (for messages) and the rank of want (1-based, 0: absent). */
static int rank_of(struct ui_input_method *m, const char *want, char *list, size_t len)
{
	const char *c[HANDWRITING_MAX_CANDIDATES];
	int n = m->candidates(m->ctx, c, HANDWRITING_MAX_CANDIDATES);
	int rank = 0;
	size_t at = 0;
	list[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!rank && strcmp(c[i], want) == 0)
			rank = i + 1;
		if (i < 10 && at < len)
			at += (size_t)snprintf(list + at, len - at, "%s%s", i ? " " : "", c[i]);
	}
	return rank;
}

static int candidate_count(struct ui_input_method *m)
{
	const char *c[HANDWRITING_MAX_CANDIDATES];
	return m->candidates(m->ctx, c, HANDWRITING_MAX_CANDIDATES);
}

static int ink_strokes(struct ui_input_method *m)
{
	int n = 0, count;
	while (m->ink(m->ctx, n, &count))
		n++;
	return n;
}

/* Writes a recorded character stroke by stroke, waiting for the candidates after each; adds the time
 * spent inside stroke() and from stroke() to the candidates. */
static void write_char(struct handwriting *hw, const struct ink *ink, double *in_call, double *to_candidates)
{
	struct ui_input_method *m = handwriting_method(hw);
	for (int s = 0; s < ink->count; s++) {
		double t0 = now_ms();
		m->stroke(m->ctx, ink->strokes[s].points, ink->strokes[s].count);
		double t1 = now_ms();
		/* As the UI does: the candidates are looked at while recognition goes on (the first ones, then the
		 * better ones of the same strokes must replace them). */
		bool done = false;
		for (double waited = 0; !done && waited < WAIT_MS; waited += 1) {
			candidate_count(m);
			done = handwriting_wait(hw, 1);
		}
		CHECK(done);
		double t2 = now_ms();
		if (in_call)
			*in_call += t1 - t0;
		if (to_candidates)
			*to_candidates += t2 - t0;
		if (!CHECK(candidate_count(m) > 0))
			fprintf(stderr, "  no candidates after stroke %d\n", s + 1);
	}
}

static void test_recorded(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	set_lang(m, TEXT_LANG_ZH_HANS);
	DIR *d = opendir(FIXTURES_DIR "/strokes");
	if (!CHECK(d != NULL))
		return;
	int files = 0, top1 = 0, top5 = 0;
	double in_call = 0, to_candidates = 0;
	char missed[256] = "";
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		char ch[32];
		snprintf(ch, sizeof(ch), "%.*s", (int)(len - 4), e->d_name);
		const struct ink *ink = load(ch);
		m->clear(m->ctx);
		write_char(hw, ink, &in_call, &to_candidates);
		CHECK_INT(ink_strokes(m), ink->count);
		char list[256];
		int rank = rank_of(m, ch, list, sizeof(list));
		printf("%s (%d strokes): rank %d: %s\n", ch, ink->count, rank, list);
		files++;
		top1 += rank == 1;
		top5 += rank >= 1 && rank <= 5;
		if (!CHECK(rank >= 1 && rank <= 5))
			snprintf(missed + strlen(missed), sizeof(missed) - strlen(missed), " %s", ch);
	}
	closedir(d);
	printf("recorded characters: %d, in the top 5: %d, first: %d%s%s\n", files, top5, top1,
	       missed[0] ? "; missed:" : "", missed);
	CHECK(files >= 15);
	/* stroke() only hands the strokes over: the recogniser works on its own thread. */
	printf("time in stroke(): %.2f ms in all; stroke to candidates: %.1f ms in all\n", in_call, to_candidates);
	CHECK(in_call * 10 < to_candidates);
	m->clear(m->ctx);
}

/* A fast writer (strokes faster than recognition, whose generations are dropped, some while they are
 * being recognised) gets what a slow one gets: the stroke-order bookkeeping catches up. */
static void test_fast_writer(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	set_lang(m, TEXT_LANG_ZH_HANS);
	static const char *const chars[] = {"张", "杨", "刘", "口"};
	static const long pauses_us[] = {0, 2000, 5000, 9000, 14000};
	for (int round = 0; round < 5; round++) {
		for (size_t c = 0; c < sizeof(chars) / sizeof(chars[0]); c++) {
			m->clear(m->ctx);
			write_char(hw, load(chars[c]), NULL, NULL);
			char paced[256], fast[256];
			rank_of(m, chars[c], paced, sizeof(paced));
			m->clear(m->ctx);
			const struct ink *ink = load(chars[c]);
			for (int s = 0; s < ink->count; s++) {
				m->stroke(m->ctx, ink->strokes[s].points, ink->strokes[s].count);
				nanosleep(&(struct timespec){0, pauses_us[round] * 1000}, NULL);
			}
			for (double waited = 0; !handwriting_wait(hw, 1) && waited < WAIT_MS; waited += 1)
				candidate_count(m);
			rank_of(m, chars[c], fast, sizeof(fast));
			if (!CHECK_STR(fast, paced))
				fprintf(stderr, "  %s written fast (round %d)\n", chars[c], round);
		}
	}
	m->clear(m->ctx);
}

static void test_radical(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	set_lang(m, TEXT_LANG_ZH_HANS);
	m->clear(m->ctx);
	write_char(hw, load("口"), NULL, NULL);
	char list[256];
	int kou = rank_of(m, "口", list, sizeof(list));
	int enclosure = rank_of(m, "囗", list, sizeof(list));
	printf("口: %s\n", list);
	CHECK_INT(kou, 1);
	CHECK(enclosure == 0 || enclosure > kou);
	/* Components come after every real character. */
	const char *c[HANDWRITING_MAX_CANDIDATES];
	int n = m->candidates(m->ctx, c, HANDWRITING_MAX_CANDIDATES);
	bool seen_component = false;
	for (int i = 0; i < n; i++) {
		bool component = strcmp(c[i], "囗") == 0 || strcmp(c[i], "亻") == 0 || strcmp(c[i], "氵") == 0 ||
				 strcmp(c[i], "丨") == 0 || strcmp(c[i], "丿") == 0 || strcmp(c[i], "丶") == 0;
		if (seen_component && !component)
			CHECK(!"a real character after a component");
		seen_component |= component;
	}
	m->clear(m->ctx);
}

static void test_undo_clear_pick(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	set_lang(m, TEXT_LANG_ZH_HANS);
	m->clear(m->ctx);
	const struct ink *kou = load("口");
	write_char(hw, kou, NULL, NULL);
	char list[256];
	CHECK_INT(rank_of(m, "口", list, sizeof(list)), 1);
	char three[256], two[256];
	rank_of(m, "口", three, sizeof(three));
	/* Undo: two strokes left, and the candidates for those two. */
	m->undo(m->ctx);
	CHECK_INT(ink_strokes(m), 2);
	CHECK(handwriting_wait(hw, WAIT_MS));
	CHECK(candidate_count(m) > 0);
	rank_of(m, "口", two, sizeof(two));
	printf("口 undone to two strokes: %s\n", two);
	CHECK(strcmp(two, three) != 0);
	/* The last stroke again: the three-stroke candidates are back. */
	m->stroke(m->ctx, kou->strokes[2].points, kou->strokes[2].count);
	CHECK(handwriting_wait(hw, WAIT_MS));
	CHECK_INT(rank_of(m, "口", list, sizeof(list)), 1);
	CHECK_STR(list, three);
	/* Clear: no ink, no candidates, at once. */
	m->clear(m->ctx);
	CHECK_INT(ink_strokes(m), 0);
	CHECK_INT(candidate_count(m), 0);
	m->undo(m->ctx); /* nothing to undo: nothing happens */
	CHECK_INT(ink_strokes(m), 0);
	/* Pick: commits into the field, clears the pad for the next character. */
	struct ui_field field = {0};
	ui_field_insert(&field, "王");
	write_char(hw, load("丽"), NULL, NULL);
	int li = rank_of(m, "丽", list, sizeof(list));
	CHECK(li >= 1);
	m->pick(m->ctx, li - 1, &field);
	CHECK_STR(field.text, "王丽");
	CHECK_INT(ink_strokes(m), 0);
	CHECK_INT(candidate_count(m), 0);
	/* A pick past the list does nothing. */
	m->pick(m->ctx, 99, &field);
	CHECK_STR(field.text, "王丽");
	/* cancel (the field lost focus) drops the strokes; reset (the session ended) too. */
	write_char(hw, kou, NULL, NULL);
	m->cancel(m->ctx);
	CHECK_INT(ink_strokes(m), 0);
	write_char(hw, kou, NULL, NULL);
	handwriting_reset(hw);
	CHECK_INT(ink_strokes(m), 0);
	CHECK_INT(candidate_count(m), 0);
}

static void test_traditional(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	char list[256];
	m->clear(m->ctx);
	set_lang(m, TEXT_LANG_ZH_HANT);
	write_char(hw, load("张"), NULL, NULL);
	printf("张 in zh-Hant: rank of 張 %d, of 张 %d: %s\n", rank_of(m, "張", list, sizeof(list)),
	       rank_of(m, "张", list, sizeof(list)), list);
	CHECK_INT(rank_of(m, "張", list, sizeof(list)), 1);
	CHECK(rank_of(m, "张", list, sizeof(list)) >= 2); /* the Simplified form is still offered */
	/* Back to zh-Hans: the same strokes, Simplified first, without classifying again. */
	set_lang(m, TEXT_LANG_ZH_HANS);
	CHECK_INT(rank_of(m, "张", list, sizeof(list)), 1);
	CHECK_INT(rank_of(m, "張", list, sizeof(list)), 0);
	set_lang(m, TEXT_LANG_EN); /* names are Chinese in English too: Simplified */
	CHECK_INT(rank_of(m, "张", list, sizeof(list)), 1);
	/* 于 (a surname) stays on offer as 于 beside 於; picking it commits 于, never converted. */
	m->clear(m->ctx);
	set_lang(m, TEXT_LANG_ZH_HANT);
	write_char(hw, load("于"), NULL, NULL);
	int yu_trad = rank_of(m, "於", list, sizeof(list)), yu = rank_of(m, "于", list, sizeof(list));
	printf("于 in zh-Hant: %s\n", list);
	CHECK(yu_trad >= 1 && yu_trad <= 5);
	CHECK(yu >= 1 && yu <= 5);
	struct ui_field field = {0};
	m->pick(m->ctx, yu - 1, &field);
	CHECK_STR(field.text, "于");
	set_lang(m, TEXT_LANG_ZH_HANS);
}

static void test_bad_strokes(struct handwriting *hw)
{
	struct ui_input_method *m = handwriting_method(hw);
	set_lang(m, TEXT_LANG_ZH_HANS);
	m->clear(m->ctx);
	/* Empty strokes are ignored. */
	m->stroke(m->ctx, NULL, 0);
	struct ui_point one = {500, 500};
	m->stroke(m->ctx, &one, 0);
	m->stroke(m->ctx, &one, -3);
	CHECK_INT(ink_strokes(m), 0);
	/* A tap is a dot: a stroke with candidates. */
	m->stroke(m->ctx, &one, 1);
	CHECK_INT(ink_strokes(m), 1);
	CHECK(handwriting_wait(hw, WAIT_MS));
	CHECK(candidate_count(m) > 0);
	/* A tap in the corner is a dot too, pointing back into the pad. */
	struct ui_point corner = {UI_INK_SCALE, UI_INK_SCALE};
	m->stroke(m->ctx, &corner, 1);
	CHECK(handwriting_wait(hw, WAIT_MS));
	int dot_n;
	const struct ui_point *dot = m->ink(m->ctx, 1, &dot_n);
	CHECK(dot && dot_n == 2 && dot[1].x < UI_INK_SCALE && dot[1].y < UI_INK_SCALE);
	m->undo(m->ctx);
	/* A finger held still is a dot too. */
	struct ui_point still[5] = {{300, 300}, {300, 300}, {300, 300}, {300, 300}, {300, 300}};
	m->stroke(m->ctx, still, 5);
	CHECK(handwriting_wait(hw, WAIT_MS));
	/* A huge scribble off the pad: thinned to the bound, clamped to the pad. */
	int big = 100000;
	struct ui_point *scribble = malloc((size_t)big * sizeof(*scribble));
	if (CHECK(scribble != NULL)) {
		unsigned seed = 7;
		for (int i = 0; i < big; i++) {
			seed = seed * 1103515245u + 12345u;
			scribble[i] = (struct ui_point){(int16_t)((int)(seed >> 16) % 3000 - 1000), (int16_t)(i % 2000 - 500)};
		}
		m->stroke(m->ctx, scribble, big);
		free(scribble);
	}
	CHECK_INT(ink_strokes(m), 3);
	int n;
	const struct ui_point *p = m->ink(m->ctx, 2, &n);
	CHECK(p != NULL && n == HANDWRITING_MAX_POINTS);
	for (int i = 0; p && i < n; i++) {
		if (p[i].x < 0 || p[i].x > UI_INK_SCALE || p[i].y < 0 || p[i].y > UI_INK_SCALE) {
			CHECK(!"a point off the pad was kept");
			break;
		}
	}
	CHECK(handwriting_wait(hw, WAIT_MS));
	/* Past the stroke limit strokes are refused; the rest still works. */
	struct ui_point line[2] = {{100, 500}, {900, 500}};
	for (int i = 0; i < HANDWRITING_MAX_STROKES + 5; i++)
		m->stroke(m->ctx, line, 2);
	CHECK_INT(ink_strokes(m), HANDWRITING_MAX_STROKES);
	CHECK(handwriting_wait(hw, 20000));
	CHECK(m->ink(m->ctx, -1, &n) == NULL && n == 0);
	m->clear(m->ctx);
	CHECK_INT(candidate_count(m), 0);
}

/* The forms of ch as one string. */
static const char *forms_of(const struct hant_forms *f, const char *ch)
{
	static char buf[64];
	uint32_t out[HANT_FORMS_MAX];
	size_t used;
	int n = hant_forms_of(f, utf8_decode(ch, strlen(ch), &used), out, HANT_FORMS_MAX);
	size_t at = 0;
	for (int i = 0; i < n; i++)
		at += utf8_encode(out[i], buf + at);
	buf[at] = '\0';
	return buf;
}

static void test_hant_forms(void)
{
	uint32_t out[HANT_FORMS_MAX];
	char err[256];
	static const char st[] = "张\t張\n于\t於 于\n发\t發 髮\n台\t臺 檯 颱 台\n戶\t户\r\n"
				 "# not a character line\nzz\tnot one\n\t空\n一二\t一二\n说\t說\n坏\t\xff\n"
				 "長\t\n个\t個 个 箇 xy 个個\n";
	static const char hk[] = "檯\t枱\n說\t説\n";
	struct hant_forms *f = hant_forms_parse(st, sizeof(st) - 1, hk, sizeof(hk) - 1, err, sizeof(err));
	if (!CHECK(f != NULL)) {
		fprintf(stderr, "  %s\n", err);
		return;
	}
	CHECK_STR(forms_of(f, "张"), "張");
	CHECK_STR(forms_of(f, "于"), "於于");
	CHECK_STR(forms_of(f, "发"), "發髮");
	CHECK_STR(forms_of(f, "台"), "臺枱颱台"); /* Hong Kong writes 檯 as 枱 */
	CHECK_STR(forms_of(f, "说"), "説");
	CHECK_STR(forms_of(f, "王"), ""); /* the same in Traditional */
	CHECK_STR(forms_of(f, "个"), "個个箇"); /* multi-character forms skipped */
	CHECK_STR(forms_of(f, "坏"), ""); /* a line with broken UTF-8 is skipped */
	CHECK_STR(forms_of(f, "長"), "");
	CHECK_INT(hant_forms_count(f), 7);
	CHECK_INT(hant_forms_of(f, 0x5F20, out, 0), 0);
	hant_forms_destroy(f);
	hant_forms_destroy(NULL);
	/* Nothing usable: refused. */
	CHECK(hant_forms_parse("ab\tcd\n", 6, NULL, 0, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "no character mappings") != NULL);
	CHECK(hant_forms_load("/nonexistent", err, sizeof(err)) == NULL);
	/* Debian's tables, as the build exported them. */
	f = hant_forms_load(install_dir_path(INSTALL_IME), err, sizeof(err));
	if (CHECK(f != NULL)) {
		CHECK(hant_forms_count(f) > 3000);
		CHECK_STR(forms_of(f, "张"), "張");
		CHECK_STR(forms_of(f, "丽"), "麗");
		CHECK_STR(forms_of(f, "于"), "於于");
		CHECK_STR(forms_of(f, "余"), "餘余");
		CHECK_STR(forms_of(f, "华"), "華");
	} else {
		fprintf(stderr, "  %s\n", err);
	}
	hant_forms_destroy(f);
}

static void test_ink_file(void)
{
	struct ink *ink = malloc(sizeof(*ink));
	char err[256];
	if (!CHECK(ink != NULL))
		return;
	static const char good[] = "# a comment\n\n10,20 30,40\r\n  1000,0\t0,1000 \n";
	CHECK(ink_parse(good, sizeof(good) - 1, "good", ink, err, sizeof(err)));
	CHECK_INT(ink->count, 2);
	CHECK_INT(ink->strokes[0].count, 2);
	CHECK_INT(ink->strokes[0].points[1].y, 40);
	CHECK_INT(ink->strokes[1].points[1].y, 1000);
	static const char *const bad[] = {"", "# only a comment\n", "10,20 x\n", "10;20\n", "1001,5\n", "-5,5\n",
					  "10,20,30\n", "10,20  30\n", "5,5 00000000005,5\n"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!CHECK(!ink_parse(bad[i], strlen(bad[i]), "bad", ink, err, sizeof(err))))
			fprintf(stderr, "  accepted: %s\n", bad[i]);
		CHECK_INT(ink->count, 0);
	}
	CHECK(!ink_parse("1,1\n2,2 x\n", 10, "where", ink, err, sizeof(err)));
	CHECK_STR(err, "where:2: expected x,y points from 0 to 1000 separated by spaces");
	/* Bounds: strokes and points. */
	size_t cap = INK_FILE_MAX + 16;
	char *text = malloc(cap);
	if (CHECK(text != NULL)) {
		size_t at = 0;
		for (int i = 0; i <= INK_MAX_STROKES; i++)
			at += (size_t)snprintf(text + at, cap - at, "1,1 2,2\n");
		CHECK(!ink_parse(text, at, "many", ink, err, sizeof(err)));
		CHECK(strstr(err, "more than 40 strokes") != NULL);
		at = 0;
		for (int i = 0; i <= INK_MAX_POINTS; i++)
			at += (size_t)snprintf(text + at, cap - at, "1,1 ");
		CHECK(!ink_parse(text, at, "long", ink, err, sizeof(err)));
		CHECK(strstr(err, "more than 256 points") != NULL);
		memset(text, ' ', cap);
		CHECK(!ink_parse(text, INK_FILE_MAX + 1, "huge", ink, err, sizeof(err)));
		free(text);
	}
	CHECK(!ink_load("/nonexistent/stroke.txt", ink, err, sizeof(err)));
	free(ink);
}

int main(void)
{
	test_hant_forms();
	test_ink_file();
	char err[512];
	struct handwriting *hw = handwriting_create(NULL, err, sizeof(err));
	if (!CHECK(hw != NULL)) {
		fprintf(stderr, "  %s\n", err);
		return check_exit();
	}
	test_recorded(hw);
	test_fast_writer(hw);
	test_radical(hw);
	test_undo_clear_pick(hw);
	test_traditional(hw);
	test_bad_strokes(hw);
	handwriting_destroy(hw);
	handwriting_destroy(NULL);
	/* A missing model is an error with the package to install, not a crash. */
	struct handwriting_options o = {.model_path = "/nonexistent.model"};
	CHECK(handwriting_create(&o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "tegaki-zinnia-simplified-chinese") != NULL);
	/* A damaged model is opened by the worker at the first stroke: no candidates, nobody left waiting. */
	char bad[] = "/tmp/kiosk-bad-model-XXXXXX";
	int fd = mkstemp(bad);
	if (CHECK(fd >= 0)) {
		CHECK(write(fd, "not a zinnia model\n", 19) == 19);
		close(fd);
		o.model_path = bad;
		hw = handwriting_create(&o, err, sizeof(err));
		if (CHECK(hw != NULL)) {
			struct ui_input_method *m = handwriting_method(hw);
			struct ui_point one = {500, 500};
			m->stroke(m->ctx, &one, 1);
			CHECK(handwriting_wait(hw, WAIT_MS));
			CHECK_INT(candidate_count(m), 0);
			handwriting_destroy(hw);
		}
		unlink(bad);
	}
	return check_exit();
}
