/* Civil dates; see civil_date.h. */
#include "civil_date.h"

#include <stdio.h>
#include <string.h>

#include "id_document.h"

long date_to_days(struct civil_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct civil_date date_from_days(long z)
{
	struct civil_date d;
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int date_weekday(struct civil_date d)
{
	long z = date_to_days(d);
	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

struct civil_date clock_beijing_date(long long t)
{
	long long local = t + 8 * 3600;
	long days = (long)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
	return date_from_days(days);
}

int date_parse(const char *s, struct civil_date *d)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	d->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	d->month = (s[5] - '0') * 10 + (s[6] - '0');
	d->day = (s[8] - '0') * 10 + (s[9] - '0');
	return id_document_date_valid(d->year, d->month, d->day) ? 0 : -1;
}

void date_format(struct civil_date d, char *out, size_t cap)
{
	snprintf(out, cap, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void clock_format_iso(long long t, char *out, size_t cap)
{
	long long local = t + 8 * 3600;
	long long secs = ((local % 86400) + 86400) % 86400;
	struct civil_date d = clock_beijing_date(t);
	snprintf(out, cap, "%04d-%02d-%02dT%02lld:%02lld:%02lld+08:00", d.year, d.month, d.day, secs / 3600,
		 secs / 60 % 60, secs % 60);
}

int date_days_in_month(int year, int month)
{
	struct civil_date first = {year, month, 1};
	struct civil_date next = month == 12 ? (struct civil_date){year + 1, 1, 1} : (struct civil_date){year, month + 1, 1};
	return (int)(date_to_days(next) - date_to_days(first));
}
