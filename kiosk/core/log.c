/* Levelled logging; see log.h. Thread-safe as far as stdio is (one fprintf per line). */
#include "core/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static enum log_level max_level = LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

void log_set_level(enum log_level level)
{
	max_level = level;
}

int log_level_parse(const char *name)
{
	for (int i = 0; i < (int)(sizeof(level_names) / sizeof(level_names[0])); i++) {
		if (strcmp(name, level_names[i]) == 0)
			return i;
	}
	return -1;
}

void log_write(enum log_level level, const char *file, int line, int with_errno, const char *fmt, ...)
{
	int saved_errno = errno;
	if (level > max_level)
		return;
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;

	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	localtime_r(&ts.tv_sec, &tm);
	char when[32];
	strftime(when, sizeof(when), "%H:%M:%S", &tm);

	if (with_errno)
		fprintf(stderr, "%s.%03ld %-5s [%s:%d] %s: %s\n", when, ts.tv_nsec / 1000000L,
			level_names[level], base, line, msg, strerror(saved_errno));
	else
		fprintf(stderr, "%s.%03ld %-5s [%s:%d] %s\n", when, ts.tv_nsec / 1000000L,
			level_names[level], base, line, msg);
}
