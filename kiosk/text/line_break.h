/* Where a line may break: UAX #14 (libunibreak) with the Chinese rules a reader expects.
 * No line starts with closing punctuation (，。、；：？！）」』》…) and none ends with opening
 * punctuation (（「『《); Latin words break only at spaces and hyphens. */
#ifndef KIOSK_TEXT_LINE_BREAK_H
#define KIOSK_TEXT_LINE_BREAK_H

#include <stddef.h>
#include <stdint.h>

enum line_break { LINE_BREAK_MUST, LINE_BREAK_ALLOW, LINE_BREAK_NONE };

/* For each code point of text[0..len), whether a line may break after it; out has one entry per
 * code point (utf8_count(text, len) entries). lang is a BCP 47 tag ("zh-Hans", "en"). */
void line_break_compute(const char *text, size_t len, const char *lang, uint8_t *out);

#endif
