/* Levelled logging to stderr with the place it came from ([file:line]), and the last lines in memory
 * for staff to export. journald captures stderr when the kiosk runs as a service. Never pass personal data
 * (names, ID numbers, phones) to these functions. */
#ifndef KIOSK_CORE_LOG_H
#define KIOSK_CORE_LOG_H

#include <stddef.h>

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Sets the most verbose level that is printed (default LOG_INFO). */
void log_set_level(enum log_level level);
/* Parses "error", "warn", "info" or "debug"; returns -1 for anything else. */
int log_level_parse(const char *name);
/* Writes one line; use the kiosk_log* macros instead of calling this. */
void log_write(enum log_level level, const char *file, int line, int with_errno, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Copies the most recent log lines (up to LOG_RECENT_LINES, oldest first, each ending in a newline)
 * into out as one NUL-terminated text, for staff's log export; returns its length. */
#define LOG_RECENT_LINES 200
size_t log_recent(char *out, size_t len);

#define kiosk_log(level, ...) log_write((level), __FILE__, __LINE__, 0, __VA_ARGS__)
/* Like kiosk_log, and appends strerror(errno). */
#define kiosk_log_errno(level, ...) log_write((level), __FILE__, __LINE__, 1, __VA_ARGS__)

#endif
