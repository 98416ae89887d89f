/* Speech: the text the kiosk hands to espeak-ng (prompts split by script, ID and phone numbers digit
 * by digit, money as amounts, in Mandarin, Cantonese and English) and the engine itself, headless:
 * each voice synthesizes audible samples into a buffer, and a voice on SDL's dummy audio driver or
 * on no audio at all says, interrupts, stops and goes away cleanly; with espeak-ng data lacking the
 * Cantonese dictionary or lacking everything (in child processes, as espeak-ng initialises once per
 * process), speech falls back or stays silent without failing. No timing checks here
 * (bench/voice_bench.c measures synthesis). Also what a screen says: the prompt (title and question) and
 * the whole screen built from recorded widgets, with numbers, masked numbers and money made speakable. */
#include <SDL.h>
#include <dirent.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/utf8.h"
#include "voice/screen_speech.h"
#include "voice/speech_text.h"
#include "voice/voice.h"

/* ---- speech_split ---- */

/* The runs as "M[...]E[...]" (M Mandarin, C Cantonese, E English); also checks that they cover
 * the text end to end and never start inside a UTF-8 sequence. */
static const char *runs_str(const char *text, enum voice_lang lang, int max)
{
	static char out[1024];
	struct speech_run runs[SPEECH_RUNS_MAX];
	int n = speech_split(text, lang, runs, max);
	size_t at = 0, len = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		CHECK(runs[i].start == at);
		CHECK(runs[i].len > 0);
		CHECK(((unsigned char)text[runs[i].start] & 0xC0) != 0x80);
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%c[%.*s]", "MCE"[runs[i].lang],
					(int)runs[i].len, text + runs[i].start);
		at += runs[i].len;
	}
	CHECK(at == (text ? strlen(text) : 0));
	return out;
}

