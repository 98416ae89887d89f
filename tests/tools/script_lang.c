/* script_lang LANG I18N_DIR < SCENARIO > SCENARIO_IN_LANG
 * rewrites a scenario written against the zh-Hans interface for a kiosk that starts in LANG (zh-Hant or
 * en), so the same walk through a service runs, and is swept, in every language. Each quoted text of a
 * command ("TEXT" or #id="TEXT") is looked up among the texts of the catalogues (in any of the three
 * languages; a text without Chinese that is not there, a number or masked data, stays): a whole text
 * ("预约已确认") becomes its translation; a text made from a template ("第 1 步，共 6 步" from
 * "第 {step} 步，共 {steps} 步") becomes the translated template with the same values; a decoration the
 * widgets add in front ("⚠ ", "✓ ") is kept. What cannot be translated (part of a sentence, a name from
 * the backend) is handled by what the command is for: a check that something is absent stays as it is
 * (still true, and it guards personal data), while one for an interface text becomes a comment (it was
 * about a language switch the walk no longer makes); a check that something is present becomes a comment; a
 * wait for a text becomes a pause as long as its limit; a tap on a text that cannot be translated is an
 * error (exit 3), since the walk would go elsewhere. A tap on a language switch taps LANG's, so the walk
 * stays in LANG (switching is tested by lang_switch.script). Ids, screens and typing are the same in
 * every language. Exit 2 on bad arguments or unreadable catalogues. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/po_parse.h"

/* One catalogue text in zh-Hans, zh-Hant and en (NULL: not translated). */
struct pair {
	char *key, *text[3];
};

static struct pair *pairs;
static size_t pair_count, pair_cap;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *grown = realloc(buf, cap *= 2);
			if (!grown)
				free(buf);
			buf = grown;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static int on_template(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	(void)ctx;
	(void)err;
	(void)errlen;
	if (!e->msgctxt)
		return 0;
	if (pair_count == pair_cap) {
		pair_cap = pair_cap ? pair_cap * 2 : 1024;
		pairs = realloc(pairs, pair_cap * sizeof(*pairs));
		if (!pairs)
			return -2;
	}
	pairs[pair_count++] = (struct pair){strdup(e->msgctxt), {strdup(e->msgid), NULL, NULL}};
	return 0;
}

static int on_translation(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	int lang = *(const int *)ctx;
	(void)err;
	(void)errlen;
	if (!e->msgctxt || e->fuzzy || !e->msgstr[0])
		return 0;
	for (size_t i = 0; i < pair_count; i++)
		if (strcmp(pairs[i].key, e->msgctxt) == 0 && strcmp(pairs[i].text[0], e->msgid) == 0 && !pairs[i].text[lang])
			pairs[i].text[lang] = strdup(e->msgstr);
	return 0;
}

static bool load(const char *path, po_entry_fn fn, int lang)
{
	size_t len;
	char err[256];
	char *text = slurp(path, &len);
	if (!text)
		return false;
	int rc = po_parse(text, len, fn, &lang, err, sizeof(err));
	free(text);
	if (rc != 0)
		fprintf(stderr, "script_lang: %s:%s\n", path, err);
	return rc == 0;
}

/* Every PART/PART.pot, then PART/zh_Hant.po and PART/en.po. */
static bool load_catalogues(const char *dir)
{
	static const char *const files[3] = {"", "zh_Hant", "en"};
	struct dirent **names = NULL;
	int count = scandir(dir, &names, NULL, alphasort);
	bool ok = count > 0;
	for (int pass = 0; ok && pass < 3; pass++) {
		for (int i = 0; ok && i < count; i++) {
			char path[1024];
			struct stat st;
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			if (names[i]->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s.%s", dir, names[i]->d_name, pass == 0 ? names[i]->d_name : files[pass],
				 pass == 0 ? "pot" : "po");
			ok = load(path, pass == 0 ? on_template : on_translation, pass);
		}
	}
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
	return ok;
}

