/* booking_catalog: see booking_catalog.h. Reads the backend's JSON (backend-stub/API.md) with the
 * bounded readers of data/ref_json.h: an item with a bad id is dropped, items past the array sizes
 * are ignored, anything of the wrong type gets its default. */
#include "booking/booking_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#define WINDOW_DAYS_DEFAULT 15 /* API.md: booking_window_days defaults to 15 */
#define WINDOW_DAYS_MAX 366
#define CAPACITY_MAX 100000
#define SLOT_ID_MAX 9007199254740992.0 /* 2^53: larger JSON numbers are not exact in a double */

static const char *const weekday_keys[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static bool parse_service(struct catalog_service *s, const cJSON *item)
{
	memset(s, 0, sizeof(*s));
	if (!cJSON_IsObject(item) || !ref_json_id(s->id, cJSON_GetObjectItemCaseSensitive(item, "id")))
		return false;
	ref_json_text(&s->name, cJSON_GetObjectItemCaseSensitive(item, "name"));
	ref_json_text(&s->description, cJSON_GetObjectItemCaseSensitive(item, "description"));
	ref_json_text(&s->documents, cJSON_GetObjectItemCaseSensitive(item, "documents"));
	s->parties_min = (int)ref_json_int(item, "parties_min", 1, 2, 1);
	s->parties_max = (int)ref_json_int(item, "parties_max", 1, 2, 2);
	if (s->parties_max < s->parties_min)
		s->parties_max = s->parties_min;
	return true;
}

static void parse_office_services(struct catalog_office *o, const cJSON *list)
{
	const cJSON *item;
	if (!cJSON_IsArray(list))
		return;
	cJSON_ArrayForEach(item, list)
	{
		if (o->service_count == CATALOG_SERVICES_MAX)
			break;
		char *slot = o->services[o->service_count];
		if (ref_json_id(slot, item) && !catalog_office_offers(o, slot))
			o->service_count++;
	}
}

static bool parse_office(struct catalog_office *o, const cJSON *item)
{
	const cJSON *phone, *hours, *role;
	memset(o, 0, sizeof(*o));
	if (!cJSON_IsObject(item) || !ref_json_id(o->id, cJSON_GetObjectItemCaseSensitive(item, "id")))
		return false;
	ref_json_text(&o->name, cJSON_GetObjectItemCaseSensitive(item, "name"));
	ref_json_text(&o->address, cJSON_GetObjectItemCaseSensitive(item, "address"));
	ref_json_text(&o->hours, cJSON_GetObjectItemCaseSensitive(item, "hours_text"));
	phone = cJSON_GetObjectItemCaseSensitive(item, "phone");
	if (cJSON_IsObject(phone))
		phone = cJSON_GetObjectItemCaseSensitive(phone, text_lang_tag(TEXT_LANG_ZH_HANS));
	ref_json_string(o->phone, sizeof(o->phone), phone);
	o->bookable = ref_json_bool(item, "bookable", false);
	role = cJSON_GetObjectItemCaseSensitive(item, "role");
	o->designated = cJSON_IsString(role) && strcmp(role->valuestring, "designated_cross_border_registry") == 0;
	o->window_days = (int)ref_json_int(item, "booking_window_days", 0, WINDOW_DAYS_MAX, WINDOW_DAYS_DEFAULT);
	hours = cJSON_GetObjectItemCaseSensitive(item, "opening_hours");
	for (int wd = 0; wd < 7; wd++) {
		const cJSON *day = cJSON_IsObject(hours) ? cJSON_GetObjectItemCaseSensitive(hours, weekday_keys[wd]) : NULL;
		o->open_on[wd] = cJSON_IsArray(day) && cJSON_GetArraySize(day) > 0;
	}
	parse_office_services(o, cJSON_GetObjectItemCaseSensitive(item, "services"));
	return true;
}

void booking_catalog_parse(struct booking_catalog *c, const char *services_json, const char *offices_json)
{
	cJSON *services = NULL, *offices = NULL;
	const cJSON *item;
	if (c == NULL)
		goto out;
	memset(c, 0, sizeof(*c));
	services = ref_json_parse(services_json);
	offices = ref_json_parse(offices_json);
	cJSON_ArrayForEach(item, ref_json_items(services))
	{
		if (c->service_count == CATALOG_SERVICES_MAX)
			break;
		struct catalog_service *s = &c->services[c->service_count];
		if (parse_service(s, item) && catalog_service_find(c, s->id) == NULL)
			c->service_count++;
	}
	cJSON_ArrayForEach(item, ref_json_items(offices))
	{
		if (c->office_count == CATALOG_OFFICES_MAX)
			break;
		struct catalog_office *o = &c->offices[c->office_count];
		if (parse_office(o, item) && catalog_office_find(c, o->id) == NULL)
			c->office_count++;
	}
	/* An entry parsed but not counted (a duplicate or a bad item) is not left behind. */
	if (c->service_count < CATALOG_SERVICES_MAX)
		memset(&c->services[c->service_count], 0, sizeof(c->services[0]));
	if (c->office_count < CATALOG_OFFICES_MAX)
		memset(&c->offices[c->office_count], 0, sizeof(c->offices[0]));
out:
	cJSON_Delete(services);
	cJSON_Delete(offices);
}

const struct catalog_service *catalog_service_find(const struct booking_catalog *c, const char *id)
{
	for (int i = 0; c != NULL && id != NULL && i < c->service_count; i++)
		if (strncmp(c->services[i].id, id, CATALOG_ID_MAX) == 0)
			return &c->services[i];
	return NULL;
}

const struct catalog_office *catalog_office_find(const struct booking_catalog *c, const char *id)
{
	for (int i = 0; c != NULL && id != NULL && i < c->office_count; i++)
		if (strncmp(c->offices[i].id, id, CATALOG_ID_MAX) == 0)
			return &c->offices[i];
	return NULL;
}

bool catalog_office_offers(const struct catalog_office *o, const char *service_id)
{
	for (int i = 0; o != NULL && service_id != NULL && i < o->service_count; i++)
		if (strncmp(o->services[i], service_id, CATALOG_ID_MAX) == 0)
			return true;
	return false;
}

/* "HH:MM" from "HH:MM" or from an ISO time "YYYY-MM-DDTHH:MM:SS+08:00" on the slot's date. */
static bool parse_time(const cJSON *item, struct civil_date date, char out[6])
{
	const char *s = cJSON_GetStringValue(item);
	size_t len = s ? strnlen(s, 32) : 0;
	struct civil_date d;
	char day[11];
	if (len >= 16 && s[10] == 'T') {
		memcpy(day, s, 10);
		day[10] = '\0';
		if (date_parse(day, &d) != 0 || date_to_days(d) != date_to_days(date))
			return false;
		s += 11;
	} else if (len != 5) {
		return false;
	}
	if (s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' || s[2] != ':' || s[3] < '0' || s[3] > '5' ||
	    s[4] < '0' || s[4] > '9' || (s[0] - '0') * 10 + (s[1] - '0') > 24)
		return false;
	memcpy(out, s, 5);
	out[5] = '\0';
	return true;
}

static bool parse_slot(struct catalog_slot *s, const cJSON *item)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(item, "date");
	const char *ds = cJSON_GetStringValue(date);
	const cJSON *bookable = cJSON_GetObjectItemCaseSensitive(item, "bookable");
	memset(s, 0, sizeof(*s));
	if (!cJSON_IsNumber(id) || !(id->valuedouble >= 1 && id->valuedouble <= SLOT_ID_MAX) ||
	    id->valuedouble != (double)(int64_t)id->valuedouble)
		return false;
	s->id = (int64_t)id->valuedouble;
	if (ds == NULL || strnlen(ds, 11) != 10 || date_parse(ds, &s->date) != 0)
		return false;
	if (!parse_time(cJSON_GetObjectItemCaseSensitive(item, "start"), s->date, s->start) ||
	    !parse_time(cJSON_GetObjectItemCaseSensitive(item, "end"), s->date, s->end))
		return false;
	s->capacity = (int)ref_json_int(item, "capacity", 0, CAPACITY_MAX, -1);
	s->free = (int)ref_json_int(item, "free", 0, CAPACITY_MAX, -1);
	if (s->capacity < 0 || s->free < 0)
		return false;
	if (s->free > s->capacity)
		s->free = s->capacity;
	/* Absent means bookable (older answers); any other type is not trusted. */
	s->bookable = bookable == NULL || cJSON_IsTrue(bookable);
	snprintf(s->label, sizeof(s->label), "%s–%s", s->start, s->end);
	return true;
}