static void test_split(void)
{
	static const struct {
		const char *text;
		enum voice_lang lang;
		const char *runs;
	} cases[] = {
		{"请输入 ID 号码", VOICE_MANDARIN, "M[请输入 ]E[ID]M[ 号码]"},
		{"江海区 Jianghai Civil Affairs", VOICE_CANTONESE, "C[江海区 ]E[Jianghai Civil Affairs]"},
		{"江海区 Jianghai Civil Affairs", VOICE_MANDARIN, "M[江海区 ]E[Jianghai Civil Affairs]"},
		{"您好，请选择要办理的业务", VOICE_MANDARIN, "M[您好，请选择要办理的业务]"},
		{"您好，请选择要办理的业务", VOICE_CANTONESE, "C[您好，请选择要办理的业务]"},
		{"Please choose a service.", VOICE_MANDARIN, "E[Please choose a service.]"},
		{"Please choose a service.", VOICE_ENGLISH, "E[Please choose a service.]"},
		{"请输入 ID 号码", VOICE_ENGLISH, "E[请输入 ID 号码]"},
		{"ZHANG SAN，您好", VOICE_MANDARIN, "E[ZHANG SAN]M[，您好]"},
		{"预约号 JHJZ2026", VOICE_MANDARIN, "M[预约号 ]E[JHJZ]M[2026]"},
		{"O'Brien-Smith Jr. 先生", VOICE_CANTONESE, "E[O'Brien-Smith Jr.]C[ 先生]"},
		{"  Hello", VOICE_MANDARIN, "E[  Hello]"},
		{" 你好 ", VOICE_MANDARIN, "M[ 你好 ]"},
		{"   ", VOICE_MANDARIN, "M[   ]"},
		{"第 3 窗口（Window 3）", VOICE_MANDARIN, "M[第 3 窗口（]E[Window]M[ 3）]"},
		{"ＡＢＣ全角", VOICE_MANDARIN, "M[ＡＢＣ全角]"}, /* full-width letters stay Chinese */
		{"😀 请 ★ OK ☆", VOICE_MANDARIN, "M[😀 请 ★ ]E[OK]M[ ☆]"},
		{"\xe4\xb8" "ABC\xff", VOICE_MANDARIN, "M[\xe4\xb8]E[ABC]M[\xff]"}, /* damaged UTF-8 */
		{"中\x80\x80x\xe4", VOICE_CANTONESE, "C[中\x80\x80]E[x]C[\xe4]"},
		{"", VOICE_MANDARIN, ""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!CHECK_STR(runs_str(cases[i].text, cases[i].lang, SPEECH_RUNS_MAX), cases[i].runs))
			fprintf(stderr, "  (case %zu)\n", i);
	/* out of room: the rest joins the last run */
	CHECK_STR(runs_str("a 中 b 中 c", VOICE_MANDARIN, 2), "E[a]M[ 中 b 中 c]");
	CHECK_STR(runs_str("a 中 b 中 c", VOICE_MANDARIN, 1), "E[a 中 b 中 c]");
	struct speech_run runs[2];
	CHECK_INT(speech_split(NULL, VOICE_MANDARIN, runs, 2), 0);
	CHECK_INT(speech_split("abc", VOICE_MANDARIN, runs, 0), 0);
	CHECK_INT(speech_split("abc", VOICE_MANDARIN, NULL, 2), 0);
	/* a long mixed prompt never overflows SPEECH_RUNS_MAX */
	char many[2048] = "";
	for (int i = 0; i < 60; i++)
		strcat(many, "中A");
	CHECK_INT(speech_split(many, VOICE_MANDARIN, (struct speech_run[SPEECH_RUNS_MAX]){0}, SPEECH_RUNS_MAX),
		  SPEECH_RUNS_MAX);
	runs_str(many, VOICE_MANDARIN, SPEECH_RUNS_MAX);
}

/* ---- speech_digits ---- */

static const char *digits(const char *in, enum voice_lang lang)
{
	static char out[512];
	memset(out, '#', sizeof(out));
	speech_digits(in, lang, out, sizeof(out));
	return out;
}

static void test_digits(void)
{
	CHECK_STR(digits("44070419900506001X", VOICE_MANDARIN),
		  "四 四 零 七 零 四，一 九 九 零 零 五 零 六，零 零 一 X");
	CHECK_STR(digits("44070419900506001x", VOICE_CANTONESE),
		  "四 四 零 七 零 四，一 九 九 零 零 五 零 六，零 零 一 X");
	CHECK_STR(digits("44070419900506001X", VOICE_ENGLISH),
		  "four four zero seven zero four, one nine nine zero zero five zero six, zero zero one X");
	CHECK_STR(digits("13812345678", VOICE_MANDARIN), "一 三 八，一 二 三 四，五 六 七 八");
	CHECK_STR(digits("138-1234 5678", VOICE_CANTONESE), "一 三 八，一 二 三 四，五 六 七 八");
	CHECK_STR(digits("13812345678", VOICE_ENGLISH),
		  "one three eight, one two three four, five six seven eight");
	CHECK_STR(digits("20260315", VOICE_MANDARIN), "二 零 二 六，零 三 一 五");
	CHECK_STR(digits("12345", VOICE_ENGLISH), "one two three four, five");
	CHECK_STR(digits("", VOICE_MANDARIN), "");
	CHECK_STR(digits(NULL, VOICE_ENGLISH), "");
	CHECK_STR(digits("abc-/号码", VOICE_MANDARIN), "");
	CHECK_STR(digits("电话：0750-123456", VOICE_MANDARIN), "零 七 五 零，一 二 三 四，五 六");
	/* the Latin X goes to the English voice when spoken */
	struct speech_run runs[SPEECH_RUNS_MAX];
	const char *id = digits("11010519491231002X", VOICE_MANDARIN);
	int n = speech_split(id, VOICE_MANDARIN, runs, SPEECH_RUNS_MAX);
	CHECK_INT(n, 2);
	CHECK(n == 2 && runs[1].lang == VOICE_ENGLISH && runs[1].len == 1);
	/* a short buffer is cut between tokens, never inside a character */
	char small[11];
	speech_digits("44070419900506001X", VOICE_MANDARIN, small, sizeof(small));
	CHECK_STR(small, "四 四 ");
	CHECK(utf8_valid(small, strlen(small)));
	speech_digits("123", VOICE_MANDARIN, small, 1);
	CHECK_STR(small, "");
	speech_digits("123", VOICE_MANDARIN, NULL, 0); /* no crash */
}

/* ---- speech_amount ---- */

static const char *amount(long long fen, enum voice_lang lang)
{
	static char out[512];
	memset(out, '#', sizeof(out));
	speech_amount(fen, lang, out, sizeof(out));
	return out;
}

static void test_amount(void)
{
	static const struct {
		long long fen;
		const char *zh, *en;
	} cases[] = {
		{1, "一分", "one fen"},
		{10, "一角", "ten fen"},
		{11, "一角一分", "eleven fen"},
		{100, "一元", "one yuan"},
		{200, "二元", "two yuan"},
		{1000, "十元", "ten yuan"},
		{1100, "十一元", "eleven yuan"},
		{1500, "十五元", "fifteen yuan"},
		{2000, "二十元", "twenty yuan"},
		{10000, "一百元", "one hundred yuan"},
		{10100, "一百零一元", "one hundred and one yuan"},
		{11000, "一百一十元", "one hundred and ten yuan"},
		{20000, "两百元", "two hundred yuan"},
		{100500, "一千零五元", "one thousand and five yuan"},
		{200000, "两千元", "two thousand yuan"},
		{120000, "一千二百元", "one thousand two hundred yuan"},
		{123400, "一千二百三十四元", "one thousand two hundred and thirty-four yuan"},
		{1000000, "一万元", "ten thousand yuan"},
		{1000500, "一万零五元", "ten thousand and five yuan"},
		{2000000, "两万元", "twenty thousand yuan"},
		{2200000, "两万二千元", "twenty-two thousand yuan"},
		{20000000000000LL, "两千亿元", "two hundred billion yuan"},
		{200000000000LL, "二十亿元", "two billion yuan"},
		{220000000, "两百二十万元", "two million two hundred thousand yuan"},
		{10000000, "十万元", "one hundred thousand yuan"},
		{10001000, "十万零一十元", "one hundred thousand and ten yuan"},
		{22000000, "二十二万元", "two hundred and twenty thousand yuan"},
		{100000000, "一百万元", "one million yuan"},
		{1200000000, "一千二百万元", "twelve million yuan"},
		{2000000000, "两千万元", "twenty million yuan"},
		{10000000000LL, "一亿元", "one hundred million yuan"},
		{20000000000LL, "两亿元", "two hundred million yuan"},
		{10001000000LL, "一亿零一万元", "one hundred million ten thousand yuan"},
		{8880, "八十八元八角", "eighty-eight yuan and eighty fen"},
		{8888, "八十八元八角八分", "eighty-eight yuan and eighty-eight fen"},
		{8808, "八十八元零八分", "eighty-eight yuan and eight fen"},
		{0, "零元", "zero yuan"},
		{-100, "负一元", "minus one yuan"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!CHECK_STR(amount(cases[i].fen, VOICE_MANDARIN), cases[i].zh) ||
		    !CHECK_STR(amount(cases[i].fen, VOICE_CANTONESE), cases[i].zh) ||
		    !CHECK_STR(amount(cases[i].fen, VOICE_ENGLISH), cases[i].en))
			fprintf(stderr, "  (%lld fen)\n", cases[i].fen);
	}
	/* the extremes neither crash nor overflow */
	CHECK(strlen(amount(LLONG_MAX, VOICE_MANDARIN)) > 0);
	CHECK(strlen(amount(LLONG_MIN, VOICE_ENGLISH)) > 0);
	CHECK(utf8_valid(amount(LLONG_MIN, VOICE_CANTONESE), strlen(amount(LLONG_MIN, VOICE_CANTONESE))));
	char small[8];
	speech_amount(8888, VOICE_MANDARIN, small, sizeof(small)); /* 八十 fits, 八十八 does not */
	CHECK_STR(small, "八十");
	speech_amount(8888, VOICE_ENGLISH, NULL, 0); /* no crash */
}

/* ---- synthesis ---- */

static double rms(const int16_t *s, size_t n)
{
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += (double)s[i] * s[i];
	return n ? sqrt(sum / (double)n) : 0;
}

static void test_synthesize(void)
{
	static const struct {
		enum voice_lang lang;
		const char *name, *text;
	} prompts[] = {
		{VOICE_MANDARIN, "Mandarin", "您好，请选择要办理的业务"},
		{VOICE_CANTONESE, "Cantonese", "您好，请选择要办理的业务"},
		{VOICE_ENGLISH, "English", "Hello, please choose a service."},
		{VOICE_MANDARIN, "Mandarin mixed", "请输入 ID 号码，江海区 Jianghai Civil Affairs"},
		{VOICE_CANTONESE, "Cantonese mixed", "请输入 ID 号码，江海区 Jianghai Civil Affairs"},
	};
	for (size_t i = 0; i < sizeof(prompts) / sizeof(prompts[0]); i++) {
		int16_t *s = NULL;
		size_t n = 0;
		int rate = 0;
		char err[200];
		bool ok = voice_synthesize(prompts[i].lang, prompts[i].text, &s, &n, &rate, err, sizeof(err));
		if (!CHECK(ok))
			fprintf(stderr, "  %s: %s\n", prompts[i].name, err);
		CHECK(rate > 0);
		double secs = rate ? (double)n / rate : 0, level = rms(s, n);
		printf("%-16s %6zu samples at %d Hz = %.2f s, RMS %.0f\n", prompts[i].name, n, rate, secs, level);
		CHECK(secs > 0.2);
		CHECK(level > 300); /* silence is 0; speech is in the thousands */
		/* the same text gives about the same audio again (espeak-ng varies by a few samples, and by
		 * about 1,000 on its very first clause); nothing of the last call is left over */
		int16_t *again = NULL;
		size_t n2 = 0;
		CHECK(voice_synthesize(prompts[i].lang, prompts[i].text, &again, &n2, &rate, err, sizeof(err)));
		CHECK(n2 > n - n / 20 && n2 < n + n / 20);
		free(again);
		free(s);
	}
	/* espeak-ng's own setlocale was undone: the process keeps its "C" locale */
	CHECK_STR(setlocale(LC_CTYPE, NULL), "C");
	/* Chinese in the Mandarin and Cantonese voices is not the same sound */
	int16_t *m = NULL, *c = NULL;
	size_t mn = 0, cn = 0;
	int rate;
	char err[200];
	CHECK(voice_synthesize(VOICE_MANDARIN, "您好", &m, &mn, &rate, err, sizeof(err)));
	CHECK(voice_synthesize(VOICE_CANTONESE, "您好", &c, &cn, &rate, err, sizeof(err)));
	CHECK(mn != cn || (mn && memcmp(m, c, mn * sizeof(*m)) != 0));
	free(m);
	free(c);

	/* empty and blank texts: an empty buffer, no error */
	int16_t *s = (int16_t *)&rate;
	size_t n = 99;
	CHECK(voice_synthesize(VOICE_MANDARIN, "", &s, &n, &rate, err, sizeof(err)));
	CHECK(s == NULL && n == 0 && rate > 0);
	CHECK(voice_synthesize(VOICE_ENGLISH, "   ", &s, &n, &rate, err, sizeof(err)));
	CHECK(s == NULL && n == 0);
	CHECK(voice_synthesize(VOICE_CANTONESE, NULL, &s, &n, &rate, err, sizeof(err)));
	CHECK(n == 0);
	/* damaged UTF-8 is spoken around, not fed raw to espeak */
	CHECK(voice_synthesize(VOICE_MANDARIN, "号\xe4\xb8码\xff ok", &s, &n, &rate, err, sizeof(err)));
	CHECK(n > 0);
	free(s);
	/* refused: too long, bad arguments */
	char *big = malloc(5000);
	memset(big, 'a', 4999);
	big[4999] = '\0';
	CHECK(!voice_synthesize(VOICE_ENGLISH, big, &s, &n, &rate, err, sizeof(err)));
	CHECK(strstr(err, "longer") != NULL);
	free(big);
	CHECK(!voice_synthesize(VOICE_LANG_COUNT, "x", &s, &n, &rate, err, sizeof(err)));
	CHECK(!voice_synthesize(VOICE_ENGLISH, "x", NULL, &n, &rate, err, sizeof(err)));
}

/* ---- the voice object ---- */

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* Waits (a generous bound, not a timing check) for the voice to fall quiet. */
static bool wait_quiet(struct voice *v, int max_ms)
{
	for (int t = 0; t < max_ms; t += 10) {
		if (!voice_speaking(v))
			return true;
		sleep_ms(10);
	}
	return false;
}

static const char long_prompt[] = "您好，欢迎使用江门市江海区民政局自助服务终端。请选择要办理的业务："
				  "婚姻登记预约，社会救助查询，慈善捐赠。如需帮助，请按呼叫工作人员按钮。";

static void test_voice_silent(void)
{
	voice_destroy(NULL);
	/* no options: synthesis only, nothing to hear */
	struct voice *v = voice_create(NULL);
	CHECK(v != NULL);
	CHECK(!voice_available(v));
	CHECK_STR(voice_last_text(v), "");
	voice_say(v, VOICE_MANDARIN, "您好");
	CHECK_STR(voice_last_text(v), "您好");
	CHECK(!voice_speaking(v));
	voice_stop(v);
	voice_destroy(v);

	/* SDL audio cannot start: still a voice, silent */
	setenv("SDL_AUDIODRIVER", "nonexistent", 1);
	v = voice_create(&(struct voice_options){.audio = true, .volume_pct = 70});
	CHECK(v != NULL);
	CHECK(!voice_available(v));
	CHECK_INT(voice_volume(v), 70);
	voice_say(v, VOICE_CANTONESE, long_prompt);
	CHECK_STR(voice_last_text(v), long_prompt);
	CHECK(!voice_speaking(v));
	voice_stop(v);
	voice_destroy(v);
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
}

static void test_voice_dummy(void)
{
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	struct voice *v = voice_create(&(struct voice_options){.audio = true, .volume_pct = 80});
	if (!CHECK(v != NULL))
		return;
	CHECK(voice_available(v));
	CHECK_INT(voice_volume(v), 80);
	voice_set_volume(v, 150);
	CHECK_INT(voice_volume(v), 100);
	voice_set_volume(v, -3);
	CHECK_INT(voice_volume(v), 0);
	voice_set_volume(v, 60);

	/* say, interrupt with another prompt in each voice, stop */
	voice_say(v, VOICE_MANDARIN, long_prompt);
	CHECK(voice_speaking(v));
	sleep_ms(50);
	voice_say(v, VOICE_CANTONESE, long_prompt);
	voice_say(v, VOICE_ENGLISH, "Welcome to the Jianghai civil affairs self-service kiosk.");
	CHECK_STR(voice_last_text(v), "Welcome to the Jianghai civil affairs self-service kiosk.");
	CHECK(voice_speaking(v));
	voice_stop(v);
	CHECK(wait_quiet(v, 5000));

	/* a short prompt plays to its end (the dummy driver drains the queue in real time) */
	voice_say(v, VOICE_MANDARIN, "请输入 ID 号码");
	CHECK(voice_speaking(v));
	CHECK(wait_quiet(v, 20000));

	/* a long text is cut, on a character boundary */
	char *big = malloc(9001);
	for (int i = 0; i < 3000; i++)
		memcpy(big + i * 3, "号", 3);
	big[9000] = '\0';
	voice_say(v, VOICE_MANDARIN, big);
	CHECK(strlen(voice_last_text(v)) <= 4096 && strlen(voice_last_text(v)) >= 4094);
	CHECK(utf8_valid(voice_last_text(v), strlen(voice_last_text(v))));
	free(big);
	voice_say(v, VOICE_LANG_COUNT, "bad language"); /* ignored, but stops the last prompt */
	CHECK(wait_quiet(v, 5000));

	/* destroyed while speaking */
	voice_say(v, VOICE_CANTONESE, long_prompt);
	voice_destroy(v);
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);

	/* synthesis still works after a voice abandoned its speech midway */
	int16_t *s = NULL, *t = NULL;
	size_t n = 0, m = 0;
	int rate;
	char err[200];
	CHECK(voice_synthesize(VOICE_CANTONESE, long_prompt, &s, &n, &rate, err, sizeof(err)));
	CHECK(voice_synthesize(VOICE_CANTONESE, long_prompt, &t, &m, &rate, err, sizeof(err)));
	CHECK(n > 0 && m > n - n / 20 && m < n + n / 20);
	free(s);
	free(t);
}

