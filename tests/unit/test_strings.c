/* The gettext reader (core/po_parse.c) and the interface-text loader (app/strings.c): entries with
 * context, continuation lines, escapes, flags, obsolete entries; each malformed input refused with its
 * line; the header fields; and the loader's choices: zh-Hans from the template, a translation only
 * when it is present, confirmed (not fuzzy) and made from the current msgid, else zh-Hans, else the
 * key; a key defined twice, a missing template, a foreign file name or charset refused with the file;
 * and, with the real catalogues, dates, times and money as each language writes them
 * (app/lang_format.c, the screens' helpers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/lang_format.h"
#include "app/strings.h"
#include "charity/amount.h"
#include "check.h"
#include "core/po_parse.h"
#include "core/template.h"
#include "screens/charity_common.h"
#include "screens/flow.h"

/* ---- the parser ---- */

struct seen {
	int count;
	char ctxt[8][64], id[8][256], str[8][256], flags[8][64];
	int line[8];
	int fuzzy[8], brace[8], null_ctxt[8];
};

static int collect(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	struct seen *s = ctx;
	(void)err;
	(void)errlen;
	if (s->count == 8)
		return 0;
	int i = s->count++;
	s->null_ctxt[i] = e->msgctxt == NULL;
	snprintf(s->ctxt[i], sizeof(s->ctxt[i]), "%s", e->msgctxt ? e->msgctxt : "");
	snprintf(s->id[i], sizeof(s->id[i]), "%s", e->msgid);
	snprintf(s->str[i], sizeof(s->str[i]), "%s", e->msgstr);
	snprintf(s->flags[i], sizeof(s->flags[i]), "%s", e->flags);
	s->line[i] = e->line;
	s->fuzzy[i] = e->fuzzy;
	s->brace[i] = e->brace_format;
	return 0;
}

static int parse(const char *text, struct seen *s, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	err[0] = '\0';
	return po_parse(text, strlen(text), collect, s, err, errlen);
}

static void test_parse_entries(void)
{
	struct seen s;
	char err[256];
	const char *po = "\xEF\xBB\xBF# translator comment\n"
			 "msgid \"\"\n"
			 "msgstr \"\"\n"
			 "\"Language: en\\n\"\n"
			 "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
			 "\n"
			 "#. where it shows\n"
			 "#: kiosk/screens/home.c:12\n"
			 "#, python-brace-format\n"
			 "msgctxt \"step\"\n"
			 "msgid \"第 {step} 步\"\n"
			 "msgstr \"Step {step}\"\r\n"
			 "\n"
			 "#, fuzzy, python-brace-format\n"
			 "#| msgid \"old\"\n"
			 "msgctxt \"two\"\n"
			 "msgid \"\"\n"
			 "\"第一行\\n\"\n"
			 "  \"第二行\"\n"
			 "msgstr \"a \\\"quoted\\\" \\\\ word\\tand tab\"\n"
			 "#~ msgctxt \"gone\"\n"
			 "#~ msgid \"旧\"\n"
			 "#~ msgstr \"old\"\n"
			 "msgctxt \"last\"\n"
			 "msgid \"末\"\n"
			 "msgstr \"\"";
	CHECK_INT(parse(po, &s, err, sizeof(err)), 0);
	CHECK_INT(s.count, 4);
	CHECK(s.null_ctxt[0] && strcmp(s.id[0], "") == 0);
	char value[64];
	CHECK(po_header_field(s.str[0], "Language", value, sizeof(value)));
	CHECK_STR(value, "en");
	CHECK(po_header_field(s.str[0], "content-type", value, sizeof(value)));
	CHECK_STR(value, "text/plain; charset=UTF-8");
	CHECK(!po_header_field(s.str[0], "Plural-Forms", value, sizeof(value)));
	CHECK(po_header_field(s.str[0], "Language", value, 2) && strcmp(value, "e") == 0); /* cut to fit */
	CHECK_STR(s.ctxt[1], "step");
	CHECK_STR(s.id[1], "第 {step} 步");
	CHECK_STR(s.str[1], "Step {step}");
	CHECK(s.brace[1] && !s.fuzzy[1]);
	CHECK_INT(s.line[1], 10);
	CHECK_STR(s.ctxt[2], "two");
	CHECK_STR(s.id[2], "第一行\n第二行");
	CHECK_STR(s.str[2], "a \"quoted\" \\ word\tand tab");
	CHECK(s.fuzzy[2] && s.brace[2]);
	CHECK_STR(s.flags[2], "fuzzy, python-brace-format");
	CHECK_STR(s.ctxt[3], "last"); /* the obsolete entry between was skipped */
	CHECK_STR(s.str[3], "");
	CHECK_STR(s.flags[3], "");
	CHECK_INT(parse("", &s, err, sizeof(err)), 0);
	CHECK_INT(s.count, 0);
	CHECK_INT(parse("# only comments\n\n", &s, err, sizeof(err)), 0);
}

