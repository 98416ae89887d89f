/* Facts about the kiosk's data for staff and the heartbeat: free disk space where the data lives,
 * the database's size on disk, and how old the cached reference data is. Cheap (a statvfs, two stats
 * and a few indexed queries); safe on any thread with that thread's own store connection. */
#ifndef KIOSK_DATA_DATA_HEALTH_H
#define KIOSK_DATA_DATA_HEALTH_H

#include <stdint.h>

#include "data/store.h"

#define DATA_HEALTH_KINDS 5

struct data_health {
	int64_t disk_free_bytes; /* -1: unknown */
	int64_t db_bytes; /* kiosk.db plus its WAL; -1: unknown */
	int64_t fetched_at[DATA_HEALTH_KINDS]; /* per reference kind (data_health_kinds), 0: never */
	int64_t oldest_fetched_at; /* the stalest kind that is cached, 0: none cached */
};

/* The reference kinds reported, in order: services, offices, programmes, projects, texts. */
extern const char *const data_health_kinds[DATA_HEALTH_KINDS];

/* Collects the facts; store may be NULL and data_dir NULL (then those are unknown). */
void data_health_collect(struct store *store, const char *data_dir, struct data_health *out);

#endif
