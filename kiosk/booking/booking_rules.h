/* The booking rules the kiosk checks itself (it may be offline; the backend has the final word):
 * each party's document and birth date, the statutory marriage age on the appointment day, the phone,
 * the divorce-certificate window, and which cases go to the designated cross-border registry.
 * Every failure is a code with a sentence in the visitor's language (assets/i18n/strings/ keys
 * "err.*"), never just a red box. No UI, no I/O: plain data in, verdicts out. */
#ifndef KIOSK_BOOKING_BOOKING_RULES_H
#define KIOSK_BOOKING_BOOKING_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "civil_date.h"
#include "id_document.h"

enum booking_error {
	BOOKING_OK,
	BOOKING_ERR_NAME_MISSING,
	BOOKING_ERR_NAME_INVALID, /* digits, symbols or emoji in a name (rules/person_name.h); reported last */
	BOOKING_ERR_ID_LENGTH, /* "身份证号应为18位，现在是N位" */
	BOOKING_ERR_ID_CHARSET, /* letters or symbols where digits belong (X only last) */
	BOOKING_ERR_ID_PREFIX, /* residence permit not 81/82/83… */
	BOOKING_ERR_ID_BIRTH_DATE, /* the encoded birth date is not a real date */
	BOOKING_ERR_ID_CHECK_DIGIT, /* "身份证号第18位校验码不正确" */
	BOOKING_ERR_BIRTH_DATE_MISSING, /* a document that does not encode it needs it typed */
	BOOKING_ERR_BIRTH_DATE_INVALID, /* not a real date, or in the future */
	BOOKING_ERR_SEX_MISSING,
	BOOKING_ERR_UNDER_AGE_MAN, /* under 22 on the appointment day */
	BOOKING_ERR_UNDER_AGE_WOMAN, /* under 20 on the appointment day */
	BOOKING_ERR_SAME_SEX_PARTIES, /* marriage registration: one man and one woman */
	BOOKING_ERR_DUPLICATE_PARTY, /* the same document twice */
	BOOKING_ERR_PHONE, /* not 11 digits starting with 1[3-9] */
	BOOKING_ERR_DIVORCE_WINDOW, /* certificate visit not in days 31–60 after the application */
	BOOKING_ERR_CROSS_BORDER, /* a HK/Macau/Taiwan/foreign party: the designated office handles it */
	BOOKING_ERR_DOC_FORMAT, /* a permit or passport number not in its document's format */
	BOOKING_ERR_COUNT
};

/* One party as typed. */
struct booking_party {
	const char *name;
	enum id_document_type id_type;
	const char *id_number;
	const char *birth_date; /* "YYYY-MM-DD", only needed when the document does not encode it */
	char sex; /* 'M', 'F' or 0: only needed when the document does not encode it */
};

/* What a party check found out besides errors. */
struct booking_party_info {
	struct civil_date birth;
	char sex;
	bool has_birth; /* birth and sex known (from the document or typed) */
	enum id_document_origin origin;
};

/* Checks one party; on BOOKING_OK fills info. detail gets a number for the message template (the
 * typed length for BOOKING_ERR_ID_LENGTH), may be NULL. */
enum booking_error booking_check_party(const struct booking_party *p, struct civil_date today,
				       struct booking_party_info *info, int *detail);
/* Whole years of age on day `on` for a birth date (the birthday itself counts). */
int booking_age_on(struct civil_date birth, struct civil_date on);
/* Marriage registration: both parties, one man and one woman, each of statutory age on the day. */
enum booking_error booking_check_marriage(const struct booking_party_info *a, const struct booking_party_info *b,
					  struct civil_date appointment);
/* A mainland mobile number: 11 digits, 1[3-9]… */
enum booking_error booking_check_phone(const char *phone);
/* Divorce certificate visit: the appointment must be 31 to 60 days after the application visit. */
enum booking_error booking_check_divorce_window(struct civil_date application, struct civil_date appointment);
/* The first and last day a certificate visit can be booked for an application date. */
void booking_divorce_window(struct civil_date application, struct civil_date *first, struct civil_date *last);
/* True when a party's document sends the case to the designated cross-border registry. */
bool booking_needs_designated_office(const struct booking_party_info *info);
/* BOOKING_ERR_CROSS_BORDER when the service (marriage, divorce, reissue) must go to the designated
 * registry for this party; ceremony and counselling are booked anywhere. */
enum booking_error booking_check_cross_border(const char *service_id, const struct booking_party_info *info);
/* BOOKING_ERR_DUPLICATE_PARTY when both parties give the same document number (letters in any case). */
enum booking_error booking_check_distinct(const struct booking_party *a, const struct booking_party *b);
/* The string-catalogue key of an error's sentence ("err.id.check_digit"); never NULL (BOOKING_OK and
 * unknown values give "err.unknown"). */
const char *booking_error_key(enum booking_error e);
/* A party's name alone (the form says what is wrong with each answer): BOOKING_OK, NAME_MISSING or
 * NAME_INVALID (rules/person_name.h). */
enum booking_error booking_check_name(const char *name);

#endif
