/* Line-break opportunities; see line_break.h.
 * libunibreak implements UAX #14, whose CL/OP/NS/EX classes already carry the Chinese rules; on top of
 * it we pin the few characters that Chinese typography treats more strictly than the default classes
 * (ellipsis and dash pairs kept together, no break after an opening bracket or before a closing one even
 * when the pair is ambiguous-width). */
#include "text/line_break.h"

#include <linebreak.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_library(void)
{
	init_linebreak();
}

static int is_closing(uint32_t cp)
{
	static const uint32_t closing[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
					   0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017, 0x201D,
					   0x2019, 0x2026, 0x00B7, 0x30FC, 0xFF0E, 0x3005, 0x309D};
	for (size_t i = 0; i < sizeof(closing) / sizeof(closing[0]); i++) {
		if (closing[i] == cp)
			return 1;
	}
	return 0;
}

static int is_ideographic_stop(uint32_t cp)
{
	return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF1F ||
	       cp == 0xFF01;
}

static int is_opening(uint32_t cp)
{
	static const uint32_t opening[] = {0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010,
					   0x3014, 0x3016, 0x201C, 0x2018};
	for (size_t i = 0; i < sizeof(opening) / sizeof(opening[0]); i++) {
		if (opening[i] == cp)
			return 1;
	}
	return 0;
}

/* The code points Debian 12's libunibreak (1.1) cannot take: its tables give the regional indicators
 * (the halves of a flag emoji, U+1F1E6–U+1F1FF) and U+FFFF a class past its pair table, and it aborts
 * on an assertion when one is followed by anything but a space. They get a stand-in of the class a
 * newer UAX #14 gives them for breaking purposes: a flag stays with the letters around it like a
 * word (AL), U+FFFF is shown as U+FFFD anyway. Found by fuzz/fuzz_text_layout; every code point in
 * several contexts is checked by tests/unit/test_line_break.c. */
static utf32_t breakable(uint32_t cp)
{
	if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
		return 'A';
	if (cp == 0xFFFF)
		return 0xFFFD;
	return cp;
}

void line_break_compute(const char *text, size_t len, const char *lang, uint8_t *out)
{
	pthread_once(&init_once, init_library);
	/* libunibreak gets the code points as utf8_decode reads them (one U+FFFD per invalid byte), not
	 * the UTF-8: its own decoder reads a damaged sequence differently (a lead byte swallows the next
	 * character, a cut sequence at the end ends the text early), which put a forced break on a
	 * visible character in the middle of the line. One entry per code point, as out has. */
	size_t n = utf8_count(text, len);
	utf32_t stack_cps[256];
	char stack_brks[256];
	utf32_t *cps = n <= 256 ? stack_cps : malloc(n * sizeof(*cps));
	char *brks = n <= 256 ? stack_brks : malloc(n);
	if (!cps || !brks) {
		/* Out of memory: every code point becomes a break opportunity, text still lays out. */
		memset(out, LINE_BREAK_ALLOW, n);
		goto out;
	}
	for (size_t at = 0, i = 0, used; at < len; at += used)
		cps[i++] = breakable(utf8_decode(text + at, len - at, &used));
	/* libunibreak knows "zh" (and "ja", "ko") for its East Asian quotation-mark rules. */
	const char *lb_lang = strncmp(lang, "zh", 2) == 0 ? "zh" : lang;
	set_linebreaks_utf32(cps, n, lb_lang, brks);

	uint32_t prev = 0;
	size_t i = 0;
	for (; i < n; i++) {
		uint32_t cp = cps[i];
		char b = brks[i];
		out[i] = b == LINEBREAK_MUSTBREAK ? LINE_BREAK_MUST
			 : b == LINEBREAK_ALLOWBREAK ? LINE_BREAK_ALLOW
						     : LINE_BREAK_NONE;
		if (i > 0 && out[i - 1] == LINE_BREAK_ALLOW && is_closing(cp))
			out[i - 1] = LINE_BREAK_NONE;
		/* Chinese allows a break after a full-width comma or stop even before a number's prefix
		 * (UAX #14 keeps "，¥100" together, as for Latin numbers), unless closing punctuation follows. */
		if (i > 0 && out[i - 1] == LINE_BREAK_NONE && is_ideographic_stop(prev) && !is_closing(cp))
			out[i - 1] = LINE_BREAK_ALLOW;
		prev = cp;
		if (out[i] == LINE_BREAK_ALLOW && is_opening(cp))
			out[i] = LINE_BREAK_NONE;
	}
	/* The end of the text is not a forced break: a paragraph ends, it does not add a line. */
	if (i > 0 && out[i - 1] == LINE_BREAK_MUST && !(len > 0 && text[len - 1] == '\n'))
		out[i - 1] = LINE_BREAK_ALLOW;
out:
	if (cps != stack_cps)
		free(cps);
	if (brks != stack_brks)
		free(brks);
}