/* ---- damaged espeak-ng data, each in a child process ---- */

static char data_real[512], data_nodict[600], data_empty[600];

/* Cantonese without yue_dict falls back to the Mandarin voice: the same sound as Mandarin. */
static void child_nodict(void)
{
	setenv("ESPEAK_DATA_PATH", data_nodict, 1);
	int16_t *c = NULL, *m = NULL;
	size_t cn = 0, mn = 0;
	int rate;
	char err[200];
	CHECK(voice_synthesize(VOICE_CANTONESE, "您好，请选择要办理的业务", &c, &cn, &rate, err, sizeof(err)));
	CHECK(voice_synthesize(VOICE_MANDARIN, "您好，请选择要办理的业务", &m, &mn, &rate, err, sizeof(err)));
	CHECK(cn > (size_t)rate / 5 && mn > (size_t)rate / 5);
	CHECK(cn > mn - mn / 20 && cn < mn + mn / 20);
	free(c);
	free(m);
}

/* No data at all: synthesis fails with a reason, a voice is still made and stays silent. */
static void child_empty(void)
{
	setenv("ESPEAK_DATA_PATH", data_empty, 1);
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	int16_t *s = NULL;
	size_t n = 0;
	int rate;
	char err[200] = "";
	CHECK(!voice_synthesize(VOICE_MANDARIN, "您好", &s, &n, &rate, err, sizeof(err)));
	CHECK(s == NULL && n == 0 && strstr(err, "espeak-ng") != NULL);
	struct voice *v = voice_create(&(struct voice_options){.audio = true, .volume_pct = 100});
	CHECK(v != NULL);
	CHECK(!voice_available(v));
	voice_say(v, VOICE_CANTONESE, "您好");
	CHECK(!voice_speaking(v));
	voice_destroy(v);
	SDL_Quit();
}

