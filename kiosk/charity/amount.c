/* Amounts in fen, in figures and in words; see amount.h. */
#include "charity/amount.h"

#include <stdio.h>
#include <string.h>

#define INT_DIGITS_MAX 12 /* more integer digits than this is too large whatever the limit */

enum amount_error amount_parse(const char *text, int decimals, long long min_fen, long long max_fen, long long *fen)
{
	long long yuan = 0;
	int frac[2] = {0, 0}, int_digits = 0, frac_digits = 0;
	bool point = false, extra_nonzero = false;
	const char *p = text ? text : "";
	const char *end = p + strlen(p);
	while (*p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	if (p == end)
		return AMOUNT_EMPTY;
	if (*p == '-')
		return AMOUNT_NEGATIVE;
	for (; p < end; p++) {
		char c = *p;
		if (c == ',' && !point && int_digits > 0)
			continue; /* thousands separators, as a visitor may copy them from a poster */
		if (c == '.' && !point) {
			point = true;
			continue;
		}
		if (c < '0' || c > '9')
			return AMOUNT_NOT_NUMBER;
		if (!point) {
			if (int_digits == 0 && c == '0' && yuan == 0) {
				int_digits = 1; /* leading zeros count as one digit */
				continue;
			}
			if (++int_digits > INT_DIGITS_MAX)
				return AMOUNT_TOO_LARGE;
			yuan = yuan * 10 + (c - '0');
		} else {
			if (frac_digits < 2)
				frac[frac_digits] = c - '0';
			else if (c != '0')
				extra_nonzero = true;
			frac_digits++;
		}
	}
	if (int_digits == 0 && frac_digits == 0)
		return AMOUNT_NOT_NUMBER; /* a lone point */
	if (decimals < 0)
		decimals = 0;
	if (extra_nonzero || (decimals < 2 && frac[1] != 0) || (decimals < 1 && frac[0] != 0))
		return AMOUNT_TOO_MANY_DECIMALS;
	long long value = yuan * 100 + frac[0] * 10 + frac[1];
	if (value == 0)
		return AMOUNT_ZERO;
	if (value < min_fen)
		return AMOUNT_TOO_SMALL;
	if (value > max_fen)
		return AMOUNT_TOO_LARGE;
	*fen = value;
	return AMOUNT_OK;
}

void amount_format(long long fen, bool with_fen, char *out, size_t len)
{
	char digits[32], grouped[48];
	if (len == 0)
		return;
	out[0] = '\0';
	if (fen < 0 || fen > AMOUNT_FEN_MAX)
		return;
	int n = snprintf(digits, sizeof(digits), "%lld", fen / 100);
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	if (with_fen || fen % 100 != 0)
		snprintf(out, len, "%s.%02lld", grouped, fen % 100);
	else
		snprintf(out, len, "%s", grouped);
}

/* ---- Chinese capital numerals ---- */

static const char *const zh_digits[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const zh_place[4] = {"", "拾", "佰", "仟"};

static void append(char *out, size_t len, size_t *o, const char *s)
{
	int w = snprintf(out + *o, len - *o, "%s", s);
	if (w > 0)
		*o = *o + (size_t)w < len ? *o + (size_t)w : len - 1;
}

void amount_words_zh(long long fen, bool traditional, char *out, size_t len)
{
	const char *group_unit[3] = {"", traditional ? "萬" : "万", traditional ? "億" : "亿"};
	size_t o = 0;
	if (len == 0)
		return;
	out[0] = '\0';
	if (fen < 0 || fen > AMOUNT_FEN_MAX)
		return;
	long long yuan = fen / 100;
	int jiao = (int)(fen / 10 % 10), fen_digit = (int)(fen % 10);
	long long groups[3] = {yuan % 10000, yuan / 10000 % 10000, yuan / 100000000};
	bool started = false, zero = false;
	for (int g = 2; g >= 0; g--) {
		int value = (int)groups[g];
		if (value == 0) {
			zero = zero || started; /* a whole group of zeros is a run between digits */
			continue;
		}
		for (int place = 3; place >= 0; place--) {
			int d = value / (place == 3 ? 1000 : place == 2 ? 100 : place == 1 ? 10 : 1) % 10;
			if (d == 0) {
				zero = zero || started;
				continue;
			}
			if (zero)
				append(out, len, &o, zh_digits[0]);
			zero = false;
			append(out, len, &o, zh_digits[d]);
			append(out, len, &o, zh_place[place]);
			started = true;
		}
		append(out, len, &o, group_unit[g]);
		zero = false; /* zeros that only end a group are not read: 壹拾万柒仟 */
	}
	if (started)
		append(out, len, &o, "元");
	if (jiao == 0 && fen_digit == 0) {
		append(out, len, &o, started ? "整" : "零元整");
		return;
	}
	if (jiao != 0) {
		append(out, len, &o, zh_digits[jiao]);
		append(out, len, &o, "角");
	}
	if (fen_digit != 0) {
		if (jiao == 0 && started)
			append(out, len, &o, zh_digits[0]);
		append(out, len, &o, zh_digits[fen_digit]);
		append(out, len, &o, "分");
	}
}

/* ---- English ---- */

static const char *const en_small[20] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
					 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
					 "seventeen", "eighteen", "nineteen"};
static const char *const en_tens[10] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

/* Words for 1 … 999; and_first puts "and" before a number under 100 (after a larger group). */
static void en_below_thousand(int n, bool and_first, char *out, size_t len, size_t *o)
{
	int hundreds = n / 100, rest = n % 100;
	if (hundreds) {
		append(out, len, o, en_small[hundreds]);
		append(out, len, o, " hundred");
		if (rest)
			append(out, len, o, " and ");
	} else if (and_first && rest) {
		append(out, len, o, "and ");
	}
	if (rest >= 20) {
		append(out, len, o, en_tens[rest / 10]);
		if (rest % 10) {
			append(out, len, o, "-");
			append(out, len, o, en_small[rest % 10]);
		}
	} else if (rest) {
		append(out, len, o, en_small[rest]);
	}
}

static void en_number(long long n, char *out, size_t len, size_t *o)
{
	static const char *const scale[4] = {"", " thousand", " million", " billion"};
	int groups[4] = {(int)(n % 1000), (int)(n / 1000 % 1000), (int)(n / 1000000 % 1000), (int)(n / 1000000000 % 1000)};
	bool any = false;
	if (n == 0) {
		append(out, len, o, en_small[0]);
		return;
	}
	for (int g = 3; g >= 0; g--) {
		if (!groups[g])
			continue;
		if (any)
			append(out, len, o, g == 0 && groups[0] < 100 ? " " : ", ");
		en_below_thousand(groups[g], any && g == 0, out, len, o);
		append(out, len, o, scale[g]);
		any = true;
	}
}

void amount_words_en(long long fen, char *out, size_t len)
{
	size_t o = 0;
	if (len == 0)
		return;
	out[0] = '\0';
	if (fen < 0 || fen > AMOUNT_FEN_MAX)
		return;
	long long yuan = fen / 100;
	int cents = (int)(fen % 100);
	if (yuan || !cents) {
		en_number(yuan, out, len, &o);
		append(out, len, &o, " yuan");
	}
	if (cents) {
		if (yuan)
			append(out, len, &o, " and ");
		en_number(cents, out, len, &o);
		append(out, len, &o, " fen");
	}
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}
