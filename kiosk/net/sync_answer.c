/* Reading the backend's answers for the sync engine; see sync_answer.h. */
#include "net/sync_answer.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/utf8.h"
#include "data/ref_json.h"

/* Fields of a backend answer the kiosk keeps: what staff and the visitor need, no personal data
 * (answers carry masked names and numbers: they are dropped all the same). */
static const char *const kept_fields[] = {"reference", "status", "service", "office", "slot", "project_id",
					  "amount", "currency", "payment_url", "payment_expires_at", "created_at",
					  "cancel_until", "kiosk_id", "reason"};

/* A string (valid UTF-8), finite number or boolean: what a kept field may hold. A number too large
 * for a double (1e999) parses as infinity and would be kept as null (found by fuzz/fuzz_sync_answers). */
static bool plain_value(const cJSON *v)
{
	if (cJSON_IsString(v))
		return utf8_valid(v->valuestring, strlen(v->valuestring));
	return (cJSON_IsNumber(v) && isfinite(v->valuedouble)) || cJSON_IsBool(v);
}

char *sync_answer_kept(const char *body, size_t len, bool need_reference)
{
	cJSON *in = body && len ? cJSON_ParseWithLength(body, len) : NULL;
	char *out = NULL;
	const char *reference = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(in, "reference"));
	/* A reference that would not be kept (not valid UTF-8) is no reference. */
	if (!cJSON_IsObject(in) ||
	    (need_reference && (!reference || reference[0] == '\0' || !utf8_valid(reference, strlen(reference)))))
		goto out;
	cJSON *kept = cJSON_CreateObject();
	for (size_t i = 0; kept && i < sizeof(kept_fields) / sizeof(kept_fields[0]); i++) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(in, kept_fields[i]);
		if (strcmp(kept_fields[i], "slot") == 0 && cJSON_IsObject(v)) { /* only the slot's own facts */
			static const char *const slot_fields[] = {"id", "date", "start", "end"};
			cJSON *slot = cJSON_AddObjectToObject(kept, "slot");
			for (size_t k = 0; slot && k < sizeof(slot_fields) / sizeof(slot_fields[0]); k++) {
				cJSON *f = cJSON_GetObjectItemCaseSensitive(v, slot_fields[k]);
				if (plain_value(f))
					cJSON_AddItemToObject(slot, slot_fields[k], cJSON_Duplicate(f, 0));
			}
		} else if (plain_value(v)) { /* never an object or array that could carry a person */
			cJSON_AddItemToObject(kept, kept_fields[i], cJSON_Duplicate(v, 0));
		}
	}
	out = kept ? cJSON_PrintUnformatted(kept) : NULL;
	cJSON_Delete(kept);
out:
	cJSON_Delete(in);
	return out;
}

void sync_answer_error(long status, const char *body, size_t len, char *code, size_t code_len, char *msg,
		       size_t msg_len)
{
	snprintf(code, code_len, "http_%ld", status);
	cJSON *root = body && len ? cJSON_ParseWithLength(body, len) : NULL;
	cJSON *err = cJSON_GetObjectItemCaseSensitive(root, "error");
	const char *c = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(err, "code"));
	if (c && c[0] && strspn(c, "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(c))
		snprintf(code, code_len, "%s", c);
	/* The server's own words stay out of the store and the logs: an error message may echo what was
	 * sent, personal data included. Staff get the status and the machine-readable code. */
	snprintf(msg, msg_len, "HTTP %ld %s", status, code);
	cJSON_Delete(root);
}

bool sync_answer_reference_valid(const char *body, size_t len)
{
	if (!body || !len || memchr(body, '\0', len) || !utf8_valid(body, len))
		return false;
	cJSON *root = cJSON_ParseWithLength(body, len);
	bool valid = cJSON_IsObject(root) || cJSON_IsArray(root);
	cJSON_Delete(root);
	return valid;
}

int sync_answer_slot_requests(const char *offices, size_t len,
			      bool (*fn)(void *ctx, const char *kind, const char *path), void *ctx)
{
	int count = 0;
	cJSON *root = offices && len ? cJSON_ParseWithLength(offices, len) : NULL;
	const cJSON *office;
	cJSON_ArrayForEach(office, cJSON_GetObjectItemCaseSensitive(root, "items"))
	{
		char id[CATALOG_ID_MAX];
		const char *role = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(office, "role"));
		if (!ref_json_id(id, cJSON_GetObjectItemCaseSensitive(office, "id")) ||
		    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(office, "bookable")) || !role ||
		    strcmp(role, "service_point") != 0)
			continue;
		const cJSON *service;
		cJSON_ArrayForEach(service, cJSON_GetObjectItemCaseSensitive(office, "services"))
		{
			char sid[CATALOG_ID_MAX], kind[160], path[256];
			if (!ref_json_id(sid, service))
				continue;
			snprintf(kind, sizeof(kind), "slots:%s:%s", id, sid);
			snprintf(path, sizeof(path), "/v1/slots?service=%s&office=%s", sid, id);
			count++;
			if (!fn(ctx, kind, path))
				goto out;
		}
	}
out:
	cJSON_Delete(root);
	return count;
}

char *sync_answer_settings_offer(const char *body, size_t len, int current, int *version)
{
	cJSON *root = body && len ? cJSON_ParseWithLength(body, len) : NULL;
	const cJSON *doc = cJSON_GetObjectItemCaseSensitive(root, "settings");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");
	char *text = NULL;
	/* The same rule as staff_settings_apply_remote: a whole version in 1 … INT_MAX. Anything else would
	 * be refused there on every heartbeat, never recorded, and offered again forever. */
	if (!cJSON_IsObject(doc) || !cJSON_IsNumber(v) || !(v->valuedouble > current) || v->valuedouble > INT_MAX ||
	    v->valuedouble != (double)(int)v->valuedouble)
		goto out;
	text = cJSON_PrintUnformatted(doc);
	if (text && strlen(text) > SYNC_SETTINGS_DOC_MAX) {
		kiosk_log(LOG_WARN, "heartbeat: a settings document of %zu bytes was refused (limit %d)", strlen(text),
			  SYNC_SETTINGS_DOC_MAX);
		free(text);
		text = NULL;
		goto out;
	}
	if (text)
		*version = (int)v->valuedouble;
out:
	cJSON_Delete(root);
	return text;
}
