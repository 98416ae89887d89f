/* The sync engine's readers of backend answers (net/sync_answer.h), on buffers: what a delivered
 * submission keeps, error codes, reference answers, the slot requests made from an offices answer and
 * settings documents offered by heartbeats. The cases marked "found" failed before the fix
 * (fuzz/fuzz_sync_answers.c). */
#include <stdlib.h>

#include "check.h"
#include "net/sync_answer.h"

struct seen {
	int count;
	char kinds[8][160], paths[8][256];
};

static bool collect(void *ctx, const char *kind, const char *path)
{
	struct seen *s = ctx;
	if (s->count < 8) {
		snprintf(s->kinds[s->count], sizeof(s->kinds[0]), "%s", kind);
		snprintf(s->paths[s->count], sizeof(s->paths[0]), "%s", path);
	}
	s->count++;
	return true;
}

static void check_slot_requests(void)
{
	/* Found when the readers were moved here for fuzzing: an id with a space, '&' or '#' made a
	 * request target the HTTP client refuses, which the sync engine took for an unreachable backend,
	 * and it stopped fetching every slot after it; an id with ':' made a cache kind that names
	 * another office. Such ids are skipped now. */
	const char *offices =
		"{\"items\":[{\"id\":\"jh-main\",\"role\":\"service_point\",\"bookable\":true,"
		"\"services\":[\"marriage registration\",\"a&office=x\",\"x#y\",\"b:c\",\"marriage_registration\"]},"
		"{\"id\":\"jh main\",\"role\":\"service_point\",\"bookable\":true,\"services\":[\"divorce\"]},"
		"{\"id\":\"jh-2\",\"role\":\"service_point\",\"bookable\":false,\"services\":[\"divorce\"]},"
		"{\"id\":\"jh-3\",\"role\":\"designated_cross_border_registry\",\"bookable\":true,\"services\":[\"divorce\"]},"
		"{\"id\":\"jh-4\",\"role\":\"service_point\",\"bookable\":true,\"services\":[\"divorce\",7,\"reissue\"]}]}";
	struct seen s = {0};
	CHECK_INT(sync_answer_slot_requests(offices, strlen(offices), collect, &s), 3);
	CHECK_INT(s.count, 3);
	CHECK_STR(s.kinds[0], "slots:jh-main:marriage_registration");
	CHECK_STR(s.paths[0], "/v1/slots?service=marriage_registration&office=jh-main");
	CHECK_STR(s.kinds[1], "slots:jh-4:divorce");
	CHECK_STR(s.paths[2], "/v1/slots?service=reissue&office=jh-4");
	struct seen none = {0};
	CHECK_INT(sync_answer_slot_requests("[1,2", 4, collect, &none), 0);
	CHECK_INT(sync_answer_slot_requests(NULL, 0, collect, &none), 0);
}

static void check_kept(void)
{
	const char *answer = "{\"reference\":\"BK-7K3M9Q2P\",\"status\":\"confirmed\",\"parties\":[{\"name\":\"陈*\"}],"
			     "\"phone\":\"139****5678\",\"slot\":{\"id\":42,\"date\":\"2026-12-03\",\"capacity\":3,"
			     "\"holder\":{\"name\":\"x\"}},\"amount\":100.5,\"reason\":{\"nested\":1}}";
	char *kept = sync_answer_kept(answer, strlen(answer), true);
	CHECK_STR(kept, "{\"reference\":\"BK-7K3M9Q2P\",\"status\":\"confirmed\",\"slot\":{\"id\":42,\"date\":"
			"\"2026-12-03\"},\"amount\":100.5}");
	free(kept);
	CHECK(sync_answer_kept("{\"status\":\"ok\"}", 15, true) == NULL);
	kept = sync_answer_kept("{\"status\":\"ok\"}", 15, false);
	CHECK_STR(kept, "{\"status\":\"ok\"}");
	free(kept);
	CHECK(sync_answer_kept("[1]", 3, false) == NULL);
	/* Found by fuzz/fuzz_sync_answers: an amount past a double's range was kept as null. */
	const char *huge = "{\"reference\":\"PL-1\",\"amount\":88.8e308,\"status\":\"pledged\"}";
	kept = sync_answer_kept(huge, strlen(huge), true);
	CHECK_STR(kept, "{\"reference\":\"PL-1\",\"status\":\"pledged\"}");
	free(kept);
	/* Found by the fuzz target's invariant: a reference that is not UTF-8 passed as one, then was
	 * dropped from what is kept, so a delivery was recorded without its reference. */
	CHECK(sync_answer_kept("{\"reference\":\"\xff\"}", 17, true) == NULL);
}