/* Each malformed text is refused with the line and a reason. */
static void test_parse_errors(void)
{
	static const struct {
		const char *text, *err;
	} bad[] = {
		{"msgid \"a\"\nmsgstr \"b", "2: the text has no closing quote"},
		{"msgid \"a\\q\"\nmsgstr \"\"", "1: unknown escape"},
		{"msgstr \"b\"", "1: msgstr without a msgid"},
		{"msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"", "2: msgid twice"},
		{"msgid \"a\"\nmsgctxt \"k\"\nmsgstr \"\"", "2: msgctxt after msgid"},
		{"msgctxt \"a\"\nmsgctxt \"b\"\nmsgid \"x\"\nmsgstr \"\"", "2: msgctxt twice"},
		{"msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"", "3: msgstr twice"},
		{"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"", "2: plural forms"},
		{"msgid \"a\"\nmsgstr[0] \"b\"", "2: plural forms"},
		{"\"loose\"\nmsgid \"a\"\nmsgstr \"\"", "1: a quoted line that continues nothing"},
		{"msgid \"a\" x\nmsgstr \"\"", "1: something after the closing quote"},
		{"msgid a\nmsgstr \"\"", "1: expected a text in \"double quotes\""},
		{"msgid \"a\"\n# comment\nmsgstr \"\"", "2: a comment inside an entry"},
		{"msgid \"a\"\nmsgstr \"b\"\nmsgtext \"c\"", "3: expected msgctxt, msgid"},
		{"msgctxt \"k\"\nmsgid \"a\"", "2: the last entry has no msgstr"},
		{"msgid \"\xff\"\nmsgstr \"\"", "1: msgid is not valid UTF-8"},
		{"msgid \"a\"\n\nmsgstr \"\xe4\xb8\"", "1: msgstr is not valid UTF-8"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct seen s;
		char err[256];
		int rc = parse(bad[i].text, &s, err, sizeof(err));
		if (!CHECK(rc == -1 && strncmp(err, bad[i].err, strlen(bad[i].err)) == 0))
			fprintf(stderr, "  case %zu: rc %d, \"%s\", expected \"%s\"\n", i, rc, err, bad[i].err);
	}
	/* A NUL inside the bytes (the parser takes a length, not a C string). */
	struct seen s;
	char err[256];
	memset(&s, 0, sizeof(s));
	CHECK_INT(po_parse("msgid \"a\0b\"\nmsgstr \"\"", 21, collect, &s, err, sizeof(err)), -1);
	CHECK(strstr(err, "1: a NUL byte") == err);
	/* Texts are bounded. */
	size_t n = PO_TEXT_MAX + 64;
	char *big = malloc(n + 32);
	if (!CHECK(big != NULL))
		return;
	memcpy(big, "msgid \"", 7);
	memset(big + 7, 'x', n);
	memcpy(big + 7 + n, "\"\nmsgstr \"\"", 11);
	CHECK_INT(po_parse(big, 7 + n + 11, collect, &s, err, sizeof(err)), -1);
	CHECK(strstr(err, "1: text longer than 8192 bytes") == err);
	free(big);
	/* The same length over many continuation lines. */
	big = malloc(3 * PO_TEXT_MAX);
	if (!CHECK(big != NULL))
		return;
	size_t at = (size_t)sprintf(big, "msgid \"\"\n");
	for (int line = 0; line < PO_TEXT_MAX / 4 + 1; line++)
		at += (size_t)sprintf(big + at, "\"xxxx\"\n");
	at += (size_t)sprintf(big + at, "msgstr \"\"");
	CHECK_INT(po_parse(big, at, collect, &s, err, sizeof(err)), -1);
	CHECK(strstr(err, "2050: text longer than 8192 bytes") == err);
	free(big);
}

static int stop_at_second(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	int *count = ctx;
	if (++*count == 2) {
		snprintf(err, errlen, "%d: refused by the caller", e->line);
		return 7;
	}
	return 0;
}

static void test_parse_callback_stops(void)
{
	int count = 0;
	char err[128];
	const char *po = "msgid \"a\"\nmsgstr \"\"\nmsgid \"b\"\nmsgstr \"\"\nmsgid \"c\"\nmsgstr \"\"\n";
	CHECK_INT(po_parse(po, strlen(po), stop_at_second, &count, err, sizeof(err)), 7);
	CHECK_INT(count, 2);
	CHECK_STR(err, "3: refused by the caller");
}

/* ---- the loader ---- */

static char dir[64];

static const char *header(const char *lang)
{
	static char h[512];
	snprintf(h, sizeof(h),
		 "msgid \"\"\nmsgstr \"\"\n\"Language: %s\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		 "\"Plural-Forms: nplurals=1; plural=0;\\n\"\n\n",
		 lang);
	return h;
}

static void put(const char *name, const char *head, const char *body)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs(head, f);
	fputs(body, f);
	fclose(f);
}

static void clear(void)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir '%s'", dir, dir);
	if (system(cmd) != 0)
		abort();
}

static void test_load_choices(void)
{
	char err[512];
	clear();
	put("a/a.pot", header("zh_Hans"),
	    "msgctxt \"ok\"\nmsgid \"好\"\nmsgstr \"\"\n\n"
	    "msgctxt \"fuzzy\"\nmsgid \"猜\"\nmsgstr \"\"\n\n"
	    "msgctxt \"stale\"\nmsgid \"新的\"\nmsgstr \"\"\n\n"
	    "msgctxt \"untranslated\"\nmsgid \"未译\"\nmsgstr \"\"\n\n"
	    "msgctxt \"only_hans\"\nmsgid \"只有简体\"\nmsgstr \"\"\n");
	put("a/zh_Hant.po", header("zh_Hant_HK"),
	    "msgctxt \"ok\"\nmsgid \"好\"\nmsgstr \"好（繁）\"\n\n"
	    "msgctxt \"stale\"\nmsgid \"新的\"\nmsgstr \"新的（繁）\"\n\n"
	    "#~ msgctxt \"ok\"\n#~ msgid \"好\"\n#~ msgstr \"obsolete twice is fine\"\n");
	put("a/en.po", header("en"),
	    "msgctxt \"ok\"\nmsgid \"好\"\nmsgstr \"Good\"\n\n"
	    "#, fuzzy\nmsgctxt \"fuzzy\"\nmsgid \"猜\"\nmsgstr \"Guess\"\n\n"
	    "msgctxt \"stale\"\nmsgid \"旧的\"\nmsgstr \"Old\"\n\n"
	    "msgctxt \"untranslated\"\nmsgid \"未译\"\nmsgstr \"\"\n\n"
	    "msgctxt \"not_in_template\"\nmsgid \"多\"\nmsgstr \"Extra\"\n");
	put("b/b.pot", header("zh_Hans"), "msgctxt \"b.one\"\nmsgid \"乙\"\nmsgstr \"\"\n");
	put("b/en.po", header("en"), "msgctxt \"b.one\"\nmsgid \"乙\"\nmsgstr \"B\"\n");
	put("old.ini", "", "[x]\nzh-Hans = 旧\n"); /* the old format: left alone, with a log line */
	struct strings *s = strings_load(dir, err, sizeof(err));
	if (!CHECK(s != NULL)) {
		fprintf(stderr, "  %s\n", err);
		return;
	}
	CHECK_STR(strings_get(s, TEXT_LANG_ZH_HANS, "ok"), "好");
	CHECK_STR(strings_get(s, TEXT_LANG_ZH_HANT, "ok"), "好（繁）");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "ok"), "Good");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "fuzzy"), "猜");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "stale"), "新的");
	CHECK_STR(strings_get(s, TEXT_LANG_ZH_HANT, "stale"), "新的（繁）");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "untranslated"), "未译");
	CHECK_STR(strings_get(s, TEXT_LANG_ZH_HANT, "only_hans"), "只有简体");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "not_in_template"), "not_in_template");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "b.one"), "B");
	CHECK_STR(strings_get(s, TEXT_LANG_ZH_HANT, "b.one"), "乙"); /* b has no zh_Hant.po at all */
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "x"), "x");
	CHECK_STR(strings_get(s, TEXT_LANG_EN, "no.such.key"), "no.such.key");
	strings_destroy(s);
	strings_destroy(NULL);
}