int booking_slots_parse(const char *slots_json, struct catalog_slot *out, int max)
{
	cJSON *root = NULL;
	const cJSON *item;
	int n = 0;
	if (out == NULL || max <= 0)
		goto out;
	root = ref_json_parse(slots_json);
	cJSON_ArrayForEach(item, ref_json_items(root))
	{
		if (n == max)
			break;
		if (cJSON_IsObject(item) && parse_slot(&out[n], item))
			n++;
	}
out:
	cJSON_Delete(root);
	return n;
}

static bool same_date(struct civil_date a, struct civil_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

void booking_month(const struct catalog_office *o, const struct catalog_slot *slots, int slot_count,
		   struct civil_date today, int year, int month, const struct booking_day_reasons *reasons,
		   struct ui_month *out)
{
	int total[31] = {0}, free_slots[31] = {0};
	struct civil_date first = {year, month, 1};
	long first_day, window_first, window_last;
	int window, weekday1;
	if (out == NULL)
		return;
	memset(out, 0, sizeof(*out));
	if (month < 1 || month > 12 || year < 1900 || year > 9999)
		return;
	out->year = year;
	out->month = month;
	out->days = date_days_in_month(year, month);
	weekday1 = date_weekday(first);
	out->first_weekday = (weekday1 + 6) % 7; /* civil_date counts from Sunday, ui_month from Monday */
	for (int i = 0; slots != NULL && i < slot_count; i++) {
		const struct catalog_slot *s = &slots[i];
		if (s->date.year != year || s->date.month != month || s->date.day < 1 || s->date.day > out->days)
			continue;
		total[s->date.day - 1]++;
		if (s->free > 0 && s->bookable)
			free_slots[s->date.day - 1]++;
	}
	window = o ? o->window_days : 0;
	if (window < 0)
		window = 0;
	if (window > WINDOW_DAYS_MAX)
		window = WINDOW_DAYS_MAX;
	window_first = date_to_days(today) + 1;
	window_last = date_to_days(today) + window;
	first_day = date_to_days(first);
	for (int d = 0; d < out->days; d++) {
		long day = first_day + d;
		int wd = (weekday1 + d) % 7;
		const char *why = NULL;
		if (day < window_first || day > window_last) {
			out->status[d] = UI_DAY_OUTSIDE;
			why = reasons ? reasons->outside : NULL;
		} else if (total[d] == 0) {
			/* Slots win over the weekly hours: an official make-up working day on a Sunday has them. */
			out->status[d] = UI_DAY_CLOSED;
			why = reasons ? (o != NULL && o->open_on[wd] ? reasons->holiday : reasons->closed_weekday) : NULL;
		} else if (free_slots[d] == 0) {
			out->status[d] = UI_DAY_FULL;
			why = reasons ? reasons->full : NULL;
		} else {
			out->status[d] = UI_DAY_OPEN;
		}
		out->reason[d] = why;
	}
}

/* Time order, ties by position, so the order is total and every slot is visited once. */
static bool before(const struct catalog_slot *slots, int a, int b)
{
	int c = strncmp(slots[a].start, slots[b].start, sizeof(slots[a].start));
	return c < 0 || (c == 0 && a < b);
}

int booking_day_slots(const struct catalog_slot *slots, int slot_count, struct civil_date day, struct ui_slot *out,
		      int max, int *slot_index)
{
	int n = 0, prev = -1;
	if (slots == NULL || out == NULL)
		return 0;
	/* Selection in time order without a scratch array; a day has a few dozen slots at most. */
	while (n < max) {
		int best = -1;
		for (int i = 0; i < slot_count; i++) {
			if (!same_date(slots[i].date, day) || (prev >= 0 && !before(slots, prev, i)))
				continue;
			if (best < 0 || before(slots, i, best))
				best = i;
		}
		if (best < 0)
			break;
		const struct catalog_slot *s = &slots[best];
		out[n].time = s->label[0] != '\0' ? s->label : s->start;
		out[n].free = s->bookable ? s->free : 0;
		out[n].capacity = s->capacity;
		if (slot_index != NULL)
			slot_index[n] = best;
		n++;
		prev = best;
	}
	return n;
}
