/* slots: see slots.h. */
#include "slots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "store.h"

cJSON *slots_row_json(sqlite3_stmt *stmt, int bookable)
{
	char at[40];
	cJSON *o = cJSON_CreateObject();
	const char *date = (const char *)sqlite3_column_text(stmt, 3);
	int capacity = sqlite3_column_int(stmt, 6), booked = sqlite3_column_int(stmt, 7);
	cJSON_AddNumberToObject(o, "id", (double)sqlite3_column_int64(stmt, 0));
	cJSON_AddStringToObject(o, "office", (const char *)sqlite3_column_text(stmt, 1));
	cJSON_AddStringToObject(o, "service", (const char *)sqlite3_column_text(stmt, 2));
	cJSON_AddStringToObject(o, "date", date);
	snprintf(at, sizeof(at), "%sT%s:00+08:00", date, (const char *)sqlite3_column_text(stmt, 4));
	cJSON_AddStringToObject(o, "start", at);
	snprintf(at, sizeof(at), "%sT%s:00+08:00", date, (const char *)sqlite3_column_text(stmt, 5));
	cJSON_AddStringToObject(o, "end", at);
	cJSON_AddNumberToObject(o, "capacity", capacity);
	cJSON_AddNumberToObject(o, "free", capacity > booked ? capacity - booked : 0);
	cJSON_AddBoolToObject(o, "bookable", bookable && capacity > booked);
	return o;
}

int slots_office_window(sqlite3 *db, const char *office, long today, long *first_day, long *last_day)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "SELECT window_days FROM offices WHERE id = ?1");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, office, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		goto out;
	int window = sqlite3_column_int(stmt, 0);
	*first_day = today + 1;
	*last_day = today + (window > 0 ? window : 15);
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

int slots_is_closed_day(sqlite3 *db, const char *date)
{
	struct civil_date d;
	int closed = 0;
	sqlite3_stmt *stmt;
	if (date_parse(date, &d) != 0)
		return 1;
	closed = date_weekday(d) == 0;
	stmt = store_prepare(db, "SELECT kind FROM holidays WHERE date = ?1");
	if (stmt != NULL && sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		closed = strcmp((const char *)sqlite3_column_text(stmt, 0), "holiday") == 0;
	sqlite3_finalize(stmt);
	return closed;
}

cJSON *slots_nearest_free(sqlite3 *db, const char *office, const char *service, const char *date, const char *start,
			  long first_day, long last_day, int max)
{
	char from[16], to[16], when[32];
	cJSON *arr = NULL;
	int rc;
	sqlite3_stmt *stmt = store_prepare(
		db, "SELECT " SLOTS_COLUMNS " FROM slots WHERE office_id = ?1 AND service_id = ?2 AND date >= ?3"
		    " AND date <= ?4 AND booked < capacity"
		    " ORDER BY abs(julianday(date || ' ' || start) - julianday(?5)), date, start LIMIT ?6");
	date_format(date_from_days(first_day), from, sizeof(from));
	date_format(date_from_days(last_day), to, sizeof(to));
	snprintf(when, sizeof(when), "%s %s", date, start);
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, office, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, service, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, from, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 4, to, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 5, when, -1, SQLITE_STATIC) != SQLITE_OK || sqlite3_bind_int(stmt, 6, max) != SQLITE_OK)
		goto out;
	arr = cJSON_CreateArray();
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		cJSON_AddItemToArray(arr, slots_row_json(stmt, 1));
	if (rc != SQLITE_DONE) {
		log_error("sqlite: %s", sqlite3_errmsg(db));
		cJSON_Delete(arr);
		arr = NULL;
	}
out:
	sqlite3_finalize(stmt);
	return arr;
}
