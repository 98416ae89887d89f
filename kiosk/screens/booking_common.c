/* Shared parts of the booking screens; see booking_common.h. */
#include "screens/booking_common.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/clock.h"

void booking_choice_get(struct screen_ctx *ctx, struct booking_choice *c)
{
	memset(c, 0, sizeof(*c));
	int64_t now = clock_wall();
	c->today = clock_beijing_date(now);
	if (!ctx->kiosk->booking)
		return;
	c->catalog = booking_data_catalog(ctx->kiosk->booking, now);
	c->service = catalog_service_find(c->catalog, screen_value(ctx, "bk.service"));
	c->office = catalog_office_find(c->catalog, screen_value(ctx, "bk.office"));
	if (!c->service || !c->office)
		return;
	c->slot_count = booking_data_slots(ctx->kiosk->booking, c->office->id, c->service->id, now, &c->slots);
	int day = *session_int(ctx->session, "bk.day", 0);
	if (day > 0) {
		c->day = date_from_days(day);
		c->has_day = true;
	}
	int slot = *session_int(ctx->session, "bk.slot", 0);
	for (int i = 0; slot > 0 && i < c->slot_count; i++) {
		if (c->slots[i].id == slot)
			c->slot = &c->slots[i];
	}
}

struct rect booking_begin(struct screen_ctx *ctx, struct booking_choice *choice, struct chrome *c, int step,
			  struct rect *bar)
{
	booking_choice_get(ctx, choice);
	return flow_begin(ctx, c, screen_text(ctx, "home.booking.title"), step, BOOKING_STEPS, bar);
}

int booking_party_count(struct screen_ctx *ctx, const struct catalog_service *service)
{
	int max = service->parties_max >= 2 ? 2 : 1, min = service->parties_min >= 2 ? 2 : 1;
	if (max > min && !screen_value(ctx, "bk.p1.name")[0] && !screen_value(ctx, "bk.p1.id")[0])
		return min;
	return max;
}

void booking_restore_people(struct screen_ctx *ctx, const char *payload, size_t len)
{
	static const char *const types[5] = {"resident_id", "hk_macau_permit", "taiwan_permit", "residence_permit",
					     "passport"};
	cJSON *p = payload ? cJSON_ParseWithLength(payload, len) : NULL;
	const cJSON *party;
	int i = 0;
	cJSON_ArrayForEach(party, cJSON_GetObjectItemCaseSensitive(p, "parties"))
	{
		if (i >= 2)
			break;
		char key[32], digits[16] = "";
		const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "name"));
		const char *number = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "id_number"));
		const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "id_type"));
		const char *birth = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "birth_date"));
		const char *sex = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "sex"));
		snprintf(key, sizeof(key), "bk.p%d.name", i);
		screen_set(ctx, key, name ? name : "");
		snprintf(key, sizeof(key), "bk.p%d.id", i);
		screen_set(ctx, key, number ? number : "");
		snprintf(key, sizeof(key), "bk.p%d.type", i);
		for (int t = 0; t < 5; t++) {
			if (type && strcmp(type, types[t]) == 0)
				*session_int(ctx->session, key, 0) = t;
		}
		if (birth && strlen(birth) == 10) /* "1990-05-06" back to the keypad's "19900506" */
			snprintf(digits, sizeof(digits), "%.4s%.2s%.2s", birth, birth + 5, birth + 8);
		snprintf(key, sizeof(key), "bk.p%d.birth", i);
		screen_set(ctx, key, digits);
		snprintf(key, sizeof(key), "bk.p%d.sex", i);
		*session_int(ctx->session, key, -1) = sex && sex[0] == 'F' ? 1 : sex && sex[0] == 'M' ? 0 : -1;
		i++;
	}
	const char *phone = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "phone"));
	screen_set(ctx, "bk.phone", phone ? phone : "");
	cJSON_Delete(p);
}

void booking_typed_date(const char *digits, char *out, size_t len)
{
	out[0] = '\0';
	if (strlen(digits) == 8 && strspn(digits, "0123456789") == 8)
		snprintf(out, len, "%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
}
