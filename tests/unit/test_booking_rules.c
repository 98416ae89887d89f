/* The booking domain layer: party checks (resident ID check digits made here for several birth dates
 * and both sexes, every wrong check digit, impossible and future birth dates, lengths, misplaced X,
 * the other documents), marriage age on and around the birthday (29 February too), marriage pairs,
 * duplicates, phones, the divorce-certificate window across month and year ends, cross-border cases,
 * error keys and their sentences in the catalogues (assets/i18n), month grids (window start and end, month
 * and year boundaries, Sundays, a holiday, full days, a make-up working day), a day's slots in time
 * order, and the catalog parsed from real stub JSON and from malformed, oversized and hostile input.
 * No personal data of real people: every number is made up here. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/strings.h"
#include "booking/booking_catalog.h"
#include "booking/booking_rules.h"
#include "check.h"
#include "core/utf8.h"

#define TODAY ((struct civil_date){2026, 11, 28}) /* a Saturday, the day the demo stub was seeded */

static struct civil_date day_of(int y, int m, int d)
{
	return (struct civil_date){y, m, d};
}

/* ISO 7064 MOD 11-2 as GB 11643 specifies, written out again so the test does not trust the code
 * under test to make its own inputs. */
static char check_char(const char *first17)
{
	static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (first17[i] - '0') * weights[i];
	return "10X98765432"[sum % 11];
}

/* An 18-character number: area, birth date as YYYYMMDD, a 3-digit sequence (odd last digit: a man),
 * and its check character. */
static void make_id(char out[19], const char *area, const char *yyyymmdd, int seq)
{
	snprintf(out, 19, "%.6s%.8s%03d", area, yyyymmdd, seq % 1000);
	out[17] = check_char(out);
	out[18] = '\0';
}

static enum booking_error check_resident(const char *number, struct booking_party_info *info, int *detail)
{
	struct booking_party p = {.name = "测试", .id_type = ID_DOCUMENT_RESIDENT_ID, .id_number = number};
	return booking_check_party(&p, TODAY, info, detail);
}

static void test_resident_id_valid(void)
{
	static const struct {
		const char *date;
		int seq;
		int y, m, d;
		char sex;
	} cases[] = {
		{"19900506", 1, 1990, 5, 6, 'M'},   {"19900506", 2, 1990, 5, 6, 'F'},
		{"19480229", 13, 1948, 2, 29, 'M'}, {"20000229", 24, 2000, 2, 29, 'F'},
		{"19001231", 99, 1900, 12, 31, 'M'}, {"20261128", 10, 2026, 11, 28, 'F'}, /* born today */
		{"19751231", 357, 1975, 12, 31, 'M'}, {"20040101", 888, 2004, 1, 1, 'F'},
	};
	bool saw_x = false;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char id[19];
		struct booking_party_info info;
		int detail = -1;
		make_id(id, "440704", cases[i].date, cases[i].seq);
		saw_x |= id[17] == 'X';
		memset(&info, 0x55, sizeof(info));
		CHECK_INT(check_resident(id, &info, &detail), BOOKING_OK);
		CHECK_INT(detail, 0);
		CHECK(info.has_birth);
		CHECK_INT(info.birth.year, cases[i].y);
		CHECK_INT(info.birth.month, cases[i].m);
		CHECK_INT(info.birth.day, cases[i].d);
		CHECK_INT(info.sex, cases[i].sex);
		CHECK_INT(info.origin, ID_DOCUMENT_ORIGIN_MAINLAND);
		CHECK(!booking_needs_designated_office(&info));
	}
	/* Find a sequence whose check character is X and type it in lower case. */
	for (int seq = 0; seq < 100; seq++) {
		char id[19];
		make_id(id, "110105", "19850817", seq);
		if (id[17] != 'X')
			continue;
		saw_x = true;
		CHECK_INT(check_resident(id, NULL, NULL), BOOKING_OK);
		id[17] = 'x';
		CHECK_INT(check_resident(id, NULL, NULL), BOOKING_OK);
		break;
	}
	CHECK(saw_x);
	/* The demo stub's published test numbers. */
	CHECK_INT(check_resident("440704195803120021", NULL, NULL), BOOKING_OK);
	CHECK_INT(check_resident("44070419481120006X", NULL, NULL), BOOKING_OK);
}

static void test_resident_id_invalid(void)
{
	char id[19], bad[19];
	int detail = -1;
	struct booking_party_info info = {.sex = 'Q'};
	make_id(id, "440704", "19900506", 1);
	/* Every wrong check character. */
	for (const char *c = "0123456789X"; *c; c++) {
		if (*c == id[17])
			continue;
		memcpy(bad, id, sizeof(bad));
		bad[17] = *c;
		CHECK_INT(check_resident(bad, &info, &detail), BOOKING_ERR_ID_CHECK_DIGIT);
		CHECK_INT(detail, 0);
	}
	CHECK_INT(info.sex, 'Q'); /* info is left alone on failure */
	/* Dates that do not exist, with a correct check character. */
	static const char *const bad_dates[] = {"19900230", "19900000", "19891301", "20230229", "19000229",
						"18991231", "19900431", "19901232"};
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++) {
		make_id(bad, "440704", bad_dates[i], 11);
		CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_BIRTH_DATE);
	}
	/* Future birth dates: tomorrow, next year. */
	make_id(bad, "440704", "20261129", 11);
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_BIRTH_DATE);
	make_id(bad, "440704", "20270101", 12);
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_BIRTH_DATE);
	/* Lengths, with the typed length for the message. */
	CHECK_INT(check_resident("44070419900506001", NULL, &detail), BOOKING_ERR_ID_LENGTH);
	CHECK_INT(detail, 17);
	char longer[20];
	snprintf(longer, sizeof(longer), "%s7", id);
	CHECK_INT(check_resident(longer, NULL, &detail), BOOKING_ERR_ID_LENGTH);
	CHECK_INT(detail, 19);
	CHECK_INT(check_resident("", NULL, &detail), BOOKING_ERR_ID_LENGTH);
	CHECK_INT(detail, 0);
	CHECK_INT(check_resident(NULL, NULL, &detail), BOOKING_ERR_ID_LENGTH);
	CHECK_INT(detail, 0);
	/* 18 characters, one of them Chinese: the count says 18, so it is the alphabet that is wrong. */
	CHECK_INT(check_resident("44070419900506001号", NULL, &detail), BOOKING_ERR_ID_CHARSET);
	CHECK_INT(detail, 0);
	/* A very long input is counted only as far as the bound, never read to its end. */
	char *huge = malloc(100001);
	memset(huge, '1', 100000);
	huge[100000] = '\0';
	CHECK_INT(check_resident(huge, NULL, &detail), BOOKING_ERR_ID_LENGTH);
	CHECK(detail > 18 && detail <= 128);
	free(huge);
	/* X anywhere but last, letters, spaces. */
	memcpy(bad, id, sizeof(bad));
	bad[5] = 'X';
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_CHARSET);
	memcpy(bad, id, sizeof(bad));
	bad[16] = 'X';
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_CHARSET);
	memcpy(bad, id, sizeof(bad));
	bad[9] = ' ';
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_CHARSET);
	/* A mainland number starts with an area code 1–6. */
	make_id(bad, "940704", "19900506", 1);
	CHECK_INT(check_resident(bad, NULL, NULL), BOOKING_ERR_ID_PREFIX);
}

