/* Staff and fleet settings; see staff_settings.h. Depends on config/, libinih (reading the override
 * file), cJSON (remote documents), core/atomic_file.h and staff/audit.h.
 * Limits: at most OVERRIDES_MAX overridden keys (every editable one fits); one INI line holds at most
 * LINE_MAX_BYTES bytes (libinih's line buffer is 200), so longer values are refused, not cut. */
#include "staff/staff_settings.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/atomic_file.h"
#include "core/log.h"
#include "core/utf8.h"
#include "staff/audit.h"

#define OVERRIDES_MAX 48
#define LINE_MAX_BYTES 190
#define FILE_MAX (OVERRIDES_MAX * 256 + 1024)
#define VERSION_PREFIX "; settings_version = "

const struct staff_setting staff_settings[] = {
	{"kiosk", "hall_name", EDITOR_TEXT, 0},
	{"kiosk", "location", EDITOR_TEXT, 0},
	{"kiosk", "attract_text", EDITOR_TEXT, 0},
	{"kiosk", "language", EDITOR_CHOICE, SETTING_EFFECT_NEXT_SESSION},
	{"kiosk", "languages", EDITOR_LANGUAGES, 0},
	{"kiosk", "theme", EDITOR_CHOICE, SETTING_EFFECT_NEXT_SESSION},
	{"booking", "office", EDITOR_OFFICE, 0},
	{"booking", "services", EDITOR_SERVICES, 0},
	{"booking", "window_days", EDITOR_NUMBER, SETTING_EFFECT_BOOKING},
	{"session", "idle_timeout", EDITOR_NUMBER, 0},
	{"session", "idle_timeout_large", EDITOR_NUMBER, 0},
	{"session", "warning_countdown", EDITOR_NUMBER, 0},
	{"staff", "idle_timeout", EDITOR_NUMBER, 0},
	{"staff", "allow_exit", EDITOR_SWITCH, 0},
	{"printer", "enabled", EDITOR_SWITCH, 0},
	{"backend", "url", EDITOR_TEXT, SETTING_EFFECT_SYNC},
	{"backend", "ca_file", EDITOR_TEXT, SETTING_EFFECT_SYNC},
	{"sync", "reference_refresh", EDITOR_NUMBER, SETTING_EFFECT_SYNC},
	{"sync", "heartbeat", EDITOR_NUMBER, SETTING_EFFECT_SYNC},
	{"sync", "retry_max", EDITOR_NUMBER, SETTING_EFFECT_SYNC},
	{"store", "retention_days", EDITOR_NUMBER, SETTING_EFFECT_SYNC},
};

const size_t staff_settings_count = sizeof(staff_settings) / sizeof(staff_settings[0]);

struct override {
	char section[24], name[32];
	char value[CONFIG_VALUE_MAX];
};

struct overrides {
	int count, version;
	struct override items[OVERRIDES_MAX];
};

const struct staff_setting *staff_setting_find(const char *section, const char *name)
{
	for (size_t i = 0; i < staff_settings_count; i++) {
		if (strcmp(staff_settings[i].section, section) == 0 && strcmp(staff_settings[i].name, name) == 0)
			return &staff_settings[i];
	}
	return NULL;
}

__attribute__((format(printf, 3, 4))) static void say(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
}

