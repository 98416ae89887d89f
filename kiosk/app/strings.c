/* String catalogue; see strings.h. Kept as a sorted array searched by binary search.
 * The file is INI, read here line by line rather than with libinih: libinih as Debian builds it cuts
 * lines at 200 bytes, and one sentence of Chinese (3 bytes a character) is often longer. Lines are
 * capped at 4 KiB; a longer line, a line outside a section, or a line without " = " is an error
 * naming its line. */
#include "app/strings.h"

#include <dirent.h>
#include <errno.h>
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

static char *trim(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	char *end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return p;
}

/* Reads the catalogue; 0 on success, -1 when it cannot be opened, else the first bad line. */
static int parse_file(const char *path, struct strings *s)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[4096], section[128] = "";
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			s->error = "line longer than 4 KiB";
			rc = lineno;
			break;
		}
		char *p = trim(line);
		if (lineno == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0) /* a byte-order mark */
			p += 3;
		if (*p == '\0' || *p == ';' || *p == '#')
			continue;
		if (*p == '[') {
			char *close = strchr(p, ']');
			if (!close || close[1] != '\0' || (size_t)(close - p) >= sizeof(section)) {
				s->error = "a section name in [brackets] on a line of its own";
				rc = lineno;
				break;
			}
			*close = '\0';
			snprintf(section, sizeof(section), "%s", p + 1);
			continue;
		}
		char *eq = strchr(p, '=');
		if (!eq || !section[0]) {
			s->error = section[0] ? "expected \"language = text\"" : "text outside a [section]";
			rc = lineno;
			break;
		}
		*eq = '\0';
		if (!on_value(s, section, trim(p), trim(eq + 1))) {
			rc = lineno;
			break;
		}
	}
	fclose(f);
	return rc;
}

static int ini_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".ini") == 0;
}

struct strings *strings_load(const char *dir, char *err, size_t errlen)
{
	struct dirent **names = NULL;
	struct strings *s = calloc(1, sizeof(*s));
	int count = scandir(dir, &names, ini_file, alphasort);
	if (!s || count < 0) {
		snprintf(err, errlen, "%s: cannot read the string catalogues: %s", dir, s ? strerror(errno) : "out of memory");
		goto fail;
	}
	if (count == 0) {
		snprintf(err, errlen, "%s: no string catalogue (*.ini) there", dir);
		goto fail;
	}
	for (int i = 0; i < count; i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		int rc = parse_file(path, s);
		if (rc != 0) {
			if (rc == -1)
				snprintf(err, errlen, "%s: cannot read the string catalogue: %s", path, strerror(errno));
			else
				snprintf(err, errlen, "%s:%d: %s", path, rc, s->error ? s->error : "bad line");
			goto fail;
		}
	}
	qsort(s->entries, s->len, sizeof(*s->entries), by_key);
	for (size_t i = 1; i < s->len; i++) {
		if (strcmp(s->entries[i - 1].key, s->entries[i].key) == 0) {
			snprintf(err, errlen, "%s: the text [%s] is defined twice", dir, s->entries[i].key);
			goto fail;
		}
	}
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	return s;
fail:
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	strings_destroy(s);
	return NULL;
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
