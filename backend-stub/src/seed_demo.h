/*
 * seed_demo: the demo data set (--seed demo) for Jianghai District: the marriage registry and
 * the three street offices with hours, slots for the 60 days after the first start, public
 * holidays, assistance programmes with the standards stated in the district's 14th five-year
 * plan (labelled with their year) and their screener rules, charity projects, kiosk texts and sample
 * applications in every state.
 * Runs once per database: a marker in meta prevents duplicates on later starts.
 */
#ifndef STUB_SEED_DEMO_H
#define STUB_SEED_DEMO_H

#include <stdbool.h>

#include "store.h"

/* Fill an unseeded database as of Unix time now (slots start the day after now's date in Beijing);
 * slot_capacity > 0 overrides every slot's capacity; hans_only leaves zh-Hant and en out of every
 * text (a backend that has only Simplified Chinese). 0 on success or when already seeded. */
int seed_demo_run(struct store *store, long long now, int slot_capacity, bool hans_only);

#endif
