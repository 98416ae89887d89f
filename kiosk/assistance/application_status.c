/* Application-status answers; see application_status.h. */
#include "assistance/application_status.h"

#include <string.h>

static const char *const state_names[APP_STATE_COUNT] = {
	[APP_UNKNOWN] = NULL,
	[APP_SUBMITTED] = "submitted",
	[APP_UNDER_REVIEW] = "under_review",
	[APP_DOCUMENTS_REQUIRED] = "documents_required",
	[APP_HOUSEHOLD_SURVEY] = "household_survey",
	[APP_PUBLIC_NOTICE] = "public_notice",
	[APP_APPROVED] = "approved",
	[APP_REJECTED] = "rejected",
	[APP_CERTIFICATION_DUE] = "certification_due",
	[APP_SUSPENDED] = "suspended",
	[APP_TERMINATED] = "terminated",
};

const char *application_state_name(enum application_state s)
{
	return (int)s >= 0 && s < APP_STATE_COUNT ? state_names[s] : NULL;
}

/* A multilingual text (or a plain string as zh-Hans) into per-language buffers of cap bytes. */
static void read_text(char *langs, size_t cap, const cJSON *item)
{
	memset(langs, 0, cap * TEXT_LANG_COUNT);
	if (cJSON_IsString(item)) {
		ref_json_string(langs + cap * TEXT_LANG_ZH_HANS, cap, item);
		return;
	}
	for (int l = 0; cJSON_IsObject(item) && l < TEXT_LANG_COUNT; l++)
		ref_json_string(langs + cap * (size_t)l, cap,
				cJSON_GetObjectItemCaseSensitive(item, text_lang_tag((enum text_lang)l)));
}

/* The date part of an ISO time or date ("2026-11-12T11:20:00+08:00" → "2026-11-12"); "" when not one. */
static void read_date(char out[11], const cJSON *item)
{
	char s[40];
	out[0] = '\0';
	if (!ref_json_string(s, sizeof(s), item) || strlen(s) < 10)
		return;
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return;
	}
	memcpy(out, s, 10);
	out[10] = '\0';
}

static bool read_item(struct application *a, const cJSON *item)
{
	memset(a, 0, sizeof(*a));
	if (!cJSON_IsObject(item) ||
	    !ref_json_string(a->number, sizeof(a->number), cJSON_GetObjectItemCaseSensitive(item, "application_number")) ||
	    !a->number[0])
		return false;
	ref_json_string(a->state_id, sizeof(a->state_id), cJSON_GetObjectItemCaseSensitive(item, "state"));
	for (int s = 1; s < APP_STATE_COUNT; s++) {
		if (strcmp(a->state_id, state_names[s]) == 0)
			a->state = (enum application_state)s;
	}
	const cJSON *programme = cJSON_GetObjectItemCaseSensitive(item, "programme");
	read_text(&a->programme[0][0], sizeof(a->programme[0]), cJSON_GetObjectItemCaseSensitive(programme, "name"));
	read_text(&a->state_text[0][0], sizeof(a->state_text[0]), cJSON_GetObjectItemCaseSensitive(item, "state_text"));
	read_text(&a->reason[0][0], sizeof(a->reason[0]), cJSON_GetObjectItemCaseSensitive(item, "reason"));
	read_text(&a->next_step[0][0], sizeof(a->next_step[0]), cJSON_GetObjectItemCaseSensitive(item, "next_step"));
	read_date(a->certification_due_on, cJSON_GetObjectItemCaseSensitive(item, "certification_due_on"));
	read_date(a->submitted_on, cJSON_GetObjectItemCaseSensitive(item, "submitted_at"));
	read_date(a->updated_on, cJSON_GetObjectItemCaseSensitive(item, "updated_at"));
	return true;
}

bool application_answer_parse(const char *json, struct application_answer *out)
{
	memset(out, 0, sizeof(*out));
	cJSON *root = ref_json_parse(json);
	const cJSON *item;
	cJSON_ArrayForEach(item, ref_json_items(root))
	{
		if (out->count == APPLICATIONS_MAX)
			break;
		if (read_item(&out->items[out->count], item))
			out->count++;
	}
	cJSON_Delete(root);
	return out->count > 0;
}
