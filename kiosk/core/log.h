/* Levelled logging to stderr with the place it came from ([file:line]).
 * journald captures stderr when the kiosk runs as a service. Never pass personal data
 * (names, ID numbers, phones) to these functions. */
#ifndef KIOSK_CORE_LOG_H
#define KIOSK_CORE_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Sets the most verbose level that is printed (default LOG_INFO). */
void log_set_level(enum log_level level);
/* Parses "error", "warn", "info" or "debug"; returns -1 for anything else. */
int log_level_parse(const char *name);
/* Writes one line; use the kiosk_log* macros instead of calling this. */
void log_write(enum log_level level, const char *file, int line, int with_errno, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#define kiosk_log(level, ...) log_write((level), __FILE__, __LINE__, 0, __VA_ARGS__)
/* Like kiosk_log, and appends strerror(errno). */
#define kiosk_log_errno(level, ...) log_write((level), __FILE__, __LINE__, 1, __VA_ARGS__)

#endif