static void check_errors(void)
{
	char code[64], msg[256];
	const char *e = "{\"error\":{\"code\":\"slot_full\",\"message\":\"陈大文 440101199001011234\"}}";
	sync_answer_error(409, e, strlen(e), code, sizeof(code), msg, sizeof(msg));
	CHECK_STR(code, "slot_full");
	CHECK_STR(msg, "HTTP 409 slot_full"); /* never the server's message, which may echo a person */
	e = "{\"error\":{\"code\":\"Bad Code\"}}";
	sync_answer_error(400, e, strlen(e), code, sizeof(code), msg, sizeof(msg));
	CHECK_STR(code, "http_400");
	e = "{\"error\":{\"code\":\"\"}}";
	sync_answer_error(422, e, strlen(e), code, sizeof(code), msg, sizeof(msg));
	CHECK_STR(msg, "HTTP 422 http_422");
	sync_answer_error(503, NULL, 0, code, sizeof(code), msg, sizeof(msg));
	CHECK_STR(msg, "HTTP 503 http_503");
}

static void check_reference(void)
{
	CHECK(sync_answer_reference_valid("{\"items\":[]}", 12));
	CHECK(sync_answer_reference_valid("[]", 2));
	CHECK(!sync_answer_reference_valid("\"x\"", 3));
	CHECK(!sync_answer_reference_valid("{\"a\":\"\xff\"}", 9));
	CHECK(!sync_answer_reference_valid("{}\0{}", 5));
	CHECK(!sync_answer_reference_valid(NULL, 0));
}

static void check_settings_offer(void)
{
	int version = -1;
	const char *hb = "{\"ok\":true,\"settings\":{\"version\":3,\"values\":{\"kiosk.hall_name\":\"江海\"}}}";
	char *doc = sync_answer_settings_offer(hb, strlen(hb), 2, &version);
	CHECK_STR(doc, "{\"version\":3,\"values\":{\"kiosk.hall_name\":\"江海\"}}");
	CHECK_INT(version, 3);
	free(doc);
	version = -1;
	CHECK(sync_answer_settings_offer(hb, strlen(hb), 3, &version) == NULL);
	CHECK_INT(version, -1);
	/* Found when the readers were moved here for fuzzing: versions the settings module refuses (not
	 * whole, past INT_MAX) were offered on every heartbeat, refused and audited each time, never
	 * recorded. */
	const char *odd[] = {"{\"settings\":{\"version\":3.5,\"values\":{}}}",
			     "{\"settings\":{\"version\":1e300,\"values\":{}}}",
			     "{\"settings\":{\"version\":\"9\",\"values\":{}}}", "{\"settings\":[1]}"};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		CHECK(sync_answer_settings_offer(odd[i], strlen(odd[i]), 0, &version) == NULL);
	/* Over the size limit: refused whole. */
	size_t big = SYNC_SETTINGS_DOC_MAX + 100;
	char *body = malloc(big + 64);
	int n = snprintf(body, 64, "{\"settings\":{\"version\":5,\"values\":{\"kiosk.hall_name\":\"");
	memset(body + n, 'a', big);
	strcpy(body + n + big, "\"}}}");
	CHECK(sync_answer_settings_offer(body, strlen(body), 0, &version) == NULL);
	free(body);
}

int main(void)
{
	check_slot_requests();
	check_kept();
	check_errors();
	check_reference();
	check_settings_offer();
	return check_exit();
}
