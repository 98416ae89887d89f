/* String catalogue; see strings.h. Kept as a sorted array searched by binary search.
 * Every template (*.pot) is read first, since the key set and the zh-Hans texts come from there; then
 * the translations, each matched to its template entry by msgctxt. A translation is used only when its
 * msgid is the template's current text, as gettext does: after the Chinese changes, an old translation
 * would say something else, so until a translator updates it the visitor sees the zh-Hans text. Files
 * are capped at 4 MiB and read whole; parsing is kiosk/core/po_parse.c. */
#include "app/strings.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "core/po_parse.h"

#define CATALOGUE_MAX (4u << 20)

struct entry {
	char *key;
	char *text[TEXT_LANG_COUNT];
	unsigned seen; /* bit per language: defined in that language's file (even if untranslated) */
};

struct strings {
	struct entry *entries;
	size_t len, cap;
};

/* What the parse callbacks need: the catalogue being built, the file and its language. */
struct load {
	struct strings *s;
	const char *path;
	enum text_lang lang; /* TEXT_LANG_ZH_HANS for a template */
	int header_seen;
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

/* The header says how the file is encoded; the kiosk reads UTF-8 only. */
static int check_header(struct load *ld, const struct po_entry *e, char *err, size_t errlen)
{
	char type[128];
	ld->header_seen = 1;
	int found = po_header_field(e->msgstr, "Content-Type", type, sizeof(type));
	for (char *c = type; found && *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!found || !strstr(type, "charset=utf-8")) {
		snprintf(err, errlen, "%d: the header must say \"Content-Type: text/plain; charset=UTF-8\"", e->line);
		return -1;
	}
	return 0;
}

static int on_template(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	struct load *ld = ctx;
	struct strings *s = ld->s;
	if (!e->msgctxt && !e->msgid[0])
		return check_header(ld, e, err, errlen);
	if (!e->msgctxt || !e->msgctxt[0]) {
		snprintf(err, errlen, "%d: a text without msgctxt (the key the code asks for)", e->line);
		return -1;
	}
	if (!e->msgid[0]) {
		snprintf(err, errlen, "%d: [%s] has an empty msgid (its zh-Hans text)", e->line, e->msgctxt);
		return -1;
	}
	if (s->len == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct entry *grown = realloc(s->entries, cap * sizeof(*grown));
		if (!grown)
			goto oom;
		s->entries = grown;
		s->cap = cap;
	}
	struct entry *n = &s->entries[s->len];
	memset(n, 0, sizeof(*n));
	n->key = strdup(e->msgctxt);
	n->text[TEXT_LANG_ZH_HANS] = strdup(e->msgid);
	s->len++; /* counted even half-made, so destroy frees what was allocated */
	if (!n->key || !n->text[TEXT_LANG_ZH_HANS])
		goto oom;
	return 0;
oom:
	snprintf(err, errlen, "%d: out of memory", e->line);
	return -2;
}

static int on_translation(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	struct load *ld = ctx;
	if (!e->msgctxt && !e->msgid[0])
		return check_header(ld, e, err, errlen);
	if (!e->msgctxt) {
		snprintf(err, errlen, "%d: a text without msgctxt (the key the code asks for)", e->line);
		return -1;
	}
	struct entry *t = find(ld->s, e->msgctxt);
	if (!t) {
		kiosk_log(LOG_WARN, "%s:%d: [%s] is not in any template (*.pot): skipped", ld->path, e->line, e->msgctxt);
		return 0;
	}
	unsigned bit = 1u << ld->lang;
	if (t->seen & bit) {
		snprintf(err, errlen, "%d: the text [%s] is defined twice", e->line, e->msgctxt);
		return -1;
	}
	t->seen |= bit;
	if (e->fuzzy) {
		kiosk_log(LOG_WARN, "%s:%d: [%s] is marked fuzzy (not checked by a translator): zh-Hans shown", ld->path,
			  e->line, e->msgctxt);
		return 0;
	}
	if (strcmp(e->msgid, t->text[TEXT_LANG_ZH_HANS]) != 0) {
		kiosk_log(LOG_WARN, "%s:%d: [%s] translates an older zh-Hans text (msgid differs from the template): "
				    "zh-Hans shown",
			  ld->path, e->line, e->msgctxt);
		return 0;
	}
	if (!e->msgstr[0]) /* not translated yet: zh-Hans shown */
		return 0;
	t->text[ld->lang] = strdup(e->msgstr);
	if (!t->text[ld->lang]) {
		snprintf(err, errlen, "%d: out of memory", e->line);
		return -2;
	}
	return 0;
}

/* Reads and parses one file; 0 on success, else the reason with its place in err. */
static int load_file(struct load *ld, po_entry_fn fn, char *err, size_t errlen)
{
	int rc = -1;
	char *buf = NULL, why[512] = "";
	struct stat st;
	FILE *f = fopen(ld->path, "rb");
	if (!f || fstat(fileno(f), &st) != 0) {
		snprintf(err, errlen, "%s: cannot read the string catalogue: %s", ld->path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: cannot read the string catalogue: not a file", ld->path);
		goto out;
	}
	if (st.st_size > (off_t)CATALOGUE_MAX) {
		snprintf(err, errlen, "%s: larger than 4 MiB, not a catalogue of interface texts", ld->path);
		goto out;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", ld->path);
		goto out;
	}
	size_t n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read the string catalogue: %s", ld->path, strerror(errno));
		goto out;
	}
	ld->header_seen = 0;
	if (po_parse(buf, n, fn, ld, why, sizeof(why)) != 0) {
		snprintf(err, errlen, "%s:%s", ld->path, why);
		goto out;
	}
	if (!ld->header_seen) {
		snprintf(err, errlen, "%s: no header entry (msgid \"\" with Content-Type: text/plain; charset=UTF-8)",
			 ld->path);
		goto out;
	}
	rc = 0;
out:
	free(buf);
	if (f)
		fclose(f);
	return rc;
}

static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcmp(name + n - k, suffix) == 0;
}