enum setting_problem staff_setting_check(const struct config *cfg, const char *section, const char *name,
					 const char *value, char *why, size_t whylen)
{
	const struct option_def *def = config_option(section, name);
	if (!def) {
		say(why, whylen, "[%s] %s: unknown key", section, name);
		return SETTING_UNKNOWN;
	}
	if (config_is_secret(def)) {
		say(why, whylen, "[%s] %s: a secret, never changeable here", section, name);
		return SETTING_SECRET;
	}
	if (!staff_setting_find(section, name)) {
		say(why, whylen, "[%s] %s: not changeable here (set it in the configuration file)", section, name);
		return SETTING_NOT_EDITABLE;
	}
	char reason[200];
	struct config *scratch = malloc(sizeof(*scratch));
	if (!scratch) {
		snprintf(why, whylen, "out of memory");
		return SETTING_NOT_SAVED;
	}
	*scratch = *cfg;
	enum setting_problem p = SETTING_OK;
	if (!config_set(scratch, section, name, value, reason, sizeof(reason))) {
		snprintf(why, whylen, "[%s] %s: %s", section, name, reason);
		switch (def->type) {
		case OPTION_INT:
			p = SETTING_RANGE;
			break;
		case OPTION_URL:
			p = strstr(reason, "length") ? SETTING_LENGTH : strstr(reason, "control") ? SETTING_CHARS : SETTING_FORMAT;
			break;
		case OPTION_STRING:
			p = strstr(reason, "control") ? SETTING_CHARS : SETTING_LENGTH;
			break;
		default:
			p = SETTING_CHOICE;
			break;
		}
	} else if (strchr(value, ';')) {
		say(why, whylen, "[%s] %s: must not contain ';' (it starts a comment in the settings file)", section, name);
		p = SETTING_CHARS;
	} else if (strlen(name) + 3 + strlen(value) > LINE_MAX_BYTES) {
		snprintf(why, whylen, "[%s] %s: too long for one line of the settings file (%d bytes)", section, name,
			 LINE_MAX_BYTES);
		p = SETTING_LENGTH;
	} else if (value[0] == ' ' || (value[0] && value[strlen(value) - 1] == ' ')) {
		say(why, whylen, "[%s] %s: must not start or end with a space", section, name);
		p = SETTING_CHARS;
	}
	free(scratch);
	return p;
}

/* ---- the override file ---- */

static void file_path(const char *data_dir, char *out, size_t len)
{
	snprintf(out, len, "%s/settings.ini", data_dir);
}

static bool overrides_put(struct overrides *o, const char *section, const char *name, const char *value)
{
	for (int i = 0; i < o->count; i++) {
		if (strcmp(o->items[i].section, section) == 0 && strcmp(o->items[i].name, name) == 0) {
			snprintf(o->items[i].value, sizeof(o->items[i].value), "%s", value);
			return true;
		}
	}
	if (o->count >= OVERRIDES_MAX)
		return false;
	struct override *it = &o->items[o->count++];
	snprintf(it->section, sizeof(it->section), "%s", section);
	snprintf(it->name, sizeof(it->name), "%s", name);
	snprintf(it->value, sizeof(it->value), "%s", value);
	return true;
}

struct read_ctx {
	struct overrides *o;
	bool bad;
	char why[256];
};

static int on_override(void *user, const char *section, const char *name, const char *value)
{
	struct read_ctx *ctx = user;
	if (!staff_setting_find(section, name) || !overrides_put(ctx->o, section, name, value)) {
		snprintf(ctx->why, sizeof(ctx->why), "[%s] %s: not a setting staff mode keeps", section, name);
		ctx->bad = true;
		return 0;
	}
	return 1;
}

/* Reads the override file into o (empty when absent); false with why when it is unreadable or bad. */
static bool overrides_read(const char *data_dir, struct overrides *o, char *why, size_t whylen)
{
	char path[1100];
	memset(o, 0, sizeof(*o));
	file_path(data_dir, path, sizeof(path));
	char *text = atomic_file_read(path, FILE_MAX, NULL);
	if (!text) {
		if (errno == ENOENT)
			return true;
		snprintf(why, whylen, "%.300s: cannot read: %s", path, strerror(errno));
		return false;
	}
	for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, VERSION_PREFIX, strlen(VERSION_PREFIX)) == 0)
			o->version = atoi(line + strlen(VERSION_PREFIX));
	}
	struct read_ctx ctx = {.o = o};
	int rc = ini_parse_string(text, on_override, &ctx);
	free(text);
	if (rc != 0) {
		snprintf(why, whylen, "%.200s:%d: %s", path, rc, ctx.bad ? ctx.why : "syntax error");
		return false;
	}
	if (o->version < 0)
		o->version = 0;
	return true;
}

