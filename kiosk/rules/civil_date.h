/* Civil dates in China Standard Time: conversions to and from day numbers, weekdays, parsing and
 * formatting. Beijing time is UTC+8 with no TZ database (China has no daylight saving), so date
 * arithmetic is on day numbers and never breaks at month or year ends. libc only; shared by the kiosk
 * and the backend stub. Conversions follow Howard Hinnant's days_from_civil algorithm. */
#ifndef KIOSK_RULES_CIVIL_DATE_H
#define KIOSK_RULES_CIVIL_DATE_H

#include <stddef.h>

struct civil_date {
	int year, month, day;
};

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long date_to_days(struct civil_date d);
/* The civil date of a day number from date_to_days. */
struct civil_date date_from_days(long days);
/* Day of the week, 0 = Sunday ... 6 = Saturday. */
int date_weekday(struct civil_date d);
/* The calendar date in Beijing at Unix time t. */
struct civil_date clock_beijing_date(long long t);
/* Parse exactly "YYYY-MM-DD" into d; 0 on success. */
int date_parse(const char *s, struct civil_date *d);
/* Write "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(struct civil_date d, char *out, size_t cap);
/* Write Unix time t as ISO 8601 in Beijing time, "2026-11-28T09:30:00+08:00" (at least 26 bytes). */
void clock_format_iso(long long t, char *out, size_t cap);
/* Days in a month of a year (28–31). */
int date_days_in_month(int year, int month);

#endif
