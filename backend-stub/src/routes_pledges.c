/*
 * routes_pledges: POST /v1/pledges and POST /v1/pledges/withdraw. A pledge is a promise to pay
 * later through the payment link (shown as a QR code); the kiosk never handles card data. Amounts
 * are yuan, stored in fen, within the project's amount_min..amount_max and with no more decimals
 * than its amount_decimals. The donor's name is kept masked only.
 *
 * A kiosk that was offline sends what it stamped at the time: pledged_at (when the visitor
 * confirmed) and its own receipt number kiosk_reference (unique per kiosk). A withdrawal is judged
 * on those stamps too: requested_at at most WITHDRAW_WINDOW_S after pledged_at, so a pledge and its
 * withdrawal that both waited in an outbox are judged by when the visitor acted.
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
/* How far a kiosk-stamped time may run ahead of the server clock (the signature's tolerance). */
#define FUTURE_SLACK_S 300
/* How long after pledged_at a visitor may withdraw. */
#define WITHDRAW_WINDOW_S 600
#define KIOSK_REFERENCE_LEN 11
/* Stands in for an amount too large to convert to fen exactly. */
#define AMOUNT_HUGE_FEN 100000000000000LL

struct project_row {
	bool open;
	long long min_fen, max_fen;
	int decimals;
};

/*
 * Load project id as of Unix time `at` (a project past its end date still takes a pledge the visitor
 * confirmed on or before that date). 0 found, 1 unknown, -1 error.
 */
static int load_project(struct route_ctx *ctx, const char *id, long long at, struct project_row *row)
{
	char day[16];
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT status = 'open' AND coalesce(json_extract(doc, '$.ends_on') >= ?2, 1),"
						    " amount_min_fen, amount_max_fen, amount_decimals FROM projects WHERE id = ?1");
	date_format(clock_beijing_date(at), day, sizeof(day));
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, day, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
	} else if (rc == SQLITE_ROW) {
		row->open = sqlite3_column_int(stmt, 0) != 0;
		row->min_fen = sqlite3_column_int64(stmt, 1);
		row->max_fen = sqlite3_column_int64(stmt, 2);
		row->decimals = sqlite3_column_int(stmt, 3);
		result = 0;
	}
out:
	sqlite3_finalize(stmt);
	return result;
}

/* The reference of this kiosk's pledge with kiosk_reference into out: 0 found, 1 none, -1 error. */
static int find_by_kiosk_reference(struct route_ctx *ctx, const char *kiosk_id, const char *kiosk_reference,
				   char *out, size_t cap)
{
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT reference FROM pledges WHERE kiosk_id = ?1 AND kiosk_reference = ?2");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, kiosk_reference, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
	} else if (rc == SQLITE_ROW) {
		snprintf(out, cap, "%s", (const char *)sqlite3_column_text(stmt, 0));
		result = 0;
	}
out:
	sqlite3_finalize(stmt);
	return result;
}

/* Add delta_fen and delta_count to a project's pledge totals, dating its figures now; 0 on success. */
static int adjust_project(struct route_ctx *ctx, const char *project, long long delta_fen, int delta_count)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "UPDATE projects SET pledged_fen = pledged_fen + ?2,"
						    " pledge_count = pledge_count + ?3, figures_at = ?4 WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, project, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, delta_fen) != SQLITE_OK || sqlite3_bind_int(stmt, 3, delta_count) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 4, ctx->now) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE)
		goto out;
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* Check the amount against the project's limits; 0 if fine, else resp holds the 422. */
static int check_amount(const struct project_row *p, long long fen, struct http_response *resp)
{
	char msg[160];
	long long unit = p->decimals >= 2 ? 1 : p->decimals == 1 ? 10 : 100;
	if (fen < p->min_fen || fen > p->max_fen) {
		snprintf(msg, sizeof(msg), "amount: must be %lld to %lld yuan for this project", p->min_fen / 100,
			 p->max_fen / 100);
		http_response_error(resp, 422, "amount_out_of_range", msg, false, "amount", NULL);
		return -1;
	}
	if (fen % unit != 0) {
		snprintf(msg, sizeof(msg), "amount: this project takes amounts with at most %d decimals", p->decimals);
		http_response_error(resp, 422, "amount_precision", msg, false, "amount", NULL);
		return -1;
	}
	return 0;
}