static void test_other_documents(void)
{
	struct booking_party_info info;
	struct booking_party p = {.name = "陈大文", .id_type = ID_DOCUMENT_HK_MACAU_PERMIT, .id_number = "H12345678",
				  .birth_date = "1992-07-08", .sex = 'F'};
	CHECK_INT(booking_check_party(&p, TODAY, &info, NULL), BOOKING_OK);
	CHECK_INT(info.origin, ID_DOCUMENT_ORIGIN_HONG_KONG);
	CHECK(info.has_birth && info.sex == 'F' && info.birth.year == 1992 && info.birth.month == 7);
	CHECK(booking_needs_designated_office(&info));
	p.sex = 'm';
	CHECK_INT(booking_check_party(&p, TODAY, &info, NULL), BOOKING_OK);
	CHECK_INT(info.sex, 'M');
	p.sex = 0;
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_SEX_MISSING);
	p.sex = 'X';
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_SEX_MISSING);
	p.sex = 'F';
	p.birth_date = NULL;
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_BIRTH_DATE_MISSING);
	p.birth_date = "";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_BIRTH_DATE_MISSING);
	static const char *const bad_dates[] = {"1990-02-30", "1990-2-3", "19900203", "2026-11-29", "1990-02-03x",
						"abcd-ef-gh", "2027-01-01", "1899-12-31"};
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++) {
		p.birth_date = bad_dates[i];
		CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_BIRTH_DATE_INVALID);
	}
	p.birth_date = "2026-11-28"; /* today is not the future */
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_OK);
	p.birth_date = "1992-07-08";
	/* Formats of the other documents. */
	p.id_number = "H1234567";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	p.id_number = "";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	p.id_number = NULL;
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	p.id_type = ID_DOCUMENT_TAIWAN_PERMIT;
	p.id_number = "12345678";
	CHECK_INT(booking_check_party(&p, TODAY, &info, NULL), BOOKING_OK);
	CHECK_INT(info.origin, ID_DOCUMENT_ORIGIN_TAIWAN);
	p.id_type = ID_DOCUMENT_PASSPORT;
	p.id_number = "E12345678";
	CHECK_INT(booking_check_party(&p, TODAY, &info, NULL), BOOKING_OK);
	CHECK_INT(info.origin, ID_DOCUMENT_ORIGIN_FOREIGN);
	p.id_number = "ABCDEFG";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	p.id_number = "E1234567890123456789012345678901234567890";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	p.id_type = (enum id_document_type)42;
	p.id_number = "E12345678";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_DOC_FORMAT);
	/* Residence permit: the 18-character layout, HK/Macau/Taiwan prefixes, birth and sex encoded. */
	char permit[19];
	make_id(permit, "820000", "19880808", 2);
	p.id_type = ID_DOCUMENT_RESIDENCE_PERMIT;
	p.id_number = permit;
	p.birth_date = NULL;
	p.sex = 0;
	CHECK_INT(booking_check_party(&p, TODAY, &info, NULL), BOOKING_OK);
	CHECK_INT(info.origin, ID_DOCUMENT_ORIGIN_MACAU);
	CHECK_INT(info.sex, 'F');
	make_id(permit, "440704", "19880808", 2);
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_ID_PREFIX);
	/* Names. */
	char id[19];
	make_id(id, "440704", "19900506", 1);
	struct booking_party q = {.name = NULL, .id_type = ID_DOCUMENT_RESIDENT_ID, .id_number = id};
	CHECK_INT(booking_check_party(&q, TODAY, NULL, NULL), BOOKING_ERR_NAME_MISSING);
	q.name = "";
	CHECK_INT(booking_check_party(&q, TODAY, NULL, NULL), BOOKING_ERR_NAME_MISSING);
	q.name = "  \t";
	CHECK_INT(booking_check_party(&q, TODAY, NULL, NULL), BOOKING_ERR_NAME_MISSING);
	q.name = "\xe3\x80\x80"; /* U+3000 ideographic space */
	CHECK_INT(booking_check_party(&q, TODAY, NULL, NULL), BOOKING_ERR_NAME_MISSING);
	q.name = " 李";
	CHECK_INT(booking_check_party(&q, TODAY, NULL, NULL), BOOKING_OK);
	CHECK_INT(booking_check_party(NULL, TODAY, NULL, NULL), BOOKING_ERR_NAME_MISSING);
}

static struct booking_party_info person(char sex, int y, int m, int d)
{
	struct booking_party_info p = {.birth = {y, m, d}, .sex = sex, .has_birth = true,
				       .origin = ID_DOCUMENT_ORIGIN_MAINLAND};
	return p;
}

static void test_age_and_marriage(void)
{
	CHECK_INT(booking_age_on(day_of(2004, 12, 1), day_of(2026, 11, 30)), 21);
	CHECK_INT(booking_age_on(day_of(2004, 12, 1), day_of(2026, 12, 1)), 22);
	CHECK_INT(booking_age_on(day_of(2004, 12, 1), day_of(2026, 12, 2)), 22);
	CHECK_INT(booking_age_on(day_of(2006, 1, 1), day_of(2025, 12, 31)), 19);
	CHECK_INT(booking_age_on(day_of(2006, 1, 1), day_of(2026, 1, 1)), 20);
	/* 29 February: in a common year the birthday is passed on 1 March. */
	CHECK_INT(booking_age_on(day_of(2004, 2, 29), day_of(2026, 2, 28)), 21);
	CHECK_INT(booking_age_on(day_of(2004, 2, 29), day_of(2026, 3, 1)), 22);
	CHECK_INT(booking_age_on(day_of(2004, 2, 29), day_of(2024, 2, 28)), 19);
	CHECK_INT(booking_age_on(day_of(2004, 2, 29), day_of(2024, 2, 29)), 20);

	struct booking_party_info man = person('M', 2004, 12, 1), woman = person('F', 2006, 12, 1);
	/* The day before his 22nd birthday he is under age; on the birthday he is not. */
	CHECK_INT(booking_check_marriage(&man, &woman, day_of(2026, 11, 30)), BOOKING_ERR_UNDER_AGE_MAN);
	CHECK_INT(booking_check_marriage(&man, &woman, day_of(2026, 12, 1)), BOOKING_OK);
	CHECK_INT(booking_check_marriage(&woman, &man, day_of(2026, 12, 1)), BOOKING_OK);
	/* Her 20th birthday. */
	struct booking_party_info older = person('M', 1990, 1, 1);
	CHECK_INT(booking_check_marriage(&older, &woman, day_of(2026, 11, 30)), BOOKING_ERR_UNDER_AGE_WOMAN);
	CHECK_INT(booking_check_marriage(&woman, &older, day_of(2026, 11, 30)), BOOKING_ERR_UNDER_AGE_WOMAN);
	CHECK_INT(booking_check_marriage(&older, &woman, day_of(2026, 12, 1)), BOOKING_OK);
	/* Born 29 February. */
	struct booking_party_info leap_man = person('M', 2004, 2, 29), leap_woman = person('F', 2008, 2, 29);
	CHECK_INT(booking_check_marriage(&leap_man, &leap_woman, day_of(2026, 2, 28)), BOOKING_ERR_UNDER_AGE_MAN);
	CHECK_INT(booking_check_marriage(&leap_man, &leap_woman, day_of(2028, 2, 28)), BOOKING_ERR_UNDER_AGE_WOMAN);
	CHECK_INT(booking_check_marriage(&leap_man, &leap_woman, day_of(2028, 2, 29)), BOOKING_OK);
	CHECK_INT(booking_check_marriage(&leap_man, &woman, day_of(2026, 3, 1)), BOOKING_ERR_UNDER_AGE_WOMAN);
	CHECK_INT(booking_check_marriage(&leap_man, &older, day_of(2026, 12, 1)), BOOKING_ERR_SAME_SEX_PARTIES);
	/* One man and one woman. */
	struct booking_party_info woman2 = person('F', 1995, 3, 3);
	CHECK_INT(booking_check_marriage(&woman, &woman2, day_of(2027, 1, 4)), BOOKING_ERR_SAME_SEX_PARTIES);
	struct booking_party_info unknown = person(0, 1995, 3, 3);
	CHECK_INT(booking_check_marriage(&older, &unknown, day_of(2027, 1, 4)), BOOKING_ERR_SEX_MISSING);
	unknown.has_birth = false;
	CHECK_INT(booking_check_marriage(&older, &unknown, day_of(2027, 1, 4)), BOOKING_ERR_BIRTH_DATE_MISSING);
	CHECK_INT(booking_check_marriage(&older, NULL, day_of(2027, 1, 4)), BOOKING_ERR_BIRTH_DATE_MISSING);
	/* A cross-border party goes to the designated registry before anything else is judged. */
	struct booking_party_info hk = person('M', 2010, 1, 1);
	hk.origin = ID_DOCUMENT_ORIGIN_HONG_KONG;
	CHECK_INT(booking_check_marriage(&hk, &woman2, day_of(2027, 1, 4)), BOOKING_ERR_CROSS_BORDER);
	CHECK_INT(booking_check_marriage(&woman2, &hk, day_of(2027, 1, 4)), BOOKING_ERR_CROSS_BORDER);
}

