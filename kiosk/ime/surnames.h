/* Common Chinese surnames and how they are typed in pinyin, for ranking candidates in name fields:
 * a name begins with its surname, so for "zhang" 张 (3rd most common) comes before 章, for "li" 李
 * before 里, and 张三 before 章三. The table is data (assets/ime/surnames.tsv, with its source): rank,
 * Simplified form, Traditional forms, pinyin syllables. Read once; immutable afterwards, so any
 * thread may read it. Bounded: SURNAMES_FILE_MAX bytes, SURNAMES_MAX entries; a malformed line is an
 * error naming the line, not a guess. */
#ifndef KIOSK_IME_SURNAMES_H
#define KIOSK_IME_SURNAMES_H

#include <stdbool.h>
#include <stddef.h>

#define SURNAMES_FILE_MAX (64u * 1024u)
#define SURNAMES_MAX 512
#define SURNAME_SYLLABLES 2 /* compound surnames (欧阳, 司徒) have two */
#define SURNAME_FORMS 3 /* Simplified and up to two Traditional forms */

struct surnames;

/* A surname spelled by the first syllables of an input. */
struct surname_hit {
	int rank; /* 1: the most common */
	int syllables; /* how many syllables of the input it takes (1 or 2) */
	const char *text; /* the form for the script asked for (borrowed from the table) */
};

/* Reads the table at path; NULL with the reason (path:line) in err. */
struct surnames *surnames_load(const char *path, char *err, size_t errlen);
/* The same from text in memory (borrowed for the call). name is used in messages. */
struct surnames *surnames_parse(const char *text, size_t len, const char *name, char *err, size_t errlen);
/* NULL is a no-op. */
void surnames_destroy(struct surnames *s);
/* Number of surnames in the table. */
int surnames_count(const struct surnames *s);

/* When text begins with a surname (in any of its forms) read as the first syllables of an input
 * (syllables[0..n), pinyin as typed with ü as v; a syllable that is only an initial such as "z" or
 * "zh" stands for any syllable it begins), the surname's rank, else 0. *chars (may be NULL) gets
 * how many characters of text the surname is. The longest matching surname wins (欧阳 over 欧). */
int surnames_rank(const struct surnames *s, const char *text, const char *const *syllables, int n, int *chars);

/* The surnames spelled exactly by the first syllables (full syllables, no initials), best rank first,
 * in Simplified or Traditional (the first Traditional form), into out (up to max); returns how many. */
int surnames_spelled(const struct surnames *s, const char *const *syllables, int n, bool traditional,
		     struct surname_hit *out, int max);

/* True when syllable is only a pinyin initial (b p m f d t n l g k h j q x zh ch sh r z c s y w): an
 * abbreviation standing for any syllable that begins with it. */
bool surnames_is_initial(const char *syllable);

#endif