static int in_child(void (*fn)(void))
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn();
		exit(check_failed ? 1 : 0);
	}
	int status = 0;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		char path[1200];
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* Runs before anything initialises espeak-ng in this process, so the children start fresh. */
static void test_damaged_data(void)
{
	const char *real = NULL;
	espeak_ng_InitializePath(NULL);
	espeak_Info(&real);
	if (!CHECK(real != NULL && strlen(real) < sizeof(data_real)))
		return;
	snprintf(data_real, sizeof(data_real), "%s", real);
	char tmp[] = "/tmp/test_voice.XXXXXX";
	if (!CHECK(mkdtemp(tmp) != NULL))
		return;
	/* ESPEAK_DATA_PATH names the directory that holds espeak-ng-data */
	char nodict_root[600], empty_root[600];
	snprintf(nodict_root, sizeof(nodict_root), "%s/nodict", tmp);
	snprintf(empty_root, sizeof(empty_root), "%s/empty", tmp);
	snprintf(data_nodict, sizeof(data_nodict), "%s", nodict_root);
	snprintf(data_empty, sizeof(data_empty), "%s", empty_root);
	char nodict[700], empty[700];
	snprintf(nodict, sizeof(nodict), "%s/espeak-ng-data", nodict_root);
	snprintf(empty, sizeof(empty), "%s/espeak-ng-data", empty_root);
	CHECK(mkdir(nodict_root, 0700) == 0 && mkdir(nodict, 0700) == 0);
	CHECK(mkdir(empty_root, 0700) == 0 && mkdir(empty, 0700) == 0);
	DIR *d = opendir(data_real);
	CHECK(d != NULL);
	int linked = 0, failed = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, "yue_dict"))
			continue;
		char from[1200], to[1200];
		snprintf(from, sizeof(from), "%s/%s", data_real, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", nodict, e->d_name);
		if (symlink(from, to) == 0)
			linked++;
		else
			failed++;
	}
	CHECK(linked > 10 && failed == 0);
	if (d)
		closedir(d);
	CHECK_INT(in_child(child_nodict), 0);
	CHECK_INT(in_child(child_empty), 0);
	remove_dir(nodict);
	remove_dir(empty);
	rmdir(nodict_root);
	rmdir(empty_root);
	rmdir(tmp);
}

