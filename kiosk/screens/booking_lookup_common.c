/* Shared parts of the lookup screens; see booking_lookup_common.h. */
#include "screens/booking_lookup_common.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "screens/booking_common.h"

/* "09:00" from an ISO time "2026-12-01T09:00:00+08:00" (the backend's slots are in Beijing time);
 * a time already short is kept; anything else shows as given. */
static const char *clock_time(const char *iso)
{
	static char hm[6];
	if (!iso)
		return "";
	const char *t = strchr(iso, 'T');
	if (t && strlen(t) >= 6 && t[3] == ':') {
		memcpy(hm, t + 1, 5);
		hm[5] = '\0';
		return hm;
	}
	return iso;
}

void lookup_record(struct screen_ctx *ctx, const struct lookup_booking *b)
{
	*session_int(ctx->session, "lk.state", 0) = (int)b->state;
	screen_set(ctx, "lk.reference", b->reference ? b->reference : "");
	screen_set(ctx, "lk.service", b->service ? b->service : "");
	screen_set(ctx, "lk.office", b->office ? b->office : "");
	screen_set(ctx, "lk.date", b->date ? b->date : "");
	screen_set(ctx, "lk.start", clock_time(b->start));
	screen_set(ctx, "lk.end", clock_time(b->end));
	*session_int(ctx->session, "lk.dialog", 0) = 0;
	*session_int(ctx->session, "lk.cancelled", 0) = 0;
}

static const char *str(const cJSON *o, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, name));
}

bool lookup_record_json(struct screen_ctx *ctx, const char *json)
{
	cJSON *r = json ? cJSON_Parse(json) : NULL;
	const cJSON *slot = cJSON_GetObjectItemCaseSensitive(r, "slot");
	const char *status = str(r, "status"), *reference = str(r, "reference");
	bool ok = status && reference;
	if (ok) {
		struct lookup_booking b = {
			.state = strcmp(status, "cancelled") == 0 ? LOOKUP_CANCELLED
				 : strcmp(status, "past") == 0    ? LOOKUP_PAST
								  : LOOKUP_BOOKED,
			.reference = reference,
			.service = str(r, "service"),
			.office = str(r, "office"),
			.date = str(slot, "date"),
			.start = str(slot, "start"),
			.end = str(slot, "end"),
		};
		lookup_record(ctx, &b);
	}
	cJSON_Delete(r);
	return ok;
}

enum lookup_state lookup_state_get(struct screen_ctx *ctx)
{
	return (enum lookup_state)*session_int(ctx->session, "lk.state", 0);
}

const char *lookup_state_key(enum lookup_state s)
{
	switch (s) {
	case LOOKUP_PROVISIONAL:
		return "lookup.state.provisional";
	case LOOKUP_BOOKED:
		return "lookup.state.booked";
	case LOOKUP_REBOOK:
		return "lookup.state.rebook";
	case LOOKUP_CANCELLED:
		return "lookup.state.cancelled";
	case LOOKUP_PAST:
		return "lookup.state.past";
	case LOOKUP_REJECTED:
	case LOOKUP_NONE:
		break;
	}
	return "lookup.state.rejected";
}

bool lookup_can_cancel(struct civil_date day, struct civil_date today)
{
	return date_to_days(day) > date_to_days(today);
}

void lookup_normalise_reference(const char *in, char *out, size_t len)
{
	char tmp[64];
	size_t n = 0;
	for (; *in && n + 1 < sizeof(tmp); in++) {
		if (isalnum((unsigned char)*in) || *in == '-')
			tmp[n++] = (char)toupper((unsigned char)*in);
	}
	tmp[n] = '\0';
	if (n == 10 && (strncmp(tmp, "BK", 2) == 0 || strncmp(tmp, "JH", 2) == 0))
		snprintf(out, len, "%.2s-%s", tmp, tmp + 2);
	else
		snprintf(out, len, "%s", tmp);
}
