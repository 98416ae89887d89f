/* Configuration parsing and validation against options_table.c (libinih for the INI syntax).
 * A bad file is refused whole: the kiosk never starts on a guess. */
#include "config/config.h"

#include <assert.h>
#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

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

static bool validate(const struct option_def *def, const char *value, char *err, size_t errlen)
{
	size_t len = strlen(value);
	switch (def->type) {
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
		return true;
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
		for (const char *const *c = def->choices; *c; c++) {
			size_t used = strlen(err);
			snprintf(err + used, errlen - used, " %s", *c);
		}
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
	FILE *file;
	int line; /* lines read so far: the line the parser is working on */
	char why[384];
	int why_line;
};

/* fgets for ini_parse_stream that counts lines, so the handler knows where it is. */
static char *read_line(char *buf, int size, void *stream)
{
	struct load_ctx *ctx = stream;
	char *got = fgets(buf, size, ctx->file);
	if (got)
		ctx->line++;
	return got;
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

bool config_load(struct config *cfg, const char *path, char *err, size_t errlen)
{
	struct load_ctx ctx = {.cfg = cfg};
	ctx.file = fopen(path, "r");
	if (!ctx.file) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return false;
	}
	int rc = ini_parse_stream(read_line, &ctx, on_value, &ctx);
	fclose(ctx.file);
	if (rc == 0)
		return true;
	if (rc == -2)
		snprintf(err, errlen, "%s: out of memory while reading", path);
	else if (ctx.why_line == rc)
		snprintf(err, errlen, "%s:%d: %s", path, rc, ctx.why);
	else
		snprintf(err, errlen, "%s:%d: syntax error (expected [section] or key = value)", path, rc);
	return false;
}

static int expect_option(const char *section, const char *name, enum option_type type)
{
	int i = find_option(section, name);
	(void)type; /* only checked by the assertions below */
	assert(i >= 0 && "option not declared in options_table.c");
	assert((options_table[i].type == type ||
		(type == OPTION_STRING && (options_table[i].type == OPTION_ENUM || options_table[i].type == OPTION_URL))) &&
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
		bool secret = strcmp(def->name, "secret") == 0 && cfg->values[i][0];
		fprintf(out, "; %s (default: \"%s\")\n%s = %s\n", def->help, def->default_value, def->name,
			secret ? "(set, not shown)" : cfg->values[i]);
	}
}
