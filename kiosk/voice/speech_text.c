/* What the kiosk hands to the synthesizer: prompts split by script, numbers read digit by digit and
 * money read as an amount. Pure functions over caller memory; libc and core/utf8 only.
 *
 * Decisions (the unit tests pin them):
 *  - Splitting: a Latin run starts at an ASCII letter and takes in every later ASCII letter, with the
 *    spaces and ASCII punctuation between letters ("ZHANG SAN", "O'Brien", "Civil Affairs (CAB)").
 *    ASCII punctuation right after the last letter stays English too ("Jr.", "Affairs."), and ASCII
 *    spaces and punctuation alone between a Latin run and the end (or the start) of the prompt join
 *    that run ("Please choose a service." is one English run) rather than make a run with nothing
 *    to say. Digits always stay with the Chinese voice, even glued to letters: "JHJZ2026" is "JHJZ"
 *    in English and "2026" in the visitor's Chinese, because the number is what the visitor must
 *    understand (screens read IDs and references with speech_digits anyway). Full-width letters
 *    (ＡＢＣ) stay Chinese. Invalid UTF-8 stays with the Chinese run byte by byte; a run boundary is
 *    only ever at an ASCII byte, so never inside a character.
 *  - Digits: 一 for 1, not 幺. 幺 is a Mandarin radio convention; Cantonese speakers say 一 (jat1) for
 *    phone digits, and espeak-ng 1.51's yue voice reads 幺 as "mo1", which nobody would understand.
 *    Spaces between digits, "，" (a pause) between groups: 18 digits as 6-8-4 (resident ID),
 *    11 as 3-4-4 (mobile phone), anything else in fours from the left.
 *  - Amounts in Chinese: the spoken reading, not the receipt capitals: 十元 (not 一十元) at the start
 *    only (一百一十元), 零 for skipped places (一千零五元, 八十八元零八分). 两 when the amount begins
 *    with a 2 said before 百/千/万/亿 (两百元, 两千元, 两万元, 两千万元, 两亿元), as people say it; 二
 *    everywhere else (二十元, 二元, 一千二百元, 两万二千元, 十二万元), the common usage inside a
 *    number and before 十 or a unit.
 *  - Amounts in English: British-style "and" ("one thousand and five yuan") and the fen named:
 *    "eighty-eight yuan and eighty fen", "one fen", "zero yuan"; yuan and fen take no plural. */
#include "voice/speech_text.h"

#include <string.h>

#include "core/utf8.h"

/* An output buffer filled by whole tokens: when a token does not fit, it and everything after it
 * are dropped, so the text is never cut inside a character or a word. */
struct sbuf {
	char *p;
	size_t cap, len;
	bool full;
};

static void sbuf_init(struct sbuf *b, char *out, size_t cap)
{
	b->p = out;
	b->cap = out ? cap : 0;
	b->len = 0;
	b->full = b->cap == 0;
	if (b->cap)
		out[0] = '\0';
}