void routes_pledge_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	struct project_row project_row;
	const char *project, *donor_name, *phone, *language, *kiosk_reference, *receipt_name;
	bool anonymous, consent, receipt;
	double amount;
	long long fen, pledged_at = ctx->now;
	char reference[24], buf[160], existing[24];
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
	receipt_name = json_read_string(&r, req->json, NULL, "receipt_name", BOOKING_NAME_MAX, false);
	consent = json_read_bool(&r, req->json, NULL, "consent", true, false);
	language = json_read_string(&r, req->json, NULL, "language", 8, false);
	kiosk_reference = json_read_string(&r, req->json, NULL, "kiosk_reference", KIOSK_REFERENCE_LEN, false);
	json_read_time(&r, req->json, NULL, "pledged_at", false, &pledged_at);
	if (r.failed)
		goto out;
	if (!anonymous && (donor_name == NULL || donor_name[0] == '\0')) {
		json_reader_fail(&r, 400, "missing_field", NULL, "donor_name", "is required unless anonymous is true");
		goto out;
	}
	if (receipt_name != NULL && receipt_name[0] == '\0')
		receipt_name = NULL;
	if (phone != NULL && !rules_phone_valid(phone)) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "phone", "is not a phone number");
		goto out;
	}
	if (kiosk_reference != NULL && !kiosk_reference_valid(kiosk_reference, "JC-")) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "kiosk_reference", "must be JC- and 8 hexadecimal digits (0-9, A-F)");
		goto out;
	}
	if (fabs(amount) > 1e12) {
		fen = amount > 0 ? AMOUNT_HUGE_FEN : -AMOUNT_HUGE_FEN; /* out of every project's range */
	} else {
		fen = llround(amount * 100.0);
		if (fabs(amount * 100.0 - (double)fen) > 1e-6) {
			json_reader_fail(&r, 400, "invalid_field", NULL, "amount", "has more than two decimals");
			goto out;
		}
	}
	if (receipt && anonymous && receipt_name == NULL) {
		json_reader_fail(&r, 422, "receipt_name_required", NULL, "receipt_name",
				 "an anonymous pledge needs the name the receipt is made out to");
		goto out;
	}
	if (pledged_at > ctx->now + FUTURE_SLACK_S) {
		json_reader_fail(&r, 422, "invalid_field", NULL, "pledged_at", "is more than 300 seconds in the future");
		goto out;
	}
	rc = load_project(ctx, project, pledged_at, &project_row);
	if (rc != 0) {
		if (rc == 1)
			http_response_error(resp, 422, "unknown_project", "project_id: no such project", false, "project_id", NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	if (!project_row.open) {
		http_response_error(resp, 409, "project_closed", "project_id: this project no longer takes pledges", false,
				    "project_id", NULL);
		goto out;
	}
	if (check_amount(&project_row, fen, resp) != 0)
		goto out;
	if (!consent) {
		json_reader_fail(&r, 422, "consent_required", NULL, "consent", "the pledge terms must be accepted");
		goto out;
	}
	if (kiosk_reference != NULL) {
		rc = find_by_kiosk_reference(ctx, req->kiosk_id, kiosk_reference, existing, sizeof(existing));
		if (rc == 0) {
			cJSON *extra = cJSON_CreateObject();
			cJSON_AddStringToObject(extra, "reference", existing);
			http_response_error(resp, 409, "duplicate_pledge",
					    "kiosk_reference: this kiosk already sent a pledge with this receipt number", false,
					    "kiosk_reference", extra);
			goto out;
		}
		if (rc < 0) {
			routes_fail_internal(resp);
			goto out;
		}
	}
	stmt = store_prepare(ctx->db, "INSERT INTO pledges(reference, kiosk_id, kiosk_reference, project_id, amount_fen,"
				      " pledged_at, created_at, status, doc) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'awaiting_payment', ?8)");
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
		/* The receipt's name: as given, else the donor's; none without a receipt. */
		const char *on_receipt = !receipt ? NULL : receipt_name ? receipt_name : anonymous ? NULL : donor_name;
		if (on_receipt != NULL) {
			rules_mask_name(on_receipt, buf, sizeof(buf));
			cJSON_AddStringToObject(doc, "receipt_name", buf);
		} else {
			cJSON_AddNullToObject(doc, "receipt_name");
		}
		cJSON_AddStringToObject(doc, "language", language ? language : "zh-Hans");
		if (kiosk_reference != NULL)
			cJSON_AddStringToObject(doc, "kiosk_reference", kiosk_reference);
		else
			cJSON_AddNullToObject(doc, "kiosk_reference");
		clock_format_iso(pledged_at, buf, sizeof(buf));
		cJSON_AddStringToObject(doc, "pledged_at", buf);
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
		    (kiosk_reference ? sqlite3_bind_text(stmt, 3, kiosk_reference, -1, SQLITE_STATIC)
				     : sqlite3_bind_null(stmt, 3)) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 4, project, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(stmt, 5, fen) != SQLITE_OK || sqlite3_bind_int64(stmt, 6, pledged_at) != SQLITE_OK ||
		    sqlite3_bind_int64(stmt, 7, ctx->now) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 8, text, -1, SQLITE_STATIC) != SQLITE_OK) {
			rc = -1;
			break;
		}
		/* Only a clash of the random reference is retried; kiosk_reference was checked above. */
		rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : sqlite3_extended_errcode(ctx->db) == SQLITE_CONSTRAINT_UNIQUE ? 1 : -1;
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (rc != 0 || adjust_project(ctx, project, fen, 1) != 0) {
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

struct pledge_row {
	long long id, amount_fen, pledged_at;
	char reference[24], kiosk_reference[16], project[65], status[24];
	bool has_kiosk_reference;
};

/*
 * Find a pledge by reference (any kiosk's; case-insensitive) or by kiosk_reference (only among
 * kiosk_id's pledges). 0 found, 1 not found, -1 error.
 */
static int find_pledge(struct route_ctx *ctx, const char *reference, const char *kiosk_id, const char *kiosk_reference,
		       struct pledge_row *row)
{
	char upper[24];
	int result = -1, rc;
	size_t i;
	sqlite3_stmt *stmt;
	if (reference != NULL) {
		for (i = 0; reference[i] != '\0' && i + 1 < sizeof(upper); i++)
			upper[i] = (reference[i] >= 'a' && reference[i] <= 'z') ? (char)(reference[i] - 32) : reference[i];
		upper[i] = '\0';
		stmt = store_prepare(ctx->db, "SELECT id, reference, kiosk_reference, project_id, amount_fen, pledged_at, status"
					      " FROM pledges WHERE reference = ?1");
		if (stmt == NULL || sqlite3_bind_text(stmt, 1, upper, -1, SQLITE_STATIC) != SQLITE_OK)
			goto out;
	} else {
		stmt = store_prepare(ctx->db, "SELECT id, reference, kiosk_reference, project_id, amount_fen, pledged_at, status"
					      " FROM pledges WHERE kiosk_id = ?1 AND kiosk_reference = ?2");
		if (stmt == NULL || sqlite3_bind_text(stmt, 1, kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, kiosk_reference, -1, SQLITE_STATIC) != SQLITE_OK)
			goto out;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
		goto out;
	}
	if (rc != SQLITE_ROW)
		goto out;
	row->id = sqlite3_column_int64(stmt, 0);
	snprintf(row->reference, sizeof(row->reference), "%s", (const char *)sqlite3_column_text(stmt, 1));
	row->has_kiosk_reference = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	snprintf(row->kiosk_reference, sizeof(row->kiosk_reference), "%s",
		 row->has_kiosk_reference ? (const char *)sqlite3_column_text(stmt, 2) : "");
	snprintf(row->project, sizeof(row->project), "%s", (const char *)sqlite3_column_text(stmt, 3));
	row->amount_fen = sqlite3_column_int64(stmt, 4);
	row->pledged_at = sqlite3_column_int64(stmt, 5);
	snprintf(row->status, sizeof(row->status), "%s", (const char *)sqlite3_column_text(stmt, 6));
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* Mark the pledge withdrawn and record the withdrawal (the answer doc plus language); 0 on success. */
static int store_withdrawal(struct route_ctx *ctx, const struct http_request *req, const struct pledge_row *row,
			    long long requested_at, const char *language, const cJSON *doc)
{
	int result = -1;
	cJSON *record = cJSON_Duplicate(doc, 1);
	char *text = NULL;
	sqlite3_stmt *stmt = NULL;
	if (record == NULL)
		goto out;
	cJSON_AddStringToObject(record, "language", language ? language : "zh-Hans");
	text = cJSON_PrintUnformatted(record);
	stmt = store_prepare(ctx->db, "UPDATE pledges SET status = 'withdrawn', withdrawn_at = ?2 WHERE id = ?1");
	if (text == NULL || stmt == NULL || sqlite3_bind_int64(stmt, 1, row->id) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, ctx->now) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE)
		goto out;
	sqlite3_finalize(stmt);
	stmt = store_prepare(ctx->db, "INSERT INTO withdrawals(pledge_reference, kiosk_id, requested_at, created_at, doc)"
				      " VALUES(?1, ?2, ?3, ?4, ?5)");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, row->reference, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 3, requested_at) != SQLITE_OK || sqlite3_bind_int64(stmt, 4, ctx->now) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 5, text, -1, SQLITE_STATIC) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE)
		goto out;
	if (adjust_project(ctx, row->project, -row->amount_fen, -1) != 0)
		goto out;
	result = 0;
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
	cJSON_Delete(record);
	return result;
}

