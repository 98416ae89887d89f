/* Person names; see person_name.h. */
#include "person_name.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The code point at s (len bytes left) and its length in *used; 0xFFFFFFFF for bad UTF-8 (overlong,
 * surrogate, past U+10FFFF, cut short). */
static uint32_t decode(const unsigned char *s, size_t len, size_t *used)
{
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	*used = 1;
	if (n == 0 || n > len)
		return 0xFFFFFFFF;
	uint32_t cp = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFFFFFF;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	*used = n;
	if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFFFFFF;
	return cp;
}

static int is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x323AF) || cp == 0x3007; /* 〇, written in some names */
}

static int is_latin_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Middle dots between the parts of a transliterated name. */
static int is_dot(uint32_t cp)
{
	return cp == 0xB7 || cp == 0x30FB || cp == 0x2027 || cp == 0x2022 || cp == 0xFF0E;
}

/* What joins the parts of a foreign name. */
static int is_joiner(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == '-' || cp == '\'' || cp == 0x2019 || cp == '.';
}

enum person_name_verdict person_name_check(const char *name)
{
	if (!name)
		return PERSON_NAME_EMPTY;
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name);
	while (len > 0 && s[0] == ' ') /* spaces around the name do not count */
		s++, len--;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0)
		return PERSON_NAME_EMPTY;
	size_t chars = 0, letters = 0, used;
	int joined = 1; /* a name starts with a letter: as if after a joiner */
	for (size_t at = 0; at < len; at += used) {
		uint32_t cp = decode(s + at, len - at, &used);
		if (is_han(cp) || is_latin_letter(cp)) {
			letters++;
			joined = 0;
		} else if (is_dot(cp) || is_joiner(cp)) {
			/* one at a time and between parts ("Mary-Jane", "O'Neil", "阿依古丽·买买提", "J. Smith") */
			if (joined && !(cp == ' ' && at > 0 && s[at - 1] == '.'))
				return PERSON_NAME_CHARACTERS;
			joined = 1;
		} else {
			return PERSON_NAME_CHARACTERS;
		}
		chars++;
	}
	if (chars > PERSON_NAME_MAX_CHARS)
		return PERSON_NAME_TOO_LONG;
	if (letters == 0 || (joined && s[len - 1] != '.'))
		return PERSON_NAME_CHARACTERS;
	return PERSON_NAME_OK;
}
