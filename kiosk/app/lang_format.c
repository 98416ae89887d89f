/* Dates per language; see lang_format.h. The patterns are templates (core/template.h) with the holes
 * {year}, {month}, {day} and {weekday}; which word fills {month} depends on the pattern (a date takes
 * format.month.N, "Dec"; a month title format.month_name.N, "December"), so every pattern of every
 * language has the same holes and msgfmt can check them. */
#include "app/lang_format.h"

#include <stdio.h>

#include "core/template.h"

void lang_format_date(const struct strings *s, enum text_lang lang, struct civil_date d, enum lang_date_style style,
		      char *out, size_t len)
{
	static const char *const pattern_keys[] = {[LANG_DATE] = "format.date",
						   [LANG_DATE_WEEKDAY] = "format.date_weekday",
						   [LANG_MONTH_TITLE] = "format.month_title"};
	if (len == 0)
		return;
	out[0] = '\0';
	if ((unsigned)style > LANG_MONTH_TITLE || d.month < 1 || d.month > 12 || d.year < 1 || d.year > 9999 ||
	    (style != LANG_MONTH_TITLE && (d.day < 1 || d.day > date_days_in_month(d.year, d.month))))
		return;
	char key[40], year[8], day[4];
	snprintf(key, sizeof(key), "%s.%d", style == LANG_MONTH_TITLE ? "format.month_name" : "format.month", d.month);
	const char *month = strings_get(s, lang, key);
	snprintf(key, sizeof(key), "format.weekday.%d", date_weekday(d));
	const char *weekday = strings_get(s, lang, key);
	snprintf(year, sizeof(year), "%d", d.year);
	snprintf(day, sizeof(day), "%d", d.day);
	const char *names[4] = {"year", "month", "day", "weekday"}, *values[4] = {year, month, day, weekday};
	template_fill_text(out, len, strings_get(s, lang, pattern_keys[style]), names, values, 4);
}

const char *lang_weekday_short(const struct strings *s, enum text_lang lang, int weekday)
{
	static const char *const keys[7] = {"format.weekday_short.0", "format.weekday_short.1", "format.weekday_short.2",
					    "format.weekday_short.3", "format.weekday_short.4", "format.weekday_short.5",
					    "format.weekday_short.6"};
	return strings_get(s, lang, keys[((weekday % 7) + 7) % 7]);
}

void lang_format_time(int hour, int minute, char *out, size_t len)
{
	if (len == 0)
		return;
	out[0] = '\0';
	if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60)
		snprintf(out, len, "%02d:%02d", hour, minute);
}
