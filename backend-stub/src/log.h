/*
 * log: levelled log lines on stderr, each with [file:line]. Callers must never pass personal
 * data (names, document numbers, phones); log request paths, codes and counts only.
 */
#ifndef STUB_LOG_H
#define STUB_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Set the most verbose level that is printed (default LOG_INFO). */
void log_set_level(enum log_level level);

/* 1 if lines of level are printed. */
int log_enabled(enum log_level level);

/* Print one line; use the log_* macros instead. */
void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define log_error(...) log_write(LOG_ERROR, __FILE__, __LINE__, __VA_ARGS__)
#define log_warn(...) log_write(LOG_WARN, __FILE__, __LINE__, __VA_ARGS__)
#define log_info(...) log_write(LOG_INFO, __FILE__, __LINE__, __VA_ARGS__)
#define log_debug(...) log_write(LOG_DEBUG, __FILE__, __LINE__, __VA_ARGS__)

#endif
