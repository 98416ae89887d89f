/* log: see log.h. One fprintf per line so concurrent lines do not interleave. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static enum log_level max_level = LOG_INFO;

void log_set_level(enum log_level level)
{
	max_level = level;
}

int log_enabled(enum log_level level)
{
	return level <= max_level;
}

void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
{
	static const char *names[] = {"error", "warn", "info", "debug"};
	char msg[512];
	va_list ap;
	if (!log_enabled(level))
		return;
	const char *base = strrchr(file, '/');
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "backend-stub %s [%s:%d] %s\n", names[level], base ? base + 1 : file, line, msg);
}
