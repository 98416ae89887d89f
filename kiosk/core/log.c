/* Levelled logging; see log.h. Thread-safe as far as stdio is (one fprintf per line); the ring of
 * recent lines has its own lock. */
#include "core/log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"

static enum log_level max_level = LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

#define RECENT_LINE_MAX 256
static pthread_mutex_t recent_lock = PTHREAD_MUTEX_INITIALIZER;
static char recent[LOG_RECENT_LINES][RECENT_LINE_MAX];
static unsigned recent_next, recent_count;

static void remember(const char *line)
{
	pthread_mutex_lock(&recent_lock);
	utf8_copy(recent[recent_next], RECENT_LINE_MAX, line); /* staff mode shows it: never half a character */
	recent_next = (recent_next + 1) % LOG_RECENT_LINES;
	if (recent_count < LOG_RECENT_LINES)
		recent_count++;
	pthread_mutex_unlock(&recent_lock);
}

size_t log_recent(char *out, size_t len)
{
	size_t used = 0;
	if (!len)
		return 0;
	out[0] = '\0';
	pthread_mutex_lock(&recent_lock);
	unsigned first = (recent_next + LOG_RECENT_LINES - recent_count) % LOG_RECENT_LINES;
	for (unsigned i = 0; i < recent_count && used + 1 < len; i++) {
		int n = snprintf(out + used, len - used, "%s\n", recent[(first + i) % LOG_RECENT_LINES]);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
	pthread_mutex_unlock(&recent_lock);
	return used;
}

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

	char text[1200];
	if (with_errno)
		snprintf(text, sizeof(text), "%s.%03ld %-5s [%s:%d] %s: %s", when, ts.tv_nsec / 1000000L,
			 level_names[level], base, line, msg, strerror(saved_errno));
	else
		snprintf(text, sizeof(text), "%s.%03ld %-5s [%s:%d] %s", when, ts.tv_nsec / 1000000L,
			 level_names[level], base, line, msg);
	fprintf(stderr, "%s\n", text);
	remember(text);
}
