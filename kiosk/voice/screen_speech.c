/* Screen speech; see screen_speech.h. */
#include "voice/screen_speech.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "voice/speech_text.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Appends s (n bytes) to out at *o; false (and nothing appended) when it does not fit. */
static bool put(char *out, size_t len, size_t *o, const char *s, size_t n)
{
	if (*o + n + 1 > len)
		return false;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
	return true;
}

static bool puts_(char *out, size_t len, size_t *o, const char *s)
{
	return put(out, len, o, s, strlen(s));
}

/* A money figure at s ("1,005.00", "100") with 元 after it (or ¥ before it, yen_before): its value in
 * fen; returns the bytes it takes (with the 元), 0 when s does not start one. */
static size_t money_at(const char *s, bool yen_before, long long *fen)
{
	size_t i = 0;
	long long yuan = 0, cents = 0;
	int digits = 0;
	while (is_digit(s[i]) || (s[i] == ',' && digits > 0 && is_digit(s[i + 1]))) {
		if (s[i] != ',') {
			if (yuan > 100000000000LL)
				return 0;
			yuan = yuan * 10 + (s[i] - '0');
			digits++;
		}
		i++;
	}
	if (!digits)
		return 0;
	if (s[i] == '.' && is_digit(s[i + 1])) {
		cents = (s[i + 1] - '0') * 10;
		i += 2;
		if (is_digit(s[i]))
			cents += s[i++] - '0';
	}
	size_t j = i;
	while (s[j] == ' ')
		j++;
	bool yuan_after = strncmp(s + j, "元", strlen("元")) == 0;
	if (!yen_before && !yuan_after)
		return 0;
	*fen = yuan * 100 + cents;
	return yuan_after ? j + strlen("元") : i;
}

/* n bytes of an ASCII token one character at a time ("J C 八 九 三 零 E …"); dashes are pauses, not words. */
static bool spell(char *out, size_t len, size_t *o, const char *s, size_t n, enum voice_lang lang)
{
	for (size_t k = 0; k < n; k++) {
		char one[2] = {s[k], '\0'}, said[64];
		if (s[k] == '-')
			continue;
		if (is_digit(s[k]))
			speech_digits(one, lang, said, sizeof(said));
		else
			snprintf(said, sizeof(said), "%s", one);
		if ((*o > 0 && out[*o - 1] != ' ' && !puts_(out, len, o, " ")) || !puts_(out, len, o, said))
			return false;
	}
	return puts_(out, len, o, " ");
}

void speech_speakable(const char *text, enum voice_lang lang, char *out, size_t len)
{
	size_t o = 0;
	if (len == 0)
		return;
	out[0] = '\0';
	for (size_t i = 0; text[i];) {
		char said[512];
		long long fen = 0;
		size_t n;
		bool yen = strncmp(text + i, "¥", strlen("¥")) == 0;
		if (yen && (n = money_at(text + i + strlen("¥"), true, &fen)) > 0) {
			speech_amount(fen, lang, said, sizeof(said));
			if (!puts_(out, len, &o, said))
				return;
			i += strlen("¥") + n;
			continue;
		}
		if (is_letter(text[i]) && (i == 0 || (!is_letter(text[i - 1]) && !is_digit(text[i - 1])))) {
			/* a reference such as JC-8930E246 or JHJZ2026-0002: one character at a time */
			size_t end = i;
			bool digits = false;
			while (is_letter(text[end]) || is_digit(text[end]) || (text[end] == '-' && end > i && is_digit(text[end + 1])) ||
			       (text[end] == '-' && is_letter(text[end + 1]))) {
				digits |= is_digit(text[end]);
				end++;
			}
			if (digits) {
				if (!spell(out, len, &o, text + i, end - i, lang))
					return;
				i = end;
				continue;
			}
		}
		if (is_digit(text[i]) || ((text[i] == 'X' || text[i] == '*') && i > 0 && is_digit(text[i - 1]))) {
			/* the whole token: digits, masks, separators inside it, letters around it */
			size_t end = i;
			bool masked = false, letters = i > 0 && (is_letter(text[i - 1]) || text[i - 1] == '-');
			while (is_digit(text[end]) || text[end] == '*' || is_letter(text[end]) ||
			       ((text[end] == ',' || text[end] == '.' || text[end] == '-') && is_digit(text[end + 1]))) {
				masked |= text[end] == '*';
				letters |= is_letter(text[end]) && !(text[end] == 'X' && !is_digit(text[end + 1]));
				end++;
			}
			if (masked) { /* say only what shows: its end */
				size_t tail = end;
				while (tail > i && text[tail - 1] != '*')
					tail--;
				char digits[64];
				snprintf(digits, sizeof(digits), "%.*s", (int)(end - tail), text + tail);
				speech_digits(digits, lang, said, sizeof(said));
				char phrase[600];
				snprintf(phrase, sizeof(phrase), "%s%s", lang == VOICE_ENGLISH ? "ending in " : "尾号", said);
				if (!puts_(out, len, &o, phrase))
					return;
				i = end;
				continue;
			}
			if (!letters && (n = money_at(text + i, false, &fen)) > 0) {
				speech_amount(fen, lang, said, sizeof(said));
				if (!puts_(out, len, &o, said))
					return;
				i += n;
				continue;
			}
			size_t run = 0;
			while (is_digit(text[i + run]))
				run++;
			bool x_end = text[i + run] == 'X' && !is_letter(text[i + run + 1]) && !is_digit(text[i + run + 1]);
			if (!letters && run + x_end >= 6) { /* an ID or phone number: digit by digit */
				char digits[64];
				snprintf(digits, sizeof(digits), "%.*s", (int)(run + x_end), text + i);
				speech_digits(digits, lang, said, sizeof(said));
				if (!puts_(out, len, &o, said))
					return;
				i += run + x_end;
				continue;
			}
			if (letters) { /* digits running into letters: one character at a time */
				if (!spell(out, len, &o, text + i, end - i, lang))
					return;
				i = end;
				continue;
			}
		}
		/* as written: one character, whole */
		unsigned char c = (unsigned char)text[i];
		size_t cl = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		for (size_t k = 1; k < cl; k++)
			if (text[i + k] == '\0')
				cl = 1; /* a truncated sequence at the end: one byte at a time */
		if (!put(out, len, &o, text + i, cl))
			return;
		i += cl;
	}
}

