/* A minimal test harness: CHECK records a failure with its place and goes on; a test program
 * returns check_exit() from main, which prints "N checks, M failed" and fails the CTest case. */
#ifndef KIOSK_TESTS_CHECK_H
#define KIOSK_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_count, check_failed;

#define CHECK(cond) check_at((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(a, b) check_str_at((a), (b), #a, __FILE__, __LINE__)
#define CHECK_INT(a, b) check_int_at((long)(a), (long)(b), #a, __FILE__, __LINE__)

static inline int check_at(int ok, const char *what, const char *file, int line)
{
	check_count++;
	if (!ok) {
		check_failed++;
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	}
	return ok;
}

static inline int check_str_at(const char *a, const char *b, const char *what, const char *file, int line)
{
	check_count++;
	if (!a || !b || strcmp(a, b) != 0) {
		check_failed++;
		fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", file, line, what, a ? a : "(null)",
			b ? b : "(null)");
		return 0;
	}
	return 1;
}

static inline int check_int_at(long a, long b, const char *what, const char *file, int line)
{
	check_count++;
	if (a != b) {
		check_failed++;
		fprintf(stderr, "%s:%d: %s is %ld, expected %ld\n", file, line, what, a, b);
		return 0;
	}
	return 1;
}

static inline int check_exit(void)
{
	printf("%d checks, %d failed\n", check_count, check_failed);
	return check_failed ? 1 : 0;
}

#endif
