/* Fuzz target: every reader of the backend's answers in the sync engine (net/sync_answer.c): the
 * fields a delivered submission keeps, the error code of a refusal, whether a reference answer may be
 * cached, the slot requests made from an offices answer, and a settings document offered by a
 * heartbeat answer.
 * Input: 2 bytes (an HTTP status and the settings version the kiosk has), then the answer's body.
 * Invariants: what is kept is a flat JSON object of known fields only (nothing that could carry a
 * person); error codes are [a-z0-9_] and the message never quotes the server; slot paths are clean
 * request targets whose kinds name exactly one office and one service; an offered document is a
 * JSON object newer than the kiosk's, within the size limit. */
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "fuzz_common.h"
#include "net/sync_answer.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	log_set_level(LOG_ERROR);
	return 0;
}

static bool plain(const cJSON *v)
{
	return cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v);
}

static void check_kept(const char *kept)
{
	static const char *const fields[] = {"reference", "status", "service", "office", "slot", "project_id",
					     "amount", "currency", "payment_url", "payment_expires_at", "created_at",
					     "cancel_until", "kiosk_id", "reason"};
	cJSON *k = cJSON_Parse(kept);
	FUZZ_CHECK(cJSON_IsObject(k));
	const cJSON *item;
	cJSON_ArrayForEach(item, k)
	{
		bool known = false;
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			known = known || strcmp(item->string, fields[i]) == 0;
		FUZZ_CHECK(known);
		if (strcmp(item->string, "slot") == 0 && cJSON_IsObject(item)) {
			const cJSON *f;
			cJSON_ArrayForEach(f, item)
			{
				FUZZ_CHECK(plain(f));
				FUZZ_CHECK(strcmp(f->string, "id") == 0 || strcmp(f->string, "date") == 0 ||
					   strcmp(f->string, "start") == 0 || strcmp(f->string, "end") == 0);
			}
		} else {
			FUZZ_CHECK(plain(item));
		}
		if (cJSON_IsString(item))
			FUZZ_CHECK(utf8_valid(item->valuestring, strlen(item->valuestring)));
	}
	cJSON_Delete(k);
}

struct requests {
	int count, stop_after;
};

static bool on_request(void *ctx, const char *kind, const char *path)
{
	struct requests *r = ctx;
	FUZZ_CHECK(strncmp(kind, "slots:", 6) == 0 && strchr(kind + 6, ':') && !strchr(strchr(kind + 6, ':') + 1, ':'));
	FUZZ_CHECK(strncmp(path, "/v1/slots?service=", 18) == 0);
	for (const char *c = path; *c; c++)
		FUZZ_CHECK((unsigned char)*c > 0x20 && (unsigned char)*c < 0x7f && *c != '#');
	FUZZ_CHECK(strchr(strstr(path, "&office=") + 1, '&') == NULL); /* two parameters, no more */
	return ++r->count < r->stop_after;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long status = 400 + fuzz_take_byte(&data, &size);
	int current = fuzz_take_byte(&data, &size);
	/* Exactly size bytes, not NUL-terminated: the HTTP client hands over a length. */
	char *body = malloc(size ? size : 1);
	if (!body)
		abort();
	memcpy(body, data, size);

	for (int need = 0; need < 2; need++) {
		char *kept = sync_answer_kept(body, size, need);
		if (kept) {
			check_kept(kept);
			if (need)
				FUZZ_CHECK(strstr(kept, "\"reference\":\"") != NULL);
		}
		free(kept);
	}

	char code[64], msg[256];
	sync_answer_error(status, body, size, code, sizeof(code), msg, sizeof(msg));
	FUZZ_CHECK(code[0] && strspn(code, "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(code));
	FUZZ_CHECK(strncmp(msg, "HTTP ", 5) == 0 && strlen(msg) < sizeof(msg));
	char tiny[4];
	sync_answer_error(status, body, size, tiny, sizeof(tiny), tiny, sizeof(tiny));

	if (sync_answer_reference_valid(body, size)) {
		FUZZ_CHECK(memchr(body, 0, size) == NULL && utf8_valid(body, size));
	}

	struct requests all = {0, INT_MAX}, one = {0, 1};
	int n = sync_answer_slot_requests(body, size, on_request, &all);
	FUZZ_CHECK(n == all.count);
	FUZZ_CHECK(sync_answer_slot_requests(body, size, on_request, &one) == (n > 0 ? 1 : 0));

	int version = -1;
	char *doc = sync_answer_settings_offer(body, size, current, &version);
	if (doc) {
		FUZZ_CHECK(version > current && strlen(doc) <= SYNC_SETTINGS_DOC_MAX);
		cJSON *d = cJSON_Parse(doc);
		FUZZ_CHECK(cJSON_IsObject(d));
		FUZZ_CHECK(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(d, "version")) == version);
		cJSON_Delete(d);
	} else {
		FUZZ_CHECK(version == -1);
	}
	free(doc);
	free(body);
	return 0;
}