static void test_cross_border_and_duplicates(void)
{
	struct booking_party_info mainland = person('M', 1990, 1, 1), other = mainland;
	static const enum id_document_origin origins[] = {ID_DOCUMENT_ORIGIN_HONG_KONG, ID_DOCUMENT_ORIGIN_MACAU,
							  ID_DOCUMENT_ORIGIN_TAIWAN, ID_DOCUMENT_ORIGIN_FOREIGN};
	static const char *const designated[] = {"marriage_registration", "divorce_application",
						 "divorce_certificate", "certificate_reissue"};
	for (size_t o = 0; o < 4; o++) {
		other.origin = origins[o];
		CHECK(booking_needs_designated_office(&other));
		for (size_t s = 0; s < 4; s++) {
			CHECK_INT(booking_check_cross_border(designated[s], &other), BOOKING_ERR_CROSS_BORDER);
			CHECK_INT(booking_check_cross_border(designated[s], &mainland), BOOKING_OK);
		}
		CHECK_INT(booking_check_cross_border("family_counselling", &other), BOOKING_OK);
		CHECK_INT(booking_check_cross_border("certificate_ceremony", &other), BOOKING_OK);
	}
	CHECK(!booking_needs_designated_office(NULL));
	CHECK_INT(booking_check_cross_border(NULL, &other), BOOKING_OK);

	char id[19], lower[19];
	make_id(id, "110105", "19850817", 0);
	for (int seq = 0; id[17] != 'X' && seq < 100; seq++)
		make_id(id, "110105", "19850817", seq);
	memcpy(lower, id, sizeof(lower));
	lower[17] = 'x';
	struct booking_party a = {.name = "甲", .id_type = ID_DOCUMENT_RESIDENT_ID, .id_number = id};
	struct booking_party b = {.name = "乙", .id_type = ID_DOCUMENT_RESIDENT_ID, .id_number = lower};
	CHECK_INT(booking_check_distinct(&a, &b), BOOKING_ERR_DUPLICATE_PARTY);
	CHECK_INT(booking_check_distinct(&a, &a), BOOKING_ERR_DUPLICATE_PARTY);
	char other_id[19];
	make_id(other_id, "110105", "19850817", 1);
	b.id_number = other_id;
	CHECK_INT(booking_check_distinct(&a, &b), BOOKING_OK);
	b.id_number = "";
	a.id_number = "";
	CHECK_INT(booking_check_distinct(&a, &b), BOOKING_OK);
	CHECK_INT(booking_check_distinct(&a, NULL), BOOKING_OK);
}

static void test_phone(void)
{
	static const char *const good[] = {"13912345678", "13000000000", "19999999999", "15012345678"};
	static const char *const bad[] = {"12912345678", "10012345678", "1391234567", "139123456789", "23912345678",
					  "1391234567a", "139 1234567", "+8613912345678", "", "0750-1234567",
					  "１３９１２３４５６７８"};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK_INT(booking_check_phone(good[i]), BOOKING_OK);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(booking_check_phone(bad[i]), BOOKING_ERR_PHONE);
	CHECK_INT(booking_check_phone(NULL), BOOKING_ERR_PHONE);
}

