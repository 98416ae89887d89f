/*
 * routes_bookings: POST /v1/bookings, /v1/bookings/lookup and /v1/bookings/cancel. Runs inside
 * the server's IMMEDIATE transaction, so the capacity check-and-increment, the one-open-booking
 * check and the insert are atomic. Only keyed hashes and masked forms of personal data are kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "json_util.h"
#include "log.h"
#include "routes.h"
#include "rules_booking.h"
#include "slots.h"

struct slot_row {
	long long id;
	char office[65], service[65], date[11], start[6];
	int capacity, booked;
	cJSON *json;
};

void routes_fail_internal(struct http_response *resp)
{
	http_response_error(resp, 500, "internal", "internal error, please retry", true, NULL, NULL);
}

/* 0 found, 1 not found, -1 database error. */
static int load_service(sqlite3 *db, const char *id, struct booking_service *svc)
{
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT kind, parties_min, parties_max FROM services WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
		goto out;
	}
	if (rc != SQLITE_ROW)
		goto out;
	snprintf(svc->kind, sizeof(svc->kind), "%s", (const char *)sqlite3_column_text(stmt, 0));
	svc->parties_min = sqlite3_column_int(stmt, 1);
	svc->parties_max = sqlite3_column_int(stmt, 2);
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* 0 if office exists and offers service, 1 unknown office, 2 not offered there, -1 error. */
static int check_office(sqlite3 *db, const char *office, const char *service)
{
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT (SELECT count(*) FROM offices WHERE id = ?1),"
					       " (SELECT count(*) FROM office_services WHERE office_id = ?1 AND service_id = ?2)");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, office, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, service, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		goto out;
	result = sqlite3_column_int(stmt, 0) == 0 ? 1 : sqlite3_column_int(stmt, 1) == 0 ? 2 : 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* 0 found, 1 not found, -1 error; row->json is owned by the caller on success. */
static int load_slot(sqlite3 *db, long long id, struct slot_row *row)
{
	int result = -1, rc;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT " SLOTS_COLUMNS " FROM slots WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, id) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
		goto out;
	}
	if (rc != SQLITE_ROW)
		goto out;
	row->id = sqlite3_column_int64(stmt, 0);
	snprintf(row->office, sizeof(row->office), "%s", (const char *)sqlite3_column_text(stmt, 1));
	snprintf(row->service, sizeof(row->service), "%s", (const char *)sqlite3_column_text(stmt, 2));
	snprintf(row->date, sizeof(row->date), "%s", (const char *)sqlite3_column_text(stmt, 3));
	snprintf(row->start, sizeof(row->start), "%s", (const char *)sqlite3_column_text(stmt, 4));
	row->capacity = sqlite3_column_int(stmt, 6);
	row->booked = sqlite3_column_int(stmt, 7);
	row->json = slots_row_json(stmt, 1);
	cJSON_DeleteItemFromObject(row->json, "free");
	cJSON_DeleteItemFromObject(row->json, "bookable");
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

static void respond_designated_office(sqlite3 *db, struct http_response *resp)
{
	cJSON *extra = cJSON_CreateObject();
	sqlite3_stmt *stmt = store_prepare(
		db, "SELECT doc FROM offices WHERE json_extract(doc, '$.role') = 'designated_cross_border_registry' LIMIT 1");
	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		cJSON_AddItemToObject(extra, "office", cJSON_Parse((const char *)sqlite3_column_text(stmt, 0)));
	sqlite3_finalize(stmt);
	http_response_error(resp, 422, "designated_office",
			    "a party from Hong Kong, Macau, Taiwan or abroad: please go to the designated registry "
			    "office instead",
			    false, "parties", extra);
}

/* 1 if one of the parties already has an open booking for service, 0 if not, -1 on error; *which = party index. */
static int has_open_booking(struct route_ctx *ctx, const struct booking_input *in, const char *today, int *which)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT 1 FROM booking_ids bi JOIN bookings b ON b.id = bi.booking_id"
						    " WHERE bi.doc_hash = ?1 AND bi.service_id = ?2 AND b.status = 'booked'"
						    " AND b.slot_date >= ?3 LIMIT 1");
	if (stmt == NULL)
		goto out;
	for (int i = 0; i < in->party_count; i++) {
		char hash[65];
		store_pii_hash(ctx->store, in->parties[i].doc_number, hash);
		if (sqlite3_reset(stmt) != SQLITE_OK || sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, in->service, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 3, today, -1, SQLITE_STATIC) != SQLITE_OK)
			goto out;
		int rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			*which = i;
			result = 1;
			goto out;
		}
		if (rc != SQLITE_DONE)
			goto out;
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* 1 if a place was taken, 0 if the slot is full, -1 on error. */
static int take_place(sqlite3 *db, long long slot_id)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "UPDATE slots SET booked = booked + 1 WHERE id = ?1 AND booked < capacity");
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, slot_id) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE)
		goto out;
	result = sqlite3_changes(db) == 1;
