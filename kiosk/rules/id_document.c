/*
 * id_document: see id_document.h. Pure functions over NUL-terminated strings; no allocation.
 * Letters are accepted in either case. Only the structure is checked (length, alphabet, prefix,
 * birth date, check digit), never a registry.
 */
#include "id_document.h"

#include <string.h>

static const struct {
	enum id_document_type type;
	const char *name;
} type_names[] = {
	{ID_DOCUMENT_RESIDENT_ID, "resident_id"},
	{ID_DOCUMENT_RESIDENCE_PERMIT, "residence_permit"},
	{ID_DOCUMENT_HK_MACAU_PERMIT, "hk_macau_permit"},
	{ID_DOCUMENT_TAIWAN_PERMIT, "taiwan_permit"},
	{ID_DOCUMENT_PASSPORT, "passport"},
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

static int digits_value(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int id_document_date_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	int max = mdays[m - 1] + (m == 2 && leap);
	return d <= max;
}

/* ISO 7064 MOD 11-2 over the first 17 digits, as GB 11643-1999 specifies. */
static char check_digit(const char *s)
{
	static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char codes[] = "10X98765432";
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * weights[i];
	return codes[sum % 11];
}

/* The 18-character layout shared by the resident ID and the residence permit. */
static enum id_document_error validate_18(const char *number, int permit, struct id_document_info *info)
{
	if (strlen(number) != 18)
		return ID_DOCUMENT_ERR_LENGTH;
	if (!all_digits(number, 17) || !(is_digit(number[17]) || upper(number[17]) == 'X'))
		return ID_DOCUMENT_ERR_CHARSET;
	if (permit) {
		if (strncmp(number, "810000", 6) == 0)
			info->origin = ID_DOCUMENT_ORIGIN_HONG_KONG;
		else if (strncmp(number, "820000", 6) == 0)
			info->origin = ID_DOCUMENT_ORIGIN_MACAU;
		else if (strncmp(number, "830000", 6) == 0)
			info->origin = ID_DOCUMENT_ORIGIN_TAIWAN;
		else
			return ID_DOCUMENT_ERR_PREFIX;
	} else {
		if (number[0] < '1' || number[0] > '6')
			return ID_DOCUMENT_ERR_PREFIX;
		info->origin = ID_DOCUMENT_ORIGIN_MAINLAND;
	}
	int y = digits_value(number + 6, 4), m = digits_value(number + 10, 2), d = digits_value(number + 12, 2);
	if (!id_document_date_valid(y, m, d))
		return ID_DOCUMENT_ERR_BIRTH_DATE;
	if (check_digit(number) != upper(number[17]))
		return ID_DOCUMENT_ERR_CHECK_DIGIT;
	info->has_birth_date = 1;
	info->birth_year = y;
	info->birth_month = m;
	info->birth_day = d;
	info->sex = ((number[16] - '0') % 2) ? 'M' : 'F';
	return ID_DOCUMENT_OK;
}

/* 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) then 8 digits (card) or 10 digits (older). */
static enum id_document_error validate_hk_macau(const char *number, struct id_document_info *info)
{
	size_t n = strlen(number);
	if (n != 9 && n != 11)
		return ID_DOCUMENT_ERR_LENGTH;
	char c = upper(number[0]);
	if (c != 'H' && c != 'M')
		return ID_DOCUMENT_ERR_PREFIX;
	if (!all_digits(number + 1, n - 1))
		return ID_DOCUMENT_ERR_CHARSET;
	info->origin = c == 'H' ? ID_DOCUMENT_ORIGIN_HONG_KONG : ID_DOCUMENT_ORIGIN_MACAU;
	return ID_DOCUMENT_OK;
}

/* 台湾居民来往大陆通行证: 8 digits (card since 2015) or 10 digits (older booklet). */
static enum id_document_error validate_taiwan(const char *number, struct id_document_info *info)
{
	size_t n = strlen(number);
	if (n != 8 && n != 10)
		return ID_DOCUMENT_ERR_LENGTH;
	if (!all_digits(number, n))
		return ID_DOCUMENT_ERR_CHARSET;
	info->origin = ID_DOCUMENT_ORIGIN_TAIWAN;
	return ID_DOCUMENT_OK;
}

/* Passports: 5 to 17 letters and digits (ICAO 9303 allows up to 9 in the MRZ; some issuers use more), at least one digit. */
static enum id_document_error validate_passport(const char *number, struct id_document_info *info)
{
	size_t n = strlen(number);
	int digits = 0;
	if (n < 5 || n > 17)
		return ID_DOCUMENT_ERR_LENGTH;
	for (size_t i = 0; i < n; i++) {
		char c = upper(number[i]);
		if (is_digit(c))
			digits++;
		else if (c < 'A' || c > 'Z')
			return ID_DOCUMENT_ERR_CHARSET;
	}
	if (digits == 0)
		return ID_DOCUMENT_ERR_CHARSET;
	info->origin = ID_DOCUMENT_ORIGIN_FOREIGN;
	return ID_DOCUMENT_OK;
}

enum id_document_error id_document_validate(enum id_document_type type, const char *number,
					    struct id_document_info *info)
{
	struct id_document_info local;
	enum id_document_error err = ID_DOCUMENT_ERR_LENGTH;
	memset(&local, 0, sizeof(local));
	if (number == NULL)
		goto out;
	switch (type) {
	case ID_DOCUMENT_RESIDENT_ID:
		err = validate_18(number, 0, &local);
		break;
	case ID_DOCUMENT_RESIDENCE_PERMIT:
		err = validate_18(number, 1, &local);
		break;
	case ID_DOCUMENT_HK_MACAU_PERMIT:
		err = validate_hk_macau(number, &local);
		break;
	case ID_DOCUMENT_TAIWAN_PERMIT:
		err = validate_taiwan(number, &local);
		break;
	case ID_DOCUMENT_PASSPORT:
		err = validate_passport(number, &local);
		break;
	}
out:
	if (info != NULL) {
		if (err != ID_DOCUMENT_OK)
			memset(&local, 0, sizeof(local));
		*info = local;
	}
	return err;
}

int id_document_type_from_name(const char *name, enum id_document_type *type)
{
	for (size_t i = 0; name != NULL && i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strcmp(name, type_names[i].name) == 0) {
			*type = type_names[i].type;
			return 0;
		}
	}
	return -1;
}

const char *id_document_type_name(enum id_document_type type)
{
	for (size_t i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (type_names[i].type == type)
			return type_names[i].name;
	return "unknown";
}

const char *id_document_error_str(enum id_document_error err)
{
	switch (err) {
	case ID_DOCUMENT_OK:
		return "valid";
	case ID_DOCUMENT_ERR_LENGTH:
		return "wrong length for this document type";
	case ID_DOCUMENT_ERR_CHARSET:
		return "contains characters this document type does not use";
	case ID_DOCUMENT_ERR_PREFIX:
		return "does not start the way this document type does";
	case ID_DOCUMENT_ERR_BIRTH_DATE:
		return "the encoded birth date is not a real date";
	case ID_DOCUMENT_ERR_CHECK_DIGIT:
		return "the check digit does not match";
	}
	return "invalid";
}

void id_document_mask(const char *number, char *out, size_t cap)
{
	size_t n = number ? strlen(number) : 0, i;
	if (cap == 0)
		return;
	for (i = 0; i < n && i + 1 < cap; i++)
		out[i] = (i < 4 || i + 4 >= n) && n > 8 ? upper(number[i]) : '*';
	out[i] = '\0';
}