static bool overrides_write(const char *data_dir, const struct overrides *o, char *why, size_t whylen)
{
	char path[1100];
	size_t cap = FILE_MAX, used = 0;
	char *text = malloc(cap);
	if (!text) {
		snprintf(why, whylen, "out of memory");
		return false;
	}
	used += (size_t)snprintf(text + used, cap - used,
				 "; Settings changed on this kiosk in staff mode or by the backend, read after --config.\n"
				 "; Written by the kiosk; delete this file to return to the --config file's values.\n"
				 VERSION_PREFIX "%d\n",
				 o->version);
	/* Grouped by section, in the order the sections first appear. */
	for (int i = 0; i < o->count && used < cap; i++) {
		bool seen = false;
		for (int k = 0; k < i; k++)
			seen = seen || strcmp(o->items[k].section, o->items[i].section) == 0;
		if (seen)
			continue;
		used += (size_t)snprintf(text + used, cap - used, "\n[%s]\n", o->items[i].section);
		for (int k = i; k < o->count && used < cap; k++) {
			if (strcmp(o->items[k].section, o->items[i].section) == 0)
				used += (size_t)snprintf(text + used, cap - used, "%s = %s\n", o->items[k].name, o->items[k].value);
		}
	}
	bool ok = used < cap;
	file_path(data_dir, path, sizeof(path));
	if (!ok)
		snprintf(why, whylen, "%.200s: too large", path);
	else
		ok = atomic_file_write(path, text, used, 0600, why, whylen);
	free(text);
	return ok;
}

/* Applies the kept overrides over scratch as staff_settings_load does: each must pass what a staff
 * edit passes (staff_setting_check: the options table, and a value the file keeps as it is: no ';',
 * no spaces at its ends, one line), then the rules between options. False with why at the first that
 * does not. The load and every later write agree on it, so what the kiosk runs with is what it reads
 * back after a restart (a value with ';' read from the file was written back as an inline comment;
 * found by fuzz/fuzz_remote_settings). */
static bool overrides_apply(const struct overrides *o, struct config *scratch, char *why, size_t whylen)
{
	for (int i = 0; i < o->count; i++) {
		char reason[256];
		const struct override *it = &o->items[i];
		if (staff_setting_check(scratch, it->section, it->name, it->value, reason, sizeof(reason)) != SETTING_OK ||
		    !config_set(scratch, it->section, it->name, it->value, reason, sizeof(reason))) {
			snprintf(why, whylen, "%s", reason);
			return false;
		}
	}
	return config_check(scratch, why, whylen);
}

void staff_settings_load(struct config *cfg, const char *data_dir, int *version)
{
	char why[512];
	*version = 0;
	if (!data_dir)
		return;
	struct overrides *o = malloc(sizeof(*o));
	struct config *scratch = malloc(sizeof(*scratch));
	if (!o || !scratch)
		goto out;
	if (!overrides_read(data_dir, o, why, sizeof(why))) {
		kiosk_log(LOG_ERROR, "staff settings ignored: %s", why);
		goto out;
	}
	*scratch = *cfg;
	if (!overrides_apply(o, scratch, why, sizeof(why))) {
		kiosk_log(LOG_ERROR, "staff settings ignored: settings.ini: %s", why);
		goto out;
	}
	*cfg = *scratch;
	*version = o->version;
	if (o->count)
		kiosk_log(LOG_INFO, "%d settings from %s/settings.ini (settings version %d)", o->count, data_dir, o->version);
out:
	free(o);
	free(scratch);
}

/* ---- applying ---- */

static void audit_change(const char *data_dir, const char *origin, const char *section, const char *name,
			 const char *before, const char *after)
{
	char detail[AUDIT_DETAIL_MAX + 1];
	snprintf(detail, sizeof(detail), "%s.%s: \"%.160s\" → \"%.160s\"", section, name, before, after);
	audit_write(data_dir, "setting_changed", origin, detail);
}

/* True when the kept overrides are what staff_settings_load applied (overrides_apply over cfg). A
 * file that fails here was ignored whole at start (and the version it names was not reported), so it
 * must not be written back with a change: the change would be lost at the next restart with the rest
 * of the file. Found by fuzz/fuzz_remote_settings. Out of memory counts as in effect (the file is kept
 * as it is). */
static bool overrides_in_effect(const struct overrides *o, const struct config *cfg, char *why, size_t whylen)
{
	struct config *scratch = malloc(sizeof(*scratch));
	if (!scratch)
		return true;
	*scratch = *cfg;
	bool ok = overrides_apply(o, scratch, why, whylen);
	free(scratch);
	return ok;
}

