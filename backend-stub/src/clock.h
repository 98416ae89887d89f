/*
 * clock: the stub's only source of "now" (civil dates are in kiosk/rules/civil_date.h).
 * A development offset (--clock-offset) shifts "now" for tests of date rules.
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

#endif