/* ---- what a screen says ---- */

static const char *speakable(const char *text, enum voice_lang lang)
{
	static char out[1024];
	speech_speakable(text, lang, out, sizeof(out));
	return out;
}

static void test_speakable(void)
{
	char want[1024], part[256];
	CHECK_STR(speakable("第 2 步，共 6 步", VOICE_MANDARIN), "第 2 步，共 6 步"); /* short numbers as written */
	CHECK_STR(speakable("2026年12月20日", VOICE_MANDARIN), "2026年12月20日");
	speech_digits("440704199005060018", VOICE_MANDARIN, part, sizeof(part));
	snprintf(want, sizeof(want), "身份证号码 %s", part);
	CHECK_STR(speakable("身份证号码 440704199005060018", VOICE_MANDARIN), want);
	speech_digits("13812345678", VOICE_CANTONESE, part, sizeof(part));
	CHECK_STR(speakable("13812345678", VOICE_CANTONESE), part);
	speech_digits("0018", VOICE_MANDARIN, part, sizeof(part));
	snprintf(want, sizeof(want), "证件 尾号%s", part);
	CHECK_STR(speakable("证件 4407**********0018", VOICE_MANDARIN), want); /* masked: only what shows */
	speech_digits("78", VOICE_ENGLISH, part, sizeof(part));
	snprintf(want, sizeof(want), "Phone ending in %s", part);
	CHECK_STR(speakable("Phone 139******78", VOICE_ENGLISH), want);
	speech_amount(5000, VOICE_MANDARIN, part, sizeof(part));
	snprintf(want, sizeof(want), "认捐 %s", part);
	CHECK_STR(speakable("认捐 50.00 元", VOICE_MANDARIN), want);
	speech_amount(100500, VOICE_MANDARIN, part, sizeof(part));
	CHECK_STR(speakable("1,005.00 元", VOICE_MANDARIN), part);
	speech_amount(12680000, VOICE_MANDARIN, part, sizeof(part));
	snprintf(want, sizeof(want), "已筹 %s，目标", part);
	CHECK_STR(speakable("已筹 126,800 元，目标", VOICE_MANDARIN), want);
	speech_amount(10000, VOICE_ENGLISH, part, sizeof(part));
	CHECK_STR(speakable("¥100", VOICE_ENGLISH), part);
	CHECK(strstr(speakable("JC-8930E246", VOICE_MANDARIN), "J C 八 九 三 零 E 二 四 六") != NULL);
	CHECK_STR(speakable("", VOICE_MANDARIN), "");
	char tiny[8];
	speech_speakable("您好您好", VOICE_MANDARIN, tiny, sizeof(tiny));
	CHECK_STR(tiny, "您好"); /* whole characters only */
	CHECK(strlen(speakable("\xe4\xbd", VOICE_MANDARIN)) == 2); /* a cut sequence at the end: copied, not overrun */
}

