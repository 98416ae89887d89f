/*
 * routes_reference: GET /v1/services, /v1/offices, /v1/programmes, /v1/projects, /v1/texts.
 * Each answers {"items": ...} built from the seeded documents; the server derives the ETag
 * from the body, so a tag changes exactly when the data does (projects change with pledges and
 * withdrawals). A project's as_of is when its figures last changed, not the time of the request:
 * a request-time stamp would change the tag every second and defeat revalidation.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "log.h"
#include "routes.h"

/* Answer {"items":[doc...]} from a query whose first column is a JSON document. */
static void list_docs(struct route_ctx *ctx, const char *sql, struct http_response *resp)
{
	cJSON *root = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(root, "items");
	sqlite3_stmt *stmt = store_prepare(ctx->db, sql);
	int rc = SQLITE_ERROR;
	if (stmt != NULL) {
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			cJSON_AddItemToArray(items, cJSON_Parse((const char *)sqlite3_column_text(stmt, 0)));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(root);
		routes_fail_internal(resp);
		return;
	}
	http_response_json(resp, 200, root);
}

void routes_services(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	(void)req;
	list_docs(ctx, "SELECT doc FROM services ORDER BY sort", resp);
}

void routes_offices(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	(void)req;
	list_docs(ctx, "SELECT doc FROM offices ORDER BY sort", resp);
}

void routes_programmes(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	(void)req;
	list_docs(ctx, "SELECT doc FROM programmes ORDER BY sort", resp);
}

void routes_projects(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	char today[16], as_of[40];
	int rc = SQLITE_ERROR;
	cJSON *root = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(root, "items");
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT doc, status, goal_fen, raised_fen, pledged_fen, pledge_count,"
						    " amount_min_fen, amount_max_fen, amount_decimals, figures_at"
						    " FROM projects ORDER BY sort");
	(void)req;
	date_format(clock_beijing_date(ctx->now), today, sizeof(today));
	while (stmt != NULL && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		cJSON *doc = cJSON_Parse((const char *)sqlite3_column_text(stmt, 0));
		if (doc == NULL)
			continue;
		const cJSON *ends = cJSON_GetObjectItemCaseSensitive(doc, "ends_on");
		int open = strcmp((const char *)sqlite3_column_text(stmt, 1), "open") == 0 &&
			   (!cJSON_IsString(ends) || strcmp(ends->valuestring, today) >= 0);
		double goal = (double)sqlite3_column_int64(stmt, 2) / 100.0;
		double raised = (double)sqlite3_column_int64(stmt, 3) / 100.0;
		cJSON_AddStringToObject(doc, "status", open ? "open" : "closed");
		cJSON_AddNumberToObject(doc, "goal", goal);
		cJSON_AddNumberToObject(doc, "raised", raised);
		cJSON_AddNumberToObject(doc, "pledged", (double)sqlite3_column_int64(stmt, 4) / 100.0);
		cJSON_AddNumberToObject(doc, "pledge_count", sqlite3_column_int(stmt, 5));
		cJSON_AddNumberToObject(doc, "progress_percent", goal > 0 ? (double)(int)(raised * 1000.0 / goal) / 10.0 : 0);
		cJSON_AddStringToObject(doc, "currency", "CNY");
		clock_format_iso(sqlite3_column_int64(stmt, 9), as_of, sizeof(as_of));
		cJSON_AddStringToObject(doc, "as_of", as_of);
		cJSON_AddNumberToObject(doc, "amount_min", (double)sqlite3_column_int64(stmt, 6) / 100.0);
		cJSON_AddNumberToObject(doc, "amount_max", (double)sqlite3_column_int64(stmt, 7) / 100.0);
		cJSON_AddNumberToObject(doc, "amount_decimals", sqlite3_column_int(stmt, 8));
		cJSON_AddItemToArray(items, doc);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(root);
		routes_fail_internal(resp);
		return;
	}
	http_response_json(resp, 200, root);
}

void routes_texts(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	int rc = SQLITE_ERROR;
	cJSON *root = cJSON_CreateObject(), *items = cJSON_AddObjectToObject(root, "items");
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT key, hans, hant, en FROM texts ORDER BY sort");
	(void)req;
	while (stmt != NULL && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		cJSON *t = cJSON_CreateObject();
		cJSON_AddStringToObject(t, "zh-Hans", (const char *)sqlite3_column_text(stmt, 1));
		cJSON_AddStringToObject(t, "zh-Hant", (const char *)sqlite3_column_text(stmt, 2));
		cJSON_AddStringToObject(t, "en", (const char *)sqlite3_column_text(stmt, 3));
		cJSON_AddItemToObject(items, (const char *)sqlite3_column_text(stmt, 0), t);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(root);
		routes_fail_internal(resp);
		return;
	}
	http_response_json(resp, 200, root);
}
