/* Fuzz target: the booking reference data the backend sends and the kiosk caches (GET /v1/services,
 * /v1/offices, /v1/slots; backend-stub/API.md), read by booking/booking_catalog.c, and what the
 * screens build from it: the month grid of each office and the day's slots in time order.
 * Input: services JSON, NUL, offices JSON, NUL, slots JSON.
 * Invariants: counts within the arrays, ids of the allowed characters, texts NUL-terminated valid
 * UTF-8, slot times "HH:MM" on the slot's own date, free places never above capacity, every month
 * day has a status, a day's slots come out in time order and each once. */
#include <stdlib.h>
#include <string.h>

#include "booking/booking_catalog.h"
#include "fuzz_catalog.h"
#include "id_document.h"

static struct booking_catalog *catalog;
static struct catalog_slot *slots;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	catalog = fuzz_alloc(sizeof(*catalog));
	slots = fuzz_alloc(CATALOG_SLOTS_MAX * sizeof(*slots));
	return 0;
}

static void check_id(const char *id)
{
	size_t len = strnlen(id, CATALOG_ID_MAX);
	FUZZ_CHECK(len > 0 && len < CATALOG_ID_MAX);
	FUZZ_CHECK(fuzz_only(id, len, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"));
}

static void check_catalog(const struct booking_catalog *c)
{
	FUZZ_CHECK(c->service_count >= 0 && c->service_count <= CATALOG_SERVICES_MAX);
	FUZZ_CHECK(c->office_count >= 0 && c->office_count <= CATALOG_OFFICES_MAX);
	for (int i = 0; i < c->service_count; i++) {
		const struct catalog_service *s = &c->services[i];
		check_id(s->id);
		fuzz_check_catalog_text(&s->name);
		fuzz_check_catalog_text(&s->description);
		fuzz_check_catalog_text(&s->documents);
		FUZZ_CHECK(s->parties_min >= 1 && s->parties_min <= s->parties_max && s->parties_max <= 2);
		FUZZ_CHECK(catalog_service_find(c, s->id) == s); /* ids are distinct */
	}
	for (int i = 0; i < c->office_count; i++) {
		const struct catalog_office *o = &c->offices[i];
		check_id(o->id);
		fuzz_check_catalog_text(&o->name);
		fuzz_check_catalog_text(&o->address);
		fuzz_check_catalog_text(&o->hours);
		FUZZ_CHECK_TEXT(o->phone, sizeof(o->phone));
		FUZZ_CHECK(o->window_days >= 0 && o->window_days <= 366);
		FUZZ_CHECK(o->service_count >= 0 && o->service_count <= CATALOG_SERVICES_MAX);
		for (int k = 0; k < o->service_count; k++) {
			check_id(o->services[k]);
			FUZZ_CHECK(catalog_office_offers(o, o->services[k]));
		}
		FUZZ_CHECK(catalog_office_find(c, o->id) == o);
	}
}

static void check_slot(const struct catalog_slot *s)
{
	FUZZ_CHECK(s->id >= 1);
	FUZZ_CHECK(id_document_date_valid(s->date.year, s->date.month, s->date.day));
	for (int k = 0; k < 2; k++) {
		const char *t = k ? s->end : s->start;
		FUZZ_CHECK(strlen(t) == 5 && t[2] == ':' && fuzz_only(t, 2, "0123456789") &&
			   fuzz_only(t + 3, 2, "0123456789"));
	}
	FUZZ_CHECK_TEXT(s->label, sizeof(s->label));
	FUZZ_CHECK(s->capacity >= 0 && s->free >= 0 && s->free <= s->capacity);
}

static void check_grid(const struct booking_catalog *c, const struct catalog_slot *s, int n)
{
	static const struct booking_day_reasons reasons = {"outside", "closed", "holiday", "full"};
	const struct civil_date today = {2026, 11, 28};
	for (int i = -1; i < c->office_count; i++) {
		const struct catalog_office *o = i < 0 ? NULL : &c->offices[i];
		for (int m = 0; m < 3; m++) {
			struct ui_month month;
			int year = 2026 + (11 + m - 1) / 12, mon = (11 + m - 1) % 12 + 1;
			booking_month(o, s, n, today, year, mon, &reasons, &month);
			FUZZ_CHECK(month.days >= 28 && month.days <= 31);
			FUZZ_CHECK(month.first_weekday >= 0 && month.first_weekday <= 6);
			for (int d = 0; d < month.days; d++)
				FUZZ_CHECK(month.status[d] == UI_DAY_OPEN || month.reason[d] != NULL);
		}
	}
	/* Every day that has slots: in time order, each slot once. */
	for (int i = 0; i < n && i < 64; i++) {
		struct ui_slot cells[64];
		int index[64];
		int got = booking_day_slots(s, n, s[i].date, cells, 64, index);
		FUZZ_CHECK(got >= 1 && got <= 64);
		for (int k = 0; k < got; k++) {
			FUZZ_CHECK(index[k] >= 0 && index[k] < n);
			FUZZ_CHECK(cells[k].free >= 0 && cells[k].free <= cells[k].capacity);
			FUZZ_CHECK(cells[k].time != NULL && strlen(cells[k].time) < sizeof(s->label));
			if (k > 0) {
				FUZZ_CHECK(index[k] != index[k - 1]);
				FUZZ_CHECK(strcmp(s[index[k - 1]].start, s[index[k]].start) <= 0);
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 3);
	booking_catalog_parse(catalog, parts.part[0], parts.part[1]);
	check_catalog(catalog);
	int n = booking_slots_parse(parts.part[2], slots, CATALOG_SLOTS_MAX);
	FUZZ_CHECK(n >= 0 && n <= CATALOG_SLOTS_MAX);
	for (int i = 0; i < n; i++)
		check_slot(&slots[i]);
	check_grid(catalog, slots, n);
	/* The slot screen's own smaller array (booking_slot.c asks for 64). */
	FUZZ_CHECK(booking_slots_parse(parts.part[2], slots, 64) <= 64);
	fuzz_parts_free(&parts);
	return 0;
}
