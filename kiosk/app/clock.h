/* The only source of "now" in the kiosk. Real time by default; a virtual clock under the automation
 * driver, which advances only when a script says `wait`, so timeouts are testable in no real time. */
#ifndef KIOSK_APP_CLOCK_H
#define KIOSK_APP_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

struct clock {
	bool is_virtual;
	uint64_t virtual_ms;
};

/* Starts a real clock, or a virtual one at 0 ms. */
void clock_init(struct clock *c, bool is_virtual);
/* Milliseconds on a monotonic scale. */
uint64_t clock_now_ms(const struct clock *c);
/* Moves a virtual clock forward; no effect on a real one. */
void clock_advance(struct clock *c, uint64_t ms);

/* Wall-clock Unix seconds: dates on screen, request signatures, record times. Tests may shift it with
 * the environment variable KIOSK_CLOCK_OFFSET (seconds), together with the stub's --clock-offset, to
 * pin "today" (screenshot references); a kiosk in a hall never sets it. */
int64_t clock_wall(void);

#endif
