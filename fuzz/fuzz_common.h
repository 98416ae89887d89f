/* Helpers shared by the libFuzzer targets in fuzz/: the input as a NUL-terminated string (the kiosk's
 * parsers take C strings), an input cut into parts at NUL bytes (targets that read several documents
 * at once: services and offices, programmes and texts), parameters taken from the front of an input,
 * and an invariant check that aborts with a message (so a broken invariant is a finding, like a crash).
 * Header only: each target is one translation unit linked with libFuzzer's main. */
#ifndef KIOSK_FUZZ_COMMON_H
#define KIOSK_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* libFuzzer's entry points, defined by each target. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run with a finding when cond is false: libFuzzer saves the input as a crash. */
#define FUZZ_CHECK(cond)                                                                                  \
	do {                                                                                              \
		if (!(cond)) {                                                                            \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);      \
			abort();                                                                          \
		}                                                                                         \
	} while (0)

/* The input as a malloc'd NUL-terminated string (an embedded NUL ends it early, as it would end a
 * string read from the network); abort on out of memory. Free with free(). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define FUZZ_PARTS_MAX 4

/* The input cut at its first NUL bytes into up to max parts (the last part takes the rest, NULs and
 * all), each a malloc'd NUL-terminated string with its length; missing parts are NULL. */
struct fuzz_parts {
	char *part[FUZZ_PARTS_MAX];
	size_t len[FUZZ_PARTS_MAX];
	int count;
};

static inline void fuzz_parts_split(struct fuzz_parts *p, const uint8_t *data, size_t size, int max)
{
	memset(p, 0, sizeof(*p));
	size_t at = 0;
	for (int i = 0; i < max && i < FUZZ_PARTS_MAX && at <= size; i++) {
		const uint8_t *nul = i + 1 < max ? memchr(data + at, 0, size - at) : NULL;
		size_t n = nul ? (size_t)(nul - (data + at)) : size - at;
		p->part[i] = fuzz_string(data + at, n);
		p->len[i] = n;
		p->count = i + 1;
		at += n + 1;
	}
}

static inline void fuzz_parts_free(struct fuzz_parts *p)
{
	for (int i = 0; i < FUZZ_PARTS_MAX; i++)
		free(p->part[i]);
	memset(p, 0, sizeof(*p));
}

/* Takes one byte from the front of the input (0 when it is empty). */
static inline uint8_t fuzz_take_byte(const uint8_t **data, size_t *size)
{
	if (*size == 0)
		return 0;
	uint8_t b = **data;
	(*data)++;
	(*size)--;
	return b;
}

/* True when s[0..len) contains only bytes in the (NUL-terminated) set. */
static inline int fuzz_only(const char *s, size_t len, const char *set)
{
	for (size_t i = 0; i < len; i++) {
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	}
	return 1;
}

/* s is a NUL-terminated string within its cap bytes, and valid UTF-8: what every bounded reader
 * of outside data promises the screens. */
#define FUZZ_CHECK_TEXT(s, cap)                                                                         \
	do {                                                                                            \
		FUZZ_CHECK(memchr((s), 0, (cap)) != NULL);                                              \
		FUZZ_CHECK(utf8_valid((s), strlen(s)));                                                 \
	} while (0)

#endif