/* Appends one text made speakable, then a pause unless it ends in one; false when out is full. */
static bool say(char *out, size_t len, size_t *o, const char *text, enum voice_lang lang)
{
	char speakable[SCREEN_SPEECH_MAX];
	if (!text[0])
		return true;
	speech_speakable(text, lang, speakable, sizeof(speakable));
	size_t n = strlen(speakable);
	while (n > 0 && speakable[n - 1] == ' ')
		speakable[--n] = '\0';
	static const char *const stops[] = {"。", "？", "！", "：", ".", "?", "!", ":"};
	bool ends = false;
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		size_t sl = strlen(stops[i]);
		ends |= n >= sl && strcmp(speakable + n - sl, stops[i]) == 0;
	}
	size_t before = *o;
	if (!puts_(out, len, o, speakable) || (!ends && !puts_(out, len, o, lang == VOICE_ENGLISH ? ". " : "。"))) {
		*o = before; /* nothing half said */
		out[before] = '\0';
		return false;
	}
	return true;
}

/* True for what the visitor hears of a screen: visible texts and controls, not the keyboard. */
static bool audible(const struct ui_widget *w)
{
	if (!w->text[0] && !w->label[0])
		return false;
	if (w->rect.w <= 0 || w->rect.h <= 0)
		return false;
	static const char *const skip[] = {"key", "list", "dialog"};
	for (size_t i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		if (w->role && strcmp(w->role, skip[i]) == 0)
			return false;
	return true;
}

/* The controls around every screen (navigation, languages, text size, voice, help): not the screen's
 * content, so not read with it. */
static bool chrome(const char *id)
{
	static const char *const prefixes[] = {"nav.", "lang.", "settings.", "voice.", "help.", "home.large_mode"};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(id, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

void screen_speech(const struct ui_widget *widgets, size_t n, enum speech_scope scope, enum voice_lang lang, char *out,
		   size_t len)
{
	size_t o = 0;
	if (len == 0)
		return;
	out[0] = '\0';
	const struct ui_widget *title = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(widgets[i].id, "screen.title") == 0)
			title = &widgets[i];
	if (scope == SPEECH_PROMPT) {
		/* the title, then the first heading after it (the question); without a title, the first two headings */
		int wanted = title ? 1 : 2;
		if (title && !say(out, len, &o, title->text, lang))
			return;
		for (size_t i = 0; i < n && wanted > 0; i++) {
			const struct ui_widget *w = &widgets[i];
			if (w == title || !w->role || strcmp(w->role, "heading") != 0 || !audible(w))
				continue;
			if (!say(out, len, &o, w->text, lang))
				return;
			wanted--;
		}
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct ui_widget *w = &widgets[i];
		if (!audible(w) || chrome(w->id))
			continue;
		/* a control is heard by its accessible label; a text by what it shows */
		bool control = w->role && strcmp(w->role, "label") != 0 && strcmp(w->role, "heading") != 0;
		const char *text = control && w->label[0] ? w->label : w->text[0] ? w->text : w->label;
		if (!say(out, len, &o, text, lang))
			return;
	}
}
