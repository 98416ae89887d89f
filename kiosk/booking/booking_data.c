/* Booking reference data; see booking_data.h. */
#include "booking/booking_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct booking_data {
	struct store *store;
	struct booking_catalog catalog;
	int64_t catalog_stamp[2]; /* fetched_at of services and offices when parsed */
	int64_t catalog_checked;
	char slots_key[160];
	struct catalog_slot slots[CATALOG_SLOTS_MAX];
	int slot_count;
	int64_t slots_stamp, slots_checked;
	int window_cap; /* [booking] window_days, 0: none */
};

struct booking_data *booking_data_create(struct store *store)
{
	struct booking_data *d = calloc(1, sizeof(*d));
	if (d) {
		d->store = store;
		d->catalog_checked = d->slots_checked = -1;
	}
	return d;
}

void booking_data_destroy(struct booking_data *d)
{
	free(d);
}

static int64_t stamp_of(struct booking_data *d, const char *kind)
{
	int64_t stamp = 0;
	if (d->store && !store_ref_stamp(d->store, kind, &stamp))
		stamp = 0;
	return stamp;
}

void booking_data_set_window(struct booking_data *d, int days)
{
	if (!d || d->window_cap == days)
		return;
	d->window_cap = days;
	d->catalog.service_count = 0; /* parse again on the next read, with the new limit */
	d->catalog_checked = -1;
}

const struct booking_catalog *booking_data_catalog(struct booking_data *d, int64_t now)
{
	if (d->catalog_checked == now)
		return &d->catalog;
	d->catalog_checked = now;
	int64_t stamps[2] = {stamp_of(d, "services"), stamp_of(d, "offices")};
	if (stamps[0] != d->catalog_stamp[0] || stamps[1] != d->catalog_stamp[1] || !d->catalog.service_count) {
		char *services = ref_cached(d->store, "services"), *offices = ref_cached(d->store, "offices");
		booking_catalog_parse(&d->catalog, services, offices);
		free(services);
		free(offices);
		for (int i = 0; d->window_cap > 0 && i < d->catalog.office_count; i++) {
			if (d->catalog.offices[i].window_days > d->window_cap)
				d->catalog.offices[i].window_days = d->window_cap;
		}
		d->catalog_stamp[0] = stamps[0];
		d->catalog_stamp[1] = stamps[1];
	}
	return &d->catalog;
}

int booking_data_slots(struct booking_data *d, const char *office, const char *service, int64_t now,
		       const struct catalog_slot **slots)
{
	char key[160];
	snprintf(key, sizeof(key), "slots:%s:%s", office, service);
	bool same = strcmp(key, d->slots_key) == 0;
	if (!same || d->slots_checked != now) {
		d->slots_checked = now;
		int64_t stamp = stamp_of(d, key);
		if (!same || stamp != d->slots_stamp) {
			char *json = ref_cached(d->store, key);
			d->slot_count = json ? booking_slots_parse(json, d->slots, CATALOG_SLOTS_MAX) : 0;
			free(json);
			d->slots_stamp = stamp;
			snprintf(d->slots_key, sizeof(d->slots_key), "%s", key);
		}
	}
	*slots = d->slots;
	return d->slot_count;
}
