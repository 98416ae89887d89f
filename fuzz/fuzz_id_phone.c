/* Fuzz target: identity-document numbers and phone numbers as a visitor types them (or as a backend
 * answer echoes them): every document type through id_document_validate and the booking party check
 * (birth date typed too, parsed by date_parse), the phone rule, the masks shown on screen and in
 * the record, and the reference normalisers of the lookup screens.
 * Input: the typed text; a second NUL-separated part is the typed birth date.
 * Invariants: a valid 18-character number really is 17 digits and a check character with a real
 * birth date; a valid phone is 11 ASCII digits; a mask never shows more of a number than it should. */
#include <string.h>

#include "booking/booking_rules.h"
#include "charity/pledge_record.h"
#include "core/utf8.h"
#include "fuzz_common.h"
#include "id_document.h"
#include "phone.h"
#include "screens/booking_lookup_common.h"
#include "ui/widgets.h"

/* Characters of out that are not '*': what the mask shows. */
static size_t shown(const char *out)
{
	size_t n = 0, used;
	for (size_t at = 0, len = strlen(out); at < len; at += used) {
		uint32_t cp = utf8_decode(out + at, len - at, &used);
		n += cp != '*';
	}
	return n;
}

static void check_masks(const char *typed)
{
	char out[256];
	static const struct {
		enum ui_mask mask;
		size_t most;
	} masks[] = {{UI_MASK_ID, 7}, {UI_MASK_PHONE, 7}, {UI_MASK_NAME, 1}};
	for (size_t i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		ui_mask_text(typed, masks[i].mask, out, sizeof(out));
		FUZZ_CHECK(strlen(out) < sizeof(out));
		if (!strchr(typed, '*'))
			FUZZ_CHECK(shown(out) <= masks[i].most);
	}
	id_document_mask(typed, out, sizeof(out));
	FUZZ_CHECK(strlen(out) < sizeof(out));
	if (!strchr(typed, '*'))
		FUZZ_CHECK(shown(out) <= 8);
	char tiny[3];
	id_document_mask(typed, tiny, sizeof(tiny));
	ui_mask_text(typed, UI_MASK_ID, tiny, sizeof(tiny));
	FUZZ_CHECK(strlen(tiny) < sizeof(tiny));
}

static void check_document(enum id_document_type type, const char *number, const char *birth)
{
	struct id_document_info info;
	enum id_document_error err = id_document_validate(type, number, &info);
	FUZZ_CHECK(id_document_error_str(err)[0] != '\0');
	if (err == ID_DOCUMENT_OK && (type == ID_DOCUMENT_RESIDENT_ID || type == ID_DOCUMENT_RESIDENCE_PERMIT)) {
		FUZZ_CHECK(strlen(number) == 18 && fuzz_only(number, 17, "0123456789"));
		FUZZ_CHECK(fuzz_only(number + 17, 1, "0123456789Xx"));
		FUZZ_CHECK(info.has_birth_date && (info.sex == 'M' || info.sex == 'F'));
		FUZZ_CHECK(id_document_date_valid(info.birth_year, info.birth_month, info.birth_day));
	}
	if (err != ID_DOCUMENT_OK)
		FUZZ_CHECK(!info.has_birth_date && info.sex == 0);
	static const char sexes[] = {0, 'F', 'M'};
	for (size_t s = 0; s < sizeof(sexes); s++) {
		struct booking_party p = {"陈大文", type, number, birth, sexes[s]};
		struct booking_party_info pi;
		int detail = -1;
		struct civil_date today = {2026, 11, 28};
		enum booking_error be = booking_check_party(&p, today, &pi, &detail);
		FUZZ_CHECK(be >= BOOKING_OK && be < BOOKING_ERR_COUNT);
		FUZZ_CHECK(booking_error_key(be) != NULL);
		if (be == BOOKING_OK) {
			FUZZ_CHECK(pi.has_birth);
			FUZZ_CHECK(date_to_days(pi.birth) <= date_to_days(today));
			booking_check_cross_border("marriage_registration", &pi);
		}
		struct booking_party q = {"李美玲", type, "11010519491231002X", NULL, 0};
		booking_check_distinct(&p, &q);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096) /* the typing fields hold far less; longer says nothing new */
		return 0;
	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 2);
	const char *typed = parts.part[0], *birth = parts.part[1];
	char upper[128];
	utf8_upper_ascii(typed, upper, sizeof(upper));
	FUZZ_CHECK(strlen(upper) < sizeof(upper));
	for (int t = ID_DOCUMENT_RESIDENT_ID; t <= ID_DOCUMENT_PASSPORT; t++) {
		check_document((enum id_document_type)t, typed, birth);
		check_document((enum id_document_type)t, upper, birth);
	}
	enum id_document_type type;
	if (id_document_type_from_name(typed, &type) == 0)
		FUZZ_CHECK(strcmp(id_document_type_name(type), typed) == 0);
	if (phone_mobile_valid(typed)) {
		FUZZ_CHECK(strlen(typed) == 11 && fuzz_only(typed, 11, "0123456789"));
		FUZZ_CHECK(booking_check_phone(typed) == BOOKING_OK);
	}
	check_masks(typed);
	char norm[64];
	lookup_normalise_reference(typed, norm, sizeof(norm));
	FUZZ_CHECK(strlen(norm) < sizeof(norm));
	pledge_reference_normalise(typed, norm, sizeof(norm));
	FUZZ_CHECK(strlen(norm) < sizeof(norm));
	char small[6];
	lookup_normalise_reference(typed, small, sizeof(small));
	pledge_reference_normalise(typed, small, sizeof(small));
	if (birth) {
		struct civil_date d;
		if (date_parse(birth, &d) == 0) {
			char back[16];
			date_format(d, back, sizeof(back));
			FUZZ_CHECK(strcmp(back, birth) == 0);
			struct civil_date again = date_from_days(date_to_days(d));
			FUZZ_CHECK(again.year == d.year && again.month == d.month && again.day == d.day);
		}
	}
	fuzz_parts_free(&parts);
	return 0;
}
