/* Fuzz target: the backend's answer to an application-status query (POST /v1/assistance/status,
 * backend-stub/API.md), read by assistance/application_status.c into the visitor's session.
 * Input: the answer's body.
 * Invariants: at most APPLICATIONS_MAX applications, each with a number; every text NUL-terminated
 * valid UTF-8 within its field; dates either empty or "YYYY-MM-DD"; a known state has its name. */
#include <string.h>

#include "assistance/application_status.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_date(const char *d)
{
	FUZZ_CHECK(memchr(d, 0, 11) != NULL);
	if (d[0])
		FUZZ_CHECK(strlen(d) == 10 && d[4] == '-' && d[7] == '-' && fuzz_only(d, 4, "0123456789"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body = fuzz_string(data, size);
	struct application_answer answer;
	bool found = application_answer_parse(body, &answer);
	FUZZ_CHECK(found == (answer.count > 0));
	FUZZ_CHECK(answer.count >= 0 && answer.count <= APPLICATIONS_MAX);
	for (int i = 0; i < answer.count; i++) {
		const struct application *a = &answer.items[i];
		FUZZ_CHECK_TEXT(a->number, sizeof(a->number));
		FUZZ_CHECK(a->number[0] != '\0');
		FUZZ_CHECK_TEXT(a->state_id, sizeof(a->state_id));
		FUZZ_CHECK(a->state >= APP_UNKNOWN && a->state < APP_STATE_COUNT);
		if (a->state != APP_UNKNOWN)
			FUZZ_CHECK(strcmp(application_state_name(a->state), a->state_id) == 0);
		for (int l = 0; l < TEXT_LANG_COUNT; l++) {
			FUZZ_CHECK_TEXT(a->programme[l], sizeof(a->programme[l]));
			FUZZ_CHECK_TEXT(a->state_text[l], sizeof(a->state_text[l]));
			FUZZ_CHECK_TEXT(a->reason[l], sizeof(a->reason[l]));
			FUZZ_CHECK_TEXT(a->next_step[l], sizeof(a->next_step[l]));
			FUZZ_CHECK_TEXT(APPLICATION_TEXT(a->reason, l), sizeof(a->reason[l]));
		}
		check_date(a->certification_due_on);
		check_date(a->submitted_on);
		check_date(a->updated_on);
	}
	free(body);
	return 0;
}