/* Writes the overrides with the edits (and version when >= 0), then applies them to cfg and audits.
 * The edits were validated together against scratch, which holds the result. */
static bool commit(struct config *cfg, const struct config *scratch, const char *data_dir,
		   const struct setting_edit *edits, int n, int version, const char *origin, struct setting_result *r)
{
	bool ok = false;
	struct overrides *o = malloc(sizeof(*o));
	if (!o) {
		snprintf(r->why, sizeof(r->why), "out of memory");
		r->problem = SETTING_NOT_SAVED;
		return false;
	}
	if (!data_dir) {
		snprintf(r->why, sizeof(r->why), "no data directory: settings cannot be kept");
		r->problem = SETTING_NOT_SAVED;
		goto out;
	}
	char why[512];
	if (!overrides_read(data_dir, o, r->why, sizeof(r->why))) {
		kiosk_log(LOG_WARN, "staff settings: %s; writing a new file", r->why);
		memset(o, 0, sizeof(*o));
	} else if (!overrides_in_effect(o, cfg, why, sizeof(why))) {
		kiosk_log(LOG_WARN, "staff settings: settings.ini was not in effect (%s); writing a new file", why);
		memset(o, 0, sizeof(*o));
	}
	for (int i = 0; i < n; i++) {
		if (!overrides_put(o, edits[i].section, edits[i].name, edits[i].value)) {
			snprintf(r->why, sizeof(r->why), "too many overridden settings");
			r->problem = SETTING_NOT_SAVED;
			goto out;
		}
	}
	if (version >= 0)
		o->version = version;
	if (!overrides_write(data_dir, o, r->why, sizeof(r->why))) {
		kiosk_log(LOG_ERROR, "staff settings not saved: %s", r->why);
		r->problem = SETTING_NOT_SAVED;
		goto out;
	}
	for (int i = 0; i < n; i++) {
		const char *before = config_value(cfg, edits[i].section, edits[i].name);
		const char *after = config_value(scratch, edits[i].section, edits[i].name);
		if (strcmp(before, after) == 0)
			continue;
		audit_change(data_dir, origin, edits[i].section, edits[i].name, before, after);
		r->effects |= staff_setting_find(edits[i].section, edits[i].name)->effects;
		r->changed++;
	}
	*cfg = *scratch;
	ok = true;
out:
	free(o);
	return ok;
}

bool staff_settings_apply(struct config *cfg, const char *data_dir, const struct setting_edit *edits, int n,
			  const char *origin, struct setting_result *r)
{
	memset(r, 0, sizeof(*r));
	r->bad = -1;
	struct config *scratch = malloc(sizeof(*scratch));
	if (!scratch) {
		snprintf(r->why, sizeof(r->why), "out of memory");
		r->problem = SETTING_NOT_SAVED;
		return false;
	}
	bool ok = false;
	*scratch = *cfg;
	for (int i = 0; i < n; i++) {
		r->problem = staff_setting_check(scratch, edits[i].section, edits[i].name, edits[i].value, r->why,
						 sizeof(r->why));
		if (r->problem != SETTING_OK) {
			r->bad = i;
			goto out;
		}
		config_set(scratch, edits[i].section, edits[i].name, edits[i].value, r->why, sizeof(r->why));
	}
	if (!config_check(scratch, r->why, sizeof(r->why))) {
		r->problem = SETTING_LANGUAGES;
		for (int i = 0; i < n && r->bad < 0; i++) {
			if (strcmp(edits[i].section, "kiosk") == 0 && strncmp(edits[i].name, "language", 8) == 0)
				r->bad = i;
		}
		goto out;
	}
	r->why[0] = '\0';
	ok = commit(cfg, scratch, data_dir, edits, n, -1, origin, r);
out:
	free(scratch);
	return ok;
}

/* ---- remote documents ---- */

static void refuse(const char *data_dir, const char *why)
{
	audit_write(data_dir, "remote_setting_refused", "refused", why);
	kiosk_log(LOG_WARN, "remote setting refused: %s", why);
}