static bool same_day(struct civil_date a, struct civil_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void test_divorce_window(void)
{
	struct civil_date first, last;
	/* Across a year end: day 31 after 15 December is 15 January, day 60 is 13 February. */
	struct civil_date app = day_of(2026, 12, 15);
	booking_divorce_window(app, &first, &last);
	CHECK(same_day(first, day_of(2027, 1, 15)));
	CHECK(same_day(last, day_of(2027, 2, 13)));
	CHECK_INT(booking_check_divorce_window(app, day_of(2027, 1, 14)), BOOKING_ERR_DIVORCE_WINDOW);
	CHECK_INT(booking_check_divorce_window(app, day_of(2027, 1, 15)), BOOKING_OK);
	CHECK_INT(booking_check_divorce_window(app, day_of(2027, 2, 13)), BOOKING_OK);
	CHECK_INT(booking_check_divorce_window(app, day_of(2027, 2, 14)), BOOKING_ERR_DIVORCE_WINDOW);
	CHECK_INT(booking_check_divorce_window(app, app), BOOKING_ERR_DIVORCE_WINDOW);
	CHECK_INT(booking_check_divorce_window(app, day_of(2026, 11, 1)), BOOKING_ERR_DIVORCE_WINDOW);
	/* Across a short February, common and leap years. */
	booking_divorce_window(day_of(2026, 1, 31), &first, &last);
	CHECK(same_day(first, day_of(2026, 3, 3)));
	CHECK(same_day(last, day_of(2026, 4, 1)));
	booking_divorce_window(day_of(2028, 1, 31), &first, &last);
	CHECK(same_day(first, day_of(2028, 3, 2)));
	CHECK(same_day(last, day_of(2028, 3, 31)));
	CHECK_INT(booking_check_divorce_window(day_of(2028, 1, 31), day_of(2028, 3, 1)), BOOKING_ERR_DIVORCE_WINDOW);
	CHECK_INT(booking_check_divorce_window(day_of(2028, 1, 31), day_of(2028, 3, 2)), BOOKING_OK);
	/* Every day of a whole year against the two ends. */
	for (long d = date_to_days(day_of(2026, 1, 1)); d <= date_to_days(day_of(2026, 12, 31)); d++) {
		struct civil_date a = date_from_days(d);
		booking_divorce_window(a, &first, &last);
		CHECK_INT(date_to_days(first) - d, 31);
		CHECK_INT(date_to_days(last) - d, 60);
		CHECK_INT(booking_check_divorce_window(a, date_from_days(d + 30)), BOOKING_ERR_DIVORCE_WINDOW);
		CHECK_INT(booking_check_divorce_window(a, date_from_days(d + 61)), BOOKING_ERR_DIVORCE_WINDOW);
	}
	booking_divorce_window(app, NULL, NULL); /* no crash */
}

/* The sentence of every error exists in the interface catalogues (assets/i18n) in all three languages. */
static void test_error_keys(void)
{
	char err[512];
	struct strings *s = strings_load(KIOSK_FONTS_DIR "/../assets/i18n", err, sizeof(err));
	if (!CHECK(s != NULL)) {
		fprintf(stderr, "  %s\n", err);
		return;
	}
	for (int e = 0; e <= BOOKING_ERR_COUNT; e++) {
		const char *key = booking_error_key((enum booking_error)e);
		CHECK(key != NULL && strncmp(key, "err.", 4) == 0);
		for (int k = 1; k < e && e < BOOKING_ERR_COUNT; k++)
			CHECK(strcmp(key, booking_error_key((enum booking_error)k)) != 0);
		const char *hans = strings_get(s, TEXT_LANG_ZH_HANS, key);
		if (!CHECK(hans != key)) {
			fprintf(stderr, "  missing %s\n", key);
			continue;
		}
		/* Translated, not fallen back to the zh-Hans text. */
		CHECK(strcmp(strings_get(s, TEXT_LANG_ZH_HANT, key), hans) != 0);
		CHECK(strcmp(strings_get(s, TEXT_LANG_EN, key), hans) != 0);
		if (e == BOOKING_ERR_ID_LENGTH) {
			for (int lang = 0; lang < TEXT_LANG_COUNT; lang++) {
				int holes = 0;
				for (const char *h = strstr(strings_get(s, (enum text_lang)lang, key), "{n}"); h; h = strstr(h + 1, "{n}"))
					holes++;
				CHECK_INT(holes, 1);
			}
		}
	}
	strings_destroy(s);
	CHECK_STR(booking_error_key(BOOKING_ERR_ID_CHECK_DIGIT), "err.id.check_digit");
	CHECK_STR(booking_error_key(BOOKING_OK), "err.unknown");
	CHECK_STR(booking_error_key((enum booking_error)-1), "err.unknown");
}

static const struct booking_day_reasons reasons = {"outside", "closed_weekday", "holiday", "full"};

static struct catalog_office office_mon_sat(int window)
{
	struct catalog_office o;
	memset(&o, 0, sizeof(o));
	snprintf(o.id, sizeof(o.id), "jh_marriage_registry");
	o.bookable = true;
	o.window_days = window;
	for (int wd = 1; wd <= 6; wd++)
		o.open_on[wd] = true;
	return o;
}

static void add_slot(struct catalog_slot *slots, int *n, struct civil_date d, const char *start, int free_places,
		     bool bookable)
{
	struct catalog_slot *s = &slots[(*n)++];
	unsigned h = (unsigned)(start[0] - '0') * 10 + (unsigned)(start[1] - '0');
	unsigned m = (unsigned)(start[3] - '0') * 10 + (unsigned)(start[4] - '0') + 30;
	memset(s, 0, sizeof(*s));
	s->id = *n;
	s->date = d;
	snprintf(s->start, sizeof(s->start), "%s", start);
	snprintf(s->end, sizeof(s->end), "%02u:%02u", (h + m / 60) % 24u, m % 60u);
	snprintf(s->label, sizeof(s->label), "%s–%s", s->start, s->end);
	s->capacity = 5;
	s->free = free_places;
	s->bookable = bookable;
}

/* Three slots on every day from..to except Sundays and the given holidays. */
static void add_days(struct catalog_slot *slots, int *n, struct civil_date from, struct civil_date to,
		     const struct civil_date *holidays, int holiday_count)
{
	for (long d = date_to_days(from); d <= date_to_days(to); d++) {
		struct civil_date day = date_from_days(d);
		bool skip = date_weekday(day) == 0;
		for (int h = 0; h < holiday_count; h++)
			skip |= same_day(day, holidays[h]);
		if (skip)
			continue;
		add_slot(slots, n, day, "09:00", 3, true);
		add_slot(slots, n, day, "09:30", 0, true);
		add_slot(slots, n, day, "10:00", 1, true);
	}
}

static void set_day_free(struct catalog_slot *slots, int n, struct civil_date day, int free_places, bool bookable)
{
	for (int i = 0; i < n; i++) {
		if (same_day(slots[i].date, day)) {
			slots[i].free = free_places;
			slots[i].bookable = bookable;
		}
	}
}

static void check_days(const struct ui_month *m, int from, int to, enum ui_day_status status, const char *why)
{
	for (int d = from; d <= to; d++) {
		if (!CHECK_INT(m->status[d - 1], status))
			fprintf(stderr, "  %04d-%02d-%02d\n", m->year, m->month, d);
		if (why == NULL)
			CHECK(m->reason[d - 1] == NULL);
		else
			CHECK_STR(m->reason[d - 1], why);
	}
}

static void test_month_window(void)
{
	static struct catalog_slot slots[512];
	int n = 0;
	struct catalog_office o = office_mon_sat(15);
	struct civil_date holiday = day_of(2026, 12, 2);
	struct ui_month m;
	/* Today is Saturday 28 November: the window is 29 November … 13 December. */
	add_days(slots, &n, day_of(2026, 11, 28), day_of(2026, 12, 20), &holiday, 1);
	set_day_free(slots, n, day_of(2026, 12, 3), 0, true); /* every place taken */
	set_day_free(slots, n, day_of(2026, 12, 4), 2, false); /* places left but the backend closed them */
	add_slot(slots, &n, day_of(2026, 12, 6), "09:00", 2, true); /* a Sunday make-up working day */

	booking_month(&o, slots, n, TODAY, 2026, 11, &reasons, &m);
	CHECK_INT(m.year, 2026);
	CHECK_INT(m.month, 11);
	CHECK_INT(m.days, 30);
	CHECK_INT(m.first_weekday, 6); /* 1 November 2026 is a Sunday */
	CHECK(m.title == NULL && m.full_mark == NULL && m.weekdays[0] == NULL && m.weekdays[6] == NULL);
	check_days(&m, 1, 28, UI_DAY_OUTSIDE, "outside"); /* today has slots but is not bookable */
	check_days(&m, 29, 29, UI_DAY_CLOSED, "closed_weekday");
	check_days(&m, 30, 30, UI_DAY_OPEN, NULL);

	booking_month(&o, slots, n, TODAY, 2026, 12, &reasons, &m);
	CHECK_INT(m.days, 31);
	CHECK_INT(m.first_weekday, 1); /* a Tuesday */
	check_days(&m, 1, 1, UI_DAY_OPEN, NULL);
	check_days(&m, 2, 2, UI_DAY_CLOSED, "holiday");
	check_days(&m, 3, 4, UI_DAY_FULL, "full");
	check_days(&m, 5, 12, UI_DAY_OPEN, NULL);
	check_days(&m, 13, 13, UI_DAY_CLOSED, "closed_weekday");
	check_days(&m, 14, 31, UI_DAY_OUTSIDE, "outside"); /* 14–20 have slots, past the window */

	/* Without reasons, without an office, a wrong month, no window. */
	booking_month(&o, slots, n, TODAY, 2026, 12, NULL, &m);
	CHECK_INT(m.status[1], UI_DAY_CLOSED);
	CHECK(m.reason[1] == NULL && m.reason[20] == NULL);
	booking_month(NULL, slots, n, TODAY, 2026, 12, &reasons, &m);
	check_days(&m, 1, 31, UI_DAY_OUTSIDE, "outside");
	booking_month(&o, NULL, 0, TODAY, 2026, 12, &reasons, &m);
	check_days(&m, 1, 1, UI_DAY_CLOSED, "holiday");
	check_days(&m, 13, 13, UI_DAY_CLOSED, "closed_weekday");
	booking_month(&o, slots, n, TODAY, 2026, 13, &reasons, &m);
	CHECK_INT(m.days, 0);
	booking_month(&o, slots, n, TODAY, 2026, 0, &reasons, &m);
	CHECK_INT(m.days, 0);
	struct catalog_office shut = office_mon_sat(0);
	booking_month(&shut, slots, n, TODAY, 2026, 12, &reasons, &m);
	check_days(&m, 1, 31, UI_DAY_OUTSIDE, "outside");
	booking_month(&o, slots, n, TODAY, 2026, 12, &reasons, NULL); /* no crash */
}

static void test_month_year_end(void)
{
	static struct catalog_slot slots[512];
	int n = 0;
	struct catalog_office o = office_mon_sat(15);
	const struct civil_date today = day_of(2026, 12, 20); /* a Sunday; window 21 December … 4 January */
	const struct civil_date holidays[] = {day_of(2027, 1, 1), day_of(2027, 1, 2), day_of(2027, 1, 3)};
	struct ui_month m;
	add_days(slots, &n, day_of(2026, 12, 21), day_of(2027, 1, 20), holidays, 3);

	booking_month(&o, slots, n, today, 2026, 12, &reasons, &m);
	check_days(&m, 1, 20, UI_DAY_OUTSIDE, "outside");
	check_days(&m, 21, 26, UI_DAY_OPEN, NULL);
	check_days(&m, 27, 27, UI_DAY_CLOSED, "closed_weekday");
	check_days(&m, 28, 31, UI_DAY_OPEN, NULL);

	booking_month(&o, slots, n, today, 2027, 1, &reasons, &m);
	CHECK_INT(m.year, 2027);
	CHECK_INT(m.month, 1);
	CHECK_INT(m.days, 31);
	CHECK_INT(m.first_weekday, 4); /* 1 January 2027 is a Friday */
	check_days(&m, 1, 2, UI_DAY_CLOSED, "holiday"); /* Friday and Saturday without slots */
	check_days(&m, 3, 3, UI_DAY_CLOSED, "closed_weekday");
	check_days(&m, 4, 4, UI_DAY_OPEN, NULL);
	check_days(&m, 5, 31, UI_DAY_OUTSIDE, "outside");

	/* ui_month counts weekdays from Monday, civil_date from Sunday: every month of two years. */
	for (int y = 2026; y <= 2028; y++) {
		for (int mo = 1; mo <= 12; mo++) {
			booking_month(&o, NULL, 0, today, y, mo, NULL, &m);
			CHECK_INT(m.first_weekday, (date_weekday(day_of(y, mo, 1)) + 6) % 7);
			CHECK_INT(m.days, date_days_in_month(y, mo));
		}
	}
	booking_month(&o, NULL, 0, today, 2026, 6, NULL, &m);
	CHECK_INT(m.first_weekday, 0); /* 1 June 2026 is a Monday */
	booking_month(&o, NULL, 0, today, 2026, 2, NULL, &m);
	CHECK_INT(m.first_weekday, 6); /* 1 February 2026 is a Sunday */
	CHECK_INT(m.days, 28);
	booking_month(&o, NULL, 0, today, 2028, 2, NULL, &m);
	CHECK_INT(m.days, 29);
}

static void test_day_slots(void)
{
	struct catalog_slot slots[16];
	struct ui_slot out[16];
	int idx[16], n = 0;
	const struct civil_date day = day_of(2026, 12, 1), other = day_of(2026, 12, 2);
	add_slot(slots, &n, day, "14:00", 2, true);   /* 0 */
	add_slot(slots, &n, other, "08:30", 2, true); /* 1 */
	add_slot(slots, &n, day, "09:00", 5, true);   /* 2 */
	add_slot(slots, &n, day, "10:30", 4, false);  /* 3: not bookable */
	add_slot(slots, &n, other, "09:00", 2, true); /* 4 */
	add_slot(slots, &n, day, "09:30", 0, true);   /* 5: full */
	add_slot(slots, &n, day, "09:00", 1, true);   /* 6: same time as 2, a second counter */
	slots[0].label[0] = '\0';                     /* no label: the start time is shown */

	int count = booking_day_slots(slots, n, day, out, 16, idx);
	CHECK_INT(count, 5);
	static const int order[] = {2, 6, 5, 3, 0};
	for (int i = 0; i < count && i < 5; i++)
		CHECK_INT(idx[i], order[i]);
	CHECK_STR(out[0].time, "09:00–09:30");
	CHECK(out[0].time == slots[2].label);
	CHECK_INT(out[0].free, 5);
	CHECK_INT(out[0].capacity, 5);
	CHECK_STR(out[2].time, "09:30–10:00");
	CHECK_INT(out[2].free, 0);
	CHECK_STR(out[3].time, "10:30–11:00");
	CHECK_INT(out[3].free, 0); /* not bookable shows as full */
	CHECK_STR(out[4].time, "14:00");

	CHECK_INT(booking_day_slots(slots, n, day, out, 2, idx), 2);
	CHECK_INT(idx[0], 2);
	CHECK_INT(idx[1], 6);
	CHECK_INT(booking_day_slots(slots, n, day, out, 16, NULL), 5);
	CHECK_INT(booking_day_slots(slots, n, day_of(2026, 12, 3), out, 16, idx), 0);
	CHECK_INT(booking_day_slots(slots, n, day, out, 0, idx), 0);
	CHECK_INT(booking_day_slots(NULL, n, day, out, 16, idx), 0);
	CHECK_INT(booking_day_slots(slots, -3, day, out, 16, idx), 0);
}

/* Trimmed from the demo stub's answers (GET /v1/services, /v1/offices and
 * /v1/slots?service=marriage_registration&office=jh_marriage_registry, seeded 2026-11-28). */
static const char stub_services_json[] =
	"{\"items\":[{\"id\":\"marriage_registration\",\"name\":{\"zh-Hans\":\"结婚登记\",\"zh-Hant\""
	":\"結婚登記\",\"en\":\"Marriage registration\"},\"description\":{\"zh-Hans\":\"男女双方须"
	"本人同时到场。男方年满22周岁、女方年满20周岁。\",\"zh-Hant\":\"男女雙方"
	"須本人同時到場。男方年滿22周歲、女方年滿20周歲。\",\"en\":\"Both parties m"
	"ust attend in person. The man must be at least 22 and the woman at least 20.\"},\"documents\":{\""
	"zh-Hans\":\"双方居民身份证；双方近期半身免冠合影照片2张（2寸）。\",\"zh"
	"-Hant\":\"雙方居民身份證；雙方近期半身免冠合影照片2張（2寸）。\",\"en\""
	":\"Both resident ID cards; two recent 2-inch photos of the couple together.\"},\"parties_min\":2"
	",\"parties_max\":2,\"slot_minutes\":30},{\"id\":\"family_counselling\",\"name\":{\"zh-Hans\":\"婚"
	"姻家庭辅导\",\"zh-Hant\":\"婚姻家庭輔導\",\"en\":\"Marriage and family counselling\"}"
	",\"description\":{\"zh-Hans\":\"由专业社工或婚姻家庭辅导员提供免费咨询，内容"
	"保密。\",\"zh-Hant\":\"由專業社工或婚姻家庭輔導員提供免費諮詢，內容保密"
	"。\",\"en\":\"Free, confidential counselling by social workers and family counsellors.\"},\"doc"
	"uments\":{\"zh-Hans\":\"本人居民身份证。\",\"zh-Hant\":\"本人居民身份證。\",\"en"
	"\":\"Your resident ID card.\"},\"parties_min\":1,\"parties_max\":2,\"slot_minutes\":30}]}";

static const char stub_offices_json[] =
	"{\"items\":[{\"id\":\"jh_marriage_registry\",\"name\":{\"zh-Hans\":\"江海区婚姻登记处\","
	"\"zh-Hant\":\"江海區婚姻登記處\",\"en\":\"Jianghai District Marriage Registry\"},\"addre"
	"ss\":{\"zh-Hans\":\"江门市江海区（演示地址，以公告为准）\",\"zh-Hant\":\"江門"
	"市江海區（演示地址，以公告為準）\",\"en\":\"Jianghai District, Jiangmen (demo ad"
	"dress)\"},\"phone\":\"0750-0000001（演示）\",\"hours_text\":{\"zh-Hans\":\"周一至周五 9"
	":00–12:00、14:00–17:00；周六 9:00–12:00；周日及法定节假日休息\",\"zh-Hant\""
	":\"週一至週五 9:00–12:00、14:00–17:00；週六 9:00–12:00；週日及法定節假日"
	"休息\",\"en\":\"Mon–Fri 9:00–12:00 and 14:00–17:00; Sat 9:00–12:00; closed Sundays and"
	" public holidays\"},\"bookable\":true,\"role\":\"service_point\",\"booking_window_days\":15,\"op"
	"ening_hours\":{\"mon\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"14:00\",\"close\":\""
	"17:00\"}],\"tue\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"14:00\",\"close\":\"17:0"
	"0\"}],\"wed\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"14:00\",\"close\":\"17:00\"}"
	"],\"thu\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"14:00\",\"close\":\"17:00\"}],\""
	"fri\":[{\"open\":\"09:00\",\"close\":\"12:00\"},{\"open\":\"14:00\",\"close\":\"17:00\"}],\"sat\""
	":[{\"open\":\"09:00\",\"close\":\"12:00\"}],\"sun\":[]},\"closed_on\":\"sundays_and_public_holid"
	"ays\",\"services\":[\"marriage_registration\",\"divorce_application\",\"divorce_certificate\",\""
	"certificate_reissue\",\"certificate_ceremony\",\"family_counselling\"]},{\"id\":\"jm_cross_borde"
	"r_registry\",\"name\":{\"zh-Hans\":\"江门市涉外及涉港澳台婚姻登记处\",\"zh-Hant\""
	":\"江門市涉外及涉港澳台婚姻登記處\",\"en\":\"Jiangmen Registry for Marriages with"
	" Hong Kong, Macau, Taiwan or Foreign Parties\"},\"address\":{\"zh-Hans\":\"江门市（演示地"
	"址；请向区民政局确认指定登记机关）\",\"zh-Hant\":\"江門市（演示地址；請"
	"向區民政局確認指定登記機關）\",\"en\":\"Jiangmen (demo address; confirm the design"
	"ated office with the district)\"},\"phone\":\"0750-0000009（演示）\",\"hours_text\":{\"zh-Ha"
	"ns\":\"请致电预约\",\"zh-Hant\":\"請致電預約\",\"en\":\"Call to make an appointment\"}"
	",\"bookable\":false,\"role\":\"designated_cross_border_registry\",\"services\":[]}]}";

static const char stub_slots_json[] =
	"{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"from\":\"2026-11-29"
	"\",\"to\":\"2026-12-13\",\"items\":[{\"id\":2731,\"office\":\"jh_marriage_registry\",\"service\""
	":\"marriage_registration\",\"date\":\"2026-11-30\",\"start\":\"2026-11-30T09:00:00+08:00\",\"end"
	"\":\"2026-11-30T09:30:00+08:00\",\"capacity\":5,\"free\":5,\"bookable\":true},{\"id\":2732,\"off"
	"ice\":\"jh_marriage_registry\",\"service\":\"marriage_registration\",\"date\":\"2026-11-30\",\"s"
	"tart\":\"2026-11-30T09:30:00+08:00\",\"end\":\"2026-11-30T10:00:00+08:00\",\"capacity\":5,\"free"
	"\":5,\"bookable\":true},{\"id\":2733,\"office\":\"jh_marriage_registry\",\"service\":\"marriage_"
	"registration\",\"date\":\"2026-11-30\",\"start\":\"2026-11-30T10:00:00+08:00\",\"end\":\"2026-11"
	"-30T10:30:00+08:00\",\"capacity\":5,\"free\":5,\"bookable\":true},{\"id\":2791,\"office\":\"jh_m"
	"arriage_registry\",\"service\":\"marriage_registration\",\"date\":\"2026-12-05\",\"start\":\"202"
	"6-12-05T09:00:00+08:00\",\"end\":\"2026-12-05T09:30:00+08:00\",\"capacity\":5,\"free\":5,\"booka"
	"ble\":true},{\"id\":2792,\"office\":\"jh_marriage_registry\",\"service\":\"marriage_registration"
	"\",\"date\":\"2026-12-05\",\"start\":\"2026-12-05T09:30:00+08:00\",\"end\":\"2026-12-05T10:00:00"
	"+08:00\",\"capacity\":5,\"free\":5,\"bookable\":true}]}";
static struct booking_catalog catalog;

static void test_catalog_stub(void)
{
	booking_catalog_parse(&catalog, stub_services_json, stub_offices_json);
	CHECK_INT(catalog.service_count, 2);
	const struct catalog_service *s = catalog_service_find(&catalog, "marriage_registration");
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(catalog_text_get(&s->name, TEXT_LANG_ZH_HANS), "结婚登记");
		CHECK_STR(catalog_text_get(&s->name, TEXT_LANG_ZH_HANT), "結婚登記");
		CHECK_STR(catalog_text_get(&s->name, TEXT_LANG_EN), "Marriage registration");
		CHECK(strstr(catalog_text_get(&s->documents, TEXT_LANG_EN), "photos") != NULL);
		CHECK_INT(s->parties_min, 2);
		CHECK_INT(s->parties_max, 2);
	}
	s = catalog_service_find(&catalog, "family_counselling");
	CHECK(s != NULL && s->parties_min == 1 && s->parties_max == 2);
	CHECK(catalog_service_find(&catalog, "divorce_application") == NULL);
	CHECK(catalog_service_find(&catalog, NULL) == NULL);

	CHECK_INT(catalog.office_count, 2);
	const struct catalog_office *o = catalog_office_find(&catalog, "jh_marriage_registry");
	CHECK(o != NULL);
	if (o) {
		CHECK(o->bookable && !o->designated);
		CHECK_INT(o->window_days, 15);
		CHECK(!o->open_on[0]);
		for (int wd = 1; wd <= 6; wd++)
			CHECK(o->open_on[wd]);
		CHECK_INT(o->service_count, 6);
		CHECK(catalog_office_offers(o, "marriage_registration"));
		CHECK(catalog_office_offers(o, "family_counselling"));
		CHECK(!catalog_office_offers(o, "pledge"));
		CHECK_STR(o->phone, "0750-0000001（演示）");
		CHECK_STR(catalog_text_get(&o->name, TEXT_LANG_ZH_HANT), "江海區婚姻登記處");
		CHECK(strncmp(catalog_text_get(&o->hours, TEXT_LANG_ZH_HANS), "周一至周五", strlen("周一至周五")) == 0);
	}
	const struct catalog_office *x = catalog_office_find(&catalog, "jm_cross_border_registry");
	CHECK(x != NULL);
	if (x) {
		CHECK(x->designated && !x->bookable);
		CHECK_INT(x->service_count, 0);
		CHECK(!catalog_office_offers(x, "marriage_registration"));
		CHECK_STR(catalog_text_get(&x->address, TEXT_LANG_EN),
			  "Jiangmen (demo address; confirm the designated office with the district)");
	}

	struct catalog_slot slots[CATALOG_SLOTS_MAX];
	int n = booking_slots_parse(stub_slots_json, slots, CATALOG_SLOTS_MAX);
	CHECK_INT(n, 5);
	CHECK_INT(slots[0].id, 2731);
	CHECK(same_day(slots[0].date, day_of(2026, 11, 30)));
	CHECK_STR(slots[0].start, "09:00");
	CHECK_STR(slots[0].end, "09:30");
	CHECK_STR(slots[0].label, "09:00–09:30");
	CHECK_INT(slots[0].capacity, 5);
	CHECK_INT(slots[0].free, 5);
	CHECK(slots[0].bookable);
	CHECK_STR(slots[4].label, "09:30–10:00");
	CHECK_INT(booking_slots_parse(stub_slots_json, slots, 2), 2);
	n = booking_slots_parse(stub_slots_json, slots, CATALOG_SLOTS_MAX);
	if (o) {
		struct ui_month m;
		booking_month(o, slots, n, TODAY, 2026, 12, &reasons, &m);
		check_days(&m, 1, 4, UI_DAY_CLOSED, "holiday"); /* trimmed away: no slots */
		check_days(&m, 5, 5, UI_DAY_OPEN, NULL);
		check_days(&m, 6, 6, UI_DAY_CLOSED, "closed_weekday");
	}
	/* Cut in the middle: nothing, no crash. */
	char half[sizeof(stub_slots_json)];
	memcpy(half, stub_slots_json, sizeof(half) / 2);
	half[sizeof(half) / 2] = '\0';
	CHECK_INT(booking_slots_parse(half, slots, CATALOG_SLOTS_MAX), 0);
}

