/* The interface catalogues (assets/i18n) are complete and consistent: every key of each template
 * (PART/PART.pot) is in zh_Hant.po and en.po with a non-empty, non-fuzzy translation of the template's
 * current msgid; the {holes} of each translation are those of its source (and flagged
 * python-brace-format, so translation tools and msgfmt check them too); English has no Chinese left
 * except entries flagged keep-chinese (icons, language names, Chinese voice samples), whose English is
 * the zh-Hans text; no translation is left that the template lacks; `msgfmt --check` accepts each .po;
 * no .ini catalogue of the old format is left; and every key the code asks for (found by scanning
 * kiosk/ for the calls and tables that take keys) is in a template. Then the same checker runs on
 * deliberately broken copies and must report each break, so this test can fail.
 * usage: test_catalogs [I18N_DIR SOURCE_DIR] (default: this source tree) */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/po_parse.h"
#include "core/utf8.h"

#define TREE KIOSK_FONTS_DIR "/.."

struct report {
	int problems;
	bool quiet;	/* the broken copies: collect, do not print */
	char text[16384]; /* what was reported, for the broken-copy checks */
	size_t len;
};

static void problem(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct report *r, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	r->problems++;
	if (!r->quiet)
		fprintf(stderr, "  %s\n", line);
	int n = snprintf(r->text + r->len, sizeof(r->text) - r->len, "%s\n", line);
	if (n > 0 && r->len + (size_t)n < sizeof(r->text))
		r->len += (size_t)n;
}

/* ---- one catalogue file in memory ---- */

struct item {
	char *key, *msgid, *msgstr, *flags;
	bool fuzzy, brace;
	int line;
};

struct cat {
	struct item *items;
	size_t len, cap;
	char language[64], plural[128];
	bool header;
};

static int on_entry(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	struct cat *c = ctx;
	(void)err;
	(void)errlen;
	if (!e->msgctxt && !e->msgid[0]) {
		c->header = true;
		po_header_field(e->msgstr, "Language", c->language, sizeof(c->language));
		po_header_field(e->msgstr, "Plural-Forms", c->plural, sizeof(c->plural));
		return 0;
	}
	if (c->len == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->items = realloc(c->items, c->cap * sizeof(*c->items));
		if (!c->items)
			abort();
	}
	struct item *it = &c->items[c->len++];
	it->key = strdup(e->msgctxt ? e->msgctxt : "");
	it->msgid = strdup(e->msgid);
	it->msgstr = strdup(e->msgstr);
	it->flags = strdup(e->flags);
	it->fuzzy = e->fuzzy;
	it->brace = e->brace_format;
	it->line = e->line;
	return 0;
}

static void cat_free(struct cat *c)
{
	for (size_t i = 0; i < c->len; i++) {
		free(c->items[i].key);
		free(c->items[i].msgid);
		free(c->items[i].msgstr);
		free(c->items[i].flags);
	}
	free(c->items);
	memset(c, 0, sizeof(*c));
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			char *grown = realloc(buf, cap + 1);
			if (!grown) {
				free(buf);
				buf = NULL;
			}
			buf = grown;
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

static bool cat_load(struct cat *c, const char *path, struct report *r)
{
	size_t len = 0;
	char err[512];
	memset(c, 0, sizeof(*c));
	char *text = read_file(path, &len);
	if (!text) {
		problem(r, "%s: cannot be read: %s", path, strerror(errno));
		return false;
	}
	int rc = po_parse(text, len, on_entry, c, err, sizeof(err));
	free(text);
	if (rc != 0) {
		problem(r, "%s:%s", path, err);
		return false;
	}
	if (!c->header)
		problem(r, "%s: no header entry (msgid \"\")", path);
	return true;
}

static const struct item *cat_find(const struct cat *c, const char *key)
{
	for (size_t i = 0; i < c->len; i++)
		if (strcmp(c->items[i].key, key) == 0)
			return &c->items[i];
	return NULL;
}

static bool has_flag(const char *flags, const char *flag)
{
	size_t k = strlen(flag);
	for (const char *p = strstr(flags, flag); p; p = strstr(p + 1, flag))
		if ((p == flags || p[-1] == ' ') && (p[k] == '\0' || p[k] == ','))
			return true;
	return false;
}

/* The {name} holes of a text, sorted and unique, joined by commas. */
static void holes_of(const char *text, char *out, size_t len)
{
	char names[32][64];
	int n = 0;
	for (const char *p = strchr(text, '{'); p && n < 32; p = strchr(p + 1, '{')) {
		size_t k = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (k == 0 || k >= 64 || p[1 + k] != '}')
			continue;
		char name[64];
		snprintf(name, sizeof(name), "%.*s", (int)k, p + 1);
		int at = 0;
		while (at < n && strcmp(names[at], name) < 0)
			at++;
		if (at < n && strcmp(names[at], name) == 0)
			continue;
		memmove(names[at + 1], names[at], (size_t)(n - at) * sizeof(names[0]));
		snprintf(names[at], sizeof(names[at]), "%s", name);
		n++;
	}
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? "," : "", names[i]);
}

