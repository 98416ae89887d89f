/* booking_rules: see booking_rules.h. Pure functions over what the visitor typed; document formats
 * and check digits come from rules/id_document, dates from rules/civil_date (day numbers in Beijing
 * time, so nothing breaks at month or year ends). Every string read is bounded here, because the
 * screens hand over what was typed as it is. */
#include "booking/booking_rules.h"

#include <string.h>

#include "core/utf8.h"
#include "person_name.h"
#include "phone.h"

#define NAME_SCAN_MAX 256 /* bytes of a name looked at to see whether anything was typed */
#define NUMBER_MAX 32 /* the backend's limit for id_number */
#define NUMBER_SCAN_MAX 128 /* bytes counted to tell the visitor how much was typed (> 18 × 4) */
#define RESIDENT_ID_LEN 18
#define MARRIAGE_AGE_MAN 22
#define MARRIAGE_AGE_WOMAN 20
#define DIVORCE_FIRST_DAY 31 /* Civil Code art. 1077: 30 days to reflect, then 30 days to collect */
#define DIVORCE_LAST_DAY 60

static const char *const error_keys[BOOKING_ERR_COUNT] = {
	[BOOKING_OK] = "err.unknown",
	[BOOKING_ERR_NAME_MISSING] = "err.name.missing",
	[BOOKING_ERR_NAME_INVALID] = "err.name.invalid",
	[BOOKING_ERR_ID_LENGTH] = "err.id.length",
	[BOOKING_ERR_ID_CHARSET] = "err.id.charset",
	[BOOKING_ERR_ID_PREFIX] = "err.id.prefix",
	[BOOKING_ERR_ID_BIRTH_DATE] = "err.id.birth_date",
	[BOOKING_ERR_ID_CHECK_DIGIT] = "err.id.check_digit",
	[BOOKING_ERR_BIRTH_DATE_MISSING] = "err.birth_date.missing",
	[BOOKING_ERR_BIRTH_DATE_INVALID] = "err.birth_date.invalid",
	[BOOKING_ERR_SEX_MISSING] = "err.sex.missing",
	[BOOKING_ERR_UNDER_AGE_MAN] = "err.age.under_man",
	[BOOKING_ERR_UNDER_AGE_WOMAN] = "err.age.under_woman",
	[BOOKING_ERR_SAME_SEX_PARTIES] = "err.parties.same_sex",
	[BOOKING_ERR_DUPLICATE_PARTY] = "err.parties.duplicate",
	[BOOKING_ERR_PHONE] = "err.phone",
	[BOOKING_ERR_DIVORCE_WINDOW] = "err.divorce.window",
	[BOOKING_ERR_CROSS_BORDER] = "err.cross_border",
	[BOOKING_ERR_DOC_FORMAT] = "err.doc.format",
};

/* Services the designated cross-border registry handles for HK/Macau/Taiwan/foreign parties (as the
 * backend's rule 4: marriage, divorce, reissue). */
static const char *const cross_border_services[] = {
	"marriage_registration",
	"divorce_application",
	"divorce_certificate",
	"certificate_reissue",
};

static bool is_blank(const char *s)
{
	size_t len = s ? strnlen(s, NAME_SCAN_MAX) : 0;
	size_t at = 0;
	while (at < len) {
		size_t used = 1;
		uint32_t cp = utf8_decode(s + at, len - at, &used);
		if (cp != ' ' && cp != '\t' && cp != 0x3000) /* U+3000: the full-width space of Chinese input */
			return false;
		at += used;
	}
	return true;
}

static char upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static enum booking_error from_document_error(enum id_document_error e)
{
	switch (e) {
	case ID_DOCUMENT_OK:
		return BOOKING_OK;
	case ID_DOCUMENT_ERR_LENGTH:
		return BOOKING_ERR_ID_LENGTH;
	case ID_DOCUMENT_ERR_CHARSET:
		return BOOKING_ERR_ID_CHARSET;
	case ID_DOCUMENT_ERR_PREFIX:
		return BOOKING_ERR_ID_PREFIX;
	case ID_DOCUMENT_ERR_BIRTH_DATE:
		return BOOKING_ERR_ID_BIRTH_DATE;
	case ID_DOCUMENT_ERR_CHECK_DIGIT:
		return BOOKING_ERR_ID_CHECK_DIGIT;
	}
	return BOOKING_ERR_ID_CHARSET;
}

