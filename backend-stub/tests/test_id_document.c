/* test_id_document: unit tests of the ID-document rules (formats, check digits, birth date, sex, masks). */
#include <stdio.h>
#include <string.h>

#include "id_document.h"

static int failures;

#define EXPECT(cond)                                                            \
	do {                                                                    \
		if (!(cond)) {                                                  \
			failures++;                                             \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                               \
	} while (0)

int main(void)
{
	struct id_document_info info;
	char masked[32];
	enum id_document_type t;

	/* Known-good resident IDs (check digits computed independently), including an X check digit. */
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704195803120021", &info) == ID_DOCUMENT_OK);
	EXPECT(info.birth_year == 1958 && info.birth_month == 3 && info.birth_day == 12 && info.sex == 'F');
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_MAINLAND && info.has_birth_date);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704197506230039", &info) == ID_DOCUMENT_OK);
	EXPECT(info.sex == 'M');
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "44070419481120006X", &info) == ID_DOCUMENT_OK);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "44070419481120006x", &info) == ID_DOCUMENT_OK);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "11010519491231002X", &info) == ID_DOCUMENT_OK);
	EXPECT(info.birth_year == 1949 && info.sex == 'F');

	/* The demo applications' ID numbers (backend-stub/API.md): valid, and the old-age allowance holders born before 1946. */
	static const char *const demo_ids[] = {"440704195803120021", "440704197506230039", "440704199008150043",
					       "44070419481120006X", "440704196501010016", "440704195104180033",
					       "440704198311090042", "440704194503150013", "440704194406020014",
					       "440704196907250052"};
	for (size_t i = 0; i < sizeof(demo_ids) / sizeof(demo_ids[0]); i++)
		EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, demo_ids[i], NULL) == ID_DOCUMENT_OK);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704194503150013", &info) == ID_DOCUMENT_OK);
	EXPECT(info.birth_year == 1945 && info.sex == 'M');
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704194503150014", NULL) == ID_DOCUMENT_ERR_CHECK_DIGIT);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704194406020014", &info) == ID_DOCUMENT_OK);
	EXPECT(info.birth_year == 1944 && info.sex == 'M');

	/* Errors. */
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704195803120022", &info) == ID_DOCUMENT_ERR_CHECK_DIGIT);
	EXPECT(info.has_birth_date == 0);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "44070419580312002", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "4407041958031200211", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "44070419580312A021", NULL) == ID_DOCUMENT_ERR_CHARSET);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704195802300021", NULL) == ID_DOCUMENT_ERR_BIRTH_DATE);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "440704190002290021", NULL) == ID_DOCUMENT_ERR_BIRTH_DATE);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "810000199001010019", NULL) == ID_DOCUMENT_ERR_PREFIX);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, "", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENT_ID, NULL, NULL) == ID_DOCUMENT_ERR_LENGTH);

	/* Residence permits for Hong Kong / Macau / Taiwan residents share the layout. */
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENCE_PERMIT, "810000199001010019", &info) == ID_DOCUMENT_OK);
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_HONG_KONG && info.sex == 'M' && info.birth_year == 1990);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENCE_PERMIT, "440704195803120021", NULL) == ID_DOCUMENT_ERR_PREFIX);
	EXPECT(id_document_validate(ID_DOCUMENT_RESIDENCE_PERMIT, "810000199001010010", NULL) == ID_DOCUMENT_ERR_CHECK_DIGIT);

	/* Travel permits and passports: format only, no birth date. */
	EXPECT(id_document_validate(ID_DOCUMENT_HK_MACAU_PERMIT, "H12345678", &info) == ID_DOCUMENT_OK);
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_HONG_KONG && !info.has_birth_date && info.sex == 0);
	EXPECT(id_document_validate(ID_DOCUMENT_HK_MACAU_PERMIT, "m1234567890", &info) == ID_DOCUMENT_OK);
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_MACAU);
	EXPECT(id_document_validate(ID_DOCUMENT_HK_MACAU_PERMIT, "X12345678", NULL) == ID_DOCUMENT_ERR_PREFIX);
	EXPECT(id_document_validate(ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567A", NULL) == ID_DOCUMENT_ERR_CHARSET);
	EXPECT(id_document_validate(ID_DOCUMENT_TAIWAN_PERMIT, "12345678", &info) == ID_DOCUMENT_OK);
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_TAIWAN);
	EXPECT(id_document_validate(ID_DOCUMENT_TAIWAN_PERMIT, "1234567", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_TAIWAN_PERMIT, "1234567A", NULL) == ID_DOCUMENT_ERR_CHARSET);
	EXPECT(id_document_validate(ID_DOCUMENT_PASSPORT, "E12345678", &info) == ID_DOCUMENT_OK);
	EXPECT(info.origin == ID_DOCUMENT_ORIGIN_FOREIGN);
	EXPECT(id_document_validate(ID_DOCUMENT_PASSPORT, "ABCDEFGH", NULL) == ID_DOCUMENT_ERR_CHARSET);
	EXPECT(id_document_validate(ID_DOCUMENT_PASSPORT, "E12", NULL) == ID_DOCUMENT_ERR_LENGTH);
	EXPECT(id_document_validate(ID_DOCUMENT_PASSPORT, "E1234-678", NULL) == ID_DOCUMENT_ERR_CHARSET);

	/* Names and masks. */
	EXPECT(id_document_type_from_name("taiwan_permit", &t) == 0 && t == ID_DOCUMENT_TAIWAN_PERMIT);
	EXPECT(id_document_type_from_name("driving_licence", &t) != 0);
	EXPECT(strcmp(id_document_type_name(ID_DOCUMENT_PASSPORT), "passport") == 0);
	id_document_mask("440704195803120021", masked, sizeof(masked));
	EXPECT(strcmp(masked, "4407**********0021") == 0);
	id_document_mask("12345678", masked, sizeof(masked));
	EXPECT(strcmp(masked, "********") == 0);
	EXPECT(id_document_date_valid(2024, 2, 29) && !id_document_date_valid(2026, 2, 29));
	EXPECT(strlen(id_document_error_str(ID_DOCUMENT_ERR_CHECK_DIGIT)) > 0);

	if (failures == 0)
		printf("stub_id_document: all checks passed\n");
	return failures ? 1 : 0;
}