static void test_catalog_malformed(void)
{
	booking_catalog_parse(&catalog, NULL, NULL);
	CHECK_INT(catalog.service_count, 0);
	CHECK_INT(catalog.office_count, 0);
	static const char *const junk[] = {"", "not json", "{", "[]", "{}", "{\"items\":5}", "{\"items\":{}}",
					   "{\"items\":[5,\"x\",null,true,[],{}]}", "{\"items\":[{\"id\":7}]}",
					   "{\"items\":[{\"id\":\"\"}]}", "{\"items\":[{\"id\":\"a:b\"}]}",
					   "{\"items\":[{\"id\":\"a b\"}]}", "null", "\"items\""};
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		booking_catalog_parse(&catalog, junk[i], junk[i]);
		CHECK_INT(catalog.service_count, 0);
		CHECK_INT(catalog.office_count, 0);
	}
	booking_catalog_parse(NULL, "{}", "{}"); /* no crash */

	/* Wrong types fall back; a number where a text belongs leaves it empty. */
	booking_catalog_parse(&catalog,
			      "{\"items\":[{\"id\":\"a\",\"name\":5,\"description\":[\"x\"],\"parties_min\":\"2\","
			      "\"parties_max\":3},{\"id\":\"b\",\"name\":\"只有简体\",\"parties_min\":2,\"parties_max\":1.5},"
			      "{\"id\":\"c\",\"name\":{\"en\":\"English only\",\"zh-Hant\":7}},"
			      "{\"id\":\"a\",\"name\":\"a duplicate\"}]}",
			      "{\"items\":[{\"id\":\"o\",\"name\":{\"zh-Hans\":\"某处\"},\"bookable\":\"yes\",\"role\":5,"
			      "\"booking_window_days\":\"15\",\"opening_hours\":[1,2],\"phone\":12345,"
			      "\"services\":[\"a\",\"a\",7,\"b\",\"bad id\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]},"
			      "{\"id\":\"p\",\"booking_window_days\":1000,\"opening_hours\":{\"mon\":[],\"tue\":[{}],"
			      "\"sun\":\"09:00\"},\"phone\":{\"zh-Hans\":\"0750-1\"},"
			      "\"role\":\"designated_cross_border_registry\",\"bookable\":true}]}");
	CHECK_INT(catalog.service_count, 3);
	const struct catalog_service *a = catalog_service_find(&catalog, "a");
	CHECK(a != NULL && a == &catalog.services[0]);
	if (a) {
		CHECK_STR(catalog_text_get(&a->name, TEXT_LANG_EN), "");
		CHECK_STR(catalog_text_get(&a->description, TEXT_LANG_ZH_HANS), "");
		CHECK_INT(a->parties_min, 1);
		CHECK_INT(a->parties_max, 2);
	}
	const struct catalog_service *b = catalog_service_find(&catalog, "b");
	if (CHECK(b != NULL)) {
		CHECK_STR(catalog_text_get(&b->name, TEXT_LANG_EN), "只有简体"); /* falls back to zh-Hans */
		CHECK_STR(catalog_text_get(&b->name, TEXT_LANG_ZH_HANT), "只有简体");
		CHECK_STR(catalog_text_get(&b->name, (enum text_lang)9), "只有简体");
		CHECK_INT(b->parties_min, 2);
		CHECK_INT(b->parties_max, 2);
	}
	const struct catalog_service *c = catalog_service_find(&catalog, "c");
	if (CHECK(c != NULL)) {
		CHECK_STR(catalog_text_get(&c->name, TEXT_LANG_EN), "English only");
		CHECK_STR(catalog_text_get(&c->name, TEXT_LANG_ZH_HANS), "English only"); /* anything beats nothing */
	}
	CHECK_STR(catalog_text_get(NULL, TEXT_LANG_EN), "");
	CHECK_INT(catalog.office_count, 2);
	const struct catalog_office *o = catalog_office_find(&catalog, "o");
	if (CHECK(o != NULL)) {
		CHECK(!o->bookable && !o->designated);
		CHECK_INT(o->window_days, 15);
		for (int wd = 0; wd < 7; wd++)
			CHECK(!o->open_on[wd]);
		CHECK_STR(o->phone, "");
		CHECK_INT(o->service_count, CATALOG_SERVICES_MAX);
		CHECK_STR(o->services[0], "a");
		CHECK_STR(o->services[1], "b");
		CHECK_STR(o->services[2], "c");
		CHECK(!catalog_office_offers(o, "bad id"));
	}
	const struct catalog_office *p = catalog_office_find(&catalog, "p");
	if (CHECK(p != NULL)) {
		CHECK(p->bookable && p->designated);
		CHECK_INT(p->window_days, 15);
		CHECK(!p->open_on[1] && p->open_on[2] && !p->open_on[0]);
		CHECK_STR(p->phone, "0750-1");
		CHECK_INT(p->service_count, 0);
	}

	/* Huge strings are cut on a character boundary; a huge id drops its item; invalid UTF-8 is dropped. */
	size_t cap = 64 * 1024;
	char *big = malloc(cap);
	size_t at = (size_t)snprintf(big, cap, "{\"items\":[{\"id\":\"big\",\"name\":{\"zh-Hans\":\"");
	for (int i = 0; i < 2000; i++)
		at += (size_t)snprintf(big + at, cap - at, "汉");
	at += (size_t)snprintf(big + at, cap - at, "\",\"en\":\"");
	for (int i = 0; i < 3000; i++)
		big[at++] = 'a';
	at += (size_t)snprintf(big + at, cap - at, "\",\"zh-Hant\":\"bad \xff\xfe here\"}},{\"id\":\"");
	for (int i = 0; i < 100; i++)
		big[at++] = 'i';
	snprintf(big + at, cap - at, "\"}]}");
	booking_catalog_parse(&catalog, big, NULL);
	CHECK_INT(catalog.service_count, 1);
	const char *zh = catalog_text_get(&catalog.services[0].name, TEXT_LANG_ZH_HANS);
	CHECK_INT(strlen(zh), (CATALOG_TEXT_MAX - 1) / 3 * 3); /* whole 3-byte characters within the cap */
	CHECK(utf8_valid(zh, strlen(zh)));
	CHECK_INT(strlen(catalog_text_get(&catalog.services[0].name, TEXT_LANG_EN)), CATALOG_TEXT_MAX - 1);
	CHECK_STR(catalog_text_get(&catalog.services[0].name, TEXT_LANG_ZH_HANT), zh); /* dropped, fell back */
	free(big);

	/* More items than fit. */
	char many[4096];
	at = (size_t)snprintf(many, sizeof(many), "{\"items\":[");
	for (int i = 0; i < 20; i++)
		at += (size_t)snprintf(many + at, sizeof(many) - at, "%s{\"id\":\"s%d\"}", i ? "," : "", i);
	snprintf(many + at, sizeof(many) - at, "]}");
	booking_catalog_parse(&catalog, many, many);
	CHECK_INT(catalog.service_count, CATALOG_SERVICES_MAX);
	CHECK_INT(catalog.office_count, CATALOG_OFFICES_MAX);
	CHECK(catalog_service_find(&catalog, "s7") != NULL);
	CHECK(catalog_service_find(&catalog, "s8") == NULL);

	/* The size limit: a body of exactly CATALOG_JSON_MAX bytes is read, one byte more is refused. */
	char *huge = malloc((size_t)CATALOG_JSON_MAX + 2);
	const char *head = "{\"items\":[{\"id\":\"edge\"}]";
	size_t head_len = strlen(head);
	memcpy(huge, head, head_len);
	memset(huge + head_len, ' ', (size_t)CATALOG_JSON_MAX - head_len - 1);
	huge[CATALOG_JSON_MAX - 1] = '}';
	huge[CATALOG_JSON_MAX] = '\0';
	booking_catalog_parse(&catalog, huge, NULL);
	CHECK_INT(catalog.service_count, 1);
	huge[CATALOG_JSON_MAX - 1] = ' ';
	huge[CATALOG_JSON_MAX] = '}';
	huge[CATALOG_JSON_MAX + 1] = '\0';
	booking_catalog_parse(&catalog, huge, NULL);
	CHECK_INT(catalog.service_count, 0);
	/* Deep nesting: cJSON's nesting limit, not the stack, ends it. */
	memset(huge, '[', 200000);
	huge[200000] = '\0';
	booking_catalog_parse(&catalog, huge, huge);
	CHECK_INT(catalog.service_count, 0);
	struct catalog_slot slot[4];
	CHECK_INT(booking_slots_parse(huge, slot, 4), 0);
	free(huge);
}

