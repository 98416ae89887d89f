/* Fuzz target: the backend's answer to a booking lookup (POST /v1/bookings/lookup,
 * backend-stub/API.md) as screens/booking_lookup_common.c records it in the visitor's session.
 * Input: the answer's body.
 * Invariants: a booking is recorded only with a status and a reference; every value kept in the
 * session is NUL-terminated within its field (the session has fixed room); times shown are at most
 * "HH:MM" when the answer gave ISO times; the session wipe leaves nothing behind. */
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "fuzz_common.h"
#include "screens/booking_lookup_common.h"

static struct session *session;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	session = calloc(1, sizeof(*session));
	if (!session)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {"lk.reference", "lk.service", "lk.office", "lk.date", "lk.start", "lk.end"};
	char *body = fuzz_string(data, size);
	struct screen_ctx ctx = {.session = session};
	bool recorded = lookup_record_json(&ctx, body);
	if (recorded) {
		enum lookup_state st = lookup_state_get(&ctx);
		FUZZ_CHECK(st == LOOKUP_BOOKED || st == LOOKUP_CANCELLED || st == LOOKUP_PAST);
		FUZZ_CHECK(lookup_state_key(st) != NULL);
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			struct ui_field *f = session_field(session, keys[i], 0);
			FUZZ_CHECK(f != NULL);
			FUZZ_CHECK(f->len < UI_FIELD_MAX && f->text[f->len] == '\0' && strlen(f->text) <= f->len);
		}
	} else {
		FUZZ_CHECK(lookup_state_get(&ctx) == LOOKUP_NONE);
	}
	session_wipe(session);
	for (size_t i = 0; i < sizeof(session->arena); i += 4096)
		FUZZ_CHECK(session->arena[i] == 0);
	FUZZ_CHECK(session->field_count == 0 && session->int_count == 0);
	free(body);
	return 0;
}
