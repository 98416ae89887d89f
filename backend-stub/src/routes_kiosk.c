/*
 * routes_kiosk: POST /v1/help-requests (the assisted mode's "call staff"), POST
 * /v1/help-requests/cancel (the visitor called it off) and POST /v1/heartbeat
 * (kiosk health). Neither carries personal data; heartbeat bodies are stored as sent (already
 * capped at 64 KiB) after type checks of the fields the backend reads. A heartbeat's answer carries
 * the kiosk's settings document when it is newer than the settings_version reported (routes_settings.c).
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "json_util.h"
#include "routes.h"

static const char *const help_reasons[] = {"assistance", "accessibility", "device_problem", "character_input", "other"};

void routes_help_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	const char *reason, *screen, *language, *kiosk_reference;
	bool assisted, known = false;
	char reference[24], when[40];
	cJSON *doc = NULL;
	char *text = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = 1;
	json_reader_init(&r, resp);
	reason = json_read_string(&r, req->json, NULL, "reason", 32, true);
	screen = json_read_string(&r, req->json, NULL, "screen", 64, false);
	language = json_read_string(&r, req->json, NULL, "language", 8, false);
	assisted = json_read_bool(&r, req->json, NULL, "assisted_mode", false, false);
	kiosk_reference = json_read_string(&r, req->json, NULL, "kiosk_reference", 11, false);
	if (r.failed)
		goto out;
	if (kiosk_reference != NULL && !kiosk_reference_valid(kiosk_reference, "HQ-")) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "kiosk_reference", "must be HQ- and 8 hexadecimal digits (0-9, A-F)");
		goto out;
	}
	for (size_t i = 0; i < sizeof(help_reasons) / sizeof(help_reasons[0]); i++)
		known = known || strcmp(reason, help_reasons[i]) == 0;
	if (!known) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "reason",
				 "must be assistance, accessibility, device_problem, character_input or other");
		goto out;
	}
	stmt = store_prepare(ctx->db, "INSERT INTO help_requests(reference, kiosk_id, created_at, doc) VALUES(?1, ?2, ?3, ?4)");
	if (stmt == NULL) {
		routes_fail_internal(resp);
		goto out;
	}
	for (int attempt = 0; attempt < 5 && rc == 1; attempt++) {
		store_new_reference("HR", reference, sizeof(reference));
		cJSON_Delete(doc);
		cJSON_free(text);
		doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "reference", reference);
		cJSON_AddStringToObject(doc, "status", "queued");
		cJSON_AddStringToObject(doc, "kiosk_id", req->kiosk_id);
		cJSON_AddStringToObject(doc, "reason", reason);
		if (screen != NULL)
			cJSON_AddStringToObject(doc, "screen", screen);
		cJSON_AddStringToObject(doc, "language", language ? language : "zh-Hans");
		cJSON_AddBoolToObject(doc, "assisted_mode", assisted);
		if (kiosk_reference != NULL)
			cJSON_AddStringToObject(doc, "kiosk_reference", kiosk_reference);
		clock_format_iso(ctx->now, when, sizeof(when));
		cJSON_AddStringToObject(doc, "created_at", when);
		text = cJSON_PrintUnformatted(doc);
		if (text == NULL || sqlite3_reset(stmt) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 1, reference, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(stmt, 3, ctx->now) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 4, text, -1, SQLITE_STATIC) != SQLITE_OK) {
			rc = -1;
			break;
		}
		rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : sqlite3_extended_errcode(ctx->db) == SQLITE_CONSTRAINT_UNIQUE ? 1 : -1;
	}
	if (rc != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 201, doc);
	doc = NULL;
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
	cJSON_Delete(doc);
}

void routes_help_cancel(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	const char *kiosk_reference;
	long long requested_at = ctx->now;
	char when[40];
	cJSON *doc = NULL;
	char *text = NULL;
	sqlite3_stmt *find = NULL, *update = NULL;
	long long id = 0;
	json_reader_init(&r, resp);
	kiosk_reference = json_read_string(&r, req->json, NULL, "kiosk_reference", 11, true);
	json_read_time(&r, req->json, NULL, "requested_at", false, &requested_at);
	if (r.failed)
		goto out;
	if (!kiosk_reference_valid(kiosk_reference, "HQ-")) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "kiosk_reference", "must be HQ- and 8 hexadecimal digits (0-9, A-F)");
		goto out;
	}
	/* a kiosk calls off its own requests only */
	find = store_prepare(ctx->db, "SELECT id, doc FROM help_requests WHERE kiosk_id = ?1"
				      " AND json_extract(doc, '$.kiosk_reference') = ?2 ORDER BY id DESC LIMIT 1");
	if (find == NULL || sqlite3_bind_text(find, 1, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(find, 2, kiosk_reference, -1, SQLITE_STATIC) != SQLITE_OK) {
		routes_fail_internal(resp);
		goto out;
	}
	int rc = sqlite3_step(find);
	if (rc == SQLITE_DONE) {
		http_response_error(resp, 404, "help_request_not_found", "kiosk_reference: no help request of this kiosk",
				    false, "kiosk_reference", NULL);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		routes_fail_internal(resp);
		goto out;
	}
	id = sqlite3_column_int64(find, 0);
	doc = cJSON_Parse((const char *)sqlite3_column_text(find, 1));
	const char *status = doc ? cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "status")) : NULL;
	if (status != NULL && strcmp(status, "cancelled") == 0) {
		http_response_error(resp, 409, "already_cancelled", "kiosk_reference: this help request is already off", false,
				    "kiosk_reference", NULL);
		goto out;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(doc, "status");
	cJSON_AddStringToObject(doc, "status", "cancelled");
	clock_format_iso(requested_at, when, sizeof(when));
	cJSON_AddStringToObject(doc, "cancelled_at", when);
	text = cJSON_PrintUnformatted(doc);
	update = store_prepare(ctx->db, "UPDATE help_requests SET doc = ?2 WHERE id = ?1");
	if (text == NULL || update == NULL || sqlite3_bind_int64(update, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(update, 2, text, -1, SQLITE_STATIC) != SQLITE_OK || sqlite3_step(update) != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 200, doc);
	doc = NULL;
out:
	sqlite3_finalize(find);
	sqlite3_finalize(update);
	cJSON_free(text);
	cJSON_Delete(doc);
}

void routes_heartbeat(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	double uptime, pending, settings_version;
	char when[40];
	char *text = NULL;
	cJSON *ans = NULL;
	sqlite3_stmt *stmt = NULL;
	json_reader_init(&r, resp);
	json_read_string(&r, req->json, NULL, "app_version", 32, true);
	uptime = json_read_number(&r, req->json, NULL, "uptime_s", true, 0);
	pending = json_read_number(&r, req->json, NULL, "outbox_pending", false, 0);
	json_read_string(&r, req->json, NULL, "last_sync_at", 40, false);
	json_read_string(&r, req->json, NULL, "status", 32, false);
	settings_version = json_read_number(&r, req->json, NULL, "settings_version", false, 0);
	if (r.failed)
		goto out;
	if (uptime < 0 || pending < 0 || settings_version < 0) {
		json_reader_fail(&r, 400, "invalid_field", NULL,
				 uptime < 0 ? "uptime_s" : pending < 0 ? "outbox_pending" : "settings_version",
				 "must not be negative");
		goto out;
	}
	text = cJSON_PrintUnformatted(req->json);
	stmt = store_prepare(ctx->db, "INSERT INTO heartbeats(kiosk_id, received_at, doc) VALUES(?1, ?2, ?3)");
	if (text == NULL || stmt == NULL || sqlite3_bind_text(stmt, 1, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, ctx->now) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	ans = cJSON_CreateObject();
	cJSON_AddBoolToObject(ans, "received", true);
	clock_format_iso(ctx->now, when, sizeof(when));
	cJSON_AddStringToObject(ans, "server_time", when);
	if (routes_settings_offer(ctx, req->kiosk_id, (long long)settings_version, ans) != 0) {
		cJSON_Delete(ans);
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 200, ans);
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
}
