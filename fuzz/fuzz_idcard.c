/* Fuzz target: what an identity card reader sends. The first byte chooses: even, a simulated reader's
 * record (JSON, from a file or a socket) through idcard_record_from_json and idcard_check; odd, bytes
 * from a serial line cut into frames by idcard_frame_parse, each whole frame's data taken as a read
 * answer (text length, photo length, the 256-byte UCS-2LE text block) through idcard_text_decode.
 * Invariants: the parser always moves on (never stalls on garbage) and never points outside what it
 * was given; a record read is bounded by the card's capacities, well-formed UTF-8, with an 18-or-fewer
 * character number of digits and X and YYYYMMDD dates; a refused record leaves nothing behind. */
#include <string.h>

#include "core/utf8.h"
#include "fuzz_common.h"
#include "idcard/idcard.h"
#include "idcard/idcard_serial.h"

static bool all_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

static void check_record(const struct idcard_record *r)
{
	FUZZ_CHECK(utf8_valid(r->name, strlen(r->name)) && utf8_count(r->name, strlen(r->name)) <= IDCARD_NAME_CHARS);
	FUZZ_CHECK(utf8_valid(r->address, strlen(r->address)) &&
		   utf8_count(r->address, strlen(r->address)) <= IDCARD_ADDRESS_CHARS);
	FUZZ_CHECK(utf8_valid(r->authority, strlen(r->authority)) &&
		   utf8_count(r->authority, strlen(r->authority)) <= IDCARD_AUTHORITY_CHARS);
	FUZZ_CHECK(strlen(r->number) <= 18 && strspn(r->number, "0123456789X") == strlen(r->number));
	FUZZ_CHECK(r->sex == 0 || r->sex == 'M' || r->sex == 'F');
	FUZZ_CHECK(all_digits(r->birth, 8) && all_digits(r->valid_from, 8));
	FUZZ_CHECK(r->valid_to[0] == '\0' || all_digits(r->valid_to, 8));
	FUZZ_CHECK(r->ethnicity[0] == '\0' || all_digits(r->ethnicity, 2));
	enum idcard_verdict v = idcard_check(r, (struct civil_date){2026, 11, 28});
	FUZZ_CHECK(v == IDCARD_USABLE || v == IDCARD_BAD_NUMBER || v == IDCARD_EXPIRED || v == IDCARD_UNREADABLE);
}

static void record(const uint8_t *data, size_t size)
{
	struct idcard_record r;
	char err[200];
	char *json = fuzz_string(data, size);
	if (idcard_record_from_json(json, size, &r, err, sizeof(err))) {
		check_record(&r);
	} else {
		static const struct idcard_record empty;
		FUZZ_CHECK(memcmp(&r, &empty, sizeof(r)) == 0 && err[0]);
	}
	free(json);
}

static void frames(const uint8_t *data, size_t size)
{
	size_t at = 0;
	while (at < size) {
		struct idcard_frame f;
		size_t used;
		enum idcard_frame_status st = idcard_frame_parse(data + at, size - at, &f, &used);
		if (st == IDCARD_FRAME_NEED_MORE) {
			FUZZ_CHECK(used == 0);
			break;
		}
		FUZZ_CHECK(used > 0 && used <= size - at);
		if (st == IDCARD_FRAME_OK) {
			FUZZ_CHECK(f.data >= data + at && f.data + f.data_len + 1 == data + at + used);
			if (f.data_len >= 4 + IDCARD_TEXT_LEN) {
				struct idcard_record r;
				char why[160];
				if (idcard_text_decode(f.data + 4, &r, why, sizeof(why)))
					check_record(&r);
			}
		}
		at += used;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (data[0] % 2 == 0)
		record(data + 1, size - 1);
	else
		frames(data + 1, size - 1);
	return 0;
}
