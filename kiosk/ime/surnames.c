/* The surname table; see surnames.h. */
#include "ime/surnames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define FORM_BYTES 12 /* two characters of up to four bytes, and the NUL */
#define SYLLABLE_BYTES 8 /* the longest pinyin syllable is six letters (zhuang, shuang) */
#define LINE_MAX_BYTES 256

struct surname {
	int rank;
	char forms[SURNAME_FORMS][FORM_BYTES]; /* [0] Simplified, then Traditional forms */
	int form_count;
	char syllables[SURNAME_SYLLABLES][SYLLABLE_BYTES];
	int syllable_count;
};

struct surnames {
	struct surname list[SURNAMES_MAX]; /* sorted by rank */
	int count;
};

bool surnames_is_initial(const char *syllable)
{
	static const char *const initials[] = {"b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
					       "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"};
	for (size_t i = 0; i < sizeof(initials) / sizeof(initials[0]); i++) {
		if (strcmp(syllable, initials[i]) == 0)
			return true;
	}
	return false;
}

/* One tab-separated field of line from *at, copied into out; false when absent or too long. */
static bool take_field(const char **at, const char *end, char *out, size_t cap)
{
	const char *p = *at;
	if (p > end)
		return false;
	const char *stop = memchr(p, '\t', (size_t)(end - p));
	if (!stop)
		stop = end;
	size_t len = (size_t)(stop - p);
	if (len == 0 || len >= cap)
		return false;
	memcpy(out, p, len);
	out[len] = '\0';
	*at = stop + 1;
	return true;
}

/* Splits words separated by single spaces into out (each < cap bytes); returns how many, -1 when
 * there are more than max or one is empty or too long. */
static int split_words(const char *in, char out[][FORM_BYTES > SYLLABLE_BYTES ? FORM_BYTES : SYLLABLE_BYTES], int max,
		       size_t cap)
{
	int n = 0;
	const char *p = in;
	while (*p) {
		size_t len = strcspn(p, " ");
		if (len == 0 || len >= cap || n == max)
			return -1;
		memcpy(out[n], p, len);
		out[n][len] = '\0';
		n++;
		p += len;
		if (*p == ' ')
			p++;
	}
	return n;
}

static bool letters_only(const char *s)
{
	for (; *s; s++) {
		if (*s < 'a' || *s > 'z')
			return false;
	}
	return true;
}