void routes_pledge_withdraw(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	struct pledge_row row;
	const char *reference, *kiosk_reference, *language;
	long long requested_at = 0;
	char when[40];
	cJSON *doc = NULL;
	int rc;
	json_reader_init(&r, resp);
	reference = json_read_string(&r, req->json, NULL, "reference", 24, false);
	kiosk_reference = json_read_string(&r, req->json, NULL, "kiosk_reference", KIOSK_REFERENCE_LEN, false);
	json_read_time(&r, req->json, NULL, "requested_at", true, &requested_at);
	language = json_read_string(&r, req->json, NULL, "language", 8, false);
	if (r.failed)
		goto out;
	if (reference == NULL && kiosk_reference == NULL) {
		json_reader_fail(&r, 400, "missing_field", NULL, "reference", "give reference or kiosk_reference");
		goto out;
	}
	if (reference != NULL && kiosk_reference != NULL) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "kiosk_reference",
				 "give reference or kiosk_reference, not both");
		goto out;
	}
	if (kiosk_reference != NULL && !kiosk_reference_valid(kiosk_reference, "JC-")) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "kiosk_reference", "must be JC- and 8 hexadecimal digits (0-9, A-F)");
		goto out;
	}
	if (requested_at > ctx->now + FUTURE_SLACK_S) {
		json_reader_fail(&r, 422, "invalid_field", NULL, "requested_at", "is more than 300 seconds in the future");
		goto out;
	}
	rc = find_pledge(ctx, reference, req->kiosk_id, kiosk_reference, &row);
	if (rc != 0) {
		if (rc == 1)
			http_response_error(resp, 404, "pledge_not_found", "no pledge with this reference", false, NULL, NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	if (strcmp(row.status, "withdrawn") == 0) {
		http_response_error(resp, 409, "already_withdrawn", "this pledge was already withdrawn", false, NULL, NULL);
		goto out;
	}
	if (requested_at < row.pledged_at) {
		json_reader_fail(&r, 422, "invalid_field", NULL, "requested_at", "is before the pledge was made (pledged_at)");
		goto out;
	}
	if (requested_at - row.pledged_at > WITHDRAW_WINDOW_S) {
		http_response_error(resp, 409, "withdrawal_too_late",
				    "requested_at: a pledge can be withdrawn only within 600 seconds of pledged_at", false,
				    "requested_at", NULL);
		goto out;
	}
	doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "reference", row.reference);
	if (row.has_kiosk_reference)
		cJSON_AddStringToObject(doc, "kiosk_reference", row.kiosk_reference);
	else
		cJSON_AddNullToObject(doc, "kiosk_reference");
	cJSON_AddStringToObject(doc, "status", "withdrawn");
	clock_format_iso(ctx->now, when, sizeof(when));
	cJSON_AddStringToObject(doc, "withdrawn_at", when);
	clock_format_iso(requested_at, when, sizeof(when));
	cJSON_AddStringToObject(doc, "requested_at", when);
	cJSON_AddStringToObject(doc, "project_id", row.project);
	cJSON_AddNumberToObject(doc, "amount", (double)row.amount_fen / 100.0);
	if (store_withdrawal(ctx, req, &row, requested_at, language, doc) != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 200, doc);
	doc = NULL;
out:
	cJSON_Delete(doc);
}