unsigned staff_settings_apply_remote(struct config *cfg, const char *data_dir, const char *json, int *version)
{
	unsigned effects = 0;
	char why[420];
	struct setting_edit *edits = NULL;
	struct config *scratch = NULL;
	cJSON *doc = json ? cJSON_Parse(json) : NULL;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");
	const cJSON *values = cJSON_GetObjectItemCaseSensitive(doc, "values");
	if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > INT_MAX ||
	    v->valuedouble != (double)(int)v->valuedouble || !cJSON_IsObject(values)) {
		audit_write(data_dir, "remote_settings_refused", "malformed",
			    "not {\"version\": N, \"values\": {…}} with a positive whole version");
		goto out;
	}
	int next = (int)v->valuedouble;
	if (next <= *version)
		goto out;
	int count = cJSON_GetArraySize(values);
	edits = calloc(count > 0 ? (size_t)count : 1, sizeof(*edits));
	scratch = malloc(sizeof(*scratch));
	if (!edits || !scratch)
		goto out;
	*scratch = *cfg;
	int n = 0;
	const cJSON *item;
	cJSON_ArrayForEach(item, values)
	{
		char key[64], section[24] = "", name[32] = "";
		utf8_copy(key, sizeof(key), item->string ? item->string : "");
		const char *dot = strchr(key, '.');
		if (dot && (size_t)(dot - key) < sizeof(section) && strlen(dot + 1) < sizeof(name)) {
			snprintf(section, sizeof(section), "%.*s", (int)(dot - key), key);
			snprintf(name, sizeof(name), "%s", dot + 1);
		}
		if (!cJSON_IsString(item) || !utf8_valid(item->valuestring, strlen(item->valuestring))) {
			snprintf(why, sizeof(why), "%s: the value must be a string", key);
			refuse(data_dir, why);
			continue;
		}
		if (strlen(item->valuestring) >= CONFIG_VALUE_MAX) {
			snprintf(why, sizeof(why), "%s: the value is too long", key);
			refuse(data_dir, why);
			continue;
		}
		char reason[256];
		if (staff_setting_check(scratch, section, name, item->valuestring, reason, sizeof(reason)) != SETTING_OK) {
			snprintf(why, sizeof(why), "%s: %s", key, reason);
			refuse(data_dir, why);
			continue;
		}
		config_set(scratch, section, name, item->valuestring, reason, sizeof(reason));
		snprintf(edits[n].section, sizeof(edits[n].section), "%s", section);
		snprintf(edits[n].name, sizeof(edits[n].name), "%s", name);
		snprintf(edits[n].value, sizeof(edits[n].value), "%s", item->valuestring);
		n++;
	}
	/* The languages offered must keep the default: refuse the language keys of the document if not. */
	if (!config_check(scratch, why, sizeof(why))) {
		int kept = 0;
		for (int i = 0; i < n; i++) {
			if (strcmp(edits[i].section, "kiosk") == 0 &&
			    (strcmp(edits[i].name, "language") == 0 || strcmp(edits[i].name, "languages") == 0)) {
				char line[460];
				snprintf(line, sizeof(line), "kiosk.%s: %s", edits[i].name, why);
				refuse(data_dir, line);
				config_set(scratch, "kiosk", edits[i].name, config_str(cfg, "kiosk", edits[i].name), line,
					   sizeof(line));
				continue;
			}
			edits[kept++] = edits[i];
		}
		n = kept;
	}
	struct setting_result r = {.bad = -1};
	if (!commit(cfg, scratch, data_dir, edits, n, next, "remote", &r)) {
		snprintf(why, sizeof(why), "version %d not applied: %s", next, r.why);
		audit_write(data_dir, "remote_settings_applied", "failed", why);
		goto out;
	}
	*version = next;
	effects = r.effects;
	snprintf(why, sizeof(why), "version %d: %d changed, %d refused", next, r.changed, count - n);
	audit_write(data_dir, "remote_settings_applied", "ok", why);
	kiosk_log(LOG_INFO, "remote settings %s", why);
out:
	free(edits);
	free(scratch);
	cJSON_Delete(doc);
	return effects;
}