static bool has_han(const char *s)
{
	size_t len = strlen(s), at = 0;
	while (at < len) {
		size_t used;
		uint32_t cp = utf8_decode(s + at, len - at, &used);
		if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF))
			return true;
		at += used;
	}
	return false;
}

/* ---- every key of every template, for the code scan ---- */

struct keyset {
	char **keys;
	size_t len, cap;
};

static void keyset_add(struct keyset *k, const char *key)
{
	if (k->len == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 512;
		k->keys = realloc(k->keys, k->cap * sizeof(*k->keys));
		if (!k->keys)
			abort();
	}
	k->keys[k->len++] = strdup(key);
}

static void keyset_free(struct keyset *k)
{
	for (size_t i = 0; i < k->len; i++)
		free(k->keys[i]);
	free(k->keys);
	memset(k, 0, sizeof(*k));
}

/* A key, or the start of keys the code completes ("home.booking" + ".title"). */
static bool keyset_covers(const struct keyset *k, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = 0; i < k->len; i++)
		if (strncmp(k->keys[i], lit, n) == 0 && (k->keys[i][n] == '\0' || k->keys[i][n] == '.'))
			return true;
	return false;
}

/* ---- one part: the template and its translations ---- */

static void msgfmt_check(const char *path, struct report *r)
{
	char cmd[1200], out[1024] = "";
	snprintf(cmd, sizeof(cmd), "msgfmt --check -o /dev/null '%s' 2>&1", path);
	FILE *p = popen(cmd, "r");
	if (!p) {
		problem(r, "%s: cannot run msgfmt", path);
		return;
	}
	size_t n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	int status = pclose(p);
	if (status != 0)
		problem(r, "%s: msgfmt --check fails (exit %d; install gettext): %s", path, status, out);
}

static const char *const translations[] = {"zh_Hant.po", "en.po"};
static const char *const languages[] = {"zh_Hant", "en"}; /* what the header's Language starts with */

static void check_translation(const char *dir, const struct cat *pot, int t, struct report *r)
{
	char path[1024];
	struct cat po;
	if (snprintf(path, sizeof(path), "%s/%s", dir, translations[t]) >= (int)sizeof(path)) {
		problem(r, "%s: path too long", dir);
		return;
	}
	if (access(path, F_OK) != 0) {
		problem(r, "%s: missing (every part has zh_Hant.po and en.po)", path);
		return;
	}
	if (!cat_load(&po, path, r))
		goto out;
	if (strncmp(po.language, languages[t], strlen(languages[t])) != 0)
		problem(r, "%s: the header says Language: %s, expected %s…", path, po.language, languages[t]);
	if (!strstr(po.plural, "nplurals=1"))
		problem(r, "%s: the header has no Plural-Forms: nplurals=1; plural=0;", path);
	for (size_t i = 0; i < pot->len; i++) {
		const struct item *src = &pot->items[i];
		const struct item *tr = cat_find(&po, src->key);
		char want[512], got[512];
		if (!tr) {
			problem(r, "%s: [%s] is missing", path, src->key);
			continue;
		}
		if (strcmp(tr->msgid, src->msgid) != 0)
			problem(r, "%s:%d: [%s] translates an older text: msgid is not the template's \"%s\"", path, tr->line,
				src->key, src->msgid);
		if (tr->fuzzy)
			problem(r, "%s:%d: [%s] is fuzzy (a translator has to check it)", path, tr->line, src->key);
		if (!tr->msgstr[0]) {
			problem(r, "%s:%d: [%s] is not translated (empty msgstr)", path, tr->line, src->key);
			continue;
		}
		holes_of(src->msgid, want, sizeof(want));
		holes_of(tr->msgstr, got, sizeof(got));
		if (strcmp(want, got) != 0)
			problem(r, "%s:%d: [%s] has the holes {%s}, the source has {%s}", path, tr->line, src->key, got, want);
		if (want[0] && !(src->brace && tr->brace))
			problem(r, "%s:%d: [%s] has {holes} but is not flagged python-brace-format here and in the template",
				path, tr->line, src->key);
		/* keep-chinese: English shows the Chinese (icons, language names, Chinese voice samples). */
		bool keep = has_flag(src->flags, "keep-chinese");
		if (t == 1 && keep && strcmp(tr->msgstr, src->msgid) != 0)
			problem(r, "%s:%d: [%s] is flagged keep-chinese but its English differs from the zh-Hans text", path,
				tr->line, src->key);
		if (t == 1 && !keep && has_han(tr->msgstr))
			problem(r, "%s:%d: [%s] has Chinese in the English text (flag it keep-chinese if that is meant)", path,
				tr->line, src->key);
	}
	for (size_t i = 0; i < po.len; i++)
		if (!cat_find(pot, po.items[i].key))
			problem(r, "%s:%d: [%s] is not in the template (remove it, or keep it as an obsolete #~ entry)",
				path, po.items[i].line, po.items[i].key);
	msgfmt_check(path, r);
out:
	cat_free(&po);
}

