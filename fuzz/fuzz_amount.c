/* Fuzz target: a pledge amount as a visitor types it (charity/amount.h), and the figures and words
 * written for any amount the parser lets through (receipts print them).
 * Input: byte 0 picks the project's decimals (0–2), bytes 1–8 a fen value for the formatters, the
 * rest is the typed text.
 * Invariants: an accepted amount is within the project's bounds and reads back from its own figures;
 * the words are never empty and never overflow their buffer, for every value in range. */
#include <string.h>

#include "charity/amount.h"
#include "fuzz_common.h"

#define MIN_FEN 100LL
#define MAX_FEN 100000000LL /* a project's default bounds: 1 yuan to 1,000,000 yuan */

static void check_words(long long fen)
{
	char figures[64], zh[256], zh_hant[256], en[512], small[8];
	bool in_range = fen >= 0 && fen <= AMOUNT_FEN_MAX;
	amount_format(fen, true, figures, sizeof(figures));
	amount_words_zh(fen, false, zh, sizeof(zh));
	amount_words_zh(fen, true, zh_hant, sizeof(zh_hant));
	amount_words_en(fen, en, sizeof(en));
	FUZZ_CHECK((figures[0] != '\0') == in_range);
	FUZZ_CHECK((zh[0] != '\0') == in_range && (zh_hant[0] != '\0') == in_range && (en[0] != '\0') == in_range);
	FUZZ_CHECK(strlen(zh) < sizeof(zh) - 1 && strlen(en) < sizeof(en) - 1); /* never cut */
	if (in_range) {
		long long back = -1;
		FUZZ_CHECK(fen == 0 || amount_parse(figures, 2, 1, AMOUNT_FEN_MAX, &back) == AMOUNT_OK);
		FUZZ_CHECK(fen == 0 || back == fen);
	}
	/* Buffers too small are cut, never overrun. */
	amount_format(fen, false, small, sizeof(small));
	amount_words_zh(fen, false, small, sizeof(small));
	amount_words_en(fen, small, sizeof(small));
	FUZZ_CHECK(strlen(small) < sizeof(small));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1024)
		return 0;
	int decimals = fuzz_take_byte(&data, &size) % 3;
	long long raw = 0;
	for (int i = 0; i < 8; i++)
		raw = (long long)((unsigned long long)raw << 8 | fuzz_take_byte(&data, &size));
	char *typed = fuzz_string(data, size);
	long long fen = -1;
	enum amount_error err = amount_parse(typed, decimals, MIN_FEN, MAX_FEN, &fen);
	FUZZ_CHECK(err >= AMOUNT_OK && err <= AMOUNT_TOO_MANY_DECIMALS);
	if (err == AMOUNT_OK) {
		FUZZ_CHECK(fen >= MIN_FEN && fen <= MAX_FEN);
		FUZZ_CHECK(decimals == 2 || fen % 10 == 0);
		FUZZ_CHECK(decimals >= 1 || fen % 100 == 0);
		check_words(fen);
	} else {
		FUZZ_CHECK(fen == -1); /* *fen is set only on success */
	}
	check_words(raw);
	check_words(raw % (AMOUNT_FEN_MAX + 1));
	free(typed);
	return 0;
}