static void put(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->full || b->len + n >= b->cap) {
		b->full = true;
		return;
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

/* ---- splitting ---- */

static bool is_letter(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Spaces and ASCII punctuation: what may sit between the letters of one Latin run. */
static bool is_joiner(unsigned char c)
{
	return c == ' ' || c == '\t' || (c > ' ' && c < 0x7f && !is_letter(c) && !(c >= '0' && c <= '9'));
}

/* Nothing to say in the Chinese voice: ASCII spaces and punctuation only. */
static bool all_filler(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_joiner((unsigned char)s[i]) && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

struct splitter {
	struct speech_run *out;
	int max, count;
	size_t lead; /* start of leading whitespace waiting for the first run */
	bool has_lead;
};

static void emit(struct splitter *sp, enum voice_lang lang, size_t start, size_t end)
{
	if (sp->count == 0 && sp->has_lead) {
		start = sp->lead;
		sp->has_lead = false;
	}
	if (sp->count > 0 && sp->out[sp->count - 1].lang == lang) {
		sp->out[sp->count - 1].len = end - sp->out[sp->count - 1].start;
		return;
	}
	if (sp->count == sp->max) { /* out of room: the rest joins the last run */
		sp->out[sp->count - 1].len = end - sp->out[sp->count - 1].start;
		return;
	}
	sp->out[sp->count++] = (struct speech_run){.lang = lang, .start = start, .len = end - start};
}

int speech_split(const char *text, enum voice_lang lang, struct speech_run *out, int max)
{
	if (!text || !out || max <= 0 || !text[0])
		return 0;
	size_t n = strlen(text);
	if (lang == VOICE_ENGLISH) {
		out[0] = (struct speech_run){.lang = VOICE_ENGLISH, .start = 0, .len = n};
		return 1;
	}
	if (lang != VOICE_CANTONESE)
		lang = VOICE_MANDARIN;
	struct splitter sp = {.out = out, .max = max};
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		if (is_letter((unsigned char)text[i])) {
			size_t end = ++i;
			while (i < n && (is_letter((unsigned char)text[i]) || is_joiner((unsigned char)text[i])))
				if (is_letter((unsigned char)text[i++]))
					end = i;
			/* punctuation right after the last letter ends the English ("Jr.", "OK!") */
			while (end < n && is_joiner((unsigned char)text[end]) && text[end] != ' ' && text[end] != '\t')
				end++;
			i = end;
			emit(&sp, VOICE_ENGLISH, start, end);
			continue;
		}
		while (i < n && !is_letter((unsigned char)text[i])) {
			size_t used = 1;
			utf8_decode(text + i, n - i, &used);
			i += used;
		}
		if (all_filler(text + start, i - start)) {
			if (sp.count > 0) { /* "Affairs.", "ID ": the tail stays English */
				sp.out[sp.count - 1].len = i - sp.out[sp.count - 1].start;
				continue;
			}
			if (i < n) { /* " (Note": joins the Latin run after it */
				sp.lead = start;
				sp.has_lead = true;
				continue;
			}
		}
		emit(&sp, lang, start, i);
	}
	return sp.count;
}

/* ---- digit by digit ---- */

static const char *const zh_digit[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
static const char *const en_small[20] = {"zero",    "one",     "two",       "three",    "four",
					 "five",    "six",     "seven",     "eight",    "nine",
					 "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
					 "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const en_tens[10] = {"",      "",      "twenty",  "thirty", "forty",
					"fifty", "sixty", "seventy", "eighty", "ninety"};

static bool is_digit_or_x(char c)
{
	return (c >= '0' && c <= '9') || c == 'X' || c == 'x';
}

/* Group sizes for n digits: 6-8-4 for a resident ID, 3-4-4 for a mobile phone, else fours. */
static int group_size(size_t n, int group)
{
	static const int id[] = {6, 8, 4}, phone[] = {3, 4, 4};
	if (n == 18)
		return id[group < 3 ? group : 2];
	if (n == 11)
		return phone[group < 3 ? group : 2];
	return 4;
}

void speech_digits(const char *digits, enum voice_lang lang, char *out, size_t len)
{
	struct sbuf b;
	sbuf_init(&b, out, len);
	if (!digits)
		return;
	size_t n = 0;
	for (const char *p = digits; *p; p++)
		n += is_digit_or_x(*p);
	bool english = lang == VOICE_ENGLISH;
	int group = 0, in_group = 0;
	bool first = true;
	for (const char *p = digits; *p; p++) {
		if (!is_digit_or_x(*p))
			continue;
		if (!first) {
			if (in_group == group_size(n, group)) {
				put(&b, english ? ", " : "，");
				group++;
				in_group = 0;
			} else {
				put(&b, " ");
			}
		}
		if (*p == 'X' || *p == 'x')
			put(&b, "X");
		else
			put(&b, english ? en_small[*p - '0'] : zh_digit[*p - '0']);
		in_group++;
		first = false;
	}
}

/* ---- amounts ---- */

/* A number below 10000 in Chinese; `leading` when nothing is said before it (十 for 一十). */
static void zh_section(struct sbuf *b, unsigned n, bool leading)
{
	static const char *const place[4] = {"", "十", "百", "千"};
	static const unsigned pow10[4] = {1, 10, 100, 1000};
	bool said = false, gap = false;
	for (int p = 3; p >= 0; p--) {
		unsigned d = n / pow10[p] % 10;
		if (d == 0) {
			gap = said;
			continue;
		}
		if (gap)
			put(b, "零");
		gap = false;
		if (!(p == 1 && d == 1 && leading && !said))
			put(b, d == 2 && p >= 2 && leading && !said ? "两" : zh_digit[d]);
		put(b, place[p]);
		said = true;
	}
}

/* A whole number in Chinese, in 万 and 亿 (一万亿, 一亿亿 for the largest). */
static void zh_number(struct sbuf *b, unsigned long long n, bool leading)
{
	static const struct {
		unsigned long long unit;
		const char *name;
	} big[] = {{100000000ULL, "亿"}, {10000ULL, "万"}};
	for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
		if (n < big[i].unit)
			continue;
		unsigned long long hi = n / big[i].unit, lo = n % big[i].unit;
		if (hi == 2 && leading)
			put(b, "两");
		else
			zh_number(b, hi, leading);
		put(b, big[i].name);
		if (lo) {
			if (lo < big[i].unit / 10)
				put(b, "零");
			zh_number(b, lo, false);
		}
		return;
	}
	if (n == 0)
		put(b, "零");
	else
		zh_section(b, (unsigned)n, leading);
}

static void en_below_100(struct sbuf *b, unsigned n)
{
	if (n < 20) {
		put(b, en_small[n]);
		return;
	}
	put(b, en_tens[n / 10]);
	if (n % 10) {
		put(b, "-");
		put(b, en_small[n % 10]);
	}
}

static void en_below_1000(struct sbuf *b, unsigned n)
{
	if (n >= 100) {
		put(b, en_small[n / 100]);
		put(b, " hundred");
		if (n % 100)
			put(b, " and ");
	}
	if (n % 100 || n < 100)
		en_below_100(b, n % 100);
}

/* A whole number in English, British style ("one thousand and five"). */
static void en_number(struct sbuf *b, unsigned long long n)
{
	static const char *const scale[] = {"quintillion", "quadrillion", "trillion", "billion", "million",
					    "thousand"};
	if (n == 0) {
		put(b, "zero");
		return;
	}
	unsigned long long unit = 1000000000000000000ULL;
	bool said = false;
	for (size_t i = 0; i < sizeof(scale) / sizeof(scale[0]); i++, unit /= 1000) {
		unsigned part = (unsigned)(n / unit % 1000);
		if (!part)
			continue;
		if (said)
			put(b, " ");
		en_below_1000(b, part);
		put(b, " ");
		put(b, scale[i]);
		said = true;
	}
	unsigned last = (unsigned)(n % 1000);
	if (last) {
		if (said)
			put(b, last < 100 ? " and " : " ");
		en_below_1000(b, last);
	}
}

void speech_amount(long long fen, enum voice_lang lang, char *out, size_t len)
{
	struct sbuf b;
	sbuf_init(&b, out, len);
	unsigned long long mag = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
	unsigned long long yuan = mag / 100;
	unsigned jiao = (unsigned)(mag / 10 % 10), cents = (unsigned)(mag % 10);
	if (lang == VOICE_ENGLISH) {
		if (fen < 0)
			put(&b, "minus ");
		if (yuan || mag == 0) {
			en_number(&b, yuan);
			put(&b, " yuan");
		}
		if (mag % 100) {
			if (yuan)
				put(&b, " and ");
			en_number(&b, mag % 100);
			put(&b, " fen");
		}
		return;
	}
	if (fen < 0)
		put(&b, "负");
	if (yuan || mag == 0) {
		zh_number(&b, yuan, true);
		put(&b, "元");
	}
	if (jiao) {
		put(&b, zh_digit[jiao]);
		put(&b, "角");
	}
	if (cents) {
		if (!jiao && yuan)
			put(&b, "零");
		put(&b, zh_digit[cents]);
		put(&b, "分");
	}
}
