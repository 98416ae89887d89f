/*
 * id_document: validation of the identity documents accepted for marriage-registry bookings.
 * Self-contained (libc only) so the kiosk can reuse the same rules. Knows the formats of the
 * 18-digit resident identity card (GB 11643, ISO 7064 MOD 11-2 check digit, birth date, sex),
 * the Hong Kong/Macau/Taiwan residence permit (same layout, prefixes 810000/820000/830000),
 * the Mainland travel permits for Hong Kong/Macau and Taiwan residents, and passports.
 * Limits: formats only; it cannot tell whether a document was really issued.
 */
#ifndef ID_DOCUMENT_H
#define ID_DOCUMENT_H

#include <stddef.h>

enum id_document_type {
	ID_DOCUMENT_RESIDENT_ID,       /* 居民身份证 */
	ID_DOCUMENT_RESIDENCE_PERMIT,  /* 港澳台居民居住证 */
	ID_DOCUMENT_HK_MACAU_PERMIT,   /* 港澳居民来往内地通行证 */
	ID_DOCUMENT_TAIWAN_PERMIT,     /* 台湾居民来往大陆通行证 */
	ID_DOCUMENT_PASSPORT,          /* 护照 */
};

enum id_document_error {
	ID_DOCUMENT_OK,
	ID_DOCUMENT_ERR_LENGTH,
	ID_DOCUMENT_ERR_CHARSET,
	ID_DOCUMENT_ERR_PREFIX,
	ID_DOCUMENT_ERR_BIRTH_DATE,
	ID_DOCUMENT_ERR_CHECK_DIGIT,
};

/* Where the holder of a document comes from, as far as the document tells. */
enum id_document_origin {
	ID_DOCUMENT_ORIGIN_MAINLAND,
	ID_DOCUMENT_ORIGIN_HONG_KONG,
	ID_DOCUMENT_ORIGIN_MACAU,
	ID_DOCUMENT_ORIGIN_TAIWAN,
	ID_DOCUMENT_ORIGIN_FOREIGN,
};

struct id_document_info {
	enum id_document_origin origin;
	int has_birth_date;            /* birth_* and sex are set only when the number encodes them */
	int birth_year, birth_month, birth_day;
	char sex;                      /* 'M', 'F', or 0 when unknown */
};

/* Validate number (NUL-terminated, borrowed) as a document of type; fills info (may be NULL). */
enum id_document_error id_document_validate(enum id_document_type type, const char *number,
					    struct id_document_info *info);

/* Parse a type name ("resident_id", "residence_permit", "hk_macau_permit", "taiwan_permit", "passport"); 0 on success. */
int id_document_type_from_name(const char *name, enum id_document_type *type);

/* The wire name of a type. */
const char *id_document_type_name(enum id_document_type type);

/* A short English description of an error, safe to show or log (contains no document data). */
const char *id_document_error_str(enum id_document_error err);

/* Write a masked form (first 4 and last 4 characters kept, the rest '*') into out of size cap. */
void id_document_mask(const char *number, char *out, size_t cap);

/* 1 if y-m-d is a real Gregorian calendar date with 1900 <= y <= 9999. */
int id_document_date_valid(int y, int m, int d);

#endif