static struct ui_widget widget(const char *id, const char *role, const char *text, const char *label)
{
	struct ui_widget w;
	memset(&w, 0, sizeof(w));
	snprintf(w.id, sizeof(w.id), "%s", id);
	w.role = role;
	snprintf(w.text, sizeof(w.text), "%s", text);
	snprintf(w.label, sizeof(w.label), "%s", label);
	w.rect = (struct rect){0, 0, 100, 50};
	return w;
}

static void test_screen_speech(void)
{
	char out[SCREEN_SPEECH_MAX], part[256], want[1024];
	struct ui_widget ws[] = {
		widget("nav.back", "button", "‹ 返回", "返回"),
		widget("screen.title", "heading", "救助查询", "救助查询"),
		widget("screen.step", "label", "第 1 步，共 6 步", "第 1 步，共 6 步"),
		widget("assist.q.question", "heading", "您家里一共有几口人？", "您家里一共有几口人？"),
		widget("assist.q.hint", "label", "算上您自己。", "算上您自己。"),
		widget("household.1", "option", "1", "1 人"),
		widget("key.1", "key", "1", "1"),
		widget("assist.other", "heading", "另一个标题", "另一个标题"),
		widget("review.id", "label", "证件号码 4407**********0018", "证件号码 4407**********0018"),
	};
	size_t n = sizeof(ws) / sizeof(ws[0]);
	screen_speech(ws, n, SPEECH_PROMPT, VOICE_MANDARIN, out, sizeof(out));
	CHECK_STR(out, "救助查询。您家里一共有几口人？");
	screen_speech(ws, n, SPEECH_ALL, VOICE_MANDARIN, out, sizeof(out));
	speech_digits("0018", VOICE_MANDARIN, part, sizeof(part));
	snprintf(want, sizeof(want),
		 "救助查询。第 1 步，共 6 步。您家里一共有几口人？算上您自己。1 人。另一个标题。证件号码 尾号%s。", part);
	CHECK_STR(out, want); /* no nav, no keys; a control by its label; a pause after each */
	/* Without a chrome title (home): the first two headings. */
	struct ui_widget home[] = {
		widget("hall.name", "heading", "江海区民政局", ""),
		widget("home.greeting", "heading", "您好，请选择要办理的业务", ""),
		widget("home.booking", "button", "预约登记", "预约登记：结婚登记"),
	};
	screen_speech(home, 3, SPEECH_PROMPT, VOICE_CANTONESE, out, sizeof(out));
	CHECK_STR(out, "江海区民政局。您好，请选择要办理的业务。");
	screen_speech(home, 3, SPEECH_PROMPT, VOICE_ENGLISH, out, sizeof(out));
	CHECK_STR(out, "江海区民政局. 您好，请选择要办理的业务. ");
	/* Out of room: whole texts only. */
	char small[40];
	screen_speech(ws, n, SPEECH_ALL, VOICE_MANDARIN, small, sizeof(small));
	CHECK_STR(small, "救助查询。第 1 步，共 6 步。");
	screen_speech(ws, 0, SPEECH_ALL, VOICE_MANDARIN, out, sizeof(out));
	CHECK_STR(out, "");
}

int main(void)
{
	test_damaged_data(); /* first: its children fork from a process with no failures counted yet */
	test_speakable();
	test_screen_speech();
	test_split();
	test_digits();
	test_amount();
	test_synthesize();
	test_voice_silent();
	test_voice_dummy();
	SDL_Quit();
	return check_exit();
}