/* The resident ID and the residence permit: 18 characters that encode birth date and sex. The length
 * is counted in characters, so "应为18位，现在是N位" is true even when a Chinese character slipped in. */
static enum booking_error check_number_18(enum id_document_type type, const char *number,
					  struct id_document_info *doc, int *detail)
{
	size_t len = strnlen(number, NUMBER_SCAN_MAX);
	size_t count = utf8_count(number, len);
	if (count != RESIDENT_ID_LEN) {
		*detail = (int)count;
		return BOOKING_ERR_ID_LENGTH;
	}
	if (!is_ascii(number, len))
		return BOOKING_ERR_ID_CHARSET;
	return from_document_error(id_document_validate(type, number, doc));
}

static enum booking_error check_number_other(enum id_document_type type, const char *number,
					     struct id_document_info *doc)
{
	size_t len = strnlen(number, NUMBER_MAX + 1);
	if (len == 0 || len > NUMBER_MAX)
		return BOOKING_ERR_DOC_FORMAT;
	return id_document_validate(type, number, doc) == ID_DOCUMENT_OK ? BOOKING_OK : BOOKING_ERR_DOC_FORMAT;
}

static bool after(struct civil_date a, struct civil_date b)
{
	return date_to_days(a) > date_to_days(b);
}

enum booking_error booking_check_name(const char *name)
{
	if (name == NULL || is_blank(name))
		return BOOKING_ERR_NAME_MISSING;
	return person_name_check(name) == PERSON_NAME_OK ? BOOKING_OK : BOOKING_ERR_NAME_INVALID;
}

enum booking_error booking_check_party(const struct booking_party *p, struct civil_date today,
				       struct booking_party_info *info, int *detail)
{
	enum booking_error result = BOOKING_ERR_NAME_MISSING;
	struct id_document_info doc;
	struct booking_party_info found;
	const char *number;
	int n = 0;
	memset(&doc, 0, sizeof(doc));
	memset(&found, 0, sizeof(found));
	if (p == NULL || is_blank(p->name))
		goto out;
	number = p->id_number ? p->id_number : "";
	switch (p->id_type) {
	case ID_DOCUMENT_RESIDENT_ID:
	case ID_DOCUMENT_RESIDENCE_PERMIT:
		result = check_number_18(p->id_type, number, &doc, &n);
		break;
	case ID_DOCUMENT_HK_MACAU_PERMIT:
	case ID_DOCUMENT_TAIWAN_PERMIT:
	case ID_DOCUMENT_PASSPORT:
		result = check_number_other(p->id_type, number, &doc);
		break;
	default:
		result = BOOKING_ERR_DOC_FORMAT;
		break;
	}
	if (result != BOOKING_OK)
		goto out;
	found.origin = doc.origin;
	if (doc.has_birth_date) {
		found.birth = (struct civil_date){doc.birth_year, doc.birth_month, doc.birth_day};
		found.sex = doc.sex;
		if (after(found.birth, today)) {
			result = BOOKING_ERR_ID_BIRTH_DATE;
			goto out;
		}
	} else {
		if (p->birth_date == NULL || p->birth_date[0] == '\0') {
			result = BOOKING_ERR_BIRTH_DATE_MISSING;
			goto out;
		}
		if (strnlen(p->birth_date, 11) != 10 || date_parse(p->birth_date, &found.birth) != 0 ||
		    after(found.birth, today)) {
			result = BOOKING_ERR_BIRTH_DATE_INVALID;
			goto out;
		}
		found.sex = upper(p->sex);
		if (found.sex != 'M' && found.sex != 'F') {
			result = BOOKING_ERR_SEX_MISSING;
			goto out;
		}
	}
	found.has_birth = true;
	/* last, so that a slip in the name does not hide what is wrong with the document */
	result = booking_check_name(p->name);
out:
	if (detail != NULL)
		*detail = result == BOOKING_ERR_ID_LENGTH ? n : 0;
	if (result == BOOKING_OK && info != NULL)
		*info = found;
	memset(&doc, 0, sizeof(doc)); /* birth date and sex: personal data off the stack */
	return result;
}

