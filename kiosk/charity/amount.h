/* Money for the pledge service: a typed amount read into fen (1 yuan = 100 fen) with a verdict a
 * visitor can be told, the amount in figures ("1,005.00", "¥1,005"), and the amount in words as
 * receipts write it: Chinese capital numerals (壹仟零伍元整) and English ("One thousand and five yuan").
 *
 * The Chinese words follow the People's Bank of China rules for filling in bills and vouchers
 * (《正确填写票据和结算凭证的基本规定》, 支付结算办法 附件), choosing where they allow two forms:
 *  - 整 after 元 when there are no 角 and 分 (壹佰元整); none after 角 (伍角, as in the rules' own
 *    example ¥1,409.50 → 壹仟肆佰零玖元伍角) and never after 分;
 *  - one 零 for a run of zeros between two digits (壹仟零伍元整, 陆仟零柒元), but none when the run only
 *    ends a 万 or 亿 group and the next group starts with its 仟 (壹拾万柒仟元整), nor when only the 元 digit
 *    is zero before the 角 (壹仟陆佰捌拾元叁角贰分);
 *  - 零 between 元 and 分 when 角 is zero (壹拾元零伍分); no 元 at all below one yuan (壹分, 伍角);
 *  - 壹 always before 拾 (壹拾元整).
 * Traditional Chinese uses 萬 and 億; the rules accept both forms.
 * No I/O, no allocation; libc only. */
#ifndef KIOSK_CHARITY_AMOUNT_H
#define KIOSK_CHARITY_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>

#define AMOUNT_FEN_MAX 100000000000LL /* 10 亿 yuan: the words are written up to this, pledges stop far below */

enum amount_error {
	AMOUNT_OK,
	AMOUNT_EMPTY, /* nothing typed */
	AMOUNT_NOT_NUMBER, /* letters, two points, a point with nothing after it */
	AMOUNT_NEGATIVE, /* a minus sign */
	AMOUNT_ZERO, /* 0, 0.00 */
	AMOUNT_TOO_SMALL, /* below the project's minimum */
	AMOUNT_TOO_LARGE, /* above the project's maximum */
	AMOUNT_TOO_MANY_DECIMALS, /* more decimals than the project takes (0: whole yuan; 2: 角 and 分) */
};

/* Reads a typed amount ("100", "88.8", "0.01", " 1,000 ") into *fen: digits with at most one decimal
 * point, thousands commas and surrounding spaces ignored. decimals is how many places the project
 * takes (0 to 2); min_fen and max_fen bound the result. *fen is set only on AMOUNT_OK. */
enum amount_error amount_parse(const char *text, int decimals, long long min_fen, long long max_fen, long long *fen);

/* "1,005.00" (with_fen) or "1,005" (without; then 角 and 分 are shown only when there are any:
 * "88.80"). Negative values and values over AMOUNT_FEN_MAX write "". */
void amount_format(long long fen, bool with_fen, char *out, size_t len);

/* The capital-numeral words of a receipt (see above); traditional picks 萬/億. Values outside
 * 0 … AMOUNT_FEN_MAX write "". 0 is 零元整. */
void amount_words_zh(long long fen, bool traditional, char *out, size_t len);

/* English words: "One hundred yuan", "One thousand and five yuan", "Ten yuan and five fen",
 * "Eighty-eight yuan and eighty fen", "One fen". Values outside 0 … AMOUNT_FEN_MAX write "". */
void amount_words_en(long long fen, char *out, size_t len);

#endif