static int by_rank(const void *a, const void *b)
{
	const struct surname *x = a, *y = b;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Parses one data line into e; the reason in why when it is malformed. */
static bool parse_line(const char *line, const char *end, struct surname *e, const char **why)
{
	char rank[16], simp[FORM_BYTES], trad[LINE_MAX_BYTES], pinyin[LINE_MAX_BYTES];
	char words[SURNAME_FORMS][FORM_BYTES > SYLLABLE_BYTES ? FORM_BYTES : SYLLABLE_BYTES];
	const char *at = line;
	*why = "expected rank, Simplified, Traditional and pinyin separated by tabs";
	if (!take_field(&at, end, rank, sizeof(rank)) || !take_field(&at, end, simp, sizeof(simp)) ||
	    !take_field(&at, end, trad, sizeof(trad)) || !take_field(&at, end, pinyin, sizeof(pinyin)) || at <= end)
		return false;
	char *rest;
	long r = strtol(rank, &rest, 10);
	if (*rest || r < 1 || r > 100000) {
		*why = "the rank is not a whole number from 1";
		return false;
	}
	memset(e, 0, sizeof(*e));
	e->rank = (int)r;
	size_t chars = utf8_count(simp, strlen(simp));
	if (!utf8_valid(simp, strlen(simp)) || chars < 1 || chars > SURNAME_SYLLABLES) {
		*why = "the surname is not one or two characters";
		return false;
	}
	utf8_copy(e->forms[0], FORM_BYTES, simp);
	int forms = split_words(trad, words, SURNAME_FORMS - 1, FORM_BYTES);
	if (forms < 1) {
		*why = "expected one or two Traditional forms separated by a space";
		return false;
	}
	for (int i = 0; i < forms; i++) {
		if (!utf8_valid(words[i], strlen(words[i])) || utf8_count(words[i], strlen(words[i])) != chars) {
			*why = "a Traditional form has not as many characters as the Simplified one";
			return false;
		}
		utf8_copy(e->forms[1 + i], FORM_BYTES, words[i]);
	}
	e->form_count = 1 + forms;
	int syllables = split_words(pinyin, words, SURNAME_SYLLABLES, SYLLABLE_BYTES);
	if (syllables != (int)chars) {
		*why = "the pinyin has not one syllable per character";
		return false;
	}
	for (int i = 0; i < syllables; i++) {
		if (!letters_only(words[i])) {
			*why = "pinyin is written with the letters a to z (ü as v)";
			return false;
		}
		utf8_copy(e->syllables[i], SYLLABLE_BYTES, words[i]);
	}
	e->syllable_count = syllables;
	return true;
}

struct surnames *surnames_parse(const char *text, size_t len, const char *name, char *err, size_t errlen)
{
	struct surnames *result = NULL;
	struct surnames *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (len > SURNAMES_FILE_MAX) {
		snprintf(err, errlen, "%s: larger than %u bytes", name, SURNAMES_FILE_MAX);
		goto out;
	}
	const char *p = text, *end = text + len;
	for (int line_no = 1; p < end; line_no++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		if (line_end > p && line_end[-1] == '\r')
			line_end--;
		if (line_end - p > LINE_MAX_BYTES) {
			snprintf(err, errlen, "%s:%d: line longer than %d bytes", name, line_no, LINE_MAX_BYTES);
			goto out;
		}
		if (line_end > p && *p != '#') {
			const char *why = NULL;
			if (s->count == SURNAMES_MAX) {
				snprintf(err, errlen, "%s:%d: more than %d surnames", name, line_no, SURNAMES_MAX);
				goto out;
			}
			if (!parse_line(p, line_end, &s->list[s->count], &why)) {
				snprintf(err, errlen, "%s:%d: %s", name, line_no, why);
				goto out;
			}
			s->count++;
		}
		p = nl ? nl + 1 : end;
	}
	if (s->count == 0) {
		snprintf(err, errlen, "%s: no surnames", name);
		goto out;
	}
	qsort(s->list, (size_t)s->count, sizeof(s->list[0]), by_rank);
	result = s;
	s = NULL;
out:
	free(s);
	return result;
}

struct surnames *surnames_load(const char *path, char *err, size_t errlen)
{
	struct surnames *result = NULL;
	char *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open", path);
		goto out;
	}
	buf = malloc(SURNAMES_FILE_MAX + 1);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	size_t len = fread(buf, 1, SURNAMES_FILE_MAX + 1, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read", path);
		goto out;
	}
	result = surnames_parse(buf, len, path, err, errlen);
out:
	if (f)
		fclose(f);
	free(buf);
	return result;
}

void surnames_destroy(struct surnames *s)
{
	free(s);
}

int surnames_count(const struct surnames *s)
{
	return s ? s->count : 0;
}

static bool syllable_matches(const char *typed, const char *surname_syllable)
{
	if (strcmp(typed, surname_syllable) == 0)
		return true;
	return surnames_is_initial(typed) && strncmp(surname_syllable, typed, strlen(typed)) == 0;
}

int surnames_rank(const struct surnames *s, const char *text, const char *const *syllables, int n, int *chars)
{
	int best_rank = 0, best_len = 0;
	for (int i = 0; s && i < s->count; i++) {
		const struct surname *e = &s->list[i];
		if (e->syllable_count > n || e->syllable_count < best_len)
			continue;
		bool spelled = true;
		for (int k = 0; k < e->syllable_count && spelled; k++)
			spelled = syllable_matches(syllables[k], e->syllables[k]);
		if (!spelled)
			continue;
		for (int f = 0; f < e->form_count; f++) {
			size_t len = strlen(e->forms[f]);
			if (strncmp(text, e->forms[f], len) != 0)
				continue;
			/* the list is in rank order: the first hit of a length is its best */
			if (e->syllable_count > best_len) {
				best_len = e->syllable_count;
				best_rank = e->rank;
			}
			break;
		}
	}
	if (chars)
		*chars = best_len;
	return best_rank;
}

int surnames_spelled(const struct surnames *s, const char *const *syllables, int n, bool traditional,
		     struct surname_hit *out, int max)
{
	int found = 0;
	for (int i = 0; s && i < s->count && found < max; i++) {
		const struct surname *e = &s->list[i];
		if (e->syllable_count > n)
			continue;
		bool spelled = true;
		for (int k = 0; k < e->syllable_count && spelled; k++)
			spelled = strcmp(syllables[k], e->syllables[k]) == 0;
		if (!spelled)
			continue;
		out[found++] = (struct surname_hit){e->rank, e->syllable_count,
						    traditional && e->form_count > 1 ? e->forms[1] : e->forms[0]};
	}
	return found;
}
