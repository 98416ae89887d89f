/* Configuration parsing and validation against options_table.c (libinih for the INI syntax).
 * A bad file is refused whole: the kiosk never starts on a guess. */
#include "config/config.h"

#include <assert.h>
#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "core/atomic_file.h"
#include "core/secure.h"
#include "idcard/idcard.h"

_Static_assert(sizeof(((struct config *)0)->values) / CONFIG_VALUE_MAX >= 12, "config too small");

static int find_option(const char *section, const char *name)
{
	for (size_t i = 0; i < options_table_len; i++) {
		if (strcmp(options_table[i].section, section) == 0 && strcmp(options_table[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

static bool section_known(const char *section)
{
	for (size_t i = 0; i < options_table_len; i++) {
		if (strcmp(options_table[i].section, section) == 0)
			return true;
	}
	return false;
}

static bool parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "1"};
	static const char *const no[] = {"false", "no", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcmp(v, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool in_choices(const struct option_def *def, const char *word, size_t len)
{
	for (const char *const *c = def->choices; *c; c++) {
		if (strlen(*c) == len && strncmp(*c, word, len) == 0)
			return true;
	}
	return false;
}

static void list_choices(const struct option_def *def, char *err, size_t errlen)
{
	for (const char *const *c = def->choices; *c; c++) {
		size_t used = strlen(err);
		snprintf(err + used, errlen - used, " %s", *c);
	}
}

/* A set of distinct choices separated by single spaces. */
static bool validate_list(const struct option_def *def, const char *value, char *err, size_t errlen)
{
	const char *p = value;
	while (*p) {
		size_t len = strcspn(p, " ");
		bool repeated = false;
		for (const char *q = value; q < p; q += strcspn(q, " ") + 1)
			repeated = repeated || (strcspn(q, " ") == len && strncmp(q, p, len) == 0);
		if (len == 0 || !in_choices(def, p, len) || repeated) {
			snprintf(err, errlen, "must be distinct words of");
			list_choices(def, err, errlen);
			snprintf(err + strlen(err), errlen - strlen(err), ", separated by spaces");
			return false;
		}
		p += len;
		if (*p == ' ')
			p++;
	}
	if ((long)strlen(value) < def->min) {
		snprintf(err, errlen, "must name at least one of");
		list_choices(def, err, errlen);
		return false;
	}
	return true;
}

/* Options whose text has a syntax of its own, checked by the module that reads it. */
static const struct {
	const char *section, *name;
	bool (*check)(const char *value, char *err, size_t errlen);
} syntax_checks[] = {
	{"idcard", "reader", idcard_spec_check},
};

static bool check_syntax(const struct option_def *def, const char *value, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof(syntax_checks) / sizeof(syntax_checks[0]); i++) {
		if (strcmp(syntax_checks[i].section, def->section) == 0 && strcmp(syntax_checks[i].name, def->name) == 0)
			return syntax_checks[i].check(value, err, errlen);
	}
	return true;
}

static bool validate(const struct option_def *def, const char *value, char *err, size_t errlen)
{
	size_t len = strlen(value);
	for (const char *c = value; *c; c++) {
		if ((unsigned char)*c < 0x20 || *c == 0x7f) { /* a line break would end the INI line */
			snprintf(err, errlen, "must not contain control characters");
			return false;
		}
	}
	switch (def->type) {
	case OPTION_LIST:
		return validate_list(def, value, err, errlen);
	case OPTION_STRING:
	case OPTION_URL:
		if ((long)len < def->min || (long)len > def->max) {
			snprintf(err, errlen, "length must be %ld to %ld bytes, got %zu", def->min, def->max, len);
			return false;
		}
		if (def->type == OPTION_URL && len > 0 && strncmp(value, "https://", 8) != 0 &&
		    strncmp(value, "http://", 7) != 0) {
			snprintf(err, errlen, "must start with https:// or http://");
			return false;
		}
		return check_syntax(def, value, err, errlen);
	case OPTION_INT: {
		char *end = NULL;
		errno = 0;
		long v = strtol(value, &end, 10);
		if (len == 0 || errno != 0 || *end != '\0') {
			snprintf(err, errlen, "must be a whole number, got \"%.40s\"", value);
			return false;
		}
		if (v < def->min || v > def->max) {
			snprintf(err, errlen, "must be between %ld and %ld, got %ld", def->min, def->max, v);
			return false;
		}
		return true;
	}
	case OPTION_BOOL: {
		bool b;
		if (!parse_bool(value, &b)) {
			snprintf(err, errlen, "must be true or false, got \"%.40s\"", value);
			return false;
		}
		return true;
	}
	case OPTION_ENUM:
		for (const char *const *c = def->choices; *c; c++) {
			if (strcmp(*c, value) == 0)
				return true;
		}
		snprintf(err, errlen, "must be one of");
		list_choices(def, err, errlen);
		return false;
	}
	return false;
}

void config_init(struct config *cfg)
{
	assert(options_table_len <= sizeof(cfg->values) / sizeof(cfg->values[0]));
	memset(cfg, 0, sizeof(*cfg));
	for (size_t i = 0; i < options_table_len; i++)
		snprintf(cfg->values[i], CONFIG_VALUE_MAX, "%s", options_table[i].default_value);
}

bool config_set(struct config *cfg, const char *section, const char *name, const char *value, char *err,
		size_t errlen)
{
	int i = find_option(section, name);
	if (i < 0) {
		snprintf(err, errlen, section_known(section) ? "unknown key" : "unknown section");
		return false;
	}
	if (!validate(&options_table[i], value, err, errlen))
		return false;
	snprintf(cfg->values[i], CONFIG_VALUE_MAX, "%s", value);
	return true;
}

struct load_ctx {
	struct config *cfg;
	const char *at, *end; /* what is left of the text */
	int line; /* lines read so far: the line the parser is working on */
	char why[384];
	int why_line;
};

/* fgets over the text for ini_parse_stream (a line, its '\n' included, cut at size - 1 bytes), counting
 * lines so the handler knows where it is. */
static char *read_line(char *buf, int size, void *stream)
{
	struct load_ctx *ctx = stream;
	if (ctx->at >= ctx->end || size < 2)
		return NULL;
	size_t n = 0, max = (size_t)size - 1;
	while (n < max && ctx->at + n < ctx->end && ctx->at[n++] != '\n')
		;
	memcpy(buf, ctx->at, n);
	buf[n] = '\0';
	ctx->at += n;
	ctx->line++;
	return buf;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct load_ctx *ctx = user;
	char why[256];
	if (!config_set(ctx->cfg, section, name, value, why, sizeof(why))) {
		if (!ctx->why_line) {
			snprintf(ctx->why, sizeof(ctx->why), "[%s] %s: %s", section, name, why);
			ctx->why_line = ctx->line;
		}
		return 0;
	}
	ctx->cfg->source_line[find_option(section, name)] = ctx->line;
	return 1;
}

static bool ini_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The lines libinih (Debian's build: 200-byte line buffer, continuation lines on) would read otherwise
 * than the file shows, refused with their line number: a longer line is cut in two and its tail read
 * as a line of its own, an indented line continues the value of the key above it, a NUL ends a line
 * early. The configuration writer (config_file.c) then sees exactly the lines the kiosk reads. Found
 * by fuzz/fuzz_config. Returns 0, or the line and why. */
static int check_lines(const char *text, size_t len, char *why, size_t whylen)
{
	int line = 0;
	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		line++;
		if (memchr(p, '\0', (size_t)(e - p))) {
			snprintf(why, whylen, "a NUL byte: not a text file");
			return line;
		}
		if (e - p > INI_MAX_LINE - 2) {
			snprintf(why, whylen, "line longer than %d bytes", INI_MAX_LINE - 2);
			return line;
		}
		const char *t = p;
		while (t < e && ini_space(*t))
			t++;
		if (t > p && t < e && *t != ';' && *t != '#') {
			snprintf(why, whylen, "an indented line (it would continue the value above it): remove the "
					      "spaces at its start");
			return line;
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

bool config_load_text(struct config *cfg, const char *name, const char *text, size_t len, char *err, size_t errlen)
{
	char line_why[128];
	int bad = check_lines(text, len, line_why, sizeof(line_why));
	if (bad) {
		snprintf(err, errlen, "%s:%d: %s", name, bad, line_why);
		return false;
	}
	struct load_ctx ctx = {.cfg = cfg, .at = text, .end = text + len};
	int rc = ini_parse_stream(read_line, &ctx, on_value, &ctx);
	if (rc == 0) {
		char why[384];
		if (config_check(cfg, why, sizeof(why)))
			return true;
		snprintf(err, errlen, "%s: %s", name, why);
		return false;
	}
	if (rc == -2)
		snprintf(err, errlen, "%s: out of memory while reading", name);
	else if (ctx.why_line == rc)
		snprintf(err, errlen, "%s:%d: %s", name, rc, ctx.why);
	else
		snprintf(err, errlen, "%s:%d: syntax error (expected [section] or key = value)", name, rc);
	return false;
}

bool config_load(struct config *cfg, const char *path, char *err, size_t errlen)
{
	size_t len = 0;
	char *text = atomic_file_read(path, CONFIG_FILE_MAX, &len);
	if (!text) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
			 errno == EFBIG ? "larger than 256 KiB" : strerror(errno));
		return false;
	}
	bool ok = config_load_text(cfg, path, text, len, err, errlen);
	secure_wipe(text, len); /* it holds the backend secret */
	free(text);
	return ok;
}

static int expect_option(const char *section, const char *name, enum option_type type)
{
	int i = find_option(section, name);
	(void)type; /* only checked by the assertions below */
	assert(i >= 0 && "option not declared in options_table.c");
	assert((options_table[i].type == type ||
		(type == OPTION_STRING && (options_table[i].type == OPTION_ENUM || options_table[i].type == OPTION_URL ||
					   options_table[i].type == OPTION_LIST))) &&
	       "option read with the wrong type");
	return i;
}

const char *config_str(const struct config *cfg, const char *section, const char *name)
{
	return cfg->values[expect_option(section, name, OPTION_STRING)];
}

long config_int(const struct config *cfg, const char *section, const char *name)
{
	return strtol(cfg->values[expect_option(section, name, OPTION_INT)], NULL, 10);
}

bool config_bool(const struct config *cfg, const char *section, const char *name)
{
	bool b = false;
	parse_bool(cfg->values[expect_option(section, name, OPTION_BOOL)], &b);
	return b;
}

void config_print(const struct config *cfg, FILE *out)
{
	const char *section = "";
	for (size_t i = 0; i < options_table_len; i++) {
		const struct option_def *def = &options_table[i];
		if (strcmp(section, def->section) != 0) {
			section = def->section;
			fprintf(out, "%s[%s]\n", i ? "\n" : "", section);
		}
		bool secret = config_is_secret(def) && cfg->values[i][0];
		fprintf(out, "; %s (default: \"%s\")\n%s = %s\n", def->help, def->default_value, def->name,
			secret ? "(set, not shown)" : cfg->values[i]);
	}
}

bool config_check(const struct config *cfg, char *err, size_t errlen)
{
	/* The language a new visitor sees must be one the kiosk offers. */
	const char *lang = config_str(cfg, "kiosk", "language");
	const char *offered = config_str(cfg, "kiosk", "languages");
	size_t len = strlen(lang);
	for (const char *p = offered; *p; p += strcspn(p, " "), p += *p == ' ') {
		if (strcspn(p, " ") == len && strncmp(p, lang, len) == 0)
			return true;
	}
	snprintf(err, errlen, "[kiosk] languages: must include the default language %s", lang);
	return false;
}

const struct option_def *config_option(const char *section, const char *name)
{
	int i = find_option(section, name);
	return i < 0 ? NULL : &options_table[i];
}

const char *config_value(const struct config *cfg, const char *section, const char *name)
{
	int i = find_option(section, name);
	return i < 0 ? NULL : cfg->values[i];
}

bool config_is_secret(const struct option_def *def)
{
	return (strcmp(def->section, "backend") == 0 && strcmp(def->name, "secret") == 0) ||
	       (strcmp(def->section, "staff") == 0 && strcmp(def->name, "pin_hash") == 0);
}
