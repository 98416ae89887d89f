/*
 * clock: the stub's only source of "now" (civil dates are in kiosk/rules/civil_date.h).
 * A development offset (--clock-offset) shifts "now" for tests of date rules. Also parses the
 * ISO 8601 times that kiosks send (pledged_at, requested_at).
 */
#ifndef STUB_CLOCK_H
#define STUB_CLOCK_H

#include <stddef.h>
#include <time.h>

#include "civil_date.h"

/* Shift every later clock_now() by offset seconds. */
void clock_set_offset(long long offset);

/* Current Unix time in seconds, including the offset. */
long long clock_now(void);

/*
 * Parse "YYYY-MM-DDTHH:MM:SS" with an optional fraction (dropped) and a required zone, "Z" or
 * "+HH:MM"/"-HH:MM", into Unix seconds; 0 on success, -1 if s is anything else.
 */
int clock_parse_iso(const char *s, long long *out);

#endif
