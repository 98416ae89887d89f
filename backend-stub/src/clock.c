/* clock: see clock.h. */
#include "clock.h"


static long long offset_s;

void clock_set_offset(long long offset)
{
	offset_s = offset;
}

long long clock_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec + offset_s;
}

