/* Reference-data JSON helpers; see ref_json.h. */
#include "data/ref_json.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "data/store.h"

cJSON *ref_json_parse(const char *json)
{
	size_t len;
	if (json == NULL)
		return NULL;
	len = strnlen(json, (size_t)CATALOG_JSON_MAX + 1);
	if (len > CATALOG_JSON_MAX)
		return NULL;
	return cJSON_ParseWithLength(json, len);
}

const cJSON *ref_json_items(const cJSON *root)
{
	const cJSON *items = cJSON_IsArray(root) ? root : cJSON_GetObjectItemCaseSensitive(root, "items");
	return cJSON_IsArray(items) ? items : NULL;
}

bool ref_json_string(char *out, size_t cap, const cJSON *item)
{
	const char *s = cJSON_GetStringValue(item);
	size_t len;
	out[0] = '\0';
	if (s == NULL)
		return false;
	len = strlen(s);
	if (!utf8_valid(s, len))
		return false;
	if (len >= cap) {
		len = cap - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return true;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	       c == '.';
}

bool ref_json_id(char out[CATALOG_ID_MAX], const cJSON *item)
{
	const char *s = cJSON_GetStringValue(item);
	size_t len = s ? strnlen(s, CATALOG_ID_MAX) : 0;
	out[0] = '\0';
	if (len == 0 || len >= CATALOG_ID_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!id_char(s[i]))
			return false;
	memcpy(out, s, len + 1);
	return true;
}

void ref_json_text(struct catalog_text *t, const cJSON *item)
{
	memset(t, 0, sizeof(*t));
	if (cJSON_IsString(item)) {
		ref_json_string(t->lang[TEXT_LANG_ZH_HANS], CATALOG_TEXT_MAX, item);
		return;
	}
	if (!cJSON_IsObject(item))
		return;
	for (int l = 0; l < TEXT_LANG_COUNT; l++)
		ref_json_string(t->lang[l], CATALOG_TEXT_MAX,
				cJSON_GetObjectItemCaseSensitive(item, text_lang_tag((enum text_lang)l)));
}

long long ref_json_int(const cJSON *obj, const char *name, long long lo, long long hi, long long fallback)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (!cJSON_IsNumber(item) || !(item->valuedouble >= (double)lo && item->valuedouble <= (double)hi))
		return fallback;
	if (item->valuedouble != (double)(long long)item->valuedouble)
		return fallback;
	return (long long)item->valuedouble;
}

double ref_json_number(const cJSON *obj, const char *name, double lo, double hi, double fallback)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (!cJSON_IsNumber(item) || !(item->valuedouble >= lo && item->valuedouble <= hi))
		return fallback;
	return item->valuedouble;
}

bool ref_json_bool(const cJSON *obj, const char *name, bool fallback)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
	return cJSON_IsBool(item) ? cJSON_IsTrue(item) : fallback;
}

const char *catalog_text_get(const struct catalog_text *t, enum text_lang lang)
{
	if (t == NULL)
		return "";
	if ((int)lang >= 0 && lang < TEXT_LANG_COUNT && t->lang[lang][0] != '\0')
		return t->lang[lang];
	for (int l = 0; l < TEXT_LANG_COUNT; l++)
		if (t->lang[l][0] != '\0')
			return t->lang[l];
	return "";
}

void ref_watch_init(struct ref_watch *w)
{
	memset(w, 0, sizeof(*w));
	w->checked = -1;
}

bool ref_watch_changed(struct ref_watch *w, struct store *store, const char *kind, int64_t now)
{
	if (w->seen && w->checked == now)
		return false;
	w->checked = now;
	int64_t stamp = 0;
	if (store && !store_ref_stamp(store, kind, &stamp))
		stamp = 0;
	if (w->seen && stamp == w->stamp)
		return false;
	w->seen = true;
	w->stamp = stamp;
	return true;
}

char *ref_cached(struct store *store, const char *kind)
{
	char *json = NULL;
	size_t len = 0;
	if (!store || !store_ref_get(store, kind, &json, &len, NULL, 0, NULL))
		return NULL;
	return json;
}