int booking_age_on(struct civil_date birth, struct civil_date on)
{
	int age = on.year - birth.year;
	/* Someone born on 29 February comes of age on 1 March in common years, as the backend counts. */
	if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
		age--;
	return age;
}

static enum booking_error check_age(const struct booking_party_info *p, struct civil_date appointment)
{
	int min_age = p->sex == 'M' ? MARRIAGE_AGE_MAN : MARRIAGE_AGE_WOMAN;
	if (after(p->birth, appointment))
		return BOOKING_ERR_BIRTH_DATE_INVALID;
	if (booking_age_on(p->birth, appointment) >= min_age)
		return BOOKING_OK;
	return p->sex == 'M' ? BOOKING_ERR_UNDER_AGE_MAN : BOOKING_ERR_UNDER_AGE_WOMAN;
}

enum booking_error booking_check_marriage(const struct booking_party_info *a, const struct booking_party_info *b,
					  struct civil_date appointment)
{
	enum booking_error result = BOOKING_ERR_BIRTH_DATE_MISSING;
	if (a == NULL || b == NULL || !a->has_birth || !b->has_birth)
		goto out;
	result = BOOKING_ERR_CROSS_BORDER;
	if (booking_needs_designated_office(a) || booking_needs_designated_office(b))
		goto out;
	result = BOOKING_ERR_SEX_MISSING;
	if ((a->sex != 'M' && a->sex != 'F') || (b->sex != 'M' && b->sex != 'F'))
		goto out;
	result = BOOKING_ERR_SAME_SEX_PARTIES;
	if (a->sex == b->sex)
		goto out;
	result = check_age(a, appointment);
	if (result != BOOKING_OK)
		goto out;
	result = check_age(b, appointment);
out:
	return result;
}

enum booking_error booking_check_phone(const char *phone)
{
	return phone_mobile_valid(phone) ? BOOKING_OK : BOOKING_ERR_PHONE;
}

enum booking_error booking_check_divorce_window(struct civil_date application, struct civil_date appointment)
{
	long diff = date_to_days(appointment) - date_to_days(application);
	return diff >= DIVORCE_FIRST_DAY && diff <= DIVORCE_LAST_DAY ? BOOKING_OK : BOOKING_ERR_DIVORCE_WINDOW;
}

void booking_divorce_window(struct civil_date application, struct civil_date *first, struct civil_date *last)
{
	long day = date_to_days(application);
	if (first != NULL)
		*first = date_from_days(day + DIVORCE_FIRST_DAY);
	if (last != NULL)
		*last = date_from_days(day + DIVORCE_LAST_DAY);
}

bool booking_needs_designated_office(const struct booking_party_info *info)
{
	return info != NULL && info->origin != ID_DOCUMENT_ORIGIN_MAINLAND;
}

enum booking_error booking_check_cross_border(const char *service_id, const struct booking_party_info *info)
{
	if (service_id == NULL || !booking_needs_designated_office(info))
		return BOOKING_OK;
	for (size_t i = 0; i < sizeof(cross_border_services) / sizeof(cross_border_services[0]); i++)
		if (strncmp(service_id, cross_border_services[i], 64) == 0)
			return BOOKING_ERR_CROSS_BORDER;
	return BOOKING_OK;
}

enum booking_error booking_check_distinct(const struct booking_party *a, const struct booking_party *b)
{
	if (a == NULL || b == NULL || a->id_number == NULL || b->id_number == NULL)
		return BOOKING_OK;
	size_t la = strnlen(a->id_number, NUMBER_MAX + 1), lb = strnlen(b->id_number, NUMBER_MAX + 1);
	if (la == 0 || la != lb)
		return BOOKING_OK;
	for (size_t i = 0; i < la; i++)
		if (upper(a->id_number[i]) != upper(b->id_number[i]))
			return BOOKING_OK;
	return BOOKING_ERR_DUPLICATE_PARTY;
}

const char *booking_error_key(enum booking_error e)
{
	if ((int)e < 0 || e >= BOOKING_ERR_COUNT || error_keys[e] == NULL)
		return "err.unknown";
	return error_keys[e];
}