/* Loads dir, expects a failure whose message contains want. */
static void expect_refused(const char *want)
{
	char err[512] = "";
	struct strings *s = strings_load(dir, err, sizeof(err));
	if (!CHECK(s == NULL && strstr(err, want) != NULL))
		fprintf(stderr, "  expected \"%s\", got \"%s\"\n", want, s ? "(loaded)" : err);
	strings_destroy(s);
}

static void test_load_refusals(void)
{
	const char *one = "msgctxt \"k\"\nmsgid \"字\"\nmsgstr \"\"\n";
	clear();
	expect_refused("no string catalogue there");
	put("a/a.pot", header("zh_Hans"), one);
	put("b/b.pot", header("zh_Hans"), one);
	expect_refused("the text [k] is defined twice");
	clear();
	put("a/a.pot", header("zh_Hans"), "msgctxt \"k\"\nmsgid \"字\"\nmsgstr \"\"\n\nmsgctxt \"k2\"\nmsgid \"字\"\nmsgstr \"\"\n");
	put("a/en.po", header("en"), "msgctxt \"k\"\nmsgid \"字\"\nmsgstr \"A\"\n\nmsgctxt \"k\"\nmsgid \"字\"\nmsgstr \"B\"\n");
	expect_refused("a/en.po:11: the text [k] is defined twice");
	clear();
	put("a/a.pot", header("zh_Hans"), "msgctxt \"k\"\nmsgid \"字\"\nmsgstr \"\"\nmsgid \"no key\"\nmsgstr \"\"\n");
	expect_refused("a/a.pot:10: a text without msgctxt");
	clear();
	put("a/a.pot", header("zh_Hans"), "msgctxt \"k\"\nmsgid \"\"\nmsgstr \"\"\n");
	expect_refused("a/a.pot:7: [k] has an empty msgid");
	clear();
	put("a/a.pot", header("zh_Hans"), "msgctxt \"k\"\nmsgid \"字\nmsgstr \"\"\n");
	expect_refused("a/a.pot:8: the text has no closing quote");
	clear();
	put("a/a.pot", "", one);
	expect_refused("a/a.pot: no header entry");
	clear();
	put("a/a.pot", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=GB18030\\n\"\n\n", one);
	expect_refused("a/a.pot:1: the header must say");
	clear();
	put("a/en.po", header("en"), one);
	expect_refused("a: no template (*.pot)");
	clear();
	put("a/a.pot", header("zh_Hans"), one);
	put("a/fr.po", header("fr"), one);
	expect_refused("a/fr.po: not a language of the kiosk");
	clear();
	put("a/a.pot", header("zh_Hans"), one);
	char path[256];
	snprintf(path, sizeof(path), "%s/a/zh_Hant.po", dir);
	CHECK(mkdir(path, 0700) == 0); /* a folder where a file should be */
	expect_refused("a/zh_Hant.po: cannot read the string catalogue: not a file");
}