static void test_slots_malformed(void)
{
	static struct catalog_slot slots[32];
	const char *json =
		"{\"items\":["
		"{\"id\":-1,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":1.5,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":\"7\",\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":1e300,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":8,\"date\":\"2026-02-30\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":9,\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":10,\"date\":\"2026-12-01\",\"start\":\"25:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":11,\"date\":\"2026-12-01\",\"start\":\"2026-12-02T09:00:00+08:00\",\"end\":\"09:30\","
		"\"capacity\":5,\"free\":1},"
		"{\"id\":12,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":-1,\"free\":1},"
		"{\"id\":13,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5},"
		"{\"id\":14,\"date\":\"2026-12-01\",\"start\":\"9:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":15,\"date\":20261201,\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":1},"
		"{\"id\":100,\"date\":\"2026-12-01\",\"start\":\"09:00\",\"end\":\"09:30\",\"capacity\":5,\"free\":9},"
		"{\"id\":101,\"date\":\"2026-12-01\",\"start\":\"09:30\",\"end\":\"10:00\",\"capacity\":5,\"free\":2,"
		"\"bookable\":\"yes\"},"
		"{\"id\":102,\"date\":\"2026-12-01\",\"start\":\"2026-12-01T10:00:00+08:00\","
		"\"end\":\"2026-12-01T10:30:00+08:00\",\"capacity\":2,\"free\":0,\"bookable\":false}"
		"]}";
	int n = booking_slots_parse(json, slots, 32);
	CHECK_INT(n, 3);
	CHECK_INT(slots[0].id, 100);
	CHECK_INT(slots[0].free, 5); /* more free than places is cut to the capacity */
	CHECK(slots[0].bookable);	     /* absent: bookable */
	CHECK_STR(slots[0].label, "09:00–09:30");
	CHECK_INT(slots[1].id, 101);
	CHECK(!slots[1].bookable); /* a string is not a yes */
	CHECK_INT(slots[2].id, 102);
	CHECK_STR(slots[2].label, "10:00–10:30");
	CHECK(!slots[2].bookable);
	CHECK_INT(booking_slots_parse(NULL, slots, 32), 0);
	CHECK_INT(booking_slots_parse(json, NULL, 32), 0);
	CHECK_INT(booking_slots_parse(json, slots, 0), 0);
	CHECK_INT(booking_slots_parse("{\"items\":[]}", slots, 32), 0);
	CHECK_INT(booking_slots_parse("garbage", slots, 32), 0);
}

int main(void)
{
	test_resident_id_valid();
	test_resident_id_invalid();
	test_other_documents();
	test_age_and_marriage();
	test_cross_border_and_duplicates();
	test_phone();
	test_divorce_window();
	test_error_keys();
	test_month_window();
	test_month_year_end();
	test_day_slots();
	test_catalog_stub();
	test_catalog_malformed();
	test_slots_malformed();
	return check_exit();
}
