/* String catalogue; see strings.h. Kept as a sorted array searched by binary search. */
#include "app/strings.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key;
	char *text[TEXT_LANG_COUNT];
};

struct strings {
	struct entry *entries;
	size_t len, cap;
	int error_line;
	const char *error;
};

static struct entry *find(const struct strings *s, const char *key)
{
	size_t lo = 0, hi = s->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->entries[mid].key, key);
		if (c == 0)
			return &s->entries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key);
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct strings *s = user;
	int lang = text_lang_parse(name);
	if (lang < 0) {
		s->error = "unknown language (zh-Hans, zh-Hant, en)";
		return 0;
	}
	struct entry *e = s->len ? &s->entries[s->len - 1] : NULL;
	if (!e || strcmp(e->key, section) != 0) {
		if (s->len == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 64;
			struct entry *grown = realloc(s->entries, cap * sizeof(*grown));
			if (!grown)
				return 0;
			s->entries = grown;
			s->cap = cap;
		}
		e = &s->entries[s->len];
		memset(e, 0, sizeof(*e));
		e->key = strdup(section);
		if (!e->key)
			return 0;
		s->len++;
	}
	free(e->text[lang]);
	e->text[lang] = strdup(value);
	return e->text[lang] != NULL;
}

struct strings *strings_load(const char *path, char *err, size_t errlen)
{
	struct strings *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	int rc = ini_parse(path, on_value, s);
	if (rc != 0) {
		if (rc == -1)
			snprintf(err, errlen, "%s: cannot read the string catalogue", path);
		else
			snprintf(err, errlen, "%s:%d: %s", path, rc, s->error ? s->error : "bad line");
		strings_destroy(s);
		return NULL;
	}
	qsort(s->entries, s->len, sizeof(*s->entries), by_key);
	return s;
}

void strings_destroy(struct strings *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->len; i++) {
		free(s->entries[i].key);
		for (int l = 0; l < TEXT_LANG_COUNT; l++)
			free(s->entries[i].text[l]);
	}
	free(s->entries);
	free(s);
}

const char *strings_get(const struct strings *s, enum text_lang lang, const char *key)
{
	const struct entry *e = find(s, key);
	if (!e)
		return key;
	if (e->text[lang])
		return e->text[lang];
	return e->text[TEXT_LANG_ZH_HANS] ? e->text[TEXT_LANG_ZH_HANS] : key;
}
