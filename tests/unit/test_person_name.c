/* Person names (rules/person_name.h): Chinese names with rare and extension-plane characters and
 * minority names with middle dots pass, foreign names in letters with spaces, hyphens, apostrophes and
 * initials pass; digits, symbols, emoji, bad UTF-8, separators alone or doubled and overlong names do
 * not. And the booking rules use it: a party with a bad name is refused, after the document's own
 * problems. */
#include "booking/booking_rules.h"
#include "check.h"
#include "person_name.h"

static const struct civil_date TODAY = {2026, 11, 28};

int main(void)
{
	static const char *const good[] = {
		"张三", "王小明", "欧阳娜娜", "司徒堃", "李淼", "张喆", "阿依古丽·买买提", "阿依古丽・买买提",
		"\xF0\xA0\x80\x80" "明", /* U+20000, extension B */
		"陈〇", "  张三  ", "Chen Da Wen", "CHAN Tai Man", "O'Neil", "O’Neil", "Mary-Jane Smith", "J. Smith",
		"Smith Jr.", "José Müller", "Lee", "张 三", "张\xE3\x80\x80三" /* a full-width space */};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!CHECK_INT(person_name_check(good[i]), PERSON_NAME_OK))
			fprintf(stderr, "  refused: \"%s\"\n", good[i]);
	}
	static const char *const bad[] = {"张三1", "Chen!", "李\xF0\x9F\x98\x80", "--", "·张", "张··三", "Ann  Lee",
					  "A-", "\xFF\xFE", "张\n三", "张@三", "(张三)", ".", "李,四", "张\xE2\x80\x8B三"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (!CHECK_INT(person_name_check(bad[i]), PERSON_NAME_CHARACTERS))
			fprintf(stderr, "  accepted: \"%s\"\n", bad[i]);
	}
	CHECK_INT(person_name_check(NULL), PERSON_NAME_EMPTY);
	CHECK_INT(person_name_check(""), PERSON_NAME_EMPTY);
	CHECK_INT(person_name_check("   "), PERSON_NAME_EMPTY);
	char longest[PERSON_NAME_MAX_CHARS * 3 + 4] = "";
	for (int i = 0; i < PERSON_NAME_MAX_CHARS; i++)
		strcat(longest, "张");
	CHECK_INT(person_name_check(longest), PERSON_NAME_OK);
	strcat(longest, "张");
	CHECK_INT(person_name_check(longest), PERSON_NAME_TOO_LONG);

	/* In the booking rules: refused, and reported after the document. */
	struct booking_party p = {"张三3", ID_DOCUMENT_RESIDENT_ID, "440704199005060018", NULL, 0};
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_NAME_INVALID);
	p.id_number = "440704199005060017";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_ERR_ID_CHECK_DIGIT);
	p.name = "张三";
	p.id_number = "440704199005060018";
	CHECK_INT(booking_check_party(&p, TODAY, NULL, NULL), BOOKING_OK);
	CHECK_STR(booking_error_key(BOOKING_ERR_NAME_INVALID), "err.name.invalid");
	/* the name alone, for the form's question */
	CHECK_INT(booking_check_name("王1"), BOOKING_ERR_NAME_INVALID);
	CHECK_INT(booking_check_name(" \xE3\x80\x80 "), BOOKING_ERR_NAME_MISSING);
	CHECK_INT(booking_check_name(NULL), BOOKING_ERR_NAME_MISSING);
	CHECK_INT(booking_check_name("王小明"), BOOKING_OK);
	return check_exit();
}
