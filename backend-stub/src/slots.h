/*
 * slots: reading appointment slots. SLOTS_COLUMNS is the column list every helper here expects
 * (in this order) from the slots table; slots_row_json renders one row for the API.
 */
#ifndef STUB_SLOTS_H
#define STUB_SLOTS_H

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "clock.h"

#define SLOTS_COLUMNS "id, office_id, service_id, date, start, end, capacity, booked"

/* One slot row (selected with SLOTS_COLUMNS) as a JSON object; bookable says whether the window allows it. */
cJSON *slots_row_json(sqlite3_stmt *stmt, int bookable);

/* Up to max free slots of office/service nearest in time to (date, start), inside [first, last] days. NULL on error. */
cJSON *slots_nearest_free(sqlite3 *db, const char *office, const char *service, const char *date, const char *start,
			  long first_day, long last_day, int max);

/* The booking window of an office: first and last bookable day numbers for today; -1 if the office is unknown. */
int slots_office_window(sqlite3 *db, const char *office, long today, long *first_day, long *last_day);

/* 1 if date (YYYY-MM-DD) is a public holiday, or a Sunday that is not a make-up working day. */
int slots_is_closed_day(sqlite3 *db, const char *date);

#endif
