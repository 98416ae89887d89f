/* Dates in the visitor's language, from the patterns and words of the formats catalogue
 * (assets/i18n/formats: format.*), so a translator changes them like any text: zh-Hans and zh-Hant
 * "2026年12月1日 星期二", en "Tue 1 Dec 2026"; months "2026年12月" / "December 2026". Times are 24-hour
 * "14:30" in every language. Money is written by its part's catalogue ("1,000 元" / "¥1,000.00",
 * charity.money, print.money) with the figures of amount_format. */
#ifndef KIOSK_APP_LANG_FORMAT_H
#define KIOSK_APP_LANG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "app/strings.h"
#include "rules/civil_date.h"

enum lang_date_style {
	LANG_DATE,	   /* 2026年12月1日 / 1 Dec 2026 */
	LANG_DATE_WEEKDAY, /* 2026年12月1日 星期二 / Tue 1 Dec 2026 */
	LANG_MONTH_TITLE,  /* 2026年12月 / December 2026 */
};

/* Writes d in lang and style into out (cut to fit); "" for a date that does not exist. */
void lang_format_date(const struct strings *s, enum text_lang lang, struct civil_date d, enum lang_date_style style,
		      char *out, size_t len);
/* The short name of a weekday (0 = Sunday) for a calendar's column heads: 二 / Tue (borrowed). */
const char *lang_weekday_short(const struct strings *s, enum text_lang lang, int weekday);
/* "14:30": hours and minutes, 24-hour, the same in every language; "" when out of range. */
void lang_format_time(int hour, int minute, char *out, size_t len);

#endif
