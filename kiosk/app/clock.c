/* Monotonic or virtual time; see clock.h. */
#include "app/clock.h"

#include <stdlib.h>
#include <time.h>

void clock_init(struct clock *c, bool is_virtual)
{
	c->is_virtual = is_virtual;
	c->virtual_ms = 0;
}

uint64_t clock_now_ms(const struct clock *c)
{
	if (c->is_virtual)
		return c->virtual_ms;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void clock_advance(struct clock *c, uint64_t ms)
{
	if (c->is_virtual)
		c->virtual_ms += ms;
}

int64_t clock_wall(void)
{
	static int64_t offset = -1;
	if (offset == -1) { /* read once; the variable is for tests only */
		const char *v = getenv("KIOSK_CLOCK_OFFSET");
		offset = v ? strtoll(v, NULL, 10) : 0;
	}
	return (int64_t)time(NULL) + offset;
}
