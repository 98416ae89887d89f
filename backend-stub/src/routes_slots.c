/*
 * routes_slots: GET /v1/slots?service=ID&office=ID[&from=YYYY-MM-DD][&to=YYYY-MM-DD].
 * from/to default to the office's booking window; a range is at most 62 days. Every slot in
 * the range is listed with capacity and free places; "bookable" says whether the window and
 * the free count allow booking it now.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "routes.h"
#include "slots.h"

static int service_exists(sqlite3 *db, const char *service)
{
	int found = 0;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT 1 FROM services WHERE id = ?1");
	if (stmt != NULL && sqlite3_bind_text(stmt, 1, service, -1, SQLITE_STATIC) == SQLITE_OK)
		found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

void routes_slots(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	const char *service = req->query(req, "service"), *office = req->query(req, "office");
	const char *from_s = req->query(req, "from"), *to_s = req->query(req, "to");
	struct civil_date from, to;
	long first, last, today = date_to_days(clock_beijing_date(ctx->now));
	char f[16], t[16];
	int rc = SQLITE_ERROR;
	cJSON *root = NULL, *items;
	sqlite3_stmt *stmt = NULL;
	if (service == NULL || service[0] == '\0' || strlen(service) > 64) {
		http_response_error(resp, 400, service ? "invalid_field" : "missing_field", "service: a service id is required",
				    false, "service", NULL);
		goto out;
	}
	if (office == NULL || office[0] == '\0' || strlen(office) > 64) {
		http_response_error(resp, 400, office ? "invalid_field" : "missing_field", "office: an office id is required",
				    false, "office", NULL);
		goto out;
	}
	if (slots_office_window(ctx->db, office, today, &first, &last) != 0) {
		http_response_error(resp, 404, "unknown_office", "office: no such office", false, "office", NULL);
		goto out;
	}
	if (!service_exists(ctx->db, service)) {
		http_response_error(resp, 404, "unknown_service", "service: no such service", false, "service", NULL);
		goto out;
	}
	from = date_from_days(first);
	to = date_from_days(last);
	if (from_s != NULL && date_parse(from_s, &from) != 0) {
		http_response_error(resp, 400, "invalid_field", "from: must be a date YYYY-MM-DD", false, "from", NULL);
		goto out;
	}
	if (to_s != NULL && date_parse(to_s, &to) != 0) {
		http_response_error(resp, 400, "invalid_field", "to: must be a date YYYY-MM-DD", false, "to", NULL);
		goto out;
	}
	if (date_to_days(to) < date_to_days(from) || date_to_days(to) - date_to_days(from) > 62) {
		http_response_error(resp, 400, "invalid_field", "to: must be on or after from, at most 62 days later", false,
				    "to", NULL);
		goto out;
	}
	date_format(from, f, sizeof(f));
	date_format(to, t, sizeof(t));
	stmt = store_prepare(ctx->db, "SELECT " SLOTS_COLUMNS " FROM slots WHERE office_id = ?1 AND service_id = ?2"
						  " AND date >= ?3 AND date <= ?4 ORDER BY date, start");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, office, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, service, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, f, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 4, t, -1, SQLITE_STATIC) != SQLITE_OK) {
		routes_fail_internal(resp);
		goto out;
	}
	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "service", service);
	cJSON_AddStringToObject(root, "office", office);
	cJSON_AddStringToObject(root, "from", f);
	cJSON_AddStringToObject(root, "to", t);
	items = cJSON_AddArrayToObject(root, "items");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct civil_date d;
		date_parse((const char *)sqlite3_column_text(stmt, 3), &d);
		long day = date_to_days(d);
		cJSON_AddItemToArray(items, slots_row_json(stmt, day >= first && day <= last));
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
