/* UTF-8 helpers; see utf8.h. Rejects overlong forms, surrogates and values above U+10FFFF. */
#include "core/utf8.h"

#include <string.h>

uint32_t utf8_decode(const char *str, size_t len, size_t *used)
{
	const unsigned char *s = (const unsigned char *)str;
	*used = 1;
	if (len == 0)
		return 0xFFFD;
	unsigned c = s[0];
	if (c < 0x80)
		return c;
	size_t n;
	uint32_t cp, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2, cp = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, cp = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return 0xFFFD;
	}
	if (len < n)
		return 0xFFFD;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	*used = n;
	return cp;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t count = 0, at = 0, used;
	while (at < len) {
		utf8_decode(s + at, len - at, &used);
		at += used;
		count++;
	}
	return count;
}

size_t utf8_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	size_t i = at - 1;
	while (i > 0 && at - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

bool utf8_valid(const char *s, size_t len)
{
	size_t at = 0, used;
	while (at < len) {
		if ((unsigned char)s[at] < 0x80) {
			at++;
			continue;
		}
		uint32_t cp = utf8_decode(s + at, len - at, &used);
		if (cp == 0xFFFD && !(used == 3 && (unsigned char)s[at] == 0xEF && (unsigned char)s[at + 1] == 0xBF &&
				      (unsigned char)s[at + 2] == 0xBD))
			return false;
		at += used;
	}
	return true;
}

char *utf8_copy(char *dst, size_t cap, const char *src)
{
	if (cap == 0)
		return dst;
	size_t len = src ? strlen(src) : 0;
	if (len >= cap) {
		len = cap - 1;
		/* back off over continuation bytes to the start of the cut character */
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
	return dst;
}

void utf8_upper_ascii(const char *in, char *out, size_t len)
{
	size_t i = 0;
	if (len == 0)
		return;
	for (; in[i] && i + 1 < len; i++)
		out[i] = in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 'a' + 'A') : in[i];
	out[i] = '\0';
}
