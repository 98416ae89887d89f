/* Masked payload lines; see masked_payload.h. */
#include "staff/masked_payload.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "staff/audit.h"
#include "ui/widgets.h"

struct out {
	char (*lines)[MASKED_LINE_MAX];
	int count, max;
};

/* The mask a member needs by its name; -1 when it is not personal. */
static int mask_for(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "name") == 0 || strcmp(name, "donor_name") == 0)
		return UI_MASK_NAME;
	if (strcmp(name, "id_number") == 0)
		return UI_MASK_ID;
	if (strcmp(name, "phone") == 0)
		return UI_MASK_PHONE;
	if (strcmp(name, "birth_date") == 0)
		return UI_MASK_NONE; /* replaced whole below */
	return -1;
}

static void add(struct out *o, const char *path, const char *value)
{
	if (o->count >= o->max)
		return;
	char line[MASKED_LINE_MAX + 100];
	snprintf(line, sizeof(line), "%.*s: %.96s", MASKED_LINE_MAX, path, value);
	utf8_copy(o->lines[o->count++], MASKED_LINE_MAX, line); /* shown to staff: never half a character */
}

static void walk(struct out *o, const cJSON *node, const char *path, int mask, int depth)
{
	char value[96], shown[96], child[MASKED_LINE_MAX];
	if (depth > 4 || o->count >= o->max)
		return;
	if (cJSON_IsObject(node) || cJSON_IsArray(node)) {
		const cJSON *it;
		int i = 0;
		cJSON_ArrayForEach(it, node)
		{
			if (cJSON_IsArray(node))
				snprintf(child, sizeof(child), "%.120s[%d]", path, i++);
			else
				snprintf(child, sizeof(child), "%.120s%s%.32s", path, path[0] ? "." : "", it->string ? it->string : "?");
			walk(o, it, child, cJSON_IsArray(node) ? mask : mask_for(it->string), depth + 1);
		}
		return;
	}
	if (cJSON_IsString(node)) {
		utf8_copy(value, sizeof(value), utf8_valid(node->valuestring, strlen(node->valuestring)) ? node->valuestring : "?");
		if (mask == UI_MASK_NONE)
			snprintf(shown, sizeof(shown), "****-**-**");
		else if (mask > 0)
			ui_mask_text(value, (enum ui_mask)mask, shown, sizeof(shown));
		else
			audit_scrub(value, shown, sizeof(shown));
	} else if (cJSON_IsNumber(node)) {
		snprintf(value, sizeof(value), "%.15g", node->valuedouble);
		if (mask >= 0)
			snprintf(shown, sizeof(shown), "***");
		else
			audit_scrub(value, shown, sizeof(shown));
	} else if (cJSON_IsBool(node)) {
		snprintf(shown, sizeof(shown), "%s", cJSON_IsTrue(node) ? "true" : "false");
	} else {
		snprintf(shown, sizeof(shown), "null");
	}
	add(o, path, shown);
}

int masked_payload_lines(const char *json, char (*lines)[MASKED_LINE_MAX], int max)
{
	struct out o = {lines, 0, max};
	cJSON *root = json ? cJSON_Parse(json) : NULL;
	if (cJSON_IsObject(root))
		walk(&o, root, "", -1, 0);
	cJSON_Delete(root);
	return o.count;
}