out:
	sqlite3_finalize(stmt);
	return result;
}

static cJSON *booking_doc(const struct booking_input *in, const struct slot_row *slot, const char *reference,
			  long long now)
{
	char buf[96];
	struct civil_date d;
	cJSON *doc = cJSON_CreateObject(), *parties;
	cJSON_AddStringToObject(doc, "reference", reference);
	cJSON_AddStringToObject(doc, "status", "booked");
	cJSON_AddStringToObject(doc, "service", in->service);
	cJSON_AddStringToObject(doc, "office", in->office);
	cJSON_AddItemToObject(doc, "slot", cJSON_Duplicate(slot->json, 1));
	parties = cJSON_AddArrayToObject(doc, "parties");
	for (int i = 0; i < in->party_count; i++) {
		cJSON *p = cJSON_CreateObject();
		rules_mask_name(in->parties[i].name, buf, sizeof(buf));
		cJSON_AddStringToObject(p, "name", buf);
		cJSON_AddStringToObject(p, "id_type", id_document_type_name(in->parties[i].doc_type));
		id_document_mask(in->parties[i].doc_number, buf, sizeof(buf));
		cJSON_AddStringToObject(p, "id_number", buf);
		cJSON_AddItemToArray(parties, p);
	}
	rules_mask_phone(in->phone, buf, sizeof(buf));
	cJSON_AddStringToObject(doc, "phone", buf);
	cJSON_AddStringToObject(doc, "language", in->language ? in->language : "zh-Hans");
	clock_format_iso(now, buf, sizeof(buf));
	cJSON_AddStringToObject(doc, "created_at", buf);
	date_parse(slot->date, &d);
	date_format(date_from_days(date_to_days(d) - 1), buf, sizeof(buf));
	strcat(buf, "T23:59:59+08:00");
	cJSON_AddStringToObject(doc, "cancel_until", buf);
	return doc;
}

/* Bind and step one prepared insert; 0 on SQLITE_DONE, 1 on a UNIQUE clash, -1 otherwise. */
static int step_insert(sqlite3 *db, sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		return 1;
	log_error("sqlite: %s", sqlite3_errmsg(db));
	return -1;
}