/* The language a translation file is for, by its name (zh_Hant.po, en.po); -1 for any other. */
static int po_language(const char *name)
{
	if (strcmp(name, "zh_Hant.po") == 0)
		return TEXT_LANG_ZH_HANT;
	if (strcmp(name, "en.po") == 0)
		return TEXT_LANG_EN;
	return -1;
}

/* Loads the templates (pass 0) or the translations (pass 1) of one part's folder. */
static int load_part(struct strings *s, const char *part, int pass, char *err, size_t errlen)
{
	struct dirent **names = NULL;
	int rc = -1, templates = 0;
	int count = scandir(part, &names, visible, alphasort);
	if (count < 0) {
		snprintf(err, errlen, "%s: cannot read the string catalogues: %s", part, strerror(errno));
		goto out;
	}
	for (int i = 0; i < count; i++) {
		const char *name = names[i]->d_name;
		char path[1024];
		int n = snprintf(path, sizeof(path), "%s/%s", part, name);
		if (n < 0 || (size_t)n >= sizeof(path)) {
			snprintf(err, errlen, "%s/%s: path too long", part, name);
			goto out;
		}
		struct load ld = {s, path, TEXT_LANG_ZH_HANS, 0};
		if (ends_with(name, ".pot")) {
			templates++;
			if (pass == 0 && load_file(&ld, on_template, err, errlen) != 0)
				goto out;
		} else if (ends_with(name, ".po")) {
			int lang = po_language(name);
			if (lang < 0) {
				snprintf(err, errlen, "%s: not a language of the kiosk (the translations are zh_Hant.po and en.po)",
					 path);
				goto out;
			}
			ld.lang = (enum text_lang)lang;
			if (pass == 1 && load_file(&ld, on_translation, err, errlen) != 0)
				goto out;
		}
	}
	if (templates == 0) {
		snprintf(err, errlen, "%s: no template (*.pot) in this catalogue folder", part);
		goto out;
	}
	rc = 0;
out:
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	return rc;
}

struct strings *strings_load(const char *dir, char *err, size_t errlen)
{
	struct strings *result = NULL;
	struct dirent **names = NULL;
	struct strings *s = calloc(1, sizeof(*s));
	int count = scandir(dir, &names, visible, alphasort), parts = 0;
	if (!s || count < 0) {
		snprintf(err, errlen, "%s: cannot read the string catalogues: %s", dir, s ? strerror(errno) : "out of memory");
		goto out;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < count; i++) {
			char path[1024];
			struct stat st;
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
				/* A catalogue in the old format would otherwise vanish without a word. */
				if (pass == 0 && ends_with(names[i]->d_name, ".ini"))
					kiosk_log(LOG_WARN, "%s: interface texts are gettext catalogues now: this file is not "
							    "read (see assets/i18n/README.md)",
						  path);
				continue;
			}
			if (load_part(s, path, pass, err, errlen) != 0)
				goto out;
			parts += pass == 0;
		}
		if (pass > 0)
			continue;
		if (parts == 0) {
			snprintf(err, errlen, "%s: no string catalogue there (a folder per part with a *.pot)", dir);
			goto out;
		}
		qsort(s->entries, s->len, sizeof(*s->entries), by_key);
		for (size_t i = 1; i < s->len; i++) {
			if (strcmp(s->entries[i - 1].key, s->entries[i].key) == 0) {
				snprintf(err, errlen, "%s: the text [%s] is defined twice", dir, s->entries[i].key);
				goto out;
			}
		}
	}
	result = s;
	s = NULL;
out:
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	strings_destroy(s);
	return result;
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
