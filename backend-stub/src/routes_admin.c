/*
 * routes_admin: GET /v1/admin/records?type=booking|pledge|withdrawal|help|heartbeat[&limit=N] and
 * POST /v1/admin/reset, for tests and demos. Enabled only with --admin-token (else 404).
 * Records hold masked personal data only; booking and pledge records show their current status
 * (a withdrawn pledge also its withdrawn_at). Booking, pledge and help items name the
 * Idempotency-Key of the request that created them (the first recorded answer carrying their
 * reference), so a test can match what a kiosk sent with what arrived. limit defaults to 1000, at
 * most 100000.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "routes.h"

/* The key of the request that created each record: per kiosk and reference, the first recorded 2xx
 * answer naming it (later ones are lookups, cancellations or withdrawals of it). Built once per
 * listing and joined, rather than searched per row. */
#define CREATED                                                                                          \
	"WITH created(kiosk_id, reference, key) AS (SELECT kiosk_id, ref, key FROM (SELECT kiosk_id,"       \
	" json_extract(body, '$.reference') AS ref, key, min(rowid) FROM idempotency WHERE status BETWEEN 200" \
	" AND 299 AND json_valid(body) GROUP BY kiosk_id, ref)) "
#define JOIN_CREATED(t) " LEFT JOIN created c ON c.kiosk_id = " t ".kiosk_id AND c.reference = " t ".reference"

void routes_admin_records(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	static const struct {
		const char *type, *sql, *count_sql;
	} kinds[] = {
		{"booking", CREATED "SELECT b.kiosk_id, b.created_at, b.doc, b.status, c.key FROM bookings b"
		 JOIN_CREATED("b") " ORDER BY b.id LIMIT ?1", "SELECT count(*) FROM bookings"},
		{"pledge",
		 CREATED "SELECT p.kiosk_id, p.created_at, CASE WHEN p.withdrawn_at IS NULL THEN p.doc ELSE"
		 " json_set(p.doc, '$.withdrawn_at', strftime('%Y-%m-%dT%H:%M:%S+08:00', p.withdrawn_at + 28800,"
		 " 'unixepoch')) END, p.status, c.key FROM pledges p" JOIN_CREATED("p") " ORDER BY p.id LIMIT ?1",
		 "SELECT count(*) FROM pledges"},
		{"withdrawal", "SELECT kiosk_id, created_at, doc, NULL, NULL FROM withdrawals ORDER BY id LIMIT ?1",
		 "SELECT count(*) FROM withdrawals"},
		{"help", CREATED "SELECT h.kiosk_id, h.created_at, h.doc, NULL, c.key FROM help_requests h"
		 JOIN_CREATED("h") " ORDER BY h.id LIMIT ?1", "SELECT count(*) FROM help_requests"},
		{"heartbeat", "SELECT kiosk_id, received_at, doc, NULL, NULL FROM heartbeats ORDER BY id LIMIT ?1",
		 "SELECT count(*) FROM heartbeats"},
	};
	const char *type = req->query(req, "type"), *limit_s = req->query(req, "limit");
	long limit = 1000;
	int rc = SQLITE_ERROR, k = -1;
	cJSON *root = NULL, *items;
	sqlite3_stmt *stmt = NULL;
	for (int i = 0; type != NULL && i < (int)(sizeof(kinds) / sizeof(kinds[0])); i++)
		if (strcmp(type, kinds[i].type) == 0)
			k = i;
	if (k < 0) {
		http_response_error(resp, 400, type ? "invalid_field" : "missing_field",
				    "type: must be booking, pledge, withdrawal, help or heartbeat", false, "type", NULL);
		goto out;
	}
	if (limit_s != NULL) {
		char *end = NULL;
		limit = strtol(limit_s, &end, 10);
		if (end == limit_s || *end != '\0' || limit < 1 || limit > 100000) {
			http_response_error(resp, 400, "invalid_field", "limit: must be 1 to 100000", false, "limit", NULL);
			goto out;
		}
	}
	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "type", type);
	stmt = store_prepare(ctx->db, kinds[k].count_sql);
	if (stmt == NULL || sqlite3_step(stmt) != SQLITE_ROW) {
		routes_fail_internal(resp);
		goto out;
	}
	cJSON_AddNumberToObject(root, "count", (double)sqlite3_column_int64(stmt, 0));
	sqlite3_finalize(stmt);
	items = cJSON_AddArrayToObject(root, "items");
	stmt = store_prepare(ctx->db, kinds[k].sql);
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, limit) != SQLITE_OK) {
		routes_fail_internal(resp);
		goto out;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char when[40];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kiosk_id", (const char *)sqlite3_column_text(stmt, 0));
		clock_format_iso(sqlite3_column_int64(stmt, 1), when, sizeof(when));
		cJSON_AddStringToObject(o, "received_at", when);
		cJSON *doc = cJSON_Parse((const char *)sqlite3_column_text(stmt, 2));
		if (doc != NULL && sqlite3_column_type(stmt, 3) != SQLITE_NULL)
			cJSON_ReplaceItemInObject(doc, "status", cJSON_CreateString((const char *)sqlite3_column_text(stmt, 3)));
		cJSON_AddItemToObject(o, "record", doc ? doc : cJSON_CreateNull());
		if (sqlite3_column_type(stmt, 4) == SQLITE_TEXT)
			cJSON_AddStringToObject(o, "idempotency_key", (const char *)sqlite3_column_text(stmt, 4));
		cJSON_AddItemToArray(items, o);
	}
	if (rc != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 200, root);
	root = NULL;
out:
	sqlite3_finalize(stmt);
	cJSON_Delete(root);
}

void routes_admin_reset(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	cJSON *ans;
	(void)req;
	if (store_reset_records(ctx->db, ctx->now) != 0) {
		routes_fail_internal(resp);
		return;
	}
	ans = cJSON_CreateObject();
	cJSON_AddBoolToObject(ans, "reset", true);
	http_response_json(resp, 200, ans);
}
