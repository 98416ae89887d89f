/*
 * clock: the stub's only source of "now", and civil-date arithmetic in China Standard Time.
 * Beijing time is computed as UTC+8 with no TZ database (China has no daylight saving).
 * A development offset (--clock-offset) shifts "now" for tests of date rules.
 */
#ifndef STUB_CLOCK_H
#define STUB_CLOCK_H

#include <stddef.h>
#include <time.h>

struct civil_date {
	int year, month, day;
};

/* Shift every later clock_now() by offset seconds. */
void clock_set_offset(long long offset);

/* Current Unix time in seconds, including the offset. */
long long clock_now(void);

/* The calendar date in Beijing at Unix time t. */
struct civil_date clock_beijing_date(long long t);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long date_to_days(struct civil_date d);

/* The civil date of a day number from date_to_days. */
struct civil_date date_from_days(long days);

/* Day of the week, 0 = Sunday ... 6 = Saturday. */
int date_weekday(struct civil_date d);

/* Parse exactly "YYYY-MM-DD" into d; 0 on success. */
int date_parse(const char *s, struct civil_date *d);

/* Write "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(struct civil_date d, char *out, size_t cap);

/* Write Unix time t as ISO 8601 in Beijing time, "2026-11-28T09:30:00+08:00" (at least 26 bytes). */
void clock_format_iso(long long t, char *out, size_t cap);

#endif
