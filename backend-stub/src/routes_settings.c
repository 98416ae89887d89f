/*
 * routes_settings: fleet settings for kiosks. POST /v1/admin/settings stores a versioned settings
 * document for one kiosk (admin only); the heartbeat handler offers it to that kiosk while the
 * kiosk reports an older settings_version. The stub checks the document's shape, not its values:
 * the kiosk validates every key and value against its own options table and refuses the rest
 * (tests rely on that to send bad values); a production backend would validate too.
 */
#include <stdio.h>
#include <string.h>

#include "json_util.h"
#include "routes.h"

#define SETTINGS_VALUES_MAX 64
#define SETTINGS_KEY_MAX 64
#define SETTINGS_VALUE_MAX 512

void routes_admin_settings(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	cJSON *body = cJSON_ParseWithLength(req->body, req->body_len);
	cJSON *values_copy = NULL, *ans = NULL;
	char *text = NULL;
	sqlite3_stmt *stmt = NULL;
	json_reader_init(&r, resp);
	if (!cJSON_IsObject(body)) {
		json_reader_fail(&r, 400, "invalid_json", NULL, "body", "must be a JSON object");
		goto out;
	}
	const char *kiosk = json_read_string(&r, body, NULL, "kiosk_id", 64, true);
	double version = json_read_number(&r, body, NULL, "version", true, 0);
	const cJSON *values = cJSON_GetObjectItemCaseSensitive(body, "values");
	if (r.failed)
		goto out;
	if (version < 1 || version > 2147483647.0 || version != (double)(long long)version) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "version", "must be a whole number from 1");
		goto out;
	}
	if (!cJSON_IsObject(values) || cJSON_GetArraySize(values) > SETTINGS_VALUES_MAX) {
		json_reader_fail(&r, 400, values ? "invalid_field" : "missing_field", NULL, "values",
				 "must be an object of at most 64 \"section.key\": \"value\" strings");
		goto out;
	}
	const cJSON *v;
	cJSON_ArrayForEach(v, values)
	{
		if (!cJSON_IsString(v) || strlen(v->string) > SETTINGS_KEY_MAX || strlen(v->valuestring) > SETTINGS_VALUE_MAX ||
		    !json_utf8_valid(v->valuestring, strlen(v->valuestring))) {
			json_reader_fail(&r, 400, "invalid_field", "values.", v->string,
					 "must be a string of at most 512 bytes under a key of at most 64");
			goto out;
		}
	}
	stmt = store_prepare(ctx->db, "SELECT version FROM kiosk_settings WHERE kiosk_id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk, -1, SQLITE_STATIC) != SQLITE_OK) {
		routes_fail_internal(resp);
		goto out;
	}
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_int64(stmt, 0) >= (long long)version) {
		char why[128];
		snprintf(why, sizeof(why), "version: must be newer than the stored version %lld",
			 (long long)sqlite3_column_int64(stmt, 0));
		http_response_error(resp, 409, "stale_version", why, false, "version", NULL);
		goto out;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	sqlite3_finalize(stmt);
	values_copy = cJSON_Duplicate(values, 1);
	text = values_copy ? cJSON_PrintUnformatted(values_copy) : NULL;
	stmt = store_prepare(ctx->db, "INSERT OR REPLACE INTO kiosk_settings(kiosk_id, version, values_doc, stored_at)"
				      " VALUES(?1, ?2, ?3, ?4)");
	if (text == NULL || stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, (long long)version) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 4, ctx->now) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	ans = cJSON_CreateObject();
	cJSON_AddStringToObject(ans, "kiosk_id", kiosk);
	cJSON_AddNumberToObject(ans, "version", version);
	cJSON_AddBoolToObject(ans, "stored", true);
	http_response_json(resp, 200, ans);
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
	cJSON_Delete(values_copy);
	cJSON_Delete(body);
}

int routes_settings_offer(struct route_ctx *ctx, const char *kiosk_id, long long reported, cJSON *answer)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT version, values_doc FROM kiosk_settings WHERE kiosk_id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE || (rc == SQLITE_ROW && sqlite3_column_int64(stmt, 0) <= reported)) {
		result = 0;
		goto out;
	}
	if (rc != SQLITE_ROW)
		goto out;
	cJSON *values = cJSON_Parse((const char *)sqlite3_column_text(stmt, 1));
	cJSON *doc = values ? cJSON_AddObjectToObject(answer, "settings") : NULL;
	if (doc == NULL) {
		cJSON_Delete(values);
		goto out;
	}
	cJSON_AddNumberToObject(doc, "version", (double)sqlite3_column_int64(stmt, 0));
	cJSON_AddItemToObject(doc, "values", values);
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}
