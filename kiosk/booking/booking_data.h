/* The booking reference data for the screens, read from the store's cache and kept parsed: the
 * catalog (services, offices) and the slots of one office and service. Reloaded when the sync engine
 * has put newer data in the cache (a timestamp query at most once a second; the JSON is read and
 * parsed only when it changed), so a screen pass costs no parsing and no blob reads.
 * Belongs to the UI thread. */
#ifndef KIOSK_BOOKING_BOOKING_DATA_H
#define KIOSK_BOOKING_BOOKING_DATA_H

#include "booking/booking_catalog.h"
#include "data/store.h"

struct booking_data;

/* Borrows store (may be NULL: then everything is empty). */
struct booking_data *booking_data_create(struct store *store);
void booking_data_destroy(struct booking_data *d);
/* Limits every office's booking window to days ([booking] window_days; 0: the office's own window).
 * The backend keeps its own window, so a longer one than the office's is not offered. */
void booking_data_set_window(struct booking_data *d, int days);
/* The catalog as cached now. */
const struct booking_catalog *booking_data_catalog(struct booking_data *d, int64_t now);
/* The cached slots of an office and a service; returns the count and points *slots at them. */
int booking_data_slots(struct booking_data *d, const char *office, const char *service, int64_t now,
		       const struct catalog_slot **slots);

#endif