/* Insert the booking and its document hashes; *doc_out (owned by caller) is the booking as answered. */
static int insert_booking(struct route_ctx *ctx, const struct http_request *req, const struct booking_input *in,
			  const struct slot_row *slot, cJSON **doc_out)
{
	int result = -1, rc = 1;
	char reference[24];
	cJSON *doc = NULL;
	char *text = NULL;
	sqlite3_stmt *ins = NULL, *ids = NULL;
	long long booking_id;
	ins = store_prepare(ctx->db, "INSERT INTO bookings(reference, kiosk_id, service_id, office_id, slot_id,"
				     " slot_date, status, created_at, doc) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'booked', ?7, ?8)");
	ids = store_prepare(ctx->db, "INSERT OR IGNORE INTO booking_ids(booking_id, service_id, doc_hash) VALUES(?1, ?2, ?3)");
	if (ins == NULL || ids == NULL)
		goto out;
	for (int attempt = 0; attempt < 5 && rc == 1; attempt++) {
		store_new_reference("BK", reference, sizeof(reference));
		cJSON_Delete(doc);
		cJSON_free(text);
		doc = booking_doc(in, slot, reference, ctx->now);
		text = cJSON_PrintUnformatted(doc);
		if (text == NULL || sqlite3_reset(ins) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 1, reference, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 2, req->kiosk_id, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 3, in->service, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 4, in->office, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(ins, 5, slot->id) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 6, slot->date, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(ins, 7, ctx->now) != SQLITE_OK ||
		    sqlite3_bind_text(ins, 8, text, -1, SQLITE_STATIC) != SQLITE_OK)
			goto out;
		rc = step_insert(ctx->db, ins);
	}
	if (rc != 0)
		goto out;
	booking_id = sqlite3_last_insert_rowid(ctx->db);
	for (int i = 0; i < in->party_count; i++) {
		char hash[65];
		store_pii_hash(ctx->store, in->parties[i].doc_number, hash);
		if (sqlite3_reset(ids) != SQLITE_OK || sqlite3_bind_int64(ids, 1, booking_id) != SQLITE_OK ||
		    sqlite3_bind_text(ids, 2, in->service, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(ids, 3, hash, -1, SQLITE_TRANSIENT) != SQLITE_OK || step_insert(ctx->db, ids) != 0)
			goto out;
	}
	*doc_out = doc;
	doc = NULL;
	result = 0;
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(ids);
	cJSON_free(text);
	cJSON_Delete(doc);
	return result;
}

void routes_booking_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct booking_input in;
	struct booking_service svc;
	struct slot_row slot;
	struct civil_date today = clock_beijing_date(ctx->now), day;
	char today_s[16];
	long first, last, slot_day;
	int rc, which = 0;
	cJSON *doc = NULL;
	memset(&slot, 0, sizeof(slot));
	date_format(today, today_s, sizeof(today_s));
	if (rules_booking_parse(req->json, &in, resp) != 0)
		goto out;
	rc = load_service(ctx->db, in.service, &svc);
	if (rc != 0) {
		if (rc > 0)
			http_response_error(resp, 422, "unknown_service", "service: no such service", false, "service", NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	rc = check_office(ctx->db, in.office, in.service);
	if (rc != 0) {
		if (rc == 1)
			http_response_error(resp, 422, "unknown_office", "office: no such office", false, "office", NULL);
		else if (rc == 2)
			http_response_error(resp, 422, "service_not_offered", "office: this office does not offer the service",
					    false, "office", NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	rc = load_slot(ctx->db, in.slot_id, &slot);
	if (rc != 0 || strcmp(slot.office, in.office) != 0 || strcmp(slot.service, in.service) != 0) {
		if (rc < 0)
			routes_fail_internal(resp);
		else
			http_response_error(resp, 422, "unknown_slot", "slot_id: no such slot for this service and office",
					    false, "slot_id", NULL);
		goto out;
	}
	date_parse(slot.date, &day);
	rc = rules_booking_check_parties(&in, &svc, day, resp);
	if (rc < 0)
		goto out;
	if (rc > 0) {
		respond_designated_office(ctx->db, resp);
		goto out;
	}
	if (slots_office_window(ctx->db, in.office, date_to_days(today), &first, &last) != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	slot_day = date_to_days(day);
	if (slot_day < first || slot_day > last) {
		http_response_error(resp, 422, "outside_window",
				    "slot_id: bookings open from tomorrow up to the office's booking window", false,
				    "slot_id", NULL);
		goto out;
	}
	if (slots_is_closed_day(ctx->db, slot.date)) {
		http_response_error(resp, 422, "closed_day", "slot_id: the office is closed on that day", false,
				    "slot_id", NULL);
		goto out;
	}
	if (strcmp(svc.kind, "divorce_certificate") == 0 && rules_booking_check_divorce_certificate(&in, day, resp) != 0)
		goto out;
	rc = has_open_booking(ctx, &in, today_s, &which);
	if (rc != 0) {
		char field[40];
		snprintf(field, sizeof(field), "parties[%d].id_number", which);
		if (rc > 0)
			http_response_error(resp, 409, "duplicate_booking",
					    "this person already has an open booking for this service", false, field, NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	rc = take_place(ctx->db, slot.id);
	if (rc <= 0) {
		if (rc == 0) {
			cJSON *extra = cJSON_CreateObject();
			cJSON *alts = slots_nearest_free(ctx->db, in.office, in.service, slot.date, slot.start, first, last, 5);
			cJSON_AddItemToObject(extra, "alternatives", alts ? alts : cJSON_CreateArray());
			http_response_error(resp, 409, "slot_full", "slot_id: this slot has no free places left", false,
					    "slot_id", extra);
		} else {
			routes_fail_internal(resp);
		}
		goto out;
	}
	if (insert_booking(ctx, req, &in, &slot, &doc) != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	http_response_json(resp, 201, doc);
	doc = NULL;
out:
	cJSON_Delete(doc);
	cJSON_Delete(slot.json);
}

struct booking_row {
	long long id, slot_id;
	char slot_date[11], status[16];
	long long cancelled_at;
	cJSON *doc;
};

/* Find the booking by reference whose parties include id_number; 0 found, 1 not, -1 error. */
static int find_booking(struct route_ctx *ctx, const char *reference, const char *id_number, struct booking_row *row)
{
	int result = -1, rc;
	char hash[65], ref[32];
	size_t i;
	sqlite3_stmt *stmt = store_prepare(ctx->db, "SELECT b.id, b.slot_id, b.slot_date, b.status, b.cancelled_at, b.doc"
						    " FROM bookings b JOIN booking_ids bi ON bi.booking_id = b.id"
						    " WHERE b.reference = ?1 AND bi.doc_hash = ?2");
	for (i = 0; reference[i] != '\0' && i + 1 < sizeof(ref); i++)
		ref[i] = (reference[i] >= 'a' && reference[i] <= 'z') ? (char)(reference[i] - 32) : reference[i];
	ref[i] = '\0';
	store_pii_hash(ctx->store, id_number, hash);
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, ref, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, hash, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		result = 1;
		goto out;
	}
	if (rc != SQLITE_ROW)
		goto out;
	row->id = sqlite3_column_int64(stmt, 0);
	row->slot_id = sqlite3_column_int64(stmt, 1);
	snprintf(row->slot_date, sizeof(row->slot_date), "%s", (const char *)sqlite3_column_text(stmt, 2));
	snprintf(row->status, sizeof(row->status), "%s", (const char *)sqlite3_column_text(stmt, 3));
	row->cancelled_at = sqlite3_column_type(stmt, 4) == SQLITE_NULL ? 0 : sqlite3_column_int64(stmt, 4);
	row->doc = cJSON_Parse((const char *)sqlite3_column_text(stmt, 5));
	result = row->doc ? 0 : -1;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* The booking as answered now: stored document plus current status. Consumes row->doc. */
static cJSON *booking_view(struct route_ctx *ctx, struct booking_row *row)
{
	char today[16], buf[40];
	cJSON *doc = row->doc;
	const char *status = row->status;
	row->doc = NULL;
	date_format(clock_beijing_date(ctx->now), today, sizeof(today));
	if (strcmp(status, "booked") == 0 && strcmp(row->slot_date, today) < 0)
		status = "past";
	cJSON_ReplaceItemInObject(doc, "status", cJSON_CreateString(status));
	if (row->cancelled_at != 0) {
		clock_format_iso(row->cancelled_at, buf, sizeof(buf));
		cJSON_AddStringToObject(doc, "cancelled_at", buf);
	}
	return doc;
}

static int read_lookup(const struct http_request *req, struct http_response *resp, const char **reference,
		       const char **id_number)
{
	struct json_reader r;
	json_reader_init(&r, resp);
	*reference = json_read_string(&r, req->json, NULL, "reference", 24, true);
	*id_number = json_read_string(&r, req->json, NULL, "id_number", BOOKING_DOC_MAX, true);
	return r.failed ? -1 : 0;
}

void routes_booking_lookup(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	const char *reference, *id_number;
	struct booking_row row;
	int rc;
	memset(&row, 0, sizeof(row));
	if (read_lookup(req, resp, &reference, &id_number) != 0)
		return;
	rc = find_booking(ctx, reference, id_number, &row);
	if (rc != 0) {
		if (rc > 0)
			http_response_error(resp, 404, "booking_not_found",
					    "no booking with this reference for this ID number", false, NULL, NULL);
		else
			routes_fail_internal(resp);
		cJSON_Delete(row.doc);
		return;
	}
	http_response_json(resp, 200, booking_view(ctx, &row));
}

void routes_booking_cancel(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	const char *reference, *id_number;
	struct booking_row row;
	char today[16];
	sqlite3_stmt *stmt = NULL;
	int rc;
	memset(&row, 0, sizeof(row));
	date_format(clock_beijing_date(ctx->now), today, sizeof(today));
	if (read_lookup(req, resp, &reference, &id_number) != 0)
		goto out;
	rc = find_booking(ctx, reference, id_number, &row);
	if (rc != 0) {
		if (rc > 0)
			http_response_error(resp, 404, "booking_not_found",
					    "no booking with this reference for this ID number", false, NULL, NULL);
		else
			routes_fail_internal(resp);
		goto out;
	}
	if (strcmp(row.status, "cancelled") == 0) {
		http_response_error(resp, 409, "already_cancelled", "this booking is already cancelled", false, NULL, NULL);
		goto out;
	}
	if (strcmp(row.slot_date, today) <= 0) {
		http_response_error(resp, 409, "cancel_too_late",
				    "a booking can be cancelled only up to the day before the appointment", false, NULL,
				    NULL);
		goto out;
	}
	stmt = store_prepare(ctx->db, "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, row.id) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, ctx->now) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	sqlite3_finalize(stmt);
	stmt = store_prepare(ctx->db, "UPDATE slots SET booked = booked - 1 WHERE id = ?1 AND booked > 0");
	if (stmt == NULL || sqlite3_bind_int64(stmt, 1, row.slot_id) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	snprintf(row.status, sizeof(row.status), "cancelled");
	row.cancelled_at = ctx->now;
	http_response_json(resp, 200, booking_view(ctx, &row));
out:
	sqlite3_finalize(stmt);
	cJSON_Delete(row.doc);
}