static void check_part(const char *dir, struct keyset *keys, struct report *r)
{
	struct dirent **names = NULL;
	int count = scandir(dir, &names, NULL, alphasort), templates = 0;
	for (int i = 0; i < count; i++) {
		const char *name = names[i]->d_name;
		size_t n = strlen(name);
		char path[1024];
		if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
			problem(r, "%s/%s: path too long", dir, name);
			continue;
		}
		if (n > 4 && strcmp(name + n - 4, ".pot") == 0) {
			struct cat pot;
			templates++;
			if (cat_load(&pot, path, r)) {
				for (size_t k = 0; k < pot.len; k++) {
					const struct item *it = &pot.items[k];
					if (!it->key[0])
						problem(r, "%s:%d: an entry without msgctxt", path, it->line);
					if (it->msgstr[0])
						problem(r, "%s:%d: [%s] a template's msgstr stays empty", path, it->line, it->key);
					for (size_t j = 0; j < keys->len; j++)
						if (strcmp(keys->keys[j], it->key) == 0)
							problem(r, "%s:%d: [%s] is defined twice", path, it->line, it->key);
					keyset_add(keys, it->key);
				}
				for (int t = 0; t < 2; t++)
					check_translation(dir, &pot, t, r);
			}
			cat_free(&pot);
		} else if (n > 3 && strcmp(name + n - 3, ".po") == 0 && strcmp(name, "zh_Hant.po") != 0 &&
			   strcmp(name, "en.po") != 0) {
			problem(r, "%s: not a language of the kiosk (zh_Hant.po, en.po)", path);
		}
	}
	if (templates != 1)
		problem(r, "%s: %d templates (*.pot), expected one", dir, templates);
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

/* ---- the keys the code asks for ---- */

enum tok_kind { TOK_IDENT, TOK_STRING, TOK_PUNCT };

struct tok {
	enum tok_kind kind;
	char text[128];
	int line;
};

struct toks {
	struct tok *v;
	size_t len, cap;
};

static void tok_push(struct toks *t, enum tok_kind kind, const char *s, size_t n, int line)
{
	if (t->len == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->v = realloc(t->v, t->cap * sizeof(*t->v));
		if (!t->v)
			abort();
	}
	struct tok *k = &t->v[t->len++];
	k->kind = kind;
	k->line = line;
	snprintf(k->text, sizeof(k->text), "%.*s", (int)(n < sizeof(k->text) ? n : sizeof(k->text) - 1), s);
}

/* C tokens, enough to follow calls and initialisers: comments, preprocessor lines and character
 * constants are skipped; escapes in strings are kept as written (keys have none). */
