/*
 * routes_pledges: POST /v1/pledges. A pledge is a promise to pay later through the payment
 * link (shown as a QR code); the kiosk never handles card data. Amounts are yuan with at most
 * two decimals, 1 to 1,000,000, stored in fen. The donor's name is kept masked only.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "json_util.h"
#include "log.h"
#include "routes.h"
#include "rules_booking.h"

#define PAYMENT_BASE_URL "https://pay.jianghai-charity.example/pledge/"
#define PAYMENT_VALID_S (7 * 86400)

/* 0 open, 1 unknown, 2 closed, -1 error. */
static int project_state(struct route_ctx *ctx, const char *id)
{
	char today[16];
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT status = 'open' AND coalesce(json_extract(doc, '$.ends_on') >= ?2, 1)"
						    " FROM projects WHERE id = ?1");
	date_format(clock_beijing_date(ctx->now), today, sizeof(today));
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, today, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		result = 1;
	else if (rc == SQLITE_ROW)
		result = sqlite3_column_int(stmt, 0) ? 0 : 2;
out:
	sqlite3_finalize(stmt);
	return result;
}

void routes_pledge_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	const char *project, *donor_name, *phone, *language;
	bool anonymous, consent, receipt;
	double amount;
	long long fen;
	char reference[24], buf[160];
	cJSON *doc = NULL, *donor;
	char *text = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc = 1;
	json_reader_init(&r, resp);
	project = json_read_string(&r, req->json, NULL, "project_id", 64, true);
	amount = json_read_number(&r, req->json, NULL, "amount", true, 0);
	anonymous = json_read_bool(&r, req->json, NULL, "anonymous", false, false);
	donor_name = json_read_string(&r, req->json, NULL, "donor_name", BOOKING_NAME_MAX, false);
	phone = json_read_string(&r, req->json, NULL, "phone", 20, false);
	receipt = json_read_bool(&r, req->json, NULL, "receipt_requested", false, false);
	consent = json_read_bool(&r, req->json, NULL, "consent", true, false);
	language = json_read_string(&r, req->json, NULL, "language", 8, false);
	if (r.failed)
		goto out;
	if (!anonymous && (donor_name == NULL || donor_name[0] == '\0')) {
		json_reader_fail(&r, 400, "missing_field", NULL, "donor_name", "is required unless anonymous is true");
		goto out;
	}
	if (phone != NULL && !rules_phone_valid(phone)) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "phone", "is not a phone number");
		goto out;
	}
	fen = llround(amount * 100.0);
	if (fabs(amount * 100.0 - (double)fen) > 1e-6) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "amount", "has more than two decimals");
		goto out;
	}
	if (fen < 100 || fen > 100000000LL) {
		json_reader_fail(&r, 422, "amount_out_of_range", NULL, "amount", "must be 1 to 1,000,000 yuan");
		goto out;
	}
	if (!consent) {
		json_reader_fail(&r, 422, "consent_required", NULL, "consent", "the pledge terms must be accepted");
		goto out;
	}
	rc = project_state(ctx, project);
	if (rc != 0) {
		if (rc == 1)
			http_response_error(resp, 422, "unknown_project", "project_id: no such project", false, "project_id", NULL);
		else if (rc == 2)
			http_response_error(resp, 409, "project_closed", "project_id: this project no longer takes pledges",
					    false, "project_id", NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	stmt = store_prepare(ctx->db, "INSERT INTO pledges(reference, kiosk_id, project_id, amount_fen, created_at, doc)"
				      " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
	if (stmt == NULL) {
		routes_fail_internal(resp);
		goto out;
	}
	rc = 1;
	for (int attempt = 0; attempt < 5 && rc == 1; attempt++) {
		store_new_reference("PL", reference, sizeof(reference));
		cJSON_Delete(doc);
		cJSON_free(text);
		doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "reference", reference);
		cJSON_AddStringToObject(doc, "status", "awaiting_payment");
		cJSON_AddStringToObject(doc, "project_id", project);
		cJSON_AddNumberToObject(doc, "amount", (double)fen / 100.0);
		cJSON_AddStringToObject(doc, "currency", "CNY");
		donor = cJSON_AddObjectToObject(doc, "donor");
		cJSON_AddBoolToObject(donor, "anonymous", anonymous);
		if (!anonymous) {
			rules_mask_name(donor_name, buf, sizeof(buf));
			cJSON_AddStringToObject(donor, "name", buf);
		}
		if (phone != NULL) {
			rules_mask_phone(phone, buf, sizeof(buf));
			cJSON_AddStringToObject(donor, "phone", buf);
		}
		cJSON_AddBoolToObject(doc, "receipt_requested", receipt);
		cJSON_AddStringToObject(doc, "language", language ? language : "zh-Hans");
		snprintf(buf, sizeof(buf), PAYMENT_BASE_URL "%s?amount=%lld.%02lld", reference, fen / 100, fen % 100);
		cJSON_AddStringToObject(doc, "payment_url", buf);
		clock_format_iso(ctx->now + PAYMENT_VALID_S, buf, sizeof(buf));
		cJSON_AddStringToObject(doc, "payment_expires_at", buf);
		clock_format_iso(ctx->now, buf, sizeof(buf));
		cJSON_AddStringToObject(doc, "created_at", buf);
		text = cJSON_PrintUnformatted(doc);
		if (text == NULL || sqlite3_reset(stmt) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 1, reference, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 3, project, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(stmt, 4, fen) != SQLITE_OK || sqlite3_bind_int64(stmt, 5, ctx->now) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 6, text, -1, SQLITE_STATIC) != SQLITE_OK) {
			rc = -1;
			break;
		}
		rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : sqlite3_extended_errcode(ctx->db) == SQLITE_CONSTRAINT_UNIQUE ? 1 : -1;
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (rc != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	stmt = store_prepare(ctx->db, "UPDATE projects SET pledged_fen = pledged_fen + ?2, pledge_count = pledge_count + 1"
				      " WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, project, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, fen) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
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
