/* Traditional forms of Simplified characters; see hant_forms.h. Two sorted arrays (Simplified →
 * Traditional, Traditional → Hong Kong form) searched by code point. */
#include "ime/hant_forms.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

struct entry {
	uint32_t key;
	uint32_t forms[HANT_FORMS_MAX];
	int count;
};

struct table {
	struct entry *entries;
	size_t count;
};

struct hant_forms {
	struct table st, hk;
};

static int entry_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct entry *)a)->key, y = ((const struct entry *)b)->key;
	return x < y ? -1 : x > y;
}

static const struct entry *find(const struct table *t, uint32_t cp)
{
	struct entry probe = {.key = cp};
	return t->entries ? bsearch(&probe, t->entries, t->count, sizeof(*t->entries), entry_cmp) : NULL;
}

/* One code point spanning s[0..len) exactly, or 0 (empty, several, or not well-formed). */
static uint32_t single_char(const char *s, size_t len)
{
	if (len == 0 || !utf8_valid(s, len))
		return 0;
	size_t used;
	uint32_t cp = utf8_decode(s, len, &used);
	return used == len ? cp : 0;
}

/* Parses "KEY<TAB>FORM FORM…" lines into t; lines that do not map one character to characters are
 * skipped. Fails only when the table would pass its bound. */
static bool parse_table(struct table *t, const char *text, size_t len, const char *name, char *err, size_t errlen)
{
	bool ok = false;
	size_t cap = 0;
	t->entries = NULL;
	t->count = 0;
	for (size_t at = 0; at < len;) {
		const char *line = text + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t line_len = nl ? (size_t)(nl - line) : len - at;
		at += line_len + (nl != NULL);
		if (line_len > 0 && line[line_len - 1] == '\r')
			line_len--;
		const char *tab = memchr(line, '\t', line_len);
		uint32_t key = tab ? single_char(line, (size_t)(tab - line)) : 0;
		if (!key)
			continue;
		struct entry e = {.key = key};
		const char *p = tab + 1, *end = line + line_len;
		while (p < end && e.count < HANT_FORMS_MAX) {
			const char *space = memchr(p, ' ', (size_t)(end - p));
			size_t n = space ? (size_t)(space - p) : (size_t)(end - p);
			uint32_t form = single_char(p, n);
			if (form)
				e.forms[e.count++] = form;
			p += n + (space != NULL);
		}
		if (e.count == 0)
			continue;
		if (t->count == HANT_FORMS_ENTRIES_MAX) {
			snprintf(err, errlen, "%s: more than %d entries", name, HANT_FORMS_ENTRIES_MAX);
			goto out;
		}
		if (t->count == cap) {
			size_t grown = cap ? cap * 2 : 1024;
			struct entry *entries = realloc(t->entries, grown * sizeof(*entries));
			if (!entries) {
				snprintf(err, errlen, "%s: out of memory", name);
				goto out;
			}
			t->entries = entries;
			cap = grown;
		}
		t->entries[t->count++] = e;
	}
	if (t->count > 0)
		qsort(t->entries, t->count, sizeof(*t->entries), entry_cmp);
	/* A key listed twice keeps one of its lines: the tables have none, and a lookup must be unambiguous. */
	size_t kept = 0;
	for (size_t i = 0; i < t->count; i++) {
		if (kept == 0 || t->entries[kept - 1].key != t->entries[i].key)
			t->entries[kept++] = t->entries[i];
	}
	t->count = kept;
	ok = true;
out:
	if (!ok) {
		free(t->entries);
		t->entries = NULL;
		t->count = 0;
	}
	return ok;
}

struct hant_forms *hant_forms_parse(const char *st, size_t st_len, const char *hk, size_t hk_len, char *err,
				    size_t errlen)
{
	struct hant_forms *result = NULL;
	struct hant_forms *f = calloc(1, sizeof(*f));
	if (!f) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (!parse_table(&f->st, st ? st : "", st ? st_len : 0, HANT_FORMS_ST_FILE, err, errlen))
		goto out;
	if (!parse_table(&f->hk, hk ? hk : "", hk ? hk_len : 0, HANT_FORMS_HK_FILE, err, errlen))
		goto out;
	if (f->st.count == 0) {
		snprintf(err, errlen, "%s: no character mappings", HANT_FORMS_ST_FILE);
		goto out;
	}
	result = f;
	f = NULL;
out:
	hant_forms_destroy(f);
	return result;
}

/* Reads a whole file of at most HANT_FORMS_FILE_MAX bytes into a malloc'd buffer. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	char *result = NULL, *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	buf = malloc(HANT_FORMS_FILE_MAX + 1);
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	size_t n = fread(buf, 1, HANT_FORMS_FILE_MAX + 1, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		goto out;
	}
	if (n > HANT_FORMS_FILE_MAX) {
		snprintf(err, errlen, "%s: larger than %u bytes", path, HANT_FORMS_FILE_MAX);
		goto out;
	}
	*len = n;
	result = buf;
	buf = NULL;
out:
	free(buf);
	if (f)
		fclose(f);
	return result;
}

struct hant_forms *hant_forms_load(const char *dir, char *err, size_t errlen)
{
	struct hant_forms *result = NULL;
	char path[1024];
	char *st = NULL, *hk = NULL;
	size_t st_len = 0, hk_len = 0;
	snprintf(path, sizeof(path), "%s/%s", dir, HANT_FORMS_ST_FILE);
	st = read_file(path, &st_len, err, errlen);
	if (!st)
		goto out;
	snprintf(path, sizeof(path), "%s/%s", dir, HANT_FORMS_HK_FILE);
	hk = read_file(path, &hk_len, err, errlen);
	if (!hk)
		goto out;
	result = hant_forms_parse(st, st_len, hk, hk_len, err, errlen);
out:
	free(st);
	free(hk);
	return result;
}

void hant_forms_destroy(struct hant_forms *f)
{
	if (!f)
		return;
	free(f->st.entries);
	free(f->hk.entries);
	free(f);
}

static int add_unique(uint32_t *out, int n, int max, uint32_t cp)
{
	for (int i = 0; i < n; i++) {
		if (out[i] == cp)
			return n;
	}
	if (n < max)
		out[n++] = cp;
	return n;
}

int hant_forms_of(const struct hant_forms *f, uint32_t cp, uint32_t *out, int max)
{
	if (!f || max <= 0)
		return 0;
	const struct entry *st = find(&f->st, cp);
	uint32_t traditional[HANT_FORMS_MAX];
	int count = 0;
	if (st) {
		memcpy(traditional, st->forms, (size_t)st->count * sizeof(*traditional));
		count = st->count;
	} else {
		traditional[count++] = cp; /* the same in Traditional, unless Hong Kong writes it otherwise */
	}
	int n = 0;
	for (int i = 0; i < count; i++) {
		const struct entry *hk = find(&f->hk, traditional[i]);
		if (!hk) {
			n = add_unique(out, n, max, traditional[i]);
			continue;
		}
		for (int j = 0; j < hk->count; j++)
			n = add_unique(out, n, max, hk->forms[j]);
	}
	return n == 1 && out[0] == cp ? 0 : n;
}

size_t hant_forms_count(const struct hant_forms *f)
{
	return f ? f->st.count : 0;
}