static void tokenize(const char *s, struct toks *t)
{
	int line = 1;
	bool line_start = true;
	while (*s) {
		if (*s == '\n') {
			line++;
			line_start = true;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t' || *s == '\r') {
			s++;
			continue;
		}
		if (line_start && *s == '#') {
			while (*s && (*s != '\n' || s[-1] == '\\')) {
				if (*s == '\n')
					line++;
				s++;
			}
			continue;
		}
		line_start = false;
		if (s[0] == '/' && s[1] == '/') {
			while (*s && *s != '\n')
				s++;
		} else if (s[0] == '/' && s[1] == '*') {
			s += 2;
			while (*s && !(s[0] == '*' && s[1] == '/'))
				line += *s++ == '\n';
			s += *s ? 2 : 0;
		} else if (*s == '"' || *s == '\'') {
			char q = *s++;
			const char *start = s;
			while (*s && *s != q && *s != '\n')
				s += s[0] == '\\' && s[1] ? 2 : 1;
			if (q == '"')
				tok_push(t, TOK_STRING, start, (size_t)(s - start), line);
			s += *s == q;
		} else if (*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
			const char *start = s;
			while (*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))
				s++;
			tok_push(t, TOK_IDENT, start, (size_t)(s - start), line);
		} else if (s[0] == '=' && s[1] == '=') {
			tok_push(t, TOK_PUNCT, s, 2, line);
			s += 2;
		} else {
			tok_push(t, TOK_PUNCT, s, 1, line);
			s++;
		}
	}
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool punct(const struct tok *t, char c)
{
	return t->kind == TOK_PUNCT && t->text[0] == c && t->text[1] == '\0';
}

/* A literal shaped like a key: dotted lower-case words ("charity.review.words"), no format. */
static bool key_shaped(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z') || strchr(s, '%') || !strchr(s, '.'))
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      *p == '-' || *p == '.'))
			return false;
	return s[strlen(s) - 1] != '.';
}

/* Index of the token closing the bracket opened at i (its open/close pair), or len. */
static size_t closing(const struct toks *t, size_t i, char open, char close)
{
	int depth = 0;
	for (size_t j = i; j < t->len; j++) {
		if (punct(&t->v[j], open))
			depth++;
		else if (punct(&t->v[j], close) && --depth == 0)
			return j;
	}
	return t->len;
}

struct scan {
	const struct keyset *keys;
	struct report *r;
	int literals; /* key-shaped literals found in key positions */
};

static void use(struct scan *sc, const char *path, const struct tok *t)
{
	if (t->kind != TOK_STRING || !key_shaped(t->text))
		return;
	sc->literals++;
	if (!keyset_covers(sc->keys, t->text))
		problem(sc->r, "%s:%d: the code asks for [%s], which no template has", path, t->line, t->text);
}

/* The places keys are written in the code: arguments of screen_text/strings_get; initialisers of
 * arrays named *keys; values assigned to variables named key or *_key (outside nested calls); and
 * what functions named *_key return. */
static void scan_tokens(struct scan *sc, const char *path, const struct toks *t)
{
	const char *function = "";
	int braces = 0;
	for (size_t i = 0; i < t->len; i++) {
		const struct tok *k = &t->v[i];
		if (punct(k, '{'))
			braces++;
		else if (punct(k, '}'))
			braces--;
		if (k->kind != TOK_IDENT || i + 1 >= t->len)
			continue;
		const struct tok *next = &t->v[i + 1];
		if (braces == 0 && punct(next, '(')) { /* a function definition starts with its name at file scope */
			size_t close = closing(t, i + 1, '(', ')');
			if (close + 1 < t->len && punct(&t->v[close + 1], '{'))
				function = k->text;
		}
		if ((strcmp(k->text, "screen_text") == 0 || strcmp(k->text, "strings_get") == 0) && punct(next, '(')) {
			size_t close = closing(t, i + 1, '(', ')');
			for (size_t j = i + 2; j < close; j++)
				use(sc, path, &t->v[j]);
		} else if (ends_with(k->text, "keys")) {
			size_t j = i + 1;
			while (j < t->len && punct(&t->v[j], '['))
				j = closing(t, j, '[', ']') + 1;
			if (j + 1 < t->len && punct(&t->v[j], '=') && punct(&t->v[j + 1], '{')) {
				size_t close = closing(t, j + 1, '{', '}');
				for (size_t m = j + 2; m < close; m++)
					use(sc, path, &t->v[m]);
			}
		} else if ((strcmp(k->text, "key") == 0 || ends_with(k->text, "_key")) && punct(next, '=')) {
			int depth = 0;
			for (size_t j = i + 2; j < t->len; j++) {
				const struct tok *v = &t->v[j];
				if (depth == 0 && (punct(v, ';') || punct(v, ',')))
					break;
				if (punct(v, '(') || punct(v, '[') || punct(v, '{'))
					depth++;
				else if (punct(v, ')') || punct(v, ']') || punct(v, '}'))
					depth--;
				if (depth < 0)
					break;
				if (depth == 0)
					use(sc, path, v);
			}
		} else if (strcmp(k->text, "return") == 0 && ends_with(function, "_key")) {
			for (size_t j = i + 1; j < t->len && !punct(&t->v[j], ';'); j++)
				use(sc, path, &t->v[j]);
		}
	}
}