/* ---- matching a text against a template ---- */

#define HOLES 8

struct capture {
	char name[HOLES][32];
	const char *at[HOLES];
	size_t len[HOLES];
	int n;
};

/* Matches text against pattern (with {name} holes, each at least one byte). */
static bool match(const char *pat, const char *text, struct capture *c)
{
	if (*pat == '\0')
		return *text == '\0';
	if (*pat == '{') {
		const char *close = strchr(pat, '}');
		size_t k = close ? (size_t)(close - pat - 1) : 0;
		if (close && k > 0 && k < 32 && c->n < HOLES) {
			int i = c->n++;
			snprintf(c->name[i], sizeof(c->name[i]), "%.*s", (int)k, pat + 1);
			c->at[i] = text;
			for (size_t n = 1; n <= strlen(text); n++) {
				c->len[i] = n;
				if (match(close + 1, text + n, c))
					return true;
			}
			c->n--;
			return false;
		}
	}
	return *pat == *text && match(pat + 1, text + 1, c);
}

/* Fills the holes of tmpl with the captured values into out. */
static void fill(const char *tmpl, const struct capture *c, char *out, size_t len)
{
	size_t o = 0;
	for (const char *p = tmpl; *p && o + 1 < len;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		int hole = -1;
		for (int i = 0; close && i < c->n; i++)
			if (strlen(c->name[i]) == (size_t)(close - p - 1) && strncmp(c->name[i], p + 1, (size_t)(close - p - 1)) == 0)
				hole = i;
		if (hole >= 0) {
			size_t n = c->len[hole] < len - o - 1 ? c->len[hole] : len - o - 1;
			memcpy(out + o, c->at[hole], n);
			o += n;
			p = close + 1;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
}

/* The text in the target language (0 zh-Hans, 1 zh-Hant, 2 en) of text, written in any of the three,
 * into out; false when there is none, or more than one that differ. */
static bool translate(const char *text, int target, char *out, size_t len)
{
	static const char *const decorations[] = {"⚠ ", "✓ ", "ⓘ ", ""};
	for (int d = 0; d < 4; d++) {
		size_t k = strlen(decorations[d]);
		if (strncmp(text, decorations[d], k) != 0)
			continue;
		const char *body = text + k;
		char found[2048] = "", candidate[2048];
		int distinct = 0;
		size_t best = 0; /* a template's fixed part: the longest that matches is the one meant */
		/* Whole texts before templates; the scenario's own zh-Hans before the other two languages. */
		for (int round = 0; round < 4 && distinct == 0; round++) {
			int templates = round % 2;
			for (size_t i = 0; i < pair_count; i++) {
				const char *to = pairs[i].text[target];
				if (!to)
					continue;
				for (int from = round < 2 ? 0 : 1; from < (round < 2 ? 1 : 3); from++) {
					const char *src = pairs[i].text[from];
					size_t fixed = 0;
					if (!src)
						continue;
					if (!templates && strcmp(src, body) == 0) {
						snprintf(candidate, sizeof(candidate), "%s%s", decorations[d], to);
					} else if (templates && strchr(src, '{')) {
						struct capture c = {.n = 0};
						if (!match(src, body, &c))
							continue;
						/* the fixed part, spaces aside: "{day} {month} {year}" would match anything */
						fixed = strlen(src) - (size_t)c.n * 2;
						for (int h = 0; h < c.n; h++)
							fixed -= strlen(c.name[h]);
						for (const char *q = src; *q; q++)
							fixed -= *q == ' ';
						if ((long)fixed <= 0 || fixed < best)
							continue;
						if (fixed > best)
							distinct = 0;
						best = fixed;
						char filled[2048];
						fill(to, &c, filled, sizeof(filled));
						snprintf(candidate, sizeof(candidate), "%s%s", decorations[d], filled);
					} else {
						continue;
					}
					if (distinct == 0 || strcmp(found, candidate) != 0) {
						distinct++;
						snprintf(found, sizeof(found), "%s", candidate);
					}
				}
			}
		}
		if (distinct == 1) {
			snprintf(out, len, "%s", found);
			return true;
		}
		if (distinct > 1)
			return false;
	}
	return false;
}

/* True when text has Chinese characters: without any it is the same in every language (numbers,
 * masked data, a system's message). */
static bool has_han(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p >= 0xE3 && *p <= 0xE9) /* the lead bytes of U+3000..U+9FFF */
			return true;
	return false;
}

/* ---- the script ---- */

enum policy { KEEP, COMMENT, PAUSE, REFUSE };

static enum policy untranslated(const char *cmd)
{
	if (!strcmp(cmd, "expect-not") || !strcmp(cmd, "expect-not-contains"))
		return KEEP;
	if (!strcmp(cmd, "wait-for"))
		return PAUSE;
	if (!strcmp(cmd, "tap") || !strcmp(cmd, "touch"))
		return REFUSE;
	return COMMENT;
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "zh-Hant") != 0 && strcmp(argv[1], "en") != 0)) {
		fprintf(stderr, "usage: script_lang zh-Hant|en I18N_DIR < SCENARIO > SCENARIO\n");
		return 2;
	}
	int target = strcmp(argv[1], "en") == 0 ? 2 : 1;
	if (!load_catalogues(argv[2])) {
		fprintf(stderr, "script_lang: cannot read the catalogues in %s\n", argv[2]);
		return 2;
	}
	char line[1100];
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof(line), stdin)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		/* [standard: |large: ]COMMAND ARGS */
		char *cmd = line;
		if (!strncmp(cmd, "standard: ", 10) || !strncmp(cmd, "large: ", 7))
			cmd = strchr(cmd, ' ') + 1;
		/* The walk stays in LANG: a tap on another language's switch taps this one's. */
		char *lang_tap = strstr(cmd, "#lang.");
		if (lang_tap && (!strncmp(cmd, "tap ", 4) || !strncmp(cmd, "touch ", 6))) {
			printf("%.*s#lang.%s\n", (int)(lang_tap - line), line, argv[1]);
			continue;
		}
		char *open = strchr(cmd, '"'), *close = open ? strrchr(open + 1, '"') : NULL;
		if (line[0] == '#' || !open || !close) {
			puts(line);
			continue;
		}
		char name[32];
		snprintf(name, sizeof(name), "%.*s", (int)strcspn(cmd, " "), cmd);
		char text[1024], shown[2048];
		snprintf(text, sizeof(text), "%.*s", (int)(close - open - 1), open + 1);
		bool absent = !strcmp(name, "expect-not") || !strcmp(name, "expect-not-contains");
		if (translate(text, target, shown, sizeof(shown))) {
			if (absent) { /* about the walk, which the language taps changed: no longer meant */
				printf("# (language pass) %s\n", line);
				continue;
			}
			printf("%.*s\"%s\"%s\n", (int)(open - line), line, shown, close + 1);
			continue;
		}
		if (!has_han(text)) { /* not a catalogue text, and the same in every language */
			puts(line);
			continue;
		}
		switch (untranslated(name)) {
		case KEEP:
			puts(line);
			break;
		case COMMENT:
			printf("# (no translation) %s\n", line);
			break;
		case PAUSE: {
			const char *ms = close + 1 + strspn(close + 1, " ");
			printf("%.*spause %s\n", (int)(cmd - line), line, *ms ? ms : "1000");
			break;
		}
		case REFUSE:
			fprintf(stderr, "script_lang: line %d: cannot translate the text to tap: %s\n", lineno, text);
			rc = 3;
			break;
		}
	}
	for (size_t i = 0; i < pair_count; i++) {
		free(pairs[i].key);
		for (int l = 0; l < 3; l++)
			free(pairs[i].text[l]);
	}
	free(pairs);
	return rc;
}
