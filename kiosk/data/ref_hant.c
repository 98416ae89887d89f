/* Filling zh-Hant in reference data; see ref_hant.h. The converter is opened only when a text needs
 * it (loading s2hk's dictionaries takes a moment) and closed at the end of the call: reference data
 * changes a few times a day at most, on the sync thread. */
#include "data/ref_hant.h"

#include <opencc.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "data/ref_json.h"
#include "lazy/libraries.h"

struct fill {
	opencc_t cc;
	bool failed; /* OpenCC could not be opened: give up on this answer */
	int filled;
};

static bool empty_hant(const cJSON *obj)
{
	const cJSON *hant = cJSON_GetObjectItemCaseSensitive(obj, "zh-Hant");
	return !hant || cJSON_IsNull(hant) || (cJSON_IsString(hant) && hant->valuestring[0] == '\0');
}

static void fill_object(struct fill *f, cJSON *obj)
{
	const cJSON *hans = cJSON_GetObjectItemCaseSensitive(obj, "zh-Hans");
	if (!cJSON_IsString(hans) || !hans->valuestring[0] || !empty_hant(obj))
		return;
	if (!f->cc) {
		char err[256];
		if (!lazy_lib_open(lazy_opencc, err, sizeof(err))) {
			f->failed = true;
			kiosk_log(LOG_WARN, "%s: Traditional texts missing from the backend show in Simplified", err);
			return;
		}
		f->cc = opencc_open("s2hk.json");
		if (f->cc == (opencc_t)-1) {
			f->cc = NULL;
			f->failed = true;
			kiosk_log(LOG_WARN, "OpenCC s2hk cannot be opened (%s): Traditional texts missing from the backend "
					    "show in Simplified",
				  opencc_error());
			return;
		}
	}
	char *hant = opencc_convert_utf8(f->cc, hans->valuestring, strlen(hans->valuestring));
	if (!hant)
		return;
	cJSON *item = cJSON_CreateString(hant);
	opencc_convert_utf8_free(hant);
	if (!item)
		return;
	if (cJSON_GetObjectItemCaseSensitive(obj, "zh-Hant"))
		cJSON_ReplaceItemInObjectCaseSensitive(obj, "zh-Hant", item);
	else
		cJSON_AddItemToObject(obj, "zh-Hant", item);
	f->filled++;
}

/* Depth is bounded by cJSON's nesting limit (CJSON_NESTING_LIMIT) on parsing. */
static void walk(struct fill *f, cJSON *node)
{
	if (cJSON_IsObject(node))
		fill_object(f, node);
	for (cJSON *child = node->child; child && !f->failed; child = child->next)
		walk(f, child);
}

char *ref_hant_fill(const char *json, size_t len, size_t *out_len, int *filled)
{
	char *result = NULL;
	struct fill f = {NULL, false, 0};
	*out_len = 0;
	*filled = 0;
	cJSON *root = len <= CATALOG_JSON_MAX ? cJSON_ParseWithLength(json, len) : NULL;
	if (!root)
		goto out;
	walk(&f, root);
	if (f.failed || f.filled == 0)
		goto out;
	result = cJSON_PrintUnformatted(root);
	if (!result)
		goto out;
	*out_len = strlen(result);
	*filled = f.filled;
out:
	if (f.cc)
		opencc_close(f.cc);
	cJSON_Delete(root);
	return result;
}
