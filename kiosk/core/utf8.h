/* UTF-8 decoding and editing helpers. Invalid sequences decode as U+FFFD, one byte at a time,
 * so a damaged string never stalls a loop or reads past its end. */
#ifndef KIOSK_CORE_UTF8_H
#define KIOSK_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..len); stores its length in bytes (≥ 1) in *used. */
uint32_t utf8_decode(const char *s, size_t len, size_t *used);
/* Encodes cp into out (at least 4 bytes); returns the number of bytes written. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..len). */
size_t utf8_count(const char *s, size_t len);
/* Byte offset of the start of the code point before offset `at` (0 when at is 0). */
size_t utf8_prev(const char *s, size_t at);

/* Copies src into dst (cap bytes with the NUL), cutting at a code point boundary, never inside a
 * character; returns dst. */
char *utf8_copy(char *dst, size_t cap, const char *src);
/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
bool utf8_valid(const char *s, size_t len);
/* in with ASCII letters in upper case (typed document numbers and references) into out, at most
 * len - 1 bytes; other bytes are copied as they are. */
void utf8_upper_ascii(const char *in, char *out, size_t len);

#endif
