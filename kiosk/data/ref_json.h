/* Reading the backend's reference data (backend-stub/API.md) into fixed-size structs, so screens
 * never hold a cJSON tree or an unbounded string. Shared by the booking, assistance and charity
 * catalogs. Limits, all checked here: a body over CATALOG_JSON_MAX is refused whole; ids over
 * CATALOG_ID_MAX or with characters outside [A-Za-z0-9_.-] are refused; texts are cut at
 * CATALOG_TEXT_MAX on a UTF-8 character boundary and dropped when not valid UTF-8; numbers must be
 * in range (and whole where asked). Anything of the wrong type gets the fallback, never trusted.
 * Also ref_watch: reload a cached kind only when the sync engine stored a newer copy. */
#ifndef KIOSK_DATA_REF_JSON_H
#define KIOSK_DATA_REF_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/font_set.h"

#define CATALOG_ID_MAX 64
#define CATALOG_TEXT_MAX 1024
#define CATALOG_JSON_MAX (4 * 1024 * 1024) /* a longer cached body is refused whole */

/* A multilingual text: zh-Hans, zh-Hant, en; an empty one falls back (catalog_text_get). */
struct catalog_text {
	char lang[TEXT_LANG_COUNT][CATALOG_TEXT_MAX];
};

/* Parses json (NUL-terminated; may be NULL) unless it is longer than CATALOG_JSON_MAX. */
cJSON *ref_json_parse(const char *json);
/* The "items" array of an answer (or the answer itself when it is an array); NULL when none. */
const cJSON *ref_json_items(const cJSON *root);
/* Copies a JSON string into out (cap bytes), cut on a character boundary; false (out empty) when
 * item is not a valid UTF-8 string. */
bool ref_json_string(char *out, size_t cap, const cJSON *item);
/* Copies an id (CATALOG_ID_MAX bytes) whole or not at all: a cut id would name something else. */
bool ref_json_id(char out[CATALOG_ID_MAX], const cJSON *item);
/* A text object {"zh-Hans", "zh-Hant", "en"}; a plain string counts as zh-Hans; else empty. */
void ref_json_text(struct catalog_text *t, const cJSON *item);
/* Member name of obj as a whole number in [lo, hi], else fallback. */
long long ref_json_int(const cJSON *obj, const char *name, long long lo, long long hi, long long fallback);
/* Member name of obj as a number in [lo, hi], else fallback. */
double ref_json_number(const cJSON *obj, const char *name, double lo, double hi, double fallback);
/* Member name of obj as a boolean, else fallback. */
bool ref_json_bool(const cJSON *obj, const char *name, bool fallback);
/* The text in a language, falling back to zh-Hans (then any); "" for NULL. */
const char *catalog_text_get(const struct catalog_text *t, enum text_lang lang);

struct store;

/* Tracks one cached kind: ref_watch_changed asks the store for its timestamp at most once per
 * second of now, and says whether the cached copy changed since the last time it said so. */
struct ref_watch {
	int64_t stamp, checked;
	bool seen;
};

/* Zeroes w (nothing seen yet). */
void ref_watch_init(struct ref_watch *w);
/* True when kind's cached copy is newer than the one last reported (true once at first even when
 * nothing is cached, so the caller can load its empty state). store may be NULL. */
bool ref_watch_changed(struct ref_watch *w, struct store *store, const char *kind, int64_t now);
/* The cached JSON of kind (caller frees), or NULL when none. */
char *ref_cached(struct store *store, const char *kind);

#endif