/* ---- dates, times and money per language, with the real catalogues ---- */

static void test_formats(void)
{
	char err[512], out[128];
	struct strings *s = strings_load(KIOSK_FONTS_DIR "/../assets/i18n", err, sizeof(err));
	if (!CHECK(s != NULL)) {
		fprintf(stderr, "  %s\n", err);
		return;
	}
	const enum text_lang hans = TEXT_LANG_ZH_HANS, hant = TEXT_LANG_ZH_HANT, en = TEXT_LANG_EN;
	struct civil_date tuesday = {2026, 12, 1};
	lang_format_date(s, hans, tuesday, LANG_DATE_WEEKDAY, out, sizeof(out));
	CHECK_STR(out, "2026年12月1日 星期二");
	lang_format_date(s, hant, tuesday, LANG_DATE_WEEKDAY, out, sizeof(out));
	CHECK_STR(out, "2026年12月1日 星期二");
	lang_format_date(s, en, tuesday, LANG_DATE_WEEKDAY, out, sizeof(out));
	CHECK_STR(out, "Tue 1 Dec 2026");
	lang_format_date(s, hans, tuesday, LANG_DATE, out, sizeof(out));
	CHECK_STR(out, "2026年12月1日");
	lang_format_date(s, en, tuesday, LANG_DATE, out, sizeof(out));
	CHECK_STR(out, "1 Dec 2026");
	lang_format_date(s, hant, tuesday, LANG_MONTH_TITLE, out, sizeof(out));
	CHECK_STR(out, "2026年12月");
	lang_format_date(s, en, tuesday, LANG_MONTH_TITLE, out, sizeof(out));
	CHECK_STR(out, "December 2026");
	/* A week across a month and a year end, every weekday in each language. */
	static const char *const want_en[7] = {"Sun 27 Dec 2026", "Mon 28 Dec 2026", "Tue 29 Dec 2026", "Wed 30 Dec 2026",
					       "Thu 31 Dec 2026", "Fri 1 Jan 2027",  "Sat 2 Jan 2027"};
	static const char *const want_zh[7] = {"2026年12月27日 星期日", "2026年12月28日 星期一", "2026年12月29日 星期二",
					       "2026年12月30日 星期三", "2026年12月31日 星期四", "2027年1月1日 星期五",
					       "2027年1月2日 星期六"};
	long first = date_to_days((struct civil_date){2026, 12, 27});
	for (int i = 0; i < 7; i++) {
		lang_format_date(s, en, date_from_days(first + i), LANG_DATE_WEEKDAY, out, sizeof(out));
		CHECK_STR(out, want_en[i]);
		lang_format_date(s, hant, date_from_days(first + i), LANG_DATE_WEEKDAY, out, sizeof(out));
		CHECK_STR(out, want_zh[i]);
	}
	static const char *const months_en[12] = {"January", "February", "March",     "April",   "May",      "June",
						  "July",    "August",   "September", "October", "November", "December"};
	for (int m = 1; m <= 12; m++) {
		char want[32];
		lang_format_date(s, en, (struct civil_date){2027, m, 1}, LANG_MONTH_TITLE, out, sizeof(out));
		snprintf(want, sizeof(want), "%s 2027", months_en[m - 1]);
		CHECK_STR(out, want);
		lang_format_date(s, en, (struct civil_date){2027, m, 9}, LANG_DATE, out, sizeof(out));
		snprintf(want, sizeof(want), "9 %.3s 2027", months_en[m - 1]);
		CHECK_STR(out, want);
		lang_format_date(s, hans, (struct civil_date){2027, m, 9}, LANG_DATE, out, sizeof(out));
		snprintf(want, sizeof(want), "2027年%d月9日", m);
		CHECK_STR(out, want);
	}
	/* Days that do not exist write nothing; a short buffer is cut, never overrun. */
	lang_format_date(s, en, (struct civil_date){2026, 2, 29}, LANG_DATE, out, sizeof(out));
	CHECK_STR(out, "");
	lang_format_date(s, hans, (struct civil_date){2026, 13, 1}, LANG_MONTH_TITLE, out, sizeof(out));
	CHECK_STR(out, "");
	lang_format_date(s, en, (struct civil_date){2028, 2, 29}, LANG_DATE, out, 6);
	CHECK_STR(out, "29 Fe");
	CHECK_STR(lang_weekday_short(s, hans, 0), "日");
	CHECK_STR(lang_weekday_short(s, hant, 2), "二");
	CHECK_STR(lang_weekday_short(s, en, 6), "Sat");
	CHECK_STR(lang_weekday_short(s, en, 7), "Sun");
	lang_format_time(14, 30, out, sizeof(out));
	CHECK_STR(out, "14:30");
	lang_format_time(9, 5, out, sizeof(out));
	CHECK_STR(out, "09:05");
	lang_format_time(24, 0, out, sizeof(out));
	CHECK_STR(out, "");

	/* The screens' helpers in each language: the appointment day, money, backend times. */
	struct ui ui;
	memset(&ui, 0, sizeof(ui));
	struct screen_ctx ctx = {.ui = &ui, .strings = s};
	static const struct {
		enum text_lang lang;
		const char *day, *money, *money_whole, *money_print, *time, *date_only;
	} per[] = {
		{TEXT_LANG_ZH_HANS, "2026年12月1日 星期二", "1,000.00 元", "1,000 元", "1,000.00 元", "2026年11月28日 16:05",
		 "2026年12月31日"},
		{TEXT_LANG_ZH_HANT, "2026年12月1日 星期二", "1,000.00 元", "1,000 元", "1,000.00 元", "2026年11月28日 16:05",
		 "2026年12月31日"},
		{TEXT_LANG_EN, "Tue 1 Dec 2026", "¥1,000.00", "¥1,000", "CNY 1,000.00", "28 Nov 2026 16:05", "31 Dec 2026"},
	};
	for (size_t i = 0; i < sizeof(per) / sizeof(per[0]); i++) {
		ui.lang = per[i].lang;
		screen_format_date(&ctx, tuesday, true, out, sizeof(out));
		CHECK_STR(out, per[i].day);
		charity_money(&ctx, 100000, true, out, sizeof(out));
		CHECK_STR(out, per[i].money);
		charity_money(&ctx, 100000, false, out, sizeof(out));
		CHECK_STR(out, per[i].money_whole);
		char figures[32];
		amount_format(100000, true, figures, sizeof(figures));
		template_fill_text(out, sizeof(out), screen_text(&ctx, "print.money"), (const char *const[]){"amount"},
				   (const char *const[]){figures}, 1);
		CHECK_STR(out, per[i].money_print);
		charity_time(&ctx, "2026-11-28T16:05:00+08:00", out, sizeof(out));
		CHECK_STR(out, per[i].time);
		charity_time(&ctx, "2026-12-31", out, sizeof(out));
		CHECK_STR(out, per[i].date_only);
		charity_time(&ctx, "soon", out, sizeof(out));
		CHECK_STR(out, "soon");
	}
	strings_destroy(s);
}

int main(void)
{
	test_formats();
	test_parse_entries();
	test_parse_errors();
	test_parse_callback_stops();
	snprintf(dir, sizeof(dir), "/tmp/test_strings.XXXXXX");
	if (!CHECK(mkdtemp(dir) != NULL))
		return check_exit();
	test_load_choices();
	test_load_refusals();
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return check_exit();
}
