/* clock: see clock.h. */
#include "clock.h"

#include <string.h>

static long long offset_s;

void clock_set_offset(long long offset)
{
	offset_s = offset;
}

long long clock_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec + offset_s;
}

/* n decimal digits at s as a number, or -1 if any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int clock_parse_iso(const char *s, long long *out)
{
	struct civil_date d;
	int hh, mm, ss, zone_s = 0;
	const char *p;
	char date[11];
	if (s == NULL || strlen(s) < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, &d) != 0)
		return -1;
	hh = digits(s + 11, 2);
	mm = digits(s + 14, 2);
	ss = digits(s + 17, 2);
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
		return -1;
	p = s + 19;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (strcmp(p, "Z") != 0) {
		int zh, zm;
		if ((p[0] != '+' && p[0] != '-') || strlen(p) != 6 || p[3] != ':')
			return -1;
		zh = digits(p + 1, 2);
		zm = digits(p + 4, 2);
		if (zh < 0 || zh > 14 || zm < 0 || zm > 59)
			return -1;
		zone_s = (zh * 3600 + zm * 60) * (p[0] == '-' ? -1 : 1);
	}
	*out = (long long)date_to_days(d) * 86400 + hh * 3600 + mm * 60 + ss - zone_s;
	return 0;
}