static void scan_dir(struct scan *sc, const char *dir)
{
	struct dirent **names = NULL;
	int count = scandir(dir, &names, NULL, alphasort);
	for (int i = 0; i < count; i++) {
		const char *name = names[i]->d_name;
		char path[1024];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if (name[0] == '.' || stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			scan_dir(sc, path);
		} else if (ends_with(name, ".c")) {
			size_t len;
			char *text = read_file(path, &len);
			struct toks t = {0};
			if (text) {
				tokenize(text, &t);
				scan_tokens(sc, path, &t);
			}
			free(t.v);
			free(text);
		}
	}
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

/* ---- the whole check ---- */

/* Checks the catalogues in i18n against the code under src; returns the number of key literals seen. */
static int check_catalogues(const char *i18n, const char *src, struct report *r)
{
	struct dirent **names = NULL;
	struct keyset keys = {0};
	int count = scandir(i18n, &names, NULL, alphasort), parts = 0;
	if (count < 0)
		problem(r, "%s: cannot be read: %s", i18n, strerror(errno));
	for (int i = 0; i < count; i++) {
		const char *name = names[i]->d_name;
		char path[1024];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", i18n, name);
		if (name[0] == '.' || stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			parts++;
			check_part(path, &keys, r);
		} else if (ends_with(name, ".ini") || ends_with(name, ".po") || ends_with(name, ".pot")) {
			problem(r, "%s: catalogues live in a folder per part (PART/PART.pot, zh_Hant.po, en.po); "
				   ".ini files are the old format (see assets/i18n/README.md)",
				path);
		}
	}
	if (parts == 0)
		problem(r, "%s: no catalogue folder", i18n);
	struct scan sc = {&keys, r, 0};
	scan_dir(&sc, src);
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	keyset_free(&keys);
	return sc.literals;
}

/* ---- broken copies ---- */

static char work[256];

static void copy_tree(const char *from, const char *to)
{
	char cmd[1200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && cp -r '%s' '%s'", to, from, to);
	if (system(cmd) != 0)
		abort();
}

/* Replaces the first occurrence of needle in the file; false when it is not there. */
static bool edit(const char *path, const char *needle, const char *with)
{
	size_t len;
	char *text = read_file(path, &len);
	char *at = text ? strstr(text, needle) : NULL;
	bool ok = at != NULL;
	if (ok) {
		FILE *f = fopen(path, "wb");
		ok = f != NULL;
		if (f) {
			fwrite(text, 1, (size_t)(at - text), f);
			fputs(with, f);
			fputs(at + strlen(needle), f);
			ok = fclose(f) == 0;
		}
	}
	free(text);
	return ok;
}

/* Breaks a fresh copy of the catalogues with edit(file, needle, with) and expects the checker to
 * report something containing expect. */
static void expect_broken(const char *file, const char *needle, const char *with, const char *src,
			  const char *expect)
{
	char copy[512], path[768];
	snprintf(copy, sizeof(copy), "%s/i18n", work);
	copy_tree(TREE "/assets/i18n", copy);
	snprintf(path, sizeof(path), "%s/%s", copy, file);
	if (!CHECK(edit(path, needle, with))) {
		fprintf(stderr, "  %s has no \"%s\" to break\n", file, needle);
		return;
	}
	struct report r = {0, true, "", 0};
	check_catalogues(copy, src, &r);
	if (!CHECK(r.problems > 0 && strstr(r.text, expect) != NULL))
		fprintf(stderr, "  breaking %s (%s) was not reported as \"%s\"; reported:\n%s", file, needle, expect, r.text);
}

static void test_broken_copies(void)
{
	char src[512], path[768];
	/* A source tree of one screen asking for a key no catalogue has. */
	snprintf(src, sizeof(src), "%s/src", work);
	mkdir(src, 0700);
	snprintf(path, sizeof(path), "%s/screen.c", src);
	FILE *f = fopen(path, "w");
	if (!CHECK(f != NULL))
		return;
	fputs("static const char *const tab_keys[] = {\"home.greeting\", \"home.no_such_tab\"};\n"
	      "static const char *state_key(int s)\n{\n\treturn s ? \"gallery.title\" : \"err.nowhere\";\n}\n"
	      "static void draw(void)\n{\n\tconst char *key = s ? \"home.help\" : \"lookup.vanished\";\n"
	      "\tconst char *v = screen_value(ctx, \"bk.not_a_text\");\n"
	      "\tui_text(ui, \"nav.not_a_text_either\", r, screen_text(ctx, ok ? \"home.booking.title\" : \"home.missing\"));\n}\n",
	      f);
	fclose(f);
	struct report r = {0, true, "", 0};
	char copy[512];
	snprintf(copy, sizeof(copy), "%s/i18n", work);
	copy_tree(TREE "/assets/i18n", copy);
	CHECK_INT(check_catalogues(copy, src, &r), 8);
	CHECK(strstr(r.text, "[home.no_such_tab]") && strstr(r.text, "[err.nowhere]") && strstr(r.text, "[lookup.vanished]") &&
	      strstr(r.text, "[home.missing]"));
	CHECK(!strstr(r.text, "bk.not_a_text") && !strstr(r.text, "nav.not_a_text_either") &&
	      !strstr(r.text, "[home.greeting]") && !strstr(r.text, "[gallery.title]") && !strstr(r.text, "[home.help]"));

	const char *kiosk_src = TREE "/kiosk";
	/* An English text emptied, a hole renamed, a guess left fuzzy, an entry dropped. */
	expect_broken("strings/en.po", "msgstr \"Hello. What would you like to do?\"", "msgstr \"\"", kiosk_src,
		      "[home.greeting] is not translated");
	expect_broken("charity/zh_Hant.po", "msgstr \"主辦：{organiser}\"", "msgstr \"主辦：{organizer}\"", kiosk_src,
		      "has the holes {organizer}, the source has {organiser}");
	expect_broken("charity/zh_Hant.po", "msgstr \"主辦：{organiser}\"", "msgstr \"主辦：{organizer}\"", kiosk_src,
		      "msgfmt --check fails");
	expect_broken("strings/zh_Hant.po", "msgctxt \"home.help\"", "#, fuzzy\nmsgctxt \"home.help\"", kiosk_src,
		      "[home.help] is fuzzy");
	expect_broken("assistance/en.po", "msgctxt \"assist.guide.title\"", "msgctxt \"assist.guide.title.gone\"", kiosk_src,
		      "[assist.guide.title] is missing");
	/* The Chinese changed and the translation did not follow. */
	expect_broken("strings/strings.pot", "msgid \"您好，请选择要办理的业务\"", "msgid \"您好，请选择您要办理的业务\"", kiosk_src,
		      "[home.greeting] translates an older text");
	/* English left in Chinese. */
	expect_broken("strings/en.po", "msgstr \"Need help? Please ask the hall staff\"", "msgstr \"需要帮助？\"", kiosk_src,
		      "[home.help] has Chinese in the English text");
	/* A key the code asks for, removed from every file of its part. */
	expect_broken("strings/strings.pot", "msgctxt \"home.greeting\"", "msgctxt \"home.greetings\"", kiosk_src,
		      "the code asks for [home.greeting]");
	/* A malformed file names its line. */
	expect_broken("print/en.po", "msgstr \"", "msgstr \"\\q", kiosk_src, "print/en.po:");
	/* A catalogue of the old format left behind. */
	copy_tree(TREE "/assets/i18n", copy);
	snprintf(path, sizeof(path), "%s/ime.ini", copy);
	f = fopen(path, "w");
	if (CHECK(f != NULL)) {
		fputs("[ime.x]\nzh-Hans = 字\n", f);
		fclose(f);
		struct report r2 = {0, true, "", 0};
		check_catalogues(copy, kiosk_src, &r2);
		CHECK(strstr(r2.text, "ime.ini: catalogues live in a folder per part") != NULL);
	}
}

int main(int argc, char **argv)
{
	const char *i18n = argc > 2 ? argv[1] : TREE "/assets/i18n";
	const char *src = argc > 2 ? argv[2] : TREE "/kiosk";
	struct report r = {0, false, "", 0};
	int literals = check_catalogues(i18n, src, &r);
	if (!CHECK_INT(r.problems, 0))
		fprintf(stderr, "  (the problems above are in %s)\n", i18n);
	/* The scan must see the code's keys at all, or it would pass on nothing. */
	CHECK(literals > 400);
	if (argc > 2)
		return check_exit();
	snprintf(work, sizeof(work), "/tmp/test_catalogs.XXXXXX");
	if (!CHECK(mkdtemp(work) != NULL))
		return check_exit();
	test_broken_copies();
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", work);
	CHECK(system(cmd) == 0);
	return check_exit();
}
