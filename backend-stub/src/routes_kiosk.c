/*
 * routes_kiosk: POST /v1/help-requests (the assisted mode's "call staff") and POST /v1/heartbeat
 * (kiosk health). Neither carries personal data; heartbeat bodies are stored as sent (already
 * capped at 64 KiB) after type checks of the fields the backend reads.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "json_util.h"
#include "routes.h"

static const char *const help_reasons[] = {"assistance", "accessibility", "device_problem", "other"};

void routes_help_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	const char *reason, *screen, *language;
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
	if (r.failed)
		goto out;
	for (size_t i = 0; i < sizeof(help_reasons) / sizeof(help_reasons[0]); i++)
		known = known || strcmp(reason, help_reasons[i]) == 0;
	if (!known) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "reason",
				 "must be assistance, accessibility, device_problem or other");
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

void routes_heartbeat(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	double uptime, pending;
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
	if (r.failed)
		goto out;
	if (uptime < 0 || pending < 0) {
		json_reader_fail(&r, 400, "invalid_field", NULL, uptime < 0 ? "uptime_s" : "outbox_pending",
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
	http_response_json(resp, 200, ans);
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
}
